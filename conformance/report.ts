// Prints the conformance replay: every failing step with expected/actual, then the totals. `npx tsx conformance/report.ts [NAME…]`
import { replay } from './replay.ts';
import { transcriptNames } from './transcript.ts';

const names = process.argv.slice(2).length ? process.argv.slice(2) : transcriptNames();
const total = { match: 0, declared: 0, fail: 0 };
for (const name of names) {
  for (const r of await replay(name)) {
    total[r.verdict]++;
    if (r.verdict !== 'fail') continue;
    process.stdout.write(`--- ${r.key}: ${r.line}\n`);
    for (const s of ['stdout', 'stderr', 'exitCode'] as const) {
      if (r.expected[s] !== r.actual[s]) process.stdout.write(`  ${s} real: ${JSON.stringify(r.expected[s])}\n  ${s}  sim: ${JSON.stringify(r.actual[s])}\n`);
    }
  }
}
process.stdout.write(`steps ${total.match + total.declared + total.fail}: match ${total.match}, declared ${total.declared}, fail ${total.fail}\n`);
