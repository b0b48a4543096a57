// Plain docker lines run without just-bash (shell/fast-docker.ts) end exactly as through it: every lesson's setup and solution, step by step.
import { describe, expect, it, vi } from 'vitest';
import { createSession, type SessionOptions } from '../shell/session';
import { lessons } from './catalog';

/** Everything a step leaves behind that a learner or a later step can see. */
async function step(s: ReturnType<typeof createSession>, line: string) {
  const r = await s.run(line);
  const c = await s.checkpoint();
  return { line, result: r, prompt: s.prompt(), env: c.env, files: c.files, history: c.history, journal: s.journal(), transcript: s.transcript(), state: s.engine.state };
}

/** Run `lines` in a session with the fast path and one without, comparing them after every line. */
async function compare(opts: SessionOptions, lines: string[]): Promise<void> {
  // just-bash's file system stamps some entries with the real clock (the files it makes with a session, symbolic links,
  // a folder a new file lands in): stopped, so that both sessions' files can be compared
  vi.useFakeTimers({ toFake: ['Date'], now: 0 });
  try {
    const fast = createSession({ ...opts, fastDocker: true });
    const slow = createSession({ ...opts, fastDocker: false });
    for (const line of lines) expect(await step(fast, line)).toEqual(await step(slow, line));
  } finally {
    vi.useRealTimers();
  }
}

describe('plain docker lines without just-bash, in the lessons', () => {
  it.each(lessons().map((l) => [l.id, l] as const))('lesson %s: setup and solution', async (_id, l) => {
    await compare({ seed: 42, headless: true }, [...l.setup, ...l.solution]);
  }, 120_000);
});
