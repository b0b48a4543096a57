// The messages between a page and its simulator worker: every request, reply and event, typed in one place.
import type { JournalEvent } from '../shell/journal';
import type { DiagramModel, Layout } from '../diagrams/models';
import type { Change } from '../diagrams/changes';
import type { DiagramKind } from '../diagrams/kinds';
import type { Exercise } from '../classroom/exercise';
import type { Verification } from '../classroom/completion';
import type { Target } from '../lessons/target';
import type { TargetView } from '../diagrams/target-overlay';

/** What one command printed (its output already streamed as `output` events). */
export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr interleaved as a terminal shows them (empty when it was streamed). */
  output?: string;
}

/** How to build a session: a seed and its setup lines, or a whole journal replayed (a branch, a session file). */
export interface StartSpec {
  seed: number;
  /** Lines typed silently first (a lesson's or exercise's setup); a line that waits gets Ctrl+C. */
  setup: string[];
  /** Instead of `setup`: replay these events; the first `base` steps are the setup's. */
  events?: JournalEvent[];
  base?: number;
}

/** What the terminal shows next to a session and keeps between commands. */
export interface SessionStatus {
  prompt: string;
  inContainer: boolean;
}

/** The diagram panel at one point in time: the drawing, what changed, and whether each goal is met. */
export interface ViewReply {
  diagram: DiagramModel | null;
  changes: Change[];
  met: boolean[];
  /** For each goal that held and no longer does: the command that undid it. */
  undone: (string | undefined)[];
  /** With a target: the overlay and outline at the point viewed, and the score (par.ts counts the commands). */
  target?: TargetView & { commands: number; solvedIn: number | null };
}

/** Page → worker. Those with an `id` get a `reply` (or `fail`) with the same id. */
export type Request =
  | { t: 'start'; id: number; spec: StartSpec }
  /** `cols`/`rows`: the terminal's size now ($COLUMNS, and the width docker's progress output fits). */
  | { t: 'run'; id: number; line: string; cols?: number; rows?: number }
  | { t: 'answer'; line: string }
  | { t: 'interrupt' }
  | { t: 'detach'; id: number }
  | { t: 'complete'; id: number; line: string; cursor: number }
  | { t: 'needsMore'; id: number; text: string }
  /** `at`: null = now, 0 = before the learner's first step, i = after step i; `kind` null = no drawing. */
  /** `layout`: the network view's lanes per row and layout generation (Tidy), from the picture pane. */
  | { t: 'view'; id: number; at: number | null; kind: DiagramKind | null; checks: string[]; target?: Target; layout?: Layout }
  | { t: 'checkProblems'; id: number; checks: string[] }
  | { t: 'verify'; id: number; exercise: Exercise; code: string };

/** The value each request's reply carries. */
export interface Replies {
  start: { status: SessionStatus; history: string[]; intro: string; base: number };
  run: { result: RunResult; status: SessionStatus };
  detach: { said: string | null; status: SessionStatus };
  complete: { from: number; candidates: string[] };
  needsMore: boolean;
  view: ViewReply;
  checkProblems: (string | null)[];
  verify: Verification;
}

/** Worker → page. */
export type Message =
  | { t: 'ready' }
  | { t: 'output'; text: string }
  /** Building a session: `done` of `total` setup lines or replayed steps. */
  | { t: 'progress'; done: number; total: number }
  /** A running command asks for a typed answer (`secret`: a password, not echoed). */
  | { t: 'ask'; secret: boolean }
  /** The session recorded an event in its journal (the page keeps a copy to rebuild from). */
  | { t: 'journal'; e: JournalEvent }
  | { t: 'reply'; id: number; value: unknown }
  | { t: 'fail'; id: number; message: string };

export type RequestOf<T extends Request['t']> = Extract<Request, { t: T }>;
