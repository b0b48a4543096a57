// Bytes for links and codes: base64url, deflate via the platform's CompressionStream (bounded inflate).
import { utf8ToBytes } from '@noble/hashes/utils.js';

export type Deflate = 'deflate' | 'deflate-raw';

/** RFC 4648 §5 base64url without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 8192) bin += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → bytes; throws on any character outside the alphabet or an impossible length. */
export function fromBase64Url(text: string): Uint8Array {
  const bad = /[^A-Za-z0-9_-]/.exec(text.replace(/=+$/, ''));
  if (bad) throw new Error(`"${bad[0]}" at position ${bad.index + 1} is not a base64url character`);
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) throw new Error('its length is not possible for base64url');
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

async function collect(stream: ReadableStream<Uint8Array>, max: number): Promise<Uint8Array> {
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel().catch(() => {});
      throw new Error(`it expands to more than ${max} bytes`);
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const streamOf = (bytes: Uint8Array) => new Blob([bytes as Uint8Array<ArrayBuffer>]).stream();

export async function deflate(bytes: Uint8Array, format: Deflate): Promise<Uint8Array> {
  return collect(streamOf(bytes).pipeThrough(new CompressionStream(format)), Infinity);
}

/** Inflate at most `max` bytes (a small link must not expand into gigabytes); throws on corrupt data. */
export async function inflate(bytes: Uint8Array, format: Deflate, max: number): Promise<Uint8Array> {
  return collect(streamOf(bytes).pipeThrough(new DecompressionStream(format)), max);
}

export const utf8 = (s: string): Uint8Array => utf8ToBytes(s);
export const fromUtf8 = (b: Uint8Array): string => new TextDecoder('utf-8', { fatal: true }).decode(b);
export const utf8Length = (s: string): number => utf8ToBytes(s).length;

/** JSON → deflate → base64url. */
export async function pack(value: unknown, format: Deflate): Promise<string> {
  return toBase64Url(await deflate(utf8(JSON.stringify(value)), format));
}

/** base64url → inflate (bounded) → JSON, with a readable reason for each way it can fail. */
export async function unpack(text: string, format: Deflate, max: number): Promise<{ ok: true; value: unknown } | { ok: false; error: string }> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64Url(text);
  } catch (e) {
    return { ok: false, error: `it is damaged: ${(e as Error).message}` };
  }
  let json: string;
  try {
    json = fromUtf8(await inflate(bytes, format, max));
  } catch (e) {
    const why = (e as Error).message;
    return { ok: false, error: why.startsWith('it expands') ? `it is too large: ${why}` : 'it is damaged: its data does not decompress (was it cut short or changed?)' };
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, error: 'it is damaged: its data is not JSON' };
  }
}
