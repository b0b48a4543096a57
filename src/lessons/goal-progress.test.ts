// Goals over a session: actions are met by the event and stay met; state goals untick and say which command undid them.
import { describe, expect, it } from 'vitest';
import type { EngineState, PacketRecord } from '../engine/index';
import { createSession } from '../shell/session';
import { lessons } from './catalog';
import { goalsAndSolve, goalsOver, goalTracker, isActionCheck, type StepPackets } from './goal-progress';
import type { CheckContext } from './check-kit';

/** Run setup, then each line, and return the goal statuses after every line. */
async function walk(setup: string[], lines: string[], checks: string[], ctx: CheckContext = {}) {
  const s = createSession({ seed: 42, headless: true });
  for (const l of setup) await s.run(l);
  const start = s.engine.state;
  const states: EngineState[] = [];
  const packets: StepPackets = { start: s.packetAfter(s.stepCount() - 1), after: [] };
  const pk = packets.after as (PacketRecord | undefined)[];
  const after: ReturnType<typeof goalsOver>[] = [];
  const tracked = goalTracker(); // reads only the new step each time: it must agree with the walk over every step
  for (const l of lines) {
    await s.run(l);
    states.push(s.engine.state);
    pk.push(s.packetAfter(s.stepCount() - 1));
    after.push(goalsOver(checks, start, states, lines, packets, ctx));
    expect(tracked(checks, start, states, lines, packets, ctx)).toEqual(goalsAndSolve(checks, start, states, lines, packets, ctx));
  }
  // a history that changed under it (time travel back two steps, then a different step) starts it over
  if (states.length > 2) {
    const other = [...states.slice(0, -2), start];
    expect(tracked(checks, start, other, lines, packets, ctx)).toEqual(goalsAndSolve(checks, start, other, lines, packets, ctx));
  }
  return { initial: goalsOver(checks, start, [], [], packets, ctx), after };
}

const isolation = lessons().find((l) => l.id === '04-networking/03-isolation-and-connect')!;
const checks = isolation.goals.map((g) => g.check);

describe('goal progress', () => {
  it('knows which checks are actions', () => {
    expect(checks.map(isActionCheck)).toEqual([false, true, true]);
  });

  it('connecting the network does not tick "a ping reaches box2"; the ping does, and disconnecting unticks only the state goal', async () => {
    const { initial, after } = await walk(isolation.setup, [
      'docker exec box1 ping -c 1 172.22.16.8',
      'docker network connect my_net2 box1',
      'docker exec box1 ping -c 1 172.22.16.8',
      'docker network disconnect my_net2 box1',
      'docker exec box1 ping -c 1 172.22.16.8',
    ], checks);
    expect(initial).toEqual([{ met: false }, { met: false }, { met: false }]);
    expect(after[0]).toEqual([{ met: false }, { met: false }, { met: false }]); // dropped by the isolation rules
    expect(after[1]).toEqual([{ met: true }, { met: false }, { met: false }]);
    expect(after[2]).toEqual([{ met: true }, { met: true }, { met: true }]);
    expect(after[3]).toEqual([{ met: false, undoneBy: 'docker network disconnect my_net2 box1' }, { met: true }, { met: true }]);
    expect(after[4]).toEqual([{ met: false, undoneBy: 'docker network disconnect my_net2 box1' }, { met: true }, { met: true }]);
  });

  it('a ping from another container or to another address is not the event asked for', async () => {
    const { after } = await walk(isolation.setup, [
      'docker network connect my_net2 box1',
      'docker exec box2 ping -c 1 172.22.16.2',
      'docker exec box1 ping -c 1 172.18.0.1',
    ], checks);
    expect(after[2].map((g) => g.met)).toEqual([true, false, false]);
  });

  const withActions = lessons().filter((l) => l.goals.some((g) => isActionCheck(g.check)));
  it.each(withActions.map((l) => [l.id, l] as const))('%s: the solution meets every goal, step by step', async (_id, lesson) => {
    const { initial, after } = await walk(lesson.setup, lesson.solution, lesson.goals.map((g) => g.check), { target: lesson.target });
    expect(initial.every((g) => !g.met)).toBe(true);
    expect(after[after.length - 1].map((g) => g.met)).toEqual(lesson.goals.map(() => true));
  });
});
