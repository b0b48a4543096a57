// Language prompts in a container's terminal (`docker run -it python`, `docker exec -it c node`): which commands
// open one, their prompts (Python's >>> and ..., node's > and ..., irb's irb(main):001>, php's `php > `), and when a typed input is
// complete enough to run.
import { phpOpen } from './repl-php';

/** An open prompt: the interpreter's name, the inputs run so far (its state: they are run again before the next one,
 *  so a checkpoint of the session stays plain data) and the lines of an input still being typed. */
export interface ReplState {
  kind: ReplKind;
  exe: string;
  inputs: string[];
  buffer: string[];
}

export type ReplKind = 'python' | 'node' | 'ruby' | 'php';

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** Which prompt a program opens when it has nothing to run (python, python3, python3.N; node, nodejs; irb; php -a), if any. */
export function replKind(exe: string): ReplKind | null {
  const b = base(exe);
  return /^python(3(\.\d+)?)?$/.test(b) ? 'python' : b === 'node' || b === 'nodejs' ? 'node' : b === 'irb' ? 'ruby' : b === 'php' ? 'php' : null;
}

/** What an image's entrypoint script runs: docker-entrypoint.sh (node, python's kin, the databases) and
 *  docker-php-entrypoint exec their arguments; php's puts `php` before arguments that start with a dash. */
export function unwrapEntrypoint(argv: string[]): string[] {
  const b = base(argv[0] ?? '');
  if (b === 'docker-php-entrypoint' && argv.length > 1) return argv[1].startsWith('-') ? ['php', ...argv.slice(1)] : argv.slice(1);
  return b === 'docker-entrypoint.sh' && argv.length > 1 ? argv.slice(1) : argv;
}

/** The program of a command line that opens a prompt (when stdin and stdout are a terminal), seen through an image's
 *  entrypoint script; null when it runs something else. PHP's needs -a (a bare `php` reads a script from stdin). */
export function replExe(argv: string[]): string | null {
  const a = unwrapEntrypoint(argv);
  const kind = replKind(a[0] ?? '');
  return kind === 'php' ? (a.length === 2 && a[1] === '-a' ? a[0] : null) : a.length === 1 && kind !== null ? a[0] : null;
}

/** The interpreter a line typed at a container's shell starts with its prompt (`python3`, `/usr/local/bin/node`, `irb`,
 *  `php -a`: the program alone, nothing to run), or null. */
export function replCommand(line: string): string | null {
  const words = line.trim().split(/\s+/);
  return /^[\w./-]+$/.test(words[0] ?? '') ? replExe(words) : null;
}

export const isRepl = (argv: string[]): boolean => replExe(argv) !== null;

export const newRepl = (exe: string): ReplState => ({ kind: replKind(exe) ?? 'python', exe, inputs: [], buffer: [] });

/** The words that end a prompt when typed alone: Python's and irb's exit/quit (spaces around allowed), node's .exit,
 *  php's exit/quit exactly (readline_shell_run compares the whole line, also in the middle of an input). */
export const replExitLine = (st: ReplState, line: string): boolean =>
  st.kind === 'php' ? line === 'exit' || line === 'quit' : !st.buffer.length && (st.kind === 'node' ? /^\s*\.exit\s*$/ : /^\s*(exit|quit)\s*$/).test(line);

// CPython 3.13's interactive console colours its prompts bold magenta on a terminal that can show colour
const BOLD_MAGENTA = '\x1b[1;35m';
const RESET = '\x1b[0m';

/** irb's line number: every line typed at its prompt counts. */
const irbLine = (st: ReplState) => String(st.inputs.reduce((n, i) => n + i.split('\n').length, 1) + st.buffer.length).padStart(3, '0');

/** Python's `>>> ` (`... ` while an input goes on), node's `> ` (`... `), irb's `irb(main):001> ` (`irb(main):002* `),
 *  php's `php > ` (`php { `, `php ( `, `php " ` … inside an open block, call or string). */
export const replPrompt = (st: ReplState): string =>
  st.kind === 'php' ? phpOpen(st.buffer.length ? st.buffer.join('\n') + '\n' : '').prompt : st.kind === 'node' ? (st.buffer.length ? '... ' : '> ') : st.kind === 'ruby' ? `irb(main):${irbLine(st)}${st.buffer.length ? '*' : '>'} ` : `${BOLD_MAGENTA}${st.buffer.length ? '...' : '>>>'} ${RESET}`;

/** node's `.help`. */
export const NODE_HELP = `.break    Sometimes you get stuck, this gets you out
.clear    Alias for .break
.editor   Enter editor mode
.exit     Exit the REPL
.help     Print this help message
.load     Load JS from a file into the REPL session
.save     Save all evaluated commands in this REPL session to a file

Press Ctrl+C to abort current expression, Ctrl+D to exit the REPL
`;

/** Whether JavaScript source stops inside a bracket, a string, a template or a comment (node asks for more then). */
function jsOpen(src: string): boolean {
  let depth = 0;
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '/' && src[i + 1] === '/') {
      const nl = src.indexOf('\n', i);
      if (nl < 0) return false;
      i = nl;
    } else if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      if (end < 0) return true;
      i = end + 1;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      let j = i + 1;
      while (j < src.length && src[j] !== ch && (ch === '`' || src[j] !== '\n')) j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) return ch === '`';
      i = j;
    } else if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch)) depth--;
  }
  return depth > 0;
}

/**
 * What to do with the lines typed so far: run them, or wait for more. node runs them unless they stop inside an open
 * bracket, string or comment. In Python a compound statement (its first line ends with
 * a colon) runs at the first blank line; anything else runs as soon as it parses, or when it is an error that is not
 * about input ending too early (an open bracket or triple quote asks for more).
 */
export async function inputReady(kind: ReplKind, lines: string[]): Promise<boolean> {
  if (kind === 'node') return !jsOpen(lines.join('\n'));
  if (kind === 'php') return phpOpen(lines.join('\n') + '\n').valid;
  if (kind === 'ruby') {
    // irb runs an input once it parses; input that ends too early (an open def, block, bracket or string) waits for more
    const { parseRuby } = await import('./lang/rb-parse-kw');
    const { RbSyntaxError } = await import('./lang/rb-lex');
    try {
      parseRuby(lines.join('\n') + '\n');
      return true;
    } catch (e) {
      return !(e instanceof RbSyntaxError && e.eof);
    }
  }
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
