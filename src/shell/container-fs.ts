// A container's union filesystem (writable upper over read-only image layers) as a just-bash IFileSystem.
import type { IFileSystem, FsStat } from 'just-bash';

type DirentEntry = { name: string; isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean };
import { CHECK_PATH } from './redirect-guard';
import { KEEP } from './functions';
import { listDir, lookup, normPath, realPath, removeNode, walk, writeNode, type FileTable, type FsNode } from '../engine/index';

/** Where the shell finds the command that keeps its functions (functions.ts): shown as an executable, never listed. */
const KEEP_PATH = `/usr/bin/${KEEP}`;

type Content = string | Uint8Array;

const enc = new TextEncoder();
const dec = new TextDecoder();

function fsError(code: 'ENOENT' | 'EEXIST' | 'ENOTDIR' | 'EISDIR' | 'ENOTEMPTY' | 'EROFS', op: string, path: string): Error {
  const text = { ENOENT: 'no such file or directory', EEXIST: 'file already exists', ENOTDIR: 'not a directory', EISDIR: 'illegal operation on a directory', ENOTEMPTY: 'directory not empty', EROFS: 'read-only file system' }[code];
  return Object.assign(new Error(`${code}: ${text}, ${op} '${path}'`), { code, path });
}

/** EROFS as the kernel words it, so coreutils-style messages read `touch: cannot touch '/data/x': Read-only file system`. */
export function readOnlyError(path: string): Error {
  return Object.assign(new Error('Read-only file system'), { code: 'EROFS', path });
}

/**
 * Reads go top-down through `upper` then `lower`; every write copies the whole file up into `upper`
 * (overlay2 copy_up) and deletes leave whiteouts. `upper` is a plain mutable table the caller owns.
 */
export class UnionFs implements IFileSystem {
  constructor(
    readonly upper: FileTable,
    readonly lower: FileTable[],
    private readonly clock: () => number,
    private readonly readOnly = false,
    /** Where writes to /dev/stdout and /dev/stderr go (the process's output streams). */
    private readonly onOutput?: (stream: 'stdout' | 'stderr', text: string) => void,
  ) {}

  /** files docker bind-mounts over the image (/etc/hosts, /etc/hostname, /etc/resolv.conf); a write to one
   *  lands in the upper layer and wins from then on. Set by the runtime/shell (containerEtcFiles). */
  binds?: () => Record<string, string>;

  /** tools whose executable lives in an sbin directory (alpine's /sbin/ip): just-bash only binds its commands
   *  to /bin/NAME and /usr/bin/NAME, so /usr/bin/NAME is shown to its PATH search as an executable that runs the command. */
  shims?: () => string[];

  /** The process's file-creation mask (`umask`): new files get 0666 and new folders 0777 without its bits. */
  umask = 0o022;

  /** Kernel pseudo files (cgroupfs under /sys/fs/cgroup): read-only, computed from the daemon's state on each read. */
  pseudo?: () => Record<string, string>;

  private pseudoFile(path: string): string | undefined {
    return this.pseudo?.()[normPath(path)];
  }

  /** Names directly under a pseudo directory, or null when the path is not one. */
  private pseudoDir(path: string): string[] | null {
    if (!this.pseudo) return null;
    const p = normPath(path);
    const prefix = p === '/' ? '/' : p + '/';
    const names = new Set<string>();
    for (const k of Object.keys(this.pseudo())) if (k.startsWith(prefix)) names.add(k.slice(prefix.length).split('/')[0]);
    return names.size ? [...names].sort() : null;
  }

  private shimmed(path: string): boolean {
    const p = normPath(path);
    if (p === CHECK_PATH || p === KEEP_PATH) return true; // the shell's redirection check (redirect-guard.ts), its kept functions (functions.ts)
    return !!this.shims && p.startsWith('/usr/bin/') && this.shims().includes(p.slice(9)) && !lookup(this.stack(), p);
  }

  private bound(path: string): string | undefined {
    if (!this.binds) return undefined;
    const p = normPath(path);
    if (p !== '/etc/hosts' && p !== '/etc/hostname' && p !== '/etc/resolv.conf') return undefined;
    return p in this.upper ? undefined : this.binds()[p];
  }

  /** Character devices: /dev/null swallows, /dev/stdout|stderr (and /proc/self/fd/1|2) are the output streams. */
  private device(path: string): 'null' | 'stdout' | 'stderr' | null {
    const p = normPath(path);
    if (p === '/dev/null') return 'null';
    if (p === '/dev/stdout' || p === '/proc/self/fd/1' || p === '/proc/1/fd/1' || p === '/dev/fd/1') return 'stdout';
    if (p === '/dev/stderr' || p === '/proc/self/fd/2' || p === '/proc/1/fd/2' || p === '/dev/fd/2') return 'stderr';
    return null;
  }

  private stack() {
    return [this.upper, ...this.lower];
  }

  /** Follow symlinks (also in parent components) to the real path. */
  private resolve(path: string, followLast = true): string {
    return realPath(this.stack(), path, followLast);
  }

  private node(path: string, follow = true): FsNode | undefined {
    return lookup(this.stack(), this.resolve(path, follow));
  }

  private guard(op: string, path: string) {
    if (this.readOnly) throw readOnlyError(path); // (was fsError('EROFS', op, path))
  }

  private put(path: string, node: FsNode) {
    writeNode(this.upper, this.lower, path, node);
  }

  async readFile(path: string): Promise<string> {
    if (this.device(path)) return '';
    const ps = this.pseudoFile(path);
    if (ps !== undefined) return ps;
    const b = this.bound(path);
    if (b !== undefined) return b;
    const n = this.node(path);
    if (!n) throw fsError('ENOENT', 'open', path);
    if (n.type === 'dir') throw fsError('EISDIR', 'read', path);
    return n.type === 'file' ? n.content : '';
  }
  async readFileBuffer(path: string): Promise<Uint8Array> {
    return enc.encode(await this.readFile(path));
  }
  async writeFile(path: string, content: Content): Promise<void> {
    const dev = this.device(path);
    if (dev) {
      const text = typeof content === 'string' ? content : dec.decode(content);
      if (dev !== 'null' && text) this.onOutput?.(dev, text);
      return;
    }
    // docker mounts cgroupfs read-only inside unprivileged containers
    if (this.pseudoFile(path) !== undefined || this.pseudoDir(path)) throw readOnlyError(path);
    this.guard('open', path);
    const real = this.resolve(path);
    const parent = lookup(this.stack(), real.slice(0, real.lastIndexOf('/')) || '/');
    // open(2) creates no folders: a missing one is ENOENT (the shells' redirections are checked before they open,
    // see redirect-guard.ts, so this reaches tools such as touch, tee and cp)
    if (!parent) throw fsError('ENOENT', 'open', path);
    if (parent.type !== 'dir') throw fsError('ENOTDIR', 'open', path);
    const old = lookup(this.stack(), real);
    if (old?.type === 'dir') throw fsError('EISDIR', 'open', path);
    const text = typeof content === 'string' ? content : dec.decode(content);
    this.put(real, { type: 'file', mode: old?.type === 'file' ? old.mode : 0o666 & ~this.umask, mtime: this.clock(), content: text });
  }
  /** Package managers: a stand-in file whose apparent size is the real program's (its content is only a marker). */
  async writeSized(path: string, content: string, mode: number, size: number): Promise<void> {
    await this.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true }); // a package's files bring their folders
    await this.writeFile(path, content);
    const real = this.resolve(path);
    const n = lookup(this.stack(), real);
    if (n?.type === 'file') this.put(real, { ...n, mode, size });
  }
  async appendFile(path: string, content: Content): Promise<void> {
    if (this.device(path)) return this.writeFile(path, content);
    const old = this.node(path);
    const prev = this.bound(path) ?? (old?.type === 'file' ? old.content : ''); // append to a bind-mounted /etc file
    await this.writeFile(path, prev + (typeof content === 'string' ? content : dec.decode(content)));
  }
  async exists(path: string): Promise<boolean> {
    if (this.device(path)) return true;
    if (this.bound(path) !== undefined || this.shimmed(path)) return true;
    if (this.pseudoFile(path) !== undefined || this.pseudoDir(path)) return true;
    return !!this.node(path);
  }
  private statOf(n: FsNode | undefined, path: string, op: string): FsStat {
    if (!n || n.type === 'whiteout') throw fsError('ENOENT', op, path);
    return {
      isFile: n.type === 'file',
      isDirectory: n.type === 'dir',
      isSymbolicLink: n.type === 'symlink',
      mode: (n.type === 'dir' ? 0o040000 : n.type === 'symlink' ? 0o120000 : 0o100000) | (n.type === 'symlink' ? 0o777 : n.mode),
      size: n.type === 'file' ? (n.size ?? enc.encode(n.content).length) : n.type === 'dir' ? 4096 : n.target.length,
      mtime: new Date(n.mtime),
    };
  }
  async stat(path: string): Promise<FsStat> {
    if (this.device(path)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o020666, size: 0, mtime: new Date(this.clock()) };
    const b = this.bound(path);
    if (b !== undefined) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100644, size: enc.encode(b).length, mtime: new Date(this.clock()) };
    if (this.shimmed(path)) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100755, size: 0, mtime: new Date(this.clock()) };
    const ps = this.pseudoFile(path);
    if (ps !== undefined) return { isFile: true, isDirectory: false, isSymbolicLink: false, mode: 0o100644, size: 0, mtime: new Date(this.clock()) };
    if (this.pseudoDir(path) && !this.node(path)) return { isFile: false, isDirectory: true, isSymbolicLink: false, mode: 0o040555, size: 0, mtime: new Date(this.clock()) };
    return this.statOf(this.node(path), path, 'stat');
  }
  async lstat(path: string): Promise<FsStat> {
    if (this.pseudoFile(path) !== undefined || (this.pseudoDir(path) && !this.node(path, false))) return this.stat(path);
    return this.statOf(this.node(path, false), path, 'lstat');
  }
  async mkdir(path: string, options?: { recursive?: boolean }): Promise<void> {
    this.guard('mkdir', path);
    const real = this.resolve(path);
    const existing = lookup(this.stack(), real);
    if (existing) {
      if (options?.recursive && existing.type === 'dir') return;
      throw fsError('EEXIST', 'mkdir', path);
    }
    const parent = real.slice(0, real.lastIndexOf('/')) || '/';
    if (!lookup(this.stack(), parent)) {
      if (!options?.recursive) throw fsError('ENOENT', 'mkdir', path);
      await this.mkdir(parent, options);
    }
    this.put(real, { type: 'dir', mode: 0o777 & ~this.umask, mtime: this.clock() });
  }
  async readdir(path: string): Promise<string[]> {
    const pd = this.pseudoDir(path);
    if (pd) return [...new Set([...pd, ...(this.node(path)?.type === 'dir' ? listDir(this.stack(), this.resolve(path)) : [])])].sort();
    const real = this.resolve(path);
    const n = lookup(this.stack(), real);
    if (!n) throw fsError('ENOENT', 'scandir', path);
    if (n.type !== 'dir') throw fsError('ENOTDIR', 'scandir', path);
    return listDir(this.stack(), real);
  }
  async readdirWithFileTypes(path: string): Promise<DirentEntry[]> {
    const real = this.resolve(path);
    const names = await this.readdir(path);
    return names.map((name) => {
      const full = (real === '/' ? '' : real) + '/' + name;
      const n = lookup(this.stack(), full);
      if (!n) return { name, isFile: this.pseudoFile(full) !== undefined, isDirectory: !!this.pseudoDir(full), isSymbolicLink: false };
      return { name, isFile: n.type === 'file', isDirectory: n.type === 'dir', isSymbolicLink: n.type === 'symlink' };
    });
  }
  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    this.guard('rm', path);
    const real = this.resolve(path, false);
    const n = lookup(this.stack(), real);
    if (!n) {
      if (options?.force) return;
      throw fsError('ENOENT', 'rm', path);
    }
    if (n.type === 'dir' && !options?.recursive && listDir(this.stack(), real).length) throw fsError('ENOTEMPTY', 'rm', path);
    removeNode(this.upper, this.lower, real, this.clock());
    const parent = real.slice(0, real.lastIndexOf('/')) || '/';
    const pn = lookup(this.stack(), parent);
    if (parent !== '/' && pn?.type === 'dir') this.put(parent, { ...pn, mtime: this.clock() });
  }
  async cp(src: string, dest: string, options?: { recursive?: boolean }): Promise<void> {
    const s = this.node(src);
    if (!s) throw fsError('ENOENT', 'cp', src);
    if (s.type === 'dir') {
      if (!options?.recursive) throw fsError('EISDIR', 'cp', src);
      await this.mkdir(dest, { recursive: true });
      for (const name of await this.readdir(src)) await this.cp(`${src}/${name}`, `${dest}/${name}`, options);
      return;
    }
    if (s.type === 'file') await this.writeFile(dest, s.content);
  }
  async mv(src: string, dest: string): Promise<void> {
    await this.cp(src, dest, { recursive: true });
    await this.rm(src, { recursive: true, force: true });
  }
  resolvePath(base: string, path: string): string {
    return normPath(path.startsWith('/') ? path : `${base}/${path}`);
  }
  getAllPaths(): string[] {
    return walk(this.stack());
  }
  async chmod(path: string, mode: number): Promise<void> {
    this.guard('chmod', path);
    const real = this.resolve(path);
    const n = lookup(this.stack(), real);
    if (!n) throw fsError('ENOENT', 'chmod', path);
    if (n.type === 'file' || n.type === 'dir') this.put(real, { ...n, mode: mode & 0o7777, mtime: this.clock() });
  }
  async symlink(target: string, linkPath: string): Promise<void> {
    this.guard('symlink', linkPath);
    if (this.node(linkPath, false)) throw fsError('EEXIST', 'symlink', linkPath);
    this.put(this.resolve(linkPath, false), { type: 'symlink', target, mtime: this.clock() });
  }
  async link(existingPath: string, newPath: string): Promise<void> {
    const n = this.node(existingPath);
    if (!n) throw fsError('ENOENT', 'link', existingPath);
    if (this.node(newPath, false)) throw fsError('EEXIST', 'link', newPath);
    if (n.type === 'file') await this.writeFile(newPath, n.content);
  }
  async readlink(path: string): Promise<string> {
    const n = this.node(path, false);
    if (!n) throw fsError('ENOENT', 'readlink', path);
    if (n.type !== 'symlink') throw Object.assign(new Error(`EINVAL: invalid argument, readlink '${path}'`), { code: 'EINVAL' });
    return n.target;
  }
  async realpath(path: string): Promise<string> {
    const real = this.resolve(path);
    if (!lookup(this.stack(), real)) throw fsError('ENOENT', 'realpath', path);
    return real;
  }
  async utimes(path: string, _atime: Date, mtime: Date): Promise<void> {
    const real = this.resolve(path);
    const n = lookup(this.stack(), real);
    if (!n) throw fsError('ENOENT', 'utimes', path);
    if (n.type !== 'whiteout') this.put(real, { ...n, mtime: mtime.getTime() });
  }
}
