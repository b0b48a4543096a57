// Small constructors for seed layer entries (dirs, files, stand-in binaries, symlinks) and the base-layer assembler.
import type { SeedEntry } from './types';
import { standInContent } from '../standin';

export const dir = (path: string, mode?: number): SeedEntry => (mode === undefined ? { path, kind: 'dir' } : { path, kind: 'dir', mode });

export const file = (path: string, content: string, mode?: number): SeedEntry =>
  mode === undefined ? { path, kind: 'file', content } : { path, kind: 'file', content, mode };

export const exe = (path: string, content: string): SeedEntry => ({ path, kind: 'file', content, mode: 0o755 });

export const link = (path: string, target: string): SeedEntry => ({ path, kind: 'symlink', target });

/** First line of every stand-in binary. The engine reads the last word as the program to simulate. */
export const elf = standInContent;

const base = (p: string): string => p.slice(p.lastIndexOf('/') + 1);

/** One stand-in executable with its real apparent size. */
export const bin = (path: string, pkg: string, size: number): SeedEntry => ({ path, kind: 'file', content: elf(pkg, base(path)), mode: 0o755, size });

/** One stand-in shared library (mode 0644, as Debian ships them). */
export const lib = (path: string, size: number): SeedEntry => ({ path, kind: 'file', content: elf('lib', base(path)), mode: 0o644, size });

/** `'name:size name:size …'` → stand-in executables in one directory (names may be `[`). */
export function bins(dirPath: string, pkg: string, spec: string): SeedEntry[] {
  return spec.trim().split(/\s+/).map((pair) => {
    const i = pair.lastIndexOf(':');
    return bin(`${dirPath}/${pair.slice(0, i)}`, pkg, Number(pair.slice(i + 1)));
  });
}

/** `'name:size …'` → stand-in libraries in one directory. */
export function libs(dirPath: string, spec: string): SeedEntry[] {
  return spec.trim().split(/\s+/).map((pair) => {
    const i = pair.lastIndexOf(':');
    return lib(`${dirPath}/${pair.slice(0, i)}`, Number(pair.slice(i + 1)));
  });
}

/** Symlinks `dir/name → target` for every space-separated name (busybox applets, alternatives). */
export function links(dirPath: string, target: string, names: string): SeedEntry[] {
  return names.trim().split(/\s+/).map((n) => link(`${dirPath}/${n}`, target));
}

/** Empty directories with default mode. */
export const dirs = (...paths: string[]): SeedEntry[] => paths.map((p) => dir(p));

const DEFAULT_MODES: Record<string, number> = { '/tmp': 0o1777, '/var/tmp': 0o1777, '/root': 0o700, '/proc': 0o555, '/sys': 0o555, '/run/lock': 0o1777 };

/**
 * Assemble a base (bottom) layer: flatten the groups, add every missing parent directory (default
 * mode, or the usual one for /tmp, /root, /proc, /sys), sort by path. Throws on a duplicate path or
 * on an entry placed below a symlink of the same layer (e.g. `/bin/ls` where `/bin -> usr/bin`).
 */
export function rootfs(...groups: (SeedEntry | SeedEntry[])[]): SeedEntry[] {
  const byPath = new Map<string, SeedEntry>();
  for (const e of groups.flat()) {
    if (byPath.has(e.path)) throw new Error(`seed: duplicate path ${e.path}`);
    byPath.set(e.path, e);
  }
  for (const [p, e] of byPath) if (e.kind === 'dir' && e.mode === undefined && DEFAULT_MODES[p] !== undefined) byPath.set(p, dir(p, DEFAULT_MODES[p]));
  for (const e of [...byPath.values()]) {
    for (let p = e.path.slice(0, e.path.lastIndexOf('/')); p !== ''; p = p.slice(0, p.lastIndexOf('/'))) {
      const have = byPath.get(p);
      if (have && have.kind !== 'dir') throw new Error(`seed: ${e.path} lies below non-directory ${p}`);
      if (!have) byPath.set(p, dir(p, DEFAULT_MODES[p]));
    }
  }
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The entries with their parent directories first (a layer's tar lists the directories it writes into). */
export function withParents(entries: SeedEntry[]): SeedEntry[] {
  const have = new Set(entries.map((e) => e.path));
  const out: SeedEntry[] = [];
  for (const e of entries) {
    for (let p = e.path.slice(0, e.path.lastIndexOf('/')); p; p = p.slice(0, p.lastIndexOf('/'))) {
      if (!have.has(p)) {
        have.add(p);
        out.push({ path: p, kind: 'dir' });
      }
    }
  }
  return [...out, ...entries];
}
