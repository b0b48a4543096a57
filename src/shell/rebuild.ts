// Branching in time: a live session at a journal's end (from the latest fitting checkpoint), its timeline and transcript.
import type { Session } from './session';
import { steps, type JournalEvent } from './journal';
import { replay } from './replay';
import { bestCheckpoint, type Checkpoint } from './checkpoint';
import { timelineAt, type Timeline } from './timeline';

export interface Rebuilt {
  session: Session;
  timeline: Timeline;
  /** What the terminal showed for the learner's steps (prompts coloured by `prompt`). */
  intro: string;
}

export interface RebuildOptions {
  seed?: number;
  prompt?: (p: string) => string;
  /** Checkpoints of the history the journal comes from (same seed): the replay starts at the latest that fits. */
  checkpoints?: readonly Checkpoint[];
  /** Told after each replayed step: how many of the steps to replay are done. */
  onProgress?: (done: number, total: number) => void;
}

/** Replay a journal whose first `base` steps were setup: a live session at its end, its timeline and transcript. */
export async function rebuild(events: JournalEvent[], base: number, opts: RebuildOptions = {}): Promise<Rebuilt> {
  const from = opts.checkpoints ? bestCheckpoint(opts.checkpoints, events) : undefined;
  const first = from?.steps ?? 0;
  const total = steps(events).length - first;
  const session = await replay(events, { seed: opts.seed, from, checkpoints: opts.checkpoints, onStep: (i) => i >= 0 && opts.onProgress?.(i + 1 - first, total) });
  const intro = session
    .transcript(base)
    .map((t) => (t.prompt === null ? '' : opts.prompt ? opts.prompt(t.prompt) : t.prompt) + t.text)
    .join('');
  return { session, timeline: timelineAt(session, base), intro };
}
