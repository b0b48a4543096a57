// java, javac and jshell in a container's shell: their version flags; running code says plainly that
// it is not simulated (the same texts as the engine's main-process programs).
import type { ExecResult } from 'just-bash';
import { versionText } from '../../engine/index';
import { withImageData } from '../../cli/image-data';
import type { Impl } from '../userland/sys';

function versionOnly(program: string, what: string): Impl {
  return async (args, ctx): Promise<ExecResult> => {
    const env = [...ctx.env.entries()].map(([k, v]) => `${k}=${v}`);
    const lines = args[0] ? await withImageData(() => versionText(program, args[0], env)) : null; // (the engine's programs-lang chunk)
    if (lines) return { stdout: lines.filter((l) => l.stream === 'stdout').map((l) => l.text).join(''), stderr: lines.filter((l) => l.stream === 'stderr').map((l) => l.text).join(''), exitCode: 0 };
    if (!args.length && !String(ctx.stdin ?? '').trim()) return { stdout: '', stderr: '', exitCode: 0 }; // a REPL without a terminal reads end-of-file
    return { stdout: '', stderr: `dockerlings: ${what} is not simulated here (only the version flag is)\n`, exitCode: 1 };
  };
}

export const OTHER_LANGS: Record<string, Impl> = {
  java: versionOnly('java', 'running Java (java -jar, java Main.java)'),
  javac: versionOnly('javac', 'compiling Java with javac'),
  jshell: versionOnly('jshell', 'the jshell REPL'),
};
