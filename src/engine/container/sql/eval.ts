// Values of the SQL subset: typing a value for its column, printing it, and evaluating expressions and functions over rows.
import { Dec, SqlError, type ColumnDef, type Expr, type SelectQuery, type Value } from './parse';
import type { Dialect, ExecContext } from './context';

export const INT = /^(int|integer|bigint|smallint|tinyint|mediumint|serial|bigserial|smallserial|int\d)( unsigned)?$/;
export const NUM = /^(decimal|numeric|float|double|real|double precision)(\(|$)/;
const BOOL = /^(bool|boolean)$/;

/** A row being evaluated: column → value; `alias.column` too; AMBIG where two joined tables share a column name. */
export const AMBIG: unique symbol = Symbol('ambiguous');
export type Row = Record<string, Value | typeof AMBIG>;

export const isNum = (v: Value): v is number | Dec => typeof v === 'number' || v instanceof Dec;
export const truthy = (v: Value) => v !== null && v !== false && v !== 0 && v !== '0' && !(v instanceof Dec && v.n === 0);

export function coerce(col: ColumnDef, v: Value, d: Dialect): Value {
  if (v === null) return null;
  const t = col.type.replace(/\(.*$/, '');
  if (INT.test(col.type) || INT.test(t)) {
    if (typeof v === 'boolean') return v ? 1 : 0;
    const n = isNum(v) ? Number(v) : Number(String(v).trim());
    if (!Number.isFinite(n) || (typeof v === 'string' && !/^\s*-?\d+(\.\d+)?\s*$/.test(v))) {
      if (d === 'postgres') throw new SqlError('bad-value', 'integer', String(v));
      return 0;
    }
    return Math.round(n);
  }
  if (NUM.test(col.type)) {
    const n = Number(v);
    if (!Number.isFinite(n)) {
      if (d === 'postgres') throw new SqlError('bad-value', 'numeric', String(v));
      return 0;
    }
    return n;
  }
  if (BOOL.test(col.type)) return typeof v === 'boolean' ? v : isNum(v) ? Number(v) !== 0 : /^(t|true|y|yes|on|1)$/i.test(v);
  const m = /^(varchar|character varying|char)\((\d+)\)/.exec(col.type);
  const s = typeof v === 'boolean' ? (d === 'postgres' ? String(v) : v ? '1' : '0') : String(v);
  if (m && s.length > Number(m[2])) throw new SqlError('bad-value', `too long:${m[2]}`, col.name);
  return s;
}

/** The scale a decimal(p,s) column prints with (undefined for other types). */
export const scaleOf = (col: ColumnDef | null | undefined) => (col ? /^(decimal|numeric)\(\d+,(\d+)\)/.exec(col.type)?.[2] : undefined);

/** A value as the client prints it. */
export function show(v: Value, col: ColumnDef | null, d: Dialect): string | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return d === 'postgres' ? (v ? 't' : 'f') : v ? '1' : '0';
  if (typeof v === 'number') {
    const scale = scaleOf(col);
    return scale !== undefined ? v.toFixed(Number(scale)) : String(v);
  }
  return String(v);
}

/** Order of two values as ORDER BY sorts them (nulls last ascending in postgres, first in mysql). */
export function compare(a: Value, b: Value, d: Dialect): number {
  if (a === null || b === null) return a === b ? 0 : (a === null) === (d === 'postgres') ? 1 : -1;
  if (isNum(a) && isNum(b)) return Number(a) - Number(b);
  const x = String(a), y = String(b);
  return d === 'mysql' ? x.localeCompare(y, 'en', { sensitivity: 'base' }) : x.localeCompare(y, 'en');
}

function likeRe(p: string): RegExp {
  return new RegExp('^' + p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '.*').replace(/_/g, '.') + '$', 's');
}

export const AGG = new Set(['count', 'sum', 'min', 'max', 'avg']);
export const isAgg = (e: Expr): boolean =>
  (e.k === 'call' && (AGG.has(e.fn) || e.args.some(isAgg))) || (e.k === 'bin' && (isAgg(e.l) || isAgg(e.r))) || ((e.k === 'not' || e.k === 'isnull') && isAgg(e.e)) || (e.k === 'in' && isAgg(e.e));

export function evalExpr(e: Expr, row: Row | null, x: ExecContext, group?: Row[]): Value {
  switch (e.k) {
    case 'lit': return e.v;
    case 'star': return null;
    case 'col': {
      const key = e.table ? `${e.table}.${e.name}` : e.name;
      if (e.table && row && !((e.table + '.') in row)) throw new SqlError('no-from', e.table, key, e.pos, x.clause ?? 'field list');
      if (!row || !(key in row)) throw new SqlError('no-column', key, '', e.pos, x.clause ?? 'field list');
      const v = row[key];
      if (v === AMBIG) throw new SqlError('ambiguous', e.name, '', e.pos, x.clause ?? 'field list');
      return v;
    }
    case 'not': {
      const v = evalExpr(e.e, row, x, group);
      return v === null ? null : !truthy(v);
    }
    case 'isnull': {
      const v = evalExpr(e.e, row, x, group);
      return e.neg ? v !== null : v === null;
    }
    case 'sub': {
      const r = runSub(e.q, row, x);
      if (r.width !== 1) throw new SqlError('subquery-cols', 'expr', '', x.dialect === 'postgres' ? e.pos : null);
      if (r.rows.length > 1) throw new SqlError('subquery-rows');
      return r.rows[0]?.[0] ?? null;
    }
    case 'exists': return runSub(e.q, row, x).rows.length > 0;
    case 'in': {
      if (e.sub) {
        const r = runSub(e.sub, row, x);
        if (r.width !== 1) throw new SqlError('subquery-cols', 'in', '', x.dialect === 'postgres' ? e.pos : null);
        const v = evalExpr(e.e, row, x, group);
        if (v === null) return r.rows.length ? null : e.neg;
        const hit = r.rows.some(([w]) => w !== null && compare(v, w, x.dialect) === 0);
        // no match, but a NULL among the answers: unknown (so NOT IN finds nothing)
        if (!hit && r.rows.some(([w]) => w === null)) return null;
        return e.neg ? !hit : hit;
      }
      const v = evalExpr(e.e, row, x, group);
      if (v === null) return null;
      const hit = e.list.some((i) => {
        const w = evalExpr(i, row, x, group);
        return w !== null && compare(v, w, x.dialect) === 0;
      });
      return e.neg ? !hit : hit;
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
        return e.op === '+' ? a + b : e.op === '-' ? a - b : e.op === '*' ? a * b : e.op === '/' ? (x.dialect === 'postgres' && Number.isInteger(a) && Number.isInteger(b) ? Math.trunc(a / b) : a / b) : a % b;
      }
      const cmp = isNum(l) || isNum(r) ? Number(l) - Number(r) : String(l) < String(r) ? -1 : String(l) > String(r) ? 1 : 0;
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

/** A subquery's rows, the outer query's row visible to it; the outer query's clause and columns are kept for its own errors. */
function runSub(q: SelectQuery, row: Row | null, x: ExecContext): { rows: Value[][]; width: number } {
  if (!x.subquery) throw new SqlError('unsupported', 'a subquery here');
  const { clause, cols } = x;
  try {
    return x.subquery(q, row);
  } finally {
    x.clause = clause;
    x.cols = cols;
  }
}

/** postgres' numeric division scale (select_div_scale): at least 16 significant digits, in base-10000 digit weights. */
function pgDivScale(sum: number, count: number, dscale: number): number {
  const w = (v: number): [number, number] => {
    const a = Math.abs(v);
    if (a === 0) return [0, 0];
    const wt = Math.floor(Math.floor(Math.log10(a) + 1e-12) / 4);
    return [wt, Math.floor(a / 10 ** (wt * 4) + 1e-9)];
  };
  const [w1, f1] = w(sum), [w2, f2] = w(count);
  const q = w1 - w2 - (f1 < f2 ? 1 : 0);
  return Math.min(1000, Math.max(16 - q * 4, dscale, 0));
}

/** sum/count to `scale` decimals, exactly (rounded half away from zero), from the sum in units of 10^-dscale. */
function exactDiv(sum: number, dscale: number, count: number, scale: number): string {
  const s = BigInt(Math.round(sum * 10 ** dscale)) * 10n ** BigInt(scale - dscale);
  const neg = s < 0n;
  const abs = neg ? -s : s;
  let q = abs / BigInt(count);
  if ((abs % BigInt(count)) * 2n >= BigInt(count)) q += 1n;
  const digits = q.toString().padStart(scale + 1, '0');
  const txt = scale ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return (neg && q !== 0n ? '-' : '') + txt;
}

function aggregate(e: Extract<Expr, { k: 'call' }>, x: ExecContext, rows: Row[]): Value {
  const arg = e.args[0];
  if (e.fn === 'count' && (!arg || arg.k === 'star')) return rows.length;
  let vals = rows.map((r) => evalExpr(arg, r, x)).filter((v) => v !== null);
  if (e.distinct) vals = vals.filter((v, i) => vals.findIndex((w) => compare(v, w, x.dialect) === 0) === i);
  if (e.fn === 'count') return vals.length;
  if (!vals.length) return null;
  const col = arg.k === 'col' ? x.cols?.[arg.table ? `${arg.table}.${arg.name}` : arg.name] : undefined;
  const scale = Number(scaleOf(col) ?? 0);
  const decimal = scaleOf(col) !== undefined;
  if (e.fn === 'min' || e.fn === 'max') {
    const v = vals.reduce((a, b) => ((compare(a, b, x.dialect) <= 0) === (e.fn === 'min') ? a : b));
    return decimal && typeof v === 'number' ? new Dec(v, scale) : v;
  }
  const nums = vals.map(Number);
  const sum = nums.reduce((a, b) => a + b, 0);
  const float = col ? /^(float|double|real)/.test(col.type) : !nums.every((n) => Number.isInteger(n));
  if (e.fn === 'sum') return decimal ? new Dec(sum, scale) : sum;
  if (float) return sum / nums.length;
  if (x.dialect === 'mysql') return new Dec(sum / nums.length, scale + 4);
  const rscale = pgDivScale(sum, nums.length, scale);
  const d = new Dec(sum / nums.length, rscale);
  d.text = exactDiv(sum, scale, nums.length, rscale);
  return d;
}

export function callFn(e: Extract<Expr, { k: 'call' }>, row: Row | null, x: ExecContext, group?: Row[]): Value {
  if (AGG.has(e.fn)) return aggregate(e, x, group ?? []);
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
    case 'round': {
      if (args[0] === null) return null;
      const places = Number(args[1] ?? 0);
      const v = Number(Number(args[0]).toFixed(places));
      return args[0] instanceof Dec || (places > 0 && x.dialect === 'postgres') ? new Dec(v, places) : v;
    }
    case 'abs': return args[0] === null ? null : Math.abs(Number(args[0]));
  }
  throw new SqlError('unsupported', `${e.fn}()`);
}
