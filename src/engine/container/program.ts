// What a simulated program is: the interface the engine runs main processes through, and what a program knows of its container.
import type { Container, ScriptRecord } from '../state';

/** What a program can know about where it runs. */
export interface ProgramContext {
  time: string;
  pid: number;
  hostname: string;
  memory: number; // bytes, 0 = unlimited
  memorySwap: number; // bytes, 0 = default (2 × memory), -1 = unlimited
  env?: string[]; // the container's environment (the database entrypoints check their password variables)
  /** A file as the process sees it at start, through its mounts (a data directory from an earlier container). */
  read?: (path: string) => string | null;
  /** The container's first address (Apache names it when it has no ServerName). */
  ip?: string;
  /** docker run --privileged (docker:dind needs it). */
  privileged?: boolean;
  /** A bind mount covers this path (the daemon cannot read the host's file, but it is there). */
  bound?: (path: string) => boolean;
  /** The signal that stops it (onStop). */
  signal?: string;
  tty?: boolean; // docker run -t: stdout is a terminal (line-buffered)
}

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };

/** A process the engine can run by itself, without the shell runtime. */
export interface Program {
  /** Log lines written at start, each with a delay in ms. */
  startLogs(args: string[], ctx: ProgramContext): Line[];
  /** ms after start at which the process exits by itself; null = runs until signalled. */
  runsFor(args: string[], ctx: ProgramContext): number | null;
  exitCode: number;
  /** When the exit code depends on the run (e.g. stress killed by the OOM killer). */
  exitCodeFor?(args: string[], ctx: ProgramContext): { code: number; oom: boolean };
  /** Files the program writes when it starts (they land in the container's writable layer: `docker diff`). */
  startFiles?(read: (path: string) => string | null, args: string[], ctx: ProgramContext): { path: string; content?: string; dir?: boolean }[];
  /** What the process loads into memory at start (ProcessInfo.data). */
  startData?(args: string[], ctx: ProgramContext): string | undefined;
  /** A graceful stop (a signal it exits on, not SIGKILL): what it logs and saves first (redis writes dump.rdb); content null removes a file. */
  onStop?(args: string[], ctx: ProgramContext, data: string | undefined): { logs: Line[]; files: { path: string; content: string | null }[] };
  /** The process runs in the shell runtime for these arguments (an interpreter running a script), not as this data. */
  inRuntime?(args: string[]): boolean;
  /** Exit code on SIGTERM/SIGQUIT/SIGINT/SIGWINCH; 'ignore' = needs SIGKILL (137). */
  onSignal(sig: string): number | 'ignore';
}

/** The process of a script started at `start`: a script still running keeps its server's ports and trapped signals. */
export function scriptProcess(r: ScriptRecord, start: number): NonNullable<Container['process']> {
  const running = r.elapsed === null;
  return { kind: 'script', program: 'script', exitAt: running ? null : start + r.elapsed!, exitCode: r.exitCode, ...(running && r.listens?.length ? { listens: [...r.listens] } : {}), ...(running && r.traps?.length ? { traps: [...r.traps] } : {}) };
}
