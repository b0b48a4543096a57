// Enumerable (over anything with `each`), Array, Hash, Range and Enumerator methods for the Ruby subset.
import { nativeBlock, type Interp, type Native } from './rb-eval';
import { cmp, enumFor, norm, num } from './rb-core';
import { C, hashOf, inspect, isInt, RFloat, RHash, RObject, RProc, RRange, RSym, rbEq, sym, toS, truthy, type V } from './rb-value';

const list = (it: Interp, s: V): V[] => (Array.isArray(s) ? s : it.toA(s));
const call = (it: Interp, blk: RProc, x: V, ...more: V[]) => it.callProc(blk, [x, ...more]);
/** Methods that need a block return an Enumerator without one. */
const needs = (name: string, f: Native): Native => (it, s, a, blk, kw) => (blk ? f(it, s, a, blk, kw) : enumFor(s, name, a));
const sortBy = (it: Interp, xs: V[], key: (x: V) => V) => xs.map((x) => [key(x), x] as [V, V]).sort((p, q) => cmp(it, p[0], q[0])).map((p) => p[1]);
const sum = (it: Interp, xs: V[], init: V) => xs.reduce((acc, x) => (isInt(acc) && isInt(x) && typeof acc === 'number' && typeof x === 'number' && Number.isSafeInteger(acc + x) ? acc + x : it.send(acc, '+', [x], null, null, false)), init);
const E = (s: V): [V, V][] => (s as RHash).entries();
const idx = (n: number, len: number) => (n < 0 ? len + n : n);

export const ENUMERABLE: Record<string, Native> = {
  to_a: (it, s) => [...list(it, s)], entries: (it, s) => [...list(it, s)],
  map: needs('map', (it, s, _a, blk) => list(it, s).map((x) => call(it, blk!, x))),
  flat_map: needs('flat_map', (it, s, _a, blk) => list(it, s).flatMap((x) => { const r = call(it, blk!, x); return Array.isArray(r) ? r : [r]; })),
  select: needs('select', (it, s, _a, blk) => list(it, s).filter((x) => truthy(call(it, blk!, x)))),
  reject: needs('reject', (it, s, _a, blk) => list(it, s).filter((x) => !truthy(call(it, blk!, x)))),
  filter_map: needs('filter_map', (it, s, _a, blk) => list(it, s).map((x) => call(it, blk!, x)).filter(truthy)),
  find: (it, s, _a, blk) => list(it, s).find((x) => truthy(call(it, blk!, x))) ?? null,
  find_index: (it, s, a, blk) => { const i = list(it, s).findIndex((x) => (blk ? truthy(call(it, blk, x)) : rbEq(x, a[0]))); return i < 0 ? null : i; },
  find_all: (it, s, a, blk) => ENUMERABLE.select(it, s, a, blk, null),
  each_with_index: needs('each_with_index', (it, s, _a, blk) => { let i = 0; it.each(s, (x) => call(it, blk!, x, i++)); return s; }),
  each_with_object: (it, s, a, blk) => { it.each(s, (x) => call(it, blk!, x, a[0])); return a[0]; },
  each_slice: needs('each_slice', (it, s, a, blk) => { const xs = list(it, s); for (let i = 0; i < xs.length; i += num(a[0])) call(it, blk!, xs.slice(i, i + num(a[0]))); return s; }),
  each_cons: needs('each_cons', (it, s, a, blk) => { const xs = list(it, s); for (let i = 0; i + num(a[0]) <= xs.length; i++) call(it, blk!, xs.slice(i, i + num(a[0]))); return s; }),
  reverse_each: needs('reverse_each', (it, s, _a, blk) => { [...list(it, s)].reverse().forEach((x) => call(it, blk!, x)); return s; }),
  'include?': (it, s, a) => list(it, s).some((x) => rbEq(x, a[0])), 'member?': (it, s, a) => list(it, s).some((x) => rbEq(x, a[0])),
  count: (it, s, a, blk) => (blk ? list(it, s).filter((x) => truthy(call(it, blk, x))).length : a.length ? list(it, s).filter((x) => rbEq(x, a[0])).length : list(it, s).length),
  sum: (it, s, a, blk) => sum(it, blk ? list(it, s).map((x) => call(it, blk, x)) : list(it, s), a.length ? a[0] : 0),
  min: (it, s, a, blk) => { const xs = [...list(it, s)].sort((p, q) => (blk ? num(it.callProc(blk, [p, q])) : cmp(it, p, q))); return a.length ? xs.slice(0, num(a[0])) : xs[0] ?? null; },
  max: (it, s, a, blk) => { const xs = [...list(it, s)].sort((p, q) => (blk ? num(it.callProc(blk, [q, p])) : cmp(it, q, p))); return a.length ? xs.slice(0, num(a[0])) : xs[0] ?? null; },
  minmax: (it, s) => { const xs = [...list(it, s)].sort((p, q) => cmp(it, p, q)); return [xs[0] ?? null, xs[xs.length - 1] ?? null]; },
  min_by: (it, s, a, blk) => { const xs = sortBy(it, list(it, s), (x) => call(it, blk!, x)); return a.length ? xs.slice(0, num(a[0])) : xs[0] ?? null; },
  max_by: (it, s, a, blk) => { const xs = sortBy(it, list(it, s), (x) => call(it, blk!, x)).reverse(); return a.length ? xs.slice(0, num(a[0])) : xs[0] ?? null; },
  sort: (it, s, _a, blk) => [...list(it, s)].sort((p, q) => (blk ? num(it.callProc(blk, [p, q])) : cmp(it, p, q))),
  sort_by: needs('sort_by', (it, s, _a, blk) => sortBy(it, list(it, s), (x) => call(it, blk!, x))),
  reduce: (it, s, a, blk) => {
    const xs = [...list(it, s)];
    const op = a.length && a[a.length - 1] instanceof RSym ? (a.pop() as RSym).name : null;
    let acc = a.length ? a[0] : xs.length ? xs.shift() : null;
    for (const x of xs) acc = op ? it.send(acc, op, [x], null, null, false) : it.callProc(blk!, [acc, x]);
    return acc;
  },
  group_by: (it, s, _a, blk) => { const h = new RHash(); for (const x of list(it, s)) { const k = call(it, blk!, x); if (!h.has(k)) h.set(k, []); h.get(k).push(x); } return h; },
  partition: (it, s, _a, blk) => { const y: V[] = [], n: V[] = []; for (const x of list(it, s)) (truthy(call(it, blk!, x)) ? y : n).push(x); return [y, n]; },
  chunk_while: (it, s, _a, blk) => { const out: V[][] = []; for (const x of list(it, s)) { const last = out[out.length - 1]; if (last && truthy(it.callProc(blk!, [last[last.length - 1], x]))) last.push(x); else out.push([x]); } return out; },
  slice_when: (it, s, _a, blk) => { const out: V[][] = []; for (const x of list(it, s)) { const last = out[out.length - 1]; if (last && !truthy(it.callProc(blk!, [last[last.length - 1], x]))) last.push(x); else out.push([x]); } return out; },
  tally: (it, s) => { const h = new RHash(); for (const x of list(it, s)) h.set(x, (h.get(x) ?? 0) + 1); return h; },
  first: (it, s, a) => (a.length ? list(it, s).slice(0, num(a[0])) : list(it, s)[0] ?? null),
  take: (it, s, a) => list(it, s).slice(0, num(a[0])), drop: (it, s, a) => list(it, s).slice(num(a[0])),
  take_while: (it, s, _a, blk) => { const out: V[] = []; for (const x of list(it, s)) { if (!truthy(call(it, blk!, x))) break; out.push(x); } return out; },
  drop_while: (it, s, _a, blk) => { const xs = list(it, s); const i = xs.findIndex((x) => !truthy(call(it, blk!, x))); return i < 0 ? [] : xs.slice(i); },
  'any?': (it, s, a, blk) => list(it, s).some((x) => (a.length ? truthy(it.send(a[0], '===', [x], null, null, false)) : blk ? truthy(call(it, blk, x)) : truthy(x))),
  'all?': (it, s, a, blk) => list(it, s).every((x) => (a.length ? truthy(it.send(a[0], '===', [x], null, null, false)) : blk ? truthy(call(it, blk, x)) : truthy(x))),
  'none?': (it, s, a, blk) => !list(it, s).some((x) => (a.length ? truthy(it.send(a[0], '===', [x], null, null, false)) : blk ? truthy(call(it, blk, x)) : truthy(x))),
  'one?': (it, s, _a, blk) => list(it, s).filter((x) => (blk ? truthy(call(it, blk, x)) : truthy(x))).length === 1,
  zip: (it, s, a) => list(it, s).map((x, i) => [x, ...a.map((o) => list(it, o)[i] ?? null)]),
  uniq: (it, s, _a, blk) => { const seen = new RHash(); return list(it, s).filter((x) => { const k = blk ? call(it, blk, x) : x; if (seen.has(k)) return false; seen.set(k, true); return true; }); },
  to_h: (it, s, _a, blk) => hashOf(list(it, s).map((x) => { const p = blk ? call(it, blk, x) : x; return Array.isArray(p) && p.length === 2 ? [p[0], p[1]] : it.err('TypeError', `wrong element type ${inspect(p).slice(0, 0) || (Array.isArray(p) ? 'Array' : 'Integer')} (expected array)`); })),
  to_set: (it, s) => ENUMERABLE.uniq(it, s, [], null, null),
  cycle: (it, s, a, blk) => { const xs = list(it, s); for (let n = 0; a.length ? n < num(a[0]) : true; n++) for (const x of xs) { it.tick(); call(it, blk!, x); } return null; },
  each_entry: (it, s, _a, blk) => (it.each(s, (x) => call(it, blk!, x)), s),
  lazy: (_it, s) => s, force: (it, s) => list(it, s),
  with_index: (it, s, a, blk) => ENUMERATOR.with_index(it, s, a, blk, null),
};
ENUMERABLE.collect = ENUMERABLE.map; ENUMERABLE.filter = ENUMERABLE.select; ENUMERABLE.detect = ENUMERABLE.find; ENUMERABLE.inject = ENUMERABLE.reduce; ENUMERABLE.collect_concat = ENUMERABLE.flat_map;

const arrIdx = (it: Interp, s: V[], a: V[]): V => {
  const [i, len] = a;
  if (i instanceof RRange) { const lo = idx(num(i.lo ?? 0), s.length); if (lo > s.length || lo < 0) return null; let hi = i.hi === null ? s.length - 1 : idx(num(i.hi), s.length); if (i.excl && i.hi !== null) hi--; return s.slice(lo, hi + 1); }
  if (!isInt(i) && !(i instanceof RFloat)) return it.err('TypeError', `no implicit conversion of ${i === null ? 'nil' : inspect(i).startsWith('"') ? 'String' : 'Object'} into Integer`);
  const n = idx(Math.trunc(num(i)), s.length);
  if (len !== undefined) return n > s.length || n < 0 ? null : s.slice(n, n + num(len));
  return s[n] ?? null;
};

const flatten = (xs: V[], depth: number): V[] => xs.flatMap((x) => (Array.isArray(x) && depth !== 0 ? flatten(x, depth - 1) : [x]));

export const ARRAY: Record<string, Native> = {
  each: needs('each', (it, s, _a, blk) => { for (let i = 0; i < s.length; i++) call(it, blk!, s[i]); return s; }),
  each_index: (it, s, _a, blk) => { for (let i = 0; i < s.length; i++) call(it, blk!, i); return s; },
  '[]': (it, s, a) => arrIdx(it, s, a), slice: (it, s, a) => arrIdx(it, s, a), at: (it, s, a) => arrIdx(it, s, a),
  '[]=': (_it, s, a) => { if (a.length === 3) { const i = idx(num(a[0]), s.length); s.splice(i, num(a[1]), ...(Array.isArray(a[2]) ? a[2] : [a[2]])); return a[2]; } if (a[0] instanceof RRange) { const lo = idx(num(a[0].lo), s.length); const hi = idx(num(a[0].hi), s.length) - (a[0].excl ? 1 : 0); s.splice(lo, hi - lo + 1, ...(Array.isArray(a[1]) ? a[1] : [a[1]])); return a[1]; } const i = idx(num(a[0]), s.length); while (s.length < i) s.push(null); s[i] = a[1]; return a[1]; },
  dig: (it, s, a) => a.reduce((o, k) => (o === null ? null : it.send(o, '[]', [k], null, null, false)), s),
  fetch: (it, s, a, blk) => { const i = idx(num(a[0]), s.length); if (i >= 0 && i < s.length) return s[i]; if (blk) return call(it, blk, a[0]); if (a.length > 1) return a[1]; return it.err('IndexError', `index ${num(a[0])} outside of array bounds: ${-s.length}...${s.length}`); },
  first: (_it, s, a) => (a.length ? s.slice(0, num(a[0])) : s[0] ?? null), last: (_it, s, a) => (a.length ? s.slice(Math.max(0, s.length - num(a[0]))) : s[s.length - 1] ?? null),
  push: (_it, s, a) => (s.push(...a), s), append: (_it, s, a) => (s.push(...a), s), '<<': (_it, s, a) => (s.push(a[0]), s),
  pop: (_it, s, a) => (a.length ? s.splice(Math.max(0, s.length - num(a[0]))) : s.pop() ?? null), shift: (_it, s, a) => (a.length ? s.splice(0, num(a[0])) : s.shift() ?? null),
  unshift: (_it, s, a) => (s.unshift(...a), s), prepend: (_it, s, a) => (s.unshift(...a), s), insert: (_it, s, a) => (s.splice(idx(num(a[0]), s.length + 1), 0, ...a.slice(1)), s),
  concat: (_it, s, a) => (a.forEach((x) => s.push(...x)), s),
  '+': (it, s, a) => (Array.isArray(a[0]) ? [...s, ...a[0]] : it.err('TypeError', `no implicit conversion of ${a[0] === null ? 'nil' : 'Object'} into Array`)),
  '-': (_it, s, a) => (s as V[]).filter((x) => !a[0].some((y: V) => rbEq(x, y))),
  '*': (_it, s, a) => (typeof a[0] === 'string' ? s.map(toS).join(a[0]) : Array.from({ length: num(a[0]) }, () => s).flat()),
  '&': (it, s, a) => ENUMERABLE.uniq(it, (s as V[]).filter((x) => a[0].some((y: V) => rbEq(x, y))), [], null, null), '|': (it, s, a) => ENUMERABLE.uniq(it, [...s, ...a[0]], [], null, null),
  '==': (_it, s, a) => rbEq(s, a[0]), '<=>': (it, s, a) => { for (let i = 0; i < Math.min(s.length, a[0].length); i++) { const c = cmp(it, s[i], a[0][i]); if (c) return c; } return s.length - a[0].length === 0 ? 0 : s.length < a[0].length ? -1 : 1; },
  length: (_it, s) => s.length, size: (_it, s) => s.length, 'empty?': (_it, s) => s.length === 0,
  join: (it, s, a) => flatten(s, -1).map((x) => (x === null ? '' : it.str(x))).join(a[0] === undefined || a[0] === null ? '' : toS(a[0])),
  reverse: (_it, s) => [...s].reverse(), rotate: (_it, s, a) => { const n = ((a.length ? num(a[0]) : 1) % (s.length || 1) + s.length) % (s.length || 1); return [...s.slice(n), ...s.slice(0, n)]; },
  compact: (_it, s) => s.filter((x: V) => x !== null), flatten: (_it, s, a) => flatten(s, a.length ? num(a[0]) : -1),
  delete: (_it, s, a) => { let hit: V = null; for (let i = s.length - 1; i >= 0; i--) if (rbEq(s[i], a[0])) { hit = s[i]; s.splice(i, 1); } return hit; },
  delete_at: (_it, s, a) => { const i = idx(num(a[0]), s.length); return i < s.length ? s.splice(i, 1)[0] : null; },
  delete_if: (it, s, _a, blk) => { for (let i = s.length - 1; i >= 0; i--) if (truthy(call(it, blk!, s[i]))) s.splice(i, 1); return s; },
  clear: (_it, s) => (s.length = 0, s), replace: (_it, s, a) => (s.splice(0, s.length, ...a[0]), s), fill: (_it, s, a) => s.fill(a[0]),
  index: (it, s, a, blk) => ENUMERABLE.find_index(it, s, a, blk, null), rindex: (_it, s, a) => { for (let i = s.length - 1; i >= 0; i--) if (rbEq(s[i], a[0])) return i; return null; },
  values_at: (_it, s, a) => a.map((i) => s[idx(num(i), s.length)] ?? null),
  transpose: (_it, s) => (s.length ? s[0].map((_: V, i: number) => s.map((r: V[]) => r[i])) : []),
  product: (_it, s, a) => a.reduce((acc: V[][], o: V[]) => acc.flatMap((p) => o.map((x) => [...p, x])), s.map((x: V) => [x])),
  combination: (it, s, a, blk) => { const k = num(a[0]); const out: V[][] = []; const go = (st: number, cur: V[]) => { if (cur.length === k) { out.push(cur); return; } for (let i = st; i < s.length; i++) go(i + 1, [...cur, s[i]]); }; go(0, []); if (blk) { out.forEach((c) => call(it, blk, c)); return s; } return out; },
  each_slice: ENUMERABLE.each_slice,
  sample: (it, s) => s[Math.floor(it.random() * s.length)] ?? null, shuffle: (it, s) => { const o = [...s]; for (let i = o.length - 1; i > 0; i--) { const j = Math.floor(it.random() * (i + 1)); [o[i], o[j]] = [o[j], o[i]]; } return o; },
  to_a: (_it, s) => s, to_ary: (_it, s) => s, inspect: (_it, s) => inspect(s), to_s: (_it, s) => inspect(s), hash: (_it, s) => s.length,
  pack: (_it, s) => s.map((x: V) => String.fromCharCode(num(x))).join(''),
  assoc: (_it, s, a) => s.find((x: V) => Array.isArray(x) && rbEq(x[0], a[0])) ?? null,
  sum: (it, s, a, blk) => { const xs = blk ? s.map((x: V) => call(it, blk, x)) : s; if (xs.some((x: V) => x instanceof RFloat)) { let t = 0, c = 0; for (const x of xs) { const y = num(x) - c; const u = t + y; c = (u - t) - y; t = u; } return new RFloat(t + num(a[0] ?? 0)); } return ENUMERABLE.sum(it, xs, a, null, null); },
};
for (const n of ['map', 'select', 'reject', 'uniq', 'compact', 'flatten', 'reverse', 'sort', 'sort_by', 'shuffle', 'collect', 'filter', 'rotate']) {
  ARRAY[n + '!'] = (it, s, a, blk, kw) => { const r = (ARRAY[n] ?? ENUMERABLE[n])(it, s, a, blk, kw); if (!Array.isArray(r)) return r; const changed = r.length !== s.length; s.splice(0, s.length, ...r); return n === 'uniq' || n === 'compact' || n === 'flatten' ? (changed ? s : null) : s; };
}
ARRAY.keep_if = ARRAY['select!']; ARRAY.filter_map = ENUMERABLE.filter_map;

const fetchKey = (it: Interp, s: RHash, a: V[], blk: RProc | null) => (s.has(a[0]) ? s.get(a[0]) : blk ? call(it, blk, a[0]) : a.length > 1 ? a[1] : it.err('KeyError', `key not found: ${inspect(a[0])}`));
const pairs = (s: RHash): V[] => s.entries().map(([k, v]) => [k, v]);
export const HASH: Record<string, Native> = {
  '[]': (it, s, a) => (s.has(a[0]) ? s.get(a[0]) : s.defProc ? it.callProc(s.defProc, [s, a[0]]) : s.def),
  '[]=': (_it, s, a) => (s.set(a[0], a[1]), a[1]), store: (_it, s, a) => (s.set(a[0], a[1]), a[1]),
  fetch: (it, s, a, blk) => fetchKey(it, s, a, blk), dig: (it, s, a) => a.reduce((o, k) => (o === null ? null : it.send(o, '[]', [k], null, null, false)), s),
  'key?': (_it, s, a) => s.has(a[0]), 'has_key?': (_it, s, a) => s.has(a[0]), 'include?': (_it, s, a) => s.has(a[0]), 'member?': (_it, s, a) => s.has(a[0]),
  'value?': (_it, s, a) => E(s).some(([, v]) => rbEq(v, a[0])), 'has_value?': (_it, s, a) => E(s).some(([, v]) => rbEq(v, a[0])),
  key: (_it, s, a) => E(s).find(([, v]) => rbEq(v, a[0]))?.[0] ?? null,
  keys: (_it, s) => E(s).map(([k]) => k), values: (_it, s) => E(s).map(([, v]) => v), values_at: (_it, s, a) => a.map((k) => s.get(k) ?? s.def),
  fetch_values: (it, s, a) => a.map((k) => fetchKey(it, s, [k], null)),
  length: (_it, s) => s.size, size: (_it, s) => s.size, 'empty?': (_it, s) => s.size === 0,
  delete: (it, s, a, blk) => { const e = s.delete(a[0]); return e ? e[1] : blk ? call(it, blk, a[0]) : null; },
  each: needs('each', (it, s, _a, blk) => { for (const p of pairs(s)) call(it, blk!, p); return s; }),
  each_key: (it, s, _a, blk) => { for (const [k] of E(s)) call(it, blk!, k); return s; },
  each_value: (it, s, _a, blk) => { for (const [, v] of E(s)) call(it, blk!, v); return s; },
  select: needs('select', (it, s, _a, blk) => hashOf(E(s).filter((p) => truthy(it.callProc(blk!, [p[0], p[1]]))))),
  reject: needs('reject', (it, s, _a, blk) => hashOf(E(s).filter((p) => !truthy(it.callProc(blk!, [p[0], p[1]]))))),
  'select!': (it, s, _a, blk) => { for (const [k, v] of E(s)) if (!truthy(it.callProc(blk!, [k, v]))) s.delete(k); return s; },
  'reject!': (it, s, _a, blk) => { for (const [k, v] of E(s)) if (truthy(it.callProc(blk!, [k, v]))) s.delete(k); return s; },
  delete_if: (it, s, a, blk) => HASH['reject!'](it, s, a, blk, null),
  min_by: (it, s, a, blk) => ENUMERABLE.min_by(it, pairs(s), a, blk, null), max_by: (it, s, a, blk) => ENUMERABLE.max_by(it, pairs(s), a, blk, null),
  to_a: (_it, s) => pairs(s), to_h: (it, s, _a, blk) => (blk ? ENUMERABLE.to_h(it, pairs(s), [], blk, null) : s), to_hash: (_it, s) => s,
  merge: (it, s, a, blk) => { const h = hashOf(E(s)); for (const o of a) for (const [k, v] of (o as RHash).entries()) h.set(k, blk && h.has(k) ? it.callProc(blk, [k, h.get(k), v]) : v); return h; },
  'merge!': (it, s, a, blk) => { for (const o of a) for (const [k, v] of (o as RHash).entries()) s.set(k, blk && s.has(k) ? it.callProc(blk, [k, s.get(k), v]) : v); return s; },
  transform_values: (it, s, _a, blk) => hashOf(E(s).map(([k, v]) => [k, call(it, blk!, v)])),
  transform_keys: (it, s, a, blk) => hashOf(E(s).map(([k, v]) => [a[0] instanceof RHash ? a[0].get(k) ?? k : call(it, blk!, k), v])),
  'transform_values!': (it, s, _a, blk) => { for (const [k, v] of E(s)) s.set(k, call(it, blk!, v)); return s; },
  invert: (_it, s) => hashOf(E(s).map(([k, v]) => [v, k])),
  slice: (_it, s, a) => hashOf(E(s).filter(([k]) => a.some((x) => rbEq(x, k)))), except: (_it, s, a) => hashOf(E(s).filter(([k]) => !a.some((x) => rbEq(x, k)))),
  compact: (_it, s) => hashOf(E(s).filter(([, v]) => v !== null)), filter_map: (it, s, _a, blk) => pairs(s).map((p: V) => it.callProc(blk!, [p[0], p[1]])).filter(truthy),
  default: (_it, s) => s.def, 'default=': (_it, s, a) => (s.def = a[0]), clear: (_it, s) => (s.m.clear(), s),
  sort_by: (it, s, a, blk) => ENUMERABLE.sort_by(it, pairs(s), a, blk, null),
  sum: (it, s, a, blk) => ENUMERABLE.sum(it, pairs(s), a, blk, null),
  count: (it, s, a, blk) => (blk ? pairs(s).filter((p: V) => truthy(it.callProc(blk, [p[0], p[1]]))).length : s.size),
  '==': (_it, s, a) => rbEq(s, a[0]), inspect: (_it, s) => inspect(s), to_s: (_it, s) => inspect(s), hash: (_it, s) => s.size,
  group_by: (it, s, a, blk) => ENUMERABLE.group_by(it, pairs(s), a, blk, null), partition: (it, s, a, blk) => ENUMERABLE.partition(it, pairs(s), a, blk, null),
  'any?': (it, s, a, blk) => (blk ? pairs(s).some((p: V) => truthy(it.callProc(blk, [p[0], p[1]]))) : s.size > 0),
  'all?': (it, s, a, blk) => pairs(s).every((p: V) => truthy(it.callProc(blk!, [p[0], p[1]]))),
  find: (it, s, a, blk) => pairs(s).find((p: V) => truthy(it.callProc(blk!, [p[0], p[1]]))) ?? null,
};
HASH.filter = HASH.select; HASH.each_pair = HASH.each; HASH.update = HASH['merge!']; HASH.detect = HASH.find; HASH['keep_if'] = HASH['select!'];

const rangeNums = (r: RRange) => (isInt(r.lo) && (isInt(r.hi) || r.hi === null));
export const RANGE: Record<string, Native> = {
  each: needs('each', (it, s, _a, blk) => { it.each(s, (x) => call(it, blk!, x)); return s; }),
  to_a: (it, s) => (s.hi === null ? it.err('RangeError', 'cannot convert endless range to an array') : it.toA(s)),
  step: (it, s, a, blk) => { const out: V[] = []; const st = num(a[0]); const fl = a[0] instanceof RFloat || s.lo instanceof RFloat; for (let i = 0, x = num(s.lo); s.hi === null || (s.excl ? x < num(s.hi) : x <= num(s.hi) + 1e-9); i++, x = num(s.lo) + i * st) { it.tick(); const v = fl ? new RFloat(x) : x; if (blk) call(it, blk, v); else out.push(v); } return blk ? s : out; },
  'include?': (it, s, a) => RANGE['==='](it, s, a, null, null), 'member?': (it, s, a) => RANGE['==='](it, s, a, null, null), 'cover?': (it, s, a) => RANGE['==='](it, s, a, null, null),
  '===': (it, s, a) => { const x = a[0]; if (x === null || (typeof x === 'string') !== (typeof s.lo === 'string' || typeof s.hi === 'string')) return false; if ((s.lo !== null && cmp(it, x, s.lo) < 0)) return false; if (s.hi === null) return true; const c = cmp(it, x, s.hi); return s.excl ? c < 0 : c <= 0; },
  first: (it, s, a) => (a.length ? ENUMERABLE.first(it, s.hi === null ? new RRange(s.lo, num(s.lo) + num(a[0]), true) : s, a, null, null) : s.lo), begin: (_it, s) => s.lo,
  last: (it, s, a) => (a.length ? it.toA(s).slice(-num(a[0])) : s.hi), end: (_it, s) => s.hi,
  min: (it, s, a, blk) => (blk || a.length ? ENUMERABLE.min(it, s, a, blk, null) : cmp(it, s.lo, s.hi) > 0 ? null : s.lo), max: (it, s, a, blk) => (blk || a.length ? ENUMERABLE.max(it, s, a, blk, null) : cmp(it, s.lo, s.hi) > 0 ? null : s.excl ? norm(BigInt(s.hi) - 1n) : s.hi),
  sum: (it, s, a, blk) => (!blk && rangeNums(s) && !a.length ? (() => { const lo = BigInt(s.lo); const hi = BigInt(s.hi) - (s.excl ? 1n : 0n); return hi < lo ? 0 : norm(((lo + hi) * (hi - lo + 1n)) / 2n); })() : ENUMERABLE.sum(it, s, a, blk, null)),
  size: (_it, s) => (s.hi === null ? new RFloat(Infinity) : rangeNums(s) ? Math.max(0, num(s.hi) - num(s.lo) + (s.excl ? 0 : 1)) : null),
  count: (it, s, a, blk) => (blk || a.length ? ENUMERABLE.count(it, s, a, blk, null) : RANGE.size(it, s, a, null, null)),
  'exclude_end?': (_it, s) => s.excl, inspect: (_it, s) => inspect(s), to_s: (_it, s) => `${toS(s.lo)}${s.excl ? '...' : '..'}${toS(s.hi)}`,
  '==': (_it, s, a) => rbEq(s, a[0]), hash: (_it, s) => num(s.lo) * 31 + num(s.hi),
};

const src = (e: V) => (e as { src: { recv: V; meth: string; args: V[] } }).src;
export const ENUMERATOR: Record<string, Native> = {
  each: (it, s, _a, blk) => (blk ? it.send(src(s).recv, src(s).meth, src(s).args, blk, null, true) : s),
  with_index: (it, s, a, blk) => { let i = a.length && a[0] !== null ? num(a[0]) : 0; const e = src(s) ?? { recv: s, meth: 'each', args: [] }; return it.send(e.recv, e.meth, e.args, nativeBlock((x) => it.callProc(blk!, [x.length === 1 ? x[0] : x, i++])), null, true); },
  each_with_index: (it, s, _a, blk) => ENUMERATOR.with_index(it, s, [], blk, null),
  with_object: (it, s, a, blk) => { it.send(src(s).recv, src(s).meth, src(s).args, nativeBlock((x) => it.callProc(blk!, [x.length === 1 ? x[0] : x, a[0]])), null, true); return a[0]; },
  next: (it, s) => { const e = s as { buf?: V[]; pos?: number }; e.buf ??= it.toA(s); e.pos ??= 0; if (e.pos >= e.buf.length) { const x = new RObject(C.StopIteration); x.ivars.set('@message', 'iteration reached an end'); return it.raiseExc(x); } return e.buf[e.pos++]; },
  peek: (it, s) => { const e = s as { buf?: V[]; pos?: number }; e.buf ??= it.toA(s); return e.buf[e.pos ?? 0] ?? null; },
  rewind: (_it, s) => { (s as { pos?: number }).pos = 0; return s; },
  size: (it, s) => (src(s).meth === 'times' ? src(s).recv : it.toA(s).length),
  inspect: (_it, s) => `#<Enumerator: ${inspect(src(s).recv)}:${src(s).meth}${src(s).args.length ? '(' + src(s).args.map(inspect).join(', ') + ')' : ''}>`,
};

export const ENUM_NATIVES: Record<string, Record<string, Native>> = { Enumerable: ENUMERABLE, Array: ARRAY, Hash: HASH, Range: RANGE, Enumerator: ENUMERATOR };
export { sym };
