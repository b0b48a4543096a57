// Test and lesson helper: run typed lines in a fresh headless session and get the transcript text.
import { runScript, type Step } from './sim';

/** The runner's transcript (`$ line` then what the terminal shows) for a script. */
export async function transcript(script: string, seed = 1): Promise<string> {
  let out = '';
  for await (const s of runScript(script, { seed })) out += `${s.prompt}${s.line}\n${s.output}`;
  return out;
}

/** Every step of a script, for asserting streams and exit codes. */
export async function steps(script: string, seed = 1): Promise<Step[]> {
  const all: Step[] = [];
  for await (const s of runScript(script, { seed })) all.push(s);
  return all;
}

/** Replace ids and digests with stable placeholders so a test can compare full text. */
export function normalizeIds(text: string): string {
  return text
    .replace(/sha256:[0-9a-f]{64}/g, 'sha256:<digest>')
    .replace(/\b[0-9a-f]{64}\b/g, '<id64>')
    .replace(/\b(?=[0-9a-f]*[a-f])[0-9a-f]{12}\b/g, '<id12>');
}

/** Drop colour escapes (SGR) so a test compares the text a reader sees. */
export const noColor = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

/** The transcript of a script with ids normalised and colours dropped. */
export const plainTranscript = async (script: string, seed = 1) => noColor(normalizeIds(await transcript(script, seed)));

/** A transcript from the step that typed `line` on (its first occurrence). */
export const fromLine = (out: string, line: string) => out.slice(out.indexOf(`$ ${line}\n`));
