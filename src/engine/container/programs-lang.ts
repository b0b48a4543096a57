// Language runtimes as simulated programs: node, python3, ruby and go answer their version flags, `python3 -m http.server`
// serves files; running code is handed to the shell runtime (its interpreters: src/shell/lang).
import type { Program, ProgramContext } from './program';
import { envOf } from './programs-db-env';
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
    // (with no arguments too: with -i the program reads its code from stdin, which only the runtime has)
    inRuntime: (args) => (outcome(args) === 'code' || outcome(args) === 'idle') && !opts.unsimulated,
    // PID 1 gets no default signal handlers: python and node without their own handler ignore SIGTERM (docker stop waits
    // for the timeout); python turns SIGINT into KeyboardInterrupt, which http.server catches and exits 0
    onSignal: (sig) => (sig === 'SIGKILL' ? 137 : sig === 'SIGINT' ? (opts.serve ? 0 : 130) : sig === 'SIGTERM' && opts.sigterm ? 'ignore' : 143),
  };
}

const say = (text: string): Line[] => [{ delay: 0, stream: 'stdout', text: text + '\n' }];

const envIn = (env: string[], name: string) => env.find((e) => e.startsWith(name + '='))?.slice(name.length + 1) ?? '';

/** What php, ruby, java, javac, irb and jshell print for their version flags (null: not a version flag). */
export function versionText(program: string, flag: string, env: string[]): Line[] | null {
  const php = envIn(env, 'PHP_VERSION') || '8.4.1';
  const ruby = envIn(env, 'RUBY_VERSION') || '3.3.6';
  const jv = /^jdk-([\d.]+)\+(\d+)$/.exec(envIn(env, 'JAVA_VERSION')) ?? ['', '21.0.5', '11'];
  const [, java, build] = jv;
  const vm = `OpenJDK Runtime Environment Temurin-${java}+${build} (build ${java}+${build}-LTS)\nOpenJDK 64-Bit Server VM Temurin-${java}+${build} (build ${java}+${build}-LTS, mixed mode, sharing)`;
  const texts: Record<string, Record<string, Line>> = {
    php: { '-v': { delay: 0, stream: 'stdout', text: `PHP ${php} (cli) (built: Nov 21 2024 19:13:32) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.4.${php.split('.')[2] ?? '1'}, Copyright (c) Zend Technologies\n` } },
    ruby: { '-v': { delay: 0, stream: 'stdout', text: `ruby ${ruby} (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n` } },
    // `java -version` writes to stderr, `java --version` to stdout (and says "openjdk", not "openjdk version")
    java: { '-version': { delay: 0, stream: 'stderr', text: `openjdk version "${java}" 2024-10-15 LTS\n${vm}\n` }, '--version': { delay: 0, stream: 'stdout', text: `openjdk ${java} 2024-10-15 LTS\n${vm}\n` } },
    javac: { '-version': { delay: 0, stream: 'stdout', text: `javac ${java}\n` } },
    irb: { '-v': { delay: 0, stream: 'stdout', text: 'irb 1.13.1 (2024-05-05)\n' } },
    jshell: { '--version': { delay: 0, stream: 'stdout', text: `jshell ${java}\n` } },
  };
  const alias: Record<string, string> = { '--version': '-v', '-V': '-v', '-showversion': '-version' };
  const t = texts[program];
  if (!t) return null;
  const hit = t[flag] ?? t[alias[flag] ?? ''] ?? (program === 'javac' && flag === '--version' ? t['-version'] : undefined);
  return hit ? [hit] : null;
}

/** java: version flags; its code is not simulated (said plainly, exit 1); jshell needs a terminal. */
function versionOnly(program: string, what: string, image: string): Program {
  const own = (args: string[]) => (args[0] && args[0].slice(args[0].lastIndexOf('/') + 1) === program ? args.slice(1) : args);
  const outcome = (args: string[], env: string[]) => (own(args).length === 0 || (program === 'php' && own(args).join(' ') === '-a') ? 'idle' : versionText(program, own(args)[0], env) ? 'version' : 'code');
  return {
    startLogs: (args, ctx) => {
      const o = outcome(args, ctx.env ?? []);
      if (o === 'idle' && program === 'php' && own(args)[0] === '-a') return [{ delay: 0, stream: 'stdout', text: 'Interactive shell\n\n' }];
      if (o === 'version') return versionText(program, own(args)[0], ctx.env ?? [])!;
      if (o === 'idle') return [];
      return [{ delay: 0, stream: 'stderr', text: `dockerlings: ${what} is not simulated here (only the version flag is); for a shell in this image: docker run -it ${image} bash\n` }];
    },
    runsFor: () => 0,
    exitCode: 0,
    exitCodeFor: (args, ctx) => ({ code: outcome(args, ctx.env ?? []) === 'code' ? 1 : 0, oom: false }),
    onSignal: (sig) => (sig === 'SIGKILL' ? 137 : 143),
  };
}

/** php: its version flag is data here; `php -a` (the image's CMD: a prompt on a terminal), code, scripts and `php -S`
 *  run in the shell runtime's interpreter (src/shell/lang/php.ts), which reads the container's files. */
function phpProgram(): Program {
  const own = (args: string[]) => (args[0] && args[0].slice(args[0].lastIndexOf('/') + 1) === 'php' ? args.slice(1) : args);
  const outcome = (args: string[], env: string[]) => (own(args).length === 0 || own(args).join(' ') === '-a' ? 'idle' : versionText('php', own(args)[0], env) ? 'version' : 'code');
  return {
    startLogs: (args, ctx) => {
      const o = outcome(args, ctx.env ?? []);
      if (o === 'version') return versionText('php', own(args)[0], ctx.env ?? [])!;
      return o === 'idle' && own(args)[0] === '-a' ? [{ delay: 0, stream: 'stdout', text: 'Interactive shell\n\n' }] : [];
    },
    runsFor: () => 0,
    exitCode: 0,
    // (with no arguments too: php reads its code from stdin, which only the runtime has)
    inRuntime: (args) => outcome(args, []) !== 'version',
    onSignal: (sig) => (sig === 'SIGKILL' ? 137 : 143),
  };
}

export const LANG_PROGRAMS: Record<string, Program> = {
  php: phpProgram(),
  // Ruby code runs in the shell runtime's interpreter (src/shell/lang/rb-*.ts)
  ruby: runtime(/^ruby$/, ['--version', '-v'], (ctx, flag) => versionText('ruby', flag, ctx.env ?? []) ?? []),
  irb: runtime(/^irb$/, ['--version', '-v'], (ctx, flag) => versionText('irb', flag, ctx.env ?? []) ?? []),
  java: versionOnly('java', 'running Java (java -jar, java Main.java)', 'eclipse-temurin'),
  javac: versionOnly('javac', 'compiling Java with javac', 'eclipse-temurin'),
  jshell: versionOnly('jshell', 'the jshell REPL', 'eclipse-temurin'),
  node: runtime(/^node(js)?$/, ['--version', '-v'], (ctx) => say(`v${envOf(ctx, 'NODE_VERSION') || '22.12.0'}`)),
  ...Object.fromEntries(['python3.13', 'python3.12'].map((p) => [p, runtime(PYTHON, ['--version', '-V'], (ctx) => say(`Python ${envOf(ctx, 'PYTHON_VERSION') || p.slice(6)}`), { serve: true, sigterm: 'ignore' })])),
  go: runtime(/^go$/, ['version'], (ctx) => say(`go version go${envOf(ctx, 'GOLANG_VERSION') || '1.23.4'} linux/amd64`),
    { unsimulated: 'the go tool (build, run, mod …) is not simulated here (only `go version` is); for a shell in this image: docker run -it golang bash' }),
};
