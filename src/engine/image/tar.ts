// POSIX ustar archives as bytes (docker save/load, export/import, ADD of local tars): encode and decode file tables.
import type { FileTable, FsNode } from '../state';
import { normPath } from '../layers';

const enc = new TextEncoder();
const dec = new TextDecoder();

export interface TarEntry {
  name: string; // relative path, dirs end with '/'
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  mtime: number; // ms
  body?: Uint8Array;
  target?: string;
  size?: number; // apparent size to record (stand-in binaries keep their real size)
}

function octal(n: number, width: number): string {
  return n.toString(8).padStart(width - 1, '0') + '\0';
}

/** One pax record: "<len> <key>=<value>\n" where len counts the whole record. */
function paxRecord(key: string, value: string): Uint8Array {
  const rest = ` ${key}=${value}\n`;
  let len = rest.length + 1;
  while (String(len).length + rest.length !== len) len = String(len).length + rest.length;
  return enc.encode(String(len) + rest);
}

function header(e: TarEntry, bodyLen: number, flag?: string): Uint8Array {
  const h = new Uint8Array(512);
  const put = (s: string, off: number, len: number) => h.set(enc.encode(s).slice(0, len), off);
  let name = e.name;
  let prefix = '';
  if (enc.encode(name).length > 100) {
    const cut = name.lastIndexOf('/', name.length - 2 > 155 ? 155 : name.length - 2);
    prefix = name.slice(0, cut);
    name = name.slice(cut + 1);
  }
  put(name, 0, 100);
  put(octal(e.mode & 0o7777, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(bodyLen, 12), 124, 12);
  put(octal(Math.floor(e.mtime / 1000), 12), 136, 12);
  put('        ', 148, 8);
  put(flag ?? (e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : '0'), 156, 1);
  if (e.target) put(e.target, 157, 100);
  put('ustar\0', 257, 6);
  put('00', 263, 2);
  put('root', 265, 32);
  put('root', 297, 32);
  put(prefix, 345, 155);
  let sum = 0;
  for (const b of h) sum += b;
  put(octal(sum, 7) + ' ', 148, 8);
  return h;
}

/** Build a tar archive (two zero blocks at the end, like GNU tar). */
export function encodeTar(entries: TarEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  for (const e of entries) {
    const body = e.type === 'file' ? (e.body ?? new Uint8Array()) : new Uint8Array();
    if (e.size !== undefined && e.size !== body.length) {
      // a pax extended header keeps the apparent size of stand-in binaries (ignored by other tar readers)
      const rec = paxRecord('DOCKERLINGS.size', String(e.size));
      parts.push(header({ name: 'PaxHeaders/' + e.name.slice(0, 80), type: 'file', mode: 0o644, mtime: e.mtime }, rec.length, 'x'));
      const padded = new Uint8Array(Math.ceil(rec.length / 512) * 512);
      padded.set(rec);
      parts.push(padded);
    }
    parts.push(header(e, body.length));
    if (body.length) {
      const padded = new Uint8Array(Math.ceil(body.length / 512) * 512);
      padded.set(body);
      parts.push(padded);
    }
  }
  parts.push(new Uint8Array(1024));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

/** Read a tar archive; returns null when the bytes are not a tar archive. */
export function decodeTar(bytes: Uint8Array): TarEntry[] | null {
  const out: TarEntry[] = [];
  let off = 0;
  let paxSize: number | undefined;
  const str = (a: number, len: number) => dec.decode(bytes.slice(off + a, off + a + len)).replace(/\0.*$/s, '');
  while (off + 512 <= bytes.length) {
    if (bytes.slice(off, off + 512).every((b) => b === 0)) break;
    if (str(257, 5) !== 'ustar') return out.length ? out : null;
    const name = (str(345, 155) ? str(345, 155) + '/' : '') + str(0, 100);
    const size = parseInt(str(124, 12).trim() || '0', 8);
    const flag = str(156, 1) || '0';
    const mode = parseInt(str(100, 8).trim() || '644', 8);
    const mtime = parseInt(str(136, 12).trim() || '0', 8) * 1000;
    const body = bytes.slice(off + 512, off + 512 + size);
    if (flag === 'x') {
      const m = /DOCKERLINGS\.size=(\d+)/.exec(dec.decode(body));
      paxSize = m ? parseInt(m[1], 10) : undefined;
    } else if (flag === '5') out.push({ name, type: 'dir', mode, mtime });
    else if (flag === '2') out.push({ name, type: 'symlink', mode, mtime, target: str(157, 100) });
    else if (flag === '0' || flag === '7') {
      out.push({ name, type: 'file', mode, mtime, body, ...(paxSize !== undefined ? { size: paxSize } : {}) });
      paxSize = undefined;
    }
    off += 512 + Math.ceil(size / 512) * 512;
  }
  return out;
}

/** A file table as tar entries, paths relative to `/`, sorted; whiteouts become `.wh.` files (layer tars). */
export function tableToTar(t: FileTable): TarEntry[] {
  return Object.keys(t)
    .sort()
    .map((p): TarEntry => {
      const n = t[p];
      const rel = p.slice(1);
      if (n.type === 'dir') return { name: rel + '/', type: 'dir', mode: n.mode, mtime: n.mtime };
      if (n.type === 'symlink') return { name: rel, type: 'symlink', mode: 0o777, mtime: n.mtime, target: n.target };
      if (n.type === 'whiteout') return { name: rel.replace(/[^/]*$/, (b) => '.wh.' + b), type: 'file', mode: 0o644, mtime: n.mtime };
      return { name: rel, type: 'file', mode: n.mode, mtime: n.mtime, body: enc.encode(n.content), size: n.size };
    });
}

/** Tar entries as a file table under `dest` (whiteout files become whiteouts). */
export function tarToTable(entries: TarEntry[], dest = '/'): FileTable {
  const t: FileTable = {};
  for (const e of entries) {
    const p = normPath(dest + '/' + e.name);
    if (p === normPath(dest) && e.type === 'dir') continue;
    const base = p.slice(p.lastIndexOf('/') + 1);
    let node: FsNode;
    if (base.startsWith('.wh.')) {
      t[p.replace(/\.wh\.([^/]*)$/, '$1')] = { type: 'whiteout', mtime: e.mtime };
      continue;
    }
    if (e.type === 'dir') node = { type: 'dir', mode: e.mode, mtime: e.mtime };
    else if (e.type === 'symlink') node = { type: 'symlink', target: e.target ?? '', mtime: e.mtime };
    else node = { type: 'file', mode: e.mode, mtime: e.mtime, content: dec.decode(e.body ?? new Uint8Array()), ...(e.size !== undefined ? { size: e.size } : {}) };
    t[p] = node;
  }
  return t;
}

/** The archive `docker cp CONTAINER:PATH -` writes: the copied tree (relative keys, '' = the path) under its base name. */
export function cpArchive(t: FileTable, base: string): Uint8Array {
  const named: FileTable = {};
  for (const [rel, n] of Object.entries(t)) named[`/${base}${rel ? '/' + rel : ''}`] = n;
  return encodeTar(tableToTar(named));
}

/** Bytes of the tar stream for a file table (what `docker cp` reports as copied). */
/** The size the archive would have if its stand-in files held their apparent bytes: a 512-byte header per entry, the
 *  file data in 512-byte blocks, two zero blocks at the end (Go archive/tar), without our pax size records. */
export function apparentTarSize(bytes: Uint8Array): number {
  const entries = decodeTar(bytes);
  if (!entries) return bytes.length;
  return entries.reduce((n, e) => n + 512 + (e.type === 'file' ? Math.ceil((e.size ?? e.body?.length ?? 0) / 512) * 512 : 0), 1024);
}

export function tarSize(t: FileTable): number {
  return encodeTar(tableToTar(t)).length;
}
