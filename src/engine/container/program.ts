// What a simulated program is: the interface the engine runs main processes through, and what a program knows of its container.

/** What a program can know about where it runs. */
export interface ProgramContext {
  time: string;
  pid: number;
  hostname: string;
  memory: number; // bytes, 0 = unlimited
  memorySwap: number; // bytes, 0 = default (2 × memory), -1 = unlimited
  env?: string[]; // the container's environment (the database entrypoints check their password variables)
  tty?: boolean; // docker run -t: stdout is a terminal (line-buffered)
}

/** A process the engine can run by itself, without the shell runtime. */
export interface Program {
  /** Log lines written at start, each with a delay in ms. */
  startLogs(args: string[], ctx: ProgramContext): { delay: number; stream: 'stdout' | 'stderr'; text: string }[];
  /** ms after start at which the process exits by itself; null = runs until signalled. */
  runsFor(args: string[], ctx: ProgramContext): number | null;
  exitCode: number;
  /** When the exit code depends on the run (e.g. stress killed by the OOM killer). */
  exitCodeFor?(args: string[], ctx: ProgramContext): { code: number; oom: boolean };
  /** Files the program writes when it starts (they land in the container's writable layer: `docker diff`). */
  startFiles?(read: (path: string) => string | null): { path: string; content?: string; dir?: boolean }[];
  /** The process runs in the shell runtime for these arguments (an interpreter running a script), not as this data. */
  inRuntime?(args: string[]): boolean;
  /** Exit code on SIGTERM/SIGQUIT/SIGINT/SIGWINCH; 'ignore' = needs SIGKILL (137). */
  onSignal(sig: string): number | 'ignore';
}
