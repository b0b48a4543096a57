// xterm addon that turns the terminal into a bash-like prompt over a headless Session (cf. xterm's AttachAddon).
import type { IDisposable, ITerminalAddon, Terminal } from '@xterm/xterm';
import { colorPrompt } from '../shell/prompt-color';
import { EOF_LINE } from '../shell/journal'; // Ctrl+D's end-of-input line
import { LineEditor, commonPrefix, formatColumns, layout, parseKeys, renderLine, type Key } from './line-editor';

/** What one command printed (the shape of shell/session.ts's RunResult). */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr interleaved as a terminal shows them. */
  output?: string;
}

/** The part of the headless Session (src/shell/session.ts) the terminal uses. */
export interface ShellSession {
  run(line: string, onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult>;
  prompt(): string;
  needsMoreInput(text: string): boolean | Promise<boolean>;
  complete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;
  interrupt(): void;
  history(): string[];
  /** Optional: the terminal's size, so programs can format for it (ls columns, $COLUMNS). */
  resize?(cols: number, rows: number): void;
  /** Optional: whether the terminal is attached to a container's shell (Ctrl+P Ctrl+Q detaches). */
  inContainer?(): boolean;
  /** Optional: detach from the container (docker's Ctrl+P Ctrl+Q); returns what docker prints, or null. */
  detach?(): string | null | Promise<string | null>;
  /** Optional: a running command waits for a typed answer ([y/N], Username:, Password: with `secret`). */
  asking?(): { secret: boolean } | null;
  /** Optional: deliver the typed answer. */
  answer?(line: string): void;
}

export interface ShellAddonOptions {
  /** Called after every command finishes (the UI refreshes diagrams/lessons from here). */
  onCommandDone?: (line: string, result: RunResult) => void;
  /** Text shown before the first prompt (a replayed session's earlier commands and output, '\n' line ends). */
  intro?: string;
  /** Told when a command is handed to the session and when it is done. */
  onRunning?: (running: boolean) => void;
}

/** The subset of xterm's Terminal the addon touches (so tests can pass a fake). */
export type ShellTerminal = Pick<Terminal, 'onData' | 'onResize' | 'write' | 'cols' | 'rows'>;

const CONT_PROMPT = '> ';
/** Flow control watermarks (characters written to xterm and not yet parsed by it). */
const HIGH_WATER = 256 * 1024;
const LOW_WATER = 32 * 1024;
export { colorPrompt };

/** Terminal output: the session uses '\n'; the terminal needs '\r\n'. */
export function toTerminal(s: string): string {
  return s.replace(/\r?\n/g, '\r\n');
}

export class ShellAddon implements ITerminalAddon {
  private term: ShellTerminal | undefined;
  private readonly editor = new LineEditor();
  /** Lines already entered for a command that is not complete yet (open quote, heredoc, trailing \). */
  private pending: string[] = [];
  /** Rows between the first row of the prompt and the terminal cursor. */
  private cursorRow = 0;
  private state: 'idle' | 'running' | 'completing' = 'idle';
  private queue: Key[] = [];
  private pumping = false;
  private tabArmed = false;
  /** A Ctrl+P seen in a container's terminal, waiting to see whether Ctrl+Q follows. */
  private heldCtrlP = false;
  /** Ctrl+C came while the line was being checked or run. */
  private interrupted = false;
  /** What has been typed so far in answer to a command's question. */
  private answerText = '';
  private atLineStart = true;
  private disposables: IDisposable[] = [];
  private idleWaiters: (() => void)[] = [];
  /** Flow control: characters handed to xterm and not parsed yet, and what waits for room. */
  private inFlight = 0;
  private backlog: string[] = [];
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly session: ShellSession,
    private readonly options: ShellAddonOptions = {},
  ) {}

  activate(terminal: Terminal): void {
    this.attach(terminal);
  }

  /** Like activate, for any object with the few Terminal members used (tests). */
  attach(term: ShellTerminal): void {
    this.term = term;
    this.disposables.push(
      term.onData((data) => this.feed(data)),
      term.onResize(({ cols, rows }) => {
        this.session.resize?.(cols, rows);
        if (this.state === 'running') return;
        // xterm reflowed the wrapped rows (reflowCursorLine); find our cursor again and redraw.
        this.cursorRow = layout(this.prompt(), this.editor.text, this.editor.cursor, cols, CONT_PROMPT).cursorRow;
        this.redraw();
      }),
    );
    this.session.resize?.(term.cols, term.rows);
    if (this.options.intro) this.writeOutput(this.options.intro);
    this.newPrompt();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.disposables = [];
    this.term = undefined;
  }

  /** Resolves once every typed key has been handled and no command runs. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Input from the terminal (keys, or pasted text). */
  feed(data: string): void {
    // docker's detach keys: Ctrl+P then Ctrl+Q leaves a container's terminal without stopping it
    if (this.session.inContainer?.() && this.state === 'idle') {
      const seq = (this.heldCtrlP ? '\x10' : '') + data;
      this.heldCtrlP = false;
      if (seq === '\x10') {
        this.heldCtrlP = true;
        return;
      }
      if (seq.startsWith('\x10\x11')) {
        this.state = 'completing'; // keys typed meanwhile wait in the queue
        void Promise.resolve(this.session.detach?.()).then((said) => {
          this.state = 'idle';
          if (said !== null && said !== undefined) {
            this.moveToEnd();
            this.write('\r\n' + toTerminal(said));
            this.atLineStart = true;
            this.newPrompt();
          }
          void this.pump();
        });
        return;
      }
      data = seq;
    }
    const keys = parseKeys(data);
    const question = this.state === 'running' ? this.session.asking?.() : null;
    if (question && !keys.some((k) => k.kind === 'interrupt')) {
      // a command asks (prune's [y/N], docker login): the keys answer it, echoed unless it is a password
      for (const ch of data.replace(/\x1b\[[0-9;]*[A-Za-z~]/g, '')) {
        if (ch === '\r' || ch === '\n') {
          this.write('\r\n');
          const line = this.answerText;
          this.answerText = '';
          this.session.answer?.(line);
          return;
        }
        if (ch === '\x7f' || ch === '\b') {
          if (this.answerText) {
            this.answerText = this.answerText.slice(0, -1);
            if (!question.secret) this.write('\b \b');
          }
        } else if (ch >= ' ') {
          this.answerText += ch;
          if (!question.secret) this.write(ch);
        }
      }
      return;
    }
    if (this.state === 'running' && keys.some((k) => k.kind === 'interrupt')) {
      this.answerText = '';
      // Like a tty: echo ^C, signal the foreground command, discard type-ahead.
      this.queue = [];
      this.write('^C');
      this.atLineStart = false;
      this.interrupted = true;
      this.session.interrupt();
      return;
    }
    this.queue.push(...keys);
    void this.pump();
  }

  private isIdle(): boolean {
    return this.state === 'idle' && this.queue.length === 0 && !this.pumping;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.queue.length > 0 && this.state === 'idle' && this.term) {
        await this.handleKey(this.queue.shift()!);
      }
    } finally {
      this.pumping = false;
    }
    if (this.isIdle()) for (const w of this.idleWaiters.splice(0)) w();
  }

  private async handleKey(key: Key): Promise<void> {
    const wasArmed = this.tabArmed;
    this.tabArmed = false;
    // Ctrl+R's search takes the keys it understands; any other key ends it and is then handled below
    if (this.editor.search && this.editor.searchKey(key)) return this.redraw();
    switch (key.kind) {
      case 'enter':
        return this.submit();
      case 'tab':
        this.tabArmed = wasArmed;
        return this.complete();
      case 'interrupt':
        this.moveToEnd();
        this.write('^C\r\n');
        this.atLineStart = true;
        this.newPrompt();
        return;
      case 'clear':
        this.write('\x1b[H\x1b[2J');
        this.cursorRow = 0;
        this.redraw();
        return;
      case 'eof':
        if (this.editor.text === '' && this.pending.length === 0) {
          if (this.session.inContainer?.()) {
            // a container's shell or a program's prompt: nothing echoed, the session ends that program's input
            this.moveToEnd();
            return this.execute(EOF_LINE);
          }
          this.editor.reset('exit'); // the host's bash says "exit"
          return this.submit();
        }
        this.editor.delete();
        this.redraw();
        return;
      default:
        this.editor.apply(key, this.session.history());
        this.redraw();
    }
  }

  private prompt(): string {
    if (this.editor.search) return this.editor.searchPrompt();
    return this.pending.length > 0 ? CONT_PROMPT : colorPrompt(this.session.prompt());
  }

  /** Everything goes to xterm through here, with flow control (xterm.js "flow control"): at most HIGH characters are
   *  handed to xterm before it has parsed them; the rest waits here and follows as xterm's write callbacks come in,
   *  so xterm never has to discard data however fast a command prints. */
  private write(s: string): void {
    if (!this.term || !s) return;
    if (this.inFlight > HIGH_WATER || this.backlog.length) {
      this.backlog.push(s);
      return;
    }
    this.send(s);
  }

  private send(s: string): void {
    this.inFlight += s.length;
    this.term?.write(s, () => {
      this.inFlight -= s.length;
      while (this.inFlight < LOW_WATER && this.backlog.length) this.send(this.backlog.shift()!);
      if (this.inFlight === 0 && !this.backlog.length) for (const w of this.drainWaiters.splice(0)) w();
    });
  }

  /** Resolves once xterm has parsed everything written so far. */
  drained(): Promise<void> {
    if (this.inFlight === 0 && !this.backlog.length) return Promise.resolve();
    return new Promise((r) => this.drainWaiters.push(r));
  }

  private redraw(): void {
    if (!this.term) return;
    const { out, cursorRow } = renderLine(
      this.prompt(), this.editor.text, this.editor.cursor, this.term.cols, this.cursorRow, CONT_PROMPT,
    );
    this.write(out);
    this.cursorRow = cursorRow;
  }

  private moveToEnd(): void {
    this.editor.end();
    this.redraw();
  }

  private newPrompt(): void {
    if (!this.atLineStart) this.write('\r\n');
    this.atLineStart = true;
    this.pending = [];
    this.editor.reset();
    this.cursorRow = 0;
    this.redraw();
  }

  private writeOutput(s: string): void {
    if (!s) return;
    this.write(toTerminal(s));
    // After `clear` (cursor home + erase) the cursor is at column 0 too.
    this.atLineStart = /(?:\n|\r|\x1b\[[0-9;]*[HJ])$/.test(s);
  }

  private async submit(): Promise<void> {
    this.moveToEnd();
    this.write('\r\n');
    this.atLineStart = true;
    const line = [...this.pending, this.editor.text].join('\n');
    // while the simulator checks the line, Ctrl+C is heard as during a command (and drops the line, as in bash)
    this.state = 'running';
    this.interrupted = false;
    const more = await this.session.needsMoreInput(line);
    this.state = 'idle';
    if (this.interrupted) return this.newPrompt();
    if (more) {
      this.pending.push(this.editor.text);
      this.editor.reset();
      this.cursorRow = 0;
      this.redraw();
      return;
    }
    if (line.trim() === '') return this.newPrompt();
    return this.execute(line);
  }

  /** Runs a line (or Ctrl+D's end of input) in the session, its output streamed to the terminal, then a new prompt. */
  private async execute(line: string): Promise<void> {
    this.state = 'running';
    let streamed = false;
    let result: RunResult;
    this.options.onRunning?.(true);
    try {
      result = await this.session.run(line, (chunk) => {
        streamed ||= chunk.length > 0;
        this.writeOutput(chunk);
      });
      // The session streams everything it prints; one that streamed nothing gets its result printed here.
      if (!streamed) this.writeOutput(result.output ?? result.stdout + result.stderr);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      result = { stdout: '', stderr: `dockerlings: internal error: ${message}\n`, exitCode: 1 };
      if (!this.atLineStart) this.write('\r\n');
      this.write(`\x1b[31m${toTerminal(result.stderr)}\x1b[0m`);
      this.atLineStart = true;
    }
    this.state = 'idle';
    this.options.onRunning?.(false);
    if (!this.term) return; // the terminal was closed while the command ran (another lesson, a branch)
    try {
      this.options.onCommandDone?.(line, result);
    } finally {
      this.newPrompt();
    }
  }

  private async complete(): Promise<void> {
    const { text, cursor } = this.editor;
    this.state = 'completing';
    let res: { from: number; candidates: string[] };
    try {
      res = await this.session.complete(text, cursor);
    } catch {
      res = { from: cursor, candidates: [] };
    } finally {
      this.state = 'idle';
    }
    const candidates = [...new Set(res.candidates)];
    const from = Math.max(0, Math.min(res.from, cursor));
    const word = text.slice(from, cursor);
    if (candidates.length === 0) return;
    if (candidates.length === 1) {
      const [only] = candidates;
      this.editor.replace(from, cursor, /[/=]$/.test(only) ? only : only + ' ');
      this.redraw();
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      this.editor.replace(from, cursor, prefix);
      this.redraw();
      this.tabArmed = true;
      return;
    }
    if (!this.tabArmed) {
      this.tabArmed = true; // bash: the second Tab lists the possibilities
      return;
    }
    const keep = this.editor.cursor;
    this.moveToEnd();
    const rows = formatColumns(candidates, this.term?.cols ?? 80);
    this.write('\r\n' + rows.join('\r\n') + '\r\n');
    this.editor.cursor = keep;
    this.cursorRow = 0;
    this.redraw();
  }
}
