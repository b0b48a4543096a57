// Synchronous file access for the interpreters: what a program reads comes from a cache filled from the container's
// filesystem (async); a read the cache cannot answer stops the run, the file is fetched and the program runs again.
import type { IFileSystem } from 'just-bash';

/** mtime: when the file last changed (ms), as the container's filesystem has it (fs.statSync, express.static's ETag). */
export type Entry = { kind: 'file'; content: string; mtime?: number } | { kind: 'dir'; names: string[] } | { kind: 'none' };

/** Thrown inside a run when a path is not in the cache yet. */
export class Miss extends Error {
  constructor(readonly path: string) {
    super(`miss ${path}`);
  }
}

export class SyncFiles {
  private cache = new Map<string, Entry>();
  /** Files the program wrote (applied to the container's filesystem once it is done). */
  readonly writes = new Map<string, string>();
  readonly mkdirs = new Set<string>();

  get(path: string): Entry {
    if (this.writes.has(path)) return { kind: 'file', content: this.writes.get(path)! };
    // a folder the program made (mkdirSync, os.makedirs), or one above it: there to write into before it is on disk
    if ([...this.mkdirs].some((d) => d === path || d.startsWith(path + '/'))) {
      const e = this.cache.get(path);
      const own = [...this.mkdirs, ...this.writes.keys()].filter((p) => p.startsWith(path + '/')).map((p) => p.slice(path.length + 1).split('/')[0]);
      return { kind: 'dir', names: [...new Set([...(e?.kind === 'dir' ? e.names : []), ...own])].sort() };
    }
    const e = this.cache.get(path);
    if (!e) throw new Miss(path);
    return e;
  }

  read(path: string): string | null {
    const e = this.get(path);
    return e.kind === 'file' ? e.content : null;
  }

  write(path: string, content: string) {
    this.writes.set(path, content);
  }

  async fetch(fs: IFileSystem, path: string) {
    try {
      const st = await fs.stat(path);
      this.cache.set(path, st.isDirectory ? { kind: 'dir', names: (await fs.readdir(path)).sort() } : { kind: 'file', content: await fs.readFile(path), mtime: st.mtime?.getTime() });
    } catch {
      this.cache.set(path, { kind: 'none' });
    }
  }

  /** The writes are on disk now (a server's handler wrote them): the cache knows them as the disk has them. */
  settle() {
    const add = (p: string) => {
      const at = p.lastIndexOf('/');
      const parent = this.cache.get(p.slice(0, at) || '/');
      if (parent?.kind === 'dir' && !parent.names.includes(p.slice(at + 1))) this.cache.set(p.slice(0, at) || '/', { kind: 'dir', names: [...parent.names, p.slice(at + 1)].sort() });
    };
    for (const d of this.mkdirs) {
      if (this.cache.get(d)?.kind !== 'dir') this.cache.set(d, { kind: 'dir', names: [] });
      add(d);
    }
    for (const [p, content] of this.writes) {
      this.cache.set(p, { kind: 'file', content });
      add(p);
    }
  }

  /** Read again every path this program has read; true when one changed (another program, or the learner, wrote it). */
  async refresh(fs: IFileSystem): Promise<boolean> {
    let changed = false;
    for (const [p, old] of [...this.cache]) {
      await this.fetch(fs, p);
      const e = this.cache.get(p)!;
      const same = e.kind === old.kind && (e.kind === 'file' ? e.content === (old as typeof e).content : e.kind === 'dir' ? e.names.join('/') === (old as typeof e).names.join('/') : true);
      if (!same) changed = true;
    }
    return changed;
  }

  /** Start a new attempt: writes of the last one are forgotten (it runs again from the start). */
  reset() {
    this.writes.clear();
    this.mkdirs.clear();
  }

  async flush(fs: IFileSystem) {
    for (const d of this.mkdirs) await fs.mkdir(d, { recursive: true }).catch(() => undefined);
    for (const [p, c] of this.writes) await fs.writeFile(p, c).catch(() => undefined);
  }
}

/** Run `attempt` until it needs no file it has not seen (at most `max` files fetched). */
export async function withFiles<T>(fs: IFileSystem, files: SyncFiles, attempt: () => T, max = 200): Promise<T> {
  for (let i = 0; ; i++) {
    files.reset();
    try {
      return attempt();
    } catch (e) {
      if (!(e instanceof Miss) || i >= max) throw e;
      await files.fetch(fs, e.path);
    }
  }
}
