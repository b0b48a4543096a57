// Language runtimes as simulated programs: node, python3 and go answer their version flags, `python3 -m http.server`
// serves files; running code is handed to the shell runtime (its interpreters: src/shell/lang).
import type { Program, ProgramContext } from './program';
import { envOf } from './programs-db';
import { httpServerArgs } from '../network';

type Line = { delay: number; stream: 'stdout' | 'stderr'; text: string };

/** The arguments after the runtime's own name (an entrypoint passes `node --version`, a plain Cmd only `--version`). */
const PYTHON = /^python[\d.]*$/;

const own = (args: string[], names: RegExp) => (args[0] && names.test(args[0].slice(args[0].lastIndexOf('/') + 1)) ? args.slice(1) : args);

type Outcome = 'version' | 'idle' | 'code' | 'serve';

function runtime(names: RegExp, versionFlags: string[], version: (ctx: ProgramContext, flag: string) => Line[], opts: { serve?: boolean; sigterm?: 'ignore'; unsimulated?: string } = {}): Program {
  const outcome = (args: string[]): Outcome => {
    const a = own(args, names);
    if (opts.serve && httpServerArgs(args, '')) return 'serve';
    return a.length === 0 ? 'idle' : versionFlags.includes(a[0]) ? 'version' : 'code';
  };
  return {
    startLogs: (args, ctx) => {
      const o = outcome(args);
      if (o === 'version') return version(ctx, own(args, names)[0]);
      if (o === 'serve') {
        const h = httpServerArgs(args, '')!;
        // print() to a pipe is block-buffered: without -t, -u or PYTHONUNBUFFERED the banner is not in the log yet
        const unbuffered = ctx.tty || own(args, names).includes('-u') || envOf(ctx, 'PYTHONUNBUFFERED') !== '';
        return unbuffered ? [{ delay: 0, stream: 'stdout', text: `Serving HTTP on ${h.bind} port ${h.port} (http://${h.bind}:${h.port}/) ...\n` }] : [];
      }
      if (o === 'code' && opts.unsimulated) return [{ delay: 0, stream: 'stderr', text: `dockerlings: ${opts.unsimulated}\n` }];
      return []; // no script and no terminal: it reads an empty stdin and exits
    },
    runsFor: (args) => (outcome(args) === 'serve' ? null : 0),
    exitCode: 0,
    exitCodeFor: (args) => ({ code: outcome(args) === 'code' && opts.unsimulated ? 1 : 0, oom: false }),
    /** Code runs in the shell runtime's interpreter (src/shell/lang), which can read the container's files. */
    inRuntime: (args) => outcome(args) === 'code' && !opts.unsimulated,
    // PID 1 gets no default signal handlers: python and node without their own handler ignore SIGTERM (docker stop waits
    // for the timeout); python turns SIGINT into KeyboardInterrupt, which http.server catches and exits 0
    onSignal: (sig) => (sig === 'SIGKILL' ? 137 : sig === 'SIGINT' ? (opts.serve ? 0 : 130) : sig === 'SIGTERM' && opts.sigterm ? 'ignore' : 143),
  };
}

const say = (text: string): Line[] => [{ delay: 0, stream: 'stdout', text: text + '\n' }];

export const LANG_PROGRAMS: Record<string, Program> = {
  node: runtime(/^node(js)?$/, ['--version', '-v'], (ctx) => say(`v${envOf(ctx, 'NODE_VERSION') || '22.12.0'}`)),
  ...Object.fromEntries(['python3.13', 'python3.12'].map((p) => [p, runtime(PYTHON, ['--version', '-V'], (ctx) => say(`Python ${envOf(ctx, 'PYTHON_VERSION') || p.slice(6)}`), { serve: true, sigterm: 'ignore' })])),
  go: runtime(/^go$/, ['version'], (ctx) => say(`go version go${envOf(ctx, 'GOLANG_VERSION') || '1.23.4'} linux/amd64`),
    { unsimulated: 'the go tool (build, run, mod …) is not simulated here (only `go version` is); for a shell in this image: docker run -it golang bash' }),
};
