// Browser stand-in for `node:zlib` (just-bash's gzip/gunzip/zcat and `rg -z`): sync gzip/gunzip in pure TS.
// Only what just-bash's browser bundle imports: gzipSync, gunzipSync and constants. vite.config.ts aliases
// `node:zlib` to this file for the browser build only; Node (vitest, the sim CLI) uses the real zlib.
// Compression is LZ77 + fixed Huffman codes (RFC 1951 §3.2.6); decompression handles every deflate block type.
// just-bash's gzip/gunzip/zcat also call the global `Buffer` unguarded (`Buffer.from(bytes).toString("latin1")`),
// so loading this module installs a small Uint8Array-based Buffer when the page has none (see BufferLite).

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

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** Growable byte buffer with a hard cap (maxOutputLength). */
class Out {
  buf: Uint8Array;
  len = 0;
  constructor(size: number, private readonly max = Infinity) {
    this.buf = new Uint8Array(Math.max(64, size));
  }
  private room(n: number): void {
    if (this.len + n > this.max) throw Object.assign(new RangeError('Cannot create a Buffer larger than maxOutputLength'), { code: 'ERR_BUFFER_TOO_LARGE' });
    if (this.len + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.len + n));
    next.set(this.buf.subarray(0, this.len));
    this.buf = next;
  }
  push(b: number): void {
    this.room(1);
    this.buf[this.len++] = b;
  }
  copy(distance: number, length: number): void {
    if (distance > this.len) throw zlibError('invalid distance too far back');
    this.room(length);
    for (let i = 0; i < length; i++, this.len++) this.buf[this.len] = this.buf[this.len - distance];
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.len);
  }
}

const LEN_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

// ---- inflate (after zlib's puff.c) ----

interface Huffman {
  counts: Uint16Array;
  symbols: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const counts = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) counts[lengths[i]]++;
  counts[0] = 0;
  const offs = new Uint16Array(16);
  for (let len = 1; len < 16; len++) offs[len] = offs[len - 1] + counts[len - 1];
  const symbols = new Uint16Array(lengths.length);
  for (let i = 0; i < lengths.length; i++) if (lengths[i]) symbols[offs[lengths[i]]++] = i;
  return { counts, symbols };
}

const FIXED_LIT = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DIST = huffman(new Array(30).fill(5));

class BitReader {
  pos: number;
  private bitBuf = 0;
  private bitCnt = 0;
  constructor(private readonly data: Uint8Array, start: number) {
    this.pos = start;
  }
  bits(n: number): number {
    let v = this.bitBuf;
    while (this.bitCnt < n) {
      if (this.pos >= this.data.length) throw zlibError('unexpected end of file', 'Z_BUF_ERROR');
      v |= this.data[this.pos++] << this.bitCnt;
      this.bitCnt += 8;
    }
    this.bitBuf = v >>> n;
    this.bitCnt -= n;
    return v & ((1 << n) - 1);
  }
  alignToByte(): void {
    this.bitBuf = 0;
    this.bitCnt = 0;
  }
  decode(h: Huffman): number {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= this.bits(1);
      const count = h.counts[len];
      if (code - first < count) return h.symbols[index + code - first];
      index += count;
      first = (first + count) << 1;
      code <<= 1;
    }
    throw zlibError('invalid code');
  }
}

function inflateCodes(r: BitReader, out: Out, lit: Huffman, dist: Huffman): void {
  for (;;) {
    const sym = r.decode(lit);
    if (sym < 256) out.push(sym);
    else if (sym === 256) return;
    else {
      const li = sym - 257;
      if (li >= 29) throw zlibError('invalid literal/length code');
      const length = LEN_BASE[li] + r.bits(LEN_EXTRA[li]);
      const di = r.decode(dist);
      if (di >= 30) throw zlibError('invalid distance code');
      out.copy(DIST_BASE[di] + r.bits(DIST_EXTRA[di]), length);
    }
  }
}

function dynamicTables(r: BitReader): [Huffman, Huffman] {
  const nlen = r.bits(5) + 257;
  const ndist = r.bits(5) + 1;
  const ncode = r.bits(4) + 4;
  const clens = new Uint8Array(19);
  for (let i = 0; i < ncode; i++) clens[CLEN_ORDER[i]] = r.bits(3);
  const ch = huffman(clens);
  const lengths = new Uint8Array(nlen + ndist);
  for (let i = 0; i < nlen + ndist; ) {
    const sym = r.decode(ch);
    if (sym < 16) lengths[i++] = sym;
    else {
      let rep: number;
      let val = 0;
      if (sym === 16) {
        if (i === 0) throw zlibError('invalid bit length repeat');
        val = lengths[i - 1];
        rep = 3 + r.bits(2);
      } else rep = sym === 17 ? 3 + r.bits(3) : 11 + r.bits(7);
      if (i + rep > nlen + ndist) throw zlibError('invalid bit length repeat');
      lengths.fill(val, i, i + rep);
      i += rep;
    }
  }
  return [huffman(lengths.subarray(0, nlen)), huffman(lengths.subarray(nlen))];
}

/** Inflate raw deflate data starting at `start`; returns the position after the last block. */
function inflateRaw(data: Uint8Array, start: number, out: Out): number {
  const r = new BitReader(data, start);
  let last = 0;
  while (!last) {
    last = r.bits(1);
    const type = r.bits(2);
    if (type === 0) {
      r.alignToByte();
      if (r.pos + 4 > data.length) throw zlibError('unexpected end of file', 'Z_BUF_ERROR');
      const len = data[r.pos] | (data[r.pos + 1] << 8);
      const nlen = data[r.pos + 2] | (data[r.pos + 3] << 8);
      if (len !== (~nlen & 0xffff)) throw zlibError('invalid stored block lengths');
      r.pos += 4;
      if (r.pos + len > data.length) throw zlibError('unexpected end of file', 'Z_BUF_ERROR');
      for (let i = 0; i < len; i++) out.push(data[r.pos++]);
    } else if (type === 1) inflateCodes(r, out, FIXED_LIT, FIXED_DIST);
    else if (type === 2) inflateCodes(r, out, ...dynamicTables(r));
    else throw zlibError('invalid block type');
  }
  return r.pos;
}

/** Decompress gzip data (all concatenated members), like Node's zlib.gunzipSync. */
export function gunzipSync(input: Input, options: ZlibOptions = {}): Uint8Array {
  const data = bytes(input);
  const out = new Out(data.length * 3, options.maxOutputLength);
  let pos = 0;
  do {
    if (data.length - pos < 18 || data[pos] !== 0x1f || data[pos + 1] !== 0x8b) {
      if (pos > 0) break; // trailing garbage after a member is ignored, as zlib does
      throw zlibError('incorrect header check');
    }
    if (data[pos + 2] !== 8) throw zlibError('unknown compression method');
    const flags = data[pos + 3];
    pos += 10;
    if (flags & 4) pos += 2 + (data[pos] | (data[pos + 1] << 8));
    if (flags & 8) while (pos < data.length && data[pos++] !== 0);
    if (flags & 16) while (pos < data.length && data[pos++] !== 0);
    if (flags & 2) pos += 2;
    const from = out.len;
    pos = inflateRaw(data, pos, out);
    if (pos + 8 > data.length) throw zlibError('unexpected end of file', 'Z_BUF_ERROR');
    const view = new DataView(data.buffer, data.byteOffset + pos, 8);
    if (view.getUint32(0, true) !== crc32(out.buf.subarray(from, out.len))) throw zlibError('incorrect data check');
    if (view.getUint32(4, true) !== ((out.len - from) >>> 0)) throw zlibError('incorrect length check');
    pos += 8;
  } while (pos < data.length);
  return out.bytes();
}

// ---- deflate: greedy LZ77 over a 32 KiB window, fixed Huffman codes ----

class BitWriter {
  out = new Out(1024);
  private acc = 0;
  private n = 0;
  /** Write `len` bits of `value`, least significant first. */
  bits(value: number, len: number): void {
    this.acc |= value << this.n;
    this.n += len;
    while (this.n >= 8) {
      this.out.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  /** Write a Huffman code (most significant bit first). */
  code(code: number, len: number): void {
    let rev = 0;
    for (let i = 0; i < len; i++) rev |= ((code >> i) & 1) << (len - 1 - i);
    this.bits(rev, len);
  }
  flush(): void {
    if (this.n > 0) this.out.push(this.acc & 0xff);
    this.acc = 0;
    this.n = 0;
  }
}

function writeLiteral(w: BitWriter, sym: number): void {
  if (sym < 144) w.code(0x30 + sym, 8);
  else if (sym < 256) w.code(0x190 + sym - 144, 9);
  else if (sym < 280) w.code(sym - 256, 7);
  else w.code(0xc0 + sym - 280, 8);
}

function lastIndexAtMost(table: number[], v: number): number {
  let i = table.length - 1;
  while (table[i] > v) i--;
  return i;
}

function deflateFixed(data: Uint8Array, w: BitWriter, maxChain: number): void {
  w.bits(1, 1); // BFINAL
  w.bits(1, 2); // BTYPE = fixed Huffman
  const head = new Int32Array(1 << 15).fill(-1);
  const prev = new Int32Array(data.length);
  const hash = (i: number) => ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & 0x7fff;
  const insert = (i: number) => {
    if (i + 2 >= data.length) return;
    const h = hash(i);
    prev[i] = head[h];
    head[h] = i;
  };
  for (let i = 0; i < data.length; ) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + 2 < data.length) {
      let cand = head[hash(i)];
      for (let chain = 0; cand >= 0 && i - cand <= 32768 && chain < maxChain; chain++, cand = prev[cand]) {
        let len = 0;
        const max = Math.min(258, data.length - i);
        while (len < max && data[cand + len] === data[i + len]) len++;
        if (len > bestLen) {
          bestLen = len;
          bestDist = i - cand;
          if (len === max) break;
        }
      }
    }
    if (bestLen >= 3) {
      const li = lastIndexAtMost(LEN_BASE, bestLen);
      writeLiteral(w, 257 + li);
      w.bits(bestLen - LEN_BASE[li], LEN_EXTRA[li]);
      const di = lastIndexAtMost(DIST_BASE, bestDist);
      w.code(di, 5);
      w.bits(bestDist - DIST_BASE[di], DIST_EXTRA[di]);
      for (let k = 0; k < bestLen; k++) insert(i + k);
      i += bestLen;
    } else {
      writeLiteral(w, data[i]);
      insert(i);
      i++;
    }
  }
  writeLiteral(w, 256);
  w.flush();
}

function deflateStored(data: Uint8Array, w: BitWriter): void {
  let pos = 0;
  do {
    const len = Math.min(65535, data.length - pos);
    w.bits(pos + len >= data.length ? 1 : 0, 1);
    w.bits(0, 2);
    w.flush();
    for (const b of [len & 0xff, len >> 8, ~len & 0xff, (~len >> 8) & 0xff]) w.out.push(b);
    for (let i = 0; i < len; i++) w.out.push(data[pos + i]);
    pos += len;
  } while (pos < data.length);
}

/** Compress to a gzip member, like Node's zlib.gzipSync (level 0 stores; others use fixed Huffman codes). */
export function gzipSync(input: Input, options: ZlibOptions = {}): Uint8Array {
  const data = bytes(input);
  const level = options.level ?? constants.Z_DEFAULT_COMPRESSION;
  const w = new BitWriter();
  const xfl = level === 9 ? 2 : level === 1 ? 4 : 0;
  for (const b of [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, xfl, 3]) w.out.push(b); // no name, mtime 0, OS = Unix
  if (level === 0) deflateStored(data, w);
  else deflateFixed(data, w, level === -1 ? 128 : Math.max(4, level * 32));
  const crc = crc32(data);
  const size = data.length >>> 0;
  for (const v of [crc, size]) for (let i = 0; i < 4; i++) w.out.push((v >>> (8 * i)) & 0xff);
  const result = w.out.bytes();
  if (options.maxOutputLength !== undefined && result.length > options.maxOutputLength) {
    throw Object.assign(new RangeError('Cannot create a Buffer larger than maxOutputLength'), { code: 'ERR_BUFFER_TOO_LARGE' });
  }
  return result;
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
