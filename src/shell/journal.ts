// The session journal (lines, answers, clock ticks, Ctrl+C, detach) and its deterministic replay into a fresh session.
import { createSession, type Session } from './session';

/** One thing the learner did that changed the session. */
export type JournalEvent =
  | { k: 'line'; line: string }
  | { k: 'answer'; line: string }
  | { k: 'tick' }
  | { k: 'interrupt' }
  | { k: 'detach' };

/** Steps of a journal: each starts at a typed line or a detach and carries the answers/ticks/Ctrl+C that followed it. */
export function steps(events: JournalEvent[]): JournalEvent[][] {
  const out: JournalEvent[][] = [];
  for (const e of events) {
    if (e.k === 'line' || e.k === 'detach' || out.length === 0) out.push([e]);
    else out[out.length - 1].push(e);
  }
  return out;
}

export interface ReplayOptions {
  seed?: number;
  /** Called with what the terminal would have shown (prompts, typed lines, output), '\n' line ends. */
  out?: (text: string, kind: 'prompt' | 'output') => void;
  /** Called after each step with the step's index, and with -1 before the first. */
  onStep?: (index: number, session: Session) => void;
}

/** A fresh session with every event applied again; same seed and journal ⇒ the same engine state and host files. */
export async function replay(events: JournalEvent[], opts: ReplayOptions = {}): Promise<Session> {
  const script: JournalEvent[] = [];
  const session = createSession({ seed: opts.seed ?? 1, script });
  const all = steps(events);
  opts.onStep?.(-1, session);
  for (let i = 0; i < all.length; i++) {
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

/** Is this a well-formed journal (data from a link or a file: checked, never trusted)? */
export function isJournal(v: unknown): v is JournalEvent[] {
  return (
    Array.isArray(v) &&
    v.every((e) => {
      if (!e || typeof e !== 'object') return false;
      const o = e as Record<string, unknown>;
      const keys = Object.keys(o).sort().join(',');
      if (o.k === 'line' || o.k === 'answer') return keys === 'k,line' && typeof o.line === 'string';
      return (o.k === 'tick' || o.k === 'interrupt' || o.k === 'detach') && keys === 'k';
    })
  );
}
