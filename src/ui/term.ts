// Opens an xterm terminal (DOM renderer, fitted to its box) driven by ShellAddon over a session: the lab and the widget.
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import { ShellAddon, type RunResult, type ShellSession } from './shell-addon';
import { terminalTheme, type Theme } from './theme';

export interface TerminalOptions {
  /** Called after every command (refresh diagrams, goals…). */
  onCommandDone?: (line: string, result: RunResult) => void;
  /** Take the keyboard focus at once (the full-page lab; a widget in an article waits for a click). */
  focus?: boolean;
  /** Shown before the first prompt (a replayed branch's earlier commands). */
  intro?: string;
  theme?: Theme;
}

export interface OpenTerminal {
  /** Recolour for light/dark in place. */
  setTheme(t: Theme): void;
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
  term.open(host);
  fit.fit();
  // data-running on the terminal's box says whether a command is running (tests wait on it; CSS could too)
  const running = (on: boolean) => (host.dataset.running = on ? 'yes' : 'no');
  running(false);
  term.loadAddon(new ShellAddon(session, { onCommandDone: opts.onCommandDone, intro: opts.intro, onRunning: running }));
  if (opts.focus) term.focus();

  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => fit.fit());
  });
  observer.observe(host);

  return {
    setTheme: (t) => (term.options.theme = terminalTheme(t)),
    dispose() {
      observer.disconnect();
      cancelAnimationFrame(frame);
      term.dispose();
    },
  };
}
