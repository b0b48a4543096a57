// The package tables' shape and a compact builder; the data per family is in pkg-deb.ts, pkg-apk.ts, pkg-rpm.ts.

export interface Pkg {
  name: string;
  version: string;
  /** deb: amd64 | all; rpm: x86_64 | noarch (apk packages have no arch column). */
  arch: string;
  /** Download size in bytes. */
  size: number;
  /** Installed size in bytes. */
  installed: number;
  deps: string[];
  /** Debian Recommends (apt installs them by default). */
  recommends: string[];
  /** deb: suite/component it comes from (noble-updates/main); rpm: repository (base, updates, extras). */
  repo: string;
  /** Executables the package installs: [path, apparent size]. */
  bins: [string, number][];
  /** Other files with their text. */
  files: Record<string, string>;
  links: [string, string][];
}

export type PkgTable = Record<string, Pkg>;

/**
 * One package. `bins` is 'dir name:size name:size | dir name:size', e.g. '/usr/bin ps:137752 top:133336 | /usr/sbin sysctl:30952'.
 * Sizes are approximations of the real packages' (download bytes, installed KiB).
 */
export function pkg(
  name: string,
  version: string,
  sizeKb: number,
  installedKb: number,
  deps = '',
  recommends = '',
  bins = '',
  extra: { arch?: string; repo?: string; files?: Record<string, string>; links?: [string, string][] } = {},
): Pkg {
  const list = (s: string) => s.split(/\s+/).filter(Boolean);
  const binList: [string, number][] = [];
  for (const group of bins.split('|').map((g) => g.trim()).filter(Boolean)) {
    const [dir, ...items] = group.split(/\s+/);
    for (const it of items) {
      const i = it.lastIndexOf(':');
      binList.push([`${dir}/${it.slice(0, i)}`, Number(it.slice(i + 1))]);
    }
  }
  return {
    name, version, arch: extra.arch ?? 'amd64', size: Math.round(sizeKb * 1000), installed: installedKb * 1024, deps: list(deps), recommends: list(recommends),
    repo: extra.repo ?? '', bins: binList, files: extra.files ?? {}, links: extra.links ?? [],
  };
}

export function table(...pkgs: Pkg[]): PkgTable {
  return Object.fromEntries(pkgs.map((p) => [p.name, p]));
}

/** Requested packages plus everything they pull in, dependencies first (the order package managers install in). */
export function closure(t: PkgTable, names: string[], installed: (n: string) => boolean, withRecommends: boolean): Pkg[] {
  const out: Pkg[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n) || installed(n) || !t[n]) return;
    seen.add(n);
    for (const d of t[n].deps) visit(d);
    if (withRecommends) for (const d of t[n].recommends) visit(d);
    out.push(t[n]);
  };
  for (const n of names) visit(n);
  return out;
}
