// The Ruby subset's parser, its larger forms: call arguments, block and method parameters, literals ([], {}, ->),
// if/unless/while/until/for/case/begin/rescue, def (endless, operator names), class/module, return/yield/super, alias.
import { lex, RbSyntaxError, type Tok } from './rb-lex';
import { ParserCore, type Node, type Params } from './rb-parse';

export class Parser extends ParserCore {
  callArgs(close?: string) { return callArgs(this, close); }
  params(close: string) { return params(this, close); }
  primaryOp(t: Tok) { return primaryOp(this, t); }
  bodyWithRescue() { return bodyWithRescue(this); }
  keyword(t: Tok) { return keyword(this, t); }
  def(line: number) { return def(this, line); }
  paramsBare() { return paramsBare(this); }
  child(toks: Tok[]) { return new Parser(toks); }
}

export function parseRuby(src: string): Node[] {
  return new Parser(lex(src)).program();
}

export function keyword(p: ParserCore, t: Tok): Node {
  const line = t.line;
  p.next();
  switch (t.v) {
    case 'nil': case 'true': case 'false': case 'self': case '__method__': case '__dir__': return { k: t.v, line };
    case '__FILE__': return { k: 'file', line };
    case '__LINE__': return { k: 'int', line, v: String(line) };
    case 'defined?': { const paren = p.accept('op', '('); const e = p.expr(); if (paren) p.expect('op', ')'); return { k: 'defined', line, e }; }
    case 'if': case 'unless': {
      const c = p.cond();
      p.condEnd();
      const then = p.stmts();
      let els: Node[] = [];
      if (t.v === 'if' && p.kw('elsif')) { els = [p.keyword({ ...p.tok, v: 'if' })]; return { k: 'if', line, cond: c, then, else: els }; }
      if (p.accept('kw', 'else')) els = p.stmts();
      p.expect('kw', 'end');
      return t.v === 'if' ? { k: 'if', line, cond: c, then, else: els } : { k: 'if', line, cond: { k: 'not', line, e: c }, then, else: els };
    }
    case 'elsif': return p.keyword({ ...t, v: 'if' });
    case 'while': case 'until': {
      const c = p.cond();
      p.condEnd(true);
      const body = p.stmts();
      p.expect('kw', 'end');
      return { k: 'while', line, cond: t.v === 'while' ? c : { k: 'not', line, e: c }, body };
    }
    case 'for': {
      const names: string[] = [];
      do { const n = p.next().v; names.push(n); p.declare(n); } while (p.accept('op', ','));
      p.expect('kw', 'in');
      const iter = p.cond();
      p.condEnd(true);
      const body = p.stmts();
      p.expect('kw', 'end');
      return { k: 'for', line, names, iter, body };
    }
    case 'case': {
      const subject = p.is('nl') ? null : p.exprStmt();
      p.terms();
      const whens: [Node[], Node[]][] = [];
      if (p.kw('in')) throw new RbSyntaxError('dockerlings: pattern matching (case … in) is not simulated here', p.tok.line);
      while (p.accept('kw', 'when')) {
        const conds: Node[] = [];
        do { p.nls(); conds.push(p.accept('op', '*') ? { k: 'splat', line, e: p.arg() } : p.arg()); } while (p.accept('op', ','));
        p.condEnd();
        whens.push([conds, p.stmts()]);
      }
      if (!whens.length) p.fail('`when\'');
      const els = p.accept('kw', 'else') ? p.stmts() : null;
      p.expect('kw', 'end');
      return { k: 'case', line, subject, whens, else: els };
    }
    case 'begin': {
      const body = p.bodyWithRescue();
      p.expect('kw', 'end');
      return { k: 'begin', line, body: body.length === 1 && body[0].k === 'begin' ? body[0].body : body, rescues: body.length === 1 && body[0].k === 'begin' ? body[0].rescues : [], else: body[0]?.k === 'begin' ? body[0].else : null, ensure: body[0]?.k === 'begin' ? body[0].ensure : null };
    }
    case 'def': return p.def(line);
    case 'class': case 'module': {
      if (t.v === 'class' && p.accept('op', '<<')) { const obj = p.arg(); p.terms(); const body = p.scoped(true, () => p.stmts()); p.expect('kw', 'end'); return { k: 'sclass', line, obj, body }; }
      if (!p.is('const')) p.fail();
      let path: Node = { k: 'const', line, scope: null, name: p.next().v };
      while (p.accept('op', '::')) path = { k: 'const', line, scope: path, name: p.next().v };
      const sup = t.v === 'class' && p.accept('op', '<') ? p.arg() : null;
      p.terms();
      const body = p.scoped(true, () => p.bodyWithRescue());
      p.expect('kw', 'end');
      return { k: t.v, line, path, sup, body };
    }
    case 'return': case 'break': case 'next': {
      let value: Node | null = null;
      if (!p.is('nl') && !p.op(';') && !p.op('}') && !p.is('eof') && !(p.tok.t === 'kw' && ['if', 'unless', 'end', 'while', 'until'].includes(p.tok.v))) {
        const { args } = p.callArgs();
        value = args.length === 1 ? args[0] : { k: 'array', line, items: args };
      }
      return { k: t.v, line, value };
    }
    case 'yield': {
      const { args } = p.op('(') && !p.tok.sp ? (p.next(), p.callArgs(')')) : p.cmdStart() ? p.callArgs() : { args: [] };
      return { k: 'yield', line, args };
    }
    case 'super': {
      if (p.op('(') && !p.tok.sp) { p.next(); const { args, blockArg } = p.callArgs(')'); return { k: 'super', line, args, blockArg, block: p.block() }; }
      if (p.cmdStart()) { const { args } = p.callArgs(); return { k: 'super', line, args, block: p.block() }; }
      return { k: 'zsuper', line, block: p.block() };
    }
    case 'retry': case 'redo': return { k: t.v, line };
    case 'alias': { const a = p.next(); const b = p.next(); return { k: 'alias', line, to: a.v, from: b.v }; }
    case 'not': return { k: 'not', line, e: p.expr() };
    case 'then': case 'do': case 'end': case 'else': case 'elsif': case 'when': case 'in': case 'rescue': case 'ensure':
      p.pos--;
      return p.fail();
    default:
      p.pos--;
      return p.fail();
  }
}

export function def(p: ParserCore, line: number): Node {
  let singleton = false;
  if (p.kw('self') && p.peek().t === 'op' && p.peek().v === '.') { p.next(); p.next(); singleton = true; }
  const nt = p.next();
  let name = nt.v;
  if (nt.t === 'label') { name = nt.v; p.pos--; p.toks[p.pos] = { ...nt, t: 'op', v: ':' }; p.fail(); }
  if (nt.t === 'op' && nt.v === '[') { p.expect('op', ']'); name = '[]'; if (p.op('=') && !p.tok.sp) { p.next(); name = '[]='; } }
  else if (nt.t === 'op' && (nt.v === '+' || nt.v === '-' || nt.v === '!') && p.op('@')) name = nt.v + '@';
  else if ((nt.t === 'ident' || nt.t === 'const') && p.op('=') && !p.tok.sp && p.peek().t === 'op' && p.peek().v === '(') { p.next(); name += '='; }
  return p.scoped(true, () => {
    let params: Params = { req: [], opt: [], post: [], kw: [] };
    if (p.op('(') ) { p.next(); params = p.params(')'); }
    else if (!p.is('nl') && !p.op(';') && !p.op('=')) params = p.paramsBare();
    if (p.accept('op', '=')) { p.nls(); const e = p.stmt(); return { k: 'def', line, name, params, body: [e], singleton }; } // endless def
    const body = p.bodyWithRescue();
    p.expect('kw', 'end');
    return { k: 'def', line, name, params, body, singleton };
  });
}

export function paramsBare(p: ParserCore): Params {
  const at = p.pos;
  p.toks.splice(p.toks.findIndex((x, i) => i >= at && x.t === 'nl'), 0, { t: 'op', v: ')', line: p.tok.line, sp: false });
  return p.params(')');
}

/** Arguments until `close` (parenthesised) or the end of a command (no parentheses). */
export function callArgs(p: ParserCore, close?: string): { args: Node[]; blockArg?: Node } {
  const args: Node[] = [];
  let blockArg: Node | undefined;
  let hash: Node | null = null;
  if (close) { p.nls(); if (p.accept('op', close)) return { args }; }
  if (!close) p.noDo++;
  try {
    for (;;) {
      const line = p.tok.line;
      if (p.accept('op', '*')) args.push({ k: 'splat', line, e: p.arg() });
      else if (p.accept('op', '**')) { hash ??= { k: 'hash', line, pairs: [], kw: true }; hash.pairs.push([null, p.arg()]); }
      else if (p.accept('op', '&')) blockArg = p.arg();
      else if (p.is('label')) {
        const t = p.next();
        p.nls();
        hash ??= (args.push({ k: 'hash', line, pairs: [], kw: true }), args[args.length - 1]);
        const val = p.op(',') || (close && p.op(close)) ? p.varOrCall(t) : p.arg();
        hash.pairs.push([{ k: 'sym', line, v: t.v }, val]);
      } else {
        const a = close ? p.notArg() : p.arg();
        if (p.accept('op', '=>')) { p.nls(); hash ??= (args.push({ k: 'hash', line, pairs: [], kw: true }), args[args.length - 1]); hash.pairs.push([a, p.arg()]); }
        else args.push(a);
      }
      if (!p.accept('op', ',')) break;
      p.nls();
    }
  } finally { if (!close) p.noDo--; }
  if (close) { p.nls(); p.expect('op', close); }
  return { args, ...(blockArg ? { blockArg } : {}) };
}

export function params(ps: ParserCore, close: string): Params {
  const p: Params = { req: [], opt: [], post: [], kw: [] };
  if (ps.accept('op', close)) return p;
  for (;;) {
    ps.nls();
    if (ps.accept('op', '*')) { const n = ps.is('ident') ? ps.next().v : '*'; p.rest = n; ps.declare(n); }
    else if (ps.accept('op', '**')) { const n = ps.is('ident') ? ps.next().v : '**'; p.kwrest = n; ps.declare(n); }
    else if (ps.accept('op', '&')) { const n = ps.next().v; p.block = n; ps.declare(n); }
    else if (ps.is('label')) { const n = ps.next().v; ps.declare(n); p.kw.push([n, ps.op(',') || ps.op(close) || ps.is('nl') ? null : ps.arg()]); }
    else if (ps.accept('op', '(')) { const names: string[] = []; do { const n = ps.next().v; names.push(n); ps.declare(n); } while (ps.accept('op', ',')); ps.expect('op', ')'); p.req.push(names); }
    else if (ps.is('ident')) {
      const n = ps.next().v;
      ps.declare(n);
      if (ps.accept('op', '=')) p.opt.push([n, ps.arg()]);
      else if (p.rest || p.opt.length) p.post.push(n);
      else p.req.push(n);
    } else ps.fail();
    if (close === '|' && ps.op(';')) { ps.next(); while (ps.is('ident')) { ps.declare(ps.next().v); ps.accept('op', ','); } }
    if (!ps.accept('op', ',')) break;
  }
  ps.nls();
  ps.expect('op', close);
  return p;
}

export function primaryOp(p: ParserCore, t: Tok): Node {
  const line = t.line;
  if (t.v === '(') {
    p.next();
    const body = p.stmts(')');
    p.expect('op', ')');
    return body.length === 1 ? body[0] : { k: 'seq', line, body };
  }
  if (t.v === '[') { p.next(); const { args } = p.callArgs(']'); return { k: 'array', line, items: args }; }
  if (t.v === '{') {
    p.next();
    const pairs: [Node | null, Node][] = [];
    p.nls();
    while (!p.op('}')) {
      if (p.is('label')) { const k = p.next(); p.nls(); pairs.push([{ k: 'sym', line: k.line, v: k.v }, p.op(',') || p.op('}') ? p.varOrCall(k) : p.arg()]); }
      else if ((p.is('str') || p.is('dstr')) && p.peek().t === 'op' && p.peek().v === ':' && !p.peek().sp) { const k = p.next(); p.next(); p.nls(); pairs.push([k.t === 'str' ? { k: 'sym', line, v: k.v } : { k: 'dsym', line, parts: p.strNode(k).parts }, p.arg()]); }
      else if (p.accept('op', '**')) pairs.push([null, p.arg()]);
      else { const k = p.arg(); p.nls(); p.expect('op', '=>'); p.nls(); pairs.push([k, p.arg()]); }
      p.nls();
      if (!p.accept('op', ',')) break;
      p.nls();
    }
    p.nls();
    p.expect('op', '}');
    return { k: 'hash', line, pairs };
  }
  if (t.v === '->') {
    p.next();
    return p.scoped(false, () => {
      let params: Params = { req: [], opt: [], post: [], kw: [] };
      if (p.accept('op', '(')) params = p.params(')');
      else if (p.is('ident')) { const n = p.next().v; p.declare(n); params.req.push(n); }
      const brace = p.accept('op', '{');
      if (!brace) p.expect('kw', 'do');
      const body = brace ? p.stmts('}') : p.stmts();
      p.expect(brace ? 'op' : 'kw', brace ? '}' : 'end');
      return { k: 'lambda', line, params, body };
    });
  }
  if (t.v === '::') { p.next(); const c = p.next(); return { k: 'const', line, scope: null, name: c.v }; }
  return p.fail();
}

/** Body of def/do-block/begin: statements, then rescue/else/ensure clauses. */
export function bodyWithRescue(p: ParserCore): Node[] {
  const line = p.tok.line;
  const body = p.stmts();
  if (!p.kw('rescue') && !p.kw('ensure')) return body;
  const rescues: { classes: Node[]; name?: string; body: Node[] }[] = [];
  while (p.accept('kw', 'rescue')) {
    const classes: Node[] = [];
    let name: string | undefined;
    while (!p.is('nl') && !p.kw('then') && !p.op('=>') && !p.op(';')) { classes.push(p.arg()); if (!p.accept('op', ',')) break; p.nls(); }
    if (p.accept('op', '=>')) { name = p.next().v; p.declare(name); }
    p.accept('kw', 'then');
    rescues.push({ classes, name, body: p.stmts() });
  }
  const elseBody = p.accept('kw', 'else') ? p.stmts() : null;
  const ensure = p.accept('kw', 'ensure') ? p.stmts() : null;
  return [{ k: 'begin', line, body, rescues, else: elseBody, ensure }];
}
