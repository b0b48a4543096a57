// Replaying a session's journal rebuilds the same engine state, host files, shell state and transcript.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession, type Session } from './session';
import { isJournal, steps, type JournalEvent } from './journal';
import { replay } from './replay';

afterEach(() => {
  vi.useRealTimers();
});

/** Run lines in a live (non-headless) session, answering questions as a learner at the terminal would. */
async function live(lines: (string | { line: string; answer?: string; ticks?: number })[]): Promise<{ s: Session; shown: string }> {
  const s = createSession({ seed: 7 });
  let shown = '';
  for (const item of lines) {
    const { line, answer, ticks } = typeof item === 'string' ? { line: item, answer: undefined, ticks: undefined } : item;
    shown += s.prompt() + line + '\n';
    if (ticks !== undefined) vi.useFakeTimers();
    const done = s.run(line, (t) => (shown += t));
    if (answer !== undefined) {
      await vi.waitFor(() => expect(s.asking()).not.toBeNull());
      shown += answer + '\n';
      s.answer(answer);
    }
    if (ticks !== undefined) {
      await vi.advanceTimersByTimeAsync(10 + ticks * 1000);
      s.interrupt();
      vi.useRealTimers();
    }
    await done;
  }
  return { s, shown };
}

describe('journal', () => {
  it('records lines, answers, clock ticks, Ctrl+C and detach', async () => {
    const { s } = await live([
      "docker run -d --name loop busybox sh -c 'while true; do echo x; sleep 1; done'",
      { line: 'docker logs -f loop', ticks: 2 },
      { line: 'docker container prune', answer: 'y' },
      'docker run -it --name shell ubuntu bash',
    ]);
    s.detach();
    expect(s.journal()).toEqual([
      { k: 'line', line: "docker run -d --name loop busybox sh -c 'while true; do echo x; sleep 1; done'" },
      { k: 'line', line: 'docker logs -f loop' },
      { k: 'tick' },
      { k: 'tick' },
      { k: 'interrupt' },
      { k: 'line', line: 'docker container prune' },
      { k: 'answer', line: 'y' },
      { k: 'line', line: 'docker run -it --name shell ubuntu bash' },
      { k: 'detach' },
    ]);
    expect(steps(s.journal()).map((st) => st.length)).toEqual([1, 4, 2, 1, 1]);
  });

  it('a replay rebuilds the engine state, the host files, the shell and what the terminal showed', async () => {
    const { s, shown } = await live([
      'mkdir app && cd app',
      "printf 'FROM busybox\\nRUN echo hi > /hi\\n' > Dockerfile",
      'docker build -q -t hi .',
      'docker run --name one hi cat /hi',
      "docker run -d --name loop busybox sh -c 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done'",
      { line: 'docker logs -f loop', ticks: 3 },
      'docker rm -f loop',
      { line: 'docker container prune', answer: 'y' },
      'docker run -it --name shell ubuntu bash',
      'echo inside > /note',
      'exit',
      'export X=1; false',
    ]);
    let replayed = '';
    const r = await replay(s.journal(), { seed: 7, out: (t) => (replayed += t) });
    expect(r.engine.state).toEqual(s.engine.state);
    expect(r.journal()).toEqual(s.journal());
    expect(await r.fs.readFile('/root/app/Dockerfile')).toBe('FROM busybox\nRUN echo hi > /hi\n');
    expect(r.prompt()).toBe('root@dockerlings:~/app# ');
    expect((await r.run('echo $X $?')).stdout).toBe('1 1\n');
    expect(replayed).toBe(shown);
    expect(replayed).toContain('tick 0\ntick 1\n');
    expect(replayed).toContain('Are you sure you want to continue? [y/N] y\nDeleted Containers:\n');
  }, 20_000); // a dozen lines with a build, run live and then replayed: seconds on a busy machine

  it('replaying a prefix stops at that step, and a detach is replayed as one', async () => {
    const { s } = await live(['docker run -it --name shell ubuntu bash']);
    s.detach();
    await s.run('docker ps --format {{.Names}}');
    const events = s.journal();
    const first = await replay(events.slice(0, 1), { seed: 7 });
    expect(first.inContainer()).toBe(true);
    const all = await replay(events, { seed: 7 });
    expect(all.inContainer()).toBe(false);
    expect(all.engine.state.containers).toEqual(s.engine.state.containers);
  });

  it('validates journals coming from outside', () => {
    expect(isJournal([{ k: 'line', line: 'docker ps' }, { k: 'tick' }])).toBe(true);
    expect(isJournal([{ k: 'line' }])).toBe(false);
    expect(isJournal([{ k: 'line', line: 'x', extra: 1 }])).toBe(false);
    expect(isJournal([{ k: 'eval', line: 'x' }])).toBe(false);
    expect(isJournal({ k: 'line', line: 'x' } as unknown)).toBe(false);
  });
});

describe('after a replay', () => {
  it('the session is live again: a question waits for the terminal', async () => {
    const r = await replay([{ k: 'line', line: 'docker run --name gone hello-world' }]);
    const done = r.run('docker container prune');
    await vi.waitFor(() => expect(r.asking()).toEqual({ secret: false }));
    r.answer('y');
    expect((await done).stdout).toMatch(/^WARNING! This will remove all stopped containers.\nAre you sure you want to continue\? \[y\/N\] Deleted Containers:\n[0-9a-f]{64}\n\nTotal reclaimed space: 0B\n$/);
  });
});
