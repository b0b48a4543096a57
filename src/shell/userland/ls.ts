// ls (GNU coreutils and busybox): real modes, owners, link counts, sizes and dates from the filesystem nodes.
import type { FsStat } from 'just-bash';
import { listDir, lookup, realPath } from '../../engine/index';
import { bootTime, containerOf, fail, gnuBadOption, idNames, parseFlags, type Ctx, type Impl, type Sys, userOf } from './sys';
import { longLines, shortLines, totalLine, type LsEntry, type LsOptions } from './ls-format';

const GNU_LONG: Record<string, string> = {
  all: 'a', 'almost-all': 'A', directory: 'd', 'human-readable': 'h', recursive: 'R', reverse: 'r', size: 's', classify: 'F',
  inode: 'i', 'numeric-uid-gid': 'n', dereference: 'L', color: 'color', 'group-directories-first': 'gdf', 'full-time': 'full', help: 'help',
};

const hashIno = (path: string) => {
  let h = 2166136261;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 16777619);
  return 1_000_000 + ((h >>> 0) % 8_000_000);
};

const kindOf = (st: FsStat): LsEntry['kind'] => (st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'dir' : (st.mode & 0o170000) === 0o020000 ? 'char' : 'file');

/** The tmpfs docker mounts on /dev: [name, kind, mode, device numbers or link target]; console only with a tty. */
const DEV: [string, LsEntry['kind'], number, [number, number] | string][] = [
  ['console', 'char', 0o620, [136, 0]], ['core', 'symlink', 0o777, '/proc/kcore'], ['fd', 'symlink', 0o777, '/proc/self/fd'],
  ['full', 'char', 0o666, [1, 7]], ['mqueue', 'dir', 0o1777, ''], ['null', 'char', 0o666, [1, 3]], ['ptmx', 'symlink', 0o777, 'pts/ptmx'],
  ['pts', 'dir', 0o755, ''], ['random', 'char', 0o666, [1, 8]], ['shm', 'dir', 0o1777, ''], ['stderr', 'symlink', 0o777, '/proc/self/fd/2'],
  ['stdin', 'symlink', 0o777, '/proc/self/fd/0'], ['stdout', 'symlink', 0o777, '/proc/self/fd/1'], ['tty', 'char', 0o666, [5, 0]],
  ['urandom', 'char', 0o666, [1, 9]], ['zero', 'char', 0o666, [1, 5]],
];

function devNames(sys: Sys): string[] {
  const c = containerOf(sys);
  return DEV.map(([n]) => n).filter((n) => n !== 'console' || c?.config.Tty);
}

/** What a container sees where docker mounts filesystems over the image: /dev (tmpfs), /proc, /sys, and the root's own time. */
function mounted(sys: Sys, path: string, name: string): LsEntry | null {
  const c = containerOf(sys);
  if (!c) return null;
  const t = c.state.startedAt || c.created;
  const e = (kind: LsEntry['kind'], mode: number, nlink: number, size: number): LsEntry => ({ name, path, kind, mode, size, mtime: t, nlink, uid: 0, gid: 0, blocks: 0, ino: hashIno(path) });
  if (path === '/dev') return e('dir', 0o755, 5, c.config.Tty ? 360 : 340);
  if (path === '/proc') return e('dir', 0o555, 176, 0);
  if (path === '/sys') return e('dir', 0o555, 13, 0);
  const dev = path.startsWith('/dev/') ? DEV.find(([n]) => `/dev/${n}` === path && devNames(sys).includes(n)) : undefined;
  if (dev) {
    const [, kind, mode, x] = dev;
    const d = e(kind, mode, kind === 'dir' ? 2 : 1, kind === 'dir' ? (dev[0] === 'pts' ? 0 : 40) : 0);
    if (kind === 'char') Object.assign(d, { rdev: x, gid: dev[0] === 'console' ? 5 : 0 });
    if (kind === 'symlink') Object.assign(d, { target: x, size: (x as string).length });
    return d;
  }
  return null;
}

/** The host's character devices (devtmpfs, made at boot): the same numbers as a container's. */
function hostDevice(sys: Sys, path: string, name: string): LsEntry | null {
  const dev = path.startsWith('/dev/') ? DEV.find(([n, kind]) => kind === 'char' && n !== 'console' && `/dev/${n}` === path) : undefined;
  if (!dev) return null;
  return { name, path, kind: 'char', mode: dev[2], size: 0, mtime: bootTime(sys.engine), nlink: 1, uid: 0, gid: dev[0] === 'tty' ? 5 : 0, blocks: 0, ino: hashIno(path) % 1000, rdev: dev[3] as [number, number] };
}

/** Build an ls entry from the filesystem (overlay merged directories report one link, like overlayfs). */
export async function entryOf(ctx: Ctx, sys: Sys, name: string, path: string, follow: boolean): Promise<LsEntry | null> {
  const m = sys.containerId ? mounted(sys, path, name) : hostDevice(sys, path, name);
  if (m) return m;
  let st: FsStat;
  try {
    // devices (/dev/null) exist only for stat(); lstat() of them falls back to it
    st = follow ? await ctx.fs.stat(path) : await ctx.fs.lstat(path).catch(() => ctx.fs.stat(path));
    // bind-mounted files (/etc/hosts …) have their own size: stat() knows it
    if (!st.isSymbolicLink && !follow) st = await ctx.fs.stat(path).catch(() => st);
  } catch {
    return null;
  }
  const kind = kindOf(st);
  const e: LsEntry = {
    name, path, kind, mode: st.mode & 0o7777, size: kind === 'dir' ? 4096 : st.size, mtime: st.mtime.getTime(),
    nlink: 1, uid: 0, gid: 0, blocks: 0, ino: hashIno(path),
  };
  if (kind === 'file') e.blocks = Math.ceil(st.size / 4096) * 8;
  if (kind === 'char') e.rdev = [1, 3]; // /dev/null is the only device the union filesystem knows
  if (path === '/' && containerOf(sys)) e.mtime = containerOf(sys)!.created; // the init layer makes / a merged directory
  if (kind === 'dir') {
    e.blocks = 8;
    e.nlink = await dirLinks(ctx, sys, path);
  }
  if (kind === 'symlink') {
    e.target = await ctx.fs.readlink(path).catch(() => '');
    e.size = e.target.length;
    try {
      const t = await ctx.fs.stat(path);
      e.targetKind = kindOf(t);
      e.targetMode = t.mode & 0o7777;
    } catch {
      /* dangling link */
    }
  }
  // /home/<user> belongs to that user (useradd -m); everything else in an image is root's
  const home = /^\/home\/([^/]+)(\/|$)/.exec(path);
  if (home) {
    const passwd = await ctx.fs.readFile('/etc/passwd').catch(() => '');
    const row = passwd.split('\n').map((l) => l.split(':')).find((r) => r[0] === home[1]);
    if (row) [e.uid, e.gid] = [parseInt(row[2], 10), parseInt(row[3], 10)];
  }
  return e;
}

async function dirLinks(ctx: Ctx, sys: Sys, path: string): Promise<number> {
  if (sys.fs) {
    const stack = [sys.fs.upper, ...sys.fs.lower];
    const real = realPath(stack, path);
    // overlayfs reports nlink 1 for a directory merged from several layers
    if (real === '/' || stack.filter((l) => l[real]?.type === 'dir').length > 1) return 1;
    return 2 + listDir(stack, real).filter((n) => lookup(stack, `${real === '/' ? '' : real}/${n}`)?.type === 'dir').length;
  }
  const names = await ctx.fs.readdir(path).catch(() => [] as string[]);
  let n = 2;
  for (const name of names) if ((await ctx.fs.lstat(`${path === '/' ? '' : path}/${name}`).catch(() => null))?.isDirectory) n++;
  return n;
}

/** Root-only folders of the host (/var/lib/docker is 0710 root, /root 0700): a user without sudo cannot list or enter them. */
function lockedFor(sys: Sys, abs: string): 'self' | 'inside' | null {
  if (sys.containerId !== null || userOf(sys) === 'root') return null;
  for (const d of ['/var/lib/docker', '/root']) {
    if (abs === d) return 'self';
    if (abs.startsWith(d + '/')) return 'inside';
  }
  return null;
}

export const ls: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const f = parseFlags(args, 'laAdh1RtrSiFpngosCLUxc', GNU_LONG, ['color']);
  if (f.bad && !(f.bad.long && f.bad.option.startsWith('color'))) {
    return bb ? fail(`ls: unrecognized option: ${f.bad.option}\nBusyBox v1.36.1 multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n`) : fail(gnuBadOption('ls', f.bad), 2);
  }
  const has = (c: string) => f.set.has(c);
  const long = has('l') || has('n') || has('g') || has('o') || has('full');
  const names = await idNames(ctx.fs);
  const o: LsOptions = {
    flavor: sys.flavor, long, human: has('h'), inode: has('i'), size: has('s'), numeric: has('n'), noOwner: has('g'), noGroup: has('o'),
    classify: has('F') ? 'F' : has('p') ? 'p' : 'none', now: sys.now(), user: names.user, group: names.group, tty: has('C') || sys.tty(),
  };
  const oneCol = has('1') || long;
  const showAll = has('a') ? 'all' : has('A') ? 'almost' : 'none';
  const sortEntries = (es: LsEntry[]) => {
    const byName = (a: LsEntry, b: LsEntry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    const cmp = has('U') ? () => 0 : has('S') ? (a: LsEntry, b: LsEntry) => b.size - a.size || byName(a, b) : has('t') ? (a: LsEntry, b: LsEntry) => b.mtime - a.mtime || byName(a, b) : byName;
    const sorted = [...es].sort(cmp);
    return has('r') ? sorted.reverse() : sorted;
  };
  let stdout = '';
  let stderr = '';
  let code = 0;
  const operands = f.operands.length ? f.operands : ['.'];
  const files: LsEntry[] = [];
  const dirs: LsEntry[] = [];
  // command-line symlinks are followed unless the listing describes links themselves (-l, -d, -F)
  const followArgs = has('L') || !(long || has('d') || has('F'));
  for (const op of operands) {
    const abs = ctx.fs.resolvePath(ctx.cwd, op);
    const locked = lockedFor(sys, abs);
    if (locked === 'inside') {
      stderr += `ls: cannot access '${op}': Permission denied\n`;
      code = 2;
      continue;
    }
    const e = await entryOf(ctx, sys, op, abs, has('L') || op.endsWith('/'));
    if (!e) {
      stderr += bb ? `ls: ${op}: No such file or directory\n` : `ls: cannot access '${op}': No such file or directory\n`;
      code = bb ? 1 : 2;
      continue;
    }
    const isDir = e.kind === 'dir' || (followArgs && e.kind === 'symlink' && e.targetKind === 'dir');
    if (isDir && !has('d')) dirs.push(e);
    else files.push(e);
  }
  if (files.length) stdout += long ? longLines(sortEntries(files), o) : shortLines(sortEntries(files), o, oneCol);
  const sortedDirs = sortEntries(dirs);
  const header = operands.length > 1 || has('R');
  let first = !files.length;
  const listDirectory = async (d: LsEntry) => {
    let children: string[];
    try {
      if (lockedFor(sys, d.path) === 'self') throw new Error('EACCES');
      children = sys.containerId && d.path === '/dev' ? devNames(sys) : sys.containerId && /^\/dev\/(pts|shm|mqueue)$/.test(d.path) ? [] : await ctx.fs.readdir(d.path);
    } catch {
      stderr += bb ? `ls: ${d.name}: Permission denied\n` : `ls: cannot open directory '${d.name}': Permission denied\n`;
      code = 2;
      return;
    }
    const visible = children.filter((n) => showAll !== 'none' || !n.startsWith('.'));
    const es: LsEntry[] = [];
    const base = d.path === '/' ? '' : d.path;
    if (showAll === 'all') {
      for (const [n, p] of [['.', d.path], ['..', d.path.replace(/\/[^/]*$/, '') || '/']] as const) {
        const e = await entryOf(ctx, sys, n, p, true);
        if (e) es.push(e);
      }
    }
    for (const n of visible) {
      const e = await entryOf(ctx, sys, n, `${base}/${n}`, has('L'));
      if (e) es.push(e);
    }
    const sorted = sortEntries(es);
    if (header) stdout += `${first ? '' : '\n'}${d.name}:\n`;
    first = false;
    if (long || has('s')) stdout += totalLine(sorted, o);
    stdout += long ? longLines(sorted, o) : shortLines(sorted, o, oneCol);
    if (has('R')) {
      for (const c of sorted) {
        if (c.kind !== 'dir' || c.name === '.' || c.name === '..') continue;
        await listDirectory({ ...c, name: `${d.name === '/' ? '' : d.name.replace(/\/$/, '')}/${c.name}` });
      }
    }
  };
  for (const d of sortedDirs) await listDirectory(d);
  return { stdout, stderr, exitCode: code };
};
