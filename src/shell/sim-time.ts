// Simulated time for just-bash's `time`: it measures with performance.now (bound when just-bash loads), so this module,
// imported before just-bash, puts a dispatcher there. While a session or a container process runs a line, `time`
// reads that line's simulated clock (sleep advances it) and its report is the same in every replay; outside a line
// the real clock answers. No imports: it must be evaluated before just-bash.

const perf = globalThis.performance;
const real = perf.now.bind(perf);
let active: (() => number) | null = null;

function now(): number {
  return active ? active() : real();
}

if (perf.now !== now) Object.defineProperty(perf, 'now', { value: now, configurable: true, writable: true });

/** Run fn with performance.now reading `clock` (simulated ms); nested calls restore the outer clock. */
export async function withSimTime<T>(clock: () => number, fn: () => Promise<T>): Promise<T> {
  const prev = active;
  active = clock;
  try {
    return await fn();
  } finally {
    active = prev;
  }
}
