// Completion codes: a live session that solves the sample verifies with every goal met; other codes are reported as they are.
import { describe, expect, it } from 'vitest';
import { deflate, toBase64Url, utf8 } from './codec';
import { afterSetup, CODE_PREFIX, completionCode, readCompletionCode, verifyCompletion } from './completion';
import { exerciseHash } from './exercise';
import { runSetup, startExercise } from './setup';
import { createSession } from '../shell/session';
import { replay } from '../shell/replay';
import { SAMPLE, SOLUTION } from './testing';
import { allContainers } from '../engine/index';

/** A code from the real thing: a live (terminal-like) session, its setup typed, then the student's lines. */
async function codeFor(lines: string[], name = 'Ada Lovelace', ex = SAMPLE) {
  const s = await startExercise(ex);
  for (const l of lines) await s.run(l);
  return { code: await completionCode(ex, name, s.journal()), session: s };
}

const rawCode = async (payload: unknown) => CODE_PREFIX + toBase64Url(await deflate(utf8(JSON.stringify(payload)), 'deflate'));

describe('completion codes', () => {
  it('a session that solves the exercise verifies: name, every goal met, the commands typed, the final state', async () => {
    const { code, session } = await codeFor(['docker ps', SOLUTION]);
    expect(code.startsWith('DL1-')).toBe(true);
    expect(code.length).toBeLessThan(300);
    expect(await verifyCompletion(SAMPLE, code)).toEqual({
      ok: true,
      name: 'Ada Lovelace',
      goalsMet: [true, true],
      allMet: true,
      commands: ['docker ps', SOLUTION],
      summary: { containers: 1, running: 1, images: 1, networks: 4, volumes: 0 },
      seconds: 2, // one simulated second per typed line
    });
    // the code carries only what came after the setup
    const read = await readCompletionCode(code);
    expect(read.ok && read.payload).toEqual({ v: 1, ex: exerciseHash(SAMPLE), name: 'Ada Lovelace', events: [{ k: 'line', line: 'docker ps' }, { k: 'line', line: SOLUTION }] });
    expect(afterSetup(SAMPLE, session.journal())).toHaveLength(2);
  });

  it('an unsolved or half-solved session is reported goal by goal', async () => {
    const none = await codeFor([]);
    expect(await verifyCompletion(SAMPLE, none.code)).toMatchObject({ ok: true, goalsMet: [false, false], allMet: false, commands: [] });
    const half = await codeFor(['docker run -d --name web nginx']);
    expect(await verifyCompletion(SAMPLE, half.code)).toMatchObject({ ok: true, goalsMet: [true, false], allMet: false, commands: ['docker run -d --name web nginx'] });
  });

  it('a code for another exercise is refused', async () => {
    const other = { ...SAMPLE, title: 'Another one' };
    const { code } = await codeFor([SOLUTION], 'Ada', other);
    expect(await verifyCompletion(SAMPLE, code)).toEqual({ ok: false, error: `This code is for a different exercise (or a different version of this one): the code is for version ${exerciseHash(other).slice(0, 8)}, this exercise is version ${exerciseHash(SAMPLE).slice(0, 8)}.`, problem: { code: 'code-other-exercise', args: [exerciseHash(other).slice(0, 8), exerciseHash(SAMPLE).slice(0, 8)] } });
    expect((await verifyCompletion(other, code)).ok).toBe(true);
  });

  it('a tampered code: damaged text is refused, edited events are judged by what they do', async () => {
    const { code } = await codeFor([SOLUTION]);
    const i = code.length - 8;
    const damaged = code.slice(0, i) + (code[i] === 'A' ? 'B' : 'A') + code.slice(i + 1);
    expect(await verifyCompletion(SAMPLE, damaged)).toEqual({ ok: false, error: 'This code cannot be read: it is damaged: its data does not decompress (was it cut short or changed?).', problem: { code: 'code-unreadable', args: ['it is damaged: its data does not decompress (was it cut short or changed?)'] } });
    // a forger who edits the payload gets exactly what their events do in the simulator
    const forged = await rawCode({ v: 1, ex: exerciseHash(SAMPLE), name: 'Mallory', events: [{ k: 'line', line: 'echo container-running web' }] });
    expect(await verifyCompletion(SAMPLE, forged)).toMatchObject({ ok: true, name: 'Mallory', goalsMet: [false, false] });
  });

  it('malformed codes are refused with the reason', async () => {
    const ex = exerciseHash(SAMPLE);
    expect(await readCompletionCode('  ')).toEqual({ ok: false, error: 'Paste a completion code first.', problem: { code: 'code-empty', args: [] } });
    expect(await readCompletionCode('hello')).toEqual({ ok: false, error: 'This is not a Dockerlings completion code (those start with DL1-).', problem: { code: 'code-foreign', args: ['DL1-'] } });
    expect(await readCompletionCode('DL1-' + 'A'.repeat(200_000))).toEqual({ ok: false, error: 'This code is too long (200004 characters, at most 200000).', problem: { code: 'code-too-long', args: ['200004', '200000'] } });
    expect(await readCompletionCode('DL1-abc*')).toEqual({ ok: false, error: 'This code cannot be read: it is damaged: "*" at position 4 is not a base64url character.', problem: { code: 'code-unreadable', args: ['it is damaged: "*" at position 4 is not a base64url character'] } });
    expect(await readCompletionCode(await rawCode([1]))).toEqual({ ok: false, error: 'This code is not valid: it is not an object.', problem: { code: 'code-invalid', args: ['it is not an object'] } });
    expect(await readCompletionCode(await rawCode({ v: 1, ex, name: 'a', events: [], x: 1 }))).toEqual({ ok: false, error: 'This code is not valid: it has missing or unknown fields.', problem: { code: 'code-invalid', args: ['it has missing or unknown fields'] } });
    expect(await readCompletionCode(await rawCode({ v: 2, ex, name: 'a', events: [] }))).toEqual({ ok: false, error: 'This code is not valid: its version is not 1.', problem: { code: 'code-invalid', args: ['its version is not 1'] } });
    expect(await readCompletionCode(await rawCode({ v: 1, ex: 'abc', name: 'a', events: [] }))).toEqual({ ok: false, error: 'This code is not valid: its exercise hash is malformed.', problem: { code: 'code-invalid', args: ['its exercise hash is malformed'] } });
    expect(await readCompletionCode(await rawCode({ v: 1, ex, name: 'x'.repeat(101), events: [] }))).toEqual({ ok: false, error: 'This code is not valid: its name is not a short text.', problem: { code: 'code-invalid', args: ['its name is not a short text'] } });
    expect(await readCompletionCode(await rawCode({ v: 1, ex, name: 'a', events: Array(2001).fill({ k: 'tick' }) }))).toEqual({ ok: false, error: 'This code is not valid: it does not hold a list of at most 2000 events.', problem: { code: 'code-invalid', args: ['it does not hold a list of at most 2000 events'] } });
    expect(await readCompletionCode(await rawCode({ v: 1, ex, name: 'a', events: [{ k: 'eval', line: 'x' }] }))).toEqual({ ok: false, error: 'This code is not valid: its events are malformed.', problem: { code: 'code-invalid', args: ['its events are malformed'] } });
    // line breaks from an e-mail are ignored
    const { code } = await codeFor([SOLUTION]);
    expect((await readCompletionCode(code.slice(0, 20) + '\n  ' + code.slice(20))).ok).toBe(true);
  });

  it('a setup line that waits (a question, a follow) is interrupted, and the verifier replays it the same way', async () => {
    const ex = { ...SAMPLE, setup: [...SAMPLE.setup, 'docker run -d --name old busybox true', 'docker container prune', 'docker run --name srv nginx'] };
    const s = createSession({ seed: 1 });
    await runSetup(s, ex.setup);
    expect(s.journal().filter((e) => e.k === 'interrupt')).toHaveLength(2);
    expect(allContainers(s.engine.state).map((c) => c.name)).toEqual(['old', 'srv']);
    await s.run('docker rm -f srv');
    await s.run(SOLUTION);
    const code = await completionCode(ex, 'Ada', s.journal());
    expect(await verifyCompletion(ex, code)).toMatchObject({ ok: true, goalsMet: [true, true], commands: ['docker rm -f srv', SOLUTION], summary: { containers: 2 } });
    const again = await replay([...ex.setup.map((line) => ({ k: 'line' as const, line })), ...afterSetup(ex, s.journal())], { seed: 1 });
    expect(again.engine.state).toEqual(s.engine.state);
  });

  it('judges goals over the steps as the lab does: a ping that got through counts after the network is undone', async () => {
    const ex = {
      ...SAMPLE,
      setup: ['docker network create n2', 'docker run -d --name box1 busybox sleep 3600', 'docker run -d --name box2 --network n2 busybox sleep 3600'],
      goals: [
        { check: 'container-on-network box1 n2', text: 'box1 is on n2' },
        { check: 'can-ping box1 box2', text: 'box1 pinged box2' },
      ],
    };
    const { code } = await codeFor(['docker network connect n2 box1', 'docker exec box1 ping -c 1 box2', 'docker network disconnect n2 box1'], 'Ada', ex);
    const v = await verifyCompletion(ex, code);
    expect(v.ok && v.goalsMet).toEqual([false, true]);
    const early = await codeFor(['docker network connect n2 box1'], 'Ada', ex);
    const w = await verifyCompletion(ex, early.code);
    expect(w.ok && w.goalsMet).toEqual([true, false]);
  });
});
