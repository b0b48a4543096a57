// Test helper: run the docker client against an engine without a shell, capturing stdout/stderr/exit code.
import { createEngine, type Engine } from '../engine/index';
import { runDocker } from './index';

export async function cli(line: string | string[], engine: Engine = createEngine({ seed: 1 })) {
  let stdout = '';
  let stderr = '';
  let output = '';
  const argv = Array.isArray(line) ? line : line.split(' ').filter(Boolean);
  const exitCode = await runDocker(argv, {
    engine,
    runtime: { runMain: async () => {}, exec: async () => ({ stdout: '', stderr: '', exitCode: 0, interactive: false }), attach: () => false, runBuild: async (spec) => ({ output: [], exitCode: 0, elapsed: 0, forever: false, upper: spec.upper }) },
    out: (t) => ((stdout += t), (output += t)),
    err: (t) => ((stderr += t), (output += t)),
    stdin: '',
    stdinBytes: new Uint8Array(),
    outBytes: () => {},
    env: {},
    cwd: '/root',
    host: { readFile: async () => null, writeFile: async () => {}, readBytes: async () => null, readDir: async () => null, stat: async () => null, mkdir: async () => {} },
    interrupted: () => Promise.resolve(),
    follow: () => Promise.resolve(),
    ask: (prompt) => {
      stdout += prompt;
      output += prompt;
      return Promise.resolve(null);
    },
  });
  return { stdout, stderr, exitCode, output, engine };
}
