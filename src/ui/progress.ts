// The learner's saved progress (lessons done, last lesson), read through a validator and merged across open tabs.

const DONE = 'dockerlings.done';
const LESSON = 'dockerlings.lesson';
/** A lesson id as the catalog makes them: `01-basics/01-hello-world`. */
const LESSON_ID = /^[\w.-]{1,80}\/[\w.-]{1,80}$/;

const store = (): Storage | null => {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null; // storage disabled (some privacy modes throw on access)
  }
};

/** Parse a saved list of finished lessons, keeping every valid id and dropping the rest (any garbage gives []). */
export function parseDone(raw: string | null): string[] {
  let v: unknown;
  try {
    v = JSON.parse(raw ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(v)) return [];
  return [...new Set(v.filter((x): x is string => typeof x === 'string' && LESSON_ID.test(x)))];
}

/** The lessons finished so far (in this browser). */
export function loadDone(): Set<string> {
  return new Set(parseDone(store()?.getItem(DONE) ?? null));
}

/**
 * Record finished lessons: merged with what storage holds now (another tab may have finished others meanwhile),
 * never overwriting it. Returns the merged set.
 */
export function saveDone(ids: Iterable<string>): Set<string> {
  const merged = new Set([...parseDone(store()?.getItem(DONE) ?? null), ...[...ids].filter((id) => LESSON_ID.test(id))]);
  try {
    store()?.setItem(DONE, JSON.stringify([...merged]));
  } catch {
    // full or disabled storage: progress stays for this page only
  }
  return merged;
}

/** Call `cb` with the merged progress whenever another tab changes it (the storage event). */
export function onDoneElsewhere(current: () => Set<string>, cb: (done: Set<string>) => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const handler = (e: StorageEvent) => {
    if (e.key !== DONE && e.key !== null) return; // null: storage was cleared
    const theirs = parseDone(e.newValue);
    const mine = current();
    const merged = new Set([...mine, ...theirs]);
    // their write dropped something of ours (an older tab): write the union back
    if ([...mine].some((id) => !theirs.includes(id))) saveDone(merged);
    cb(merged);
  };
  window.addEventListener('storage', handler);
  return () => window.removeEventListener('storage', handler);
}

/** The lesson the learner was last on: a lesson id, '' for the sandbox, null when none (or garbage) is saved. */
export function savedLesson(): string | null {
  const v = store()?.getItem(LESSON) ?? null;
  return v === '' || (v !== null && LESSON_ID.test(v)) ? v : null;
}

export function saveLesson(id: string | null): void {
  try {
    store()?.setItem(LESSON, id ?? '');
  } catch {
    // ignore: the URL still says where the learner is
  }
}
