// Branching in time: replay a journal into a live session with its timeline and the transcript the terminal shows.
import type { EngineState } from '../engine/index';
import type { Session } from './session';
import { steps, type JournalEvent } from './journal';
import { replay } from './replay';
import type { Timeline } from './timeline';

export interface Rebuilt {
  session: Session;
  timeline: Timeline;
  /** What the terminal showed for the learner's steps (prompts coloured by `prompt`). */
  intro: string;
}

/** Replay a journal whose first `base` steps were setup: a live session at its end, its timeline and transcript. */
export async function rebuild(events: JournalEvent[], base: number, opts: { seed?: number; prompt?: (p: string) => string; onProgress?: (done: number, total: number) => void } = {}): Promise<Rebuilt> {
  let intro = '';
  let start: EngineState | null = null;
  const states: EngineState[] = [];
  const total = steps(events).length;
  const session = await replay(events, {
    seed: opts.seed,
    out: (text, kind) => {
      if (start) intro += kind === 'prompt' && opts.prompt ? opts.prompt(text) : text;
    },
    onStep: (i, s) => {
      opts.onProgress?.(i + 1, total);
      if (i === base - 1) start = s.engine.state;
      else if (i >= base) states.push(s.engine.state);
    },
  });
  return { session, timeline: { base, start: start ?? session.engine.state, states }, intro };
}
