// The container runtime (runc's place): runs a container's main process with just-bash on the container's union FS.
import { Bash, getCommandNames } from 'just-bash';
import type { Engine, FileTable } from '../engine/index';
import { lowerStack, resolveExecutable } from '../engine/index';
import { UnionFs } from './container-fs';

/** Loop iterations a detached script may run before it counts as running until stopped. */
const LOOP_HORIZON = 3600;

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Built-in tools that exist as executables in this container (so `bash` is missing in alpine). */
export function availableCommands(engine: Engine, id: string): string[] {
  const c = engine.state.containers[id];
  return getCommandNames().filter((name) => resolveExecutable(engine.state, c, name) !== null);
}

export interface ProcessOutput {
  output: { offset: number; stream: 'stdout' | 'stderr'; text: string }[];
  exitCode: number;
  elapsed: number;
  forever: boolean;
  upper: FileTable;
}

/** Run argv in a container's filesystem and environment; time passes only through `sleep`. */
export async function runInContainer(engine: Engine, id: string, argv: string[]): Promise<ProcessOutput> {
  const c = engine.state.containers[id];
  const upper: FileTable = structuredClone(c.upper) as FileTable;
  let elapsed = 0;
  const output: ProcessOutput['output'] = [];
  const fs = new UnionFs(upper, lowerStack(engine.state, c), () => c.state.startedAt + elapsed, c.hostConfig.ReadonlyRootfs, (stream, text) => output.push({ offset: elapsed, stream, text }));
  const env: Record<string, string> = { HOSTNAME: c.config.Hostname };
  for (const e of c.config.Env) {
    const i = e.indexOf('=');
    env[i < 0 ? e : e.slice(0, i)] = i < 0 ? '' : e.slice(i + 1);
  }
  env.HOME ??= c.config.User && c.config.User !== 'root' && c.config.User !== '0' ? '/' : '/root';
  const bash = new Bash({
    fs,
    cwd: c.config.WorkingDir || '/',
    env,
    commands: availableCommands(engine, id) as never,
    sleep: async (ms) => {
      elapsed += ms;
    },
    executionLimits: { maxLoopIterations: LOOP_HORIZON, maxCommandCount: LOOP_HORIZON * 20 },
  });
  const exe = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  let script: string;
  if (SHELLS.has(exe)) {
    const ci = argv.indexOf('-c');
    script = ci >= 0 ? (argv[ci + 1] ?? '') : '';
  } else script = argv.map(shellQuote).join(' ');
  // every command's output is appended to the process's stdout/stderr as it happens, so logs carry real times
  const res = await bash.exec(`exec >/dev/stdout 2>/dev/stderr\n${script}`, { rawScript: true });
  const forever = res.exitCode === 126 && /too many (iterations|commands)/.test(res.stderr + output.map((o) => o.text).join(''));
  const kept = forever ? output.filter((o) => !/too many (iterations|commands)/.test(o.text)) : output;
  if (res.stdout) kept.push({ offset: elapsed, stream: 'stdout', text: res.stdout });
  if (res.stderr && !forever) kept.push({ offset: elapsed, stream: 'stderr', text: res.stderr });
  return { output: kept, exitCode: res.exitCode, elapsed, forever, upper };
}

/** The Runtime the docker client uses: run the main process and report it to the daemon. */
export function createRuntime(engine: Engine) {
  return {
    async runMain(id: string) {
      const c = engine.state.containers[id];
      if (!c) return;
      const r = await runInContainer(engine, id, [c.path, ...c.args]);
      engine.container.processDone(id, { output: r.output, exitCode: r.exitCode, elapsed: r.forever ? null : r.elapsed, upper: r.upper });
    },
  };
}

/** Resolve an executable for a container (used by exec and by `which`-like checks). */
export function hasExecutable(engine: Engine, id: string, exe: string): boolean {
  return resolveExecutable(engine.state, engine.state.containers[id], exe) !== null;
}
