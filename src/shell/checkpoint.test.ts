// Checkpoints: a branch that starts from a checkpoint and replays the rest equals a full replay, byte for byte.
import { describe, expect, it, vi } from 'vitest';
import { createSession, type Session } from './session';
import { CHECKPOINT_EVERY, hostEntries } from './checkpoint';
import { rebuild } from './rebuild';
import { eventsUntil, record, timelineOf } from './timeline';

/** An engine state as text, Maps (the container table) included. */
const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

/** A learner's session: host files, containers, execs (PID counters), a question answered, a container shell, a detach. */
const LINES = [
  'docker run -d --name web nginx',
  'mkdir -p /root/site && echo hello > /root/site/index.html',
  'docker run -d --name box -v /root/site:/data busybox sleep 100000',
  "docker exec box sh -c 'echo one > /tmp/a'",
  'docker exec box ps',
  'cd /root/site',
  'export GREETING=hi',
  'docker network create lab',
  'docker network connect lab box',
  { line: 'docker container prune', answer: 'y' },
  'docker run -it --name sh1 busybox sh',
  'echo inside > /x',
  'cd /tmp',
  'detach',
  'ls -la',
  "docker exec box sh -c 'echo two >> /tmp/a'",
  'ps',
  'docker ps -a',
  'iptables -t nat -L -n',
  'echo $GREETING $PWD $RANDOM $SECONDS',
];

async function play(s: Session, n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    const item = LINES[i % LINES.length];
    if (item === 'detach') {
      s.detach();
      continue;
    }
    const { line, answer } = typeof item === 'string' ? { line: `${item}`.replace('--name sh1', `--name sh${i}`), answer: undefined } : item;
    const done = s.run(line);
    if (answer !== undefined) {
      await vi.waitFor(() => expect(s.asking()).not.toBeNull());
      s.answer(answer);
    }
    await done;
  }
}

// some host entries get the wall clock's time instead of the simulated one (just-bash's implicit parent dirs, the
// initial files): those differ between any two runs, replays included, so they compare as 'wall clock'
const wall = (t: number) => (Math.abs(t - Date.now()) < 600_000 ? 'wall clock' : t);
const files = async (s: Session) => (await hostEntries(s.fs)).map((e) => ({ ...e, mtime: wall(e.mtime), content: e.content && Buffer.from(e.content).toString('base64') }));

describe('checkpoints', () => {
  it('branching from a checkpoint equals a full replay: engine state, host files, transcript, timeline and what follows', async () => {
    const s = createSession({ seed: 3 });
    await s.run('docker pull -q busybox');
    let t = timelineOf(s);
    const total = CHECKPOINT_EVERY * 2 + 7;
    await play(s, total);
    t = record(s, t);
    expect(s.checkpoints().map((c) => c.steps)).toEqual([CHECKPOINT_EVERY, CHECKPOINT_EVERY * 2]);
    const at = CHECKPOINT_EVERY * 2 + 3;
    const events = eventsUntil(s, t, at);
    const color = (p: string) => `<${p}>`;
    const full = await rebuild(events, t.base, { seed: 3, prompt: color });
    const fast = await rebuild(events, t.base, { seed: 3, prompt: color, checkpoints: s.checkpoints() });
    expect(fast.intro).toBe(full.intro);
    expect(fast.intro).toContain('Are you sure you want to continue? [y/N] y\n');
    expect(fast.intro).toContain('\nread escape sequence\n');
    expect(json(fast.session.engine.state)).toBe(json(full.session.engine.state));
    expect(await files(fast.session)).toEqual(await files(full.session));
    expect(fast.session.journal()).toEqual(full.session.journal());
    expect(fast.session.prompt()).toBe(full.session.prompt());
    expect(fast.timeline.labels).toEqual(full.timeline.labels);
    expect(fast.timeline.states.map((x) => json(x))).toEqual(full.timeline.states.map((x) => json(x)));
    // the branch kept the checkpoints up to where it started, and both go on the same way (shells, PIDs, env, history)
    expect(fast.session.checkpoints().map((c) => c.steps)).toEqual([CHECKPOINT_EVERY, CHECKPOINT_EVERY * 2]);
    await play(fast.session, LINES.length);
    await play(full.session, LINES.length);
    expect(fast.session.transcript(t.base)).toEqual(full.session.transcript(t.base));
    expect(json(fast.session.engine.state)).toBe(json(full.session.engine.state));
    expect(await files(fast.session)).toEqual(await files(full.session));
    expect(fast.session.history()).toEqual(full.session.history());
  });

  it('a journal from another history (an edited step) does not use a checkpoint it does not begin with', async () => {
    const s = createSession({ seed: 1, headless: true });
    for (let i = 0; i < CHECKPOINT_EVERY + 2; i++) await s.run(`echo ${i} >> /root/log`);
    const events = s.journal();
    events[3] = { k: 'line', line: 'echo changed >> /root/log' };
    const b = await rebuild(events, 0, { checkpoints: s.checkpoints() });
    expect(await b.session.fs.readFile('/root/log')).toBe(['0', '1', '2', 'changed', ...Array.from({ length: CHECKPOINT_EVERY - 2 }, (_, i) => String(i + 4))].join('\n') + '\n');
  });
});
