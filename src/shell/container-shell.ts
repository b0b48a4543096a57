// Interactive shells inside containers (`docker run -it ubuntu bash`, `docker exec -it c sh`): prompt, lines, exit.
import { openCheck, redirectGuard } from './redirect-guard';
import { Bash, type CustomCommand } from 'just-bash';
import type { Engine, FileTable } from '../engine/index';
import { dict, lookup, lowerStack, resolveExecutable, containerById } from '../engine/index';
import { UnionFs } from './container-fs';
import { containerNetCommands, netToolShims } from './net-commands';
import { cgroupFiles, containerEtcFiles } from '../engine/index';
import { BASH_BASE } from './bash-options';
import { functionKeeper } from './functions';
import { historyCommand } from './history';
import { dateCommand } from './date';
import { availableCommands, execEnv, homeOf, shellBuiltins } from './runtime';
import { clientLine, clientPrompt, initLayer, terminalCommands, userland, type ClientState } from './userland/index';
import type { IFileSystem } from 'just-bash';
import { failedRedirect, mountSet, storeMountWrites } from './mount-fs';
import { notFoundInteractive } from './not-found';
import { inputReady, newRepl, NODE_HELP, replExitLine, replKind, replPrompt, type ReplState } from './repl';
import type { ReplInput, Sys } from './userland/sys';

export type Flavor = 'bash' | 'bash-rh' | 'ash' | 'dash';

/** One open container shell; the session keeps a stack of them above the host shell. */
export interface ShellFrame {
  id: string;
  mode: 'main' | 'exec' | 'attach';
  execId?: string;
  flavor: Flavor;
  tty: boolean;
  env: Record<string, string>;
  /** docker exec -u: the user this shell runs as (else the container's). */
  user?: string;
  /** Not a shell but a database client's prompt (mysql>, postgres=#, …). */
  client?: ClientState;
  /** Not a shell but a language's interactive prompt (>>>, >, irb(main):001>, php >). */
  repl?: ReplState;
  /** A program the shell frame below this one runs in the foreground (`python3` typed at bash): its end returns there. */
  child?: boolean;
  /** The shell's file-creation mask once `umask` changed it (else 0022): it lasts from line to line, like env. */
  umask?: number;
  /** The functions the shell's lines defined (functions.ts), by name. */
  functions?: [string, unknown][];
  /** The lines typed at this shell, as its `history` lists them. */
  history?: string[];
}

/** Which shell it is decides the prompt and the wording of errors. */
export function flavorOf(engine: Engine, id: string, exe: string): Flavor {
  const s = engine.state;
  const c = containerById(s, id)!;
  const path = resolveExecutable(s, c, exe) ?? exe;
  const stack = [c.upper, ...lowerStack(s, c)];
  const target = lookup(stack, path);
  const base = path.slice(path.lastIndexOf('/') + 1);
  const isBusybox = target?.type === 'file' && /busybox/.test(target.content.split('\n')[0]) || (lookup(stack, '/bin/busybox') !== undefined && base !== 'bash');
  if (base === 'bash') return lookup(stack, '/etc/redhat-release') ? 'bash-rh' : 'bash';
  if (isBusybox) return 'ash';
  return 'dash';
}

export function newFrame(engine: Engine, id: string, mode: ShellFrame['mode'], exe: string, tty: boolean, execId?: string, exec: { env?: string[]; workdir?: string; user?: string; client?: ClientState } = {}): ShellFrame {
  const c = containerById(engine.state, id)!;
  const env: Record<string, string> = dict({ HOSTNAME: c.config.Hostname, TERM: 'xterm' });
  for (const e of execEnv(c.config.Env, exec.env)) {
    const i = e.indexOf('=');
    env[i < 0 ? e : e.slice(0, i)] = i < 0 ? '' : e.slice(i + 1);
  }
  env.HOME ??= homeOf([c.upper, ...lowerStack(engine.state, c)], exec.user || c.config.User); // runc's setupUser, as for any process
  env.PWD = exec.workdir || c.config.WorkingDir || '/';
  return { id, mode, execId, flavor: flavorOf(engine, id, exe), tty, env, ...(exec.user ? { user: exec.user } : {}), ...(exec.client ? { client: exec.client } : {}), ...(replKind(exe) ? { repl: newRepl(exe) } : {}) };
}

/** The prompt this shell shows (Debian bash PS1, CentOS bash PS1, busybox ash, dash). */
export function framePrompt(engine: Engine, f: ShellFrame): string {
  if (f.client) return clientPrompt(f.client);
  if (f.repl) return replPrompt(f.repl);
  if (!f.tty) return '';
  const c = containerById(engine.state, f.id);
  const host = c?.config.Hostname ?? f.id.slice(0, 12);
  const cwd = f.env.PWD ?? '/';
  const user = c?.config.User && c.config.User !== 'root' && c.config.User !== '0' ? c.config.User : 'root';
  const sign = user === 'root' ? '#' : '$';
  const short = cwd === (f.env.HOME ?? '/root') && cwd !== '/' ? '~' : cwd;
  switch (f.flavor) {
    case 'bash':
      return `${user}@${host}:${short}${sign} `;
    case 'bash-rh':
      return `[${user}@${host} ${short === '/' ? '/' : short.slice(short.lastIndexOf('/') + 1) || '/'}]${sign} `;
    case 'ash':
      return `${short} ${sign} `;
    case 'dash':
      return `${sign} `;
  }
}

export interface FrameResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Set when the line ended the shell (`exit [n]`). */
  exited?: number;
}

/** ls, ps, apt-get … for this shell (the process is the frame's exec, or PID 1), after the shared commands. */
function withUserland(engine: Engine, f: ShellFrame, fs: UnionFs, line: string, others: CustomCommand[], repl?: ReplInput, ask?: Sys['ask']): CustomCommand[] {
  const flavor = f.flavor === 'ash' ? 'busybox' : 'gnu';
  fs.umask = f.umask ?? 0o022;
  // `umask 077` applies to the files made after it on the same line (the filesystem) and on later lines (the frame)
  const umask = {
    get umask() {
      return fs.umask;
    },
    set umask(v: number) {
      fs.umask = v;
      if (!repl) f.umask = v;
    },
  };
  return [...others, ...userland({ engine, containerId: f.id, flavor, fs, umask, tty: f.tty ? terminalCommands(line) : false, process: { execId: f.execId, user: f.user, ...(repl ? { repl } : {}) }, extra: others, ...(ask && f.tty ? { ask } : {}) })];
}

/** A line typed at a language's prompt: kept until the input is complete, then run by the interpreter in the
 *  container (with the inputs before it), which prints what the prompt would; exit()/exit/quit in Python, .exit or
 *  process.exit() in node, exit/quit in irb and php end it. */
async function replLine(engine: Engine, f: ShellFrame & { repl: ReplState }, line: string, host?: IFileSystem): Promise<FrameResult> {
  const st = f.repl;
  if (!st.buffer.length && !line.trim()) return { stdout: '', stderr: '', exitCode: 0 };
  if (replExitLine(st, line)) return { stdout: '', stderr: '', exitCode: 0, exited: 0 };
  if (st.kind === 'node' && /^\s*\.(help|break|clear)\s*$/.test(line)) {
    st.buffer = [];
    return { stdout: line.trim() === '.help' ? NODE_HELP : '', stderr: '', exitCode: 0 };
  }
  st.buffer.push(line);
  if (!(await inputReady(st.kind, st.buffer))) return { stdout: '', stderr: '', exitCode: 0 };
  const input: ReplInput = { before: st.inputs, input: st.buffer.join('\n').replace(/\n\s*$/, '') };
  st.buffer = [];
  const r = await runInFrame(engine, f, st.exe, host, input);
  st.inputs = [...st.inputs, input.input];
  return { ...r, ...(input.exited !== undefined ? { exited: input.exited } : {}) };
}

/** The shell's history list, kept on its frame (dash keeps none: `history` is not one of its builtins). */
function frameHistory(f: ShellFrame): CustomCommand[] {
  if (f.flavor === 'dash') return [];
  return [historyCommand({ lines: () => f.history ?? [], set: (lines) => void (f.history = lines) }, f.flavor === 'ash' ? 'busybox' : 'bash')];
}

/** Run one typed line in the container's shell; file changes go to the writable layer at once. */
/** `ask`: the terminal a command's question goes to (npx's "Ok to proceed?"), in a shell with a tty. */
export async function runInFrame(engine: Engine, f: ShellFrame, line: string, host?: IFileSystem, repl?: ReplInput, ask?: Sys['ask']): Promise<FrameResult> {
  const live = containerById(engine.state, f.id);
  if (f.repl && !repl && live && live.state.status === 'running') return replLine(engine, f as ShellFrame & { repl: ReplState }, line, host);
  if (f.client && live && live.state.status === 'running') {
    // a database client's prompt: the line goes to the client (the frame keeps its state, e.g. the current database)
    const r = await clientLine(engine, f.id, f.user, f.client, line);
    return { stdout: r.out, stderr: '', exitCode: r.exited ?? 0, ...(r.exited !== undefined ? { exited: r.exited } : {}) };
  }
  const m = repl ? null : /^\s*exit(?:\s+(\d+))?\s*$/.exec(line);
  if (m) {
    const code = m[1] !== undefined ? parseInt(m[1], 10) & 255 : parseInt(f.env['?'] ?? '0', 10) || 0;
    return { stdout: f.flavor.startsWith('bash') && f.tty ? 'exit\n' : '', stderr: '', exitCode: code, exited: code };
  }
  const c = containerById(engine.state, f.id);
  if (!c || (c.state.status !== 'running' && c.state.status !== 'paused')) return { stdout: '', stderr: '', exitCode: 0, exited: 0 };
  const upper: FileTable = { ...c.upper }; // shares the frozen nodes: writes replace a node, never change one
  const fs = new UnionFs(upper, [initLayer(c), ...lowerStack(engine.state, c)], () => engine.now(), c.hostConfig.ReadonlyRootfs); // + init layer (/.dockerenv)
  fs.binds = () => containerEtcFiles(engine.state, f.id); // /etc/hosts, /etc/resolv.conf, /etc/hostname
  fs.pseudo = () => cgroupFiles(engine.state, f.id); // cgroupfs (/sys/fs/cgroup)
  const shims = [...netToolShims(engine, f.id), ...shellBuiltins([containerById(engine.state, f.id)!.upper, ...lowerStack(engine.state, containerById(engine.state, f.id)!)])];
  fs.shims = () => shims; // /sbin/ip …
  const mounts = mountSet(engine, f.id, host); // volumes, binds, tmpfs
  if (f.flavor !== 'dash' && line.trim() && !repl) f.history = [...(f.history ?? []), line];
  if ('BASH_HISTORY' in f.env) delete f.env.BASH_HISTORY; // where just-bash's own `history` kept the list (checkpoints saved before)
  const keeper = functionKeeper(() => bash, () => false, true); // functions last from line to line
  const bash: Bash = new Bash({
    ...BASH_BASE,
    fs: mounts ? mounts.wrap(fs, () => engine.now()) : fs,
    cwd: f.env.PWD ?? '/',
    env: f.env,
    commands: availableCommands(engine, f.id) as never,
    customCommands: [...withUserland(engine, f, fs, line, [dateCommand(() => engine.now()), ...containerNetCommands(engine, f.id, host)], repl, ask), openCheck, keeper.command, ...frameHistory(f)], // ping, wget, ip …
    sleep: async (ms) => {
      engine.advance(ms);
    },
  });
  bash.registerTransformPlugin(redirectGuard(f.flavor === 'bash-rh' ? 'bash' : f.flavor)); // `> /nope/f`: the shell's error, and the line goes on
  bash.registerTransformPlugin(keeper.plugin);
  if (f.functions) keeper.load(f.functions);
  // `$?` is the previous line's status (just-bash starts each Bash at 0)
  (bash as unknown as { state: { lastExitCode: number } }).state.lastExitCode = parseInt(f.env['?'] ?? '0', 10) || 0;
  const res = await bash.exec(line, { rawScript: true }).catch((e) => failedRedirect(e, f.flavor === 'bash-rh' ? 'bash' : f.flavor));
  if (res.env && !repl) f.env = dict(res.env);
  if (!repl) {
    const kept = keeper.entries();
    f.functions = kept.length ? kept : undefined;
  }
  engine.container.setUpper(f.id, upper);
  storeMountWrites(engine, f.id, mounts);
  return { stdout: res.stdout, stderr: notFoundInteractive(res.stderr, f.flavor), exitCode: res.exitCode };
}
