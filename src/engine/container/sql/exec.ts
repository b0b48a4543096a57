// Runs the SQL subset on a cluster of databases (tables of typed rows); results as rows or a command tag, errors as SqlError.
import { SqlError, type ColumnDef, type Expr, type Stmt, type Value } from './parse';

export interface Table {
  columns: ColumnDef[];
  rows: Value[][];
  autoInc: number;
}
export type Database = Record<string, Table>;
export type Dialect = 'postgres' | 'mysql';

export type SqlResult =
  | { k: 'rows'; columns: string[]; rows: (string | null)[][]; right: boolean[] }
  | { k: 'ok'; tag: string; affected: number }
  | { k: 'use'; db: string };

export interface ExecContext {
  dialect: Dialect;
  /** The current database (null: mysql without USE). */
  db: string | null;
  /** Every database: name → tables (the caller loads and saves them). */
  dbs: Record<string, Database>;
  /** Databases the server has but keeps no tables of ours in (mysql, sys, template0 …). */
  system: string[];
  now: string; // ISO
  user: string;
  version: string;
}

const INT = /^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial|smallserial|int\d)( unsigned)?$/;
const NUM = /^(decimal|numeric|float|double|real|double precision)(\(|$)/;
const BOOL = /^(bool|boolean)$/;

function coerce(col: ColumnDef, v: Value, d: Dialect): Value {
  if (v === null) return null;
  const t = col.type.replace(/\(.*$/, '');
  if (INT.test(col.type) || INT.test(t)) {
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isFinite(n) || (typeof v === 'string' && !/^\s*-?\d+(\.\d+)?\s*$/.test(v))) {
      if (d === 'postgres') throw new SqlError('bad-value', 'integer', String(v));
      return 0;
    }
    return Math.round(n);
  }
  if (NUM.test(col.type)) {
    const n = typeof v === 'number' ? v : Number(v);
    if (!Number.isFinite(n)) {
      if (d === 'postgres') throw new SqlError('bad-value', 'numeric', String(v));
      return 0;
    }
    return n;
  }
  if (BOOL.test(col.type)) return typeof v === 'boolean' ? v : typeof v === 'number' ? v !== 0 : /^(t|true|y|yes|on|1)$/i.test(v);
  const m = /^(varchar|character varying|char)\((\d+)\)/.exec(col.type);
  const s = typeof v === 'boolean' ? (d === 'postgres' ? String(v) : v ? '1' : '0') : String(v);
  if (m && s.length > Number(m[2])) throw new SqlError('bad-value', `too long:${m[2]}`, col.name);
  return s;
}

/** A value as the client prints it. */
function show(v: Value, col: ColumnDef | null, d: Dialect): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return d === 'postgres' ? (v ? 't' : 'f') : v ? '1' : '0';
  if (typeof v === 'number') {
    const scale = col ? /^(decimal|numeric)\(\d+,(\d+)\)/.exec(col.type)?.[2] : undefined;
    return scale !== undefined ? v.toFixed(Number(scale)) : String(v);
  }
  return v;
}

function likeRe(p: string): RegExp {
  return new RegExp('^' + p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.') + '$', 's');
}

type Row = Record<string, Value>;

function evalExpr(e: Expr, row: Row | null, x: ExecContext, group?: Row[]): Value {
  switch (e.k) {
    case 'lit': return e.v;
    case 'star': return null;
    case 'col':
      if (!row || !(e.name in row)) throw new SqlError('no-column', e.name);
      return row[e.name];
    case 'not': {
      const v = evalExpr(e.e, row, x, group);
      return v === null ? null : !truthy(v);
    }
    case 'isnull': {
      const v = evalExpr(e.e, row, x, group);
      return e.neg ? v !== null : v === null;
    }
    case 'call': return callFn(e, row, x, group);
    case 'bin': {
      const l = evalExpr(e.l, row, x, group);
      if (e.op === 'and') return truthy(l) && truthy(evalExpr(e.r, row, x, group));
      if (e.op === 'or') return truthy(l) || truthy(evalExpr(e.r, row, x, group));
      const r = evalExpr(e.r, row, x, group);
      if (l === null || r === null) return null;
      if (e.op === '||') return String(l) + String(r);
      if (e.op === 'like') return likeRe(String(r)).test(String(l));
      if (['+', '-', '*', '/', '%'].includes(e.op)) {
        const a = Number(l), b = Number(r);
        if (e.op === '/' && b === 0) return null;
        const v = e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? (x.dialect === 'postgres' && Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b) : a % b;
        return v;
      }
      const cmp = typeof l === 'number' || typeof r === 'number' ? Number(l) - Number(r) : String(l) < String(r) ? -1 : String(l) > String(r) ? 1 : 0;
      const eqText = x.dialect === 'mysql' && typeof l === 'string' && typeof r === 'string' ? l.toLowerCase() === r.toLowerCase() : cmp === 0;
      switch (e.op) {
        case '=': return eqText;
        case '<>': return !eqText;
        case '<': return cmp < 0;
        case '>': return cmp > 0;
        case '<=': return cmp <= 0;
        case '>=': return cmp >= 0;
      }
      return null;
    }
  }
}

const truthy = (v: Value) => v !== null && v !== false && v !== 0 && v !== '0';
const AGG = new Set(['count', 'sum', 'min', 'max', 'avg']);
const isAgg = (e: Expr): boolean => (e.k === 'call' && AGG.has(e.fn)) || (e.k === 'bin' && (isAgg(e.l) || isAgg(e.r)));

function callFn(e: Extract<Expr, { k: 'call' }>, row: Row | null, x: ExecContext, group?: Row[]): Value {
  if (AGG.has(e.fn)) {
    const rows = group ?? [];
    if (e.fn === 'count') return e.args[0]?.k === 'star' || !e.args.length ? rows.length : rows.filter((r) => evalExpr(e.args[0], r, x) !== null).length;
    const vals = rows.map((r) => evalExpr(e.args[0], r, x)).filter((v) => v !== null).map(Number);
    if (!vals.length) return null;
    if (e.fn === 'sum') return vals.reduce((a, b) => a + b, 0);
    if (e.fn === 'min') return Math.min(...vals);
    if (e.fn === 'max') return Math.max(...vals);
    return vals.reduce((a, b) => a + b, 0) / vals.length;
  }
  const args = e.args.map((a) => evalExpr(a, row, x, group));
  const now = x.now.slice(0, 19).replace('T', ' ');
  switch (e.fn) {
    case 'version': return x.version;
    case 'now': case 'current_timestamp': case 'localtimestamp': return x.dialect === 'postgres' ? `${now}.${x.now.slice(20, 23)}000+00` : now;
    case 'current_date': case 'curdate': return now.slice(0, 10);
    case 'database': case 'current_database': case 'schema': return x.db;
    case 'user': case 'current_user': return x.dialect === 'mysql' ? `${x.user}@localhost` : x.user;
    case 'upper': return args[0] === null ? null : String(args[0]).toUpperCase();
    case 'lower': return args[0] === null ? null : String(args[0]).toLowerCase();
    case 'length': case 'char_length': return args[0] === null ? null : String(args[0]).length;
    case 'concat': return x.dialect === 'mysql' && args.includes(null) ? null : args.filter((a) => a !== null).map(String).join('');
    case 'coalesce': case 'ifnull': return args.find((a) => a !== null) ?? null;
    case 'round': return args[0] === null ? null : Number(Number(args[0]).toFixed(Number(args[1] ?? 0)));
    case 'abs': return args[0] === null ? null : Math.abs(Number(args[0]));
  }
  throw new SqlError('unsupported', `${e.fn}()`);
}

/** The column name a select item gets: postgres names a call by its function and a literal ?column?; mysql shows the text. */
function itemName(it: { e: Expr; alias: string | null; text: string }, d: Dialect): string {
  if (it.alias) return it.alias;
  if (d === 'mysql') return it.e.k === 'col' ? it.e.name : it.text;
  return it.e.k === 'col' ? it.e.name : it.e.k === 'call' ? it.e.fn : '?column?';
}

function tableOf(x: ExecContext, name: string): Table {
  if (x.db === null) throw new SqlError('no-db-selected');
  const t = x.dbs[x.db]?.[name];
  if (!t) throw new SqlError('no-table', name, x.db);
  return t;
}

function rowObj(t: Table, r: Value[]): Row {
  const o: Row = Object.create(null);
  t.columns.forEach((c, i) => (o[c.name] = r[i]));
  return o;
}

export function execute(st: Stmt, x: ExecContext): SqlResult {
  const d = x.dialect;
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
      for (const n of st.names) if (!x.dbs[x.db]?.[n] && !st.ifExists) throw new SqlError('no-table', n, x.db);
      for (const n of st.names) delete x.dbs[x.db]?.[n];
      return { k: 'ok', tag: 'DROP TABLE', affected: 0 };
    }
    case 'insert': {
      const t = tableOf(x, st.table);
      const cols = st.columns ?? t.columns.map((c) => c.name);
      for (const c of cols) if (!t.columns.some((tc) => tc.name === c)) throw new SqlError('no-column', c, st.table);
      const added: Value[][] = [];
      let next = t.autoInc;
      st.rows.forEach((exprs, ri) => {
        if (exprs.length !== cols.length) throw new SqlError('count', exprs.length > cols.length ? 'more' : 'fewer', String(ri + 1));
        const row = t.columns.map((c) => {
          const at = cols.indexOf(c.name);
          let v: Value = at >= 0 ? evalExpr(exprs[at], null, x) : c.default === 'now' ? callFn({ k: 'call', fn: 'now', args: [] }, null, x) : (c.default ?? null);
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
    case 'select': {
      const t = st.from ? tableOf(x, st.from) : null;
      let rows: Row[] = t ? t.rows.map((r) => rowObj(t, r)) : [Object.create(null) as Row];
      if (st.where) rows = rows.filter((r) => truthy(evalExpr(st.where!, r, x)));
      for (const o of [...st.order].reverse()) {
        rows = [...rows].sort((a, b) => {
          const va = evalExpr(o.e, a, x), vb = evalExpr(o.e, b, x);
          const c = va === null ? (vb === null ? 0 : 1) : vb === null ? -1 : typeof va === 'number' && typeof vb === 'number' ? va - vb : String(va).localeCompare(String(vb));
          return o.desc ? -c : c;
        });
      }
      const columns: string[] = [];
      const cols: (ColumnDef | null)[] = [];
      const getters: ((r: Row, g: Row[]) => Value)[] = [];
      for (const it of st.items) {
        if (it.e.k === 'star') {
          if (!t) throw new SqlError('syntax', '*');
          for (const c of t.columns) {
            columns.push(c.name);
            cols.push(c);
            getters.push((r) => r[c.name]);
          }
        } else {
          columns.push(itemName(it, d));
          cols.push(it.e.k === 'col' ? (t?.columns.find((c) => c.name === (it.e as { name: string }).name) ?? null) : null);
          const e = it.e;
          getters.push((r, g) => evalExpr(e, r, x, g));
        }
      }
      const aggregate = st.items.some((it) => isAgg(it.e));
      let out = aggregate ? [getters.map((g) => g(rows[0] ?? (Object.create(null) as Row), rows))] : rows.map((r) => getters.map((g) => g(r, rows)));
      if (st.limit !== null) out = out.slice(0, st.limit);
      const right = columns.map((_, i) => {
        const c = cols[i];
        return c ? INT.test(c.type) || NUM.test(c.type) : out.some((r) => typeof r[i] === 'number');
      });
      return { k: 'rows', columns, rows: out.map((r) => r.map((v, i) => show(v, cols[i], d))), right };
    }
    case 'update': {
      const t = tableOf(x, st.table);
      for (const [c] of st.set) if (!t.columns.some((tc) => tc.name === c)) throw new SqlError('no-column', c, st.table);
      let n = 0;
      t.rows = t.rows.map((r) => {
        const o = rowObj(t, r);
        if (st.where && !truthy(evalExpr(st.where, o, x))) return r;
        n++;
        return t.columns.map((c, i) => {
          const s = st.set.find(([name]) => name === c.name);
          return s ? coerce(c, evalExpr(s[1], o, x), d) : r[i];
        });
      });
      return { k: 'ok', tag: `UPDATE ${n}`, affected: n };
    }
    case 'delete': {
      const t = tableOf(x, st.table);
      const before = t.rows.length;
      t.rows = t.rows.filter((r) => st.where && !truthy(evalExpr(st.where, rowObj(t, r), x)));
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
