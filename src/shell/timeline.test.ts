// Time travel: per-step engine snapshots, stepping back, and branching from an earlier step by replay.
import { describe, expect, it } from 'vitest';
import { createSession } from './session';
import { eventsUntil, learnerSteps, record, stateAt, stepLabel, timelineOf } from './timeline';
import { rebuild } from './rebuild';
import { allContainers } from '../engine/index';

const names = (s: ReturnType<typeof stateAt>) => allContainers(s).map((c) => c.name).sort();

describe('timeline', () => {
  it('keeps the engine state of every learner step after the setup', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull busybox');
    let t = timelineOf(s);
    for (const line of ['docker run -d --name one busybox sleep 99', 'docker run -d --name two busybox sleep 99', 'docker rm -f one']) {
      await s.run(line);
      t = record(s, t);
    }
    expect(t.base).toBe(1);
    expect(learnerSteps(s, t).map(stepLabel)).toEqual(['docker run -d --name one busybox sleep 99', 'docker run -d --name two busybox sleep 99', 'docker rm -f one']);
    expect(names(stateAt(t, 0))).toEqual([]);
    expect(names(stateAt(t, 1))).toEqual(['one']);
    expect(names(stateAt(t, 2))).toEqual(['one', 'two']);
    expect(names(stateAt(t, 3))).toEqual(['two']);
    // snapshots share what did not change (immer structural sharing)
    expect(stateAt(t, 2).images).toBe(stateAt(t, 1).images);
    expect(Object.isFrozen(stateAt(t, 1).containers)).toBe(true);
  });

  it('a branch from step 1 is a live session at that point, with its transcript and its own future', async () => {
    const s = createSession({ headless: true });
    await s.run('docker network create lab');
    let t = timelineOf(s);
    for (const line of ['docker run -d --name one --network lab busybox sleep 99', 'cd /tmp', 'docker rm -f one']) {
      await s.run(line);
      t = record(s, t);
    }
    const b = await rebuild(eventsUntil(s, t, 2), t.base, { prompt: (p) => `<${p}>` });
    expect(b.intro.startsWith('<root@dockerlings:~# >docker run -d --name one --network lab busybox sleep 99\n')).toBe(true);
    expect(b.intro).toMatch(/^<root@dockerlings:~# >docker run -d --name one --network lab busybox sleep 99\n(Unable to find image[\s\S]*)?[0-9a-f]{64}\n<root@dockerlings:~# >cd \/tmp\n$/);
    expect(b.timeline.base).toBe(1);
    expect(b.timeline.states).toHaveLength(2);
    expect(names(b.session.engine.state)).toEqual(['one']);
    expect(b.session.prompt()).toBe('root@dockerlings:/tmp# ');
    expect(b.timeline.states[0]).toEqual(t.states[0]);
    // the branch goes its own way; the original is untouched
    await b.session.run('docker run -d --name three busybox sleep 1');
    expect(names(b.session.engine.state)).toEqual(['one', 'three']);
    expect(names(s.engine.state)).toEqual([]);
  });

  it('a branch from before the first step has the setup only and no transcript', async () => {
    const s = createSession({ headless: true });
    await s.run('docker volume create data');
    const t0 = timelineOf(s);
    await s.run('docker volume rm data');
    const t = record(s, t0);
    const b = await rebuild(eventsUntil(s, t, 0), t.base);
    expect(b.intro).toBe('');
    expect(Object.keys(b.session.engine.state.volumes)).toEqual(['data']);
    expect(b.timeline.states).toEqual([]);
  });

  it('with no setup, the start is the empty engine', async () => {
    const s = createSession({ headless: true });
    const t0 = timelineOf(s);
    await s.run('docker pull alpine');
    const t = record(s, t0);
    const b = await rebuild(eventsUntil(s, t, 1), 0);
    expect(Object.keys(b.timeline.start.images)).toEqual([]);
    expect(b.intro).toMatch(/^root@dockerlings:~# docker pull alpine\nUsing default tag: latest\n/);
  });
});
