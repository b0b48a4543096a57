// The Ruby subset's tokenizer: numbers, strings with #{} interpolation, symbols, %w/%i words, regexps, heredocs,
// labels (`name:`), and whether a token had space before it (Ruby's grammar depends on it: `puts -x` vs `a - x`).

export type Part = string | { code: string; line: number };
export interface Tok {
  t: 'int' | 'float' | 'str' | 'dstr' | 'sym' | 'dsym' | 'ident' | 'const' | 'ivar' | 'gvar' | 'cvar' | 'kw' | 'op' | 'nl' | 'eof' | 'regex' | 'words' | 'symbols' | 'label';
  v: string;
  parts?: Part[];
  words?: string[];
  line: number;
  /** White space came right before the token. */
  sp: boolean;
}

/** A syntax error with the line it is on and parse.y's wording (`unexpected X, expecting Y`). */
export class RbSyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly eof = false) {
    super(message);
  }
}

export const KEYWORDS = new Set(['alias', 'and', 'begin', 'break', 'case', 'class', 'def', 'defined?', 'do', 'else', 'elsif', 'end', 'ensure', 'false', 'for', 'if', 'in', 'module', 'next', 'nil', 'not', 'or', 'redo', 'rescue', 'retry', 'return', 'self', 'super', 'then', 'true', 'undef', 'unless', 'until', 'when', 'while', 'yield', '__method__', '__FILE__', '__LINE__', '__dir__']);
const OPS = ['**=', '<=>', '===', '...', '<<=', '>>=', '&&=', '||=', '&.', '**', '==', '!=', '>=', '<=', '&&', '||', '<<', '>>', '=~', '!~', '..', '::', '->', '=>', '+=', '-=', '*=', '/=', '%=', '|=', '&=', '^=',
  '+', '-', '*', '/', '%', '=', '<', '>', '!', '&', '|', '^', '~', '?', ':', ',', '.', ';', '(', ')', '[', ']', '{', '}'];
const ESC: Record<string, string> = { n: '\n', t: '\t', s: ' ', r: '\r', '0': '\0', e: '\x1b', a: '\x07', b: '\b', f: '\f', v: '\v' };
const CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

/** Whether a `/` or `%` after this token starts a literal (regexp, %w) rather than dividing. */
const valueEnd = (t: Tok | undefined) => !!t && (['int', 'float', 'str', 'dstr', 'sym', 'dsym', 'ident', 'const', 'ivar', 'gvar', 'cvar', 'regex', 'words', 'symbols'].includes(t.t) || (t.t === 'op' && [')', ']', '}'].includes(t.v)) || (t.t === 'kw' && ['end', 'self', 'nil', 'true', 'false'].includes(t.v)));

export function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  let line = 1;
  /** Heredoc bodies to skip when the lexer reaches them: [start, end, lines]. */
  const skips: [number, number, number][] = [];
  const push = (t: Tok['t'], v: string, sp: boolean, extra: Partial<Tok> = {}) => out.push({ t, v, line, sp, ...extra });

  /** Read a quoted body up to `close` (nesting `open`), with escapes and #{} when `interp`. */
  const body = (close: string, interp: boolean, open = ''): Part[] => {
    const parts: Part[] = [];
    let cur = '';
    let depth = 0;
    for (;;) {
      if (i >= src.length) throw new RbSyntaxError('unterminated string meets end of file', line, true);
      const ch = src[i];
      if (ch === '\\') {
        const n = src[i + 1];
        if (interp) {
          if (n === 'u' && src[i + 2] === '{') { const e = src.indexOf('}', i); cur += String.fromCodePoint(parseInt(src.slice(i + 3, e), 16)); i = e + 1; continue; }
          if (n === 'u') { cur += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16)); i += 6; continue; }
          if (n === '\n') { line++; i += 2; continue; }
          cur += ESC[n] ?? n;
        } else cur += n === close || n === '\\' || (open && n === open) ? n : '\\' + n;
        if (n === '\n') line++;
        i += 2;
        continue;
      }
      if (open && ch === open) depth++;
      if (ch === close) {
        if (depth === 0) { i++; break; }
        depth--;
      }
      if (interp && ch === '#' && src[i + 1] === '{') {
        if (cur) parts.push(cur);
        cur = '';
        let d = 1;
        let j = i + 2;
        const start = line;
        while (j < src.length && d) {
          if (src[j] === '{') d++;
          else if (src[j] === '}') d--;
          else if (src[j] === '\n') line++;
          else if (src[j] === '"' || src[j] === "'") { const q = src[j]; j++; while (j < src.length && src[j] !== q) j += src[j] === '\\' ? 2 : 1; }
          j++;
        }
        parts.push({ code: src.slice(i + 2, j - 1), line: start });
        i = j;
        continue;
      }
      if (ch === '\n') line++;
      cur += ch;
      i++;
    }
    if (cur || !parts.length) parts.push(cur);
    return parts;
  };
  const strTok = (parts: Part[], sp: boolean, t: 'str' | 'dsym' = 'str') => {
    if (parts.length === 1 && typeof parts[0] === 'string') push(t === 'dsym' ? 'sym' : 'str', parts[0], sp);
    else push(t === 'dsym' ? 'dsym' : 'dstr', '', sp, { parts });
  };

  while (i < src.length) {
    const skip = skips.find((s) => s[0] === i);
    if (skip) { i = skip[1]; line += skip[2]; continue; }
    const sp = i > 0 && /[ \t\\\n]/.test(src[i - 1]);
    const ch = src[i];
    if (ch === ' ' || ch === '\t' || ch === '\r') { i++; continue; }
    if (ch === '\\' && src[i + 1] === '\n') { i += 2; line++; continue; }
    if (ch === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (ch === '\n') {
      if (src.startsWith('=begin', i + 1)) {
        const e = src.indexOf('\n=end', i + 1);
        const stop = e < 0 ? src.length : src.indexOf('\n', e + 1) < 0 ? src.length : src.indexOf('\n', e + 1);
        line += src.slice(i, stop).split('\n').length - 1;
        i = stop;
        continue;
      }
      push('nl', '\n', sp);
      line++;
      i++;
      if (src.startsWith('__END__\n', i) || src.slice(i) === '__END__') break;
      continue;
    }
    if (/\d/.test(ch)) {
      const m = /^(0[xX][\da-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+(?![.\deE])|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?)/.exec(src.slice(i))!;
      const text = m[0].replace(/_/g, '');
      i += m[0].length;
      const radix = /^0[xX]/.test(text) ? 16 : /^0[bB]/.test(text) ? 2 : /^0\d|^0[oO]/.test(text) ? 8 : 0;
      if (radix) push('int', String(parseInt(text.replace(/^0[xXbBoO]?/, ''), radix)), sp);
      else push(m[2] || m[3] ? 'float' : 'int', text, sp);
      continue;
    }
    if (/[A-Za-z_\u0080-\uffff]/.test(ch)) {
      const m = /^[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*[?!]?/.exec(src.slice(i))!;
      let w = m[0];
      if (/[?!]$/.test(w) && src[i + w.length] === '=' && src[i + w.length + 1] !== '=' && src[i + w.length + 1] !== '~') w = w.slice(0, -1); // `x!= y`, `a?=`
      i += w.length;
      const prev = out[out.length - 1];
      if (src[i] === ':' && src[i + 1] !== ':' && !(prev?.t === 'op' && (prev.v === '?'))) { i++; push('label', w, sp); continue; }
      if (w === 'defined' && src[i] === '?') { i++; w = 'defined?'; }
      const afterDot = prev?.t === 'op' && (prev.v === '.' || prev.v === '&.' || (prev.v === '::' && /^[a-z]/.test(w)));
      push(!afterDot && KEYWORDS.has(w) ? 'kw' : /^[A-Z]/.test(w) ? 'const' : 'ident', w, sp);
      continue;
    }
    if (ch === '@' || ch === '$') {
      const m = /^(@@|@|\$)([A-Za-z_]\w*|[!@&~0-9_$?:"<>;,./\\*])/.exec(src.slice(i));
      if (!m) throw new RbSyntaxError(`'${ch}' without identifiers is not allowed as ${ch === '$' ? 'a global' : 'an instance'} variable name`, line);
      i += m[0].length;
      push(m[1] === '@@' ? 'cvar' : m[1] === '@' ? 'ivar' : 'gvar', m[0], sp);
      continue;
    }
    if (ch === '"' || ch === '`') { i++; strTok(body(ch, true), sp); continue; }
    if (ch === "'") { i++; strTok(body("'", false), sp); continue; }
    const prev = out[out.length - 1];
    const literalPos = !valueEnd(prev) || (prev.t === 'ident' && sp && !/\s/.test(src[i + 1] ?? ' '));
    if (ch === ':' && src[i + 1] === '"') { i += 2; strTok(body('"', true), sp, 'dsym'); continue; }
    if (ch === ':' && /[A-Za-z_]/.test(src[i + 1] ?? '') && !(prev?.t === 'op' && prev.v === '?' ) && (src[i - 1] !== ':' )) {
      const m = /^[A-Za-z_]\w*[?!=]?/.exec(src.slice(i + 1))!;
      let w = m[0];
      if (w.endsWith('=') && (src[i + 1 + w.length] === '>' || src[i + 1 + w.length] === '=')) w = w.slice(0, -1);
      i += 1 + w.length;
      push('sym', w, sp);
      continue;
    }
    if (ch === ':' && literalPos && /^:(\[\]=?|<=>|===?|=~|[+\-*/%<>]|<=|>=|<<|\*\*|!)/.test(src.slice(i))) {
      const m = /^:(\[\]=?|<=>|===?|=~|\*\*|<=|>=|<<|[+\-*/%<>!])/.exec(src.slice(i))!;
      i += m[0].length;
      push('sym', m[1], sp);
      continue;
    }
    if (ch === '/' && literalPos) {
      i++;
      const parts = body('/', true);
      const flags = /^[imxo]*/.exec(src.slice(i))![0];
      i += flags.length;
      push('regex', flags, sp, { parts: parts.map((p) => (typeof p === 'string' ? p.replace(/\\\//g, '/') : p)) });
      continue;
    }
    if (ch === '%' && literalPos && /^%[wWiIqQ]?[([{<|!/]/.test(src.slice(i))) {
      const kind = /[wWiIqQ]/.test(src[i + 1]) ? src[i + 1] : 'Q';
      i += kind === 'Q' && !/[wWiIqQ]/.test(src[i + 1]) ? 1 : 2;
      const open = src[i++];
      const close = CLOSE[open] ?? open;
      const parts = body(close, kind === 'Q' || kind === 'W' || kind === 'I', CLOSE[open] ? open : '');
      if (kind === 'w' || kind === 'W' || kind === 'i' || kind === 'I') {
        const words = parts.filter((p) => typeof p === 'string').join('').trim().split(/\s+/).filter(Boolean);
        push(kind.toLowerCase() === 'w' ? 'words' : 'symbols', '', sp, { words });
      } else strTok(parts, sp);
      continue;
    }
    if (ch === '<' && src[i + 1] === '<' && /^<<[~-]?(['"]?)[A-Z_]\w*\1/.test(src.slice(i)) && (literalPos || prev?.t === 'ident')) {
      const m = /^<<([~-]?)(['"]?)([A-Z_]\w*)\2/.exec(src.slice(i))!;
      i += m[0].length;
      const squiggly = m[1] === '~';
      let start = src.indexOf('\n', i);
      const last = skips.length ? skips[skips.length - 1] : null;
      if (last && last[0] === start + 1) start = last[1] - 1;
      if (start < 0) throw new RbSyntaxError(`can't find string "${m[3]}" anywhere before EOF`, line, true);
      const lines: string[] = [];
      let j = start + 1;
      let found = false;
      while (j <= src.length) {
        const e = src.indexOf('\n', j) < 0 ? src.length : src.indexOf('\n', j);
        const l = src.slice(j, e);
        j = e + 1;
        if ((m[1] ? l.trim() : l) === m[3]) { found = true; break; }
        lines.push(l);
        if (e >= src.length) break;
      }
      if (!found) throw new RbSyntaxError(`can't find string "${m[3]}" anywhere before EOF`, line, true);
      let text = lines.map((l) => l + '\n').join('');
      if (squiggly) {
        const ind = Math.min(...lines.filter((l) => l.trim()).map((l) => /^[ \t]*/.exec(l)![0].length));
        text = lines.map((l) => l.slice(Math.min(ind, /^[ \t]*/.exec(l)![0].length)) + '\n').join('');
      }
      skips.push([start + 1, Math.min(j, src.length), lines.length + 1]);
      if (m[2] === "'") push('str', text, sp);
      else {
        const [si, sl] = [i, line];
        const saved = src;
        src = text + '\u0000';
        i = 0;
        const parts = body('\u0000', true);
        src = saved;
        [i, line] = [si, sl];
        strTok(parts, sp);
      }
      continue;
    }
    if (ch === '?' && /^\?[A-Za-z0-9_](?![\w])/.test(src.slice(i)) && literalPos) { push('str', src[i + 1], sp); i += 2; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new RbSyntaxError(`Invalid char '${ch}' in expression`, line);
    i += op.length;
    push('op', op, sp);
  }
  out.push({ t: 'nl', v: '\n', line, sp: false });
  out.push({ t: 'eof', v: '', line, sp: false });
  return out;
}
