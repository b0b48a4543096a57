// SELECT: FROM with INNER/LEFT JOINs, WHERE, GROUP BY with aggregates and HAVING, DISTINCT, ORDER BY, LIMIT/OFFSET.
import { SqlError, type ColumnDef, type Expr, type Stmt, type TableRef, type Value } from './parse';
import { AMBIG, INT, NUM, compare, evalExpr, isAgg, isNum, show, truthy, type Row } from './eval';
import { tableOf, type ExecContext, type SqlResult, type Table } from './context';

type Select = Extract<Stmt, { k: 'select' }>;
interface Source {
  ref: TableRef;
  table: Table;
}

/** `row` joined with one row of `src` (null: LEFT JOIN's missing partner); a column name both sides have becomes ambiguous. */
function withSource(row: Row, src: Source, values: Value[] | null): Row {
  const out: Row = copyRow(row);
  out[src.ref.alias + '.'] = true;
  src.table.columns.forEach((c, i) => {
    const v = values ? values[i] : null;
    out[`${src.ref.alias}.${c.name}`] = v;
    out[c.name] = Object.hasOwn(row, c.name) ? AMBIG : v;
  });
  return out;
}

/** A row's own columns copied; a subquery's rows keep the outer query's row behind theirs (as prototype), which their own names shadow. */
const copyRow = (row: Row): Row => Object.assign(Object.create(Object.getPrototypeOf(row) as object | null) as Row, row);

/** Column references outside aggregate calls. */
function bareCols(e: Expr): Extract<Expr, { k: 'col' }>[] {
  switch (e.k) {
    case 'col': return [e];
    case 'call': return isAgg(e) ? [] : e.args.flatMap(bareCols);
    case 'bin': return [...bareCols(e.l), ...bareCols(e.r)];
    case 'not': case 'isnull': return bareCols(e.e);
    case 'in': return [...bareCols(e.e), ...e.list.flatMap(bareCols)];
    default: return [];
  }
}

/** Every column reference, aggregated or not. */
function allCols(e: Expr): Extract<Expr, { k: 'col' }>[] {
  switch (e.k) {
    case 'col': return [e];
    case 'call': return e.args.flatMap(allCols);
    case 'bin': return [...allCols(e.l), ...allCols(e.r)];
    case 'not': case 'isnull': return allCols(e.e);
    case 'in': return [...allCols(e.e), ...e.list.flatMap(allCols)];
    default: return [];
  }
}

/** The servers check every column name when they plan the query, before any row is read (an empty table still fails). */
function checkNames(st: Select, x: ExecContext, sources: Source[], outer: Row | null) {
  let probe = Object.create(outer) as Row;
  for (const src of sources) probe = withSource(probe, src, null);
  const names = st.items.map((it) => it.alias ?? (it.e.k === 'col' ? it.e.name : ''));
  const check = (e: Expr | null, clause: string, aliases = false) => {
    if (!e) return;
    x.clause = clause;
    for (const c of allCols(e)) if (!(aliases && !c.table && names.includes(c.name))) evalExpr(c, probe, x);
  };
  st.items.forEach((it) => check(it.e, 'field list'));
  st.joins.forEach((j) => check(j.on, 'on clause'));
  check(st.where, 'where clause');
  st.group.forEach((g) => check(g, 'group statement', true)); // both servers group by an output name
  check(st.having, 'having clause', x.dialect === 'mysql');
  st.order.forEach((o) => check(o.e, 'order clause', true));
}

/** postgres and mysql's ONLY_FULL_GROUP_BY: a selected column must be grouped, aggregated, or depend on a grouped primary key. */
function checkGrouped(st: Select, x: ExecContext, sources: Source[]) {
  const owner = (c: Extract<Expr, { k: 'col' }>) => sources.find((s) => (c.table ? s.ref.alias === c.table : s.table.columns.some((tc) => tc.name === c.name)));
  const sameCol = (a: Expr, c: Extract<Expr, { k: 'col' }>, src: Source | undefined) => a.k === 'col' && a.name === c.name && (!a.table || a.table === src?.ref.alias);
  st.items.forEach((it, i) => {
    if (st.group.some((g) => JSON.stringify({ ...g, pos: 0 }) === JSON.stringify({ ...it.e, pos: 0 }))) return;
    const cols: Extract<Expr, { k: 'col' }>[] = it.e.k === 'star'
      ? sources.filter((s) => !(it.e as { table?: string }).table || s.ref.alias === (it.e as { table?: string }).table).flatMap((s) => s.table.columns.map((c) => ({ k: 'col' as const, name: c.name, table: s.ref.alias, pos: 0 })))
      : bareCols(it.e);
    for (const c of cols) {
      const src = owner(c);
      if (!src) continue; // an unknown column: evaluation reports it
      const pk = src.table.columns.find((tc) => tc.primary);
      if (st.group.some((g) => sameCol(g, c, src) || (pk && sameCol(g, { ...c, name: pk.name }, src)))) continue;
      throw new SqlError('group-by', `${src.ref.alias}.${c.name}`, `${x.db}.${src.ref.name}.${c.name}`, c.pos, `${i + 1}|${st.group.length ? 'group' : 'none'}`);
    }
  });
}

/** The column name a select item gets: postgres names a call by its function and anything else ?column?; mysql shows the text. */
function itemName(it: Select['items'][number], x: ExecContext): string {
  if (it.alias) return it.alias;
  if (it.e.k === 'col') return it.e.name;
  if (x.dialect === 'mysql') return it.text;
  if (it.e.k === 'sub' && it.e.q.items.length === 1) return itemName(it.e.q.items[0], x); // postgres names (SELECT max(x) …) "max"
  if (it.e.k === 'exists') return 'exists';
  return it.e.k === 'call' ? it.e.fn : '?column?';
}

/** GROUP BY 2 and GROUP BY an output name mean that select item's expression. */
function resolveGroup(st: Select, sources: Source[]): Select {
  const own = (name: string) => sources.some((s) => s.table.columns.some((c) => c.name === name));
  const group = st.group.map((g) => {
    if (g.k === 'lit' && typeof g.v === 'number') return st.items[g.v - 1]?.e ?? g;
    if (g.k === 'col' && !g.table && !own(g.name)) return st.items.find((it) => it.alias === g.name)?.e ?? g;
    return g;
  });
  return { ...st, group };
}

/** The rows of `src` (with nulls for every earlier source) that no row of `rows` matched: RIGHT and FULL JOIN's unmatched right side. */
function unmatched(rows: Row[], src: Source, earlier: Source[], on: Expr, x: ExecContext, outer: Row | null): Row[] {
  let blank = Object.create(outer) as Row;
  for (const e of earlier) blank = withSource(blank, e, null);
  return src.table.rows.filter((v) => !rows.some((r) => truthy(evalExpr(on, withSource(r, src, v), x)))).map((v) => withSource(blank, src, v));
}

/** FROM (SELECT …): its output as a table, columns typed by the columns they come from (else numeric or text by their values). */
function derived(q: Select, x: ExecContext, outer: Row | null): Table {
  const r = selectValues(q, x, outer);
  const columns = r.columns.map((name, i): ColumnDef => {
    const type = r.cols[i]?.type ?? (r.vals.length && r.vals.every((v) => v[i] === null || isNum(v[i])) ? 'numeric' : 'text');
    return { name, type, notNull: false, primary: false, autoIncrement: false, default: undefined, unique: false };
  });
  return { columns, rows: r.vals, autoInc: 1 };
}

/** A SELECT's output rows as values (a subquery's answer), its column names and the columns they come from. */
function selectValues(query: Select, x: ExecContext, outer: Row | null): { columns: string[]; cols: (ColumnDef | null)[]; vals: Value[][] } {
  const d = x.dialect;
  let st = query;
  const sources: Source[] = [st.from, ...st.joins.map((j) => j.table)].filter((r): r is TableRef => r !== null).map((ref) => ({ ref, table: ref.sub ? derived(ref.sub, x, outer) : tableOf(x, ref.name, ref.pos, 'SELECT') }));
  x.cols = Object.create(null) as Record<string, ColumnDef>;
  for (const s of sources) for (const c of s.table.columns) (x.cols[`${s.ref.alias}.${c.name}`] = c), (x.cols[c.name] ??= c);
  checkNames(st, x, sources, outer);
  st = resolveGroup(st, sources);
  let rows: Row[] = [Object.create(outer) as Row];
  sources.forEach((src, si) => {
    const join = si === 0 ? null : st.joins[si - 1];
    x.clause = 'on clause';
    const before = rows;
    rows = rows.flatMap((r) => {
      const matched = src.table.rows.map((v) => withSource(r, src, v)).filter((m) => !join || truthy(evalExpr(join.on, m, x)));
      return matched.length || !(join?.kind === 'left' || join?.kind === 'full') ? matched : [withSource(r, src, null)];
    });
    if (join?.kind === 'right' || join?.kind === 'full') rows.push(...unmatched(before, src, sources.slice(0, si), join.on, x, outer));
  });
  x.clause = 'where clause';
  if (st.where) rows = rows.filter((r) => truthy(evalExpr(st.where!, r, x)));
  const grouped = st.group.length > 0 || st.having !== null || st.items.some((it) => isAgg(it.e));
  if (grouped && x.strictGroup) checkGrouped(st, x, sources);
  // units of output: a row, or a group with its first row standing for the grouped columns
  let units: { row: Row; group: Row[] }[] = rows.map((row) => ({ row, group: rows }));
  if (grouped) {
    x.clause = 'group statement';
    const groups = new Map<string, Row[]>();
    for (const r of rows) {
      const key = JSON.stringify(st.group.map((g) => String(evalExpr(g, r, x))));
      groups.set(key, [...(groups.get(key) ?? []), r]);
    }
    units = st.group.length ? [...groups.values()].map((g) => ({ row: g[0], group: g })) : [{ row: rows[0] ?? (Object.create(outer) as Row), group: rows }];
  }
  const columns: string[] = [];
  const cols: (ColumnDef | null)[] = [];
  const getters: ((u: { row: Row; group: Row[] }) => Value)[] = [];
  for (const it of st.items) {
    if (it.e.k === 'star') {
      const table = it.e.table;
      const picked = sources.filter((s) => !table || s.ref.alias === table);
      if (!picked.length) throw new SqlError(sources.length ? 'no-from' : 'syntax', table ?? '*', table ? '' : '*', 0);
      for (const s of picked) {
        for (const c of s.table.columns) {
          columns.push(c.name);
          cols.push(c);
          getters.push((u) => u.row[`${s.ref.alias}.${c.name}`] as Value);
        }
      }
    } else {
      const e = it.e;
      columns.push(itemName(it, x));
      cols.push(e.k === 'col' ? (x.cols[e.table ? `${e.table}.${e.name}` : e.name] ?? null) : null);
      getters.push((u) => evalExpr(e, u.row, x, u.group));
    }
  }
  x.clause = 'field list';
  let out = units.map((u) => ({ u, vals: getters.map((g) => g(u)) }));
  if (st.having) {
    x.clause = 'having clause';
    out = out.filter((o) => {
      const withAliases: Row = copyRow(o.u.row);
      columns.forEach((c, i) => (withAliases[c] ??= o.vals[i]));
      return truthy(evalExpr(st.having!, withAliases, x, o.u.group));
    });
  }
  if (st.distinct) out = out.filter((o, i) => out.findIndex((p) => p.vals.every((v, j) => compare(v, o.vals[j], d) === 0)) === i);
  if (st.order.length) {
    x.clause = 'order clause';
    const key = (o: (typeof out)[number], e: Expr): Value => {
      if (e.k === 'lit' && typeof e.v === 'number') return o.vals[e.v - 1] ?? null;
      if (e.k === 'col' && !e.table && columns.includes(e.name) && (!(e.name in o.u.row) || st.items.some((it) => it.alias === e.name))) return o.vals[columns.indexOf(e.name)];
      return evalExpr(e, o.u.row, x, o.u.group);
    };
    const keyed = out.map((o) => ({ o, keys: st.order.map((ob) => key(o, ob.e)) }));
    keyed.sort((a, b) => {
      for (const [i, ob] of st.order.entries()) {
        const c = compare(a.keys[i], b.keys[i], d);
        if (c) return ob.desc ? -c : c;
      }
      return 0;
    });
    out = keyed.map((k) => k.o);
  }
  out = out.slice(st.offset, st.limit === null ? undefined : st.offset + st.limit);
  return { columns, cols, vals: out.map((o) => o.vals) };
}

/** Lets the statement's expressions run subqueries (evaluation cannot import the SELECT it is part of). */
export function bindSubqueries(x: ExecContext) {
  x.subquery ??= (q, outer) => {
    const r = selectValues(q, x, outer as Row | null);
    return { rows: r.vals, width: r.columns.length };
  };
}

export function runSelect(st: Select, x: ExecContext): SqlResult {
  const d = x.dialect;
  const { columns, cols, vals } = selectValues(st, x, null);
  const right = columns.map((_, i) => {
    const c = cols[i];
    return c ? INT.test(c.type) || NUM.test(c.type) : vals.some((v) => isNum(v[i]));
  });
  return { k: 'rows', columns, rows: vals.map((v) => v.map((w, i) => show(w, cols[i], d))), right };
}
