// The simulator side of the protocol: one live session with its timeline, answering requests (in the worker, or in-thread in tests).
import { createSession, type Session } from '../shell/session';
import type { JournalEvent } from '../shell/journal';
import { packetAt, record, stateAt, timelineOf, type Timeline } from '../shell/timeline';
import { colorPrompt } from '../shell/prompt-color';
import type { Checkpoint } from '../shell/checkpoint';
import { runSetup } from '../classroom/setup';
import { goalTracker, type GoalStatus } from '../lessons/goal-progress';
import { commandCount } from '../lessons/par';
import { targetView } from '../diagrams/target-overlay';
import { checkProblem } from '../lessons/goal-check';
import { changes } from '../diagrams/changes';
import { viewModel } from '../diagrams/models';
import type { Message, Replies, Request, RequestOf, SessionStatus } from './protocol';

/** What one command may send to the terminal; the rest is counted and said in one line (xterm keeps 5000 rows anyway). */
export const TERMINAL_LIMIT = 1024 * 1024;

/** How many session checkpoints the worker keeps for branches (each holds a whole session). */
const KEPT_CHECKPOINTS = 64;

const mb = (n: number) => `${(n / 1e6).toFixed(1)}MB`;

export class SessionHost {
  private session: Session | null = null;
  private timeline: Timeline | null = null;
  /** How much of the journal the page has been sent. */
  private synced = 0;
  private checkpoints: Checkpoint[] = [];
  /** The page knows the running command waits for an answer. */
  private askTold = false;
  /** The goals over the learner's steps, read step by step as the session grows (goal-progress.ts). */
  private goals = goalTracker();

  constructor(private readonly emit: (m: Message) => void) {}

  /** Answer one request; requests without an id return nothing. */
  async handle(req: Request): Promise<unknown> {
    switch (req.t) {
      case 'start':
        return this.start(req);
      case 'run':
        return this.run(req);
      case 'answer':
        this.askTold = false;
        return void this.session?.answer(req.line);
      case 'interrupt':
        this.askTold = false;
        return void this.session?.interrupt();
      case 'detach':
        return this.detach();
      case 'complete':
        return this.live().complete(req.line, req.cursor);
      case 'needsMore':
        return this.live().needsMoreInput(req.text);
      case 'view':
        return this.view(req);
      case 'checkProblems':
        return req.checks.map(checkProblem);
      case 'verify': {
        const { verifyCompletion } = await import('../classroom/completion');
        return verifyCompletion(req.exercise, req.code);
      }
    }
  }

  private live(): Session {
    if (!this.session) throw new Error('no session started');
    return this.session;
  }

  private status(): SessionStatus {
    const s = this.live();
    return { prompt: s.prompt(), inContainer: s.inContainer() };
  }

  /** Journal events the page has not seen yet. */
  private news(): JournalEvent[] {
    const all = this.live().journal();
    const fresh = all.slice(this.synced);
    this.synced = all.length;
    return fresh;
  }

  private async start({ spec }: RequestOf<'start'>): Promise<Replies['start'] & { journal: JournalEvent[] }> {
    this.session?.interrupt(); // release a command still following or asking in the session left behind
    // checkpoints of every session seen here: a branch or a switch back replays only from the latest that fits
    if (this.session) this.checkpoints = [...this.checkpoints, ...this.session.checkpoints()].slice(-KEPT_CHECKPOINTS);
    let intro = '';
    if (spec.events) {
      const { rebuild } = await import('../shell/rebuild');
      const b = await rebuild(spec.events, spec.base ?? 0, { prompt: colorPrompt, seed: spec.seed, checkpoints: this.checkpoints, onProgress: (done, total) => this.emit({ t: 'progress', done, total }) });
      this.session = b.session;
      this.timeline = b.timeline;
      intro = b.intro;
    } else {
      const s = createSession({ seed: spec.seed });
      for (const [i, line] of spec.setup.entries()) {
        this.emit({ t: 'progress', done: i, total: spec.setup.length });
        await runSetup(s, [line]); // a setup line that waits for an answer or Ctrl+C gets Ctrl+C
      }
      this.session = s;
      this.timeline = timelineOf(s);
    }
    this.synced = 0;
    return { status: this.status(), history: this.live().history(), intro, base: this.timeline.base, journal: this.news() };
  }

  private async run({ line, cols, rows }: RequestOf<'run'>): Promise<Replies['run'] & { journal: JournalEvent[] }> {
    const s = this.live();
    if (cols && rows) s.resize(cols, rows);
    let sent = 0;
    let held = 0;
    const result = await s.run(line, (text) => {
      const room = TERMINAL_LIMIT - sent;
      if (room > 0) this.emit({ t: 'output', text: text.length > room ? text.slice(0, room) : text });
      held += Math.max(0, text.length - Math.max(0, room));
      sent += text.length;
      // a question is printed, flushed, then waited for in the same turn: tell the page once it waits
      queueMicrotask(() => {
        const a = s.asking();
        if (a && !this.askTold) this.emit({ t: 'ask', secret: a.secret });
        this.askTold = !!a;
      });
    });
    this.askTold = false;
    if (held) this.emit({ t: 'output', text: `\n[output truncated: ${mb(held)} more not shown; the terminal keeps ${mb(TERMINAL_LIMIT)} per command]\n` });
    if (this.timeline) this.timeline = record(s, this.timeline);
    return { result: { stdout: '', stderr: '', exitCode: result.exitCode, output: '' }, status: this.status(), journal: this.news() };
  }

  private detach(): Replies['detach'] & { journal: JournalEvent[] } {
    const said = this.live().detach();
    return { said, status: this.status(), journal: this.news() };
  }

  private view({ at, kind, checks, target, layout }: RequestOf<'view'>): Replies['view'] {
    const s = this.live();
    const t = this.timeline ?? timelineOf(s);
    const shown = at ?? t.states.length;
    const now = stateAt(t, shown);
    const prev = shown > 0 ? stateAt(t, shown - 1) : null;
    // actions (a ping got through) count once they happened over the learner's steps; state goals follow the state now
    const usable = checks.filter((c) => !checkProblem(c));
    let status: GoalStatus[];
    let solvedAt: number | null = null;
    try {
      ({ status, solvedAt } = this.goals(usable, t.start, t.states, t.labels, { start: t.startPacket, after: t.packets }, { target }));
    } catch {
      status = usable.map(() => ({ met: false }));
    }
    const byCheck = (c: string): GoalStatus => status[usable.indexOf(c)] ?? { met: false };
    const met = checks.map((c) => byCheck(c).met);
    const undone = checks.map((c) => byCheck(c).undoneBy);
    const packet = packetAt(t, shown);
    const prevPacket = shown > 0 ? packetAt(t, shown - 1) : undefined;
    const diagram = kind ? viewModel(kind, now, prev, layout, packet) : null;
    // a puzzle's score: docker commands typed until every goal was met (and stayed met), or so far
    const score = target ? { ...targetView(diagram?.format === 'view' ? diagram : null, now, target), commands: commandCount(t.labels), solvedIn: solvedAt === null ? null : commandCount(t.labels.slice(0, solvedAt)) } : undefined;
    return { diagram, changes: prev ? changes(prev, now, prevPacket, packet) : [], met, undone, ...(score ? { target: score } : {}) };
  }
}
