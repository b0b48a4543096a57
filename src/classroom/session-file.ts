// Session files: a session's journal saved as JSON (with the lesson or exercise it belongs to and the seed) and read back, checked.
import { isJournal, steps, type JournalEvent } from '../shell/journal';

export const SESSION_KIND = 'dockerlings-session';
export const SESSION_LIMITS = { bytes: 4 * 1024 * 1024, events: 10_000 } as const;

export interface SessionFile {
  v: 1;
  kind: typeof SESSION_KIND;
  /** The lesson id (`01-basics/01-hello-world`), when the session was in a lesson. */
  lesson?: string;
  /** The exercise's hash, when it was in a shared exercise. */
  exercise?: string;
  seed: number;
  /** The whole journal, setup included: replaying it rebuilds the session. */
  events: JournalEvent[];
}

/** Where a session was: a lesson, an exercise, or (neither) the free sandbox. */
export interface Place {
  lesson?: string;
  exercise?: string;
}

export function sessionFile(place: Place, seed: number, events: JournalEvent[]): SessionFile {
  return { v: 1, kind: SESSION_KIND, ...(place.lesson ? { lesson: place.lesson } : {}), ...(place.exercise ? { exercise: place.exercise } : {}), seed, events };
}

/** The file's text (one event per line keeps it readable and diffable). */
export function sessionFileJson(f: SessionFile): string {
  const { events, ...head } = f;
  const lines = events.map((e) => '    ' + JSON.stringify(e)).join(',\n');
  return JSON.stringify(head, null, 2).replace(/\n}$/, `,\n  "events": [\n${lines}${lines ? '\n' : ''}  ]\n}\n`);
}

/** A name for the download: `dockerlings-<lesson or exercise>-<date>.json`. */
export function sessionFileName(f: SessionFile, now = new Date()): string {
  const what = f.lesson ? f.lesson.replace(/[^\w-]+/g, '-') : f.exercise ? `exercise-${f.exercise.slice(0, 8)}` : 'sandbox';
  return `dockerlings-${what}-${now.toISOString().slice(0, 10)}.json`;
}

export type Parsed = { ok: true; file: SessionFile } | { ok: false; error: string };

/** Read a file's text: JSON, exactly the fields above, bounded, a well-formed journal. */
export function parseSessionFile(text: string): Parsed {
  const fail = (why: string): Parsed => ({ ok: false, error: `This is not a Dockerlings session file: ${why}.` });
  if (text.length > SESSION_LIMITS.bytes) return fail(`it is too large (more than ${SESSION_LIMITS.bytes} characters)`);
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return fail('it is not JSON');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) return fail('it is not a JSON object');
  const o = v as Record<string, unknown>;
  if (o.kind !== SESSION_KIND) return fail(`its "kind" is not "${SESSION_KIND}"`);
  if (o.v !== 1) return fail('its version is not 1');
  const unknown = Object.keys(o).filter((k) => !['v', 'kind', 'lesson', 'exercise', 'seed', 'events'].includes(k));
  if (unknown.length) return fail(`unknown field "${unknown[0]}"`);
  if (o.lesson !== undefined && (typeof o.lesson !== 'string' || !/^[\w.-]+\/[\w.-]+$/.test(o.lesson) || o.lesson.length > 200)) return fail('its lesson id is malformed');
  if (o.exercise !== undefined && (typeof o.exercise !== 'string' || !/^[0-9a-f]{64}$/.test(o.exercise))) return fail('its exercise hash is malformed');
  if (o.lesson !== undefined && o.exercise !== undefined) return fail('it names both a lesson and an exercise');
  if (!Number.isSafeInteger(o.seed) || (o.seed as number) < 0 || (o.seed as number) >= 2 ** 31) return fail('its seed is not a whole number from 0 to 2147483647');
  if (!Array.isArray(o.events) || o.events.length > SESSION_LIMITS.events) return fail(`it does not hold a list of at most ${SESSION_LIMITS.events} events`);
  if (!isJournal(o.events)) return fail('its events are malformed');
  return { ok: true, file: sessionFile({ lesson: o.lesson as string | undefined, exercise: o.exercise as string | undefined }, o.seed as number, o.events) };
}

/** Why a file cannot be loaded where the learner is now (another lesson, exercise or seed; not starting with the setup), or null. */
export function placeMismatch(f: SessionFile, here: Place, seed: number, setup: string[] = []): string | null {
  const name = (p: Place) => (p.lesson ? `lesson ${p.lesson}` : p.exercise ? 'a shared exercise' : 'the free sandbox');
  if ((f.lesson ?? '') !== (here.lesson ?? '') || (f.exercise ?? '') !== (here.exercise ?? '')) {
    const other = f.exercise && here.exercise ? 'another exercise' : name(f);
    return `This session was saved in ${other}; you are in ${name(here)}. Open that first, then load the file.`;
  }
  if (f.seed !== seed) return `This session was saved with seed ${f.seed}, this page uses ${seed}.`;
  const heads = steps(f.events).slice(0, setup.length).map((st) => (st[0].k === 'line' ? st[0].line : null));
  if (heads.length < setup.length || heads.some((l, i) => l !== setup[i])) return 'This session does not start with the setup of this lesson (was the lesson changed since?).';
  return null;
}
