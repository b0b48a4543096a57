// Typing a lesson's or an exercise's setup into a live session: a setup line that waits (a [y/N] question, docker logs -f) gets Ctrl+C at once.
import type { EngineState } from '../engine/index';
import type { Session } from '../shell/session';
import type { Exercise } from './exercise';

/** What one setup line printed and how it ended (the teacher's form shows it before the link can be shared). */
export interface SetupLineResult {
  line: string;
  exitCode: number;
  output: string;
}

/** Run each setup line; while one waits for the terminal, it is interrupted (as a replay, which has no answers, does too). */
export async function runSetup(s: Session, lines: string[]): Promise<SetupLineResult[]> {
  const results: SetupLineResult[] = [];
  for (const line of lines) {
    let done = false;
    const run = s.run(line).finally(() => (done = true));
    while (!done) {
      s.interrupt(); // does nothing unless the command is waiting for an answer or for Ctrl+C
      await Promise.race([run, new Promise((r) => setTimeout(r, 10))]);
    }
    const r = await run;
    results.push({ line, exitCode: r.exitCode, output: r.output ?? r.stdout + r.stderr });
  }
  return results;
}

/** Try an exercise's setup in a fresh simulator (its seed): each line's output and exit status. */
export async function trySetup(lines: string[], seed = 1): Promise<SetupLineResult[]> {
  return (await trySetupState(lines, seed)).results;
}

/** The same, with the engine state the setup leaves (what the student starts from: the teacher's preview draws it). */
export async function trySetupState(lines: string[], seed = 1): Promise<{ results: SetupLineResult[]; state: EngineState }> {
  const { createSession } = await import('../shell/session');
  const s = createSession({ seed });
  const results = await runSetup(s, lines); // as the student's page runs it
  return { results, state: s.engine.state };
}

/** A live session for an exercise: its seed, its setup typed. */
export async function startExercise(ex: Exercise): Promise<Session> {
  const { createSession } = await import('../shell/session');
  const s = createSession({ seed: ex.seed ?? 1 });
  await runSetup(s, ex.setup);
  return s;
}
