// A teacher's exercise with a target picture: validated by the lesson target schema, canonical (one hash for two
// spellings), carried by files, links and the form, shown as a lesson with the target goal, and judged by codes.
import { describe, expect, it } from 'vitest';
import { decodeExercise, encodeExercise, exerciseChecks, exerciseHash, exerciseLesson, validateExercise, type Exercise } from './exercise';
import { exerciseMarkdown, parseExerciseMarkdown } from './exercise-md';
import { exerciseForm, formExercise } from './exercise-form';
import { completionCode, verifyCompletion } from './completion';
import { startExercise } from './setup';

const base = { v: 1, title: 'Publish web', text: 'Run **nginx** as web on port 8080.', setup: ['docker pull -q nginx'] };
const ok = (data: unknown): Exercise => {
  const r = validateExercise(data);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.exercise;
};

describe('exercise targets', () => {
  it('a target may stand alone (no listed goals), is put in canonical form, and two spellings hash alike', () => {
    const a = ok({ ...base, goals: [], target: { containers: [{ name: 'web', image: 'nginx', state: 'running', ports: ['8080:80'], networks: [{ name: 'bridge' }] }] } });
    const b = ok({ ...base, goals: [], target: { containers: [{ ports: ['8080:80'], networks: ['bridge'], image: 'nginx', name: 'web' }] } });
    expect(a.target).toEqual({ containers: [{ name: 'web', image: 'nginx', networks: ['bridge'], ports: ['8080:80'] }] });
    expect(exerciseHash(a)).toBe(exerciseHash(b));
    expect(exerciseChecks(a)).toEqual(['target-met']);
  });

  it("refuses a malformed target with the schema's path, target-met listed as a goal, and no goals without a target", () => {
    expect(validateExercise({ ...base, goals: [], target: { containers: [{ name: 'web', colour: 'red' }] } })).toEqual({ ok: false, errors: ['target.containers[0]: unknown key "colour"'] });
    expect(validateExercise({ ...base, goals: [{ check: 'target-met', text: 'x' }], target: { volumes: ['d'] } })).toEqual({ ok: false, errors: ['goals[0].check: target-met is added by a target, not listed as a goal'] });
    expect(validateExercise({ ...base, goals: [] })).toEqual({ ok: false, errors: ['goals: needs 1 to 20 goals (has 0)'] });
  });

  it('travels in files, links and the form, and becomes a lesson with the target goal first', async () => {
    const ex = ok({ ...base, goals: [{ check: 'can-connect host localhost 8080', text: 'localhost:8080 answers' }], target: { containers: [{ name: 'web', ports: ['8080:80'] }] } });
    const md = exerciseMarkdown(ex);
    expect(md).toContain('target:\n  containers:\n    - name: web\n      ports:\n        - 8080:80\n');
    expect(parseExerciseMarkdown(md)).toEqual({ ok: true, exercise: ex });
    expect(await decodeExercise(await encodeExercise(ex))).toEqual({ ok: true, exercise: ex });
    expect(formExercise(exerciseForm(ex))).toEqual({ ok: true, exercise: ex });
    expect(formExercise({ ...exerciseForm(ex), target: 'containers: [' })).toMatchObject({ ok: false, errors: [expect.stringMatching(/^target: is not valid YAML/)] });
    const lesson = exerciseLesson(ex);
    expect(lesson.goals.map((g) => g.check)).toEqual(['target-met', 'can-connect host localhost 8080']);
    expect(lesson.target?.containers[0]).toMatchObject({ name: 'web', ports: [{ hostPort: 8080, containerPort: 80 }] });
    expect(lesson.diagram).toBe('topology');
  });

  it("a completion code is judged against the target too", async () => {
    const ex = ok({ ...base, goals: [], target: { containers: [{ name: 'web', image: 'nginx', ports: ['8080:80'] }] } });
    const code = async (lines: string[]) => {
      const s = await startExercise(ex);
      for (const l of lines) await s.run(l);
      return completionCode(ex, 'Ada', s.journal());
    };
    expect(await verifyCompletion(ex, await code(['docker run -d --name web nginx']))).toMatchObject({ ok: true, goalsMet: [false], allMet: false });
    expect(await verifyCompletion(ex, await code(['docker run -d --name web -p 8080:80 nginx']))).toMatchObject({ ok: true, goalsMet: [true], allMet: true });
  });
});
