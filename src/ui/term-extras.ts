// DOM around an open xterm: clipboard shortcuts, focus coming back after a click on a control, the phone key row.
import type { Terminal } from '@xterm/xterm';
import { EXTRA_KEYS, clipboardAction } from './term-keys';

const isMac = () => /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

/** Write text to the clipboard (the async API, or a hidden textarea where it is missing: plain http). */
async function writeClipboard(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.cssText = 'position:fixed;opacity:0';
    document.body.append(ta);
    ta.select();
    document.execCommand('copy');
    ta.remove();
  }
}

/**
 * Ctrl/Cmd+C copies the selection (and clears it, so the next Ctrl+C interrupts), Ctrl/Cmd+V pastes:
 * the key is left to the browser, whose paste event xterm turns into input.
 */
export function clipboardKeys(term: Terminal): void {
  const mac = isMac();
  term.attachCustomKeyEventHandler((e) => {
    const action = clipboardAction(e, mac, term.hasSelection());
    if (!action) return true;
    if (action === 'copy' && e.type === 'keydown') {
      e.preventDefault();
      const text = term.getSelection();
      term.clearSelection();
      void writeClipboard(text);
    }
    return false;
  });
}

/** Controls that keep the keyboard after a click (they take text or a choice). */
const TEXT_INPUT = 'input, textarea, select, [contenteditable=""], [contenteditable="true"], [role="textbox"], [role="combobox"]';
const CONTROL = 'button, [role="tab"], [role="button"], [role="switch"], summary';

/**
 * A mouse or touch click on a control in `root` (diagram tab, Show a hint…) gives the keyboard back to the terminal,
 * so the next keystrokes are not lost. Keyboard activation (detail 0) leaves focus where the learner put it.
 */
export function refocusAfterClicks(root: Document | ShadowRoot, focus: () => void): () => void {
  const onClick = (ev: Event) => {
    if ((ev as MouseEvent).detail === 0) return;
    const target = ev.composedPath()[0];
    if (!(target instanceof Element)) return;
    if (target.closest(TEXT_INPUT) || !target.closest(CONTROL)) return;
    if (target.closest('[data-keep-focus]')) return;
    setTimeout(focus, 0); // after the control's own handler (which may re-render)
  };
  root.addEventListener('click', onClick);
  return () => root.removeEventListener('click', onClick);
}

/** The row of keys a phone keyboard lacks (Esc, Tab, a Ctrl latch, arrows), shown on touch screens. */
export function extraKeyRow(send: (data: string) => void, ctrl: { latched: boolean }, focus: () => void): HTMLElement {
  const row = document.createElement('div');
  row.className = 'dl-extra-keys';
  row.setAttribute('role', 'toolbar');
  row.setAttribute('aria-label', 'Terminal keys');
  row.style.cssText = 'display:flex;gap:4px;padding:4px 0 0;flex:none';
  for (const k of EXTRA_KEYS) {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = k.label;
    b.setAttribute('aria-label', k.name);
    b.dataset.key = k.label;
    b.style.cssText = 'flex:1;min-height:34px;font:inherit;font-size:14px;border-radius:5px;border:1px solid #8886;background:#8882;color:inherit';
    // keep the soft keyboard up: the button never takes focus from the terminal's textarea
    b.addEventListener('pointerdown', (e) => e.preventDefault());
    b.addEventListener('mousedown', (e) => e.preventDefault());
    if (k.data === undefined) b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', () => {
      if (k.data === undefined) {
        ctrl.latched = !ctrl.latched;
        b.setAttribute('aria-pressed', String(ctrl.latched));
        b.style.outline = ctrl.latched ? '2px solid currentColor' : '';
      } else {
        send(k.data);
      }
      focus();
    });
    row.append(b);
  }
  return row;
}

/** Release the Ctrl latch's look once a key used it. */
export function showCtrlReleased(row: HTMLElement | null): void {
  const b = row?.querySelector<HTMLButtonElement>('[data-key="Ctrl"]');
  if (!b) return;
  b.setAttribute('aria-pressed', 'false');
  b.style.outline = '';
}
