// Runs the SQL subset on a cluster of databases (tables of typed rows); results as rows or a command tag, errors as SqlError.
import { SqlError, type ColumnDef, type Expr, type Stmt, type Value } from './parse';
import { callFn, coerce, evalExpr, truthy, type Row } from './eval';
import { bindSubqueries, runSelect } from './select';
import { tableOf, type ExecContext, type SqlResult, type Table } from './context';

export type { Database, Dialect, ExecContext, SqlResult, Table } from './context';

/** A stored row by column name, and by table.column (UPDATE … WHERE users.id = 1). */
function rowObj(t: Table, r: Value[], name: string): Row {
  const o = Object.create(null) as Row;
  o[name + '.'] = true;
  t.columns.forEach((c, i) => (o[c.name] = o[`${name}.${c.name}`] = r[i]));
  return o;
}

/** The tables an expression's subqueries read (mysql refuses an UPDATE or DELETE whose WHERE reads its own table). */
function subqueryTables(e: Expr | null): string[] {
  if (!e) return [];
  const q = e.k === 'sub' || e.k === 'exists' ? e.q : e.k === 'in' ? e.sub : undefined;
  const inner = q ? [q.from?.name ?? '', ...q.joins.map((j) => j.table.name), ...subqueryTables(q.where)] : [];
  const kids = e.k === 'bin' ? [e.l, e.r] : e.k === 'not' || e.k === 'isnull' ? [e.e] : e.k === 'in' ? [e.e, ...e.list] : e.k === 'call' ? e.args : [];
  return [...inner, ...kids.flatMap(subqueryTables)];
}

export function execute(st: Stmt, x: ExecContext): SqlResult {
  const d = x.dialect;
  bindSubqueries(x);
  switch (st.k) {
    case 'create-db': {
      if (x.dbs[st.name] || x.system.includes(st.name)) {
        if (st.ifNotExists) return { k: 'ok', tag: 'CREATE DATABASE', affected: 0 };
        throw new SqlError('db-exists', st.name);
      }
      x.dbs[st.name] = {};
      return { k: 'ok', tag: 'CREATE DATABASE', affected: 1 };
    }
    case 'drop-db': {
      if (!x.dbs[st.name]) {
        if (st.ifExists) return { k: 'ok', tag: 'DROP DATABASE', affected: 0 };
        throw new SqlError('no-db', st.name, 'drop');
      }
      const n = Object.keys(x.dbs[st.name]).length;
      delete x.dbs[st.name];
      return { k: 'ok', tag: 'DROP DATABASE', affected: n };
    }
    case 'use': {
      if (!x.dbs[st.name] && !x.system.includes(st.name)) throw new SqlError('no-db', st.name);
      return { k: 'use', db: st.name };
    }
    case 'create-table': {
      if (x.db === null) throw new SqlError('no-db-selected');
      const db = (x.dbs[x.db] ??= {});
      if (db[st.name]) {
        if (st.ifNotExists) return { k: 'ok', tag: 'CREATE TABLE', affected: 0 };
        throw new SqlError('table-exists', st.name);
      }
      db[st.name] = { columns: st.columns, rows: [], autoInc: 1 };
      return { k: 'ok', tag: 'CREATE TABLE', affected: 0 };
    }
    case 'drop-table': {
      if (x.db === null) throw new SqlError('no-db-selected');
      for (const n of st.names) if (!x.dbs[x.db]?.[n] && !st.ifExists) throw new SqlError('no-table', n, x.db, null, 'drop');
      for (const n of st.names) delete x.dbs[x.db]?.[n];
      return { k: 'ok', tag: 'DROP TABLE', affected: 0 };
    }
    case 'insert': {
      const t = tableOf(x, st.table, st.pos, 'INSERT');
      const cols = st.columns ?? t.columns.map((c) => c.name);
      for (const c of cols) if (!t.columns.some((tc) => tc.name === c)) throw new SqlError('no-column', c, st.table);
      const added: Value[][] = [];
      let next = t.autoInc;
      st.rows.forEach((exprs, ri) => {
        if (exprs.length !== cols.length) throw new SqlError('count', exprs.length > cols.length ? 'more' : 'fewer', String(ri + 1));
        const row = t.columns.map((c) => {
          const at = cols.indexOf(c.name);
          let v: Value = at >= 0 ? evalExpr(exprs[at], null, x) : c.default === 'now' ? callFn({ k: 'call', fn: 'now', args: [], pos: 0 }, null, x) : (c.default ?? null);
          if (c.autoIncrement && (v === null || (d === 'mysql' && v === 0))) v = next++;
          else if (c.autoIncrement && typeof v === 'number' && v >= next) next = v + 1;
          if (v === null && c.notNull) throw new SqlError('not-null', c.name, st.table);
          return coerce(c, v, d);
        });
        for (const [i, c] of t.columns.entries()) {
          if ((c.primary || c.unique) && row[i] !== null && [...t.rows, ...added].some((r) => r[i] === row[i])) throw new SqlError('duplicate', String(row[i]), `${st.table}.${c.name}`);
        }
        added.push(row);
      });
      t.rows.push(...added);
      t.autoInc = next;
      return { k: 'ok', tag: `INSERT 0 ${added.length}`, affected: added.length };
    }
    case 'select': return runSelect(st, x);
    case 'alter-table': {
      const t = tableOf(x, st.table, st.pos);
      const columns = [...t.columns];
      let rows = t.rows.map((r) => [...r]);
      for (const c of st.add) {
        if (columns.some((tc) => tc.name === c.name)) throw new SqlError('column-exists', c.name, st.table);
        const v = c.default === 'now' ? callFn({ k: 'call', fn: 'now', args: [], pos: 0 }, null, x) : (c.default ?? null);
        if (v === null && c.notNull && rows.length && !c.autoIncrement) throw new SqlError('not-null', c.name, st.table);
        columns.push(c);
        let n = 0;
        rows = rows.map((r) => [...r, c.autoIncrement ? ++n : coerce(c, v, d)]);
      }
      for (const name of st.drop) {
        const i = columns.findIndex((tc) => tc.name === name);
        if (i < 0) throw new SqlError('no-drop-column', name, st.table);
        columns.splice(i, 1);
        rows = rows.map((r) => r.filter((_, j) => j !== i));
      }
      x.dbs[x.db!][st.table] = { ...t, columns, rows };
      return { k: 'ok', tag: 'ALTER TABLE', affected: 0 };
    }
    case 'tx': return { k: 'ok', tag: st.op.toUpperCase(), affected: 0 };
    case 'savepoint': case 'grant': case 'create-role': case 'drop-role': case 'my-user': case 'my-grant': case 'flush': throw new SqlError('unsupported', st.k); // the server runs these (transactions, roles)
    case 'update': {
      const t = tableOf(x, st.table, st.pos, 'UPDATE');
      if (d === 'mysql' && [...subqueryTables(st.where), ...st.set.flatMap(([, e]) => subqueryTables(e))].includes(st.table)) throw new SqlError('update-target', st.table);
      for (const [c] of st.set) if (!t.columns.some((tc) => tc.name === c)) throw new SqlError('no-column', c, st.table);
      let n = 0;
      t.rows = t.rows.map((r) => {
        const o = rowObj(t, r, st.table);
        x.clause = 'where clause';
        if (st.where && !truthy(evalExpr(st.where, o, x))) return r;
        x.clause = 'field list';
        n++;
        return t.columns.map((c, i) => {
          const s = st.set.find(([name]) => name === c.name);
          return s ? coerce(c, evalExpr(s[1], o, x), d) : r[i];
        });
      });
      return { k: 'ok', tag: `UPDATE ${n}`, affected: n };
    }
    case 'delete': {
      const t = tableOf(x, st.table, st.pos, 'DELETE');
      if (d === 'mysql' && subqueryTables(st.where).includes(st.table)) throw new SqlError('update-target', st.table);
      const before = t.rows.length;
      x.clause = 'where clause';
      t.rows = t.rows.filter((r) => st.where && !truthy(evalExpr(st.where, rowObj(t, r, st.table), x)));
      return { k: 'ok', tag: `DELETE ${before - t.rows.length}`, affected: before - t.rows.length };
    }
    case 'show-databases': {
      const names = [...new Set([...x.system, ...Object.keys(x.dbs)])].sort();
      return { k: 'rows', columns: ['Database'], rows: names.map((n) => [n]), right: [false] };
    }
    case 'show-tables': {
      if (x.db === null) throw new SqlError('no-db-selected');
      return { k: 'rows', columns: [`Tables_in_${x.db}`], rows: Object.keys(x.dbs[x.db] ?? {}).sort().map((n) => [n]), right: [false] };
    }
    case 'describe': {
      const t = tableOf(x, st.table);
      return {
        k: 'rows', columns: ['Field', 'Type', 'Null', 'Key', 'Default', 'Extra'], right: [false, false, false, false, false, false],
        rows: t.columns.map((c) => [c.name, c.type === 'integer' ? 'int' : c.type, c.notNull ? 'NO' : 'YES', c.primary ? 'PRI' : c.unique ? 'UNI' : '', c.default === undefined || c.default === null ? null : c.default === 'now' ? 'CURRENT_TIMESTAMP' : String(c.default), c.autoIncrement ? 'auto_increment' : '']),
      };
    }
  }
}
