// Determinism helpers: seeded PRNG (plain JSON state), moby-style random IDs, sha256 digests, container names.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { LEFT_WORDS, RIGHT_WORDS } from './names-words';

/**
 * PRNG state: the four 32-bit words of sfc32, stored as unsigned integers so the state is plain JSON
 * and can live inside the immer EngineState. Functions below either return a new state (`nextRandom`)
 * or replace `rng.s` in place (everything else), which works on immer drafts and on plain objects.
 */
export interface Rng {
  s: [number, number, number, number];
}

type Words = [number, number, number, number];

/** One sfc32 step on `s`, changed in place (a local copy: state kept in immer is replaced, never mutated); the uint32 output. */
function step(s: Words): number {
  let [a, b, c, d] = s;
  let t = (a + b) | 0;
  a = b ^ (b >>> 9);
  b = (c + (c << 3)) | 0;
  c = (c << 21) | (c >>> 11);
  d = (d + 1) | 0;
  t = (t + d) | 0;
  c = (c + t) | 0;
  s[0] = a >>> 0;
  s[1] = b >>> 0;
  s[2] = c >>> 0;
  s[3] = d >>> 0;
  return t >>> 0;
}

/** One sfc32 step: returns [uint32 output, next state words] (the input is not modified). */
function sfc32(s: Readonly<Words>): [number, Words] {
  const next: Words = [s[0], s[1], s[2], s[3]];
  return [step(next), next];
}

/** Create a generator from an integer seed (splitmix32 expands the seed; 15 warm-up rounds, as usual for sfc32). */
export function createRng(seed: number): Rng {
  let x = seed >>> 0;
  const splitmix = (): number => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let s: [number, number, number, number] = [splitmix(), splitmix(), splitmix(), splitmix()];
  for (let i = 0; i < 15; i++) s = sfc32(s)[1];
  return { s };
}

/** Pure step: the next uint32 and the successor state (the input is not modified). */
export function nextRandom(rng: Readonly<Rng>): [number, Rng] {
  const [value, s] = sfc32(rng.s);
  return [value, { s }];
}

/** Next uint32 in [0, 2^32); advances `rng` in place (works on an immer draft). */
export function randomUint32(rng: Rng): number {
  const [value, s] = sfc32(rng.s);
  rng.s = s;
  return value;
}

/** Uniform-ish integer in [0, n) (the simulator's stand-in for Go's rand.Intn). */
export function randomInt(rng: Rng, n: number): number {
  return Math.floor((randomUint32(rng) / 0x1_0000_0000) * n);
}

/** `bytes` random bytes as lowercase hex (2 × bytes characters). */
export function randomHex(rng: Rng, bytes: number): string {
  // the state is read and written once (on an immer draft each access goes through its proxy)
  const s0 = rng.s;
  const s: Words = [s0[0], s0[1], s0[2], s0[3]];
  let out = '';
  for (let i = 0; i < bytes; i += 4) {
    const hex = step(s).toString(16).padStart(8, '0');
    out += bytes - i >= 4 ? hex : hex.slice(0, (bytes - i) * 2);
  }
  if (bytes > 0) rng.s = s;
  return out;
}

/**
 * A 64-hex ID (32 random bytes). Like moby pkg/stringid GenerateRandomID, an ID whose 12-char short form
 * is all decimal digits is thrown away and re-rolled (it would parse as an integer, ref moby #3869).
 */
export function randomId(rng: Rng): string {
  for (;;) {
    const id = randomHex(rng, 32);
    if (!/^[0-9]{12}$/.test(id.slice(0, 12))) return id;
  }
}

/** sha256 of a UTF-8 string or raw bytes, as 64 lowercase hex. */
export function sha256Hex(input: string | Uint8Array): string {
  return bytesToHex(sha256(typeof input === 'string' ? utf8ToBytes(input) : input));
}

/** Content digest in OCI form: `sha256:<64hex>`. */
export function digestOf(input: string | Uint8Array): string {
  return `sha256:${sha256Hex(input)}`;
}

/** moby stringid.TruncateID: drop an `algo:` prefix, keep the first 12 characters. */
export function shortId(id: string): string {
  const colon = id.indexOf(':');
  const bare = colon >= 0 ? id.slice(colon + 1) : id;
  return bare.slice(0, 12);
}

/**
 * namesgenerator.GetRandomName(retry): `left_right`, re-rolling `boring_wozniak`
 * ("Steve Wozniak is not boring"); for retry > 0 a random digit 0–9 is appended.
 */
export function getRandomName(rng: Rng, retry: number): string {
  let name: string;
  do {
    const left = LEFT_WORDS[randomInt(rng, LEFT_WORDS.length)];
    const right = RIGHT_WORDS[randomInt(rng, RIGHT_WORDS.length)];
    name = `${left}_${right}`;
  } while (name === 'boring_wozniak');
  if (retry > 0) name += String(randomInt(rng, 10));
  return name;
}

/**
 * Default container name, as moby daemon/names.go generateNewName: try retry indexes 0..5, skipping names
 * for which `taken(name)` is true; after 6 collisions use `shortIdFallback` (the 12-char short ID).
 * Names are returned without the daemon's leading `/`.
 */
export function generateName(rng: Rng, taken: (name: string) => boolean, shortIdFallback: string): string {
  for (let retry = 0; retry < 6; retry++) {
    const name = getRandomName(rng, retry);
    if (!taken(name)) return name;
  }
  return shortIdFallback;
}

/** moby daemon/names.RestrictedNamePattern: `^[a-zA-Z0-9][a-zA-Z0-9_.-]+$` (so at least 2 characters). */
export const RESTRICTED_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;

/**
 * Whether `name` is a valid container name. Like daemon/names.go reserveName, one leading `/`
 * (the daemon's stored form, also accepted from `--name /web`) is ignored.
 */
export function validContainerName(name: string): boolean {
  return RESTRICTED_NAME_PATTERN.test(name.startsWith('/') ? name.slice(1) : name);
}
