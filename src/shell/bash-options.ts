// Options every just-bash instance here shares.
import type { BashOptions } from 'just-bash';

/**
 * just-bash's defense-in-depth patches JS globals (Proxy, timers …) while a script runs. Our sessions enable
 * no JavaScript/Python runtimes, so no guest code can reach them, but our own trusted hooks (the simulated
 * clock's `sleep`, the engine's immer drafts) run inside scripts and trip it: it is switched off.
 */
export const BASH_BASE: Partial<BashOptions> = { defenseInDepth: false };
