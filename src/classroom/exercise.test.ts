// Exercises: the schema's errors, markdown files, canonical hashing, and share links (round trip and every way to break one).
import { describe, expect, it } from 'vitest';
import { lessons } from '../lessons/catalog';
import { checkError } from '../lessons/checks';
import { deflate, toBase64Url, utf8 } from './codec';
import { canonicalJson, decodeExercise, encodeExercise, exerciseHash, exerciseLesson, exerciseLink, validateExercise, type Exercise } from './exercise';
import { exerciseMarkdown, parseExerciseMarkdown } from './exercise-md';
import { SAMPLE } from './testing';


const errorsOf = (v: unknown) => {
  const r = validateExercise(v);
  return r.ok ? [] : r.errors;
};

describe('checkError (the vocabulary)', () => {
  it('accepts known checks with the right number of words, TEXT taking the rest', () => {
    expect(checkError('container-running web')).toBeNull();
    expect(checkError('containers-none')).toBeNull();
    expect(checkError('container-exited web')).toBeNull();
    expect(checkError('container-exited web 0')).toBeNull();
    expect(checkError('image-history-has app RUN echo hi')).toBeNull();
  });
  it('accepts every check the lessons use (so it rejects nothing a lesson relies on)', () => {
    const used = lessons().flatMap((l) => l.goals.map((g) => g.check));
    expect(used.length).toBeGreaterThan(40);
    expect(used.filter((c) => checkError(c) !== null)).toEqual([]);
  });

  it('names what is wrong', () => {
    expect(checkError('')).toBe('the check is empty');
    expect(checkError('rm -rf /')).toBe('unknown check "rm"');
    expect(checkError('constructor')).toBe('unknown check "constructor"');
    expect(checkError('container-running')).toBe('"container-running" takes an argument: NAME (got 0)');
    expect(checkError('container-running a b')).toBe('"container-running" takes an argument: NAME (got 2)');
    expect(checkError('containers-none x')).toBe('"containers-none" takes no arguments (got 1)');
    expect(checkError('container-ip web net')).toBe('"container-ip" takes arguments: NAME NET IP (got 2)');
    expect(checkError('image-history-has app')).toBe('"image-history-has" takes arguments: REF TEXT (got 1)');
  });
});

describe('validateExercise', () => {
  it('accepts the sample and rebuilds it in canonical form', () => {
    const r = validateExercise({ goals: [{ text: ' A ', check: ' container-running   web ' }], setup: [], text: '\nBody\n', title: ' T ', v: 1, seed: 5, lang: 'zh' });
    expect(r).toEqual({ ok: true, exercise: { v: 1, title: 'T', text: 'Body', lang: 'zh', setup: [], goals: [{ check: 'container-running web', text: 'A' }], seed: 5 } });
    expect(validateExercise(SAMPLE)).toEqual({ ok: true, exercise: SAMPLE });
  });

  it('reports each error with its path', () => {
    expect(errorsOf(null)).toEqual(['exercise: must be an object']);
    expect(errorsOf([SAMPLE])).toEqual(['exercise: must be an object']);
    expect(errorsOf({ ...SAMPLE, script: 'alert(1)' })).toEqual(['exercise: unknown key "script"']);
    expect(errorsOf({ ...SAMPLE, v: 2 })).toEqual(['v: must be 1 (the format version)']);
    expect(errorsOf({ ...SAMPLE, title: 3 })).toEqual(['title: must be a string']);
    expect(errorsOf({ ...SAMPLE, title: '  ' })).toEqual(['title: must not be empty']);
    expect(errorsOf({ ...SAMPLE, title: 'x'.repeat(201) })).toEqual(['title: is too long (201 > 200 characters)']);
    expect(errorsOf({ ...SAMPLE, title: 'a\nb' })).toEqual(['title: must be one line without control characters']);
    expect(errorsOf({ ...SAMPLE, text: '€'.repeat(7000) })).toEqual(['text: is too long (21000 > 20000 bytes)']);
    expect(errorsOf({ ...SAMPLE, text: 'colour \u001b[31mred' })).toEqual(['text: contains a control character']);
    expect(errorsOf({ ...SAMPLE, lang: 'fr' })).toEqual(['lang: must be "en" or "zh"']);
    expect(errorsOf({ ...SAMPLE, setup: 'docker ps' })).toEqual(['setup: must be a list of lines']);
    expect(errorsOf({ ...SAMPLE, setup: Array(51).fill('true') })).toEqual(['setup: has 51 lines (at most 50)']);
    expect(errorsOf({ ...SAMPLE, setup: ['ok', 'x'.repeat(2049)] })).toEqual(['setup[1]: is too long (2049 > 2048 bytes)']);
    expect(errorsOf({ ...SAMPLE, setup: [{ js: 'x' }] })).toEqual(['setup[0]: must be a string']);
    expect(errorsOf({ ...SAMPLE, goals: [] })).toEqual(['goals: needs 1 to 20 goals (has 0)']);
    expect(errorsOf({ ...SAMPLE, goals: Array(21).fill(SAMPLE.goals[0]) })).toEqual(['goals: needs 1 to 20 goals (has 21)']);
    expect(errorsOf({ ...SAMPLE, goals: ['container-running web'] })).toEqual(['goals[0]: must be an object with check and text']);
    expect(errorsOf({ ...SAMPLE, goals: [{ check: 'container-running web', text: 'a', fn: 'x' }] })).toEqual(['goals[0]: unknown key "fn"']);
    expect(errorsOf({ ...SAMPLE, goals: [SAMPLE.goals[0], { check: 'no-such-check x', text: 'a' }] })).toEqual(['goals[1].check: unknown check "no-such-check"']);
    expect(errorsOf({ ...SAMPLE, goals: [{ check: 'network-subnet net', text: 'a' }] })).toEqual(['goals[0].check: "network-subnet" takes arguments: NAME CIDR (got 1)']);
    expect(errorsOf({ ...SAMPLE, goals: [{ check: '', text: '' }] })).toEqual(['goals[0].check: must not be empty', 'goals[0].text: must not be empty']);
    expect(errorsOf({ ...SAMPLE, seed: 1.5 })).toEqual(['seed: must be a whole number from 0 to 2147483647']);
    expect(errorsOf({ ...SAMPLE, seed: -1 })).toEqual(['seed: must be a whole number from 0 to 2147483647']);
    expect(errorsOf({ v: 1 })).toEqual(['title: must be a string', 'text: must be a string', 'setup: must be a list of lines', 'goals: must be a list']);
  });
});

describe('hash and lesson shape', () => {
  it('the hash is taken over the canonical JSON, so key order and blanks do not change it', () => {
    expect(canonicalJson(SAMPLE)).toBe(JSON.stringify(SAMPLE));
    expect(exerciseHash(SAMPLE)).toMatch(/^[0-9a-f]{64}$/);
    const shuffled = { goals: SAMPLE.goals, setup: SAMPLE.setup, text: SAMPLE.text + '\n\n', title: SAMPLE.title, v: 1 } as Exercise;
    expect(exerciseHash(shuffled)).toBe(exerciseHash(SAMPLE));
    expect(exerciseHash({ ...SAMPLE, title: 'Other' })).not.toBe(exerciseHash(SAMPLE));
  });

  it('becomes a lesson with the same text in both languages and the title as heading', () => {
    const l = exerciseLesson(SAMPLE);
    expect(l.id).toBe(`exercise:${exerciseHash(SAMPLE).slice(0, 16)}`);
    expect(l.body.en).toBe(`# Publish a web server\n\n${SAMPLE.text}`);
    expect(l.body.zh).toBe(l.body.en);
    expect(l.goals[1]).toEqual({ check: 'container-on-network web classnet', text: { en: 'It is attached to classnet', zh: 'It is attached to classnet' } });
    expect(l.setup).toEqual(['docker network create classnet']);
    expect(l.hints).toEqual([]);
  });
});

describe('share links', () => {
  it('round-trip through lab.html#exercise=…', async () => {
    const link = await exerciseLink(SAMPLE);
    expect(link).toMatch(/^lab\.html#exercise=[A-Za-z0-9_-]+$/);
    expect(link.length).toBeLessThan(300);
    expect(await decodeExercise(link)).toEqual({ ok: true, exercise: SAMPLE });
    expect(await decodeExercise(`https://example.org/x/${link}`)).toEqual({ ok: true, exercise: SAMPLE });
    expect(await decodeExercise(await encodeExercise(SAMPLE))).toEqual({ ok: true, exercise: SAMPLE });
  });

  it('a damaged, oversized or invalid link is refused with the reason', async () => {
    const data = await encodeExercise(SAMPLE);
    expect(await decodeExercise('lab.html#exercise=')).toEqual({ ok: false, error: 'This exercise link is empty.', problem: { code: 'link-empty', args: [] } });
    expect(await decodeExercise(`#exercise=${data.slice(0, 5)}$${data.slice(5)}`)).toEqual({ ok: false, error: 'This exercise link cannot be read: it is damaged: "$" at position 6 is not a base64url character.', problem: { code: 'link-unreadable', args: ['it is damaged: "$" at position 6 is not a base64url character'] } });
    expect(await decodeExercise(`#exercise=${data.slice(0, data.length - 12)}`)).toEqual({ ok: false, error: 'This exercise link cannot be read: it is damaged: its data does not decompress (was it cut short or changed?).', problem: { code: 'link-unreadable', args: ['it is damaged: its data does not decompress (was it cut short or changed?)'] } });
    expect(await decodeExercise('#exercise=' + 'A'.repeat(200_000))).toEqual({ ok: false, error: 'This exercise link is too long (200000 characters).', problem: { code: 'link-too-long', args: ['200000'] } });
    const bomb = toBase64Url(await deflate(utf8(' '.repeat(1_000_000)), 'deflate-raw'));
    expect(bomb.length).toBeLessThan(2000);
    expect(await decodeExercise(bomb)).toEqual({ ok: false, error: 'This exercise link cannot be read: it is too large: it expands to more than 262144 bytes.', problem: { code: 'link-unreadable', args: ['it is too large: it expands to more than 262144 bytes'] } });
    const notJson = toBase64Url(await deflate(utf8('{title:'), 'deflate-raw'));
    expect(await decodeExercise(notJson)).toEqual({ ok: false, error: 'This exercise link cannot be read: it is damaged: its data is not JSON.', problem: { code: 'link-unreadable', args: ['it is damaged: its data is not JSON'] } });
    const evil = toBase64Url(await deflate(utf8(JSON.stringify({ ...SAMPLE, goals: [{ check: 'eval alert(1)', text: 'x' }], onload: 'x' })), 'deflate-raw'));
    expect(await decodeExercise(evil)).toEqual({ ok: false, error: 'This exercise link is not a valid exercise: exercise: unknown key "onload"; goals[0].check: unknown check "eval".', problem: { code: 'link-invalid', args: ['exercise: unknown key "onload"; goals[0].check: unknown check "eval"'] } });
  });
});

describe('exercise markdown files', () => {
  const FILE = `---
title: Publish a web server
setup:
  - docker network create classnet
goals:
  - check: container-running web
    text: A container named web is running
  - check: container-on-network web classnet
    text: It is attached to classnet
---
Start **nginx** in a container named \`web\`, on the network \`classnet\`.
`;

  it('parse into the same exercise as the form, and are written back unchanged', () => {
    expect(parseExerciseMarkdown(FILE)).toEqual({ ok: true, exercise: SAMPLE });
    expect(exerciseMarkdown(SAMPLE)).toBe(FILE);
    const withAll = { ...SAMPLE, lang: 'zh' as const, seed: 9, setup: ['cat > f <<EOF\nhi\nEOF'] };
    expect(parseExerciseMarkdown(exerciseMarkdown(withAll))).toEqual({ ok: true, exercise: withAll });
  });

  it('report what is wrong', () => {
    expect(parseExerciseMarkdown('# just a body')).toEqual({ ok: false, errors: ['file: needs front matter between "---" lines (title, setup, goals)'] });
    expect(parseExerciseMarkdown('---\n- a\n---\nx')).toEqual({ ok: false, errors: ['front matter: must be a map of title, setup, goals …'] });
    expect(parseExerciseMarkdown('---\ntitle: [unclosed\n---\nx')).toMatchObject({ ok: false, errors: [expect.stringMatching(/^front matter: is not valid YAML/)] });
    expect(parseExerciseMarkdown(FILE.replace('title:', 'hints: []\ntitle:'))).toEqual({ ok: false, errors: ['front matter: unknown key "hints"'] });
    expect(parseExerciseMarkdown(FILE.replace('container-running web', 'container-runing web'))).toEqual({ ok: false, errors: ['goals[0].check: unknown check "container-runing"'] });
    expect(parseExerciseMarkdown(FILE.replace(/goals:[\s\S]*?---/, '---'))).toEqual({ ok: false, errors: ['goals: must be a list'] });
  });
});
