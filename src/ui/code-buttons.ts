// The copy and ▶ buttons of rendered code blocks (markdown.ts), and the lab's one terminal they type into.

/** What a ▶ button needs from the terminal: type a line as the learner would, and press Enter. */
export interface LineTarget {
  typeLine(line: string): void;
}

let target: LineTarget | null = null;
/** Told after a line was typed into the terminal (the lab shows the terminal pane on a phone, so its output is seen). */
const ran = new Set<() => void>();

/** Calls `fn` after each line a button types into the terminal; returns the unsubscribe. */
export function onRunInTerminal(fn: () => void): () => void {
  ran.add(fn);
  return () => ran.delete(fn);
}

/** The lab's terminal registers itself while it is open (null when it closes). */
export function setRunTarget(t: LineTarget | null): void {
  target = t;
}

/** Type a code block's lines into the open terminal; false when there is none (the simulator is still loading). */
export function runInTerminal(code: string): boolean {
  if (!target) return false;
  target.typeLine(code);
  for (const fn of ran) fn();
  return true;
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** Show for a moment that a button did its job (✓), then its symbol again. */
function flash(button: HTMLElement, ok: boolean): void {
  const was = button.textContent;
  button.textContent = ok ? '✓' : '✗';
  setTimeout(() => (button.textContent = was), 1200);
}

/** Svelte action: handles clicks on the code blocks' buttons anywhere inside `node`. */
export function codeButtons(node: HTMLElement) {
  const onClick = (e: MouseEvent) => {
    const button = (e.target as Element | null)?.closest<HTMLElement>('[data-code-copy], [data-code-run]');
    const code = button?.closest('.code-block')?.querySelector('code')?.textContent;
    if (!button || code === undefined || code === null) return;
    if (button.hasAttribute('data-code-copy')) void copy(code).then((ok) => flash(button, ok));
    else flash(button, runInTerminal(code));
  };
  node.addEventListener('click', onClick);
  return { destroy: () => node.removeEventListener('click', onClick) };
}
