// The userland: faithful ls, ps, id, uname, free, df, apt-get, apk, yum … as just-bash commands, for a container or the host.
import { defineCommand, type Command, type CustomCommand, type ExecResult } from 'just-bash';
import { lookup, lowerStack, standInOf, type Container, type Engine, type FileTable, containerById } from '../../engine/index';
import type { UnionFs } from '../container-fs';
import { lazyImpl, type Ctx, type Flavor, type Impl, type Sys } from './sys';
import { groups, id, nproc, uname, whoami } from './ident';
import { ls } from './ls';
import { stat } from './stat';
import { readlink, realpath } from './readlink';
import { ps } from './ps';
import { df, free, mount, uptime } from './sysinfo';
import { touch } from './touch';
import { dd } from './dd';
import { yes } from './yes';
import { env, printenv } from './env';
import { top } from './top';
import { trapBuiltin } from './trap';
import { BUSYBOX_WORDED } from './busybox-words';
import { umaskBuiltin, type UmaskStore } from './umask';
import { DB_CLIENTS } from './db-clients';
import { LANG_COMMANDS } from '../lang/index';

export { terminalCommands } from './tty';
export { clientPrompt, isClientPrompt, type ClientState } from './db-prompt';
/** A database client's prompt under `docker exec -it` opens and runs its lines with the clients' code, a chunk loaded then. */
export const openClient: typeof import('./db-repl').openClient = async (...a) => (await import('./db-repl')).openClient(...a);
export const clientLine: typeof import('./db-repl').clientLine = async (...a) => (await import('./db-repl')).clientLine(...a);
export { initLayer } from './init-layer';
export { noteExec, pidCounters, setPidCounters } from './procs';
export type { Flavor } from './sys';

export interface UserlandOptions {
  engine: Engine;
  /** null = the Docker host. */
  containerId: string | null;
  /** The userland's default style; each call checks the executable it runs (an apk-installed GNU ps is GNU). */
  flavor: Flavor;
  /** The union filesystem the container's commands run on (overlay link counts, sized package files). */
  fs?: UnionFs;
  /** Does the named command's stdout reach the terminal on the current line? (ls columns, apt's "Done"); default: no. */
  tty?: boolean | ((command: string) => boolean);
  /** The container process the commands run in (an exec, or PID 1) and its argv. */
  process?: { execId?: string; argv?: string[]; user?: string };
  /** Other modules' commands (networking) that stand-in executables in odd places (/sbin, /usr/sbin) dispatch to. */
  extra?: CustomCommand[];
  /** The process's clock; default the engine's. */
  now?: () => number;
  /** For a build step: its temporary container, which the engine does not list (see buildContainer). */
  container?: Container;
  /** Filled by programs for the runtime (a server script's ports). */
  report?: { listens: number[]; traps: string[] };
  /** The terminal a host command can ask a question on (apt's [Y/n]); unset where no one can answer. */
  ask?: Sys['ask'];
  /** Where `umask` keeps the mask (the host's filesystem, which applies it). */
  umask?: UmaskStore;
}

// hostname is the networking tools' (net-commands.ts); the stand-in loader still reaches it through `extra`
const COMMON: Record<string, Impl> = { ls, stat, readlink, realpath, ps, whoami, id, groups, uname, nproc, free, df, mount, uptime, touch, env, printenv, top, dd, yes, ...DB_CLIENTS };
// the package managers (and their package tables) are chunks loaded when one first runs
const GNU_ONLY: Record<string, Impl> = { 'apt-get': lazyImpl(() => import('./apt'), 'aptGet'), apt: lazyImpl(() => import('./apt'), 'aptCli'), yum: lazyImpl(() => import('./yum'), 'yum') };

export const notSimulated = (what: string): string => `cannot run here: Dockerlings has this program's file but does not simulate ${what}`;
/** Interpreters just-bash would answer for with its own "not available in browser environments": say it plainly. */
const interpreter: Impl = async (_args, _ctx, sys) => ({ stdout: '', stderr: `${sys.process?.argv?.[0] ?? 'python3'}: ${notSimulated('the Python interpreter')}\n`, exitCode: 126 });
const BUSYBOX_ONLY: Record<string, Impl> = { apk: lazyImpl(() => import('./apk'), 'apk') };

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);
/** The command a stand-in's first line calls (see standInDispatcher). */
export const LOADER = '\u007fELF';
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash']);

/** The first executable called `name` along PATH, and the package its stand-in says it is (busybox applets say busybox). */
async function findExecutable(ctx: Ctx, name: string): Promise<{ path: string; pkg: string | null } | null> {
  const path = ctx.env.get('PATH') ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  for (const dir of path.split(':').filter(Boolean)) {
    const p = `${dir}/${name}`;
    try {
      const st = await ctx.fs.stat(p);
      if (st.isDirectory || !(st.mode & 0o111)) continue;
      const head = (await ctx.fs.readFile(p)).slice(0, 120);
      return { path: p, pkg: standInOf(head)?.pkg ?? null };
    } catch {
      /* not here */
    }
  }
  return null;
}

/** Which style a userland has by default: busybox when /bin/busybox is there (a container's id, or a layer stack). */
export function userlandFlavor(engine: Engine, where: string | FileTable[]): Flavor {
  const c = typeof where === 'string' ? containerById(engine.state, where) : null;
  const stack = typeof where === 'string' ? (c ? [c.upper, ...lowerStack(engine.state, c)] : []) : where;
  return lookup(stack, '/bin/busybox') ? 'busybox' : 'gnu';
}

/**
 * A build step's temporary container as the userland sees it (hostname, user, environment, PID 1 = the RUN
 * shell). The engine never lists it; only the fields the commands read are real.
 */
export function buildContainer(spec: { hostname: string; user: string; env: string[]; workdir: string; startedAt: number }, argv: string[]): Container {
  const record = {
    id: 'build', name: 'build', created: spec.startedAt, path: argv[0], args: argv.slice(1), imageId: '', execIds: [], endpoints: {}, ports: [],
    upper: {}, logs: [], process: null, script: null, restartCount: 0, manuallyStopped: false, restartAt: 0,
    config: { Hostname: spec.hostname, User: spec.user, Env: spec.env, WorkingDir: spec.workdir, Tty: false, OpenStdin: false },
    hostConfig: { ReadonlyRootfs: false },
    state: { status: 'running', pid: 0, exitCode: 0, error: '', oomKilled: false, startedAt: spec.startedAt, finishedAt: 0 },
  };
  return record as unknown as Container;
}

/** The userland commands that can exist where they run (the host has every GNU tool; a container has what is on disk). */
export function userland(opts: UserlandOptions): CustomCommand[] {
  const tty = typeof opts.tty === 'function' ? opts.tty : () => !!opts.tty;
  const now = opts.now ?? (() => opts.engine.now());
  // the tty answer is taken once per invocation (terminalCommands counts occurrences)
  const sys = (flavor: Flavor, name: string): Sys => {
    const t = tty(name);
    return { engine: opts.engine, containerId: opts.containerId, flavor, fs: opts.fs, tty: () => t, process: opts.process, now, container: opts.container, report: opts.report, ask: opts.ask };
  };
  const host = opts.containerId === null;
  const impls: Record<string, Impl> = { ...COMMON, ...(host || opts.flavor === 'gnu' ? GNU_ONLY : {}), ...(host ? {} : BUSYBOX_ONLY), ...(!host && opts.flavor === 'busybox' ? BUSYBOX_WORDED : {}) };
  if (host) for (const k of ['yum', ...Object.keys(DB_CLIENTS)]) delete impls[k];
  impls.python3 = (a, c, s) => interpreter(a, c, { ...s, process: { argv: ['python3'] } });
  if (!host) impls.python = (a, c, s) => interpreter(a, c, { ...s, process: { argv: ['python'] } });
  if (!host) Object.assign(impls, LANG_COMMANDS);
  const extra = new Map((opts.extra ?? []).filter((c): c is Command => 'execute' in c).map((c) => [c.name, c]));

  /** Run one of ours with the style of the executable that was found. */
  const run = async (name: string, args: string[], ctx: Ctx, pkg: string | null): Promise<ExecResult> => {
    const flavor: Flavor = pkg === 'busybox' ? 'busybox' : pkg ? 'gnu' : opts.flavor;
    return impls[name](args, ctx, sys(flavor, name));
  };

  const commands: CustomCommand[] = Object.keys(impls).map((name) =>
    defineCommand(name, async (args, ctx) => {
      if (host) return impls[name](args, ctx, sys('gnu', name));
      // a container only has the programs its filesystem has (just-bash would otherwise fall back to ours)
      const exe = await findExecutable(ctx, name);
      if (!exe) return { stdout: '', stderr: `bash: ${name}: command not found\n`, exitCode: 127 };
      return run(name, args, ctx, exe.pkg);
    }),
  );
  commands.push(umaskBuiltin(opts.umask), trapBuiltin(() => (host ? 'gnu' : opts.flavor))); // shell builtins: no executable on PATH (shellBuiltins lists them for just-bash)
  if (!host) {
    commands.push(standInDispatcher(impls, extra, run));
    // just-bash dispatches a command only when PATH shows it as /usr/bin/<name>: the loader gets such a phantom entry
    if (opts.fs) {
      const fs = opts.fs;
      const prev = fs.shims;
      fs.shims = () => [...(prev?.() ?? []), LOADER];
    }
  }
  return commands;
}

/** How a stand-in's first line was called: its package and program, argv[0] and the script's arguments. */
export function standInCall(words: string[], ctx: Ctx): { pkg: string; prog: string; argv0: string; args: string[] } {
  const [, pkg = '', prog = ''] = words;
  const n = parseInt(ctx.env.get('#') ?? '0', 10) || 0;
  const args = n <= 9 ? Array.from({ length: n }, (_, i) => ctx.env.get(String(i + 1)) ?? '') : (ctx.env.get('@') ?? '').split(' ');
  return { pkg, prog, argv0: ctx.env.get('0') ?? prog, args };
}

/** A shell's stand-in called by a script (`bash -c …`, `sh x.sh`): its script runs in this interpreter. */
export async function shellStandIn(args: string[], ctx: Ctx): Promise<ExecResult> {
  if (!ctx.exec) return { stdout: '', stderr: '', exitCode: 0 };
  const ci = args.indexOf('-c');
  if (ci >= 0) return ctx.exec(args[ci + 1] ?? '', { cwd: ctx.cwd });
  if (args[0] && !args[0].startsWith('-')) return ctx.exec(await ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, args[0])), { cwd: ctx.cwd });
  return { stdout: '', stderr: '', exitCode: 0 }; // no terminal: it reads end-of-file and exits
}

/**
 * just-bash runs a file it has no command for as a script, so executing a stand-in binary runs its first line,
 * `\x7fELF dockerlings-stand-in: <package> <program>`, as a command called "\x7fELF". This command is that
 * program loader: it finds the program (busybox picks its applet from argv[0]) and runs it with the original
 * arguments (the script's positional parameters).
 */
function standInDispatcher(impls: Record<string, Impl>, extra: Map<string, Command>, run: (name: string, args: string[], ctx: Ctx, pkg: string | null) => Promise<ExecResult>): CustomCommand {
  return defineCommand(LOADER, async (words, ctx) => {
    const call = standInCall(words, ctx);
    const { pkg, prog, argv0 } = call;
    let args = call.args;
    let name = prog;
    if (prog === 'busybox' || prog === 'coreutils') { // multi-call binaries pick the program from argv[0]
      name = base(argv0);
      if (name === 'busybox') [name = '', ...args] = args;
      if (!name) return { stdout: 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\nUsage: busybox [function [arguments]...]\n', stderr: '', exitCode: 0 };
    }
    // a shell installed by this very script (`apk add bash && bash -c …`)
    if (SHELLS.has(name) && ctx.exec) return shellStandIn(args, ctx);
    if (impls[name]) return run(name, args, ctx, pkg);
    const other = extra.get(name);
    if (other) return other.execute(args, ctx);
    const what = prog === 'busybox' ? `busybox's ${name} applet` : `${prog} (package ${pkg})`;
    return { stdout: '', stderr: `${base(argv0)}: ${notSimulated(what)}\n`, exitCode: 126 };
  });
}
