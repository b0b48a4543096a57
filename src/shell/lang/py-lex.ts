// The Python subset's tokenizer: names, numbers, strings (with prefixes), operators, and INDENT/DEDENT from indentation.
export type Tok = { t: 'name' | 'num' | 'str' | 'op' | 'nl' | 'indent' | 'dedent' | 'eof'; v: string; line: number; col: number; prefix?: string };

export class PySyntaxError extends Error {
  constructor(msg: string, readonly line: number, readonly col: number) {
    super(msg);
  }
}

const OPS = ['**=', '//=', '>>=', '<<=', '->', '...', '**', '//', '==', '!=', '<=', '>=', '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', ':=', '+', '-', '*', '/', '%', '<', '>', '=', '(', ')', '[', ']', '{', '}', ',', ':', '.', ';', '@', '&', '|', '^', '~'];

export function tokenize(src: string): Tok[] {
  const out: Tok[] = [];
  const indents = [0];
  let i = 0, line = 1, depth = 0, lineStart = 0, atLineStart = true;
  while (i < src.length) {
    if (atLineStart && depth === 0) {
      let w = 0;
      let j = i;
      while (src[j] === ' ' || src[j] === '\t') w += src[j++] === '\t' ? 8 - (w % 8) : 1;
      if (src[j] === '\n' || src[j] === '#' || src[j] === '\r' || j >= src.length) {
        while (j < src.length && src[j] !== '\n') j++;
        i = j + 1; line++; lineStart = i;
        continue;
      }
      i = j;
      atLineStart = false;
      if (w > indents[indents.length - 1]) { indents.push(w); out.push({ t: 'indent', v: '', line, col: w }); }
      while (w < indents[indents.length - 1]) {
        indents.pop();
        out.push({ t: 'dedent', v: '', line, col: w });
        if (w > indents[indents.length - 1]) throw new PySyntaxError('unindent does not match any outer indentation level', line, w);
      }
    }
    const c = src[i];
    const col = i - lineStart;
    if (c === '\n') {
      if (depth === 0) out.push({ t: 'nl', v: '', line, col });
      i++; line++; lineStart = i; atLineStart = true;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (c === '#') { while (i < src.length && src[i] !== '\n') i++; continue; }
    if (c === '\\' && src[i + 1] === '\n') { i += 2; line++; lineStart = i; continue; }
    const sm = /^([rRbBfFuU]{0,2})('''|"""|'|")/.exec(src.slice(i, i + 5));
    if (sm && (sm[1] === '' || /^[a-zA-Z]+$/.test(sm[1]))) {
      const q = sm[2];
      let j = i + sm[0].length;
      let s = '';
      const raw = /r/i.test(sm[1]);
      while (true) {
        if (j >= src.length || (q.length === 1 && src[j] === '\n')) throw new PySyntaxError('unterminated string literal (detected at line ' + line + ')', line, col);
        if (src.startsWith(q, j)) { j += q.length; break; }
        if (src[j] === '\\' && !raw) {
          const e = src[j + 1];
          const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', '\n': '' };
          if (e === 'x') { s += String.fromCharCode(parseInt(src.slice(j + 2, j + 4), 16)); j += 4; continue; }
          if (e in map) { s += map[e]; if (e === '\n') line++; j += 2; continue; }
          s += '\\'; j++; continue;
        }
        if (src[j] === '\n') { line++; lineStart = j + 1; }
        s += src[j++];
      }
      out.push({ t: 'str', v: s, line, col, prefix: sm[1].toLowerCase() });
      i = j;
      continue;
    }
    const nm = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|(\d[\d_]*\.?[\d_]*|\.\d[\d_]*)([eE][+-]?\d+)?j?)/.exec(src.slice(i));
    if (nm && /[\d.]/.test(c) && !(c === '.' && !/\d/.test(src[i + 1] ?? ''))) { out.push({ t: 'num', v: nm[0].replace(/_/g, ''), line, col }); i += nm[0].length; continue; }
    const id = /^[A-Za-z_\u00c0-\uffff][\w\u00c0-\uffff]*/.exec(src.slice(i));
    if (id) { out.push({ t: 'name', v: id[0], line, col }); i += id[0].length; continue; }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new PySyntaxError(`invalid character '${c}' (U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})`, line, col);
    if ('([{'.includes(op)) depth++;
    if (')]}'.includes(op)) depth = Math.max(0, depth - 1);
    out.push({ t: 'op', v: op, line, col });
    i += op.length;
  }
  if (out.length && out[out.length - 1].t !== 'nl') out.push({ t: 'nl', v: '', line, col: 0 });
  while (indents.length > 1) { indents.pop(); out.push({ t: 'dedent', v: '', line, col: 0 }); }
  out.push({ t: 'eof', v: '', line, col: 0 });
  return out;
}
