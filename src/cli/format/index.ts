// docker/cli output primitives: Go tabwriter tables, go-units HumanDuration/HumanSize/BytesSize, Ellipsis, quoting, IDs, Go times.
// docker/cli: cli/command/formatter/{formatter.go,tabwriter/,displayutils.go}; docker/go-units: duration.go, size.go
import { goFormatG, goQuote } from './format-go';

export { goFormatG, goQuote };

// ---------------------------------------------------------------- tabwriter

export interface TabwriterOptions {
  /** Minimal cell width including padding (docker: 10; `docker top`: 20). */
  minwidth?: number;
  /** Spaces added to the widest cell of a column (docker: 3). */
  padding?: number;
}

/**
 * Go text/tabwriter (padchar ' ', flags 0) over tab-terminated cells. Cells in consecutive lines that
 * have a cell in column k form a column block whose width is max(minwidth, widest + padding); the text
 * after a line's last tab is not part of any column and is never padded; a line without tabs passes through.
 */
export function tabwriteText(text: string, opts: TabwriterOptions = {}): string {
  const minwidth = opts.minwidth ?? 10;
  const padding = opts.padding ?? 3;
  // a cell's width is its number of code points: its length unless the text has characters beyond U+FFFF
  const astral = /[\uD800-\uDFFF]/.test(text);
  const lines: string[][] = text.split('\n').map((l) => (l.includes('\v') ? l.split(/[\t\v]/) : l.split('\t')));
  const cellWidths = astral ? lines.map((l) => l.map((t) => [...t].length)) : null;
  const cellWidth = (i: number, j: number) => (cellWidths ? cellWidths[i][j] : lines[i][j].length);
  const out: string[] = [];

  const writeLines = (line0: number, line1: number, widths: number[]): void => {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        out.push(line[j]);
        if (j < widths.length) {
          const w = cellWidth(i, j);
          if (widths[j] > w) out.push(spaces(widths[j] - w));
        }
      }
      if (i + 1 < lines.length) out.push('\n');
    }
  };

  const format = (line0: number, line1: number, widths: number[]): void => {
    const column = widths.length;
    for (let t = line0; t < line1; t++) {
      if (column >= lines[t].length - 1) continue;
      writeLines(line0, t, widths); // lines before this column block
      line0 = t;
      let width = minwidth;
      for (; t < line1; t++) {
        const line = lines[t];
        if (column >= line.length - 1) break;
        width = Math.max(width, cellWidth(t, column) + padding);
      }
      format(line0, t, [...widths, width]); // columns to the right, within this block
      line0 = t;
    }
    writeLines(line0, line1, widths);
  };

  format(0, lines.length, []);
  return out.join('');
}

/** n spaces (the padding strings a table needs, made once each). */
const SPACES: string[] = [];
function spaces(n: number): string {
  return n < 256 ? (SPACES[n] ??= ' '.repeat(n)) : ' '.repeat(n);
}

/** A table through docker's tabwriter: rows of cells, lines joined with '\n' plus a trailing '\n'. */
export function tabwrite(rows: string[][], opts: TabwriterOptions = {}): string {
  if (rows.length === 0) return '';
  return tabwriteText(rows.map((r) => r.join('\t')).join('\n') + '\n', opts);
}

// ---------------------------------------------------------------- go-units

/** The strings of one unit, made once each (a listing of many rows repeats a few durations). */
function unitTexts(make: (n: number) => string): (n: number) => string {
  const known: string[] = [];
  return (n) => (n < 1024 ? (known[n] ??= make(n)) : make(n));
}
const SECONDS = unitTexts((n) => `${n} seconds`);
const MINUTES = unitTexts((n) => `${n} minutes`);
const HOURS = unitTexts((n) => `${n} hours`);
const DAYS = unitTexts((n) => `${n} days`);
const WEEKS = unitTexts((n) => `${n} weeks`);
const MONTHS = unitTexts((n) => `${n} months`);

/** go-units HumanDuration of a duration in seconds ("Less than a second", "About a minute", "3 weeks", "1 years"). */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  if (s < 1) return 'Less than a second';
  if (s === 1) return '1 second';
  if (s < 60) return SECONDS(s);
  const m = Math.trunc(seconds / 60);
  if (m === 1) return 'About a minute';
  if (m < 60) return MINUTES(m);
  const h = Math.trunc(seconds / 3600 + 0.5);
  if (h === 1) return 'About an hour';
  if (h < 48) return HOURS(h);
  if (h < 24 * 7 * 2) return DAYS(Math.trunc(h / 24));
  if (h < 24 * 30 * 2) return WEEKS(Math.trunc(h / 24 / 7));
  if (h < 24 * 365 * 2) return MONTHS(Math.trunc(h / 24 / 30));
  return `${Math.trunc(Math.trunc(seconds / 3600) / 24 / 365)} years`;
}

/** `humanDuration(seconds) + ' ago'`, the text made once per duration text. */
export function humanDurationAgo(seconds: number): string {
  const d = humanDuration(seconds);
  let v = agoTexts.get(d);
  if (v === undefined) {
    if (agoTexts.size > 4096) agoTexts.clear();
    agoTexts.set(d, (v = d + ' ago'));
  }
  return v;
}
const agoTexts = new Map<string, string>();

const DECIMAL_UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];
const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB', 'ZiB', 'YiB'];

function customSize(size: number, base: number, units: string[], precision: number): string {
  let i = 0;
  while (size >= base && i < units.length - 1) {
    size /= base;
    i++;
  }
  return goFormatG(size, precision) + units[i];
}

/** go-units HumanSizeWithPrecision: base 1000, Go `%.*g`, no space (`13.3kB`, `1e+03kB`). */
export function humanSizeWithPrecision(bytes: number, precision: number): string {
  return customSize(bytes, 1000, DECIMAL_UNITS, precision);
}
/** go-units HumanSize (precision 4): `1.024kB`, `16.43MB`. */
export function humanSize(bytes: number): string {
  return humanSizeWithPrecision(bytes, 4);
}
/** go-units BytesSize: base 1024, `%.4g` (`5.629MiB`, `1KiB`). */
export function bytesSize(bytes: number): string {
  return customSize(bytes, 1024, BINARY_UNITS, 4);
}

// ---------------------------------------------------------------- strings and ids

/** East Asian Wide / Fullwidth code points (golang.org/x/text/width), which take 2 terminal cells. */
export function charWidth(cp: number): number {
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x231a && cp <= 0x231b) || (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe10 && cp <= 0xfe19) || (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

/** docker/cli formatter.Ellipsis: longer than `max` cells → the first max-1 cells + '…'. */
export function ellipsis(s: string, maxDisplayWidth: number): string {
  if (maxDisplayWidth <= 0) return '';
  const rs = [...s];
  if (maxDisplayWidth === 1) return rs[0] ?? '';
  const display: number[] = [];
  let total = 0;
  for (const r of rs) {
    total += charWidth(r.codePointAt(0)!);
    display.push(total);
  }
  if (total <= maxDisplayWidth) return s;
  for (let i = 0; i < display.length - 1; i++) {
    if (display[i] <= maxDisplayWidth - 1 && display[i + 1] > maxDisplayWidth - 1) return rs.slice(0, i + 1).join('') + '…';
  }
  return s;
}

/** moby stringid.TruncateID: drop everything up to the first ':' then keep 12 characters. */
export function truncateId(id: string): string {
  const i = id.indexOf(':');
  return (i >= 0 ? id.slice(i + 1) : id).slice(0, 12);
}

// ---------------------------------------------------------------- Go times

export interface GoTimeOptions {
  /** Nanoseconds beyond the millisecond (0–999999). */
  nanos?: number;
  /** Zone offset east of UTC in minutes (default 0) and its abbreviation (default `UTC`, or `+0100`-style). */
  offsetMinutes?: number;
  zone?: string;
}

function parts(ms: number, o: GoTimeOptions) {
  const off = o.offsetMinutes ?? 0;
  const whole = Math.floor(ms / 1000);
  const frac = (ms - whole * 1000) * 1e6 + (o.nanos ?? 0);
  const d = new Date((whole + off * 60) * 1000);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const y = d.getUTCFullYear();
  const date = `${y < 0 ? '-' : ''}${String(Math.abs(y)).padStart(4, '0')}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`;
  const time = `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  const ns = Math.round(frac);
  const fraction = ns > 0 ? '.' + String(ns).padStart(9, '0').replace(/0+$/, '') : '';
  const sign = off < 0 ? '-' : '+';
  const hhmm = p2(Math.trunc(Math.abs(off) / 60)) + p2(Math.abs(off) % 60);
  return { date, time, fraction, off, sign, hhmm };
}

/** Go time.Time.String(): `2021-03-10 00:15:05 +0000 UTC` (fraction only when non-zero, trailing zeros trimmed). */
export function formatGoTime(ms: number, opts: GoTimeOptions = {}): string {
  const p = parts(ms, opts);
  const zone = opts.zone ?? (p.off === 0 ? 'UTC' : `${p.sign}${p.hhmm}`);
  return `${p.date} ${p.time}${p.fraction} ${p.sign}${p.hhmm} ${zone}`;
}

/** Go time.RFC3339Nano: `2024-05-01T10:00:00.123456789Z` (fraction trimmed, dropped when zero). */
export function rfc3339Nano(ms: number, opts: GoTimeOptions = {}): string {
  const p = parts(ms, opts);
  const tz = p.off === 0 ? 'Z' : `${p.sign}${p.hhmm.slice(0, 2)}:${p.hhmm.slice(2)}`;
  return `${p.date}T${p.time}${p.fraction}${tz}`;
}

/** Go's zero time.Time (0001-01-01T00:00:00Z) in Unix milliseconds. */
/** Sub-millisecond digits for a simulated instant, derived from it so times look real but stay deterministic. */
export function nanosOf(ms: number): number {
  // only the digits below the millisecond: rfc3339Nano/formatGoTime already take the milliseconds from `ms`
  return Math.abs(Math.imul(Math.floor(ms) | 0, 2654435761)) % 1_000_000;
}

export const GO_ZERO_TIME_MS = -62135596800000;
