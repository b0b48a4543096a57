// Integer (with bignums), Float, String, Symbol, nil/true/false, Comparable, Proc, Regexp and MatchData methods for the
// Ruby subset, with Ruby 3.3's TypeError/ArgumentError/ZeroDivisionError texts.
import { NONE, type Interp, type Native } from './rb-eval';
import { format } from './rb-kernel';
import { C, classOf, fmtFloat, inspect, isInt, RFloat, RHash, RObject, RProc, RRange, RSym, rbEq, sym, toS, truthy, type V } from './rb-value';

const num = (v: V): number => (v instanceof RFloat ? v.v : Number(v));
const isNum = (v: V) => isInt(v) || v instanceof RFloat;
export const norm = (r: bigint): number | bigint => (r >= BigInt(Number.MIN_SAFE_INTEGER) && r <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(r) : r);
const desc = (v: V) => (v === null ? 'nil' : v === true ? 'true' : v === false ? 'false' : classOf(v).name);
const coerceFail = (it: Interp, b: V, into: string): never => it.err('TypeError', `${desc(b)} can't be coerced into ${into}`);
const cmpFail = (it: Interp, a: V, b: V): never => it.err('ArgumentError', `comparison of ${classOf(a).name} with ${b === null ? 'nil' : isNum(b) ? inspect(b) : classOf(b).name} failed`);

function intOp(it: Interp, op: string, a: number | bigint, b: V): V {
  if (b instanceof RFloat) return fltOp(it, op, Number(a), b);
  if (!isInt(b)) return op === '==' ? false : ['<', '>', '<=', '>='].includes(op) ? cmpFail(it, a, b) : op === '<=>' ? null : coerceFail(it, b, 'Integer');
  if (typeof a === 'number' && typeof b === 'number') {
    switch (op) {
      case '+': { const r = a + b; if (Number.isSafeInteger(r)) return r; break; }
      case '-': { const r = a - b; if (Number.isSafeInteger(r)) return r; break; }
      case '*': { const r = a * b; if (Number.isSafeInteger(r)) return r; break; }
      case '/': if (b === 0) return it.err('ZeroDivisionError', 'divided by 0'); return Math.floor(a / b);
      case '%': if (b === 0) return it.err('ZeroDivisionError', 'divided by 0'); return ((a % b) + b) % b;
      case '**': if (b < 0) return new RFloat(a ** b); { const r = a ** b; if (Number.isSafeInteger(r)) return r; } break;
      case '<': return a < b; case '>': return a > b; case '<=': return a <= b; case '>=': return a >= b; case '==': return a === b;
      case '<=>': return a < b ? -1 : a > b ? 1 : 0;
      case '&': return a & b; case '|': return a | b; case '^': return a ^ b; case '<<': return norm(BigInt(a) << BigInt(b)); case '>>': return a >> b;
    }
  }
  const x = BigInt(a), y = BigInt(b);
  switch (op) {
    case '+': return norm(x + y); case '-': return norm(x - y); case '*': return norm(x * y);
    case '/': { if (y === 0n) return it.err('ZeroDivisionError', 'divided by 0'); const q = x / y; return norm(q * y !== x && (x < 0n) !== (y < 0n) ? q - 1n : q); }
    case '%': { if (y === 0n) return it.err('ZeroDivisionError', 'divided by 0'); return norm(((x % y) + y) % y); }
    case '**': return norm(x ** y);
    case '<': return x < y; case '>': return x > y; case '<=': return x <= y; case '>=': return x >= y; case '==': return x === y;
    case '<=>': return x < y ? -1 : x > y ? 1 : 0;
    case '&': return norm(x & y); case '|': return norm(x | y); case '^': return norm(x ^ y); case '<<': return norm(x << y); case '>>': return norm(x >> y);
  }
  return null;
}

function fltOp(it: Interp, op: string, a: number, bv: V): V {
  if (!isNum(bv)) return op === '==' ? false : ['<', '>', '<=', '>='].includes(op) ? cmpFail(it, new RFloat(a), bv) : op === '<=>' ? null : coerceFail(it, bv, 'Float');
  const b = num(bv);
  switch (op) {
    case '+': return new RFloat(a + b); case '-': return new RFloat(a - b); case '*': return new RFloat(a * b); case '/': return new RFloat(a / b);
    case '%': return new RFloat(((a % b) + b) % b); case '**': return new RFloat(a ** b);
    case '<': return a < b; case '>': return a > b; case '<=': return a <= b; case '>=': return a >= b; case '==': return a === b;
    case '<=>': return Number.isNaN(a) || Number.isNaN(b) ? null : a < b ? -1 : a > b ? 1 : 0;
  }
  return null;
}

/** Float#round / Integer#round: half away from zero, to `d` digits. */
function roundTo(x: number, d: number): number { const f = 10 ** d; const y = Math.abs(x) * f; const r = Math.round(y) - (y % 1 === 0.5 && Math.round(y) % 2 === 1 && false ? 1 : 0); return (Math.sign(x) * r) / f; }

const ops = (f: (it: Interp, op: string, a: V, b: V) => V) => Object.fromEntries(['+', '-', '*', '/', '%', '**', '<', '>', '<=', '>=', '==', '<=>', '&', '|', '^', '<<', '>>'].map((op) => [op, ((it, s, a) => f(it, op, s, a[0])) as Native]));

export function enumFor(self: V, meth: string, args: V[] = []): RObject {
  const e = new RObject(C.Enumerator);
  Object.assign(e, { src: { recv: self, meth, args } });
  return e;
}

const INTEGER: Record<string, Native> = {
  ...ops((it, op, a, b) => intOp(it, op, a, b)),
  'modulo': (it, s, a) => intOp(it, '%', s, a[0]),
  div: (it, s, a) => (a[0] instanceof RFloat ? Math.floor(num(s) / a[0].v) : intOp(it, '/', s, a[0])),
  fdiv: (_it, s, a) => new RFloat(num(s) / num(a[0])),
  divmod: (it, s, a) => [it.send(s, '/', a, null, null, false), it.send(s, '%', a, null, null, false)],
  remainder: (_it, s, a) => Number(s) % Number(a[0]),
  pow: (it, s, a) => (a[1] !== undefined ? norm(BigInt(s) ** BigInt(a[0]) % BigInt(a[1])) : intOp(it, '**', s, a[0])),
  '-@': (_it, s) => (typeof s === 'bigint' ? norm(-s) : -s),
  '~': (_it, s) => ~Number(s),
  times: (it, s, _a, blk) => { if (!blk) return enumFor(s, 'times'); for (let i = 0; i < Number(s); i++) { it.tick(); it.callProc(blk, [i]); } return s; },
  upto: (it, s, a, blk) => { if (!blk) return enumFor(s, 'upto', a); for (let i = Number(s); i <= num(a[0]); i++) { it.tick(); it.callProc(blk, [i]); } return s; },
  downto: (it, s, a, blk) => { if (!blk) return enumFor(s, 'downto', a); for (let i = Number(s); i >= num(a[0]); i--) { it.tick(); it.callProc(blk, [i]); } return s; },
  step: (it, s, a, blk) => { const lim = num(a[0]); const st = a[1] === undefined ? 1 : num(a[1]); const fl = a[1] instanceof RFloat || a[0] instanceof RFloat; const out: V[] = []; for (let i = 0, x = Number(s); st > 0 ? x <= lim : x >= lim; i++, x = Number(s) + i * st) { it.tick(); const v = fl ? new RFloat(x) : x; if (blk) it.callProc(blk, [v]); else out.push(v); } return blk ? s : out; },
  to_s: (_it, s, a) => (a.length ? s.toString(num(a[0])) : String(s)),
  inspect: (_it, s) => String(s),
  to_i: (_it, s) => s, to_int: (_it, s) => s, floor: (_it, s, a) => (a[0] && num(a[0]) < 0 ? Math.floor(Number(s) / 10 ** -num(a[0])) * 10 ** -num(a[0]) : s),
  ceil: (_it, s, a) => (a[0] && num(a[0]) < 0 ? Math.ceil(Number(s) / 10 ** -num(a[0])) * 10 ** -num(a[0]) : s),
  round: (_it, s, a) => (a[0] && num(a[0]) < 0 ? roundTo(Number(s), num(a[0])) : s), truncate: (_it, s) => s,
  to_f: (_it, s) => new RFloat(Number(s)),
  to_r: (_it, s) => s, to_c: (_it, s) => s,
  chr: (_it, s) => String.fromCharCode(Number(s)), ord: (_it, s) => s,
  'even?': (_it, s) => BigInt(s) % 2n === 0n, 'odd?': (_it, s) => BigInt(s) % 2n !== 0n,
  'zero?': (_it, s) => Number(s) === 0, 'positive?': (_it, s) => s > 0, 'negative?': (_it, s) => s < 0, 'nonzero?': (_it, s) => (Number(s) === 0 ? null : s),
  'integer?': () => true, 'finite?': () => true, 'infinite?': () => null, 'nan?': () => false,
  abs: (_it, s) => (s < 0 ? (typeof s === 'bigint' ? -s : -s) : s), magnitude: (_it, s) => (s < 0 ? -s : s),
  succ: (it, s) => intOp(it, '+', s, 1), next: (it, s) => intOp(it, '+', s, 1), pred: (it, s) => intOp(it, '-', s, 1),
  gcd: (_it, s, a) => { let x = Math.abs(Number(s)), y = Math.abs(num(a[0])); while (y) [x, y] = [y, x % y]; return x; },
  lcm: (_it, s, a) => { let x = Math.abs(Number(s)), y = Math.abs(num(a[0])); const p = x * y; while (y) [x, y] = [y, x % y]; return x ? p / x : 0; },
  digits: (_it, s) => String(s < 0 ? -s : s).split('').reverse().map(Number),
  bit_length: (_it, s) => (Number(s) < 0 ? (~Number(s)).toString(2) : Number(s).toString(2)).replace(/^0$/, '').length,
  size: () => 8, hash: (_it, s) => Number(s) * 2 + 1,
  '[]': (_it, s, a) => Number((BigInt(s) >> BigInt(a[0])) & 1n),
  coerce: (_it, s, a) => [a[0], s],
};

const FLOAT: Record<string, Native> = {
  ...ops((it, op, a, b) => fltOp(it, op, a.v, b)),
  modulo: (it, s, a) => fltOp(it, '%', s.v, a[0]),
  divmod: (_it, s, a) => [Math.floor(s.v / num(a[0])), new RFloat(((s.v % num(a[0])) + num(a[0])) % num(a[0]))],
  fdiv: (_it, s, a) => new RFloat(s.v / num(a[0])), quo: (_it, s, a) => new RFloat(s.v / num(a[0])),
  '-@': (_it, s) => new RFloat(-s.v),
  to_s: (_it, s) => fmtFloat(s.v), inspect: (_it, s) => fmtFloat(s.v),
  to_f: (_it, s) => s,
  to_i: (it, s) => (Number.isFinite(s.v) ? Math.trunc(s.v) : it.err('FloatDomainError', fmtFloat(s.v))), to_int: (_it, s) => Math.trunc(s.v), truncate: (_it, s) => Math.trunc(s.v),
  round: (it, s, a, _b, kw) => { const d = a.length && !(a[0] instanceof RHash) ? num(a[0]) : 0; if (!Number.isFinite(s.v)) return it.err('FloatDomainError', fmtFloat(s.v)); const half = kw?.get(sym('half')); if (half && toS(half) === 'even' && d === 0) { const f = Math.floor(s.v); const diff = s.v - f; return diff === 0.5 ? (f % 2 === 0 ? f : f + 1) : Math.round(s.v); } const r = roundTo(s.v, d); return d > 0 ? new RFloat(r) : Math.round(r); },
  floor: (_it, s, a) => (a.length && num(a[0]) > 0 ? new RFloat(Math.floor(s.v * 10 ** num(a[0])) / 10 ** num(a[0])) : Math.floor(s.v)),
  ceil: (_it, s, a) => (a.length && num(a[0]) > 0 ? new RFloat(Math.ceil(s.v * 10 ** num(a[0])) / 10 ** num(a[0])) : Math.ceil(s.v)),
  abs: (_it, s) => new RFloat(Math.abs(s.v)), magnitude: (_it, s) => new RFloat(Math.abs(s.v)),
  'nan?': (_it, s) => Number.isNaN(s.v), 'infinite?': (_it, s) => (Number.isFinite(s.v) || Number.isNaN(s.v) ? null : s.v > 0 ? 1 : -1), 'finite?': (_it, s) => Number.isFinite(s.v),
  'zero?': (_it, s) => s.v === 0, 'positive?': (_it, s) => s.v > 0, 'negative?': (_it, s) => s.v < 0, 'integer?': () => false,
  hash: (_it, s) => Math.floor(s.v * 1000),
  coerce: (_it, s, a) => [new RFloat(num(a[0])), s],
};

const COMPARABLE: Record<string, Native> = {
  '<': (it, s, a) => cmp(it, s, a[0]) < 0, '>': (it, s, a) => cmp(it, s, a[0]) > 0, '<=': (it, s, a) => cmp(it, s, a[0]) <= 0, '>=': (it, s, a) => cmp(it, s, a[0]) >= 0,
  '==': (it, s, a) => (s === a[0] ? true : classOf(s).find('<=>') ? it.send(s, '<=>', [a[0]], null, null, false) === 0 : rbEq(s, a[0])),
  'between?': (it, s, a) => cmp(it, s, a[0]) >= 0 && cmp(it, s, a[1]) <= 0,
  clamp: (it, s, a) => { const [lo, hi] = a[0] instanceof RRange ? [a[0].lo, a[0].hi] : a; return cmp(it, s, lo) < 0 ? lo : cmp(it, s, hi) > 0 ? hi : s; },
};

/** a <=> b as a number (ArgumentError when they do not compare). */
export function cmp(it: Interp, a: V, b: V): number {
  if (isNum(a) && isNum(b)) return num(a) < num(b) ? -1 : num(a) > num(b) ? 1 : 0;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  const r = it.send(a, '<=>', [b], null, null, false);
  if (r === null || r === undefined) return cmpFail(it, a, b);
  return num(r);
}

/** Remember a regexp match for $~ and $1…$9. */
export const setMatch = (it: Interp, m: RegExpExecArray | null) => { it.globals.set('$~', m ? Object.assign(new RObject(C.MatchData), { m }) : null); return m; };
const rx = (it: Interp, p: V, g = ''): RegExp => (p instanceof RegExp ? new RegExp(p.source, p.flags.replace('g', '') + g) : typeof p === 'string' ? new RegExp(p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), g) : it.err('TypeError', `wrong argument type ${classOf(p).name} (expected Regexp)`));
/** A gsub/sub replacement string: \1, \0, \k<name>. */
const repl = (r: string) => r.replace(/\$/g, '$$$$').replace(/\\(\d)/g, '$$$1').replace(/\\0|\\&/g, '$$&').replace(/\\k<(\w+)>/g, '$$<$1>');
function sub(it: Interp, s: string, a: V[], blk: RProc | null, all: boolean): string {
  const re = rx(it, a[0], all ? 'g' : '');
  if (a[1] instanceof RHash) return s.replace(re, (m) => toS(a[1].get(m)));
  if (a.length > 1) return s.replace(re, repl(toS(a[1])));
  if (!blk) return it.err('ArgumentError', `wrong number of arguments (given ${a.length}, expected 1..2)`);
  return s.replace(re, (...m) => { const groups = m.slice(0, -2).filter((x) => typeof x === 'string' || x === undefined); const ex = Object.assign([...groups], { index: m[m.length - 2], input: s }) as unknown as RegExpExecArray; setMatch(it, ex); return it.str(it.callProc(blk, [m[0]])); });
}
const strIdx = (it: Interp, s: string, a: V[]): V => {
  const [i, len] = a;
  if (i instanceof RRange) { const lo = num(i.lo ?? 0) < 0 ? s.length + num(i.lo) : num(i.lo ?? 0); let hi = i.hi === null ? s.length - 1 : num(i.hi) < 0 ? s.length + num(i.hi) : num(i.hi); if (i.excl && i.hi !== null) hi--; return lo > s.length || lo < 0 ? null : s.slice(lo, hi + 1); }
  if (typeof i === 'string') return s.includes(i) ? i : null;
  if (i instanceof RegExp) { const m = setMatch(it, rx(it, i).exec(s)); return m ? m[len === undefined ? 0 : num(len)] ?? null : null; }
  const n = num(i) < 0 ? s.length + num(i) : num(i);
  if (len !== undefined) return n > s.length || n < 0 ? null : s.substr(n, num(len));
  return n >= s.length || n < 0 ? null : s[n];
};

const STRING: Record<string, Native> = {
  '+': (it, s, a) => (typeof a[0] === 'string' ? s + a[0] : it.err('TypeError', `no implicit conversion of ${desc(a[0])} into String`)),
  '*': (it, s, a) => (isInt(a[0]) ? (num(a[0]) < 0 ? it.err('ArgumentError', 'negative argument') : s.repeat(num(a[0]))) : it.err('TypeError', `no implicit conversion of ${desc(a[0])} into Integer`)),
  '%': (it, s, a) => format(it, s, Array.isArray(a[0]) ? a[0] : [a[0]]),
  '<<': (it, s, a) => s + (isInt(a[0]) ? String.fromCharCode(num(a[0])) : typeof a[0] === 'string' ? a[0] : it.err('TypeError', `no implicit conversion of ${desc(a[0])} into String`)),
  concat: (it, s, a) => s + a.map((x) => it.str(x)).join(''),
  '==': (_it, s, a) => s === a[0], 'eql?': (_it, s, a) => s === a[0], '===': (_it, s, a) => s === a[0],
  '<=>': (_it, s, a) => (typeof a[0] === 'string' ? (s < a[0] ? -1 : s > a[0] ? 1 : 0) : null),
  '<': (it, s, a) => (typeof a[0] === 'string' ? s < a[0] : cmpFail(it, s, a[0])), '>': (it, s, a) => (typeof a[0] === 'string' ? s > a[0] : cmpFail(it, s, a[0])),
  '<=': (it, s, a) => (typeof a[0] === 'string' ? s <= a[0] : cmpFail(it, s, a[0])), '>=': (it, s, a) => (typeof a[0] === 'string' ? s >= a[0] : cmpFail(it, s, a[0])),
  '=~': (it, s, a) => { const m = setMatch(it, rx(it, a[0]).exec(s)); return m ? m.index : null; },
  match: (it, s, a) => { const m = setMatch(it, rx(it, a[0]).exec(s)); return m ? it.globals.get('$~') : null; },
  'match?': (it, s, a) => rx(it, a[0]).test(s),
  scan: (it, s, a, blk) => { const out = [...s.matchAll(rx(it, a[0], 'g'))].map((m) => (m.length > 1 ? m.slice(1).map((x: string | undefined) => x ?? null) : m[0])); if (blk) { out.forEach((x) => it.callProc(blk, [x])); return s; } return out; },
  sub: (it, s, a, blk) => sub(it, s, a, blk, false), gsub: (it, s, a, blk) => sub(it, s, a, blk, true),
  tr: (_it, s, a) => { const exp = (x: string) => x.replace(/(.)-(.)/g, (_m, p: string, q: string) => { let o = ''; for (let c = p.charCodeAt(0); c <= q.charCodeAt(0); c++) o += String.fromCharCode(c); return o; }); const from = exp(toS(a[0])); const to = exp(toS(a[1])); if (from.startsWith('^')) return [...s].map((c) => (from.slice(1).includes(c) ? c : to[to.length - 1] ?? '')).join(''); return [...s].map((c) => { const i = from.indexOf(c); return i < 0 ? c : to[Math.min(i, to.length - 1)] ?? ''; }).join(''); },
  delete: (_it, s, a) => [...s].filter((c) => !toS(a[0]).includes(c)).join(''),
  squeeze: (_it, s) => s.replace(/(.)\1+/g, '$1'),
  count: (_it, s, a) => [...s].filter((c) => toS(a[0]).includes(c)).length,
  length: (_it, s) => [...s].length, size: (_it, s) => [...s].length, bytesize: (_it, s) => new TextEncoder().encode(s).length,
  upcase: (_it, s) => s.toUpperCase(), downcase: (_it, s) => s.toLowerCase(), capitalize: (_it, s) => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  swapcase: (_it, s) => [...s].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
  reverse: (_it, s) => [...s].reverse().join(''), strip: (_it, s) => s.replace(/^[\s\0]+|[\s\0]+$/g, ''), lstrip: (_it, s) => s.trimStart(), rstrip: (_it, s) => s.trimEnd(),
  chomp: (_it, s, a) => (a.length ? (s.endsWith(toS(a[0])) ? s.slice(0, -toS(a[0]).length) : s) : s.replace(/\r?\n$|\r$/, '')), chop: (_it, s) => s.slice(0, -1), chr: (_it, s) => s.slice(0, 1),
  chars: (_it, s) => [...s], bytes: (_it, s) => [...new TextEncoder().encode(s)], lines: (_it, s) => s.split(/(?<=\n)/).filter(Boolean),
  split: (it, s, a) => {
    const [sep, lim] = a;
    let parts: string[];
    if (sep === undefined || sep === null || sep === ' ') parts = s.trim().split(/\s+/).filter((x: string, _i: number, arr: string[]) => x !== '' || arr.length > 1);
    else parts = s.split(sep instanceof RegExp ? rx(it, sep, 'g') : toS(sep));
    if (s === '') return [];
    if (lim !== undefined && num(lim) > 0) { const n = num(lim); const text = typeof sep === 'string' && sep !== ' ' ? sep : ' '; parts = [...parts.slice(0, n - 1), parts.slice(n - 1).join(text)]; }
    else while (parts.length && parts[parts.length - 1] === '' && lim === undefined) parts.pop();
    return parts.map((x) => x ?? '');
  },
  'include?': (it, s, a) => (typeof a[0] === 'string' ? s.includes(a[0]) : it.err('TypeError', `no implicit conversion of ${desc(a[0])} into String`)),
  'start_with?': (_it, s, a) => a.some((p) => (p instanceof RegExp ? new RegExp('^(?:' + p.source + ')').test(s) : s.startsWith(toS(p)))),
  'end_with?': (_it, s, a) => a.some((p) => s.endsWith(toS(p))),
  index: (it, s, a) => { if (a[0] instanceof RegExp) { const m = rx(it, a[0]).exec(s); return m ? m.index : null; } const i = s.indexOf(toS(a[0]), a[1] === undefined ? 0 : num(a[1])); return i < 0 ? null : i; },
  rindex: (_it, s, a) => { const i = s.lastIndexOf(toS(a[0])); return i < 0 ? null : i; },
  '[]': (it, s, a) => strIdx(it, s, a), slice: (it, s, a) => strIdx(it, s, a),
  'empty?': (_it, s) => s === '', to_s: (_it, s) => s, to_str: (_it, s) => s, inspect: (_it, s) => inspect(s), dump: (_it, s) => inspect(s),
  to_sym: (_it, s) => sym(s), intern: (_it, s) => sym(s),
  to_i: (_it, s, a) => { const b = a.length ? num(a[0]) : 10; const m = (b === 16 ? /^\s*[-+]?(0x)?[\da-f_]+/i : b === 2 ? /^\s*[-+]?[01_]+/ : /^\s*[-+]?\d[\d_]*/).exec(s); if (!m) return 0; const t = m[0].replace(/_/g, '').trim(); const n = parseInt(t, b); return Number.isSafeInteger(n) ? n : BigInt(t); },
  to_f: (_it, s) => { const m = /^\s*[-+]?(\d[\d_]*)?(\.\d+)?([eE][-+]?\d+)?/.exec(s); return new RFloat(m && m[0].trim() ? parseFloat(m[0].replace(/_/g, '')) || 0 : 0); },
  to_r: (_it, s) => s, to_c: (_it, s) => s,
  hex: (_it, s) => parseInt(s, 16) || 0, oct: (_it, s) => parseInt(s, 8) || 0, ord: (it, s) => (s ? s.codePointAt(0)! : it.err('ArgumentError', 'empty string')),
  center: (_it, s, a) => { const w = num(a[0]); const p = a[1] === undefined ? ' ' : toS(a[1]); const total = Math.max(0, w - s.length); const l = Math.floor(total / 2); const fill = (n: number) => p.repeat(Math.ceil(n / p.length) + 1).slice(0, n); return fill(l) + s + fill(total - l); },
  ljust: (_it, s, a) => s.padEnd(num(a[0]), a[1] === undefined ? ' ' : toS(a[1])), rjust: (_it, s, a) => s.padStart(num(a[0]), a[1] === undefined ? ' ' : toS(a[1])),
  each_char: (it, s, _a, blk) => (blk ? ([...s].forEach((c) => it.callProc(blk, [c])), s) : enumFor(s, 'each_char')),
  each_line: (it, s, _a, blk) => (blk ? (s.split(/(?<=\n)/).filter(Boolean).forEach((c: string) => it.callProc(blk, [c])), s) : enumFor(s, 'each_line')),
  each_byte: (it, s, _a, blk) => ([...new TextEncoder().encode(s)].forEach((c) => it.callProc(blk!, [c])), s),
  upto: (it, s, a, blk) => { const out: string[] = []; let x = s; for (let i = 0; i < 10000; i++) { if (!(x.length < toS(a[0]).length || (x.length === toS(a[0]).length && x <= toS(a[0])))) break; if (a[1] === true && x === a[0]) break; out.push(x); if (blk) it.callProc(blk, [x]); if (x === a[0]) break; x = STRING.succ(it, x, [], null, null); } return blk ? s : out; },
  succ: (_it, s) => { const cs = [...s]; for (let i = cs.length - 1; i >= 0; i--) { const c = cs[i]; if (c === 'z') cs[i] = 'a'; else if (c === 'Z') cs[i] = 'A'; else if (c === '9') cs[i] = '0'; else { cs[i] = String.fromCharCode(c.charCodeAt(0) + 1); return cs.join(''); } if (i === 0) return (c === '9' ? '1' : c === 'z' ? 'a' : 'A') + cs.join(''); } return s; },
  'casecmp?': (_it, s, a) => s.toLowerCase() === toS(a[0]).toLowerCase(), casecmp: (_it, s, a) => { const x = s.toLowerCase(), y = toS(a[0]).toLowerCase(); return x < y ? -1 : x > y ? 1 : 0; },
  prepend: (_it, s, a) => a.map(toS).join('') + s, insert: (_it, s, a) => { const i = num(a[0]) < 0 ? s.length + num(a[0]) + 1 : num(a[0]); return s.slice(0, i) + toS(a[1]) + s.slice(i); },
  replace: (_it, _s, a) => a[0], clear: () => '', freeze: (_it, s) => s, dup: (_it, s) => s, '+@': (_it, s) => s, '-@': (_it, s) => s,
  encoding: () => 'UTF-8', force_encoding: (_it, s) => s, encode: (_it, s) => s, unicode_normalize: (_it, s) => s.normalize(), 'valid_encoding?': () => true, 'ascii_only?': (_it, s) => /^[\x00-\x7f]*$/.test(s),
  hash: (_it, s) => [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7),
  unpack1: (_it, s) => s, sum: (_it, s) => [...s].reduce((n, c) => n + c.charCodeAt(0), 0),
};
for (const n of ['upcase', 'downcase', 'capitalize', 'swapcase', 'reverse', 'strip', 'lstrip', 'rstrip', 'chomp', 'chop', 'squeeze', 'sub', 'gsub', 'tr', 'delete', 'succ']) STRING[n + '!'] = STRING[n];
STRING.next = STRING.succ;

const SYMBOL: Record<string, Native> = {
  to_s: (_it, s) => s.name, name: (_it, s) => s.name, id2name: (_it, s) => s.name, to_sym: (_it, s) => s, inspect: (_it, s) => inspect(s),
  to_proc: (it, s) => it.toProc(s), length: (_it, s) => s.name.length, size: (_it, s) => s.name.length,
  '<=>': (_it, s, a) => (a[0] instanceof RSym ? (s.name < a[0].name ? -1 : s.name > a[0].name ? 1 : 0) : null),
  upcase: (_it, s) => sym(s.name.toUpperCase()), downcase: (_it, s) => sym(s.name.toLowerCase()), capitalize: (_it, s) => sym(s.name[0].toUpperCase() + s.name.slice(1)),
  '[]': (it, s, a) => strIdx(it, s.name, a), 'start_with?': (_it, s, a) => a.some((p) => s.name.startsWith(toS(p))), 'end_with?': (_it, s, a) => a.some((p) => s.name.endsWith(toS(p))),
  succ: (_it, s) => sym(s.name + '1'), 'empty?': (_it, s) => s.name === '',
};

const NIL: Record<string, Native> = {
  to_s: () => '', to_a: () => [], to_h: () => new RHash(), to_i: () => 0, to_f: () => new RFloat(0), inspect: () => 'nil', '&': () => false, '|': (_it, _s, a) => truthy(a[0]), 'nil?': () => true,
};
const BOOL: Record<string, Native> = { to_s: (_it, s) => String(s), inspect: (_it, s) => String(s), '&': (_it, s, a) => s && truthy(a[0]), '|': (_it, s, a) => s || truthy(a[0]), '^': (_it, s, a) => s !== truthy(a[0]), '!': (_it, s) => !s };

const PROC: Record<string, Native> = {
  call: (it, s, a, blk) => it.callProc(s, a, blk), '()': (it, s, a) => it.callProc(s, a), yield: (it, s, a) => it.callProc(s, a), '[]': (it, s, a) => it.callProc(s, a), '===': (it, s, a) => it.callProc(s, a),
  to_proc: (_it, s) => s, 'lambda?': (_it, s) => s.lambda, arity: (_it, s) => (s.params.opt.length || s.params.rest ? -(s.params.req.length + 1) : s.params.req.length),
  parameters: (_it, s) => s.params.req.map((n: string) => [sym(s.lambda ? 'req' : 'opt'), sym(n)]),
  curry: (it, s) => { const n = s.params.req.length; const step = (got: V[]): V => new RProc({ req: [], opt: [], post: [], kw: [] }, [], s.env, null, true, null, (a) => { const all = [...got, ...a]; return all.length >= n ? it.callProc(s, all) : step(all); }); return step([]); },
  '>>': (it, s, a) => new RProc(s.params, [], s.env, null, true, null, (x) => it.send(a[0], 'call', [it.callProc(s, x)], null, null, false)),
  '<<': (it, s, a) => new RProc(s.params, [], s.env, null, true, null, (x) => it.callProc(s, [it.send(a[0], 'call', x, null, null, false)])),
};

const REGEXP: Record<string, Native> = {
  '=~': (it, s, a) => (a[0] === null ? null : STRING['=~'](it, a[0], [s], null, null)), match: (it, s, a) => (a[0] === null ? null : STRING.match(it, a[0], [s], null, null)),
  'match?': (it, s, a) => a[0] !== null && rx(it, s).test(toS(a[0])), '===': (it, s, a) => typeof a[0] === 'string' && rx(it, s).test(a[0]),
  source: (_it, s) => s.source, to_s: (_it, s) => toS(s), inspect: (_it, s) => inspect(s),
};
const MATCH: Record<string, Native> = {
  '[]': (_it, s, a) => (typeof a[0] === 'string' || a[0] instanceof RSym ? s.m.groups?.[toS(a[0])] ?? null : s.m[num(a[0])] ?? null),
  captures: (_it, s) => s.m.slice(1).map((x: string | undefined) => x ?? null), to_a: (_it, s) => [...s.m].map((x) => x ?? null),
  named_captures: (_it, s) => { const h = new RHash(); for (const [k, v] of Object.entries(s.m.groups ?? {})) h.set(k, v ?? null); return h; },
  pre_match: (_it, s) => s.m.input.slice(0, s.m.index), post_match: (_it, s) => s.m.input.slice(s.m.index + s.m[0].length),
  to_s: (_it, s) => s.m[0], begin: (_it, s) => s.m.index, inspect: (_it, s) => `#<MatchData ${inspect(s.m[0])}${s.m.slice(1).map((x: string, i: number) => ` ${i + 1}:${inspect(x ?? null)}`).join('')}>`,
};

export const CORE: Record<string, Record<string, Native>> = { Integer: INTEGER, Float: FLOAT, String: STRING, Symbol: SYMBOL, NilClass: NIL, TrueClass: BOOL, FalseClass: BOOL, Comparable: COMPARABLE, Proc: PROC, Regexp: REGEXP, MatchData: MATCH };
export { NONE, num };
