// The PHP subset's array, math and type functions: count, keys and values, map/filter/reduce, sorting (stable, by
// PHP 8's comparison), search, slices, range; abs/round/max/min and friends; is_* and the conversions.
import { callable, callValue } from './php-call';
import { Ref } from './php-core';
import type { Interp, LibFn } from './php-interp';
import { compare, fl, looseEq, PArr, PFloat, PObj, strictEq, toFloat, toInt, toNumber, truthy, typeName, type Key, type Val } from './php-value';

const arr = (it: Interp, v: Val | undefined, fn: string, n = 1, name = 'array'): PArr => {
  if (v instanceof PArr) return v;
  return it.raise('TypeError', `${fn}(): Argument #${n} ($${name}) must be of type array, ${typeName(v ?? null)} given`);
};
const call = (it: Interp, f: Val, args: Val[]) => callValue(it, f, args);
const numeric = (v: Val) => (typeof v === 'number' || v instanceof PFloat || (typeof v === 'string' && toNumber(v) !== 'bad' && /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)));
const sum = (vals: Val[], start: number): Val => {
  let f = false, t = start;
  for (const v of vals) { const n = toNumber(v); if (n instanceof PFloat) f = true; t = start === 1 ? t * (n instanceof PFloat ? n.v : n === 'bad' ? 0 : n) : t + (n instanceof PFloat ? n.v : n === 'bad' ? 0 : n); }
  return f ? fl(t) : t;
};

/** sort() and friends: stable, by PHP 8's comparison or a user's callback; `keep` keeps the keys (asort, ksort, uasort). */
function sorter(by: 'value' | 'key', dir: 1 | -1, keep: boolean, user = false): LibFn {
  return (it, [a, f], refs) => {
    const entries = [...arr(it, a, 'sort').m];
    const pick = (e: [Key, Val]) => (by === 'key' ? e[0] : e[1]);
    entries.sort((x, y) => (user ? toInt(call(it, f ?? null, [pick(x), pick(y)])) : dir * compare(pick(x), pick(y))));
    if (refs[0]) refs[0].v = keep ? PArr.from(entries) : PArr.of(entries.map(([, v]) => v));
    return true;
  };
}

export const ARR: Record<string, LibFn> = {
  count: (it, [v]) => { if (v instanceof PArr) return v.size; if (v instanceof PObj) return v.props.size; return it.raise('TypeError', `count(): Argument #1 ($value) must be of type Countable|array, ${typeName(v ?? null)} given`); },
  array_keys: (it, [a, search]) => PArr.of(arr(it, a, 'array_keys').keys().filter((k) => search === undefined || looseEq(arr(it, a, 'array_keys').get(k)!, search))),
  array_values: (it, [a]) => PArr.of(arr(it, a, 'array_values').values()),
  array_merge: (it, args) => {
    const out = new PArr();
    args.forEach((a, i) => { for (const [k, v] of arr(it, a, 'array_merge', i + 1, 'arrays').m) typeof k === 'number' ? out.push(v) : out.set(k, v); });
    return out;
  },
  array_combine: (it, [k, v]) => { const ks = arr(it, k, 'array_combine', 1, 'keys').values(), vs = arr(it, v, 'array_combine', 2, 'values').values(); return PArr.from(ks.map((x, i) => [typeof x === 'number' ? x : it.str(x), vs[i] ?? null])); },
  array_flip: (it, [a]) => PArr.from([...arr(it, a, 'array_flip').m].map(([k, v]) => [typeof v === 'number' ? v : it.str(v), k])),
  array_slice: (it, [a, off, len, keep]) => {
    const e = [...arr(it, a, 'array_slice').m];
    let o = toInt(off ?? 0);
    if (o < 0) o = Math.max(0, e.length + o);
    const l = len === undefined || len === null ? e.length : toInt(len);
    const part = e.slice(o, l < 0 ? e.length + l : o + l);
    const out = new PArr();
    for (const [k, v] of part) typeof k === 'number' && keep !== true ? out.push(v) : out.set(k, v);
    return out;
  },
  array_map: (it, [f, a, ...more]) => {
    const src = arr(it, a, 'array_map', 2);
    if (more.length) { const lists = [src, ...more.map((m, i) => arr(it, m, 'array_map', i + 3))].map((x) => x.values()); const n = Math.max(...lists.map((l) => l.length)); return PArr.of(Array.from({ length: n }, (_x, i) => (f === null ? PArr.of(lists.map((l) => l[i] ?? null)) : call(it, f, lists.map((l) => l[i] ?? null))))); }
    const out = new PArr();
    for (const [k, v] of src.m) out.set(k, f === null ? v : call(it, f, [v]));
    out.next = src.next;
    return out;
  },
  array_filter: (it, [a, f, mode]) => {
    const out = new PArr();
    const m = toInt(mode ?? 0);
    for (const [k, v] of arr(it, a, 'array_filter').m) if (truthy(f === undefined || f === null ? v : call(it, f, m === 2 ? [k] : m === 1 ? [v, k] : [v]))) out.set(k, v);
    return out;
  },
  array_reduce: (it, [a, f, init]) => arr(it, a, 'array_reduce').values().reduce((acc: Val, v) => call(it, f!, [acc, v]), init ?? null),
  array_walk: (it, [a, f], refs) => {
    // a callback taking its value by reference (function (&$v, $k)) changes the array
    const src = arr(it, a, 'array_walk');
    const c = callable(it, f ?? null, it.globals);
    if (!c) return it.raise('TypeError', 'array_walk(): Argument #2 ($callback) must be a valid callback');
    for (const [k, v] of [...src.m]) { const r = new Ref(v); it.callFn(c.fn, [v, k], [r], c.self, c.cls, c.label); src.set(k, r.v); }
    if (refs[0]) refs[0].v = src;
    return true;
  },
  array_splice: (it, [a, off, len, repl], refs) => {
    const e = [...arr(it, a, 'array_splice').m];
    let o = toInt(off ?? 0);
    if (o < 0) o = Math.max(0, e.length + o);
    const l = len === undefined || len === null ? e.length - o : toInt(len) < 0 ? Math.max(0, e.length + toInt(len) - o) : toInt(len);
    const removed = e.splice(o, l, ...(repl instanceof PArr ? repl.values() : repl === undefined ? [] : [repl]).map((v) => [0, v] as [Key, Val]));
    const out = new PArr();
    for (const [k, v] of e) typeof k === 'number' ? out.push(v) : out.set(k, v);
    if (refs[0]) refs[0].v = out;
    return PArr.of(removed.map(([, v]) => v));
  },
  array_sum: (it, [a]) => sum(arr(it, a, 'array_sum').values(), 0),
  array_product: (it, [a]) => sum(arr(it, a, 'array_product').values(), 1),
  array_push: (it, [a, ...vals], refs) => { const t = arr(it, a, 'array_push'); vals.forEach((v) => t.push(v)); if (refs[0]) refs[0].v = t; return t.size; },
  array_pop: (it, [a], refs) => { const t = arr(it, a, 'array_pop'); const k = t.keys().pop(); if (k === undefined) return null; const v = t.get(k)!; t.delete(k); t.next = Math.max(0, ...t.keys().filter((x): x is number => typeof x === 'number').map((x) => x + 1)); if (refs[0]) refs[0].v = t; return v; },
  array_shift: (it, [a], refs) => { const t = arr(it, a, 'array_shift'); const e = [...t.m]; if (!e.length) return null; const [, v] = e.shift()!; const out = new PArr(); for (const [k, x] of e) typeof k === 'number' ? out.push(x) : out.set(k, x); if (refs[0]) refs[0].v = out; return v; },
  array_unshift: (it, [a, ...vals], refs) => { const t = arr(it, a, 'array_unshift'); const out = PArr.of(vals); for (const [k, x] of t.m) typeof k === 'number' ? out.push(x) : out.set(k, x); if (refs[0]) refs[0].v = out; return out.size; },
  array_key_exists: (it, [k, a]) => arr(it, a, 'array_key_exists', 2).has(k === null ? '' : (k as Key)),
  key_exists: (it, [k, a]) => arr(it, a, 'key_exists', 2).has(k as Key),
  in_array: (it, [v, a, strict]) => arr(it, a, 'in_array', 2).values().some((x) => (strict === true ? strictEq(x, v!) : looseEq(x, v!))),
  array_search: (it, [v, a, strict]) => { for (const [k, x] of arr(it, a, 'array_search', 2).m) if (strict === true ? strictEq(x, v!) : looseEq(x, v!)) return k; return false; },
  array_unique: (it, [a]) => { const out = new PArr(); const seen: Val[] = []; for (const [k, v] of arr(it, a, 'array_unique').m) if (!seen.some((s) => it.str(s) === it.str(v))) { seen.push(v); out.set(k, v); } return out; },
  array_reverse: (it, [a, keep]) => { const out = new PArr(); for (const [k, v] of [...arr(it, a, 'array_reverse').m].reverse()) typeof k === 'number' && keep !== true ? out.push(v) : out.set(k, v); return out; },
  array_fill: (_it, [start, n, v]) => { const out = new PArr(); for (let i = 0; i < toInt(n ?? 0); i++) out.set(toInt(start ?? 0) + i, v ?? null); return out; },
  array_fill_keys: (it, [ks, v]) => PArr.from(arr(it, ks, 'array_fill_keys', 1, 'keys').values().map((k) => [typeof k === 'number' ? k : it.str(k), v ?? null])),
  array_column: (it, [a, col, idx]) => { const out = new PArr(); for (const row of arr(it, a, 'array_column').values()) { const get = (c: Val) => (row instanceof PArr ? row.get(c as Key) : row instanceof PObj ? row.props.get(String(c)) : undefined); const v = col === null ? row : get(col!); if (v === undefined) continue; if (idx !== undefined && idx !== null) out.set(get(idx) as Key, v); else out.push(v); } return out; },
  array_key_first: (it, [a]) => arr(it, a, 'array_key_first').keys()[0] ?? null,
  array_key_last: (it, [a]) => arr(it, a, 'array_key_last').keys().pop() ?? null,
  array_is_list: (it, [a]) => arr(it, a, 'array_is_list').isList(),
  array_chunk: (it, [a, n, keep]) => { const size = toInt(n ?? 1); if (size < 1) it.raise('ValueError', 'array_chunk(): Argument #2 ($length) must be greater than 0'); const e = [...arr(it, a, 'array_chunk').m]; const out = new PArr(); for (let i = 0; i < e.length; i += size) out.push(keep === true ? PArr.from(e.slice(i, i + size)) : PArr.of(e.slice(i, i + size).map(([, v]) => v))); return out; },
  array_diff: (it, [a, ...others]) => { const ex = others.flatMap((o) => arr(it, o, 'array_diff').values().map((x) => it.str(x))); return PArr.from([...arr(it, a, 'array_diff').m].filter(([, v]) => !ex.includes(it.str(v)))); },
  array_intersect: (it, [a, ...others]) => PArr.from([...arr(it, a, 'array_intersect').m].filter(([, v]) => others.every((o) => arr(it, o, 'array_intersect').values().some((x) => it.str(x) === it.str(v))))),
  array_diff_key: (it, [a, ...others]) => PArr.from([...arr(it, a, 'array_diff_key').m].filter(([k]) => !others.some((o) => arr(it, o, 'array_diff_key').has(k)))),
  array_pad: (it, [a, n, v]) => { const vals = arr(it, a, 'array_pad').values(); const len = toInt(n ?? 0); const pad = Array(Math.max(0, Math.abs(len) - vals.length)).fill(v ?? null); return PArr.of(len < 0 ? [...pad, ...vals] : [...vals, ...pad]); },
  range: (it, [a, b, step]) => {
    const st = Math.abs(toFloat(step ?? 1)) || 1;
    if (typeof a === 'string' && typeof b === 'string' && a.length === 1 && b.length === 1 && !/\d/.test(a + b)) { const out: string[] = []; const x = a.charCodeAt(0), y = b.charCodeAt(0); for (let c = x; x <= y ? c <= y : c >= y; c += x <= y ? st : -st) out.push(String.fromCharCode(c)); return PArr.of(out); }
    const x = toFloat(a ?? 0), y = toFloat(b ?? 0);
    const isF = a instanceof PFloat || b instanceof PFloat || step instanceof PFloat || !Number.isInteger(st);
    const out: Val[] = [];
    for (let v = x; x <= y ? v <= y + 1e-9 : v >= y - 1e-9; v += x <= y ? st : -st) { out.push(isF ? fl(v) : v); if (out.length > 1e6) it.raise('ValueError', 'range(): too many elements'); }
    return PArr.of(out);
  },
  sort: sorter('value', 1, false),
  rsort: sorter('value', -1, false),
  usort: sorter('value', 1, false, true),
  uasort: sorter('value', 1, true, true),
  uksort: sorter('key', 1, true, true),
  asort: sorter('value', 1, true),
  arsort: sorter('value', -1, true),
  ksort: sorter('key', 1, true),
  krsort: sorter('key', -1, true),
  shuffle: (it, [a], refs) => { const v = arr(it, a, 'shuffle').values(); for (let i = v.length - 1; i > 0; i--) { const j = Math.floor(Math.random() * (i + 1)); [v[i], v[j]] = [v[j], v[i]]; } if (refs[0]) refs[0].v = PArr.of(v); return true; },
  array_rand: (it, [a]) => { const k = arr(it, a, 'array_rand').keys(); return k[Math.floor(Math.random() * k.length)] ?? null; },
  max: (it, args) => { const vals = args.length === 1 && args[0] instanceof PArr ? args[0].values() : args; if (!vals.length) it.raise('ValueError', 'max(): Argument #1 ($value) must contain at least one element'); return vals.reduce((m, v) => (compare(v, m) > 0 ? v : m)); },
  min: (it, args) => { const vals = args.length === 1 && args[0] instanceof PArr ? args[0].values() : args; if (!vals.length) it.raise('ValueError', 'min(): Argument #1 ($value) must contain at least one element'); return vals.reduce((m, v) => (compare(v, m) < 0 ? v : m)); },
  abs: (_it, [v]) => { const n = toNumber(v ?? 0); return n instanceof PFloat ? fl(Math.abs(n.v)) : n === 'bad' ? 0 : Math.abs(n); },
  ceil: (_it, [v]) => fl(Math.ceil(toFloat(v ?? 0))),
  floor: (_it, [v]) => fl(Math.floor(toFloat(v ?? 0))),
  round: (_it, [v, p]) => { const d = toInt(p ?? 0), f = 10 ** d, x = toFloat(v ?? 0); return fl((Math.sign(x) * Math.round(Math.abs(x) * f + 1e-9)) / f); },
  sqrt: (_it, [v]) => fl(Math.sqrt(toFloat(v ?? 0))),
  pow: (_it, [a, b]) => { const x = toFloat(a ?? 0) ** toFloat(b ?? 0); return typeof a === 'number' && typeof b === 'number' && b >= 0 && Number.isSafeInteger(x) ? x : fl(x); },
  intdiv: (it, [a, b]) => { if (toInt(b ?? 0) === 0) it.raise('DivisionByZeroError', 'Division by zero'); return Math.trunc(toInt(a ?? 0) / toInt(b ?? 0)); },
  fmod: (_it, [a, b]) => fl(toFloat(a ?? 0) % toFloat(b ?? 0)),
  pi: () => fl(Math.PI),
  rand: (_it, [a, b]) => (a === undefined ? Math.floor(Math.random() * 2147483648) : toInt(a) + Math.floor(Math.random() * (toInt(b ?? 0) - toInt(a) + 1))),
  is_numeric: (_it, [v]) => numeric(v ?? null),
  intval: (_it, [v, base]) => (base !== undefined && typeof v === 'string' ? parseInt(v, toInt(base)) || 0 : toInt(v ?? null)),
  floatval: (_it, [v]) => fl(toFloat(v ?? null)),
  boolval: (_it, [v]) => truthy(v ?? null),
  strval: (it, [v]) => it.str(v ?? null),
  is_int: (_it, [v]) => typeof v === 'number',
  is_float: (_it, [v]) => v instanceof PFloat,
  is_string: (_it, [v]) => typeof v === 'string',
  is_bool: (_it, [v]) => typeof v === 'boolean',
  is_array: (_it, [v]) => v instanceof PArr,
  is_null: (_it, [v]) => v === null,
  is_object: (_it, [v]) => v instanceof PObj,
  is_scalar: (_it, [v]) => v !== null && !(v instanceof PArr) && !(v instanceof PObj),
  is_callable: (it, [v]) => { try { return !!(v instanceof PObj && v.fn) || (typeof v === 'string' && (it.functions.has(v.toLowerCase()) || v.toLowerCase() in it.lib.fns)); } catch { return false; } },
  gettype: (_it, [v]) => { const t = typeName(v ?? null); return ({ null: 'NULL', bool: 'boolean', int: 'integer', float: 'double', string: 'string', array: 'array' } as Record<string, string>)[t] ?? 'object'; },
  get_debug_type: (_it, [v]) => typeName(v ?? null),
  call_user_func: (it, [f, ...args]) => call(it, f ?? null, args),
  call_user_func_array: (it, [f, a]) => call(it, f ?? null, a instanceof PArr ? a.values() : []),
  function_exists: (it, [n]) => it.functions.has(it.str(n ?? '').toLowerCase()) || it.str(n ?? '').toLowerCase() in it.lib.fns,
};
ARR.sizeof = ARR.count;
ARR.join = (it, args, refs) => it.lib.fns.implode(it, args, refs);
ARR.mt_rand = ARR.rand;
ARR.random_int = ARR.rand;
ARR.doubleval = ARR.floatval;
