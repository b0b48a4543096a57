// Go text/template lexer (parse/lex.go): text, {{ }} actions, trim markers, comments; token positions for errors.
import { goQuote } from './format-go';

export type TokType =
  | 'error' | 'bool' | 'char' | 'charConst' | 'assign' | 'declare' | 'eof' | 'field' | 'identifier' | 'leftDelim'
  | 'leftParen' | 'number' | 'pipe' | 'rawString' | 'rightDelim' | 'rightParen' | 'space' | 'string' | 'text' | 'variable'
  // keywords
  | 'block' | 'break' | 'continue' | 'dot' | 'define' | 'else' | 'end' | 'if' | 'nil' | 'range' | 'template' | 'with';

export interface Token {
  typ: TokType;
  pos: number;
  val: string;
  line: number;
}

const KEYWORDS = new Set<TokType>(['block', 'break', 'continue', 'dot', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with']);
const KEYWORD_WORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'nil', 'range', 'template', 'with']);

/** Go item.String(): how a token is named in "unexpected X in Y" errors. */
export function tokenString(t: Token): string {
  if (t.typ === 'eof') return 'EOF';
  if (t.typ === 'error') return t.val;
  if (KEYWORDS.has(t.typ)) return `<${t.val}>`;
  const rs = [...t.val];
  return rs.length > 10 ? goQuote(rs.slice(0, 10).join('')) + '...' : goQuote(t.val);
}

/** Go `%#U`: `U+005B '['`. */
export function goRuneU(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  const u = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch) ? `${u} '${ch}'` : u;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\n';
const isAlphaNumeric = (c: string | undefined) => c !== undefined && /^[_\p{L}\p{Nd}]$/u.test(c);
const SPACES = /^[ \t\r\n]*/;
const hasLeftTrimMarker = (s: string) => s[0] === '-' && isSpace(s[1]);
const hasRightTrimMarker = (s: string) => isSpace(s[0]) && s[1] === '-';

/** Splits a template into tokens, ending with an `eof` or `error` token. */
export function lex(input: string): Token[] {
  const items: Token[] = [];
  let pos = 0;
  let start = 0;
  let parenDepth = 0;
  const lineAt = (p: number) => input.slice(0, p).split('\n').length;
  const at = (p = pos): string | undefined => {
    const cp = input.codePointAt(p);
    return cp === undefined ? undefined : String.fromCodePoint(cp);
  };
  const emit = (typ: TokType) => {
    items.push({ typ, pos: start, val: input.slice(start, pos), line: lineAt(start) });
    start = pos;
  };
  const fail = (msg: string): Token[] => {
    items.push({ typ: 'error', pos: start, val: msg, line: lineAt(start) });
    return items;
  };
  const atRightDelim = (): [boolean, boolean] => {
    if (hasRightTrimMarker(input.slice(pos)) && input.startsWith('}}', pos + 2)) return [true, true];
    return [input.startsWith('}}', pos), false];
  };
  const atTerminator = () => {
    const r = at();
    return r === undefined || isSpace(r) || '.,|:)(}'.includes(r);
  };
  const scanAlnum = () => {
    while (isAlphaNumeric(at())) pos += at()!.length;
  };
  const accept = (valid: string) => {
    const r = at();
    if (r !== undefined && valid.includes(r)) return (pos += r.length), true;
    return false;
  };
  const acceptRun = (valid: string) => {
    while (accept(valid));
  };
  const scanNumber = (): boolean => {
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) accept('+-'), acceptRun('0123456789_');
    if (digits.length === 23 && accept('pP')) accept('+-'), acceptRun('0123456789_');
    accept('i');
    if (isAlphaNumeric(at())) return (pos += at()!.length), false;
    return true;
  };

  for (;;) {
    // text up to the next "{{"
    const x = input.indexOf('{{', pos);
    if (x < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      emit('eof');
      return items;
    }
    pos = x;
    const trimLen = hasLeftTrimMarker(input.slice(x + 2)) ? /[ \t\r\n]*$/.exec(input.slice(start, x))![0].length : 0;
    pos -= trimLen;
    if (pos > start) emit('text');
    pos = x + 2;
    const trim = hasLeftTrimMarker(input.slice(pos));
    const after = trim ? 2 : 0;
    if (input.startsWith('/*', pos + after)) {
      start = pos += after;
      const end = input.indexOf('*/', pos + 2);
      if (end < 0) return fail('unclosed comment');
      pos = end + 2;
      const [delim, trimSpace] = atRightDelim();
      if (!delim) return fail('comment ends before closing delimiter');
      pos += (trimSpace ? 2 : 0) + 2;
      if (trimSpace) pos += SPACES.exec(input.slice(pos))![0].length;
      start = pos;
      continue;
    }
    start = x;
    emit('leftDelim');
    start = pos += after;
    parenDepth = 0;
    // inside the action
    for (;;) {
      const [delim, trimSpace] = atRightDelim();
      if (delim) {
        if (parenDepth !== 0) return fail('unclosed left paren');
        if (trimSpace) start = pos += 2;
        pos += 2;
        emit('rightDelim');
        if (trimSpace) start = pos += SPACES.exec(input.slice(pos))![0].length;
        break;
      }
      const r = at();
      if (r === undefined) return fail('unclosed action');
      if (isSpace(r)) {
        let n = 0;
        while (isSpace(at())) pos++, n++;
        if (hasRightTrimMarker(input.slice(pos - 1)) && input.startsWith('}}', pos + 1)) {
          pos--;
          if (n === 1) continue;
        }
        emit('space');
        continue;
      }
      pos += r.length;
      if (r === '=') emit('assign');
      else if (r === ':') {
        if (at() !== '=') return fail('expected :=');
        pos++;
        emit('declare');
      } else if (r === '|') emit('pipe');
      else if (r === '"' || r === "'") {
        for (;;) {
          const c = at();
          if (c === '\\') {
            pos++;
            const e = at();
            if (e !== undefined && e !== '\n') {
              pos += e.length;
              continue;
            }
          }
          if (c === undefined || c === '\\' || c === '\n') return fail(r === '"' ? 'unterminated quoted string' : 'unterminated character constant');
          pos += c.length;
          if (c === r) break;
        }
        emit(r === '"' ? 'string' : 'charConst');
      } else if (r === '`') {
        const end = input.indexOf('`', pos);
        if (end < 0) return fail('unterminated raw quoted string');
        pos = end + 1;
        emit('rawString');
      } else if (r === '$' || (r === '.' && !/[0-9]/.test(at() ?? '0'))) {
        if (atTerminator()) {
          emit(r === '$' ? 'variable' : 'dot');
          continue;
        }
        scanAlnum();
        if (!atTerminator()) return fail(`bad character ${goRuneU(at()!)}`);
        emit(r === '$' ? 'variable' : 'field');
      } else if (r === '.' || r === '+' || r === '-' || (r >= '0' && r <= '9')) {
        pos -= r.length;
        if (!scanNumber()) return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        if (at() === '+' || at() === '-') {
          if (!scanNumber() || input[pos - 1] !== 'i') return fail(`bad number syntax: ${goQuote(input.slice(start, pos))}`);
        }
        emit('number');
      } else if (isAlphaNumeric(r)) {
        scanAlnum();
        if (!atTerminator()) return fail(`bad character ${goRuneU(at()!)}`);
        const word = input.slice(start, pos);
        emit(KEYWORD_WORDS.has(word) ? (word as TokType) : word === 'true' || word === 'false' ? 'bool' : 'identifier');
      } else if (r === '(') {
        emit('leftParen');
        parenDepth++;
      } else if (r === ')') {
        emit('rightParen');
        if (--parenDepth < 0) return fail('unexpected right paren');
      } else if (r < '\x7f' && r >= ' ') emit('char');
      else return fail(`unrecognized character in action: ${goRuneU(r)}`);
    }
  }
}
