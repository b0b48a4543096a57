// The page's side of the simulator: SessionClient over a worker, with a watchdog that restarts a worker deaf to Ctrl+C.
import { steps, type JournalEvent } from '../shell/journal';
import { stepLabel } from '../shell/timeline';
import type { DiagramKind } from '../diagrams/kinds';
import type { Layout } from '../diagrams/view-types';
import type { Exercise } from '../classroom/exercise';
import type { Verification } from '../classroom/completion';
import type { Target } from '../lessons/target';
import type { Message, Replies, Request, RunResult, SessionStatus, StartSpec, ViewReply } from './protocol';

/** A worker, or anything that carries the same messages (tests use an in-thread one). */
export interface Port {
  post(req: Request): void;
  onmessage: ((m: Message) => void) | null;
  /** The worker died (uncaught error, out of memory). */
  onerror: (() => void) | null;
  terminate(): void;
}

/** Everything the lab, the widget and the teacher page use from a simulated session. */
export interface SessionClient {
  /** Run one typed line; `onOutput` gets what it prints as it is printed. */
  run(line: string, onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult>;
  /** The prompt before the next line (known without asking the worker). */
  prompt(): string;
  needsMoreInput(text: string): Promise<boolean>;
  complete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }>;
  /** The terminal's size (programs format for it: $COLUMNS, docker's progress lines). */
  resize(cols: number, rows: number): void;
  /** Ctrl+C. A command still running a second later is given up: the worker is replaced and the session rebuilt without it. */
  interrupt(): void;
  history(): string[];
  inContainer(): boolean;
  detach(): Promise<string | null>;
  asking(): { secret: boolean } | null;
  answer(line: string): void;
  /** A new session (setup typed, or a journal replayed); resolves with the transcript of the learner's replayed steps. */
  start(spec: StartSpec): Promise<{ intro: string }>;
  /** The session's journal so far (what completion codes, session files and branches are made of). */
  journal(): JournalEvent[];
  /** How many journal steps were setup. */
  base(): number;
  /** The learner's steps, as the timeline lists them. */
  labels(): string[];
  /** The diagram and what changed at a point in time, and whether each goal is met now. */
  view(at: number | null, kind: DiagramKind | null, checks: string[], target?: Target, layout?: Layout): Promise<ViewReply>;
  checkProblems(checks: string[]): Promise<(string | null)[]>;
  verify(exercise: Exercise, code: string): Promise<Verification>;
  /** Resolves when a session is ready to take commands. */
  whenReady(): Promise<void>;
  dispose(): void;
}

export interface ClientOptions {
  /** How long a command may take to stop after Ctrl+C before the worker is replaced (ms). */
  graceMs?: number;
  /** Progress while the simulator loads or a session is built: `done` of `total` steps, or total 0 while code loads. */
  onProgress?: (done: number, total: number) => void;
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };
type WithJournal = { journal: JournalEvent[] };

/** A JSON copy: plain data that postMessage can clone (Svelte state proxies cannot be). */
const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

const HOST_PROMPT = 'root@dockerlings:~# ';

export const RESTART_NOTE = '\n[dockerlings] The command did not stop within a second of Ctrl+C: the simulator was restarted and your session rebuilt without it.\n';
const BROKEN = 'the simulator could not be started again (reload the page)';
export const CRASH_NOTE = '\n[dockerlings] The simulator ran out of resources on this command: it was restarted and your session rebuilt without it.\n';

export class WorkerClient implements SessionClient {
  private port!: Port;
  private seq = 0;
  private pending = new Map<number, Pending>();
  private loaded!: Promise<void>;
  /** Fails what waits for a worker that is dropped before it loaded. */
  private failLoad: (e: Error) => void = () => {};
  /** What a request needing the session waits for: the session being built (before the first start: that start). */
  private gate: Promise<unknown>;
  private openGate: ((after: Promise<unknown>) => void) | null = null;
  /** The last start asked for (starts run one after another). */
  private lastStart: Promise<unknown> = Promise.resolve();
  private status: SessionStatus = { prompt: HOST_PROMPT, inContainer: false };
  private hist: string[] = [];
  private events: JournalEvent[] = [];
  private setupSteps = 0;
  private spec: StartSpec | null = null;
  /** The command being run (`sent`: handed to the worker, not only waiting for a session). */
  private running: { line: string; onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void; settle: (r: RunResult) => void; sent: boolean } | null = null;
  private question: { secret: boolean } | null = null;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private disposed = false;
  /** Replacing a worker that failed; a second failure meanwhile means giving up. */
  private recovering = false;
  private broken: string | null = null;

  constructor(
    private readonly spawn: () => Port,
    private readonly opts: ClientOptions = {},
  ) {
    this.gate = new Promise((r) => (this.openGate = r));
    this.connect();
  }

  private connect(): void {
    this.port = this.spawn();
    this.opts.onProgress?.(0, 0);
    let ready!: () => void;
    this.loaded = new Promise<void>((r, fail) => {
      ready = r;
      this.failLoad = fail;
    });
    this.loaded.catch(() => undefined);
    this.port.onmessage = (m) => {
      if (m.t === 'ready') ready();
      else if (m.t === 'output') this.running?.onOutput?.(m.text, 'stdout');
      else if (m.t === 'ask') this.question = { secret: m.secret };
      else if (m.t === 'progress') this.opts.onProgress?.(m.done, m.total);
      else if (m.t === 'reply' || m.t === 'fail') {
        const p = this.pending.get(m.id);
        this.pending.delete(m.id);
        if (m.t === 'reply') p?.resolve(m.value);
        else p?.reject(new Error(m.message));
      }
    };
    this.port.onerror = () => void this.recover(CRASH_NOTE);
  }

  private request<K extends keyof Replies>(req: Request & { t: K }): Promise<Replies[K]> {
    if (this.broken) return Promise.reject(new Error(this.broken));
    return this.loaded.then(
      () =>
        new Promise<Replies[K]>((resolve, reject) => {
          if (this.broken) return reject(new Error(this.broken));
          this.pending.set(req.id, { resolve: resolve as (v: unknown) => void, reject });
          this.port.post(req);
        }),
    );
  }

  /** A request that needs the session: it waits for the session being built. */
  private ask<K extends keyof Replies>(make: (id: number) => Request & { t: K }): Promise<Replies[K]> {
    return this.gate.then(() => this.request<K>(make(++this.seq)));
  }

  private take(r: WithJournal & { status?: SessionStatus }): void {
    this.events.push(...r.journal);
    if (r.status) this.status = r.status;
  }

  whenReady(): Promise<void> {
    return this.gate.then(() => undefined);
  }

  start(given: StartSpec): Promise<{ intro: string }> {
    const spec = plain(given); // a page's reactive proxies cannot be posted
    if (this.running?.sent) this.abandon(); // a command still running in the session left behind: its worker goes with it
    this.spec = spec;
    const started = this.lastStart
      .then(() => this.request({ t: 'start', id: ++this.seq, spec }))
      .then((r) => {
        const reply = r as Replies['start'] & WithJournal;
        this.events = [];
        this.take(reply);
        this.hist = reply.history;
        this.setupSteps = reply.base;
        this.question = null;
        this.opts.onProgress?.(1, 1);
        return { intro: reply.intro };
      });
    this.lastStart = this.gate = started.catch(() => undefined);
    this.openGate?.(this.gate); // what was typed before the first start waits for it
    this.openGate = null;
    return started;
  }

  run(line: string, onOutput?: (chunk: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult> {
    if (line.trim()) this.hist.push(line);
    return new Promise<RunResult>((settle) => {
      const run: NonNullable<WorkerClient['running']> = { line, onOutput, settle, sent: false };
      this.running = run;
      void this.gate.then(() => {
        if (this.running !== run) return; // dropped (Ctrl+C) before a session could take it
        run.sent = true;
        return this.request({ t: 'run', id: ++this.seq, line, ...this.size }).then(
          (r) => {
            const reply = r as Replies['run'] & WithJournal;
            if (this.running !== run) return; // given up on (restarted) meanwhile
            this.take(reply);
            this.finish(reply.result);
          },
          (e: Error) => {
            const said = `dockerlings: ${e.message}\n`; // nothing was streamed: the terminal prints `output`
            if (this.running === run) this.finish({ stdout: '', stderr: said, exitCode: 1, output: said });
          },
        );
      });
    });
  }

  /** Drop the worker and whatever it was doing; a fresh one takes its place. */
  private abandon(): void {
    const run = this.running;
    this.running = null;
    this.question = null;
    this.disarm();
    this.failLoad(new Error('the simulator was restarted'));
    this.port.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the simulator was restarted'));
    this.pending.clear();
    run?.settle({ stdout: '', stderr: '', exitCode: 130, output: '' });
    this.connect();
  }

  private finish(r: RunResult): void {
    const run = this.running;
    this.running = null;
    this.question = null;
    this.disarm();
    run?.settle(r);
  }

  private disarm(): void {
    if (this.watchdog) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  /** The terminal's size, sent with each command (a replacement worker gets it with the next one). */
  private size: { cols?: number; rows?: number } = {};

  resize(cols: number, rows: number): void {
    this.size = { cols, rows };
  }

  interrupt(): void {
    this.question = null;
    const run = this.running;
    if (run && !run.sent) {
      // still waiting for the simulator to load or a session to be built: the line is dropped, as bash drops it
      this.running = null;
      return run.settle({ stdout: '', stderr: '', exitCode: 130, output: '' });
    }
    void this.loaded.then(() => this.port.post({ t: 'interrupt' }));
    if (this.running && !this.watchdog) this.watchdog = setTimeout(() => void this.recover(RESTART_NOTE), this.opts.graceMs ?? 1000);
  }

  /** Replace the worker: a fresh one rebuilt from the journal, without the command that was running. */
  private async recover(note: string): Promise<void> {
    this.disarm();
    if (this.disposed || this.broken) return;
    if (this.recovering) return this.giveUp(); // the fresh worker failed too (it cannot load, or the journal kills it)
    this.recovering = true;
    const run = this.running;
    this.running = null; // settled below, once the new session is up (the old request's failure is not its result)
    this.question = null;
    this.failLoad(new Error('the simulator was restarted'));
    this.port.terminate();
    for (const p of this.pending.values()) p.reject(new Error('the simulator was restarted'));
    this.pending.clear();
    run?.onOutput?.(note, 'stderr');
    this.connect();
    const spec = this.spec ?? { seed: 1, setup: [] };
    // the mirrored journal holds only finished steps: the runaway line's events never reached the page
    const events = this.events.slice();
    await this.start({ seed: spec.seed, setup: spec.setup, events, base: this.setupSteps }).catch(() => undefined);
    this.recovering = false;
    run?.settle({ stdout: '', stderr: '', exitCode: 130, output: '' });
  }

  /** No working simulator can be had: every request fails at once with a reason instead of waiting forever. */
  private giveUp(): void {
    this.broken = BROKEN;
    this.failLoad(new Error(BROKEN));
    this.port.terminate();
    for (const p of this.pending.values()) p.reject(new Error(BROKEN));
    this.pending.clear();
    this.loaded = Promise.resolve();
    const run = this.running;
    this.running = null;
    run?.settle({ stdout: '', stderr: `dockerlings: ${BROKEN}\n`, exitCode: 1, output: `dockerlings: ${BROKEN}\n` });
  }

  prompt(): string {
    return this.status.prompt;
  }

  async needsMoreInput(text: string): Promise<boolean> {
    return this.ask((id) => ({ t: 'needsMore', id, text }));
  }

  complete(line: string, cursor: number): Promise<{ from: number; candidates: string[] }> {
    return this.ask((id) => ({ t: 'complete', id, line, cursor }));
  }

  history(): string[] {
    return this.hist;
  }

  inContainer(): boolean {
    return this.status.inContainer;
  }

  async detach(): Promise<string | null> {
    const r = (await this.ask((id) => ({ t: 'detach', id }))) as Replies['detach'] & WithJournal;
    this.take(r);
    return r.said;
  }

  asking(): { secret: boolean } | null {
    return this.question;
  }

  answer(line: string): void {
    this.question = null;
    void this.loaded.then(() => this.port.post({ t: 'answer', line }));
  }

  journal(): JournalEvent[] {
    return this.events.map((e) => ({ ...e }));
  }

  base(): number {
    return this.setupSteps;
  }

  labels(): string[] {
    return steps(this.events).slice(this.setupSteps).map(stepLabel);
  }

  view(at: number | null, kind: DiagramKind | null, checks: string[], target?: Target, layout?: Layout): Promise<ViewReply> {
    return this.ask((id) => ({ t: 'view', id, at, kind, checks, ...(target ? { target } : {}), ...(layout ? { layout } : {}) }));
  }

  checkProblems(checks: string[]): Promise<(string | null)[]> {
    return this.request({ t: 'checkProblems', id: ++this.seq, checks });
  }

  verify(exercise: Exercise, code: string): Promise<Verification> {
    return this.request({ t: 'verify', id: ++this.seq, exercise: plain(exercise), code });
  }

  dispose(): void {
    this.disposed = true;
    this.disarm();
    this.port.post({ t: 'interrupt' });
    this.port.terminate();
    for (const p of this.pending.values()) p.reject(new Error('closed'));
    this.pending.clear();
  }
}
