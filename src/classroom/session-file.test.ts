// Session files: export → import round trip rebuilds the session; malformed or misplaced files are refused with the reason.
import { describe, expect, it } from 'vitest';
import { replay } from '../shell/replay';
import { exerciseHash } from './exercise';
import { parseSessionFile, placeMismatch, sessionFile, sessionFileJson, sessionFileName } from './session-file';
import { startExercise } from './setup';
import { SAMPLE, SOLUTION } from './testing';

describe('session files', () => {
  it('export and import round-trip, and replaying the events rebuilds the same engine state', async () => {
    const s = await startExercise(SAMPLE);
    await s.run(SOLUTION);
    await s.run('echo saved > /root/note');
    const f = sessionFile({ exercise: exerciseHash(SAMPLE) }, 1, s.journal());
    const text = sessionFileJson(f);
    expect(text).toBe(
      `{\n  "v": 1,\n  "kind": "dockerlings-session",\n  "exercise": "${exerciseHash(SAMPLE)}",\n  "seed": 1,\n  "events": [\n` +
        `    {"k":"line","line":"docker network create classnet"},\n    {"k":"line","line":"${SOLUTION}"},\n    {"k":"line","line":"echo saved > /root/note"}\n  ]\n}\n`,
    );
    const back = parseSessionFile(text);
    expect(back).toEqual({ ok: true, file: f });
    const r = await replay(back.ok ? back.file.events : [], { seed: 1 });
    expect(r.engine.state).toEqual(s.engine.state);
    expect(await r.fs.readFile('/root/note')).toBe('saved\n');
    expect(sessionFileName(f, new Date('2025-03-04T10:00:00Z'))).toBe(`dockerlings-exercise-${exerciseHash(SAMPLE).slice(0, 8)}-2025-03-04.json`);
    expect(sessionFileName(sessionFile({ lesson: '01-basics/01-hello-world' }, 1, []), new Date('2025-03-04T10:00:00Z'))).toBe('dockerlings-01-basics-01-hello-world-2025-03-04.json');
    expect(parseSessionFile(sessionFileJson(sessionFile({}, 3, [])))).toEqual({ ok: true, file: { v: 1, kind: 'dockerlings-session', seed: 3, events: [] } });
  });

  it('refuses malformed files with the reason', () => {
    const good = { v: 1, kind: 'dockerlings-session', seed: 1, events: [] };
    const err = (v: unknown) => {
      const r = parseSessionFile(typeof v === 'string' ? v : JSON.stringify(v));
      return r.ok ? null : r.error.replace('This is not a Dockerlings session file: ', '');
    };
    expect(err(good)).toBeNull();
    expect(err('{')).toBe('it is not JSON.');
    expect(err([good])).toBe('it is not a JSON object.');
    expect(err({ ...good, kind: 'other' })).toBe('its "kind" is not "dockerlings-session".');
    expect(err({ ...good, v: 2 })).toBe('its version is not 1.');
    expect(err({ ...good, run: 'x' })).toBe('unknown field "run".');
    expect(err({ ...good, lesson: '../../etc' })).toBe('its lesson id is malformed.');
    expect(err({ ...good, exercise: 'xyz' })).toBe('its exercise hash is malformed.');
    expect(err({ ...good, lesson: 'a/b', exercise: 'f'.repeat(64) })).toBe('it names both a lesson and an exercise.');
    expect(err({ ...good, seed: '1' })).toBe('its seed is not a whole number from 0 to 2147483647.');
    expect(err({ ...good, events: Array(10_001).fill({ k: 'tick' }) })).toBe('it does not hold a list of at most 10000 events.');
    expect(err({ ...good, events: [{ k: 'line', line: 1 }] })).toBe('its events are malformed.');
    expect(err(' '.repeat(5_000_000))).toBe('it is too large (more than 4194304 characters).');
  });

  it('is only loaded where it was saved, starting with that setup', () => {
    const ex = exerciseHash(SAMPLE);
    const f = sessionFile({ lesson: '01-basics/01-hello-world' }, 1, [{ k: 'line', line: 'docker network create classnet' }]);
    expect(placeMismatch(f, { lesson: '01-basics/01-hello-world' }, 1)).toBeNull();
    expect(placeMismatch(f, { lesson: '01-basics/03-images' }, 1)).toBe('This session was saved in lesson 01-basics/01-hello-world; you are in lesson 01-basics/03-images. Open that first, then load the file.');
    expect(placeMismatch(f, {}, 1)).toBe('This session was saved in lesson 01-basics/01-hello-world; you are in the free sandbox. Open that first, then load the file.');
    expect(placeMismatch(f, { lesson: '01-basics/01-hello-world' }, 2)).toBe('This session was saved with seed 1, this page uses 2.');
    const g = sessionFile({ exercise: ex }, 1, f.events);
    expect(placeMismatch(g, { exercise: ex }, 1, SAMPLE.setup)).toBeNull();
    expect(placeMismatch(g, { exercise: 'a'.repeat(64) }, 1)).toBe('This session was saved in another exercise; you are in a shared exercise. Open that first, then load the file.');
    expect(placeMismatch(g, { exercise: ex }, 1, ['docker pull nginx'])).toBe('This session does not start with the setup of this lesson (was the lesson changed since?).');
  });
});
