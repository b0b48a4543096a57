// Deterministic replay of a session journal into a fresh session (time travel, completion codes, session files).
import { createSession, type Session } from './session';
import { steps, type JournalEvent } from './journal';
import type { Checkpoint } from './checkpoint';

export interface ReplayOptions {
  seed?: number;
  /** Called with what the terminal would have shown (prompts, typed lines, output), '\n' line ends. */
  out?: (text: string, kind: 'prompt' | 'output') => void;
  /** Called after each step with the step's index, and with -1 before the first. */
  onStep?: (index: number, session: Session) => void;
  /** Start from this checkpoint (its journal must begin `events`): only the steps after it are played. */
  from?: Checkpoint;
  /** Checkpoints the new session keeps (those up to `from`), for branching again later. */
  checkpoints?: readonly Checkpoint[];
}

/** A fresh session with every event applied again; same seed and journal ⇒ the same engine state and host files. */
export async function replay(events: JournalEvent[], opts: ReplayOptions = {}): Promise<Session> {
  const script: JournalEvent[] = [];
  const session = createSession({ seed: opts.seed ?? 1, script, from: opts.from, checkpoints: opts.checkpoints });
  const all = steps(events);
  const first = opts.from?.steps ?? 0;
  if (!first) opts.onStep?.(-1, session);
  for (let i = first; i < all.length; i++) {
    const [head, ...rest] = all[i];
    script.splice(0, script.length, ...rest);
    if (head.k === 'line') {
      opts.out?.(session.prompt(), 'prompt');
      opts.out?.(head.line + '\n', 'output');
      await session.run(head.line, (t) => opts.out?.(t, 'output'));
    } else if (head.k === 'detach') {
      const said = session.detach();
      if (said) opts.out?.('\n' + said, 'output');
    }
    opts.onStep?.(i, session);
  }
  session.goLive();
  return session;
}
