// The browser zlib shim must interoperate with real zlib both ways.
import { describe, expect, it } from 'vitest';
import * as zlib from 'node:zlib';
import { BufferLite, constants, gunzipSync, gzipSync, installBufferLite } from './zlib-shim';

const samples: Uint8Array[] = [
  new Uint8Array(0),
  new TextEncoder().encode('Hello from Docker!\n'),
  new TextEncoder().encode('abcabcabcabc'.repeat(5000) + 'FROM alpine\nRUN echo hi\n'.repeat(300)),
  Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2654435761) >>> 24), // incompressible-ish, > one stored block
];

/** Byte equality without a slow element-by-element diff of 70 kB arrays. */
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);

describe('zlib shim', () => {
  it('exposes the constants just-bash reads', () => {
    expect(constants.Z_BEST_SPEED).toBe(zlib.constants.Z_BEST_SPEED);
    expect(constants.Z_BEST_COMPRESSION).toBe(zlib.constants.Z_BEST_COMPRESSION);
    expect(constants.Z_DEFAULT_COMPRESSION).toBe(zlib.constants.Z_DEFAULT_COMPRESSION);
  });

  it.each([0, 1, 6, 9, -1])('gzipSync(level %i) output is read back by real zlib', (level) => {
    for (const s of samples) expect(same(zlib.gunzipSync(gzipSync(s, { level })), s)).toBe(true);
  });

  it.each([0, 1, 6, 9])('gunzipSync reads real zlib output (level %i)', (level) => {
    for (const s of samples) expect(same(gunzipSync(zlib.gzipSync(s, { level })), s)).toBe(true);
  });

  it('compresses repetitive input', () => {
    expect(gzipSync(samples[2]).length).toBeLessThan(samples[2].length / 10);
  });

  it('reads concatenated members and strings', () => {
    const two = new Uint8Array([...zlib.gzipSync('one\n'), ...gzipSync('two\n')]);
    expect(new TextDecoder().decode(gunzipSync(two))).toBe('one\ntwo\n');
  });

  it('rejects bad input and oversized output like zlib', () => {
    expect(() => gunzipSync(new TextEncoder().encode('not gzip at all, really'))).toThrow('incorrect header check');
    const broken = zlib.gzipSync('hello hello hello');
    broken[broken.length - 8] ^= 1;
    expect(() => gunzipSync(broken)).toThrow('incorrect data check');
    expect(() => gunzipSync(zlib.gzipSync('x'.repeat(1000)), { maxOutputLength: 100 })).toThrow(RangeError);
  });
});

describe('BufferLite (the global Buffer just-bash needs in the browser)', () => {
  const texts = ['', 'hi', 'Hello from Docker!\n', 'naïve 你好 😀', '\u0000\u00ff binary \u0080'];
  const bin = Uint8Array.from({ length: 300 }, (_, i) => (i * 37) & 0xff);

  it('matches Node Buffer for the encodings just-bash uses', () => {
    for (const t of texts) {
      for (const enc of ['utf8', 'utf-8', 'latin1', 'binary', 'base64', 'hex'] as const) {
        const lite = BufferLite.from(t, enc === 'base64' || enc === 'hex' ? 'utf8' : enc);
        const node = Buffer.from(t, enc === 'base64' || enc === 'hex' ? 'utf8' : enc);
        expect(same(lite, node)).toBe(true);
        expect(lite.toString(enc)).toBe(node.toString(enc));
      }
    }
    for (const enc of ['latin1', 'base64', 'base64url', 'hex', 'utf8', 'ascii'] as const) {
      expect(BufferLite.from(bin).toString(enc)).toBe(Buffer.from(bin).toString(enc));
    }
  });

  it('decodes base64 leniently, like Node', () => {
    for (const s of ['aGk=', 'aGk', 'aG\nk=', 'SGVsbG8gZnJvbSBEb2NrZXIhCg==', 'a-_b', '!!aGk=junk']) {
      expect(same(BufferLite.from(s, 'base64'), Buffer.from(s, 'base64'))).toBe(true);
    }
  });

  it('installs itself only where no Buffer exists', () => {
    const target: { Buffer?: unknown } = {};
    expect(installBufferLite(target)).toBe(true);
    expect(target.Buffer).toBe(BufferLite);
    expect(installBufferLite({ Buffer })).toBe(false);
    expect(globalThis.Buffer).toBe(Buffer); // Node keeps its own
  });
});
