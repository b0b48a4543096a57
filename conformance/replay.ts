// Replays a transcript through the simulator and compares each step with the real daemon's recording.
import { createSession } from '../src/shell/session.ts';
import { normalise } from './normalise.ts';
import { applyDeclared, DIFFERENCES, type Difference } from './differences.ts';
import { readRecording, type RecordedStep } from './transcript.ts';

export type Verdict = 'match' | 'declared' | 'fail';

export interface StepResult {
  key: string; // transcript#n (1-based)
  line: string;
  verdict: Verdict;
  expected: RecordedStep; // recording, normalised (with a declared difference applied)
  actual: RecordedStep; // simulator, normalised
}

const norm = (s: RecordedStep): RecordedStep => ({ line: s.line, stdout: normalise(s.stdout), stderr: normalise(s.stderr), exitCode: s.exitCode });
const same = (a: RecordedStep, b: RecordedStep) => a.stdout === b.stdout && a.stderr === b.stderr && a.exitCode === b.exitCode;

export async function replay(name: string): Promise<StepResult[]> {
  const rec = readRecording(name);
  const session = createSession({ seed: 1, headless: true, terminal: false });
  // the same starting point as the recording: busybox present, nothing else (not a compared step)
  await session.run('docker pull -q busybox >/dev/null');
  await session.run('clear');
  const out: StepResult[] = [];
  for (const [i, step] of rec.steps.entries()) {
    const key = `${name}#${i + 1}`;
    const r = await session.run(step.line);
    const actual = norm({ line: step.line, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
    const expected = norm(step);
    const diff: Difference | undefined = DIFFERENCES.find((d) => d.step === key);
    if (same(expected, actual)) out.push({ key, line: step.line, verdict: 'match', expected, actual });
    else if (diff?.kind === 'declared') {
      const declared = norm(applyDeclared(diff, step));
      out.push({ key, line: step.line, verdict: same(declared, actual) ? 'declared' : 'fail', expected: declared, actual });
    } else out.push({ key, line: step.line, verdict: 'fail', expected, actual });
  }
  return out;
}
