// A small SQL subset shared by the simulated postgres and mysql/mariadb: statements (CREATE/DROP/ALTER, INSERT, SELECT with JOIN and GROUP BY, UPDATE, DELETE, SHOW, USE, transactions).
import { ExprParser, type Expr, type SelectItem, type SelectQuery, type TableRef, type Value } from './parse-expr';
import { createRole, grant, mysqlAcl, type AclStmt, type MysqlAclStmt } from './parse-acl';

export { TABLE_PRIVS } from './parse-acl';
export { Dec, type Expr, type SelectItem, type SelectQuery, type TableRef, type Value } from './parse-expr';

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
  | { k: 'alter-table'; table: string; pos: number; add: ColumnDef[]; drop: string[] }
  | { k: 'insert'; table: string; pos: number; columns: string[] | null; rows: Expr[][] }
  | SelectQuery
  | { k: 'update'; table: string; pos: number; set: [string, Expr][]; where: Expr | null }
  | { k: 'delete'; table: string; pos: number; where: Expr | null }
  | { k: 'show-databases' }
  | { k: 'show-tables' }
  | { k: 'use'; name: string }
  | { k: 'describe'; table: string }
  | { k: 'tx'; op: 'begin' | 'commit' | 'rollback' }
  | { k: 'savepoint'; op: 'set' | 'rollback' | 'release'; name: string }
  | AclStmt
  | MysqlAclStmt
  | { k: 'drop-role'; names: string[]; ifExists: boolean };

import { SqlError, splitStatements, tokenize } from './lex';

export { SqlError, splitStatements, tokenize };

class Parser extends ExprParser {
  constructor(
    toks: ReturnType<typeof tokenize>,
    sql: string,
    /** postgres reserves FULL (FULL JOIN); to mysql it is a table alias like any other word. */
    private pg: boolean,
  ) {
    super(toks, sql);
  }

  /** A word that ends a select item or table reference instead of naming it. */
  clauseWord(v: string): boolean {
    return CLAUSE.test(v) || (this.pg && /^(FULL|NATURAL)$/i.test(v));
  }

  protected override subquery(): SelectQuery {
    return this.select();
  }

  /** A table name with its position (for the errors that point at it). */
  tableName(): { name: string; pos: number } {
    const pos = this.here();
    let name = this.ident();
    if (this.eat('.')) name = this.ident(); // db.table or schema.table: the current database's only
    return { name, pos };
  }

  statement(): Stmt {
    if (this.eat('CREATE')) {
      if (this.pg && (this.is('ROLE') || this.is('USER'))) return createRole(this);
      if (this.is('USER')) return mysqlAcl(this, 'create');
      if (this.eat('DATABASE') || this.eat('SCHEMA')) {
        const ifNotExists = this.eat('IF') ? (this.expect('NOT'), this.expect('EXISTS'), true) : false;
        return { k: 'create-db', name: this.ident(), ifNotExists };
      }
      if (this.eat('TABLE')) return this.createTable();
      throw new SqlError('unsupported', 'CREATE ' + (this.peek()?.raw ?? ''));
    }
    if (this.eat('DROP')) {
      if (!this.pg && this.is('USER')) return mysqlAcl(this, 'drop');
      if (this.pg && (this.eat('ROLE') || this.eat('USER'))) {
        const ifExists = this.eat('IF') ? (this.expect('EXISTS'), true) : false;
        const names = [this.ident()];
        while (this.eat(',')) names.push(this.ident());
        return { k: 'drop-role', names, ifExists };
      }
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
      const { name: table, pos } = this.tableName();
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
      return { k: 'insert', table, pos, columns, rows };
    }
    if (this.eat('SELECT')) return this.select();
    if (this.eat('UPDATE')) {
      const { name: table, pos } = this.tableName();
      this.expect('SET');
      const set: [string, Expr][] = [];
      do {
        const c = this.ident();
        this.expect('=');
        set.push([c, this.expr()]);
      } while (this.eat(','));
      return { k: 'update', table, pos, set, where: this.eat('WHERE') ? this.expr() : null };
    }
    if (this.eat('DELETE')) {
      this.expect('FROM');
      const { name: table, pos } = this.tableName();
      return { k: 'delete', table, pos, where: this.eat('WHERE') ? this.expr() : null };
    }
    if (this.eat('SHOW')) {
      if (this.eat('DATABASES') || this.eat('SCHEMAS')) return { k: 'show-databases' };
      if (this.eat('TABLES')) return { k: 'show-tables' };
      throw new SqlError('unsupported', 'SHOW ' + (this.peek()?.raw ?? ''));
    }
    if (this.eat('USE')) return { k: 'use', name: this.ident() };
    if (this.eat('DESCRIBE') || this.eat('DESC')) return { k: 'describe', table: this.ident() };
    if (this.eat('ALTER')) return this.alterTable();
    if (this.eat('BEGIN') || (this.eat('START') && (this.expect('TRANSACTION'), true))) {
      if (!this.eat('WORK')) this.eat('TRANSACTION');
      return { k: 'tx', op: 'begin' };
    }
    if (this.eat('COMMIT') || this.eat('END')) {
      if (!this.eat('WORK')) this.eat('TRANSACTION');
      return { k: 'tx', op: 'commit' };
    }
    if (this.eat('ROLLBACK') || this.eat('ABORT')) {
      if (!this.eat('WORK')) this.eat('TRANSACTION');
      if (this.eat('TO')) {
        this.eat('SAVEPOINT');
        return { k: 'savepoint', op: 'rollback', name: this.ident() };
      }
      return { k: 'tx', op: 'rollback' };
    }
    if (this.eat('SAVEPOINT')) return { k: 'savepoint', op: 'set', name: this.ident() };
    if (this.eat('RELEASE')) {
      this.eat('SAVEPOINT');
      return { k: 'savepoint', op: 'release', name: this.ident() };
    }
    if (this.pg && (this.is('GRANT') || this.is('REVOKE'))) return grant(this);
    if (!this.pg && (this.eat('GRANT') || this.eat('REVOKE') || this.eat('FLUSH'))) return mysqlAcl(this, this.toks[this.i - 1].v.toLowerCase() as 'grant');
    const t = this.peek();
    if (t && t.t === 'word' && /^(GRANT|REVOKE|TRUNCATE|EXPLAIN|WITH|SET|CREATE|REPLACE|ANALYZE|VACUUM|COPY)$/i.test(t.v)) throw new SqlError('unsupported', t.v.toUpperCase());
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
      columns.push(this.columnDef());
    } while (this.eat(','));
    this.expect(')');
    while (this.peek()) this.i++; // ENGINE=InnoDB DEFAULT CHARSET=…
    return { k: 'create-table', name, ifNotExists, columns };
  }

  /** ALTER TABLE t ADD [COLUMN] def, DROP [COLUMN] name (comma-separated actions). */
  alterTable(): Stmt {
    this.expect('TABLE');
    const { name: table, pos } = this.tableName();
    const add: ColumnDef[] = [];
    const drop: string[] = [];
    do {
      if (this.eat('ADD')) {
        this.eat('COLUMN');
        add.push(this.columnDef());
      } else if (this.eat('DROP')) {
        this.eat('COLUMN');
        drop.push(this.ident());
      } else {
        const t = this.peek();
        if (t && t.t === 'word') throw new SqlError('unsupported', `ALTER TABLE … ${t.v.toUpperCase()}`);
        this.fail();
      }
    } while (this.eat(','));
    return { k: 'alter-table', table, pos, add, drop };
  }

  columnDef(): ColumnDef {
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
      return col;
  }

  tableRef(): TableRef {
    if (this.is('(') && this.is('SELECT', 1)) {
      // a derived table: mysql wants its alias (postgres 16 and later do not)
      const pos = this.here();
      this.i += 2;
      const sub = this.select();
      this.expect(')');
      const t = this.peek();
      const named = this.eat('AS') || (t?.t === 'word' && !this.clauseWord(t.v)) || t?.t === 'qid';
      if (!named && !this.pg) throw new SqlError('derived-alias');
      const alias = named ? this.ident() : 'unnamed_subquery';
      return { name: alias, alias, pos, sub };
    }
    const { name, pos } = this.tableName();
    const t = this.peek();
    const alias = this.eat('AS') || (t?.t === 'word' && !this.clauseWord(t.v)) ? this.ident() : name;
    return { name, alias, pos };
  }

  select(): SelectQuery {
    const distinct = this.eat('DISTINCT');
    if (!distinct) this.eat('ALL');
    const items: SelectItem[] = [];
    do {
      const start = this.i;
      const e = this.expr();
      const text = this.textFrom(start);
      let alias: string | null = null;
      if (this.eat('AS')) alias = this.ident();
      else if ((this.peek()?.t === 'word' && !this.clauseWord(this.peek()!.v)) || this.peek()?.t === 'qid') alias = this.ident();
      items.push({ e, alias, text });
    } while (this.eat(','));
    let from: TableRef | null = null;
    const joins: SelectQuery['joins'] = [];
    if (this.eat('FROM')) {
      from = this.tableRef();
      for (;;) {
        if (this.eat(',')) {
          joins.push({ kind: 'inner', table: this.tableRef(), on: { k: 'lit', v: true } });
          continue;
        }
        const kind = this.eat('LEFT') ? 'left' : this.eat('RIGHT') ? 'right' : this.pg && this.eat('FULL') ? 'full' : 'inner';
        if (kind !== 'inner') this.eat('OUTER');
        else if (!this.eat('INNER')) this.eat('CROSS');
        if (!this.eat('JOIN')) {
          if (kind !== 'inner') this.fail();
          break;
        }
        const table = this.tableRef();
        let on: Expr = { k: 'lit', v: true };
        if (this.eat('ON')) on = this.expr();
        else if (this.eat('USING')) {
          this.expect('(');
          const names = [this.ident()];
          while (this.eat(',')) names.push(this.ident());
          this.expect(')');
          const prev = joins.length ? joins[joins.length - 1].table.alias : from.alias;
          on = names.map((n): Expr => ({ k: 'bin', op: '=', l: { k: 'col', name: n, table: prev, pos: 0 }, r: { k: 'col', name: n, table: table.alias, pos: 0 } })).reduce((a, b) => ({ k: 'bin', op: 'and', l: a, r: b }));
        }
        joins.push({ kind, table, on });
      }
    }
    const where = this.eat('WHERE') ? this.expr() : null;
    const group: Expr[] = [];
    if (this.eat('GROUP')) {
      this.expect('BY');
      do group.push(this.expr());
      while (this.eat(','));
    }
    const having = this.eat('HAVING') ? this.expr() : null;
    const order: { e: Expr; desc: boolean }[] = [];
    if (this.eat('ORDER')) {
      this.expect('BY');
      do {
        const e = this.expr();
        const desc = this.eat('DESC');
        if (!desc) this.eat('ASC');
        order.push({ e, desc });
      } while (this.eat(','));
    }
    let limit: number | null = null;
    let offset = 0;
    const num = () => {
      const t = this.peek();
      if (t?.t !== 'num') this.fail();
      this.i++;
      return Number(t.v);
    };
    if (this.eat('LIMIT')) {
      limit = num();
      if (this.eat(',')) [offset, limit] = [limit, num()]; // mysql: LIMIT offset, count
    }
    if (this.eat('OFFSET')) offset = num();
    if (limit === null && this.eat('LIMIT')) limit = num();
    return { k: 'select', distinct, items, from, joins, where, group, having, order, limit, offset };
  }
}

/** Words that end a select item or a table reference (so they are not taken for an alias). */
const CLAUSE = /^(FROM|WHERE|ORDER|LIMIT|OFFSET|GROUP|HAVING|JOIN|LEFT|RIGHT|INNER|OUTER|CROSS|ON|USING|UNION)$/i;

export function parseStatement(sql: string, dialect: 'postgres' | 'mysql' = 'postgres'): Stmt {
  const p = new Parser(tokenize(sql), sql, dialect === 'postgres');
  const st = p.statement();
  p.done();
  return st;
}
