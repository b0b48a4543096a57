// Typing a lesson's or an exercise's setup into a live session: a setup line that waits (a [y/N] question, docker logs -f) gets Ctrl+C at once.
import type { Session } from '../shell/session';
import type { Exercise } from './exercise';

/** Run each setup line; while one waits for the terminal, it is interrupted (as a replay, which has no answers, does too). */
export async function runSetup(s: Session, lines: string[]): Promise<void> {
  for (const line of lines) {
    let done = false;
    const run = s.run(line).finally(() => (done = true));
    while (!done) {
      s.interrupt(); // does nothing unless the command is waiting for an answer or for Ctrl+C
      await Promise.race([run, new Promise((r) => setTimeout(r, 10))]);
    }
    await run;
  }
}

/** A live session for an exercise: its seed, its setup typed. */
export async function startExercise(ex: Exercise): Promise<Session> {
  const { createSession } = await import('../shell/session');
  const s = createSession({ seed: ex.seed ?? 1 });
  await runSetup(s, ex.setup);
  return s;
}
