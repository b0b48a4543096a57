// The headless runner: `npm run --silent sim -- [--json] [--seed N] FILE|-` prints a transcript of a typed script.
import './sim-time'; // first: performance.now is patched before just-bash loads (simulated `time`)
import { readFileSync } from 'node:fs';
import { runScript } from './sim';
import { setInternalErrorReporter } from '../cli/index';

async function main() {
  // a simulator bug shows as its one-line `internal simulator error: …` in the transcript, never as a stack trace
  setInternalErrorReporter(() => {});
  const argv = process.argv.slice(2);
  let json = false;
  let seed = 1;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--json') json = true;
    else if (argv[i] === '--seed') seed = parseInt(argv[++i] ?? '1', 10);
    else file = argv[i];
  }
  if (!file) {
    process.stderr.write('usage: npm run --silent sim -- [--json] [--seed N] FILE|-\n');
    process.exit(2);
  }
  const text = readFileSync(file === '-' ? 0 : file, 'utf8');
  for await (const step of runScript(text, { seed })) {
    if (json) process.stdout.write(JSON.stringify({ line: step.line, stdout: step.stdout, stderr: step.stderr, exitCode: step.exitCode }) + '\n');
    else process.stdout.write(`${step.prompt}${step.line}\n${step.output}`);
  }
}

main().catch((e) => {
  process.stderr.write(`sim: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
