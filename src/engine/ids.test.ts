// Tests for ids.ts: PRNG determinism, moby ID/short-ID rules, sha256 digests, name generator, name validation.
import { readFileSync } from 'node:fs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import {
  createRng,
  digestOf,
  generateName,
  getRandomName,
  nextRandom,
  randomHex,
  randomId,
  randomInt,
  randomUint32,
  sha256Hex,
  shortId,
  validContainerName,
  type Rng,
} from './ids';
import { LEFT_WORDS, RIGHT_WORDS } from './names-words';

const take = (rng: Rng, n: number) => Array.from({ length: n }, () => randomUint32(rng));

describe('seeded PRNG', () => {
  it('same seed gives the same sequence; different seeds differ', () => {
    expect(take(createRng(42), 20)).toEqual(take(createRng(42), 20));
    expect(take(createRng(42), 5)).not.toEqual(take(createRng(43), 5));
  });

  it('state is plain JSON and survives a round trip', () => {
    const rng = createRng(7);
    take(rng, 3);
    const copy = JSON.parse(JSON.stringify(rng)) as Rng;
    expect(take(copy, 10)).toEqual(take(rng, 10));
  });

  it('nextRandom is pure and agrees with randomUint32', () => {
    const rng = createRng(1);
    const before = structuredClone(rng);
    const [v, next] = nextRandom(rng);
    expect(rng).toEqual(before);
    expect(randomUint32(rng)).toBe(v);
    expect(rng).toEqual(next);
  });

  it('works on an immer draft', () => {
    const state = { rng: createRng(9) };
    let fromDraft = '';
    const next = produce(state, (d) => {
      fromDraft = randomId(d.rng);
    });
    expect(fromDraft).toBe(randomId(createRng(9)));
    expect(next.rng).not.toEqual(state.rng);
    expect(state.rng).toEqual(createRng(9));
  });

  it('randomInt stays in range', () => {
    const rng = createRng(3);
    for (let i = 0; i < 1000; i++) {
      const v = randomInt(rng, 10);
      expect(v >= 0 && v < 10 && Number.isInteger(v)).toBe(true);
    }
  });
});

describe('randomId (moby stringid.GenerateRandomID)', () => {
  it('is 64 lowercase hex', () => {
    const rng = createRng(5);
    for (let i = 0; i < 50; i++) expect(randomId(rng)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('re-rolls when the 12-char prefix is all decimal digits', () => {
    let seed = 0;
    while (!/^[0-9]{12}/.test(randomHex(createRng(seed), 32))) seed++;
    const raw = createRng(seed);
    const rejected = randomHex(raw, 32);
    const second = randomHex(raw, 32);
    const id = randomId(createRng(seed));
    expect(id).not.toBe(rejected);
    expect(id).toBe(second); // (seed 104 with the current PRNG; its second roll is not decimal)
    expect(id.slice(0, 12)).not.toMatch(/^[0-9]{12}$/);
  });

  it('shortId strips the algorithm and keeps 12 chars', () => {
    expect(shortId('sha256:0123456789abcdef0123')).toBe('0123456789ab');
    expect(shortId('fedcba9876543210')).toBe('fedcba987654');
    expect(shortId('abc')).toBe('abc');
  });
});

describe('sha256', () => {
  it('hashes text and bytes', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(digestOf('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('word lists', () => {
  const tsv = readFileSync(new URL('../../testdata/reference/namesgenerator_words.tsv', import.meta.url), 'utf8');
  const rows = tsv.split('\n').slice(1).filter(Boolean).map((l) => l.split('\t'));

  it('has 108 adjectives and 236 surnames', () => {
    expect(LEFT_WORDS).toHaveLength(108);
    expect(RIGHT_WORDS).toHaveLength(236);
    expect([LEFT_WORDS[0], LEFT_WORDS[107]]).toEqual(['admiring', 'zen']);
    expect([RIGHT_WORDS[0], RIGHT_WORDS[235]]).toEqual(['agnesi', 'zhukovsky']);
  });

  for (const [list, index, word] of rows) {
    it(`${list}[${index}] = ${word}`, () => {
      expect((list === 'left' ? LEFT_WORDS : RIGHT_WORDS)[Number(index)]).toBe(word);
    });
  }
});

describe('name generator (moby namesgenerator + daemon generateNewName)', () => {
  const nameRe = /^([a-z]+)_([a-z]+)$/;

  it('produces left_right from the lists, deterministically', () => {
    const a = createRng(11);
    const b = createRng(11);
    for (let i = 0; i < 100; i++) {
      const name = getRandomName(a, 0);
      expect(getRandomName(b, 0)).toBe(name);
      const m = nameRe.exec(name)!;
      expect(LEFT_WORDS).toContain(m[1]);
      expect(RIGHT_WORDS).toContain(m[2]);
    }
  });

  it('never returns boring_wozniak: it re-rolls', () => {
    const boring = LEFT_WORDS.indexOf('boring');
    const wozniak = RIGHT_WORDS.indexOf('wozniak');
    let seed = 0;
    for (;;) {
      const r = createRng(seed);
      if (randomInt(r, LEFT_WORDS.length) === boring && randomInt(r, RIGHT_WORDS.length) === wozniak) break;
      seed++;
    }
    const raw = createRng(seed);
    randomInt(raw, 1);
    randomInt(raw, 1);
    const expected = `${LEFT_WORDS[randomInt(raw, 108)]}_${RIGHT_WORDS[randomInt(raw, 236)]}`;
    const name = getRandomName(createRng(seed), 0);
    expect(name).not.toBe('boring_wozniak');
    expect(name).toBe(expected); // (seed 15259 with the current PRNG: cool_noyce)
  });

  it('appends a digit 0-9 on retries 1..5 after collisions', () => {
    const tried: string[] = [];
    const name = generateName(createRng(21), (n) => (tried.push(n), tried.length <= 3), 'abcdef012345');
    expect(tried).toHaveLength(4);
    expect(tried[0]).toMatch(nameRe);
    for (const n of tried.slice(1)) expect(n).toMatch(/^[a-z]+_[a-z]+[0-9]$/);
    expect(name).toBe(tried[3]);
  });

  it('falls back to the short id after 6 collisions', () => {
    const tried: string[] = [];
    const name = generateName(createRng(22), (n) => (tried.push(n), true), 'abcdef012345');
    expect(tried).toHaveLength(6);
    expect(name).toBe('abcdef012345');
  });

  it('returns the first name when it is free', () => {
    expect(generateName(createRng(23), () => false, 'x')).toBe(getRandomName(createRng(23), 0));
  });
});

describe('validContainerName', () => {
  it.each(['web', 'my-app_1.0', 'a1', '0x', 'Web', '/web'])('accepts %j', (n) => {
    expect(validContainerName(n)).toBe(true);
  });
  it.each(['', 'a', '-web', '_web', '.web', 'my name', 'web!', 'a/b', '//web'])('rejects %j', (n) => {
    expect(validContainerName(n)).toBe(false);
  });
});
