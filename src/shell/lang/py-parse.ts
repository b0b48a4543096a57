// A small Python 3 subset for the python images: the parser to a plain syntax tree (tokens: py-lex.ts).
export type Node = { k: string; line: number; [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any
import { PySyntaxError, tokenize } from './py-lex';

export { PySyntaxError, tokenize };

const KEYWORDS = new Set(['False', 'None', 'True', 'and', 'as', 'assert', 'break', 'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally', 'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda', 'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while', 'with', 'yield']);

export function parse(src: string): Node[] {
  const toks = tokenize(src);
  let p = 0;
  const peek = (o = 0) => toks[p + o];
  const is = (v: string, o = 0) => (peek(o).t === 'op' || peek(o).t === 'name') && peek(o).v === v;
  const fail = (t = peek()): never => {
    throw new PySyntaxError(t.t === 'indent' ? 'unexpected indent' : t.t === 'dedent' ? 'unindent does not match any outer indentation level' : 'invalid syntax', t.line, t.col);
  };
  const eat = (v: string) => (is(v) ? toks[p++] : fail());
  const accept = (v: string) => (is(v) ? (p++, true) : false);
  const name = () => (peek().t === 'name' && !KEYWORDS.has(peek().v) ? toks[p++].v : fail());

  function block(): Node[] {
    eat(':');
    if (peek().t !== 'nl') return simple();
    p++;
    if (peek().t !== 'indent') throw new PySyntaxError(`expected an indented block`, peek().line, peek().col);
    p++;
    const body: Node[] = [];
    while (peek().t !== 'dedent' && peek().t !== 'eof') {
      if (peek().t === 'nl') { p++; continue; }
      body.push(...statement());
    }
    p++;
    return body;
  }
  function simple(): Node[] {
    const out = [small()];
    while (accept(';')) if (peek().t !== 'nl') out.push(small());
    if (peek().t !== 'nl') fail();
    p++;
    return out;
  }
  function statement(): Node[] {
    const t = peek();
    const line = t.line;
    if (t.t === 'indent') fail();
    if (is('@')) {
      p++;
      const dec = expr();
      if (peek().t === 'nl') p++;
      const [fn] = statement();
      fn.decorators = [dec, ...(fn.decorators ?? [])];
      return [fn];
    }
    if (is('if')) {
      p++;
      const node: Node = { k: 'if', line, test: expr(), body: block(), orelse: [] };
      let cur = node;
      while (is('elif')) { const l = peek().line; p++; const n: Node = { k: 'if', line: l, test: expr(), body: block(), orelse: [] }; cur.orelse = [n]; cur = n; }
      if (accept('else')) cur.orelse = block();
      return [node];
    }
    if (is('while')) { p++; const test = expr(); const body = block(); const orelse = accept('else') ? block() : []; return [{ k: 'while', line, test, body, orelse }]; }
    if (is('for')) { p++; const target = targetList(); eat('in'); const iter = exprList(); const body = block(); const orelse = accept('else') ? block() : []; return [{ k: 'for', line, target, iter, body, orelse }]; }
    if (is('def')) {
      p++;
      const fname = name();
      eat('(');
      const params: { name: string; def?: Node; star?: number }[] = [];
      while (!is(')')) {
        if (accept('*')) { if (is(',')) { p++; continue; } params.push({ name: name(), star: 1 }); }
        else if (accept('**')) params.push({ name: name(), star: 2 });
        else if (accept('/')) { /* positional-only marker */ }
        else { const n = name(); if (accept(':')) expr(); params.push({ name: n, def: accept('=') ? expr() : undefined }); }
        if (!accept(',')) break;
      }
      eat(')');
      if (accept('->')) expr();
      return [{ k: 'def', line, name: fname, params, body: block() }];
    }
    if (is('class')) {
      p++;
      const cname = name();
      const bases: Node[] = [];
      if (accept('(')) { while (!is(')')) { bases.push(expr()); if (!accept(',')) break; } eat(')'); }
      return [{ k: 'class', line, name: cname, bases, body: block() }];
    }
    if (is('try')) {
      p++;
      const body = block();
      const handlers: Node[] = [];
      while (is('except')) {
        const l = peek().line;
        p++;
        const type = is(':') ? null : expr();
        const as = accept('as') ? name() : null;
        handlers.push({ k: 'except', line: l, type, as, body: block() });
      }
      const orelse = accept('else') ? block() : [];
      const final = accept('finally') ? block() : [];
      return [{ k: 'try', line, body, handlers, orelse, final }];
    }
    if (is('with')) {
      p++;
      const ctx = expr();
      const as = accept('as') ? targetList() : null;
      return [{ k: 'with', line, ctx, as, body: block() }];
    }
    return simple();
  }
  function small(): Node {
    const line = peek().line;
    if (accept('pass')) return { k: 'pass', line };
    if (accept('break')) return { k: 'break', line };
    if (accept('continue')) return { k: 'continue', line };
    if (accept('return')) return { k: 'return', line, value: peek().t === 'nl' || is(';') ? null : exprList() };
    if (accept('raise')) return { k: 'raise', line, exc: peek().t === 'nl' ? null : expr() };
    if (accept('global') || accept('nonlocal')) { const names = [name()]; while (accept(',')) names.push(name()); return { k: 'global', line, names }; }
    if (accept('del')) return { k: 'del', line, targets: [expr()] };
    if (accept('assert')) { const test = expr(); return { k: 'assert', line, test, msg: accept(',') ? expr() : null }; }
    if (accept('import')) {
      const names: { name: string; as: string | null }[] = [];
      do { let n = name(); while (accept('.')) n += '.' + name(); names.push({ name: n, as: accept('as') ? name() : null }); } while (accept(','));
      return { k: 'import', line, names };
    }
    if (accept('from')) {
      let mod = '';
      while (is('.')) { p++; mod += '.'; }
      if (!is('import')) { mod += name(); while (accept('.')) mod += '.' + name(); }
      eat('import');
      const paren = accept('(');
      const names: { name: string; as: string | null }[] = [];
      if (accept('*')) names.push({ name: '*', as: null });
      else do { if (paren && is(')')) break; names.push({ name: name(), as: accept('as') ? name() : null }); } while (accept(','));
      if (paren) eat(')');
      return { k: 'from', line, mod, names };
    }
    const e = exprList(true);
    if (is('=')) {
      const targets = [e];
      let value: Node = e;
      while (accept('=')) { value = exprList(true); targets.push(value); }
      targets.pop();
      return { k: 'assign', line, targets, value };
    }
    const aug = peek().t === 'op' && /^(\+|-|\*|\/|\/\/|%|\*\*|&|\||\^|<<|>>)=$/.test(peek().v) ? toks[p++].v.slice(0, -1) : null;
    if (aug) return { k: 'aug', line, target: e, op: aug, value: exprList() };
    if (is(':') && e.k === 'name') { p++; expr(); return accept('=') ? { k: 'assign', line, targets: [e], value: expr() } : { k: 'pass', line }; }
    return { k: 'expr', line, value: e };
  }
  function targetList(): Node {
    const line = peek().line;
    const items = [bin(0)]; // no comparison here: `for x in xs`
    if (!is(',')) return items[0];
    while (accept(',')) { if (is('in') || is('=') || is(')')) break; items.push(bin(0)); }
    return { k: 'tuple', line, items };
  }
  function exprList(star = false): Node {
    const line = peek().line;
    const one = () => (star && accept('*') ? { k: 'star', line, value: orExpr() } : expr());
    const first = one();
    if (!is(',')) return first;
    const items = [first];
    while (accept(',')) { if (peek().t === 'nl' || is('=') || is(')') || is(';')) break; items.push(one()); }
    return { k: 'tuple', line, items };
  }
  function expr(): Node {
    const line = peek().line;
    if (accept('lambda')) {
      const params: { name: string; def?: Node }[] = [];
      while (!is(':')) { params.push({ name: name(), def: accept('=') ? expr() : undefined }); if (!accept(',')) break; }
      eat(':');
      return { k: 'lambda', line, params, body: expr() };
    }
    const e = orExpr();
    if (is('if') ) {
      p++;
      const test = orExpr();
      eat('else');
      return { k: 'ifexp', line, test, body: e, orelse: expr() };
    }
    return e;
  }
  function orExpr(): Node { let l = andExpr(); while (is('or')) { const line = toks[p++].line; l = { k: 'bool', line, op: 'or', l, r: andExpr() }; } return l; }
  function andExpr(): Node { let l = notExpr(); while (is('and')) { const line = toks[p++].line; l = { k: 'bool', line, op: 'and', l, r: notExpr() }; } return l; }
  function notExpr(): Node { if (is('not')) { const line = toks[p++].line; return { k: 'unary', line, op: 'not', v: notExpr() }; } return compare(); }
  function compare(): Node {
    const line = peek().line;
    const first = bin(0);
    const ops: string[] = [];
    const rest: Node[] = [];
    while (true) {
      let op: string | null = null;
      if (peek().t === 'op' && ['<', '>', '==', '>=', '<=', '!='].includes(peek().v)) op = toks[p++].v;
      else if (is('in')) { p++; op = 'in'; }
      else if (is('not') && is('in', 1)) { p += 2; op = 'not in'; }
      else if (is('is')) { p++; op = accept('not') ? 'is not' : 'is'; }
      if (!op) break;
      ops.push(op);
      rest.push(bin(0));
    }
    return ops.length ? { k: 'compare', line, first, ops, rest } : first;
  }
  const LEVELS = [['|'], ['^'], ['&'], ['<<', '>>'], ['+', '-'], ['*', '/', '//', '%', '@']];
  function bin(level: number): Node {
    if (level === LEVELS.length) return unary();
    let l = bin(level + 1);
    while (peek().t === 'op' && LEVELS[level].includes(peek().v)) { const t = toks[p++]; l = { k: 'bin', line: t.line, col: t.col, op: t.v, l, r: bin(level + 1) }; }
    return l;
  }
  function unary(): Node {
    if (peek().t === 'op' && ['-', '+', '~'].includes(peek().v)) { const t = toks[p++]; return { k: 'unary', line: t.line, op: t.v, v: unary() }; }
    return power();
  }
  function power(): Node {
    const base = primary();
    if (is('**')) { const t = toks[p++]; return { k: 'bin', line: t.line, op: '**', l: base, r: unary() }; }
    return base;
  }
  function primary(): Node {
    let e = atom();
    while (true) {
      const t = peek();
      if (is('(')) {
        p++;
        const args: Node[] = [];
        const kwargs: [string, Node][] = [];
        while (!is(')')) {
          if (accept('*')) args.push({ k: 'star', line: t.line, value: expr() });
          else if (accept('**')) kwargs.push(['**', expr()]);
          else if (peek().t === 'name' && is('=', 1)) { const n = toks[p].v; p += 2; kwargs.push([n, expr()]); }
          else {
            const a = expr();
            if (is('for')) { args.push(comprehension('gen', a, t.line)); break; }
            args.push(a);
          }
          if (!accept(',')) break;
        }
        eat(')');
        e = { k: 'call', line: t.line, fn: e, args, kwargs };
      } else if (is('[')) {
        p++;
        const sub = subscript();
        eat(']');
        e = { k: 'index', line: t.line, v: e, index: sub };
      } else if (is('.')) {
        p++;
        e = { k: 'attr', line: t.line, v: e, name: peek().t === 'name' ? toks[p++].v : fail() };
      } else return e;
    }
  }
  function subscript(): Node {
    const line = peek().line;
    const part = () => (is(':') || is(']') || is(',') ? null : expr());
    const a = part();
    if (!is(':')) { if (is(',')) { const items = [a!]; while (accept(',')) { if (is(']')) break; items.push(expr()); } return { k: 'tuple', line, items }; } return a!; }
    p++;
    const b = part();
    const c = accept(':') ? part() : null;
    return { k: 'slice', line, lo: a, hi: b, step: c };
  }
  function comprehension(kind: string, elt: Node, line: number, value?: Node): Node {
    const gens: { target: Node; iter: Node; ifs: Node[] }[] = [];
    while (accept('for')) {
      const target = targetList();
      eat('in');
      const iter = orExpr();
      const ifs: Node[] = [];
      while (accept('if')) ifs.push(orExprNoCond());
      gens.push({ target, iter, ifs });
    }
    return { k: 'comp', line, kind, elt, value, gens };
  }
  function orExprNoCond(): Node { return orExpr(); }
  function atom(): Node {
    const t = peek();
    const line = t.line;
    if (t.t === 'num') {
      p++;
      const v = t.v;
      if (/^0[xX]/.test(v)) return { k: 'int', line, v: parseInt(v, 16) };
      if (/^0[bB]/.test(v)) return { k: 'int', line, v: parseInt(v.slice(2), 2) };
      return /[.eE]/.test(v) ? { k: 'float', line, v: parseFloat(v) } : { k: 'int', line, v: parseInt(v, 10) };
    }
    if (t.t === 'str') {
      const parts: Node[] = [];
      while (peek().t === 'str') {
        const s = toks[p++];
        parts.push(s.prefix?.includes('f') ? { k: 'fstr', line, parts: fstring(s.v, line) } : { k: 'str', line, v: s.v });
      }
      return parts.length === 1 ? parts[0] : { k: 'concat', line, parts };
    }
    if (t.t === 'name') {
      if (t.v === 'None') { p++; return { k: 'const', line, v: null }; }
      if (t.v === 'True' || t.v === 'False') { p++; return { k: 'const', line, v: t.v === 'True' }; }
      return { k: 'name', line, col: t.col, id: name() };
    }
    if (accept('(')) {
      if (accept(')')) return { k: 'tuple', line, items: [] };
      const first = is('*') ? (p++, { k: 'star', line, value: orExpr() }) : expr();
      if (is('for')) { const c = comprehension('gen', first, line); eat(')'); return c; }
      if (accept(')')) return first.k === 'star' ? fail() : { ...first, paren: true };
      const items = [first];
      while (accept(',')) { if (is(')')) break; items.push(is('*') ? (p++, { k: 'star', line, value: orExpr() }) : expr()); }
      eat(')');
      return { k: 'tuple', line, items };
    }
    if (accept('[')) {
      if (accept(']')) return { k: 'list', line, items: [] };
      const first = is('*') ? (p++, { k: 'star', line, value: orExpr() }) : expr();
      if (is('for')) { const c = comprehension('list', first, line); eat(']'); return c; }
      const items = [first];
      while (accept(',')) { if (is(']')) break; items.push(is('*') ? (p++, { k: 'star', line, value: orExpr() }) : expr()); }
      eat(']');
      return { k: 'list', line, items };
    }
    if (accept('{')) {
      if (accept('}')) return { k: 'dict', line, keys: [], values: [] };
      if (accept('**')) { const v = expr(); const keys: (Node | null)[] = [null]; const values = [v]; while (accept(',')) { if (is('}')) break; if (accept('**')) { keys.push(null); values.push(expr()); } else { keys.push(expr()); eat(':'); values.push(expr()); } } eat('}'); return { k: 'dict', line, keys, values }; }
      const first = expr();
      if (accept(':')) {
        const v = expr();
        if (is('for')) { const c = comprehension('dict', first, line, v); eat('}'); return c; }
        const keys: (Node | null)[] = [first];
        const values = [v];
        while (accept(',')) { if (is('}')) break; if (accept('**')) { keys.push(null); values.push(expr()); } else { keys.push(expr()); eat(':'); values.push(expr()); } }
        eat('}');
        return { k: 'dict', line, keys, values };
      }
      if (is('for')) { const c = comprehension('set', first, line); eat('}'); return c; }
      const items = [first];
      while (accept(',')) { if (is('}')) break; items.push(expr()); }
      eat('}');
      return { k: 'set', line, items };
    }
    return fail();
  }
  function fstring(s: string, line: number): Node[] {
    const parts: Node[] = [];
    let i = 0, lit = '';
    while (i < s.length) {
      if (s[i] === '{' && s[i + 1] === '{') { lit += '{'; i += 2; continue; }
      if (s[i] === '}' && s[i + 1] === '}') { lit += '}'; i += 2; continue; }
      if (s[i] === '{') {
        if (lit) parts.push({ k: 'str', line, v: lit });
        lit = '';
        let depth = 0, j = i + 1, quote = '';
        while (j < s.length) {
          const ch = s[j];
          if (quote) { if (ch === quote) quote = ''; }
          else if (ch === '"' || ch === "'") quote = ch;
          else if ('([{'.includes(ch)) depth++;
          else if (')]}'.includes(ch)) { if (depth === 0) break; depth--; }
          else if ((ch === ':' || ch === '!') && depth === 0 && s[j + 1] !== '=') break;
          j++;
        }
        let code = s.slice(i + 1, j);
        let conv = '';
        let spec = '';
        const debug = /=\s*$/.test(code) ? code : '';
        if (debug) code = code.replace(/=\s*$/, '');
        if (s[j] === '!') { conv = s[j + 1]; j += 2; }
        if (s[j] === ':') { const k = s.indexOf('}', j); spec = s.slice(j + 1, k); j = k; }
        const sub = parse(code.trim() + '\n');
        const e = sub[0]?.value as Node;
        if (debug) parts.push({ k: 'str', line, v: debug });
        parts.push({ k: 'fmt', line, v: e, conv: conv || (debug && !spec ? 'r' : ''), spec });
        i = j + 1;
        continue;
      }
      lit += s[i++];
    }
    if (lit) parts.push({ k: 'str', line, v: lit });
    return parts;
  }
  const body: Node[] = [];
  while (peek().t !== 'eof') {
    if (peek().t === 'nl') { p++; continue; }
    body.push(...statement());
  }
  return body;
}
