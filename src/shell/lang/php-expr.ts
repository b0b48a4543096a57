// The PHP subset's expression parser: PHP 8's precedence table (. below + and -, ** right-associative, ?? and
// assignments to the right), calls, arrays, closures, arrow functions, match, new, casts and string interpolation.
import { describe, KEYWORDS, PhpParseError, tokenize, type Tok } from './php-lex';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type N = { k: string; line: number } & Record<string, any>;

export interface Param { name: string; def: N | null; byRef: boolean; variadic: boolean; promote: string | null; type: string }
export interface FnDef { name: string; params: Param[]; body: N[] | null; uses: { name: string; byRef: boolean }[]; arrow: N | null; line: number; isStatic?: boolean }

const BIN: Record<string, number> = {
  or: 1, xor: 2, and: 3, '??': 6, '||': 7, '&&': 8, '|': 9, '^': 10, '&': 11, '==': 12, '!=': 12, '===': 12, '!==': 12, '<>': 12, '<=>': 12,
  '<': 13, '<=': 13, '>': 13, '>=': 13, '.': 14, '<<': 15, '>>': 15, '+': 16, '-': 16, '*': 17, '/': 17, '%': 17, instanceof: 19, '**': 21,
};
const ASSIGN = new Set(['=', '+=', '-=', '*=', '/=', '.=', '%=', '**=', '??=', '|=', '&=', '^=', '<<=', '>>=']);
const CASTS = new Set(['int', 'integer', 'float', 'double', 'string', 'bool', 'boolean', 'array', 'object']);

export class ExprParser {
  protected i = 0;
  constructor(protected toks: Tok[]) {}

  peek(o = 0): Tok { return this.toks[Math.min(this.i + o, this.toks.length - 1)]; }
  next(): Tok { return this.toks[this.i < this.toks.length - 1 ? this.i++ : this.i]; }
  is(v: string): boolean {
    const t = this.peek();
    return t.t === 'op' ? t.v === v : t.t === 'id' && t.v.toLowerCase() === v;
  }
  accept(v: string): boolean {
    if (!this.is(v)) return false;
    this.next();
    return true;
  }
  expect(v: string, expecting?: string) {
    // bison names what it expected only when few tokens would do (PHP 8: `if $x` is `unexpected variable "$x", expecting "("`)
    if (!this.accept(v)) this.fail(expecting ?? (v === '(' ? '"("' : undefined));
  }
  /** PHP's message for the next token being wrong here. */
  fail(expecting?: string): never {
    const t = this.peek();
    throw new PhpParseError(`syntax error, unexpected ${describe(t)}${expecting ? `, expecting ${expecting}` : ''}`, t.line);
  }
  name(): string {
    const t = this.peek();
    if (t.t !== 'id') this.fail();
    return this.next().v;
  }
  skipType(): string {
    let s = '';
    while (this.is('?') || this.is('|') || this.is('(') || this.is(')') || (this.peek().t === 'id' && !this.is('function') && !this.is('fn'))) {
      if (this.is(')') && !s.includes('(')) break;
      s += this.next().v;
    }
    return s;
  }

  /** A function's parameter list, return type and body, after its name. */
  fnRest(name: string, line: number, abstract = false): FnDef {
    const params = this.params();
    if (this.accept(':')) this.skipType();
    if (abstract && this.accept(';')) return { name, params, body: null, uses: [], arrow: null, line };
    const body = this.block();
    return { name, params, body, uses: [], arrow: null, line };
  }

  block(): N[] { throw new Error('statements are parsed by Parser'); }

  protected params(): Param[] {
    this.expect('(');
    const out: Param[] = [];
    while (!this.is(')')) {
      let promote: string | null = null;
      while (this.peek().t === 'id' && ['public', 'private', 'protected', 'readonly'].includes(this.peek().v.toLowerCase())) { const m = this.next().v.toLowerCase(); if (m !== 'readonly') promote = m; else promote ??= 'public'; }
      const type = this.skipType();
      const byRef = this.accept('&');
      const variadic = this.accept('...');
      const v = this.peek();
      if (v.t !== 'var') this.fail('variable');
      this.next();
      out.push({ name: v.v.slice(1), def: this.accept('=') ? this.expr() : null, byRef, variadic, promote, type });
      if (!this.accept(',')) break;
    }
    this.expect(')');
    return out;
  }

  expr(min = 0): N {
    let left = this.unary();
    for (;;) {
      const t = this.peek();
      const op = t.t === 'op' || (t.t === 'id' && ['or', 'xor', 'and', 'instanceof'].includes(t.v.toLowerCase())) ? (t.t === 'id' ? t.v.toLowerCase() : t.v) : '';
      if (op === '?' && min <= 5) {
        this.next();
        if (this.accept(':')) { left = { k: 'ternary', line: t.line, cond: left, then: null, else: this.expr(6) }; continue; }
        const then = this.expr(4);
        this.expect(':');
        left = { k: 'ternary', line: t.line, cond: left, then, else: this.expr(6) };
        continue;
      }
      const p = BIN[op];
      if (p === undefined || p < min || (p === min && op !== '??' && op !== '**')) break;
      this.next();
      if (op === 'instanceof') { left = { k: 'instanceof', line: t.line, e: left, cls: this.peek().t === 'id' ? { k: 'name', v: this.next().v, line: t.line } : this.unary() }; continue; }
      const right = this.expr(op === '??' || op === '**' ? p : p + 1);
      left = { k: op === '&&' || op === 'and' ? 'and' : op === '||' || op === 'or' ? 'or' : op === '??' ? 'coalesce' : 'bin', line: t.line, op, a: left, b: right };
    }
    return left;
  }

  private unary(): N {
    const t = this.peek();
    const line = t.line;
    if (t.t === 'op') {
      if (t.v === '!') { this.next(); return { k: 'not', line, e: this.expr(18) }; }
      if (t.v === '-' || t.v === '+' || t.v === '~') { this.next(); return { k: 'neg', line, op: t.v, e: this.expr(20) }; }
      if (t.v === '@') { this.next(); return { k: 'silence', line, e: this.expr(20) }; }
      if (t.v === '++' || t.v === '--') { this.next(); return { k: 'incdec', line, op: t.v, prefix: true, e: this.postfix(this.primary()) }; }
      if (t.v === '&') { this.next(); return { k: 'ref', line, e: this.unary() }; }
      if (t.v === '(' && this.peek(1).t === 'id' && CASTS.has(this.peek(1).v.toLowerCase()) && this.peek(2).v === ')') {
        this.next();
        const to = this.next().v.toLowerCase();
        this.next();
        return { k: 'cast', line, to, e: this.expr(20) };
      }
    }
    if (t.t === 'id') {
      const kw = t.v.toLowerCase();
      if (kw === 'print') { this.next(); return { k: 'print', line, e: this.expr(4) }; }
      if (kw === 'throw') { this.next(); return { k: 'throw', line, e: this.expr(0) }; }
      if (kw === 'include' || kw === 'require' || kw === 'include_once' || kw === 'require_once') { this.next(); return { k: 'include', line, kind: kw, e: this.expr(4) }; }
      if (kw === 'new') return this.postfix(this.newExpr());
      if (kw === 'clone') { this.next(); return { k: 'clone', line, e: this.expr(20) }; }
    }
    return this.postfix(this.primary());
  }

  private newExpr(): N {
    const line = this.next().line;
    let cls: N;
    if (this.is('class')) this.fail(); // anonymous classes are not in the subset
    if (this.peek().t === 'id') cls = { k: 'name', line, v: this.next().v };
    else if (this.peek().t === 'var') cls = { k: 'var', line, name: this.next().v.slice(1) };
    else if (this.accept('(')) { cls = this.expr(); this.expect(')'); }
    else this.fail();
    const args = this.is('(') ? this.args() : [];
    return { k: 'new', line, cls, args };
  }

  args(): N[] {
    this.expect('(');
    const out: N[] = [];
    while (!this.is(')')) {
      const line = this.peek().line;
      if (this.accept('...')) { if (this.is(')')) { out.push({ k: 'fcc', line }); break; } out.push({ k: 'spread', line, e: this.expr() }); }
      else if (this.peek().t === 'id' && this.peek(1).v === ':' && this.peek(2).v !== ':') { const name = this.next().v; this.next(); out.push({ k: 'named', line, name, e: this.expr() }); }
      else out.push(this.expr());
      if (!this.accept(',')) break;
    }
    this.expect(')');
    return out;
  }

  private arrayItems(end: string): N[] {
    const items: N[] = [];
    while (!this.is(end)) {
      const line = this.peek().line;
      if (this.is(',')) { this.next(); items.push({ k: 'skip', line }); continue; }
      if (this.accept('...')) { items.push({ k: 'item', line, key: null, value: this.expr(), spread: true }); }
      else {
        const byRef = this.accept('&');
        let value = this.expr();
        let key: N | null = null;
        if (this.accept('=>')) { key = value; value = (this.accept('&'), this.expr()); }
        items.push({ k: 'item', line, key, value, byRef });
      }
      if (!this.accept(',')) break;
    }
    this.expect(end);
    return items;
  }

  private closure(isStatic: boolean): N {
    const t = this.next();
    const line = t.line;
    const arrow = t.v.toLowerCase() === 'fn';
    this.accept('&');
    const params = this.params();
    const uses: { name: string; byRef: boolean }[] = [];
    if (!arrow && this.accept('use')) {
      this.expect('(');
      while (!this.is(')')) { const byRef = this.accept('&'); uses.push({ name: this.next().v.slice(1), byRef }); if (!this.accept(',')) break; }
      this.expect(')');
    }
    if (this.accept(':')) this.skipType();
    if (arrow) { this.expect('=>'); return { k: 'closure', line, fn: { name: '{closure}', params, body: null, uses, arrow: this.expr(4), line, isStatic } satisfies FnDef }; }
    return { k: 'closure', line, fn: { name: '{closure}', params, body: this.block(), uses, arrow: null, line, isStatic } satisfies FnDef };
  }

  private primary(): N {
    const t = this.peek();
    const line = t.line;
    switch (t.t) {
      case 'var': this.next(); return { k: 'var', line, name: t.v.slice(1) };
      case 'int': this.next(); return { k: 'lit', line, v: Number(t.v) };
      case 'float': this.next(); return { k: 'float', line, v: Number(t.v) };
      case 'str': this.next(); return { k: 'lit', line, v: t.v };
      case 'tpl': {
        this.next();
        const parts = (t.parts ?? []).map((p) => (typeof p === 'string' ? p : new ExprParser(tokenize(p.code, true).map((x) => ({ ...x, line: x.line + p.line - 1 }))).expr()));
        return { k: 'interp', line, parts };
      }
      case 'op':
        if (t.v === '(') { this.next(); const e = this.expr(); this.expect(')'); return e; }
        if (t.v === '[') { this.next(); return { k: 'array', line, items: this.arrayItems(']') }; }
        if (t.v === '$') {
          this.next();
          if (this.accept('{')) { const e = this.expr(); this.expect('}'); return { k: 'varvar', line, e }; }
          return { k: 'varvar', line, e: this.primary() };
        }
        this.fail();
        break;
      case 'id': {
        const kw = t.v.toLowerCase();
        if (kw === 'true' || kw === 'false') { this.next(); return { k: 'lit', line, v: kw === 'true' }; }
        if (kw === 'null') { this.next(); return { k: 'lit', line, v: null }; }
        if (kw === 'function' || kw === 'fn') return this.closure(false);
        if (kw === 'static' && (this.peek(1).v.toLowerCase() === 'function' || this.peek(1).v.toLowerCase() === 'fn')) { this.next(); return this.closure(true); }
        if ((kw === 'array' || kw === 'list') && this.peek(1).v === '(') { this.next(); this.next(); return { k: kw === 'list' ? 'list' : 'array', line, items: this.arrayItems(')') }; }
        if (kw === 'isset' || kw === 'empty') { this.next(); return { k: kw, line, args: this.args() }; }
        if (kw === 'exit' || kw === 'die') { this.next(); const args = this.is('(') ? this.args() : []; return { k: 'exit', line, e: args[0] ?? null }; }
        if (kw === 'match') {
          this.next();
          this.expect('(');
          const subject = this.expr();
          this.expect(')');
          this.expect('{');
          const arms: { conds: N[] | null; body: N }[] = [];
          while (!this.accept('}')) {
            let conds: N[] | null = [];
            if (this.accept('default')) conds = null;
            else { do { if (this.is('=>')) break; conds.push(this.expr()); } while (this.accept(',')); }
            this.expect('=>');
            arms.push({ conds, body: this.expr() });
            if (!this.accept(',')) { this.expect('}'); break; }
          }
          return { k: 'match', line, subject, arms };
        }
        if (KEYWORDS.has(kw) && !['static', 'self', 'parent', 'array', 'list', 'enum', 'readonly'].includes(kw)) this.fail();
        this.next();
        if (this.is('(')) return { k: 'call', line, name: t.v, args: this.args() };
        if (this.is('::')) return { k: 'name', line, v: t.v };
        return { k: 'const', line, name: t.v };
      }
    }
    return this.fail();
  }

  private postfix(e: N): N {
    for (;;) {
      const t = this.peek();
      const line = t.line;
      if (t.t !== 'op') return e;
      if (t.v === '[') {
        this.next();
        if (this.accept(']')) { e = { k: 'index', line, e, idx: null }; continue; }
        const idx = this.expr();
        this.expect(']');
        e = { k: 'index', line, e, idx };
      } else if (t.v === '->' || t.v === '?->') {
        this.next();
        let name: N;
        const p = this.peek();
        if (p.t === 'id') name = { k: 'lit', line, v: this.next().v };
        else if (p.t === 'var') name = { k: 'var', line, name: this.next().v.slice(1) };
        else if (this.accept('{')) { name = this.expr(); this.expect('}'); }
        else this.fail();
        if (this.is('(')) e = { k: 'mcall', line, obj: e, name, args: this.args(), nullsafe: t.v === '?->' };
        else e = { k: 'prop', line, obj: e, name, nullsafe: t.v === '?->' };
      } else if (t.v === '::') {
        this.next();
        const p = this.peek();
        if (p.t === 'var') { this.next(); e = { k: 'sprop', line, cls: e, name: p.v.slice(1) }; continue; }
        const name = this.name();
        if (name.toLowerCase() === 'class') e = { k: 'classname', line, cls: e };
        else if (this.is('(')) e = { k: 'scall', line, cls: e, name, args: this.args() };
        else e = { k: 'cconst', line, cls: e, name };
      } else if (t.v === '(') {
        e = { k: 'callv', line, fn: e, args: this.args() };
      } else if (t.v === '++' || t.v === '--') {
        this.next();
        e = { k: 'incdec', line, op: t.v, prefix: false, e };
      } else if (ASSIGN.has(t.v) && ['var', 'index', 'prop', 'sprop', 'array', 'list', 'varvar'].includes(e.k)) {
        this.next();
        if (t.v === '=' && this.is('&')) { this.next(); e = { k: 'assignref', line, target: e, value: this.expr(4) }; continue; }
        const target = e.k === 'array' ? { ...e, k: 'list' } : e;
        e = { k: 'assign', line, op: t.v, target, value: this.expr(4) };
      } else return e;
    }
  }
}
