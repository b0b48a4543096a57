// Language runtimes as simulated programs: node, python3 and go answer their version flags; running code is not simulated.
import type { Program, ProgramContext } from './program';
import { envOf } from './programs-db';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };

/** The arguments after the runtime's own name (an entrypoint passes `node --version`, a plain Cmd only `--version`). */
const own = (args: string[], names: RegExp) => (args[0] && names.test(args[0].slice(args[0].lastIndexOf('/') + 1)) ? args.slice(1) : args);

function runtime(names: RegExp, versionFlags: string[], version: (ctx: ProgramContext, flag: string) => Line[], what: string, tryShell: string): Program {
  const outcome = (args: string[]): 'version' | 'idle' | 'unsimulated' => {
    const a = own(args, names);
    return a.length === 0 ? 'idle' : versionFlags.includes(a[0]) ? 'version' : 'unsimulated';
  };
  return {
    startLogs: (args, ctx) => {
      const o = outcome(args);
      if (o === 'version') return version(ctx, own(args, names)[0]);
      if (o === 'idle') return []; // no script and no terminal: it reads an empty stdin and exits
      return [{ delay: 0, stream: 'stderr', text: `dockerlings: ${what} is not simulated here (only its version flag is); for a shell in this image: ${tryShell}\n` }];
    },
    runsFor: () => 0,
    exitCode: 0,
    exitCodeFor: (args) => ({ code: outcome(args) === 'unsimulated' ? 1 : 0, oom: false }),
    onSignal: (sig) => (sig === 'SIGKILL' ? 137 : 143),
  };
}

const say = (text: string): Line[] => [{ delay: 0, stream: 'stdout', text: text + '\n' }];

export const LANG_PROGRAMS: Record<string, Program> = {
  node: runtime(/^node(js)?$/, ['--version', '-v'], (ctx) => say(`v${envOf(ctx, 'NODE_VERSION') || '22.12.0'}`), 'running JavaScript with node', 'docker run -it node bash'),
  ...Object.fromEntries(['python3.13', 'python3.12'].map((p) => [p, runtime(/^python[\d.]*$/, ['--version', '-V'], (ctx) => say(`Python ${envOf(ctx, 'PYTHON_VERSION') || p.slice(6)}`), 'running Python code', 'docker run -it python bash')])),
  go: runtime(/^go$/, ['version'], (ctx) => say(`go version go${envOf(ctx, 'GOLANG_VERSION') || '1.23.4'} linux/amd64`), 'the go tool (build, run, mod …)', 'docker run -it golang bash'),
};
