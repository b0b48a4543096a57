// Python's interactive prompt in a container's terminal (`docker run -it python`, `docker exec -it c python3`):
// which commands open it, its >>> and ... prompts, and when a typed input is complete enough to run.

/** An open prompt: the interpreter's name, the inputs run so far (its state: they are run again before the next one,
 *  so a checkpoint of the session stays plain data) and the lines of an input still being typed. */
export interface ReplState {
  exe: string;
  inputs: string[];
  buffer: string[];
}

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** python, python3 or python3.N with nothing to run: the interactive prompt (when stdin and stdout are a terminal). */
export const isRepl = (argv: string[]): boolean => argv.length === 1 && /^python(3(\.\d+)?)?$/.test(base(argv[0] ?? ''));

export const newRepl = (exe: string): ReplState => ({ exe, inputs: [], buffer: [] });

// CPython 3.13's interactive console colours its prompts bold magenta on a terminal that can show colour
const BOLD_MAGENTA = '\x1b[1;35m';
const RESET = '\x1b[0m';

/** `>>> `, or `... ` while an input goes on. */
export const replPrompt = (st: ReplState): string => `${BOLD_MAGENTA}${st.buffer.length ? '...' : '>>>'} ${RESET}`;

/**
 * What to do with the lines typed so far: run them, or wait for more. A compound statement (its first line ends with
 * a colon) runs at the first blank line; anything else runs as soon as it parses, or when it is an error that is not
 * about input ending too early (an open bracket or triple quote asks for more).
 */
export async function inputReady(lines: string[]): Promise<boolean> {
  const first = lines[0] ?? '';
  if (/:\s*(#.*)?$/.test(first.trimEnd())) return lines.length > 1 && lines[lines.length - 1].trim() === '';
  const { parse, PySyntaxError } = await import('./lang/py-parse');
  try {
    parse(lines.join('\n') + '\n');
    return true;
  } catch (e) {
    return !(e instanceof PySyntaxError && e.line > lines.length);
  }
}
