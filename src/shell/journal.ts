// The session journal: lines, answers, clock ticks, Ctrl+C and detach, grouped into steps (replay.ts plays it back).

/** The line the terminal sends for Ctrl+D on an empty line: the end of input for the program at the prompt (the session
 *  runs what that program takes as its end). Kept as it is in the journal, so a replay ends the same program's input. */
export const EOF_LINE = '\x04';

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
