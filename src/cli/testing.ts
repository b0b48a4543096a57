// Test helper: run the docker client against an engine without a shell, capturing stdout/stderr/exit code.
import { createEngine, type Engine } from '../engine/index';
import { runDockerTraced } from './index';
import type { FlagTrace } from './flags';

/** Options: host files the client can read (absolute paths), and a trace of the flags the command set and read. */
export interface CliTestOptions {
  files?: Record<string, string>;
  trace?: FlagTrace;
}

export async function cli(line: string | string[], engine: Engine = createEngine({ seed: 1 }), opts: CliTestOptions = {}) {
  let stdout = '';
  let stderr = '';
  let output = '';
  const argv = Array.isArray(line) ? line : line.split(' ').filter(Boolean);
  const files = opts.files ?? {};
  const exitCode = await runDockerTraced(argv, {
    engine,
    runtime: { runMain: async () => {}, exec: async () => ({ stdout: '', stderr: '', exitCode: 0, interactive: false }), attach: () => false, runBuild: async (spec) => ({ output: [], exitCode: 0, elapsed: 0, forever: false, upper: spec.upper }) },
    out: (t) => ((stdout += t), (output += t)),
    err: (t) => ((stderr += t), (output += t)),
    stdin: '',
    stdinBytes: new Uint8Array(),
    outBytes: () => {},
    env: {},
    cwd: '/root',
    host: {
      readFile: async (p) => files[p] ?? null,
      writeFile: async () => {},
      readBytes: async (p) => (files[p] === undefined ? null : new TextEncoder().encode(files[p])),
      readDir: async (p) => {
        const names = Object.keys(files).filter((f) => f.startsWith(p.replace(/\/$/, '') + '/')).map((f) => f.slice(p.replace(/\/$/, '').length + 1).split('/')[0]);
        return names.length ? [...new Set(names)].sort() : null;
      },
      stat: async (p) => (files[p] !== undefined ? { type: 'file', mode: 0o644, size: files[p].length, mtime: 0, path: p } : Object.keys(files).some((f) => f.startsWith(p + '/')) ? { type: 'dir', mode: 0o755, size: 4096, mtime: 0, path: p } : null),
      mkdir: async () => {},
    },
    interrupted: () => Promise.resolve(),
    follow: () => Promise.resolve(),
    ask: (prompt) => {
      stdout += prompt;
      output += prompt;
      return Promise.resolve(null);
    },
  }, opts.trace);
  return { stdout, stderr, exitCode, output, engine };
}
