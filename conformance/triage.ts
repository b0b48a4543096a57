// After a new recording: prints a differences.ts entry for every failing step not listed yet (declared when some
// rules turn the recording into the simulator's text, otherwise a defect to describe). `npx tsx conformance/triage.ts`
import { DECLARED_RULES, type RuleId } from './rules.ts';
import { applyDeclared, DIFFERENCES } from './differences.ts';
import { normalise } from './normalise.ts';
import { replay } from './replay.ts';
import { readRecording, transcriptNames } from './transcript.ts';

const ids = Object.keys(DECLARED_RULES) as RuleId[];
const subsets = (xs: RuleId[]): RuleId[][] => xs.reduce<RuleId[][]>((acc, x) => acc.concat(acc.map((s) => [...s, x])), [[]]).filter((s) => s.length && s.length <= 3);
const listed = new Set(DIFFERENCES.map((d) => d.step));
const q = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

for (const name of process.argv.slice(2).length ? process.argv.slice(2) : transcriptNames()) {
  const rec = readRecording(name);
  for (const r of await replay(name)) {
    if (r.verdict !== 'fail' || listed.has(r.key)) continue;
    const step = rec.steps[Number(r.key.split('#')[1]) - 1];
    const fit = subsets(ids).find((rules) => {
      try {
        const d = applyDeclared({ step: r.key, line: r.line, kind: 'declared', what: '', rules }, step);
        return normalise(d.stdout) === r.actual.stdout && normalise(d.stderr) === r.actual.stderr && d.exitCode === r.actual.exitCode;
      } catch {
        return false;
      }
    });
    if (fit) process.stdout.write(`  declared(${q(r.key)}, ${q(r.line)}, ${fit.map(q).join(', ')}),\n`);
    else {
      const d = (['stdout', 'stderr', 'exitCode'] as const).filter((s) => r.expected[s] !== r.actual[s]).map((s) => `${s}: real ${JSON.stringify(r.expected[s])} sim ${JSON.stringify(r.actual[s])}`).join('; ');
      process.stdout.write(`  defect(${q(r.key)}, ${q(r.line)}, ${q('TODO ' + d.slice(0, 300))}),\n`);
    }
  }
}
