// Seeded chance for the simulated userland: while a session runs a typed line, Math.random draws from that session's
// own generator (seeded from the session seed), so $RANDOM, awk's rand() and anything else just-bash randomises come
// out the same in every replay of the same journal. Outside a session's line the page's own Math.random is used.
// (Two sessions running lines at the same moment would share draws; the simulator runs one line at a time.)

const native = Math.random;
let active: (() => number) | null = null;

function dispatch(): number {
  return active ? active() : native.call(Math);
}

/** A generator whose position can be read (a session checkpoint keeps it). */
export interface SeededRandom {
  (): number;
  readonly state: number;
}

/** mulberry32: a small, fast 32-bit generator; the same seed gives the same sequence on every engine. `state` resumes
 *  a generator where another one stood. */
export function seededRandom(seed: number, state?: number): SeededRandom {
  let a = state ?? (seed ^ 0x5eed5eed) >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return Object.defineProperty(next, 'state', { get: () => a }) as SeededRandom;
}

/** Run fn with Math.random drawing from rng (nested calls restore the outer generator). */
export async function withChance<T>(rng: () => number, fn: () => Promise<T>): Promise<T> {
  if (Math.random !== dispatch) Math.random = dispatch;
  const prev = active;
  active = rng;
  try {
    return await fn();
  } finally {
    active = prev;
  }
}

/** $SECONDS counts simulated seconds since the session started: just-bash computes it as
 *  (Date.now() - state.startTime), so startTime is moved to now minus the simulated time that passed. */
export function syncSeconds(bash: object, elapsedMs: number): void {
  const state = (bash as { state?: { startTime?: number } }).state;
  if (state && typeof state.startTime === 'number') state.startTime = Date.now() - elapsedMs;
}
