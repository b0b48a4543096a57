// Every source of chance follows the session seed: a recorded journal replayed 20 times gives the same engine state,
// the same host files and the same terminal output each time ($RANDOM, awk rand(), generated names, $SECONDS).
import { describe, expect, it } from 'vitest';
import type { JournalEvent } from './journal';
import { replay } from './replay';
import { runScript } from './sim';

/** An engine state as text, Maps (the container table) included. */
const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v] : v));

const line = (l: string): JournalEvent => ({ k: 'line', line: l });

/** Journals as a session records them (time travel, completion codes and session files carry these). */
const JOURNALS: Record<string, JournalEvent[]> = {
  chance: [
    'echo $RANDOM $RANDOM $RANDOM',
    'awk "BEGIN { print rand(), int(rand() * 1000) }"',
    'n=$((RANDOM % 2)); docker run -d --name c$n busybox sleep 100',
    'docker run -d busybox sleep 100',
    'docker run --rm busybox sh -c \'echo $RANDOM\'',
    "docker run -d --name loop busybox sh -c 'for i in 1 2 3 4 5; do echo $RANDOM; sleep 1; done'",
    'sleep 3; echo $SECONDS',
    'docker logs loop',
    'for i in 1 2 3; do echo $RANDOM >> /root/r.txt; done; cat /root/r.txt',
    'docker ps -a --format "{{.Names}} {{.Status}}"',
  ].map(line),
  lesson: [
    'docker network create app',
    'docker run -d --name web --network app nginx',
    'docker run --rm --network app busybox wget -qO- web | head -3',
    'docker volume create data',
    'docker run --rm -v data:/d busybox sh -c "echo $RANDOM > /d/x; cat /d/x"',
    'docker container prune',
    { k: 'answer', line: 'y' } as JournalEvent,
    'docker inspect -f "{{.Name}} {{.NetworkSettings.Networks.app.IPAddress}}" web',
  ].map((e): JournalEvent => (typeof e === 'string' ? line(e) : e)),
};

async function replayed(events: JournalEvent[]) {
  let shown = '';
  const s = await replay(events, { seed: 7, out: (t) => (shown += t) });
  const files = (await s.run('find /root -type f | sort | xargs -r md5sum')).stdout;
  return { state: json(s.engine.state), shown, files };
}

describe('determinism', () => {
  it.each(Object.keys(JOURNALS))('the %s journal replays 20 times to the same state, files and output', async (name) => {
    const first = await replayed(JOURNALS[name]);
    for (let i = 1; i < 20; i++) expect(await replayed(JOURNALS[name])).toEqual(first);
    expect(first.shown).toContain(`root@dockerlings:~# ${(JOURNALS[name].at(-1) as { line: string }).line}\n`);
  }, 120_000);

  it('the seed decides $RANDOM: the same seed repeats it, another seed changes it', async () => {
    const run = async (seed: number) => {
      const out: string[] = [];
      for await (const st of runScript('echo $RANDOM $RANDOM\nawk "BEGIN { print rand() }"\necho $SECONDS', { seed })) out.push(st.stdout);
      return out;
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
    expect(a[2]).toBe('3\n'); // $SECONDS: three typed lines of simulated time
  });
});
