// Browser stand-in for `node:zlib` (just-bash's gzip/gunzip/zcat and `rg -z`): sync gzip/gunzip over fflate.
// Only what just-bash's browser bundle imports: gzipSync, gunzipSync and constants. vite.config.ts aliases
// `node:zlib` to this file for the browser build only; Node (vitest, the sim CLI) uses the real zlib.
// fflate does the deflate work; this file adds what Node's zlib does around it: every concatenated member, the
// CRC-32 and length checks of each member's trailer, maxOutputLength, and zlib's error texts.
// just-bash's gzip/gunzip/zcat also call the global `Buffer` unguarded (`Buffer.from(bytes).toString("latin1")`),
// so loading this module installs a small Uint8Array-based Buffer when the page has none (see BufferLite).
import { Gunzip, gzipSync as fflateGzip } from 'fflate';

export const constants = {
  Z_NO_COMPRESSION: 0,
  Z_BEST_SPEED: 1,
  Z_BEST_COMPRESSION: 9,
  Z_DEFAULT_COMPRESSION: -1,
} as const;

export interface ZlibOptions {
  level?: number;
  maxOutputLength?: number;
}

type Input = Uint8Array | ArrayBuffer | string;

function bytes(data: Input): Uint8Array {
  if (typeof data === 'string') return new TextEncoder().encode(data);
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

function zlibError(message: string, code = 'Z_DATA_ERROR'): Error {
  return Object.assign(new Error(message), { code, errno: -3 });
}

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

/** CRC-32 over several chunks (fflate does not check a gzip member's CRC; zlib does). */
function crc32(chunks: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const data of chunks) for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Decompress gzip data (all concatenated members), like Node's zlib.gunzipSync. */
export function gunzipSync(input: Input, options: ZlibOptions = {}): Uint8Array {
  const data = bytes(input);
  if (data.length < 18 || data[0] !== 0x1f || data[1] !== 0x8b) throw zlibError('incorrect header check');
  if (data[2] !== 8) throw zlibError('unknown compression method');
  const max = options.maxOutputLength ?? Infinity;
  const members: { offset: number; chunks: Uint8Array[] }[] = [{ offset: 0, chunks: [] }];
  let size = 0;
  const g = new Gunzip((chunk) => {
    size += chunk.length;
    if (size > max) throw Object.assign(new RangeError('Cannot create a Buffer larger than maxOutputLength'), { code: 'ERR_BUFFER_TOO_LARGE' });
    members[members.length - 1].chunks.push(chunk);
  });
  g.onmember = (offset) => void members.push({ offset, chunks: [] });
  try {
    g.push(data, true);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    const msg = (e as Error).message;
    throw msg.includes('EOF') ? zlibError('unexpected end of file', 'Z_BUF_ERROR') : zlibError(msg);
  }
  // each member ends in CRC-32 and ISIZE of what it inflated to
  members.forEach((m, i) => {
    const end = members[i + 1]?.offset ?? data.length;
    if (end - m.offset < 18) throw zlibError('unexpected end of file', 'Z_BUF_ERROR');
    const trailer = new DataView(data.buffer, data.byteOffset + end - 8, 8);
    if (trailer.getUint32(0, true) !== crc32(m.chunks)) throw zlibError('incorrect data check');
    if (trailer.getUint32(4, true) !== m.chunks.reduce((n, c) => n + c.length, 0) >>> 0) throw zlibError('incorrect length check');
  });
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of members.flatMap((m) => m.chunks)) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** Compress to a gzip member, like Node's zlib.gzipSync (mtime 0, so the same input gives the same bytes). */
export function gzipSync(input: Input, options: ZlibOptions = {}): Uint8Array {
  const level = options.level ?? constants.Z_DEFAULT_COMPRESSION;
  return fflateGzip(bytes(input), { level: (level < 0 ? 6 : Math.min(9, level)) as 6, mtime: 0 });
}

// ---- BufferLite: the few Buffer features just-bash's browser bundle uses ----

type Encoding = 'utf8' | 'utf-8' | 'latin1' | 'binary' | 'ascii' | 'base64' | 'base64url' | 'hex';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = (() => {
  const t = new Int16Array(128).fill(-1);
  for (let i = 0; i < 64; i++) t[B64.charCodeAt(i)] = i;
  t['-'.charCodeAt(0)] = 62; // base64url, which Node also accepts when decoding 'base64'
  t['_'.charCodeAt(0)] = 63;
  return t;
})();

function decodeBase64(s: string): Uint8Array {
  const out: number[] = [];
  let acc = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 61) break; // '=': padding ends the data, as in Node
    const v = c < 128 ? B64_INDEX[c] : -1;
    if (v < 0) continue; // Node skips whitespace and other characters outside the alphabet
    acc = (acc << 6) | v;
    n += 6;
    if (n >= 8) {
      n -= 8;
      out.push((acc >> n) & 0xff);
    }
  }
  return Uint8Array.from(out);
}

function encodeBase64(b: Uint8Array, url = false): string {
  let s = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = (b[i] << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    s += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    s += i + 1 < b.length ? B64[(n >> 6) & 63] : '=';
    s += i + 2 < b.length ? B64[n & 63] : '=';
  }
  return url ? s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') : s;
}

function normalizeEncoding(enc: string | undefined): Encoding {
  const e = (enc ?? 'utf8').toLowerCase();
  if (['utf8', 'utf-8', 'latin1', 'binary', 'ascii', 'base64', 'base64url', 'hex'].includes(e)) return e as Encoding;
  throw Object.assign(new TypeError(`Unknown encoding: ${enc}`), { code: 'ERR_UNKNOWN_ENCODING' });
}

/** A Uint8Array with Node's Buffer.from / toString for utf8, latin1/binary, ascii, base64(url) and hex. */
export class BufferLite extends Uint8Array {
  static override from(value: unknown, encodingOrOffset?: unknown, length?: number): BufferLite {
    if (typeof value === 'string') {
      const enc = normalizeEncoding(encodingOrOffset as string | undefined);
      if (enc === 'utf8' || enc === 'utf-8') return BufferLite.of8(new TextEncoder().encode(value));
      if (enc === 'base64' || enc === 'base64url') return BufferLite.of8(decodeBase64(value));
      if (enc === 'hex') {
        const bytes: number[] = [];
        for (let i = 0; i + 1 < value.length; i += 2) {
          const b = parseInt(value.slice(i, i + 2), 16);
          if (Number.isNaN(b)) break;
          bytes.push(b);
        }
        return BufferLite.of8(Uint8Array.from(bytes));
      }
      const b = new BufferLite(value.length);
      for (let i = 0; i < value.length; i++) b[i] = value.charCodeAt(i) & 0xff;
      return b;
    }
    if (value instanceof ArrayBuffer) {
      return new BufferLite(value, (encodingOrOffset as number | undefined) ?? 0, length);
    }
    if (ArrayBuffer.isView(value)) {
      return BufferLite.of8(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    }
    if (Array.isArray(value)) return BufferLite.of8(Uint8Array.from(value, (v) => Number(v) & 0xff));
    throw new TypeError('BufferLite.from: unsupported value');
  }

  static alloc(size: number, fill = 0): BufferLite {
    return new BufferLite(size).fill(fill) as BufferLite;
  }

  static isBuffer(value: unknown): value is BufferLite {
    return value instanceof BufferLite;
  }

  static byteLength(value: string | ArrayBufferView, encoding?: string): number {
    return typeof value === 'string' ? BufferLite.from(value, encoding).length : value.byteLength;
  }

  static concat(list: readonly Uint8Array[]): BufferLite {
    const out = new BufferLite(list.reduce((n, b) => n + b.length, 0));
    let at = 0;
    for (const b of list) {
      out.set(b, at);
      at += b.length;
    }
    return out;
  }

  private static of8(bytes: Uint8Array): BufferLite {
    const b = new BufferLite(bytes.length);
    b.set(bytes);
    return b;
  }

  override toString(encoding?: string, start = 0, end = this.length): string {
    const bytes = this.subarray(Math.max(0, start), Math.min(this.length, end));
    const enc = normalizeEncoding(encoding);
    if (enc === 'utf8' || enc === 'utf-8') return new TextDecoder().decode(bytes);
    if (enc === 'base64' || enc === 'base64url') return encodeBase64(bytes, enc === 'base64url');
    if (enc === 'hex') return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
    const mask = enc === 'ascii' ? 0x7f : 0xff;
    let s = '';
    for (let i = 0; i < bytes.length; i += 8192) {
      s += String.fromCharCode(...Array.from(bytes.subarray(i, i + 8192), (b) => b & mask));
    }
    return s;
  }
}

/** Install BufferLite as the global Buffer when there is none (browsers). Returns whether it did. */
export function installBufferLite(target: { Buffer?: unknown } = globalThis as { Buffer?: unknown }): boolean {
  if (typeof target.Buffer !== 'undefined') return false;
  target.Buffer = BufferLite;
  return true;
}

installBufferLite();

export default { constants, gzipSync, gunzipSync };
