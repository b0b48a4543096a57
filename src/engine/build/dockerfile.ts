// Dockerfile text → AST, as moby/buildkit's frontend/dockerfile/parser does it (directives, escapes, continuations, JSON/shell forms).
import { dict } from '../dict';
import { extractBuilderFlags, parseWords } from './dockerfile-words';

export { extractBuilderFlags, parseWords };

/** A parse error; `line`/`endLine` (1-based) locate it in the Dockerfile when buildkit attaches a location. */
export class DockerfileError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly endLine?: number,
    /** 'parse': the parser itself failed (the classic builder prefixes `failed to parse Dockerfile: `). */
    readonly phase?: 'parse',
  ) {
    super(message);
    this.name = 'DockerfileError';
  }
}

/** One AST node (buildkit parser.Node): `value` keeps the case as written; `next` is the argument chain. */
export interface Node {
  value: string;
  original: string;
  flags: string[];
  next: Node[];
  /** ONBUILD's sub-instruction. */
  children: Node[];
  json: boolean;
  startLine: number;
  endLine: number;
  heredocs: { name: string; content: string; expand: boolean; chomp: boolean }[];
}

export interface ParseWarning {
  short: string;
  detail: string;
  url: string;
  line: number;
}

export interface ParseResult {
  children: Node[];
  warnings: ParseWarning[];
  escapeToken: string;
  /** Parser directives found at the top (`syntax`, `escape`, `check`), lower-case names. */
  directives: Record<string, string>;
}

const NOT_STRING_ARRAY = 'when using JSON array syntax, arrays must be comprised of strings only';
const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$/;
const ALLOWED_DIRECTIVES = new Set(['escape', 'syntax', 'check']);
const WS_SPLIT = /[\t\v\f\r ]+/;

const node = (value: string, next: Node[] = []): Node => ({ value, original: '', flags: [], next, children: [], json: false, startLine: 0, endLine: 0, heredocs: [] });

class Directives {
  escape = '\\';
  private done = false;
  private seen = new Set<string>();
  parsed: Record<string, string> = dict();
  continuation = /\\[ \t]*$/;

  /** DirectiveParser.ParseLine: directives only before any other line; each at most once. */
  line(text: string) {
    if (this.done) return;
    const m = DIRECTIVE.exec(text);
    const k = m?.[1].toLowerCase();
    if (!m || !k || !ALLOWED_DIRECTIVES.has(k)) {
      this.done = true;
      return;
    }
    if (this.seen.has(k)) throw new DockerfileError(`only one ${k} parser directive can be used`);
    this.seen.add(k);
    this.parsed[k] = m[2];
    if (k === 'escape') {
      if (m[2] !== '`' && m[2] !== '\\') throw new DockerfileError(`invalid escape token '${m[2]}' does not match \` or \\`);
      this.escape = m[2];
      this.continuation = new RegExp('\\' + m[2] + '[ \\t]*$');
    }
  }
}

const trimNewline = (s: string) => s.replace(/[\r\n]+$/, '');
const trimLeading = (s: string) => s.replace(/^\s+/, '');
const isComment = (s: string) => /^#/.test(trimLeading(trimNewline(s)));

function processLine(d: Directives, token: string, stripLeft: boolean): string {
  token = trimNewline(token);
  if (stripLeft) token = trimLeading(token);
  d.line(token);
  return /^#/.test(token) ? '' : token;
}

function trimContinuation(line: string, d: Directives): [string, boolean] {
  if (d.continuation.test(line)) return [line.replace(d.continuation, ''), false];
  return [line, true];
}

/** Parse a Dockerfile into instruction nodes (buildkit parser.Parse). Throws DockerfileError. */
export function parseDockerfile(text: string): ParseResult {
  const d = new Directives();
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  if (lines.length) lines[0] = lines[0].replace(/^\uFEFF/, '');
  const children: Node[] = [];
  const warnings: ParseWarning[] = [];
  let current = 0;
  let i = 0;
  const at = (e: unknown, start: number, end: number) => (e instanceof DockerfileError ? new DockerfileError(e.message, start, end < start ? start : end, 'parse') : e);
  while (i < lines.length) {
    let raw = lines[i++];
    try {
      raw = processLine(d, raw, true);
    } catch (e) {
      throw at(e, current, 0);
    }
    current++;
    const startLine = current;
    let [text, eol] = trimContinuation(raw, d);
    if (eol && text.length === 0) continue;
    let buf = text;
    let emptyContinuation = false;
    while (!eol && i < lines.length) {
      const orig = lines[i++];
      let l: string;
      try {
        l = processLine(d, orig, false);
      } catch (e) {
        throw at(e, current, 0);
      }
      current++;
      if (isComment(orig)) continue;
      if (trimLeading(trimNewline(l)).length === 0) {
        emptyContinuation = true;
        continue;
      }
      [text, eol] = trimContinuation(l, d);
      buf += text;
    }
    if (emptyContinuation) {
      warnings.push({ short: `Empty continuation line found in: ${buf}`, detail: 'Empty continuation lines will become errors in a future release', url: 'https://docs.docker.com/go/dockerfile/rule/no-empty-continuation/', line: current });
    }
    let child: Node;
    try {
      child = nodeFromLine(buf, d);
    } catch (e) {
      throw at(e, startLine, current);
    }
    if (['run', 'copy', 'add'].includes(child.value.toLowerCase()) && buf.includes('<<')) {
      for (const h of heredocsFromLine(buf)) {
        let terminated = false;
        let content = '';
        while (i < lines.length) {
          const l = lines[i++];
          current++;
          let possible = trimNewline(l);
          if (h.chomp) possible = possible.replace(/^\t+/, '');
          if (possible === h.name) {
            terminated = true;
            break;
          }
          content += l + '\n';
        }
        if (!terminated) throw new DockerfileError('unterminated heredoc', startLine, current, 'parse');
        child.heredocs.push({ ...h, content });
      }
    }
    child.startLine = startLine;
    child.endLine = current;
    children.push(child);
  }
  if (children.length === 0) throw new DockerfileError('file with no instructions', current, current, 'parse');
  return { children, warnings, escapeToken: d.escape, directives: d.parsed };
}

/** Heredoc words (`<<EOF`, `<<-"EOF"`) in a RUN/COPY/ADD line. */
function heredocsFromLine(line: string): { name: string; expand: boolean; chomp: boolean }[] {
  const out: { name: string; expand: boolean; chomp: boolean }[] = [];
  for (const m of line.matchAll(/(?:^|\s)\d*<<(-?)(["']?)([A-Za-z_][\w.-]*)\2(?=\s|$)/g)) out.push({ name: m[3], expand: m[2] === '', chomp: m[1] === '-' });
  return out;
}

function nodeFromLine(line: string, d: Directives): Node {
  const trimmed = line.trim();
  const ws = WS_SPLIT.exec(trimmed);
  const cmd = ws ? trimmed.slice(0, ws.index) : trimmed;
  let args = '';
  let flags: string[] = [];
  if (ws) [args, flags] = extractBuilderFlags(trimmed.slice(ws.index + ws[0].length));
  args = args.trim();
  const fn = DISPATCH[cmd.toLowerCase()] ?? (() => ({ next: [] }));
  const r = fn(args, d);
  return { ...node(cmd), original: line, flags, next: r.next, children: r.children ?? [], json: !!r.json };
}

type Parsed = { next: Node[]; children?: Node[]; json?: boolean };

function parseNameVal(rest: string, key: string, d: Directives): Parsed {
  const words = parseWords(rest, d.escape);
  if (words.length === 0) return { next: [] };
  if (!words[0].includes('=')) {
    const m = WS_SPLIT.exec(rest);
    if (!m) throw new DockerfileError(`${key} must have two arguments`);
    return { next: [node(rest.slice(0, m.index)), node(rest.slice(m.index + m[0].length)), node('')] };
  }
  const next: Node[] = [];
  for (const w of words) {
    if (!w.includes('=')) throw new DockerfileError(`Syntax error - can't find = in ${JSON.stringify(w)}. Must be of the form: name=value`);
    const eq = w.indexOf('=');
    next.push(node(w.slice(0, eq)), node(w.slice(eq + 1)), node('='));
  }
  return { next };
}

function whitespaceDelimited(rest: string): Parsed {
  if (rest === '') return { next: [] };
  return { next: rest.split(WS_SPLIT).map((s) => node(s)) };
}

function parseJSON(rest: string): Parsed | null {
  rest = trimLeading(rest);
  if (!rest.startsWith('[')) return null;
  let v: unknown;
  try {
    v = JSON.parse(rest);
  } catch {
    return null;
  }
  if (!Array.isArray(v)) return null;
  if (v.some((x) => typeof x !== 'string')) throw new DockerfileError(NOT_STRING_ARRAY);
  return { next: (v as string[]).map((s) => node(s)), json: true };
}

function maybeJSON(rest: string): Parsed {
  if (rest === '') return { next: [] };
  return parseJSON(rest) ?? { next: [node(rest)] };
}

const DISPATCH: Record<string, (rest: string, d: Directives) => Parsed> = {
  add: (r) => parseJSON(r) ?? whitespaceDelimited(r),
  copy: (r) => parseJSON(r) ?? whitespaceDelimited(r),
  volume: (r) => parseJSON(r) ?? whitespaceDelimited(r),
  arg: (r, d) => ({ next: parseWords(r, d.escape).map((w) => node(w)) }),
  cmd: maybeJSON,
  entrypoint: maybeJSON,
  run: maybeJSON,
  shell: maybeJSON,
  env: (r, d) => parseNameVal(r, 'ENV', d),
  label: (r, d) => parseNameVal(r, 'LABEL', d),
  expose: whitespaceDelimited,
  from: whitespaceDelimited,
  maintainer: (r) => ({ next: r === '' ? [] : [node(r)] }),
  stopsignal: (r) => ({ next: r === '' ? [] : [node(r)] }),
  user: (r) => ({ next: r === '' ? [] : [node(r)] }),
  workdir: (r) => ({ next: r === '' ? [] : [node(r)] }),
  onbuild: (r, d) => {
    if (r === '') return { next: [] };
    const child = nodeFromLine(r, d);
    return { next: [{ ...node(''), children: [child] }] };
  },
  healthcheck: (r) => {
    const m = /\s/.exec(r);
    const sep = m ? m.index : r.length;
    if (sep === 0) return { next: [] };
    const cmd = maybeJSON(trimLeading(r.slice(sep)));
    return { next: [node(r.slice(0, sep)), ...cmd.next], json: cmd.json };
  },
};

/** buildkit Node.Dump: `(copy ["--from=build"] "/out/app" "/usr/local/bin/app")`, `(onbuild (run "echo test"))`. */
export function dumpNode(n: Node): string {
  let s = n.value.toLowerCase();
  if (n.flags.length) s += ` [${n.flags.map(quote).join(' ')}]`;
  for (const c of n.children) s += `(${dumpNode(c)})\n`;
  for (const a of n.next) s += ' ' + (a.children.length ? dumpNode(a) : quote(a.value));
  return s.trim();
}

/** Go strconv.Quote for the dump (printable text, \t \n escapes). */
function quote(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\u009f]/g, (c) => '\\x' + c.charCodeAt(0).toString(16).padStart(2, '0'));
}

/** nodeArgs: the argument strings of an instruction (ONBUILD: sub-instruction keyword, then its dump). */
export function nodeArgs(n: Node): string[] {
  const out: string[] = [];
  for (const a of n.next) {
    if (a.children.length === 0) out.push(a.value);
    else if (a.children.length === 1) out.push(a.children[0].value, dumpNode(a.children[0]));
  }
  return out;
}
