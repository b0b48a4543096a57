// The host's filesystem: just-bash's InMemoryFs with file times from the simulated clock (not the browser's).
import { InMemoryFs, type FsStat } from 'just-bash';

type Args<K extends keyof InMemoryFs> = InMemoryFs[K] extends (...a: infer A) => unknown ? A : never;

export class HostFs extends InMemoryFs {
  /** Files whose apparent size is not their content's (a registry's layer blobs): path → size, until rewritten. */
  private readonly sizes = new Map<string, number>();

  constructor(private readonly now: () => number) {
    super();
  }

  /** Called before a path under /var/lib/docker or /sys/fs/cgroup is read: those folders are written from the engine on demand. */
  private beforeRead: ((path: string) => Promise<void>) | null = null;
  private reading = false;

  /** Fill the daemon's folders when something looks at them (docker-root.ts), not after every command. */
  onDaemonPaths(fn: (path: string) => Promise<void>): void {
    this.beforeRead = fn;
  }

  /** Who may touch a path now (the host's login user without sudo may not write system folders): null = allowed. */
  private permit: ((path: string, write: boolean) => boolean) | null = null;

  /** Set the permission rule (session.ts: the bare host's `learner`). */
  onPermission(fn: (path: string, write: boolean) => boolean): void {
    this.permit = fn;
  }

  /** The file-creation mask of the host's shell (`umask`): new files get 0666 and new folders 0777 without its bits. */
  umask = 0o022;

  /** The accesses refused since the last look (the shell words the tools' errors from them: host/denied.ts). */
  private denials: { path: string; write: boolean }[] = [];

  takeDenials(): { path: string; write: boolean }[] {
    return this.denials.splice(0);
  }

  /** EACCES as the kernel words it (`bash: /etc/x: Permission denied`); the daemon's own on-demand writes pass. */
  private check(path: string, write: boolean): void {
    if (!this.permit || this.reading) return;
    const p = this.resolvePath('/', path);
    if (this.permit(p, write)) return;
    this.denials.push({ path: p, write });
    throw Object.assign(new Error('Permission denied'), { code: 'EACCES', path: p });
  }

  private async touch(path: string): Promise<void> {
    if (!this.beforeRead || this.reading) return;
    const p = this.resolvePath('/', path);
    if (!/^\/(var\/lib\/docker|sys\/fs\/cgroup)(\/|$)/.test(p)) return;
    this.reading = true;
    try {
      await this.beforeRead(p);
    } finally {
      this.reading = false;
    }
  }

  /** Entries left out of folder listings, by folder (just-bash's command stubs: host/rootfs.ts). */
  private readonly hidden = new Map<string, Set<string>>();

  /** Leave these paths out of their folders' listings; they can still be opened and run. */
  hide(paths: Iterable<string>): void {
    this.hidden.clear();
    for (const p of paths) {
      const dir = p.slice(0, p.lastIndexOf('/')) || '/';
      let names = this.hidden.get(dir);
      if (!names) this.hidden.set(dir, (names = new Set()));
      names.add(p.slice(p.lastIndexOf('/') + 1));
    }
  }

  /** The names a listing of `path` leaves out (its real folder's: /bin lists /usr/bin). */
  private async hiddenIn(path: string): Promise<Set<string> | undefined> {
    if (!this.hidden.size) return undefined;
    const real = await super.realpath(path).catch(() => path);
    return this.hidden.get(real);
  }

  override async readdir(path: string): Promise<string[]> {
    this.check(path, false);
    await this.touch(path);
    const names = await super.readdir(path);
    const hide = await this.hiddenIn(path);
    return hide ? names.filter((n) => !hide.has(n)) : names;
  }

  override async readdirWithFileTypes(...a: Args<'readdirWithFileTypes'>): ReturnType<InMemoryFs['readdirWithFileTypes']> {
    this.check(a[0], false);
    await this.touch(a[0]);
    const entries = await super.readdirWithFileTypes(...a);
    const hide = await this.hiddenIn(a[0]);
    return hide ? entries.filter((e) => !hide.has(e.name)) : entries;
  }

  override async exists(path: string): Promise<boolean> {
    await this.touch(path);
    return super.exists(path);
  }

  override async readFile(...a: Args<'readFile'>): Promise<string> {
    this.check(a[0], false);
    await this.touch(a[0]);
    return super.readFile(...a);
  }

  override async readFileBuffer(path: string): Promise<Uint8Array> {
    this.check(path, false);
    await this.touch(path);
    return super.readFileBuffer(path);
  }

  override async realpath(path: string): Promise<string> {
    await this.touch(path);
    return super.realpath(path);
  }

  /** An archive docker printed to STDOUT this line: a file written with exactly its length stands for `size` bytes. */
  private sizedOut: { length: number; size: number } | null = null;

  /** The next file written with `length` bytes this line (the shell's redirect of docker's output) shows `size`. */
  expectSized(length: number, size: number): void {
    this.sizedOut = { length, size };
  }

  /** A new line: what the last one printed is no longer on its way to a file. */
  forgetSized(): void {
    this.sizedOut = null;
  }

  /** Write a file that stands for `size` bytes we do not hold (stat, ls -l and du show that size). */
  async writeSized(path: string, content: string, size: number): Promise<void> {
    await this.writeFile(path, content);
    this.sizes.set(this.resolvePath('/', path), size);
  }

  /** A file just written stands for `size` bytes (stat, ls -l and du show that size) until it is rewritten. */
  setApparentSize(path: string, size: number): void {
    this.sizes.set(this.resolvePath('/', path), size);
  }

  /** The apparent sizes, for a session checkpoint. */
  sizeEntries(): [string, number][] {
    return [...this.sizes];
  }

  /** Put apparent sizes back (a filesystem restored from a checkpoint). */
  setSizeEntries(entries: [string, number][]): void {
    this.sizes.clear();
    for (const [k, n] of entries) this.sizes.set(k, n);
  }

  private sized(path: string, st: FsStat): FsStat {
    const n = st.isFile ? this.sizes.get(this.resolvePath('/', path)) : undefined;
    return n === undefined ? st : { ...st, size: n };
  }

  override async stat(path: string): Promise<FsStat> {
    this.check(this.resolvePath('/', path).replace(/\/[^/]*$/, '') || '/', false); // stat needs the folder above to be searchable
    await this.touch(path);
    return this.sized(path, await super.stat(path));
  }

  override async lstat(path: string): Promise<FsStat> {
    await this.touch(path);
    return this.sized(path, await super.lstat(path));
  }

  override async rm(...a: Args<'rm'>): Promise<void> {
    this.check(a[0], true);
    await super.rm(...a);
    const p = this.resolvePath('/', a[0]);
    for (const k of [...this.sizes.keys()]) if (k === p || k.startsWith(p + '/')) this.sizes.delete(k);
  }

  override async mv(src: string, dest: string): Promise<void> {
    this.check(src, true);
    this.check(dest, true);
    await super.mv(src, dest);
    const [a, b] = [this.resolvePath('/', src), this.resolvePath('/', dest)];
    const under = (k: string, d: string) => k === d || k.startsWith(d + '/');
    const moved = [...this.sizes].filter(([k]) => under(k, a));
    for (const k of [...this.sizes.keys()]) if (under(k, a) || under(k, b)) this.sizes.delete(k);
    for (const [k, n] of moved) this.sizes.set(b + k.slice(a.length), n);
  }

  override async cp(...a: Args<'cp'>): Promise<void> {
    this.check(a[1], true);
    await super.cp(...a);
  }

  override async chmod(...a: Args<'chmod'>): Promise<void> {
    this.check(a[0], true);
    await super.chmod(...a);
  }

  override async utimes(...a: Args<'utimes'>): Promise<void> {
    this.check(a[0], true);
    await super.utimes(...a);
  }

  override async symlink(...a: Args<'symlink'>): Promise<void> {
    this.check(a[1], true);
    await super.symlink(...a);
    this.setLinkTime(a[1], this.now());
  }

  /** A symlink's own time (utimes follows the link; just-bash stamps new links with the browser's clock). */
  setLinkTime(path: string, mtime: number): void {
    const entry = (this as unknown as { data?: Map<string, { type?: string; mtime?: Date }> }).data?.get(this.resolvePath('/', path));
    if (entry?.type === 'symlink') entry.mtime = new Date(mtime);
  }

  /** readlink through symlinked folders too (`/bin/sh` is `/usr/bin/sh` when /bin links to usr/bin). */
  override async readlink(path: string): Promise<string> {
    const p = this.resolvePath('/', path);
    const dir = p.slice(0, p.lastIndexOf('/')) || '/';
    const real = await super.realpath(dir).catch(() => dir);
    return super.readlink(real === dir ? p : `${real === '/' ? '' : real}${p.slice(dir.length)}`);
  }

  private async stamp(path: string) {
    const t = new Date(this.now());
    try {
      await super.utimes(path, t, t);
    } catch {
      /* removed meanwhile */
    }
  }

  override async writeFile(...a: Args<'writeFile'>): Promise<void> {
    this.check(a[0], true);
    this.sizes.delete(this.resolvePath('/', a[0]));
    // like open(O_TRUNC): rewriting an existing file keeps its permission bits (`echo … > run.sh` after chmod +x)
    const before = (await this.exists(a[0])) ? await super.stat(a[0]) : null;
    await super.writeFile(...a);
    if (before?.isFile) await super.chmod(a[0], before.mode & 0o7777);
    else if (!before && !this.reading) await super.chmod(a[0], 0o666 & ~this.umask);
    await this.stamp(a[0]);
    const out = this.sizedOut;
    if (out && out.length > 0 && (await super.stat(a[0])).size === out.length) {
      this.sizes.set(this.resolvePath('/', a[0]), out.size);
      this.sizedOut = null;
    }
  }

  override async appendFile(...a: Args<'appendFile'>): Promise<void> {
    this.check(a[0], true);
    this.sizes.delete(this.resolvePath('/', a[0]));
    const fresh = !(await this.exists(a[0]));
    await super.appendFile(...a);
    if (fresh && !this.reading) await super.chmod(a[0], 0o666 & ~this.umask);
    await this.stamp(a[0]);
  }

  override async mkdir(...a: Args<'mkdir'>): Promise<void> {
    this.check(a[0], true);
    // the folders this call creates (with -p, the missing parents too) take the umask, as mkdir(2) applies it
    const made: string[] = [];
    for (let p = this.resolvePath('/', a[0]); p !== '/' && !(await this.exists(p)); p = p.replace(/\/[^/]*$/, '') || '/') made.push(p);
    await super.mkdir(...a);
    if (!this.reading) for (const p of made) if (await this.exists(p)) await super.chmod(p, 0o777 & ~this.umask);
    for (const p of made.length ? made : [a[0]]) await this.stamp(p);
  }
}
