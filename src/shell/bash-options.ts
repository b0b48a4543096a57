// Options every just-bash instance here shares.
import type { BashOptions } from 'just-bash';

type ExecutionLimits = NonNullable<BashOptions['executionLimits']>;

/**
 * just-bash's defense-in-depth patches JS globals (Proxy, timers …) while a script runs. Our sessions enable
 * no JavaScript/Python runtimes, so no guest code can reach them, but our own trusted hooks (the simulated
 * clock's `sleep`, the engine's immer drafts) run inside scripts and trip it: it is switched off.
 */
export const BASH_BASE: Partial<BashOptions> = { defenseInDepth: false };

/** Output one command may build up inside the shell (a container printing hundreds of MB stops here, not in the tab). */
export const OUTPUT_LIMIT = 16 * 1024 * 1024;

/**
 * The host shell's limits. Loops and command counts are unbounded, as in bash: a runaway runs until Ctrl+C (the page's
 * watchdog restarts a simulator that cannot hear it). Headless runs (tests, `npm run sim`) stop one after 20 s instead.
 */
export function liveLimits(headless: boolean): ExecutionLimits {
  const endless = Number.MAX_SAFE_INTEGER;
  return {
    maxCommandCount: endless,
    maxLoopIterations: endless,
    maxWorkUnits: endless,
    maxOutputSize: OUTPUT_LIMIT,
    maxStringLength: OUTPUT_LIMIT,
    ...(headless ? { maxExecutionTimeMs: 20_000 } : {}),
  };
}

/** just-bash's limit messages, said as bash says them and without naming library settings the learner cannot see. */
export function learnerText(stderr: string): string {
  return stderr
    .replace(/maximum recursion depth \((\d+)\) exceeded/g, 'maximum function nesting level exceeded ($1)')
    .replace(/,? ?(?:increase|raise) executionLimits\.\w+/g, '');
}
