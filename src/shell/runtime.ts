// The container runtime (runc's place): runs a container's main process with just-bash on the container's union FS.
import { openCheck, redirectGuard } from './redirect-guard';
import { withSimTime } from './sim-time'; // first: it must patch performance.now before just-bash loads
import { Bash, getCommandNames, type CustomCommand } from 'just-bash';
import type { Engine, FileTable } from '../engine/index';
import type { ProcessResult, ProcessSpec as ClientProcessSpec } from '../cli/command';
import { DockerError, execStartFailed, dict, lookup, lowerStack, normPath, realPath, resolveExecutable, standInOf, containerById } from '../engine/index';
import type { ExecOptions } from '../cli/command';
import { UnionFs } from './container-fs';
import { containerNetCommands, netToolShims } from './net-commands';
import { cgroupFiles, containerEtcFiles } from '../engine/index';
import { BASH_BASE, OUTPUT_LIMIT } from './bash-options';
import { dateCommand } from './date';
import { streamPlugin } from './stream-transform';
import { buildContainer, initLayer, isClientPrompt, noteExec, openClient, userland, userlandFlavor, type ClientState } from './userland/index';
import type { IFileSystem } from 'just-bash';
import { exitTraps } from './traps';
import { notFoundAs } from './not-found';
import { giveRequest, setAppRunner, takeAnswer, takeRequest, type HandlerWrites } from './lang/app-requests';
import { nodeBanner, pythonBanner } from './lang/common';
import { replExe, replKind, unwrapEntrypoint } from './repl';
import { execHostNodes, failedRedirect, mountSet, prepareBindSources, shellOf, storeMountWrites, type MountSet } from './mount-fs';

/** Loop iterations a detached script may run before it counts as running until stopped. */
const LOOP_HORIZON = 3600;
/** Simulated time a process is run ahead for; one that is still going then counts as running until stopped. */
const TIME_HORIZON_MS = 15 * 60 * 1000;

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh']);

export const shellQuote = (s: string) => (/^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** Built-in tools that exist as executables in this container (so `bash` is missing in alpine). */
export function availableCommands(engine: Engine, id: string): string[] {
  const c = containerById(engine.state, id)!;
  return commandsIn([c.upper, ...lowerStack(engine.state, c)], c.config.Env);
}

/** Builtins of the image's shells that just-bash implements as commands (so they need no file on PATH): every sh
 *  has alias and unalias; bash also history and help, busybox ash history. */
export function shellBuiltins(stack: FileTable[]): string[] {
  const has = (p: string) => !!lookup(stack, realPath(stack, p)); // /bin may be a symlink to usr/bin
  return ['alias', 'unalias', 'umask', 'trap', ...(has('/bin/bash') ? ['history', 'help'] : has('/bin/busybox') ? ['history'] : [])];
}

/** just-bash commands whose executables exist in a filesystem stack, searched along PATH (plus shellBuiltins). */
export function commandsIn(stack: FileTable[], envList: string[]): string[] {
  const path = envList.find((e) => e.startsWith('PATH='))?.slice(5) ?? '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
  const dirs = path.split(':').filter(Boolean);
  const builtins = new Set(shellBuiltins(stack));
  return getCommandNames().filter(
    (name) =>
      builtins.has(name) ||
      dirs.some((d) => {
        let n = lookup(stack, `${d}/${name}`);
        for (let i = 0; n?.type === 'symlink' && i < 8; i++) n = lookup(stack, n.target.startsWith('/') ? n.target : `${d}/${n.target}`);
        return n?.type === 'file';
      }),
  );
}

/** What a process did (the client's ProcessResult). */
export type ProcessOutput = ProcessResult;

/** Where and how a process runs (the client's ProcessSpec: layers, env, dir, user, start time), plus what only the shell knows. */
export interface ProcessSpec extends ClientProcessSpec {
  /** the container whose network tools and bind-mounted /etc files the process sees (none for build steps). */
  net?: { engine: Engine; id: string; host?: IFileSystem };
  /** more commands for this process (ls, ps, apt-get …), made for its filesystem; `others` are the ones already there. */
  commands?: (fs: UnionFs, others: CustomCommand[], now: () => number) => CustomCommand[];
  /** the container's volumes, binds and tmpfs mounts (none for build steps). */
  mounts?: MountSet;
  /** the workdir is the container's own (-w, WORKDIR): the daemon made it when the container started, if it was missing. */
  makeWorkdir?: boolean;
}

/** runc's setupUser: HOME, when the image and -e leave it unset, is the user's home in /etc/passwd ("/" for a user
 *  the file does not list). */
export function homeOf(stack: FileTable[], user: string): string {
  const u = (user || 'root').split(':')[0];
  const passwd = lookup(stack, '/etc/passwd');
  const rows = passwd?.type === 'file' ? passwd.content.split('\n').map((l) => l.split(':')) : [];
  const row = rows.find((r) => r[0] === u) ?? (/^\d+$/.test(u) ? rows.find((r) => r[2] === u) : undefined);
  return row?.[5] || (u === 'root' || u === '0' ? '/root' : '/');
}

/** Run argv on a filesystem stack; time passes only through `sleep`. Used for containers and build steps. */
export async function runProcess(spec: ProcessSpec, argv: string[]): Promise<ProcessOutput> {
  let elapsed = 0;
  const horizon = new AbortController();
  const output: ProcessOutput['output'] = [];
  const fs = new UnionFs(spec.upper, spec.lower, () => spec.startedAt + elapsed, spec.readOnly, (stream, text) => output.push({ offset: elapsed, stream, text }));
  const net = spec.net;
  if (net) fs.binds = () => containerEtcFiles(net.engine.state, net.id);
  if (net) fs.pseudo = () => cgroupFiles(net.engine.state, net.id); // cgroupfs (/sys/fs/cgroup)
  if (spec.makeWorkdir && spec.workdir && !spec.readOnly && !(await fs.exists(spec.workdir))) await fs.mkdir(spec.workdir, { recursive: true }); // moby's SetupWorkingDirectory
  const shims = [...(net ? netToolShims(net.engine, net.id) : []), ...shellBuiltins([spec.upper, ...spec.lower])];
  fs.shims = () => shims; // /sbin/ip …
  const env: Record<string, string> = dict({ HOSTNAME: spec.hostname });
  for (const e of spec.env) {
    const i = e.indexOf('=');
    env[i < 0 ? e : e.slice(0, i)] = i < 0 ? '' : e.slice(i + 1);
  }
  env.HOME ??= homeOf([spec.upper, ...spec.lower], spec.user);
  const bash = new Bash({
    ...BASH_BASE,
    fs: spec.mounts ? spec.mounts.wrap(fs, () => spec.startedAt + elapsed) : fs,
    cwd: spec.workdir || '/',
    env,
    commands: commandsIn([spec.upper, ...spec.lower], spec.env) as never,
    customCommands: [...withCommands(spec, fs, () => spec.startedAt + elapsed, [dateCommand(() => spec.startedAt + elapsed), ...(net ? containerNetCommands(net.engine, net.id, net.host) : [])]), openCheck], // + spec.commands
    sleep: async (ms) => {
      elapsed += ms;
      if (elapsed >= TIME_HORIZON_MS) horizon.abort();
    },
    // what a process may print is bounded like the host shell's output (a container printing hundreds of MB stops here)
    executionLimits: { maxLoopIterations: LOOP_HORIZON, maxCommandCount: LOOP_HORIZON * 20, maxOutputSize: OUTPUT_LIMIT, maxStringLength: OUTPUT_LIMIT },
  });
  const exe = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  let script: string;
  let positional: Record<string, string> = {};
  if (SHELLS.has(exe)) {
    const ci = argv.indexOf('-c');
    script = ci >= 0 ? (argv[ci + 1] ?? '') : (spec.stdin ?? '');
    // sh -c SCRIPT [NAME [ARGS…]]: $0 is NAME (else the shell as invoked), $1… the ARGS (just-bash reads them from env)
    if (ci >= 0) {
      const args = argv.slice(ci + 3);
      positional = { '0': argv[ci + 2] ?? argv[0], '#': String(args.length), '@': args.join(' '), '*': args.join(' ') };
      args.forEach((a, i) => (positional[String(i + 1)] = a));
    }
  } else {
    // just-bash finds its commands by name (and only under /bin, /usr/bin): a path to a stand-in binary such as
    // /sbin/ip or /usr/local/bin/x runs the program by the name it stands in for
    const real = argv[0].includes('/') ? lookup([spec.upper, ...spec.lower], realPath([spec.upper, ...spec.lower], argv[0])) : undefined;
    const stand = real?.type === 'file' ? standInOf(real.content)?.name : undefined;
    script = [stand && stand !== 'busybox' ? stand : stand === 'busybox' ? exe : argv[0], ...argv.slice(1)].map(shellQuote).join(' ');
  }
  // every command's output is appended to the process's stdout/stderr as it finishes, so logs carry real times
  // (stream-transform.ts rewrites the script; pipes and the script's own redirections are left alone)
  if (SHELLS.has(exe)) {
    const sh = shellOf([spec.upper, ...spec.lower], argv[0]);
    bash.registerTransformPlugin(redirectGuard(sh === 'bash' ? 'bash-c' : sh, argv[0])); // `> /nope/f`: the shell's error, and the script goes on
  }
  bash.registerTransformPlugin(streamPlugin);
  const res = await withSimTime(() => spec.startedAt + elapsed, () => bash
    .exec(script, { rawScript: true, signal: horizon.signal, env: positional, ...(spec.stdin !== undefined && (!SHELLS.has(exe) || argv.includes('-c')) ? { stdin: spec.stdin } : {}) })
    .catch((e) => failedRedirect(e, shellOf([spec.upper, ...spec.lower], argv[0])))); // a redirection into a read-only mount
  const forever = horizon.signal.aborted || (res.exitCode === 126 && /too many (iterations|commands)/.test(res.stderr + output.map((o) => o.text).join('')));
  const kept = forever ? output.filter((o) => !/too many (iterations|commands)/.test(o.text)) : output;
  if (res.stdout) kept.push({ offset: elapsed, stream: 'stdout', text: res.stdout });
  if (res.stderr && !forever) kept.push({ offset: elapsed, stream: 'stderr', text: res.stderr });
  return { output: capLog(kept), exitCode: res.exitCode, elapsed, forever, upper: spec.upper };
}

/** What one process run may add to its container's log (docker's `local` log driver keeps 100 MB; a tab keeps less). */
export const LOG_LIMIT = 8 * 1024 * 1024;

/** The output past LOG_LIMIT is dropped, and one line says so (as a log driver dropping messages would). */
export function capLog(output: ProcessOutput['output']): ProcessOutput['output'] {
  let total = 0;
  const kept: ProcessOutput['output'] = [];
  for (const o of output) {
    if (total + o.text.length > LOG_LIMIT) {
      const dropped = output.slice(kept.length).reduce((n, x) => n + x.text.length, 0) - (LOG_LIMIT - total);
      if (LOG_LIMIT > total) kept.push({ ...o, text: o.text.slice(0, LOG_LIMIT - total) });
      kept.push({ offset: o.offset, stream: 'stderr', text: `\nlog: message dropped: ${dropped} bytes over the ${LOG_LIMIT}-byte log limit\n` });
      return kept;
    }
    total += o.text.length;
    kept.push(o);
  }
  return kept;
}

/** the process's own commands after the shared ones (later registrations win a name). */
function withCommands(spec: ProcessSpec, fs: UnionFs, now: () => number, others: CustomCommand[]): CustomCommand[] {
  return [...others, ...(spec.commands?.(fs, others, now) ?? [])];
}

/** Run argv in a container's filesystem and environment (`proc`: the exec it is, and whether it has a tty). */
export async function runInContainer(engine: Engine, id: string, argv: string[], startedAt?: number, stdin?: string, proc: ExecProcess = {}, mounts?: MountSet, host?: IFileSystem): Promise<ProcessOutput & { listens: number[]; traps: string[] }> {
  const c = containerById(engine.state, id)!;
  const report = { listens: [] as number[], traps: [] as string[] }; // a server script's ports, the signals it handles
  const env = execEnv(c.config.Env, proc.env);
  const r = await runProcess(
    {
      upper: { ...c.upper }, // a new table sharing the (frozen, never mutated) nodes: writes replace nodes, never change them
      lower: [initLayer(c), ...lowerStack(engine.state, c)], // docker's init layer (/.dockerenv)
      // with a tty docker adds TERM=xterm to the process environment (moby CreateDaemonEnvironment)
      env: (proc.tty ?? c.config.Tty) && !env.some((e) => e.startsWith('TERM=')) ? [...env, 'TERM=xterm'] : env,
      workdir: proc.workdir || c.config.WorkingDir,
      makeWorkdir: !proc.workdir,
      hostname: c.config.Hostname,
      user: proc.user || c.config.User,
      readOnly: c.hostConfig.ReadonlyRootfs,
      startedAt: startedAt ?? c.state.startedAt,
      stdin,
      net: { engine, id, host }, // (+ the host's files for bind-mounted web roots)
      mounts,
      // ls, ps, id, free, apt-get … as this container's programs
      commands: (fs, others, now) => userland({ engine, containerId: id, flavor: userlandFlavor(engine, id), fs, umask: fs, tty: proc.tty ?? c.config.Tty, process: { execId: proc.execId, argv, user: proc.user }, extra: others, now, report }),
    },
    argv,
  );
  // a shell script that traps a signal with an exiting handler ends with 0 when the signal comes
  const exe = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  if (SHELLS.has(exe) && argv.includes('-c')) report.traps.push(...exitTraps(argv[argv.indexOf('-c') + 1] ?? ''));
  // `sh -c 'nosuch'` says it the way the image's shell does
  const said = notFoundAs(argv[0] ?? '', shellOf([c.upper, ...lowerStack(engine.state, c)], argv[0] ?? ''));
  return { ...r, listens: report.listens, traps: report.traps, output: r.output.map((o) => (o.stream === 'stderr' ? { ...o, text: said(o.text) } : o)) };
}

/** What a server's handler wrote while answering a request: into the container's writable layer, or its mounts. */
async function storeHandlerWrites(engine: Engine, id: string, writes: HandlerWrites, host?: IFileSystem) {
  const c = containerById(engine.state, id);
  if (!c) return;
  const upper: FileTable = { ...c.upper }; // shares the frozen nodes: writes replace a node, never change one
  const mounts = mountSet(engine, id, host);
  const base = new UnionFs(upper, [initLayer(c), ...lowerStack(engine.state, c)], () => engine.now(), c.hostConfig.ReadonlyRootfs);
  const fs = mounts ? mounts.wrap(base, () => engine.now()) : base;
  for (const d of writes.dirs) await fs.mkdir(d, { recursive: true }).catch(() => undefined);
  for (const [p, text] of writes.files) await fs.writeFile(p, text).catch(() => undefined);
  engine.container.setUpper(id, upper);
  storeMountWrites(engine, id, mounts);
}

/** An exec process: which exec it is, its tty, and its -e / -w / -u (docker exec). */
export interface ExecProcess {
  execId?: string;
  tty?: boolean;
  env?: string[];
  workdir?: string;
  user?: string;
}

/** Whether a directory exists in the container (its layers, or a mount at or above it). */
async function dirExists(engine: Engine, id: string, path: string, host?: IFileSystem): Promise<boolean> {
  const c = containerById(engine.state, id);
  if (!c) return true; // the daemon's own error comes next
  const p = normPath(path.startsWith('/') ? path : '/' + path);
  if ((c.mounts ?? []).some((m) => p === m.destination || p.startsWith(m.destination + '/'))) return true;
  void host;
  const stack = [c.upper, ...lowerStack(engine.state, c)];
  const n = lookup(stack, realPath(stack, p));
  return p === '/' || n?.type === 'dir';
}

/** moby ReplaceOrAppendEnvValues: exec's `K=V` replace the container's K, a bare `K` removes it. */
export function execEnv(base: string[], extra: string[] = []): string[] {
  const key = (e: string) => (e.includes('=') ? e.slice(0, e.indexOf('=')) : e);
  let out = [...base];
  for (const e of extra) {
    const k = key(e);
    const i = out.findIndex((b) => key(b) === k);
    if (!e.includes('=')) out = out.filter((b) => key(b) !== k);
    else if (i >= 0) out[i] = e;
    else out.push(e);
  }
  return out;
}

/** A shell with no -c script and stdin or a tty kept open waits for input instead of exiting. */
export function isInteractiveShell(argv: string[], openStdin: boolean, tty: boolean): boolean {
  const exe = argv[0].slice(argv[0].lastIndexOf('/') + 1);
  return SHELLS.has(exe) && !argv.includes('-c') && (openStdin || tty);
}

/** The banner of the prompt `exe` opens, with the version the image says it has (PYTHON_VERSION, NODE_VERSION). */
function replBanner(exe: string, env: string[]): string {
  const version = (name: string, dflt: string) => [...env].reverse().find((e) => e.startsWith(name + '='))?.slice(name.length + 1) || dflt;
  const kind = replKind(exe);
  if (kind === 'php') return 'Interactive shell\n\n'; // sapi/cli/php_cli.c, built with readline
  return kind === 'node' ? nodeBanner(version('NODE_VERSION', '22.12.0')) : kind === 'ruby' ? '' : pythonBanner(version('PYTHON_VERSION', '3.13.1')); // irb starts with its prompt
}

export interface PendingShell {
  id: string;
  mode: 'main' | 'exec' | 'attach';
  exe: string;
  tty: boolean;
  execId?: string;
  /** docker exec -e / -w / -u of an interactive exec shell. */
  env?: string[];
  workdir?: string;
  user?: string;
  /** A database client's prompt instead of a shell (db-repl.ts). */
  client?: ClientState;
}

/** The Runtime the docker client uses: run processes and report them to the daemon; interactive shells are handed to the session. */
export function createRuntime(engine: Engine, host?: IFileSystem) {
  let pending: PendingShell | null = null;
  // a request to a server script: run the container's program again, in request mode, on its current files
  setAppRunner(engine, async (id, req) => {
    const c = containerById(engine.state, id);
    if (!c) return undefined;
    giveRequest(id, req);
    await runInContainer(engine, id, [c.path, ...c.args], engine.now(), undefined, {}, mountSet(engine, id, host), host);
    takeRequest(id); // not taken when the program was not a server script after all
    const answer = takeAnswer(id);
    if (answer?.writes && (answer.writes.files.length || answer.writes.dirs.length)) await storeHandlerWrites(engine, id, answer.writes, host);
    return answer;
  });
  return {
    /** A build step (RUN): run argv on an image's layers; the new files end up in `spec.upper`. */
    // RUN steps get ls, apt-get, apk … too (their temporary container is not an engine container)
    runBuild: (spec: ProcessSpec, argv: string[]) =>
      runProcess({ ...spec, commands: spec.commands ?? ((fs, others, now) => userland({ engine, containerId: 'build', container: buildContainer(spec, argv), flavor: userlandFlavor(engine, [spec.upper, ...spec.lower]), fs, umask: fs, process: { argv }, extra: others, now })) }, argv),
    async runMain(id: string, opts: { attached?: boolean; stdin?: string } = {}) {
      const c = containerById(engine.state, id);
      if (!c) return;
      const argv = [c.path, ...c.args];
      const prompt = c.config.OpenStdin && c.config.Tty ? replExe(argv) : null; // python3 or node with nothing to run
      const program = unwrapEntrypoint(argv); // `docker run -it node bash`: the entrypoint script execs bash
      if (prompt || (isInteractiveShell(program, c.config.OpenStdin, c.config.Tty) && !(opts.stdin && !c.config.Tty))) {
        engine.container.processInteractive(id);
        // a language's prompt greets the terminal (and so the container's log) with its banner
        if (prompt && replBanner(prompt, c.config.Env)) engine.container.appendLog(id, [{ stream: 'stdout', text: replBanner(prompt, c.config.Env).replace(/\n/g, '\r\n') }]);
        if (opts.attached && c.config.OpenStdin) pending = { id, mode: 'main', exe: prompt ?? program[0], tty: c.config.Tty };
        return;
      }
      const mounts = mountSet(engine, id, host);
      const r = await runInContainer(engine, id, argv, undefined, opts.stdin, {}, mounts, host);
      storeMountWrites(engine, id, mounts); // before the exit (and --rm) it may cause
      engine.container.processDone(id, { output: r.output, exitCode: r.exitCode, elapsed: r.forever ? null : r.elapsed, upper: r.upper, listens: r.listens, traps: r.traps });
    },
    /** `docker exec`: run a command now (or open an interactive shell frame). */
    async exec(id: string, argv: string[], opts: ExecOptions) {
      const wd = opts.workdir;
      // runc validateProcessSpec: an exec's cwd must be absolute
      if (wd && !wd.startsWith('/')) throw new DockerError('System', 'OCI runtime exec failed: exec failed: Cwd must be an absolute path: unknown', 'exec-start-failed');
      if (wd && !(await dirExists(engine, id, wd, host))) {
        // runc: the exec's cwd must exist (docker run creates its -w; exec does not)
        throw execStartFailed(`chdir to cwd ("${wd}") set in config.json failed: no such file or directory`);
      }
      const { execId } = engine.container.execCreate(opts.ref ?? id, argv, host && containerById(engine.state, id) ? await execHostNodes(engine, id, argv[0], host) : undefined, opts.user); // binds
      noteExec(engine, id, execId, argv, opts.tty); // ps shows exec processes
      // a database client with nothing to run opens its prompt (mysql>, postgres=#, 127.0.0.1:6379>, test>)
      if (opts.interactive && opts.tty && !opts.stdin && isClientPrompt(argv) && resolveExecutable(engine.state, containerById(engine.state, id)!, argv[0]) !== null) {
        const opened = await openClient(engine, id, argv, opts.user, lookup([containerById(engine.state, id)!.upper, ...lowerStack(engine.state, containerById(engine.state, id)!)], '/usr/bin/mariadb') !== undefined, opts.ask);
        if ('error' in opened) {
          engine.container.execDone(id, execId);
          return { stdout: opened.error.replace(/\n/g, '\r\n'), stderr: '', exitCode: opened.code, interactive: false };
        }
        pending = { id, mode: 'exec', exe: argv[0], tty: opts.tty, execId, env: opts.env, workdir: opts.workdir, user: opts.user, client: opened.state };
        return { stdout: opened.banner.replace(/\n/g, '\r\n'), stderr: '', exitCode: 0, interactive: true };
      }
      // python3 or node with nothing to run opens its prompt
      const prompt = opts.interactive && opts.tty && !opts.stdin ? replExe(argv) : null;
      if (prompt && resolveExecutable(engine.state, containerById(engine.state, id)!, argv[0]) !== null) {
        pending = { id, mode: 'exec', exe: prompt, tty: opts.tty, execId, env: opts.env, workdir: opts.workdir, user: opts.user };
        return { stdout: replBanner(prompt, [...containerById(engine.state, id)!.config.Env, ...(opts.env ?? [])]).replace(/\n/g, '\r\n'), stderr: '', exitCode: 0, interactive: true };
      }
      if (isInteractiveShell(argv, opts.interactive, opts.tty) && opts.interactive && !opts.stdin) {
        pending = { id, mode: 'exec', exe: argv[0], tty: opts.tty, execId, env: opts.env, workdir: opts.workdir, user: opts.user };
        return { stdout: '', stderr: '', exitCode: 0, interactive: true };
      }
      const before = engine.now();
      const mounts = mountSet(engine, id, host);
      const r = await runInContainer(engine, id, argv, before, opts.stdin, { execId, tty: opts.tty, env: opts.env, workdir: opts.workdir, user: opts.user }, mounts, host);
      storeMountWrites(engine, id, mounts);
      engine.container.setUpper(id, r.upper);
      if (opts.detach) {
        // the client returned at once: the process keeps running (ps, top) until its run ends, and no time passes here
        engine.container.execDone(id, execId, r.forever ? null : before + r.elapsed);
        return { stdout: '', stderr: '', exitCode: 0, interactive: false };
      }
      engine.container.execDone(id, execId);
      if (!r.forever) engine.advance(r.elapsed);
      const pick = (st: 'stdout' | 'stderr') => r.output.filter((o) => o.stream === st || (opts.tty && st === 'stdout')).map((o) => o.text).join('');
      return { stdout: pick('stdout'), stderr: opts.tty ? '' : pick('stderr'), exitCode: r.exitCode, interactive: false };
    },
    /** create missing `-v` bind sources on the host (the daemon's MkdirAll). */
    prepareMounts: (id: string) => (host ? prepareBindSources(engine, id, host) : Promise.resolve()),
    /** `docker attach` to a container whose main process is an interactive shell. */
    attach(id: string): boolean {
      const c = containerById(engine.state, id);
      if (c?.process?.program !== 'interactive' || !c.config.OpenStdin) return false;
      pending = { id, mode: 'attach', exe: replExe([c.path, ...c.args]) ?? unwrapEntrypoint([c.path, ...c.args])[0], tty: c.config.Tty };
      return true;
    },
    /** The interactive shell a command asked for, taken once by the session. */
    takePending(): PendingShell | null {
      const p = pending;
      pending = null;
      return p;
    },
  };
}


export type ShellRuntime = ReturnType<typeof createRuntime>;
