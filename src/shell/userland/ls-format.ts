// How ls prints entries: mode strings, human sizes, dates, GNU and busybox long lines, GNU/busybox column layout.
import { monthName, pad2, type Flavor } from './sys';

export interface LsEntry {
  /** The name as shown (a basename inside a directory, the operand as typed for command-line files). */
  name: string;
  path: string;
  kind: 'file' | 'dir' | 'symlink' | 'char';
  mode: number; // permission bits incl. setuid/setgid/sticky
  size: number;
  mtime: number;
  nlink: number;
  uid: number;
  gid: number;
  /** 512-byte blocks allocated (st_blocks). */
  blocks: number;
  ino: number;
  target?: string;
  /** What the symlink points to, when it resolves (for -F and colour-free classification). */
  targetKind?: LsEntry['kind'];
  targetMode?: number;
  /** Device numbers of a character device. */
  rdev?: [number, number];
}

export interface LsOptions {
  flavor: Flavor;
  long: boolean;
  human: boolean;
  inode: boolean;
  size: boolean;
  numeric: boolean;
  noOwner: boolean;
  noGroup: boolean;
  classify: 'none' | 'F' | 'p';
  now: number;
  user: (uid: number) => string;
  group: (gid: number) => string;
  tty: boolean;
}

export function modeString(e: Pick<LsEntry, 'kind' | 'mode'>): string {
  const t = { file: '-', dir: 'd', symlink: 'l', char: 'c' }[e.kind];
  const m = e.kind === 'symlink' ? 0o777 : e.mode;
  const bit = (b: number, c: string) => (m & b ? c : '-');
  const x = (xb: number, sb: number, on: string, off: string) => (m & sb ? (m & xb ? on : off) : m & xb ? 'x' : '-');
  return (
    t +
    bit(0o400, 'r') + bit(0o200, 'w') + x(0o100, 0o4000, 's', 'S') +
    bit(0o040, 'r') + bit(0o020, 'w') + x(0o010, 0o2000, 's', 'S') +
    bit(0o004, 'r') + bit(0o002, 'w') + x(0o001, 0o1000, 't', 'T')
  );
}

/** GNU `-h`: powers of 1024, rounded up, one decimal below 10 (4.0K, 148K, 1.9M). */
export function gnuHuman(n: number): string {
  if (n < 1024) return String(n);
  const units = ['K', 'M', 'G', 'T', 'P'];
  let v = n;
  for (let u = 0; u < units.length; u++) {
    v /= 1024;
    if (v < 10) {
      const r = Math.ceil(v * 10) / 10;
      if (r < 10) return `${r.toFixed(1)}${units[u]}`;
      return `10${units[u]}`;
    }
    const r = Math.ceil(v);
    if (r < 1024) return `${r}${units[u]}`;
  }
  return `${Math.ceil(v)}P`;
}

/** busybox make_human_readable_str: one decimal only when it is not zero (4K, 789.8K, 1.8M). */
export function busyboxHuman(n: number): string {
  const units = 'KMGTPE';
  let val = n;
  let frac = 0;
  let u = -1;
  while (val >= 1024 && u < units.length - 1) {
    frac = Math.floor(((val % 1024) * 10 + 512) / 1024);
    val = Math.floor(val / 1024);
    u++;
  }
  if (frac >= 10) {
    val++;
    frac = 0;
  }
  const unit = u >= 0 ? units[u] : '';
  return frac ? `${val}.${frac}${unit}` : `${val}${unit}`;
}

const SIX_MONTHS = (365.2425 * 24 * 3600 * 1000) / 2;

/** `Mon DD HH:MM` for the last six months, `Mon DD  YYYY` otherwise (coreutils and busybox agree). */
export function lsDate(mtime: number, now: number, flavor: Flavor): string {
  const d = new Date(mtime);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  const recent = flavor === 'busybox' ? now - mtime < SIX_MONTHS && now - mtime > -15 * 60_000 : now - SIX_MONTHS < mtime && mtime <= now;
  return recent ? `${monthName(d)} ${day} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}` : `${monthName(d)} ${day}  ${d.getUTCFullYear()}`;
}

function indicator(kind: LsEntry['kind'], mode: number, classify: LsOptions['classify']): string {
  if (classify === 'none') return '';
  if (kind === 'dir') return '/';
  if (classify === 'p') return '';
  if (kind === 'symlink') return '@';
  if (kind === 'file' && mode & 0o111) return '*';
  return '';
}

/** GNU ls quoting on a terminal (shell-escape style): names with spaces or shell specials get quotes. */
export function quoteName(name: string, o: LsOptions): string {
  if (o.flavor === 'busybox' || !o.tty || /^[\w.,+@%/=:\-~^]*$/.test(name) && !/^[~#]/.test(name)) return name;
  return name.includes("'") ? `"${name.replace(/(["\\$`])/g, '\\$1')}"` : `'${name}'`;
}

/** The name with its -F/-p indicator (and `-> target` in long listings). */
export function displayName(e: LsEntry, o: LsOptions, pad: boolean): string {
  const q = quoteName(e.name, o);
  const lead = pad && q === e.name ? ' ' : '';
  const name = lead + q + (e.kind === 'symlink' && o.long ? '' : indicator(e.kind, e.mode, o.classify));
  if (e.kind !== 'symlink' || !o.long) return name;
  const tq = quoteName(e.target ?? '', o);
  return `${name} -> ${tq}${e.targetKind && o.classify === 'F' ? indicator(e.targetKind, e.targetMode ?? 0, o.classify) : ''}`;
}

const needsQuotes = (es: LsEntry[], o: LsOptions) => es.some((e) => quoteName(e.name, o) !== e.name);

/** Total of a directory listing in 1K blocks (`total N`). */
export function totalLine(es: LsEntry[], o: LsOptions): string {
  const kb = Math.ceil(es.reduce((s, e) => s + e.blocks, 0) / 2);
  return `total ${o.human ? (o.flavor === 'busybox' ? busyboxHuman(kb * 1024) : gnuHuman(kb * 1024)) : kb}\n`;
}

/** `ls -l` lines: GNU pads every column to the widest value of the listing; busybox uses fixed printf widths. */
export function longLines(es: LsEntry[], o: LsOptions): string {
  // GNU aligns a device's major and minor numbers in their own sub-columns
  const majW = Math.max(0, ...es.filter((e) => e.rdev).map((e) => String(e.rdev![0]).length));
  const minW = Math.max(0, ...es.filter((e) => e.rdev).map((e) => String(e.rdev![1]).length));
  const sizeOf = (e: LsEntry) => (e.kind === 'char' && e.rdev ? `${String(e.rdev[0]).padStart(majW)}, ${String(e.rdev[1]).padStart(minW)}` : o.human ? (o.flavor === 'busybox' ? busyboxHuman(e.size) : gnuHuman(e.size)) : String(e.size));
  const owner = (e: LsEntry) => (o.numeric ? String(e.uid) : o.user(e.uid));
  const group = (e: LsEntry) => (o.numeric ? String(e.gid) : o.group(e.gid));
  const blocksOf = (e: LsEntry) => (o.human ? gnuHuman(Math.ceil(e.blocks / 2) * 1024) : String(Math.ceil(e.blocks / 2)));
  if (o.flavor === 'busybox') {
    return es
      .map((e) => {
        let line = '';
        if (o.inode) line += `${String(e.ino).padStart(8)} `;
        if (o.size) line += `${String(Math.ceil(e.blocks / 2)).padStart(6)} `;
        line += `${modeString(e)} ${String(e.nlink).padStart(4)} `;
        if (!o.noOwner) line += o.numeric ? `${String(e.uid).padEnd(8)} ` : `${owner(e).slice(0, 8).padEnd(8)} `;
        if (!o.noGroup) line += o.numeric ? `${String(e.gid).padEnd(8)} ` : `${group(e).slice(0, 8).padEnd(8)} `;
        line += e.kind === 'char' && e.rdev ? `${String(e.rdev[0]).padStart(4)}, ${String(e.rdev[1]).padStart(3)} ` : o.human ? `${sizeOf(e).padStart(5)} ` : `${sizeOf(e).padStart(9)} `;
        return line + `${lsDate(e.mtime, o.now, 'busybox')} ${displayName(e, o, false)}\n`;
      })
      .join('');
  }
  const w = (f: (e: LsEntry) => string) => Math.max(0, ...es.map((e) => f(e).length));
  const wi = w((e) => String(e.ino));
  const wb = w(blocksOf);
  const wn = w((e) => String(e.nlink));
  const wo = w(owner);
  const wg = w(group);
  const ws = w(sizeOf);
  const pad = needsQuotes(es, o);
  return es
    .map((e) => {
      let line = '';
      if (o.inode) line += `${String(e.ino).padStart(wi)} `;
      if (o.size) line += `${blocksOf(e).padStart(wb)} `;
      line += `${modeString(e)} ${String(e.nlink).padStart(wn)} `;
      if (!o.noOwner) line += `${owner(e).padEnd(wo)} `;
      if (!o.noGroup) line += `${group(e).padEnd(wg)} `;
      return line + `${sizeOf(e).padStart(ws)} ${lsDate(e.mtime, o.now, 'gnu')} ${displayName(e, o, pad)}\n`;
    })
    .join('');
}

/** Short listing: one name per line, or columns on a terminal (GNU: fewest rows that fit 80 columns; busybox: equal widths). */
export function shortLines(es: LsEntry[], o: LsOptions, oneColumn: boolean): string {
  const pad = o.flavor === 'gnu' && needsQuotes(es, o);
  const prefix = (e: LsEntry) => (o.inode ? `${String(e.ino).padStart(o.flavor === 'busybox' ? 8 : Math.max(...es.map((x) => String(x.ino).length)))} ` : '') + (o.size ? `${String(Math.ceil(e.blocks / 2)).padStart(o.flavor === 'busybox' ? 6 : Math.max(...es.map((x) => String(Math.ceil(x.blocks / 2)).length)))} ` : '');
  const names = es.map((e) => prefix(e) + displayName(e, o, pad));
  if (!names.length) return '';
  if (oneColumn || !o.tty) return names.map((n) => n + '\n').join('');
  const width = 80;
  if (o.flavor === 'busybox') {
    const colWidth = Math.max(...names.map((n) => n.length)) + 2;
    let ncols = Math.floor(width / colWidth);
    let nrows = names.length;
    if (ncols > 1) nrows = Math.ceil(names.length / ncols);
    else ncols = 1;
    let out = '';
    for (let r = 0; r < nrows; r++) {
      let line = '';
      for (let c = 0; c < ncols; c++) {
        const i = c * nrows + r;
        if (i >= names.length) continue;
        line = line ? line.padEnd(c * colWidth) + names[i] : names[i];
      }
      out += line + '\n';
    }
    return out;
  }
  // coreutils calculate_columns(): the most columns whose widths (name + 2, last column + 0) stay under the line length
  const n = names.length;
  const maxCols = Math.min(n, Math.floor(width / 3));
  let best = 1;
  let bestWidths = [Math.max(...names.map((x) => x.length))];
  for (let cols = 1; cols <= maxCols; cols++) {
    const rows = Math.ceil(n / cols);
    const widths = new Array<number>(cols).fill(0);
    names.forEach((name, i) => {
      const col = Math.floor(i / rows);
      widths[col] = Math.max(widths[col], name.length + (col === cols - 1 ? 0 : 2));
    });
    if (widths.reduce((a, b) => a + b, 0) < width) {
      best = cols;
      bestWidths = widths;
    }
  }
  const rows = Math.ceil(n / best);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    let pos = 0;
    for (let c = 0; c < best; c++) {
      const i = c * rows + r;
      if (i >= n) break;
      line = line.padEnd(pos) + names[i];
      pos += bestWidths[c];
    }
    out += line + '\n';
  }
  return out;
}
