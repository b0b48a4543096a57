// Writing and removing a package's files on the container's filesystem (so they land in its writable layer).
import type { Ctx, Sys } from './sys';
import type { Pkg } from './pkg-data';
import { standInContent } from '../../engine/index';

/** First line of a stand-in executable; the stand-in dispatcher and the engine read the program from it. */
export const standIn = (pkgName: string, path: string) => standInContent(pkgName, path.slice(path.lastIndexOf('/') + 1));

const parent = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

async function ensureDir(ctx: Ctx, dir: string) {
  if (!(await ctx.fs.exists(dir))) await ctx.fs.mkdir(dir, { recursive: true });
}

/** Write a file; with the union filesystem at hand its apparent size is set too (a stand-in is shorter than the real file). */
export async function writeFileSized(ctx: Ctx, sys: Sys, path: string, content: string, mode: number, size?: number) {
  await ensureDir(ctx, parent(path));
  // a package file replaces a symlink in its place (procps-ng's /bin/ps over busybox's), it is not written through it
  if ((await ctx.fs.lstat(path).catch(() => null))?.isSymbolicLink) await ctx.fs.rm(path, { force: true });
  if (sys.fs && size !== undefined) await sys.fs.writeSized(path, content, mode, size);
  else {
    await ctx.fs.writeFile(path, content);
    await ctx.fs.chmod(path, mode);
  }
}

/** Append text to a file, keeping its apparent size growing from the real one (dpkg status, logs). */
export async function appendSized(ctx: Ctx, sys: Sys, path: string, text: string) {
  let old = '';
  let size = 0;
  let mode = 0o644;
  try {
    old = await ctx.fs.readFile(path);
    const st = await ctx.fs.stat(path);
    size = st.size;
    mode = st.mode & 0o7777;
  } catch {
    /* new file */
  }
  await writeFileSized(ctx, sys, path, old + text, mode, size + new TextEncoder().encode(text).length);
}

/** Every path the package puts on disk (dpkg's .list: directories first, then files). */
export function pathsOf(p: Pkg): string[] {
  const files = [...p.bins.map(([f]) => f), ...Object.keys(p.files), ...p.links.map(([l]) => l)];
  const dirs = new Set<string>(['/.']);
  for (const f of files) for (let d = parent(f); d !== '/'; d = parent(d)) dirs.add(d);
  return [...[...dirs].sort(), ...files.sort()];
}

/** Unpack a package: its stand-in executables, config files and symlinks. */
export async function unpack(ctx: Ctx, sys: Sys, p: Pkg) {
  for (const [path, size] of p.bins) await writeFileSized(ctx, sys, path, standIn(p.name, path), 0o755, size);
  for (const [path, text] of Object.entries(p.files)) await writeFileSized(ctx, sys, path, text, 0o644);
  for (const [link, target] of p.links) {
    await ensureDir(ctx, parent(link));
    if (await ctx.fs.lstat(link).then(() => true, () => false)) await ctx.fs.rm(link, { force: true });
    await ctx.fs.symlink(target, link);
  }
}

/** Remove a package's files (deletes of image files become whiteouts in the writable layer). */
export async function removeFiles(ctx: Ctx, p: Pkg) {
  for (const path of [...p.bins.map(([f]) => f), ...Object.keys(p.files), ...p.links.map(([l]) => l)]) await ctx.fs.rm(path, { force: true });
}

/** apt/apk/yum sizes as apt prints them (SizeToStr: 59.5 kB, 706 kB, 27.3 MB). */
export function aptSize(bytes: number): string {
  let v = bytes;
  const units = ['', 'k', 'M', 'G', 'T'];
  for (let i = 0; i < units.length; i++) {
    if (v < 100 && i > 0) return `${v.toFixed(1)} ${units[i]}B`;
    if (v < 10000) return `${Math.round(v)} ${units[i]}B`;
    v /= 1000;
  }
  return `${Math.round(v)} PB`;
}

/** `2026-11-23 09:01:02` in UTC. */
export function isoSeconds(t: number): string {
  return new Date(t).toISOString().slice(0, 19).replace('T', ' ');
}

/** Let simulated time pass while packages download (the runtime's clock or the session's). */
export async function spend(ctx: Ctx, ms: number) {
  const sleep = (ctx as { sleep?: (ms: number) => Promise<void> }).sleep;
  if (sleep) await sleep(ms);
}

/** Wrap a word list at 80 columns with apt's two-space indent. */
export function wrapList(words: string[]): string {
  const lines: string[] = [];
  let cur = ' ';
  for (const w of words) {
    if (cur.length + 1 + w.length > 79 && cur.trim()) {
      lines.push(cur);
      cur = ' ';
    }
    cur += ' ' + w;
  }
  if (cur.trim()) lines.push(cur);
  return lines.map((l) => l + '\n').join('');
}

/** Did a write fail because the container's root filesystem is read-only (--read-only)? */
export const readOnly = (e: unknown): boolean => /EROFS|Read-only file system/.test(`${String(e)} ${(e as { code?: string })?.code ?? ''}`);
