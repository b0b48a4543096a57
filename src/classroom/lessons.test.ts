// Every lesson: setup (typed as the lab types it, with the lab's seed) leaves each goal unmet, the solution meets all of them; checks and texts are well-formed.
import { describe, expect, it } from 'vitest';
import { createSession } from '../shell/session';
import { lessonErrors, lessons } from '../lessons/catalog';
import { CHECKS, evaluate } from '../lessons/checks';
import { parseLesson } from '../lessons/format';
import { differences, matchTarget } from '../lessons/target-match';
import { commandCount } from '../lessons/par';
import { goalsOver } from '../lessons/goal-progress';
import type { PacketRecord } from '../engine/index';
import { runSetup } from './setup';

const all = lessons();

describe('lesson files', () => {
  it('every lesson file parses', () => {
    expect(lessonErrors()).toEqual([]);
  });

  it('there are lessons, with unique ids, known checks and both languages', () => {
    expect(all.length).toBeGreaterThan(0);
    expect(new Set(all.map((l) => l.id)).size).toBe(all.length);
    for (const l of all) for (const g of l.goals) expect(Object.keys(CHECKS), `${l.id}: ${g.check}`).toContain(g.check.split(/\s+/)[0]);
  });

  it('every lesson has a one-line description in both languages and a duration (the home page shows them)', () => {
    for (const l of all) {
      expect(l.description?.en, l.id).toMatch(/^[^\n]{10,160}$/);
      expect(l.description?.zh, l.id).toMatch(/^[^\n]{5,100}$/);
      expect(l.minutes, l.id).toBeGreaterThan(0);
    }
    expect(() => parseLesson('x/y', '---\ntitle: {en: a, zh: b}\nminutes: soon\ngoals: [{check: containers-none, en: a, zh: b}]\n---\n')).toThrow('x/y minutes: must be a whole number from 1 to 120');
  });

  it("each chapter's first lesson names the chapter in en and zh (the home page and the lesson bar show it)", () => {
    const chapters = [...new Set(all.map((l) => l.chapter))];
    for (const ch of chapters) {
      const inChapter = all.filter((l) => l.chapter === ch).sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(inChapter.filter((l) => l.chapterTitle).map((l) => l.id), ch).toEqual([inChapter[0].id]);
    }
    expect(all.find((l) => l.id === '04-networking/01-none-host-bridge')?.chapterTitle).toEqual({ en: 'Networking', zh: '网络' });
  });

  it('a malformed lesson is refused with its id', () => {
    expect(() => parseLesson('x/y', 'no front matter')).toThrow('x/y: missing front matter');
    expect(() => parseLesson('x/y', '---\ntitle: {en: a, zh: b}\ngoals: []\n---\n')).toThrow('x/y: needs at least one goal');
    expect(() => parseLesson('x/y', '---\ntitle: {en: a}\ngoals: [{check: containers-none, en: a, zh: b}]\n---\n')).toThrow('x/y title: needs en and zh text');
    expect(() => parseLesson('x/y', '---\ntitle: {en: a, zh: b}\ngoals: [{check: containers-none, en: a, zh: b}]\n---\n::: en\nhi\n:::\n')).toThrow('needs a "::: en" and a "::: zh" block');
  });
});

describe('challenges', () => {
  const puzzles = all.filter((l) => l.chapter === '06-challenges');
  it('the challenges chapter has at least eight puzzles, each with a target and a par its solution does not exceed', () => {
    expect(puzzles.length).toBeGreaterThanOrEqual(8);
    for (const l of puzzles) {
      expect(l.target, l.id).toBeDefined();
      expect(l.goals[0].check, l.id).toBe('target-met');
      expect(l.par, l.id).toBeGreaterThanOrEqual(commandCount(l.solution));
    }
  });

  it('a lesson target is validated by its schema, with the lesson id and where', () => {
    expect(() => parseLesson('x/y', '---\ntitle: {en: a, zh: b}\ntarget: {containers: [{name: web, ports: [80]}]}\n---\n')).toThrow('x/y containers[0].ports[0]: ');
    expect(() => parseLesson('x/y', '---\ntitle: {en: a, zh: b}\ntarget: {volumes: [data]}\npar: 0\n---\n')).toThrow('x/y par: must be a whole number from 1 to 99');
  });
});

describe.each(all.map((l) => [l.id, l] as const))('lesson %s', (_id, lesson) => {
  it('each goal fails after setup and every goal passes after the solution', async () => {
    const s = createSession({ headless: true }); // the lab's default seed
    await runSetup(s, lesson.setup);
    const ctx = { target: lesson.target };
    for (const g of lesson.goals) expect(evaluate(s.engine.state, g.check, ctx), `before the solution: ${g.check}`).toBe(false);
    const start = s.engine.state;
    const states = [];
    const packets = { start: s.packetAfter(s.stepCount() - 1), after: [] as (PacketRecord | undefined)[] };
    for (const line of lesson.solution) {
      await s.run(line);
      states.push(s.engine.state);
      packets.after.push(s.packetAfter(s.stepCount() - 1));
    }
    // a puzzle is solved as the lab sees it: action goals (a ping got through) need the solution to do them
    if (lesson.par) expect(goalsOver(lesson.goals.map((g) => g.check), start, states, lesson.solution, packets, ctx).map((g) => g.met)).toEqual(lesson.goals.map(() => true));
    if (lesson.target) expect(differences(matchTarget(s.engine.state, lesson.target), 'en'), 'target after the solution').toEqual([]);
    for (const g of lesson.goals) expect(evaluate(s.engine.state, g.check, ctx), `after the solution: ${g.check}`).toBe(true);
  });
});
