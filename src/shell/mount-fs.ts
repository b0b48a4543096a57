// A container's filesystem with its mounts: paths under a mount point go to a volume/tmpfs table or the host (binds), the rest to the union FS.
import { openMessage } from './redirect-guard';
import type { FsStat, IFileSystem } from 'just-bash';
import { lookup, normPath, realPath, type Engine, type FileTable, type HostNodes, type Mount, type MountWrites, containerById } from '../engine/index';
import { readOnlyError, UnionFs } from './container-fs';

type Content = string | Uint8Array;
type Dirent = { name: string; isFile: boolean; isDirectory: boolean; isSymbolicLink: boolean };

/** One mount point as the process sees it. */
interface Backend {
  /** The mount point's real path in the container (symlinks in the image resolved, as runc does). */
  target: string;
  readOnly: boolean;
  fs: IFileSystem;
  /** The path inside `fs` for a path below the mount point ('' = the mount point itself). */
  inner(sub: string): string;
  /** Volume name or tmpfs destination whose table `fs` writes to; null for binds. */
  key: string | null;
}

interface Route {
  fs: IFileSystem;
  path: string;
  backend: Backend | null;
}

const join = (dir: string, name: string) => (dir === '/' ? '/' + name : `${dir}/${name}`);

/** Re-raise a backend error with the path the process used (a bind's host path must not show). */
function outerError(e: unknown, inner: string, outer: string): unknown {
  if (!(e instanceof Error) || inner === outer || !e.message.includes(inner)) return e;
  return Object.assign(new Error(e.message.split(`'${inner}'`).join(`'${outer}'`)), { code: (e as { code?: string }).code });
}

/**
 * The IFileSystem a container process gets: the union FS with volumes, tmpfs and bind mounts on top. Read-only
 * mounts refuse writes with EROFS. Writes to volume and tmpfs tables are collected by the MountSet that made it.
 */
export class MountFs implements IFileSystem {
  private readonly byTarget: Map<string, Backend>;

  constructor(
    readonly union: UnionFs,
    private readonly backends: Backend[],
    private readonly touched: (key: string) => void,
  ) {
    this.byTarget = new Map(backends.map((b) => [b.target, b]));
  }

  /** Walk the path component by component: the first mount point hit takes the rest; image symlinks are followed on the way. */
  private route(path: string, followLast = true): Route {
    const stack = [this.union.upper, ...this.union.lower];
    let parts = normPath(path).split('/').filter(Boolean);
    let cur = '';
    for (let i = 0, depth = 0; i < parts.length; i++) {
      const next = `${cur}/${parts[i]}`;
      const b = this.byTarget.get(next);
      if (b) return { fs: b.fs, path: b.inner(parts.slice(i + 1).join('/')), backend: b };
      const n = lookup(stack, next);
      if (n?.type === 'symlink' && (followLast || i < parts.length - 1) && depth++ < 16) {
        parts = [...normPath(n.target.startsWith('/') ? n.target : `${cur}/${n.target}`).split('/').filter(Boolean), ...parts.slice(i + 1)];
        cur = '';
        i = -1;
        continue;
      }
      cur = next;
    }
    return { fs: this.union, path, backend: null };
  }

  private async read<T>(path: string, fn: (fs: IFileSystem, p: string) => Promise<T>, followLast = true): Promise<T> {
    const r = this.route(path, followLast);
    try {
      return await fn(r.fs, r.path);
    } catch (e) {
      throw outerError(e, r.path, normPath(path));
    }
  }

  private async write<T>(path: string, fn: (fs: IFileSystem, p: string) => Promise<T>, followLast = true): Promise<T> {
    const r = this.route(path, followLast);
    if (r.backend?.readOnly) throw readOnlyError(path);
    if (r.backend?.key) this.touched(r.backend.key);
    try {
      return await fn(r.fs, r.path);
    } catch (e) {
      throw outerError(e, r.path, normPath(path));
    }
  }

  readFile(path: string, options?: Parameters<IFileSystem['readFile']>[1]) {
    return this.read(path, (fs, p) => fs.readFile(p, options));
  }
  readFileBuffer(path: string) {
    return this.read(path, (fs, p) => fs.readFileBuffer(p));
  }
  writeFile(path: string, content: Content, options?: Parameters<IFileSystem['writeFile']>[2]) {
    return this.write(path, (fs, p) => fs.writeFile(p, content, options));
  }
  appendFile(path: string, content: Content, options?: Parameters<IFileSystem['appendFile']>[2]) {
    return this.write(path, (fs, p) => fs.appendFile(p, content, options));
  }
  exists(path: string) {
    return this.read(path, (fs, p) => fs.exists(p));
  }
  stat(path: string): Promise<FsStat> {
    return this.read(path, (fs, p) => fs.stat(p));
  }
  lstat(path: string): Promise<FsStat> {
    return this.read(path, (fs, p) => fs.lstat(p), false);
  }
  mkdir(path: string, options?: { recursive?: boolean }) {
    const r = this.route(path);
    // `mkdir -p` of a mount point (or above one) that exists already is no write
    if (r.backend && r.path === r.backend.inner('') && options?.recursive) return Promise.resolve();
    return this.write(path, (fs, p) => fs.mkdir(p, options));
  }
  /** Names in a directory, plus mount points right below it (runc created them in whatever is mounted above). */
  async readdir(path: string): Promise<string[]> {
    const names = await this.read(path, (fs, p) => fs.readdir(p));
    const dir = this.realDir(path);
    const extra = this.backends.filter((b) => b.target.slice(0, b.target.lastIndexOf('/') || 1) === dir).map((b) => b.target.slice(b.target.lastIndexOf('/') + 1));
    return [...new Set([...names, ...extra])].sort();
  }
  async readdirWithFileTypes(path: string): Promise<Dirent[]> {
    const dir = normPath(path);
    return Promise.all(
      (await this.readdir(path)).map(async (name) => {
        const st = await this.lstat(join(dir, name));
        return { name, isFile: st.isFile, isDirectory: st.isDirectory, isSymbolicLink: st.isSymbolicLink };
      }),
    );
  }
  private realDir(path: string): string {
    return realPath([this.union.upper, ...this.union.lower], path);
  }
  async rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void> {
    const r = this.route(path, false);
    if (r.backend && r.path === r.backend.inner('')) {
      // a mount point cannot go: `rm -r` empties it, then the kernel says EBUSY
      if (r.backend.readOnly) throw readOnlyError(path);
      if (options?.recursive && (await this.stat(path)).isDirectory) for (const name of await this.readdir(path)) await this.rm(join(normPath(path), name), options);
      throw Object.assign(new Error('Device or resource busy'), { code: 'EBUSY', path });
    }
    return this.write(path, (fs, p) => fs.rm(p, options), false);
  }
  async cp(src: string, dest: string, options?: { recursive?: boolean }): Promise<void> {
    const a = this.route(src);
    const b = this.route(dest);
    if (a.fs === b.fs) return this.write(dest, (fs, p) => fs.cp(a.path, p, options));
    const st = await this.stat(src);
    if (st.isDirectory) {
      if (!options?.recursive) throw Object.assign(new Error(`EISDIR: illegal operation on a directory, cp '${src}'`), { code: 'EISDIR' });
      await this.mkdir(dest, { recursive: true });
      for (const name of await this.readdir(src)) await this.cp(join(normPath(src), name), join(normPath(dest), name), options);
      return;
    }
    await this.writeFile(dest, await this.readFileBuffer(src));
  }
  async mv(src: string, dest: string): Promise<void> {
    const a = this.route(src, false);
    const b = this.route(dest, false);
    if (a.fs === b.fs) {
      if (a.backend?.readOnly) throw readOnlyError(src);
      return this.write(dest, (fs, p) => fs.mv(a.path, p), false);
    }
    await this.cp(src, dest, { recursive: true });
    await this.rm(src, { recursive: true, force: true });
  }
  resolvePath(base: string, path: string): string {
    return normPath(path.startsWith('/') ? path : `${base}/${path}`);
  }
  getAllPaths(): string[] {
    const under = (p: string, t: string) => p === t || p.startsWith(t + '/');
    const out = this.union.getAllPaths().filter((p) => !this.backends.some((b) => under(p, b.target)));
    for (const b of this.backends) {
      const root = b.inner('');
      out.push(b.target, ...b.fs.getAllPaths().filter((p) => p !== root && under(p, root === '/' ? '' : root)).map((p) => b.target + p.slice(root === '/' ? 0 : root.length)));
    }
    return [...new Set(out)].sort();
  }
  chmod(path: string, mode: number) {
    return this.write(path, (fs, p) => (this.isTableRoot(path) ? Promise.resolve() : fs.chmod(p, mode)));
  }
  /** The root of a volume or tmpfs table: its attributes are not kept (a chmod or touch of the mount point is a no-op). */
  private isTableRoot(path: string): boolean {
    const r = this.route(path);
    return !!r.backend?.key && r.path === '/';
  }
  symlink(target: string, linkPath: string) {
    return this.write(linkPath, (fs, p) => fs.symlink(target, p), false);
  }
  async link(existingPath: string, newPath: string) {
    const a = this.route(existingPath);
    const b = this.route(newPath, false);
    if (a.fs === b.fs) return this.write(newPath, (fs, p) => fs.link(a.path, p), false);
    await this.writeFile(newPath, await this.readFileBuffer(existingPath));
  }
  readlink(path: string) {
    return this.read(path, (fs, p) => fs.readlink(p), false);
  }
  async realpath(path: string): Promise<string> {
    const r = this.route(path);
    if (!r.backend) return this.union.realpath(path);
    await this.read(path, (fs, p) => fs.stat(p));
    const sub = r.path.slice(r.backend.inner('').length).replace(/^\//, '');
    return sub ? join(r.backend.target, sub) : r.backend.target;
  }
  utimes(path: string, atime: Date, mtime: Date) {
    return this.write(path, (fs, p) => (this.isTableRoot(path) ? Promise.resolve() : fs.utimes(p, atime, mtime)));
  }
}

/**
 * The mounts of one container for one process or typed line: volume and tmpfs tables are copied from the engine when
 * it starts; `writes()` hands back the ones that were written, for one `engine.volume.store` call. Binds write to the host at once.
 */
export class MountSet {
  private readonly tables = new Map<string, FileTable>();
  private readonly dirty = new Set<string>();

  constructor(
    private readonly mounts: Mount[],
    volumes: Record<string, { files: FileTable }>,
    private readonly host: IFileSystem | undefined,
  ) {
    for (const m of mounts) {
      if (m.type === 'volume' && volumes[m.name]) this.tables.set(m.name, structuredClone(volumes[m.name].files) as FileTable);
      if (m.type === 'tmpfs') this.tables.set(m.destination, structuredClone(m.files ?? {}) as FileTable);
    }
  }

  /** The process's filesystem: `union` with the mounts on top (`clock` stamps files written to volumes). */
  wrap(union: UnionFs, clock: () => number): IFileSystem {
    const stack = [union.upper, ...union.lower];
    const tableFs = new Map<string, UnionFs>();
    const backends: Backend[] = [];
    for (const m of this.mounts) {
      const target = realPath(stack, m.destination);
      const readOnly = !m.rw;
      if (m.type === 'bind') {
        if (!this.host) continue;
        backends.push({ target, readOnly, fs: this.host, key: null, inner: (sub) => (m.file || !sub ? m.source : `${m.source === '/' ? '' : m.source}/${sub}`) });
        continue;
      }
      const key = m.type === 'volume' ? m.name : m.destination;
      const table = this.tables.get(key);
      if (!table) continue;
      if (!tableFs.has(key)) tableFs.set(key, new UnionFs(table, [], clock));
      backends.push({ target, readOnly, fs: tableFs.get(key)!, key, inner: (sub) => '/' + sub });
    }
    if (!backends.length) return union;
    // longest mount points first, so nested mounts win
    return new MountFs(union, backends.sort((a, b) => b.target.length - a.target.length), (k) => this.dirty.add(k));
  }

  /** Volume and tmpfs content that processes wrote, or null when nothing was written. */
  writes(): MountWrites | null {
    if (!this.dirty.size) return null;
    const out: MountWrites = {};
    for (const m of this.mounts) {
      if (m.type === 'volume' && this.dirty.has(m.name)) (out.volumes ??= {})[m.name] = this.tables.get(m.name)!;
      if (m.type === 'tmpfs' && this.dirty.has(m.destination)) (out.tmpfs ??= {})[m.destination] = this.tables.get(m.destination)!;
    }
    return out;
  }
}

/** The mounts container `id` has now, or undefined when it has none. */
export function mountSet(engine: Engine, id: string, host?: IFileSystem): MountSet | undefined {
  const c = containerById(engine.state, id);
  if (!c?.mounts?.length) return undefined;
  return new MountSet(c.mounts, engine.state.volumes, host);
}

/** Send what processes wrote into volumes and tmpfs mounts to the daemon (one engine call). */
export function storeMountWrites(engine: Engine, id: string, set: MountSet | undefined) {
  const w = set?.writes();
  if (w) engine.volume.store(id, w);
}

/** The host nodes where `exe` may be on one of the container's bind mounts (runc stats it before an exec). */
export async function execHostNodes(engine: Engine, id: string, exe: string, host: IFileSystem): Promise<HostNodes> {
  return hostNodes(host, engine.container.execHostPaths(id, exe), false);
}

/** Host paths as the engine's nodes (undefined where nothing is); `content`: read the files too, else only stat them. */
export async function hostNodes(host: IFileSystem, paths: string[], content: boolean): Promise<HostNodes> {
  const out: HostNodes = {};
  for (const p of paths) {
    if (p in out) continue;
    const st = (await host.exists(p)) ? await host.stat(p) : null;
    const meta = st && { mode: st.mode & 0o7777, mtime: st.mtime.getTime() };
    out[p] = !st || !meta ? undefined : st.isDirectory ? { type: 'dir', ...meta } : { type: 'file', ...meta, content: content ? await host.readFile(p) : '' };
  }
  return out;
}

/** Missing bind sources of `-v` binds are created on the host as directories (the daemon's MkdirAll). */
export async function prepareBindSources(engine: Engine, id: string, host: IFileSystem) {
  for (const m of containerById(engine.state, id)?.mounts ?? []) {
    if (m.type === 'bind' && !(await host.exists(m.source))) await host.mkdir(m.source, { recursive: true });
  }
}

/**
 * just-bash lets a failed redirection open escape the interpreter; report it the way the shell does instead
 * (`sh: can't create /data/x: Read-only file system`, `bash: /etc/x: Permission denied`). Returns null for other errors.
 */
export function redirectFailure(e: unknown, shell: 'bash' | 'ash' | 'dash'): string | null {
  const err = e as { code?: string; path?: string; message?: string };
  // a redirection the guard could not check ahead (redirect-guard.ts) into a missing folder
  if (err && (err.code === 'ENOENT' || err.code === 'ENOTDIR') && err.path) return openMessage(shell, shell === 'bash' ? 'bash' : 'sh', '1', err.path, true, err.code).text;
  if (!err || (err.code !== 'EROFS' && err.code !== 'EACCES')) return null;
  const path = err.path ?? '';
  const why = err.code === 'EROFS' ? 'Read-only file system' : 'Permission denied';
  if (shell === 'ash') return `sh: can't create ${path}: ${why}\n`;
  if (shell === 'dash') return `sh: 1: cannot create ${path}: ${why}\n`;
  return `bash: ${path}: ${why}\n`;
}

/** For `bash.exec(...).catch(...)`: an escaped EROFS or EACCES redirection becomes the shell's error (dash exits 2, bash and ash 1); anything else is rethrown. */
export function failedRedirect(e: unknown, sh: 'bash' | 'ash' | 'dash'): { stdout: string; stderr: string; exitCode: number; env?: Record<string, string> } {
  const msg = redirectFailure(e, sh);
  if (msg === null) throw e;
  return { stdout: '', stderr: msg, exitCode: sh === 'dash' ? 2 : 1 };
}

/** Which shell wording a process's errors take: busybox ash, dash (Debian's sh) or bash. */
export function shellOf(stack: FileTable[], exe: string): 'bash' | 'ash' | 'dash' {
  const base = exe.slice(exe.lastIndexOf('/') + 1);
  if (base === 'bash') return 'bash';
  return lookup(stack, '/bin/busybox') ? 'ash' : 'dash';
}
