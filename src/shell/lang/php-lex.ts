// The PHP subset's tokenizer: inline HTML around <?php … ?> and <?= … ?>, variables, names, numbers, strings (with
// "$var", "{$expr}" interpolation, heredoc and nowdoc), comments and operators; and how PHP 8 names a token in
// "syntax error, unexpected …" (zend_language_parser.y's yytnamerr).
export type Part = string | { code: string; line: number };
export type Tok = { t: 'html' | 'var' | 'id' | 'int' | 'float' | 'str' | 'tpl' | 'op' | 'eof'; v: string; line: number; parts?: Part[]; q?: string };

export class PhpParseError extends Error {
  constructor(msg: string, readonly line: number) {
    super(msg);
  }
}

export const KEYWORDS = new Set(('abstract and array as break callable case catch class clone const continue declare default do echo else elseif empty enddeclare endfor endforeach endif endswitch endwhile enum exit die extends final finally fn for foreach function global goto if implements include include_once instanceof insteadof interface isset list match namespace new or print private protected public readonly require require_once return static switch throw trait try unset use var while xor yield').split(' '));

const OPS = ['<<=', '>>=', '**=', '...', '<=>', '===', '!==', '??=', '?->', '++', '--', '->', '=>', '::', '==', '!=', '<>', '<=', '>=', '&&', '||', '??', '+=', '-=', '*=', '/=', '.=', '%=', '&=', '|=', '^=', '<<', '>>', '**',
  '+', '-', '*', '/', '%', '=', '<', '>', '!', '.', '(', ')', '[', ']', '{', '}', ',', ';', '?', ':', '&', '|', '^', '~', '@', '$'];

/** How a parse error names a token (PHP 8: `token ";"`, `identifier "foo"`, `variable "$x"`, `end of file` …). */
export function describe(t: Tok): string {
  switch (t.t) {
    case 'eof': return 'end of file';
    case 'var': return `variable "${t.v}"`;
    case 'int': return `integer "${t.v}"`;
    case 'float': return `floating-point number "${t.v}"`;
    case 'str': return `${t.q === "'" ? 'single' : 'double'}-quoted string "${t.v}"`;
    case 'tpl': return 'token """';
    case 'html': return `inline html "${t.v}"`;
    case 'id': return KEYWORDS.has(t.v.toLowerCase()) ? `token "${t.v}"` : `identifier "${t.v}"`;
    default: return `token "${t.v}"`;
  }
}

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', v: '\v', f: '\f', e: '\x1b', '\\': '\\', $: '$', '"': '"', '0': '\0' };

/** A double-quoted (or heredoc) body: escapes, then `$var`, `$var[key]`, `$var->prop`, `{$expr}` and `${name}` parts. */
function interpolate(body: string, line: number, quote: string): Part[] {
  const parts: Part[] = [];
  let lit = '';
  let i = 0;
  const flush = () => { if (lit) parts.push(lit); lit = ''; };
  while (i < body.length) {
    const c = body[i];
    if (c === '\\') {
      const e = body[i + 1];
      if (e === 'x' && /[0-9a-fA-F]/.test(body[i + 2] ?? '')) { const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 2))![0]; lit += String.fromCharCode(parseInt(m, 16)); i += 2 + m.length; continue; }
      if (e === 'u' && body[i + 2] === '{') { const end = body.indexOf('}', i); lit += String.fromCodePoint(parseInt(body.slice(i + 3, end), 16)); i = end + 1; continue; }
      if (/[0-7]/.test(e ?? '') && e !== '0') { const m = /^[0-7]{1,3}/.exec(body.slice(i + 1))![0]; lit += String.fromCharCode(parseInt(m, 8)); i += 1 + m.length; continue; }
      if (e !== undefined && e in ESC && !(e === '"' && quote !== '"')) { lit += ESC[e]; i += 2; continue; }
      lit += c; i++; continue;
    }
    if (c === '$' && /[a-zA-Z_]/.test(body[i + 1] ?? '')) {
      const name = /^\$[a-zA-Z_]\w*/.exec(body.slice(i))![0];
      let code = name;
      let j = i + name.length;
      const idx = /^\[(-?\d+|[a-zA-Z_]\w*|\$[a-zA-Z_]\w*)\]/.exec(body.slice(j));
      const prop = /^->([a-zA-Z_]\w*)/.exec(body.slice(j));
      if (idx) { code += /^[a-zA-Z_]/.test(idx[1]) ? `['${idx[1]}']` : `[${idx[1]}]`; j += idx[0].length; }
      else if (prop) { code += prop[0]; j += prop[0].length; }
      flush();
      parts.push({ code, line });
      i = j;
      continue;
    }
    if ((c === '{' && body[i + 1] === '$') || (c === '$' && body[i + 1] === '{')) {
      let depth = 0, j = i + (c === '$' ? 1 : 0);
      for (; j < body.length; j++) { if (body[j] === '{') depth++; else if (body[j] === '}' && --depth === 0) break; }
      const inner = body.slice(i + (c === '$' ? 2 : 1), j);
      flush();
      parts.push({ code: c === '$' ? (/^\w+$/.test(inner) ? '$' + inner : '${' + inner + '}') : inner, line });
      i = j + 1;
      continue;
    }
    if (c === '\n') line++;
    lit += c; i++;
  }
  flush();
  return parts;
}

export function tokenize(src: string, startInCode = false): Tok[] {
  const out: Tok[] = [];
  let i = 0, line = 1;
  const push = (t: Tok['t'], v: string, extra: Partial<Tok> = {}) => out.push({ t, v, line, ...extra });
  const count = (s: string) => { for (const ch of s) if (ch === '\n') line++; };
  let inCode = startInCode;
  while (i < src.length) {
    if (!inCode) {
      const open = src.indexOf('<?', i);
      const at = open < 0 ? src.length : open;
      // the first newline after a closing tag belongs to the tag
      const html = src.slice(i, at);
      if (html) push('html', html);
      count(html);
      if (open < 0) break;
      if (src.startsWith('<?php', open) && /[\s]|^$/.test(src[open + 5] ?? '')) { i = open + 5; inCode = true; if (src[i] === '\n') { line++; i++; } else if (src[i]) i++; }
      else if (src.startsWith('<?=', open)) { i = open + 3; inCode = true; push('id', 'echo'); }
      else { i = open + 2; inCode = true; }
      continue;
    }
    const c = src[i];
    if (c === '\n') { line++; i++; continue; }
    if (c === ' ' || c === '\t' || c === '\r') { i++; continue; }
    if (src.startsWith('?>', i)) {
      push('op', ';');
      i += 2;
      if (src[i] === '\n') { line++; i++; }
      inCode = false;
      continue;
    }
    if (c === '#' && src[i + 1] === '[') { let d = 0; for (; i < src.length; i++) { if (src[i] === '[') d++; else if (src[i] === ']' && --d === 0) { i++; break; } } continue; }
    if (c === '#' || (c === '/' && src[i + 1] === '/')) {
      while (i < src.length && src[i] !== '\n' && !src.startsWith('?>', i)) i++;
      continue;
    }
    if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const body = src.slice(i, end < 0 ? src.length : end + 2);
      count(body);
      i += body.length;
      continue;
    }
    if (c === '$' && /[a-zA-Z_]/.test(src[i + 1] ?? '')) { const m = /^\$[a-zA-Z_]\w*/.exec(src.slice(i))![0]; push('var', m); i += m.length; continue; }
    if (/[a-zA-Z_\\\x80-\uffff]/.test(c)) {
      const m = /^\\?[a-zA-Z_\x80-\uffff][\w\x80-\uffff]*(\\[a-zA-Z_][\w]*)*/.exec(src.slice(i));
      if (m) { push('id', m[0].replace(/^\\/, '')); i += m[0].length; continue; }
    }
    if (/[0-9]/.test(c) || (c === '.' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^(0[xX][0-9a-fA-F_]+|0[bB][01_]+|0[oO]?[0-7_]+(?![.\deE])|(\d[\d_]*)?\.?\d[\d_]*([eE][+-]?\d+)?|\d[\d_]*\.)/.exec(src.slice(i))![0];
      const clean = m.replace(/_/g, '');
      const isFloat = /[.eE]/.test(clean) && !/^0[xX]/.test(clean);
      let n: number;
      if (/^0[xX]/.test(clean)) n = parseInt(clean.slice(2), 16);
      else if (/^0[bB]/.test(clean)) n = parseInt(clean.slice(2), 2);
      else if (/^0[oO]?[0-7]+$/.test(clean) && clean.length > 1) n = parseInt(clean.replace(/^0[oO]?/, ''), 8);
      else n = Number(clean);
      push(isFloat || !Number.isSafeInteger(n) ? 'float' : 'int', String(n));
      out[out.length - 1].q = m;
      i += m.length;
      continue;
    }
    if (c === "'") {
      let j = i + 1, s = '';
      while (j < src.length && src[j] !== "'") {
        if (src[j] === '\\' && (src[j + 1] === "'" || src[j + 1] === '\\')) { s += src[j + 1]; j += 2; continue; }
        s += src[j++];
      }
      if (j >= src.length) throw new PhpParseError('syntax error, unexpected end of file', line + (s.match(/\n/g)?.length ?? 0));
      push('str', s, { q: "'" });
      count(s);
      i = j + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < src.length && src[j] !== '"') j += src[j] === '\\' ? 2 : 1;
      if (j >= src.length) throw new PhpParseError('syntax error, unexpected end of file', line + (src.slice(i).match(/\n/g)?.length ?? 0));
      const parts = interpolate(src.slice(i + 1, j), line, '"');
      if (parts.every((p) => typeof p === 'string')) push('str', parts.join(''), { q: '"' });
      else push('tpl', '"', { parts });
      count(src.slice(i, j));
      i = j + 1;
      continue;
    }
    const hd = /^<<<[ \t]*(["']?)([a-zA-Z_]\w*)\1\r?\n/.exec(src.slice(i, i + 80));
    if (hd) {
      const label = hd[2];
      const start = i + hd[0].length;
      const endRe = new RegExp(`(^|\\n)([ \\t]*)${label}\\b`, 'g');
      endRe.lastIndex = start - 1;
      const m = endRe.exec(src);
      if (!m) throw new PhpParseError('syntax error, unexpected end of file', line);
      const bodyEnd = m.index + (m[1] ? 1 : 0);
      const indent = m[2];
      let body = src.slice(start, Math.max(start, bodyEnd - 1));
      if (bodyEnd === start) body = '';
      if (indent) body = body.split('\n').map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart())).join('\n');
      const bodyLine = line + 1;
      if (hd[1] === "'") push('str', body, { q: "'" });
      else {
        const parts = interpolate(body, bodyLine, 'heredoc');
        if (parts.every((p) => typeof p === 'string')) push('str', parts.join(''), { q: '"' });
        else push('tpl', '"', { parts });
      }
      count(src.slice(i, m.index + m[0].length));
      i = m.index + m[0].length;
      continue;
    }
    const op = OPS.find((o) => src.startsWith(o, i));
    if (!op) throw new PhpParseError(`syntax error, unexpected character 0x${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`, line);
    push('op', op);
    i += op.length;
  }
  push('eof', '');
  return out;
}
