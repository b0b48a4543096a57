// The Ruby subset's parser: statements with modifiers, operators by Ruby's precedence, method calls with and without
// parentheses (local variables are known while parsing, as in parse.y), blocks, def/class/module, begin/rescue.
import { lex, RbSyntaxError, type Part, type Tok } from './rb-lex';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export interface Node { k: string; line: number; [key: string]: any }
export interface Params { req: (string | string[])[]; opt: [string, Node][]; rest?: string; post: string[]; kw: [string, Node | null][]; kwrest?: string; block?: string }

const BINARY: [string[], number][] = [[['||'], 1], [['&&'], 2], [['<=>', '==', '===', '!=', '=~', '!~'], 4], [['<', '<=', '>', '>='], 5], [['|', '^'], 6], [['&'], 7], [['<<', '>>'], 8], [['+', '-'], 9], [['*', '/', '%'], 10]];
const OP_ASSIGN = new Set(['+=', '-=', '*=', '/=', '%=', '**=', '||=', '&&=', '<<=', '>>=', '|=', '&=', '^=']);
const VALUE_KW = new Set(['nil', 'true', 'false', 'self', 'not', 'defined?', '__method__', '__FILE__', '__dir__', 'lambda', 'proc']);
const STMT_END = new Set(['end', 'else', 'elsif', 'when', 'rescue', 'ensure', 'in', 'then', 'do']);

/** What parse.y calls a token in "unexpected X". */
function desc(t: Tok): string {
  if (t.t === 'eof') return 'end-of-input';
  if (t.t === 'kw') return `\`${t.v}'`;
  if (t.t === 'int') return 'integer literal';
  if (t.t === 'float') return 'float literal';
  if (t.t === 'str' || t.t === 'dstr') return 'string literal';
  if (t.t === 'ident') return 'local variable or method';
  if (t.t === 'const') return 'constant';
  if (t.t === 'ivar') return 'instance variable';
  if (t.t === 'label') return 'label';
  if (t.t === 'nl') return "'\\n'";
  return `'${t.v}'`;
}

/** The parser's core: tokens, scopes of local variables, expressions by precedence, calls, blocks and literals; its
 *  larger forms are in rb-parse-kw.ts (Parser), which also has parseRuby. */
export abstract class ParserCore {
  pos = 0;
  scopes: { vars: Set<string>; hard: boolean }[] = [{ vars: new Set(), hard: true }];
  noDo = 0;
  constructor(readonly toks: Tok[]) {}

  get tok() { return this.toks[this.pos]; }
  peek(o = 1) { return this.toks[this.pos + o]; }
  is(t: Tok['t'], v?: string) { const k = this.tok; return k.t === t && (v === undefined || k.v === v); }
  op(v: string) { return this.is('op', v); }
  kw(v: string) { return this.is('kw', v); }
  next() { return this.toks[this.pos++]; }
  accept(t: Tok['t'], v?: string) { if (this.is(t, v)) { this.pos++; return true; } return false; }
  fail(expecting?: string): never {
    const t = this.tok;
    throw new RbSyntaxError(`syntax error, unexpected ${desc(t)}${expecting ? `, expecting ${expecting}` : ''}`, t.line, t.t === 'eof');
  }
  expect(t: Tok['t'], v: string) { if (!this.accept(t, v)) this.fail(t === 'kw' ? `\`${v}'` : `'${v}'`); }
  nls() { while (this.is('nl')) this.pos++; }
  terms() { while (this.is('nl') || this.op(';')) this.pos++; }
  declare(name: string) { this.scopes[this.scopes.length - 1].vars.add(name); }
  isLocal(name: string) {
    for (let i = this.scopes.length - 1; i >= 0; i--) { if (this.scopes[i].vars.has(name)) return true; if (this.scopes[i].hard) return false; }
    return false;
  }
  scoped<T>(hard: boolean, f: () => T): T { this.scopes.push({ vars: new Set(), hard }); try { return f(); } finally { this.scopes.pop(); } }

  program(): Node[] {
    const body = this.stmts();
    if (!this.is('eof')) this.fail('end-of-input');
    return body;
  }

  /** Statements up to a closing keyword or brace (not consumed). */
  stmts(closer?: string): Node[] {
    const out: Node[] = [];
    this.terms();
    while (!this.is('eof') && !(this.tok.t === 'kw' && STMT_END.has(this.tok.v)) && !(closer && this.op(closer))) {
      if (this.op('}') || this.op(')') || this.op(']')) this.fail();
      out.push(this.stmt());
      if (!this.is('nl') && !this.op(';') && !this.is('eof') && !(this.tok.t === 'kw' && STMT_END.has(this.tok.v)) && !(closer && this.op(closer))) this.fail();
      this.terms();
    }
    return out;
  }

  stmt(): Node {
    let e = this.exprStmt();
    for (;;) {
      const line = this.tok.line;
      if (this.accept('kw', 'if')) e = { k: 'if', line, cond: this.exprStmt(), then: [e], else: [] };
      else if (this.accept('kw', 'unless')) e = { k: 'if', line, cond: { k: 'not', line, e: this.exprStmt() }, then: [e], else: [] };
      else if (this.accept('kw', 'while')) e = { k: 'while', line, cond: this.exprStmt(), body: [e], doWhile: e.k === 'begin' };
      else if (this.accept('kw', 'until')) e = { k: 'while', line, cond: { k: 'not', line, e: this.exprStmt() }, body: [e], doWhile: e.k === 'begin' };
      else if (this.accept('kw', 'rescue')) e = { k: 'begin', line, body: [e], rescues: [{ classes: [], body: [this.exprStmt()] }], else: null, ensure: null };
      else return e;
    }
  }

  exprStmt(): Node {
    let e = this.notExpr();
    while (this.kw('and') || this.kw('or')) {
      const line = this.next().line;
      const kind = this.toks[this.pos - 1].v === 'and' ? 'and' : 'or';
      this.nls();
      e = { k: kind, line, l: e, r: this.notExpr() };
    }
    return e;
  }

  notExpr(): Node {
    if (this.kw('not')) { const line = this.next().line; return { k: 'not', line, e: this.notExpr() }; }
    return this.expr();
  }

  /** A multiple assignment starts here: `a, b = …`, `a, *b = …`. */
  mlhsAhead(): boolean {
    let j = this.pos;
    let n = 0;
    for (;;) {
      if (this.toks[j].t === 'op' && this.toks[j].v === '*') j++;
      if (!['ident', 'ivar', 'gvar'].includes(this.toks[j].t)) return false;
      j++;
      n++;
      if (this.toks[j].t === 'op' && this.toks[j].v === ',') { j++; continue; }
      return n > 1 && this.toks[j].t === 'op' && this.toks[j].v === '=';
    }
  }

  expr(): Node {
    const line = this.tok.line;
    if (this.mlhsAhead()) {
      const targets: Node[] = [];
      let splat = -1;
      do {
        if (this.accept('op', '*')) splat = targets.length;
        const t = this.next();
        if (t.t === 'ident') this.declare(t.v);
        targets.push({ k: t.t === 'ident' ? 'lvar' : t.t, line, name: t.v });
      } while (this.accept('op', ','));
      this.expect('op', '=');
      this.nls();
      const vals = [this.arg()];
      while (this.accept('op', ',')) { this.nls(); vals.push(this.arg()); }
      return { k: 'masgn', line, targets, splat, value: vals.length > 1 ? { k: 'array', line, items: vals } : vals[0] };
    }
    const lhs = this.arg();
    if (this.op('=') && this.assignable(lhs)) {
      this.next();
      this.nls();
      if (lhs.k === 'call' && !lhs.recv && !lhs.args.length) this.declare(lhs.name);
      let value = this.kw('not') ? this.notExpr() : this.expr();
      if (this.op(',') && lhs.k !== 'call') { const items = [value]; while (this.accept('op', ',')) { this.nls(); items.push(this.arg()); } value = { k: 'array', line, items }; }
      if (this.kw('rescue')) { this.next(); value = { k: 'begin', line, body: [value], rescues: [{ classes: [], body: [this.arg()] }], else: null, ensure: null }; }
      return this.assign(lhs, value, line);
    }
    if (this.tok.t === 'op' && OP_ASSIGN.has(this.tok.v) && this.assignable(lhs)) {
      const op = this.next().v.slice(0, -1);
      this.nls();
      if (lhs.k === 'call' && !lhs.recv && !lhs.args.length) this.declare(lhs.name);
      const target = lhs.k === 'call' && !lhs.recv && !lhs.args.length ? { k: 'lvar', line, name: lhs.name } : lhs;
      return { k: 'opasgn', line, target, op, value: this.expr() };
    }
    return lhs;
  }

  assignable(n: Node) { return ['lvar', 'ivar', 'gvar', 'cvar', 'const'].includes(n.k) || (n.k === 'call' && !n.block && (n.name === '[]' || (/^[a-z_]\w*$/.test(n.name) && !n.args.length && !n.paren))); }
  assign(lhs: Node, value: Node, line: number): Node {
    if (lhs.k === 'call' && lhs.name === '[]') return { k: 'call', line, recv: lhs.recv, name: '[]=', args: [...lhs.args, value], safe: false };
    if (lhs.k === 'call' && lhs.recv) return { k: 'call', line, recv: lhs.recv, name: lhs.name + '=', args: [value], safe: lhs.safe, attrasgn: true };
    if (lhs.k === 'call') return { k: 'asgn', line, target: { k: 'lvar', line, name: lhs.name }, value };
    return { k: 'asgn', line, target: lhs, value };
  }

  /** An argument: ternary and ranges (no `and`/`or`, no modifiers). */
  arg(): Node {
    const line = this.tok.line;
    const c = this.range();
    if (!this.op('?')) return c;
    this.next();
    this.nls();
    const a = this.arg();
    this.nls();
    if (this.is('label')) { const t = this.next(); return { k: 'if', line, cond: c, then: [this.varOrCall(t)], else: [this.arg()] }; }
    this.expect('op', ':');
    this.nls();
    return { k: 'if', line, cond: c, then: [a], else: [this.arg()] };
  }

  varOrCall(t: Tok): Node { return this.isLocal(t.v) ? { k: 'lvar', line: t.line, name: t.v } : { k: 'call', line: t.line, recv: null, name: t.v, args: [] }; }

  range(): Node {
    if (this.op('..') || this.op('...')) { const t = this.next(); return { k: 'range', line: t.line, lo: null, hi: this.binary(1), excl: t.v === '...' }; }
    const lo = this.binary(1);
    if (this.op('..') || this.op('...')) {
      const t = this.next();
      const end = this.is('nl') || this.op(')') || this.op(']') || this.kw('then') || this.is('eof');
      return { k: 'range', line: t.line, lo, hi: end ? null : this.binary(1), excl: t.v === '...' };
    }
    return lo;
  }

  binary(level: number): Node {
    if (level > 10) return this.unary();
    if (level === 3) {
      if (this.op('!')) { const line = this.next().line; return { k: 'not', line, e: this.binary(3) }; }
      return this.binary(4);
    }
    let l = this.binary(level + 1);
    const ops = BINARY.find(([, n]) => n === level)?.[0] ?? [];
    while (this.tok.t === 'op' && ops.includes(this.tok.v)) {
      const t = this.next();
      this.nls();
      const r = this.binary(level + 1);
      if (t.v === '&&') l = { k: 'and', line: t.line, l, r };
      else if (t.v === '||') l = { k: 'or', line: t.line, l, r };
      else if (t.v === '!=') l = { k: 'not', line: t.line, e: { k: 'call', line: t.line, recv: l, name: '==', args: [r] }, ne: true };
      else if (t.v === '!~') l = { k: 'not', line: t.line, e: { k: 'call', line: t.line, recv: l, name: '=~', args: [r] } };
      else l = { k: 'call', line: t.line, recv: l, name: t.v, args: [r] };
    }
    return l;
  }

  unary(): Node {
    const t = this.tok;
    if (t.t === 'op' && t.v === '-' ) {
      this.next();
      const n = this.tok;
      if ((n.t === 'int' || n.t === 'float') && !n.sp) { this.next(); const lit: Node = { k: n.t, line: n.line, v: '-' + n.v }; return this.pow(this.postfix(lit)); }
      return { k: 'call', line: t.line, recv: this.unary(), name: '-@', args: [] };
    }
    if (t.t === 'op' && t.v === '+') { this.next(); return this.unary(); }
    if (t.t === 'op' && t.v === '!') { this.next(); return { k: 'not', line: t.line, e: this.unary() }; }
    if (t.t === 'op' && t.v === '~') { this.next(); return { k: 'call', line: t.line, recv: this.unary(), name: '~', args: [] }; }
    if (t.t === 'op' && t.v === '&') this.fail();
    return this.pow(this.postfix(this.primary()));
  }

  pow(base: Node): Node {
    if (!this.op('**')) return base;
    const line = this.next().line;
    this.nls();
    const exp = this.unary();
    if (base.k === 'int' || base.k === 'float') {
      if (String(base.v).startsWith('-')) return { k: 'call', line, recv: { k: 'call', line, recv: { ...base, v: String(base.v).slice(1) }, name: '**', args: [exp] }, name: '-@', args: [] };
    }
    return { k: 'call', line, recv: base, name: '**', args: [exp] };
  }

  /** Whether the token after a method name starts a command argument (`puts x`, `puts -x`, `puts [1]`). */
  cmdStart(): boolean {
    const t = this.tok;
    if (!t.sp) return false;
    if (['int', 'float', 'str', 'dstr', 'sym', 'dsym', 'ident', 'const', 'ivar', 'gvar', 'cvar', 'regex', 'words', 'symbols', 'label'].includes(t.t)) return true;
    if (t.t === 'kw') return VALUE_KW.has(t.v);
    if (t.t === 'op' && (t.v === '[' || t.v === '(' || t.v === '->' || t.v === '::')) return true;
    if (t.t === 'op' && ['-', '*', '&', '!', '**', ':'].includes(t.v)) return !this.peek().sp;
    return false;
  }

  abstract callArgs(close?: string): { args: Node[]; blockArg?: Node };

  notArg(): Node { return this.kw('not') ? this.notExpr() : this.expr(); }

  /** A call's block: `{ |x| … }` or `do |x| … end`. */
  block(): Node | undefined {
    const brace = this.op('{');
    if (!brace && !(this.kw('do') && !this.noDo)) return undefined;
    const line = this.next().line;
    return this.scoped(false, () => {
      const saved = this.noDo;
      this.noDo = 0;
      let params: Params = { req: [], opt: [], post: [], kw: [] };
      this.nls();
      if (this.accept('op', '||')) { /* no params */ } else if (this.accept('op', '|')) params = this.params('|');
      const body = brace ? this.stmts('}') : this.bodyWithRescue();
      this.expect(brace ? 'op' : 'kw', brace ? '}' : 'end');
      this.noDo = saved;
      return { k: 'block', line, params, body };
    });
  }

  abstract params(close: string): Params;

  postfix(n: Node): Node {
    for (;;) {
      if (this.is('nl') && (this.peek().t === 'op' && (this.peek().v === '.' || this.peek().v === '&.'))) { this.next(); continue; }
      const t = this.tok;
      if (t.t === 'op' && (t.v === '.' || t.v === '&.')) {
        this.next();
        this.nls();
        const name = this.next();
        if (!['ident', 'const', 'kw', 'label'].includes(name.t) && !(name.t === 'op' && name.v === '(')) { this.pos--; this.fail(); }
        if (name.t === 'label') { this.pos--; this.toks[this.pos] = { ...name, t: 'ident' }; this.toks.splice(this.pos + 1, 0, { t: 'op', v: ':', line: name.line, sp: false }); this.next(); }
        if (n.k === 'call') n.inChain = true;
        n = this.callRest({ k: 'call', line: name.line, recv: n, name: name.t === 'op' ? 'call' : name.v, args: [], safe: t.v === '&.' }, name.t === 'op');
        continue;
      }
      if (t.t === 'op' && t.v === '::') {
        this.next();
        const name = this.next();
        if (name.t === 'const' && !(this.op('(') && !this.tok.sp)) { n = { k: 'const', line: name.line, scope: n, name: name.v }; continue; }
        n = this.callRest({ k: 'call', line: name.line, recv: n, name: name.v, args: [] });
        continue;
      }
      if (t.t === 'op' && t.v === '[' && !t.sp) {
        this.next();
        const { args } = this.callArgs(']');
        if (n.k === 'call') n.inChain = true;
        n = { k: 'call', line: t.line, recv: n, name: '[]', args };
        continue;
      }
      return n;
    }
  }

  /** After a method name: `(args)` or command args, then a block. */
  callRest(n: Node, parenOpened = false): Node {
    if (parenOpened || (this.op('(') && !this.tok.sp)) {
      if (!parenOpened) this.next();
      const { args, blockArg } = this.callArgs(')');
      n = { ...n, args, blockArg, paren: true };
    } else if (this.cmdStart() && !(n.recv === null && this.isLocal(n.name))) {
      const { args, blockArg } = this.callArgs();
      n = { ...n, args, blockArg };
    }
    const b = this.block();
    return b ? { ...n, block: b } : n;
  }

  strNode(t: Tok): Node {
    const parts = (t.parts ?? []).map((p: Part) => (typeof p === 'string' ? p : this.sub(p.code, p.line)));
    return { k: t.t === 'dsym' ? 'dsym' : t.t === 'regex' ? 'regex' : 'dstr', line: t.line, parts, flags: t.t === 'regex' ? t.v : '' };
  }

  /** An interpolated piece of code, parsed with the variables in scope. */
  sub(code: string, line: number): Node {
    const toks = lex(code).map((x) => ({ ...x, line: x.line + line - 1 }));
    const p = this.child(toks);
    p.scopes = this.scopes;
    const body = p.stmts();
    if (!p.is('eof')) p.fail();
    return { k: 'seq', line, body };
  }

  primary(): Node {
    const t = this.tok;
    const line = t.line;
    switch (t.t) {
      case 'int': this.next(); return { k: 'int', line, v: t.v };
      case 'float': this.next(); return { k: 'float', line, v: t.v };
      case 'str': {
        this.next();
        let n: Node = { k: 'str', line, v: t.v };
        while (this.is('str') || this.is('dstr')) { const u = this.next(); n = { k: 'dstr', line, parts: [n, u.t === 'str' ? u.v : this.strNode(u)] }; } // "a" "b"
        return n;
      }
      case 'dstr': case 'dsym': case 'regex': this.next(); return this.strNode(t);
      case 'sym': this.next(); return { k: 'sym', line, v: t.v };
      case 'words': this.next(); return { k: 'array', line, items: t.words!.map((w) => ({ k: 'str', line, v: w })) };
      case 'symbols': this.next(); return { k: 'array', line, items: t.words!.map((w) => ({ k: 'sym', line, v: w })) };
      case 'ivar': case 'gvar': case 'cvar': this.next(); return { k: t.t, line, name: t.v };
      case 'label': this.fail();
      // eslint-disable-next-line no-fallthrough
      case 'const': {
        this.next();
        if (this.op('(') && !this.tok.sp) return this.callRest({ k: 'call', line, recv: null, name: t.v, args: [] });
        if (this.is('str') && this.tok.sp) return this.callRest({ k: 'call', line, recv: null, name: t.v, args: [] });
        return { k: 'const', line, scope: null, name: t.v };
      }
      case 'ident': {
        this.next();
        if (this.isLocal(t.v) && !(this.op('(') && !this.tok.sp)) return { k: 'lvar', line, name: t.v };
        if (t.v === 'lambda' || t.v === 'proc') { const b = this.block(); if (b) return { k: 'lambda', line, params: b.params, body: b.body, proc: t.v === 'proc' }; }
        return this.callRest({ k: 'call', line, recv: null, name: t.v, args: [] });
      }
      case 'op':
        return this.primaryOp(t);
      case 'kw':
        return this.keyword(t);
      default:
        return this.fail();
    }
  }

  abstract primaryOp(t: Tok): Node;

  /** `then`/newline/`;` after a condition. */
  condEnd(allowDo = false) {
    if (this.accept('kw', 'then') || (allowDo && this.accept('kw', 'do'))) return;
    if (!this.is('nl') && !this.op(';')) this.fail("'then' or ';' or '\\n'");
    this.terms();
    this.accept('kw', 'then');
  }

  cond(): Node { this.noDo++; try { return this.exprStmt(); } finally { this.noDo--; } }

  abstract bodyWithRescue(): Node[];

  abstract keyword(t: Tok): Node;
  /** A parser for interpolated code. */
  abstract child(toks: Tok[]): ParserCore;

  abstract def(line: number): Node;

  abstract paramsBare(): Params;
}
