// What every userland command knows about where it runs (host or container), and small shared helpers.
import type { ExecResult, IFileSystem, ResolvedCommandContext } from 'just-bash';
import { HOST, type Container, type Engine } from '../../engine/index';
import type { UnionFs } from '../container-fs';
import { allContainers, containerById } from '../../engine/index';
import { hostUser } from '../host/who';

export type Ctx = ResolvedCommandContext;

/** GNU coreutils/procps (Debian, Ubuntu, CentOS, the host) or busybox applets (alpine, busybox). */
export type Flavor = 'gnu' | 'busybox';

/** One input at a language's interactive prompt (python3): the inputs typed before it, and the exit status when it
 *  ended the prompt (exit()). */
export interface ReplInput {
  before: string[];
  input: string;
  exited?: number;
}

export interface Sys {
  engine: Engine;
  /** null = the Docker host itself. */
  containerId: string | null;
  flavor: Flavor;
  /** The container's union filesystem when it runs in one (overlay details, sized package files). */
  fs?: UnionFs;
  /** Whether stdout is the terminal for this command line (ls prints columns, apt prints "... Done"). */
  tty: () => boolean;
  /** The container process the commands run in: an exec (by exec ID) or PID 1, and its argv. */
  process?: { execId?: string; argv?: string[]; user?: string; repl?: ReplInput };
  /** The process's clock (a detached script's time runs ahead of the session's). */
  now: () => number;
  /** A container record that is not in the engine (a build step's temporary container). */
  container?: Container;
  /** What the process tells its runtime beyond its output: the ports a server script listens on. */
  report?: { listens: number[]; traps: string[] };
  /**
   * Show `shown` (the output so far and the question) on the terminal now and wait for the learner's line (null: no
   * answer, as at end of input). `echo` is what the terminal showed after the question (a replayed answer and its newline).
   */
  ask?: (shown: string) => Promise<{ line: string | null; echo: string }>;
}

export type Impl = (args: string[], ctx: Ctx, sys: Sys) => Promise<ExecResult>;

/**
 * A command whose code is a chunk loaded the first time it runs: `psql: lazyImpl(() => import('./psql'), 'psql')`.
 * The images' programs (database clients, npm, pip, the interpreters) are such chunks, so the worker starts without them.
 */
export function lazyImpl<K extends string>(load: () => Promise<Record<K, Impl>>, name: K): Impl {
  return async (args, ctx, sys) => (await load())[name](args, ctx, sys);
}

export const ok = (stdout = ''): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
export const fail = (stderr: string, exitCode = 1, stdout = ''): ExecResult => ({ stdout, stderr, exitCode });

export function containerOf(sys: Sys): Container | null {
  if (sys.container) return sys.container;
  return sys.containerId ? (containerById(sys.engine.state, sys.containerId) ?? sys.engine.container.removed(sys.containerId) ?? null) : null;
}

/** Facts about the simulated Docker host's machine: an Ubuntu 24.04 VM with the CPUs and memory the daemon reports (docker info). */
export const MACHINE = {
  kernel: '6.8.0-49-generic',
  kernelVersion: '#49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024',
  arch: 'x86_64',
  cpus: HOST.cpus,
  memTotalKb: HOST.memory / 1024,
  swapTotalKb: 0,
  diskKb: 31_811_408,
  /** The host booted this long before the simulated session began. */
  bootedBefore: 47 * 60_000,
} as const;

/** Default start of a session's clock (engine initialState); the host booted a little before it. */
const SESSION_EPOCH = Date.parse('2026-11-23T09:00:00Z');
export function bootTime(engine: Engine): number {
  const first = Math.min(SESSION_EPOCH, ...allContainers(engine.state).map((c) => c.created));
  return Math.min(first, engine.now()) - MACHINE.bootedBefore;
}

export interface Distro {
  id: 'ubuntu' | 'debian' | 'centos' | 'alpine' | 'busybox' | 'other';
  codename: string; // noble, bionic, trusty, bookworm, jessie, 7, v3.20
  version: string; // VERSION_ID
}

async function readOr(fs: IFileSystem, path: string): Promise<string | null> {
  try {
    return await fs.readFile(path);
  } catch {
    return null;
  }
}

export { readOr as readFileOr };

/** Which distribution this filesystem is (from /etc/os-release). */
export async function distroOf(fs: IFileSystem): Promise<Distro> {
  const text = await readOr(fs, '/etc/os-release');
  if (!text) return { id: (await fs.exists('/bin/busybox')) ? 'busybox' : 'other', codename: '', version: '' };
  const get = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(text)?.[1] ?? '';
  const id = get('ID');
  const version = get('VERSION_ID');
  const known = ['ubuntu', 'debian', 'centos', 'alpine'].includes(id) ? (id as Distro['id']) : 'other';
  let codename = get('VERSION_CODENAME') || get('UBUNTU_CODENAME');
  if (!codename && id === 'ubuntu') codename = /trusty|xenial|bionic|focal|jammy|noble/i.exec(get('VERSION'))?.[0].toLowerCase() ?? '';
  if (!codename && id === 'debian') codename = /\((\w+)\)/.exec(get('VERSION'))?.[1] ?? '';
  if (id === 'alpine') codename = 'v' + version.split('.').slice(0, 2).join('.');
  if (id === 'centos') codename = version;
  return { id: known, codename, version };
}

export interface Account {
  uid: number;
  gid: number;
  name: string | null;
  group: string | null;
  groups: { gid: number; name: string }[];
  home: string;
}

// Every Linux system has root; the simulated host's filesystem carries no /etc/passwd of its own.
const FALLBACK: Record<string, string> = { '/etc/passwd': 'root:x:0:0:root:/root:/bin/bash\n', '/etc/group': 'root:x:0:\n' };

/** Parse /etc/passwd or /etc/group into rows of fields. */
async function table(fs: IFileSystem, path: string): Promise<string[][]> {
  return ((await readOr(fs, path)) ?? FALLBACK[path] ?? '').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
}

/** The user a process runs as (config.User: name, uid, name:group or uid:gid), resolved like runc does. */
export async function accountOf(fs: IFileSystem, user: string): Promise<Account> {
  const passwd = await table(fs, '/etc/passwd');
  const groups = await table(fs, '/etc/group');
  const [u, g] = (user || 'root').split(':');
  const pw = passwd.find((r) => r[0] === u) ?? (/^\d+$/.test(u) ? passwd.find((r) => r[2] === u) : undefined);
  const uid = pw ? parseInt(pw[2], 10) : /^\d+$/.test(u) ? parseInt(u, 10) : 0;
  const grRow = g === undefined ? undefined : (groups.find((r) => r[0] === g) ?? (/^\d+$/.test(g) ? groups.find((r) => r[2] === g) : undefined));
  const gid = g !== undefined ? (grRow ? parseInt(grRow[2], 10) : parseInt(g, 10) || 0) : pw ? parseInt(pw[3], 10) : 0;
  const name = pw ? pw[0] : null;
  const groupName = (id: number) => groups.find((r) => parseInt(r[2], 10) === id)?.[0] ?? null;
  const extra = name ? groups.filter((r) => (r[3] ?? '').split(',').includes(name)).map((r) => ({ gid: parseInt(r[2], 10), name: r[0] })) : [];
  const all = [{ gid, name: groupName(gid) ?? String(gid) }, ...extra.filter((e) => e.gid !== gid)];
  return { uid, gid, name, group: groupName(gid), groups: all, home: pw?.[5] ?? '/' };
}

/** uid → user name and gid → group name maps (ls -l, ps). */
export async function idNames(fs: IFileSystem): Promise<{ user: (uid: number) => string; group: (gid: number) => string }> {
  const passwd = await table(fs, '/etc/passwd');
  const groups = await table(fs, '/etc/group');
  return {
    user: (uid) => passwd.find((r) => parseInt(r[2], 10) === uid)?.[0] ?? String(uid),
    group: (gid) => groups.find((r) => parseInt(r[2], 10) === gid)?.[0] ?? String(gid),
  };
}

/** The user the command runs as (the container's configured User; root on the host). */
export function userOf(sys: Sys): string {
  if (sys.containerId === null && !sys.container) return hostUser(sys.engine); // the login user of a bare host, root under sudo
  return sys.process?.user || containerOf(sys)?.config.User || 'root'; // docker exec -u overrides
}

export interface Flags {
  set: Set<string>;
  values: Map<string, string>;
  operands: string[];
  bad?: { option: string; long: boolean; missingArg?: boolean };
}

/**
 * getopt-style parsing: clustered short flags, `--long` and `--long=value`, `--` ends options.
 * `short` lists flag letters, a letter followed by ':' takes a value; `long` maps long names to a letter/key.
 */
export function parseFlags(args: string[], short: string, long: Record<string, string> = {}, valued: string[] = []): Flags {
  const set = new Set<string>();
  const values = new Map<string, string>();
  const operands: string[] = [];
  const takesValue = (c: string) => short.includes(c + ':') || valued.includes(c);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name, val] = a.slice(2).split(/=(.*)/s, 2);
      const key = long[name];
      if (key === undefined) return { set, values, operands, bad: { option: name, long: true } };
      if (takesValue(key)) {
        const v = val ?? args[++i];
        if (v === undefined) return { set, values, operands, bad: { option: name, long: true, missingArg: true } };
        values.set(key, v);
      }
      set.add(key);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (!short.replace(/:/g, '').includes(c)) return { set, values, operands, bad: { option: c, long: false } };
        set.add(c);
        if (takesValue(c)) {
          const v = a.slice(j + 1) || args[++i];
          if (v === undefined) return { set, values, operands, bad: { option: c, long: false, missingArg: true } };
          values.set(c, v);
          break;
        }
      }
      continue;
    }
    operands.push(a);
  }
  return { set, values, operands };
}

/** GNU getopt's complaint about a bad option, and the `Try '… --help'` line. */
export function gnuBadOption(cmd: string, bad: NonNullable<Flags['bad']>): string {
  const what = bad.missingArg
    ? bad.long
      ? `option '--${bad.option}' requires an argument`
      : `option requires an argument -- '${bad.option}'`
    : bad.long
      ? `unrecognized option '--${bad.option}'`
      : `invalid option -- '${bad.option}'`;
  return `${cmd}: ${what}\nTry '${cmd} --help' for more information.\n`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const monthName = (d: Date) => MONTHS[d.getUTCMonth()];
export const pad2 = (n: number) => String(n).padStart(2, '0');
/** HH:MM of a time (containers and the host run in UTC). */
export const hhmm = (t: number) => {
  const d = new Date(t);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
};
