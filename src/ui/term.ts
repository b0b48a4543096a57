// Opens an xterm terminal (DOM renderer, fitted to its box) driven by ShellAddon over a session: the lab and the widget.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { ShellAddon, type RunResult, type ShellSession, type ShellTerminal } from './shell-addon';
import { terminalTheme, type Theme } from './theme';
import { clipboardKeys, extraKeyRow, refocusAfterClicks, showCtrlReleased } from './term-extras';
import { ctrlOf } from './term-keys';

export interface TerminalOptions {
  /** Called after every command (refresh diagrams, goals…). */
  onCommandDone?: (line: string, result: RunResult) => void;
  /** Take the keyboard focus at once (the full-page lab; a widget in an article waits for a click). */
  focus?: boolean;
  /** Shown before the first prompt (a replayed branch's earlier commands). */
  intro?: string;
  theme?: Theme;
  /** Asked before typed input reaches the shell; false drops it (time travel asks before leaving a past view). */
  allowInput?: () => boolean;
}

export interface OpenTerminal {
  /** Recolour for light/dark in place. */
  setTheme(t: Theme): void;
  /** Type a command line as if the learner typed it and pressed Enter (replacing what was being typed). */
  typeLine(line: string): void;
  focus(): void;
  /** xterm's screen-reader mode (a live region reads the output). */
  setScreenReader(on: boolean): void;
  dispose(): void;
}

/** Mounts a terminal in `host` (sized by CSS; xterm's stylesheet must reach it). */
export function openTerminal(host: HTMLElement, session: ShellSession, opts: TerminalOptions = {}): OpenTerminal {
  const narrow = window.matchMedia('(max-width: 600px)').matches;
  const term = new Terminal({
    theme: terminalTheme(opts.theme ?? 'dark'),
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
    fontSize: narrow ? 12 : 14,
    lineHeight: 1.2,
    cursorBlink: true,
    scrollback: 5000,
    reflowCursorLine: true, // the addon recomputes its cursor row after a resize and redraws
  });
  const fit = new FitAddon();
  term.loadAddon(fit);
  // the terminal fills `host` above the phone key row (touch screens only)
  host.style.display = 'flex';
  host.style.flexDirection = 'column';
  const box = document.createElement('div');
  box.style.cssText = 'flex:1;min-height:0;overflow:hidden';
  host.append(box);
  term.open(box);
  fit.fit();
  clipboardKeys(term);
  const ctrl = { latched: false };
  const touch = window.matchMedia('(pointer: coarse)').matches;
  const row = touch ? extraKeyRow((d) => addon.feed(d), ctrl, () => term.focus()) : null;
  if (row) host.append(row);
  // the addon sees xterm's input through this view, so a latched Ctrl turns the next letter into a control key
  const view: ShellTerminal = {
    onData: (cb) => term.onData((d) => {
      if (opts.allowInput && !opts.allowInput()) return;
      if (ctrl.latched) {
        ctrl.latched = false;
        showCtrlReleased(row);
        d = ctrlOf(d);
      }
      cb(d);
    }),
    onResize: (cb) => term.onResize(cb),
    write: (d, cb) => term.write(d, cb),
    get cols() { return term.cols; },
    get rows() { return term.rows; },
  };
  // data-running on the terminal's box says whether a command is running (tests wait on it; CSS could too)
  const running = (on: boolean) => (host.dataset.running = on ? 'yes' : 'no');
  running(false);
  const addon = new ShellAddon(session, { onCommandDone: opts.onCommandDone, intro: opts.intro, onRunning: running });
  addon.attach(view);
  const root = host.getRootNode();
  const stopRefocus = refocusAfterClicks(root instanceof ShadowRoot ? root : document, () => term.focus());
  if (opts.focus) term.focus();

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => fit.fit());
  });
  observer.observe(host);

  return {
    setTheme: (t) => (term.options.theme = terminalTheme(t)),
    typeLine(line) {
      addon.feed('\x05\x15' + line.replace(/\r?\n/g, '\r') + '\r'); // Ctrl+E Ctrl+U clear the line first
      term.focus();
    },
    focus: () => term.focus(),
    setScreenReader: (on) => (term.options.screenReaderMode = on),
    dispose() {
      stopRefocus();
      addon.dispose();
      observer.disconnect();
      cancelAnimationFrame(frame);
      term.dispose();
      box.remove();
      row?.remove();
    },
  };
}
