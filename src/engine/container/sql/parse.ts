// A small SQL subset shared by the simulated postgres and mysql/mariadb: tokens and statements (CREATE/DROP, INSERT, SELECT, UPDATE, DELETE, SHOW, USE).
export type Value = string | number | boolean | null;

export type Expr =
  | { k: 'lit'; v: Value }
  | { k: 'col'; name: string }
  | { k: 'star' }
  | { k: 'call'; fn: string; args: Expr[] }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'not'; e: Expr }
  | { k: 'isnull'; e: Expr; neg: boolean };

export interface ColumnDef {
  name: string;
  type: string; // as written, lower case (varchar(50), serial, int …)
  notNull: boolean;
  primary: boolean;
  autoIncrement: boolean; // serial (postgres) or AUTO_INCREMENT (mysql)
  default: Value | 'now' | undefined;
  unique: boolean;
}

export type Stmt =
  | { k: 'create-db'; name: string; ifNotExists: boolean }
  | { k: 'drop-db'; name: string; ifExists: boolean }
  | { k: 'create-table'; name: string; ifNotExists: boolean; columns: ColumnDef[] }
  | { k: 'drop-table'; names: string[]; ifExists: boolean }
  | { k: 'insert'; table: string; columns: string[] | null; rows: Expr[][] }
  | { k: 'select'; items: { e: Expr; alias: string | null; text: string }[]; from: string | null; where: Expr | null; order: { e: Expr; desc: boolean }[]; limit: number | null }
  | { k: 'update'; table: string; set: [string, Expr][]; where: Expr | null }
  | { k: 'delete'; table: string; where: Expr | null }
  | { k: 'show-databases' }
  | { k: 'show-tables' }
  | { k: 'use'; name: string }
  | { k: 'describe'; table: string };

import { SqlError, splitStatements, tokenize, type Tok } from './lex';

export { SqlError, splitStatements, tokenize };

class Parser {
  i = 0;
  constructor(private toks: Tok[]) {}
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
  fail(): never {
    const t = this.peek();
    throw new SqlError('syntax', t ? t.raw : '', this.toks.slice(this.i).map((x) => x.raw).join(' '));
  }
  ident(): string {
    const t = this.peek();
    if (!t || (t.t !== 'word' && t.t !== 'qid')) this.fail();
    this.i++;
    return t.t === 'word' ? t.v.toLowerCase() : t.v;
  }
  done() {
    if (this.peek()) this.fail();
  }

  statement(): Stmt {
    if (this.eat('CREATE')) {
      if (this.eat('DATABASE') || this.eat('SCHEMA')) {
        const ifNotExists = this.eat('IF') ? (this.expect('NOT'), this.expect('EXISTS'), true) : false;
        return { k: 'create-db', name: this.ident(), ifNotExists };
      }
      if (this.eat('TABLE')) return this.createTable();
      throw new SqlError('unsupported', 'CREATE ' + (this.peek()?.raw ?? ''));
    }
    if (this.eat('DROP')) {
      if (this.eat('DATABASE') || this.eat('SCHEMA')) {
        const ifExists = this.eat('IF') ? (this.expect('EXISTS'), true) : false;
        return { k: 'drop-db', name: this.ident(), ifExists };
      }
      if (this.eat('TABLE')) {
        const ifExists = this.eat('IF') ? (this.expect('EXISTS'), true) : false;
        const names = [this.ident()];
        while (this.eat(',')) names.push(this.ident());
        return { k: 'drop-table', names, ifExists };
      }
      throw new SqlError('unsupported', 'DROP ' + (this.peek()?.raw ?? ''));
    }
    if (this.eat('INSERT')) {
      this.expect('INTO');
      const table = this.ident();
      let columns: string[] | null = null;
      if (this.eat('(')) {
        columns = [this.ident()];
        while (this.eat(',')) columns.push(this.ident());
        this.expect(')');
      }
      if (!this.eat('VALUES') && !this.eat('VALUE')) this.fail();
      const rows: Expr[][] = [];
      do {
        this.expect('(');
        const row = [this.expr()];
        while (this.eat(',')) row.push(this.expr());
        this.expect(')');
        rows.push(row);
      } while (this.eat(','));
      return { k: 'insert', table, columns, rows };
    }
    if (this.eat('SELECT')) return this.select();
    if (this.eat('UPDATE')) {
      const table = this.ident();
      this.expect('SET');
      const set: [string, Expr][] = [];
      do {
        const c = this.ident();
        this.expect('=');
        set.push([c, this.expr()]);
      } while (this.eat(','));
      return { k: 'update', table, set, where: this.eat('WHERE') ? this.expr() : null };
    }
    if (this.eat('DELETE')) {
      this.expect('FROM');
      const table = this.ident();
      return { k: 'delete', table, where: this.eat('WHERE') ? this.expr() : null };
    }
    if (this.eat('SHOW')) {
      if (this.eat('DATABASES') || this.eat('SCHEMAS')) return { k: 'show-databases' };
      if (this.eat('TABLES')) return { k: 'show-tables' };
      throw new SqlError('unsupported', 'SHOW ' + (this.peek()?.raw ?? ''));
    }
    if (this.eat('USE')) return { k: 'use', name: this.ident() };
    if (this.eat('DESCRIBE') || this.eat('DESC')) return { k: 'describe', table: this.ident() };
    const t = this.peek();
    if (t && t.t === 'word' && /^(ALTER|GRANT|REVOKE|BEGIN|COMMIT|ROLLBACK|START|TRUNCATE|EXPLAIN|WITH|SET|CREATE|REPLACE|ANALYZE|VACUUM|COPY)$/i.test(t.v)) throw new SqlError('unsupported', t.v.toUpperCase());
    this.fail();
  }

  createTable(): Stmt {
    const ifNotExists = this.eat('IF') ? (this.expect('NOT'), this.expect('EXISTS'), true) : false;
    const name = this.ident();
    this.expect('(');
    const columns: ColumnDef[] = [];
    do {
      if (this.eat('PRIMARY')) {
        this.expect('KEY');
        this.expect('(');
        const pk = this.ident();
        this.expect(')');
        const c = columns.find((x) => x.name === pk);
        if (!c) throw new SqlError('no-column', pk);
        c.primary = true;
        c.notNull = true;
        continue;
      }
      if (this.is('UNIQUE') || this.is('FOREIGN') || this.is('CONSTRAINT') || this.is('KEY') || this.is('INDEX')) {
        // table constraints: skipped up to the next top-level comma
        let depth = 0;
        while (this.peek() && !(depth === 0 && (this.is(',') || this.is(')')))) {
          if (this.is('(')) depth++;
          if (this.is(')')) depth--;
          this.i++;
        }
        continue;
      }
      const col: ColumnDef = { name: this.ident(), type: '', notNull: false, primary: false, autoIncrement: false, default: undefined, unique: false };
      const t = this.ident();
      let type = t;
      if (t === 'double' && this.eat('PRECISION')) type = 'double precision';
      if (t === 'character' && this.eat('VARYING')) type = 'character varying';
      if (this.eat('(')) {
        const parts = [this.peek()?.v ?? ''];
        this.i++;
        while (this.eat(',')) (parts.push(this.peek()?.v ?? ''), this.i++);
        this.expect(')');
        type += `(${parts.join(',')})`;
      }
      if (this.eat('UNSIGNED')) type += ' unsigned';
      col.type = type;
      if (/^(serial|bigserial|smallserial)$/.test(t)) (col.autoIncrement = true, col.notNull = true);
      for (;;) {
        if (this.eat('PRIMARY')) (this.expect('KEY'), (col.primary = true), (col.notNull = true));
        else if (this.eat('NOT')) (this.expect('NULL'), (col.notNull = true));
        else if (this.eat('NULL')) col.notNull = false;
        else if (this.eat('AUTO_INCREMENT') || this.eat('AUTOINCREMENT')) col.autoIncrement = true;
        else if (this.eat('UNIQUE')) col.unique = true;
        else if (this.eat('DEFAULT')) {
          const e = this.primary();
          col.default = e.k === 'lit' ? e.v : e.k === 'call' && /^(now|current_timestamp)$/.test(e.fn) ? 'now' : null;
        } else if (this.eat('REFERENCES')) {
          this.ident();
          if (this.eat('(')) (this.ident(), this.expect(')'));
        } else if (this.eat('GENERATED')) {
          while (this.peek() && !this.is(',') && !this.is(')')) this.i++;
          col.autoIncrement = true;
        } else break;
      }
      columns.push(col);
    } while (this.eat(','));
    this.expect(')');
    while (this.peek()) this.i++; // ENGINE=InnoDB DEFAULT CHARSET=…
    return { k: 'create-table', name, ifNotExists, columns };
  }

  select(): Stmt {
    const items: { e: Expr; alias: string | null; text: string }[] = [];
    do {
      const start = this.i;
      const e = this.expr();
      const text = this.toks.slice(start, this.i).map((x) => x.raw).join('').replace(/,/g, ', ');
      let alias: string | null = null;
      if (this.eat('AS')) alias = this.ident();
      else if (this.peek()?.t === 'word' && !/^(FROM|WHERE|ORDER|LIMIT)$/i.test(this.peek()!.v)) alias = this.ident();
      items.push({ e, alias, text });
    } while (this.eat(','));
    let from: string | null = null;
    let where: Expr | null = null;
    const order: { e: Expr; desc: boolean }[] = [];
    let limit: number | null = null;
    if (this.eat('FROM')) {
      from = this.ident();
      if (this.eat('.')) from = this.ident(); // db.table: the current database's only
    }
    if (this.eat('WHERE')) where = this.expr();
    if (this.eat('ORDER')) {
      this.expect('BY');
      do {
        const e = this.expr();
        const desc = this.eat('DESC');
        if (!desc) this.eat('ASC');
        order.push({ e, desc });
      } while (this.eat(','));
    }
    if (this.eat('LIMIT')) {
      const t = this.peek();
      if (t?.t !== 'num') this.fail();
      this.i++;
      limit = Number(t.v);
    }
    return { k: 'select', items, from, where, order, limit };
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
    if (this.eat('LIKE')) return { k: 'bin', op: 'like', l, r: this.add() };
    if (this.eat('IS')) {
      const neg = this.eat('NOT');
      this.expect('NULL');
      return { k: 'isnull', e: l, neg };
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
    else if (t.t === 'op' && t.v === '(') {
      e = this.expr();
      this.expect(')');
    } else if (t.t === 'op' && t.v === '-') {
      const inner = this.primary();
      e = inner.k === 'lit' && typeof inner.v === 'number' ? { k: 'lit', v: -inner.v } : { k: 'bin', op: '-', l: { k: 'lit', v: 0 }, r: inner };
    } else if (t.t === 'qid') e = { k: 'col', name: t.v };
    else if (t.t === 'word') {
      const up = t.v.toUpperCase();
      if (up === 'NULL') e = { k: 'lit', v: null };
      else if (up === 'TRUE' || up === 'FALSE') e = { k: 'lit', v: up === 'TRUE' };
      else if (up === 'CURRENT_TIMESTAMP' || up === 'CURRENT_DATE' || up === 'CURRENT_USER') e = { k: 'call', fn: up.toLowerCase(), args: [] };
      else if (this.eat('(')) {
        const args: Expr[] = [];
        if (!this.eat(')')) {
          this.eat('DISTINCT');
          args.push(this.expr());
          while (this.eat(',')) args.push(this.expr());
          this.expect(')');
        }
        e = { k: 'call', fn: t.v.toLowerCase(), args };
      } else {
        let name = t.v.toLowerCase();
        if (this.eat('.')) name = this.ident(); // table.column
        e = { k: 'col', name };
      }
    } else this.fail();
    if (this.eat('::')) this.ident(); // a postgres cast: the value stays as it is
    return e;
  }
}

export function parseStatement(sql: string): Stmt {
  const toks = tokenize(sql);
  const p = new Parser(toks);
  const st = p.statement();
  p.done();
  return st;
}
