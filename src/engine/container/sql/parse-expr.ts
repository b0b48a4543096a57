// The SQL subset's values and expressions, and the parser base that reads them (tokens, names, operators, calls).
import { SqlError, type Tok } from './lex';

/** A decimal result with the scale the server prints it in (avg, sum of a numeric column). */
export class Dec {
  constructor(
    public n: number,
    public scale: number,
  ) {}
  valueOf(): number {
    return this.n;
  }
  /** `text`: the exact digits when a double cannot hold them (postgres' avg has 16 or more). */
  text?: string;
  toString(): string {
    return this.text ?? this.n.toFixed(this.scale);
  }
}

export type Value = string | number | boolean | null | Dec;

/** A table in FROM or JOIN: its name, the name the query calls it by, where it was written. */
export interface TableRef {
  name: string;
  alias: string;
  pos: number;
  /** A derived table: FROM (SELECT …) AS alias. */
  sub?: SelectQuery;
}

export interface SelectItem {
  e: Expr;
  alias: string | null;
  text: string;
}

/** A SELECT: a statement of its own, or a subquery inside an expression. */
export interface SelectQuery {
  k: 'select';
  distinct: boolean;
  items: SelectItem[];
  from: TableRef | null;
  joins: { kind: 'inner' | 'left' | 'right' | 'full'; table: TableRef; on: Expr }[];
  where: Expr | null;
  group: Expr[];
  having: Expr | null;
  order: { e: Expr; desc: boolean }[];
  limit: number | null;
  offset: number;
}

export type Expr =
  | { k: 'lit'; v: Value }
  | { k: 'col'; name: string; table?: string; pos: number }
  | { k: 'star'; table?: string }
  | { k: 'call'; fn: string; args: Expr[]; pos: number; distinct?: boolean }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'isnull'; e: Expr; neg: boolean }
  | { k: 'in'; e: Expr; list: Expr[]; neg: boolean; sub?: SelectQuery; pos: number }
  /** (SELECT …) as a value: its one column of its one row (NULL when it finds none). */
  | { k: 'sub'; q: SelectQuery; pos: number }
  | { k: 'exists'; q: SelectQuery };

export class ExprParser {
  i = 0;
  constructor(
    protected toks: Tok[],
    protected sql: string,
  ) {}
  peek(n = 0): Tok | undefined {
    return this.toks[this.i + n];
  }
  is(word: string, n = 0): boolean {
    const t = this.peek(n);
    return !!t && (t.t === 'word' || t.t === 'op') && t.v.toUpperCase() === word;
  }
  eat(word: string): boolean {
    if (!this.is(word)) return false;
    this.i++;
    return true;
  }
  expect(word: string) {
    if (!this.eat(word)) this.fail();
  }
  /** A syntax error at the next token (or at the end): its text, the rest of the statement (mysql's "near"), its offset. */
  fail(): never {
    const t = this.peek();
    throw new SqlError('syntax', t ? t.raw : '', t ? this.sql.slice(t.pos).trimEnd() : '', t ? t.pos : this.sql.trimEnd().length);
  }
  /** Where the next token starts (the end of the statement when there is none). */
  here(): number {
    return this.peek()?.pos ?? this.sql.trimEnd().length;
  }
  ident(): string {
    const t = this.peek();
    if (!t || (t.t !== 'word' && t.t !== 'qid')) this.fail();
    this.i++;
    return t.t === 'word' ? t.v.toLowerCase() : t.v;
  }
  /** The source text of tokens [from, this.i) as the user wrote it. */
  textFrom(from: number): string {
    const a = this.toks[from], b = this.toks[this.i - 1];
    return a && b ? this.sql.slice(a.pos, b.pos + b.raw.length) : '';
  }
  done() {
    if (this.peek()) this.fail();
  }
  /** The SELECT after a '(' (the statement parser reads it; an expression alone has none). */
  protected subquery(): SelectQuery {
    this.fail();
  }

  expr(): Expr {
    let l = this.and();
    while (this.eat('OR')) l = { k: 'bin', op: 'or', l, r: this.and() };
    return l;
  }
  and(): Expr {
    let l = this.notExpr();
    while (this.eat('AND')) l = { k: 'bin', op: 'and', l, r: this.notExpr() };
    return l;
  }
  notExpr(): Expr {
    return this.eat('NOT') ? { k: 'not', e: this.notExpr() } : this.cmp();
  }
  cmp(): Expr {
    const l = this.add();
    const t = this.peek();
    if (t?.t === 'op' && ['=', '<>', '!=', '<', '>', '<=', '>='].includes(t.v)) {
      this.i++;
      return { k: 'bin', op: t.v === '!=' ? '<>' : t.v, l, r: this.add() };
    }
    const neg = this.is('NOT') && (this.is('LIKE', 1) || this.is('IN', 1) || this.is('BETWEEN', 1)) ? (this.i++, true) : false;
    const wrap = (e: Expr): Expr => (neg ? { k: 'not', e } : e);
    if (this.eat('LIKE')) return wrap({ k: 'bin', op: 'like', l, r: this.add() });
    if (this.eat('BETWEEN')) {
      const lo = this.add();
      this.expect('AND');
      return wrap({ k: 'bin', op: 'and', l: { k: 'bin', op: '>=', l, r: lo }, r: { k: 'bin', op: '<=', l, r: this.add() } });
    }
    if (this.is('IN')) {
      const pos = this.here();
      this.i++;
      this.expect('(');
      if (this.eat('SELECT')) {
        const sub = this.subquery();
        this.expect(')');
        return { k: 'in', e: l, list: [], neg, sub, pos };
      }
      const list = [this.expr()];
      while (this.eat(',')) list.push(this.expr());
      this.expect(')');
      return { k: 'in', e: l, list, neg, pos };
    }
    if (this.eat('IS')) {
      const not = this.eat('NOT');
      this.expect('NULL');
      return { k: 'isnull', e: l, neg: not };
    }
    return l;
  }
  add(): Expr {
    let l = this.mul();
    for (let t = this.peek(); t?.t === 'op' && ['+', '-', '||'].includes(t.v); t = this.peek()) {
      this.i++;
      l = { k: 'bin', op: t.v, l, r: this.mul() };
    }
    return l;
  }
  mul(): Expr {
    let l = this.primary();
    for (let t = this.peek(); t?.t === 'op' && ['*', '/', '%'].includes(t.v); t = this.peek()) {
      this.i++;
      l = { k: 'bin', op: t.v, l, r: this.primary() };
    }
    return l;
  }
  primary(): Expr {
    const t = this.peek();
    if (!t) this.fail();
    this.i++;
    let e: Expr;
    if (t.t === 'num') e = { k: 'lit', v: Number(t.v) };
    else if (t.t === 'str') e = { k: 'lit', v: t.v };
    else if (t.t === 'op' && t.v === '*') e = { k: 'star' };
    else if (t.t === 'op' && t.v === '(' && this.eat('SELECT')) {
      e = { k: 'sub', q: this.subquery(), pos: t.pos };
      this.expect(')');
    } else if (t.t === 'op' && t.v === '(') {
      e = this.expr();
      this.expect(')');
    } else if (t.t === 'op' && t.v === '-') {
      const inner = this.primary();
      e = inner.k === 'lit' && typeof inner.v === 'number' ? { k: 'lit', v: -inner.v } : { k: 'bin', op: '-', l: { k: 'lit', v: 0 }, r: inner };
    } else if (t.t === 'qid' || t.t === 'word') {
      const up = t.v.toUpperCase();
      if (t.t === 'word' && up === 'NULL') e = { k: 'lit', v: null };
      else if (t.t === 'word' && (up === 'TRUE' || up === 'FALSE')) e = { k: 'lit', v: up === 'TRUE' };
      else if (t.t === 'word' && up === 'EXISTS' && this.is('(') && this.is('SELECT', 1)) {
        this.i += 2;
        e = { k: 'exists', q: this.subquery() };
        this.expect(')');
      } else if (t.t === 'word' && (up === 'CURRENT_TIMESTAMP' || up === 'CURRENT_DATE' || up === 'CURRENT_USER')) e = { k: 'call', fn: up.toLowerCase(), args: [], pos: t.pos };
      else if (t.t === 'word' && this.eat('(')) {
        const args: Expr[] = [];
        let distinct = false;
        if (!this.eat(')')) {
          distinct = this.eat('DISTINCT');
          args.push(this.expr());
          while (this.eat(',')) args.push(this.expr());
          this.expect(')');
        }
        e = { k: 'call', fn: t.v.toLowerCase(), args, pos: t.pos, ...(distinct ? { distinct } : {}) };
      } else {
        const first = t.t === 'word' ? t.v.toLowerCase() : t.v;
        if (this.eat('.')) {
          // table.column or table.*
          if (this.eat('*')) e = { k: 'star', table: first };
          else e = { k: 'col', name: this.ident(), table: first, pos: t.pos };
        } else e = { k: 'col', name: first, pos: t.pos };
      }
    } else this.fail();
    if (this.eat('::')) this.ident(); // a postgres cast: the value stays as it is
    return e;
  }
}
