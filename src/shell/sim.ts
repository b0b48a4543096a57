// Runs a script of typed lines in a fresh headless session and yields one transcript step per typed line.
import { createSession } from './session';

export interface Step {
  line: string;
  prompt: string;
  stdout: string;
  stderr: string;
  exitCode: number;
  output: string;
}

/** Split a script into typed lines: `#` comment lines and blank lines dropped (unless what reads the terminal takes
 *  them: `takesBlank`), heredocs and continuations kept whole. Lazy, so each line is split as the session stands. */
export function* typedLines(text: string, needsMore: (s: string) => boolean, takesBlank: () => boolean = () => false): Generator<string> {
  let buf: string[] = [];
  for (const raw of text.replace(/\r\n/g, '\n').split('\n')) {
    if (buf.length === 0 && raw.trim() === '' && takesBlank()) {
      yield raw;
      continue;
    }
    if (buf.length === 0 && (/^\s*#/.test(raw) || raw.trim() === '')) continue;
    buf.push(raw);
    const joined = buf.join('\n');
    if (!needsMore(joined)) {
      yield joined;
      buf = [];
    }
  }
  if (buf.length) yield buf.join('\n');
}

/** Run each typed line; same seed ⇒ byte-identical results. */
export async function* runScript(text: string, opts: { seed?: number } = {}): AsyncGenerator<Step> {
  const session = createSession({ seed: opts.seed ?? 1, headless: true, timeline: false }) // no time travel: a long script keeps no per-step states;
  for (const line of typedLines(text, (s) => session.needsMoreInput(s), () => session.takesBlankLines())) {
    // the host prompt is written `$ `; inside a container the transcript shows the container's own prompt
    const prompt = session.inContainer() ? session.prompt() : '$ ';
    const r = await session.run(line);
    yield { line, prompt, stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output: r.output };
  }
}
