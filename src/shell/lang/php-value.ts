// The PHP subset's values: ints (JS numbers), floats (boxed, so var_dump can tell 2 from 2.0), strings, ordered arrays
// with PHP's key rules, objects; and the conversions and printers PHP 8 defines for them (echo, var_dump, print_r, json).
export class PFloat {
  constructor(readonly v: number) {}
}
export type Key = string | number;
export type Val = null | boolean | number | PFloat | string | PArr | PObj;

/** A PHP array: an ordered map; numeric-string keys become ints, and the next index follows the largest int key. */
export class PArr {
  m = new Map<Key, Val>();
  next = 0;
  static of(items: Val[]): PArr {
    const a = new PArr();
    for (const v of items) a.push(v);
    return a;
  }
  static from(pairs: [Key, Val][]): PArr {
    const a = new PArr();
    for (const [k, v] of pairs) a.set(k, v);
    return a;
  }
  get size() { return this.m.size; }
  push(v: Val) { this.m.set(this.next, v); this.next++; }
  set(k: Key, v: Val) {
    const key = normKey(k);
    this.m.set(key, v);
    if (typeof key === 'number' && key >= this.next) this.next = key + 1;
  }
  get(k: Key): Val | undefined { return this.m.get(normKey(k)); }
  has(k: Key) { return this.m.has(normKey(k)); }
  delete(k: Key) { this.m.delete(normKey(k)); }
  values(): Val[] { return [...this.m.values()]; }
  keys(): Key[] { return [...this.m.keys()]; }
  copy(): PArr {
    const a = new PArr();
    for (const [k, v] of this.m) a.m.set(k, v instanceof PArr ? v.copy() : v);
    a.next = this.next;
    return a;
  }
  isList() { let i = 0; for (const k of this.m.keys()) if (k !== i++) return false; return true; }
}

export interface PClass {
  name: string;
  parent?: PClass;
  consts: Map<string, Val>;
  props: { name: string; init: unknown; static: boolean; visibility: string }[];
  statics: Map<string, Val>;
  methods: Map<string, PMethod>;
  abstract?: boolean;
  interfaces: string[];
}
export interface PMethod { name: string; static: boolean; visibility: string; fn: unknown; cls: PClass }

let nextId = 1;
export class PObj {
  readonly id = nextId++;
  props = new Map<string, Val>();
  /** A closure's function (and its bound $this and captured variables). */
  fn?: unknown;
  constructor(readonly cls: PClass) {}
}
export const resetIds = () => (nextId = 1);

export function normKey(k: Key): Key {
  if (typeof k === 'number') return Math.trunc(k);
  return /^(0|-?[1-9]\d*)$/.test(k) && Math.abs(Number(k)) <= Number.MAX_SAFE_INTEGER ? Number(k) : k;
}

export function keyOf(v: Val): Key {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof PFloat) return Math.trunc(v.v);
  if (typeof v === 'number' || typeof v === 'string') return normKey(v);
  throw new TypeError('Illegal offset type');
}

export const isFloat = (v: Val): v is PFloat => v instanceof PFloat;
export const num = (v: Val) => (v instanceof PFloat ? v.v : (v as number));
/** A float result: whole ints stay floats (boxed). */
export const fl = (n: number) => new PFloat(n);

/** PHP's float-to-string (precision 14 for echo, 17 / shortest round-trip for var_dump and json: serialize_precision -1). */
export function floatStr(n: number, repr = false): string {
  if (Number.isNaN(n)) return 'NAN';
  if (!Number.isFinite(n)) return n > 0 ? 'INF' : '-INF';
  if (n === 0) return Object.is(n, -0) ? '-0' : '0';
  let s = repr ? String(n) : String(Number(n.toPrecision(14)));
  if (/e/.test(s)) {
    const [m, e] = s.split('e');
    s = `${m.includes('.') ? m : m + '.0'}E${e.startsWith('-') || e.startsWith('+') ? e : '+' + e}`;
  }
  return s;
}

export function typeName(v: Val): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (v instanceof PFloat) return 'float';
  if (typeof v === 'string') return 'string';
  if (v instanceof PArr) return 'array';
  return v.cls.name;
}

export function truthy(v: Val): boolean {
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (v instanceof PFloat) return v.v !== 0;
  if (typeof v === 'string') return v !== '' && v !== '0';
  if (v instanceof PArr) return v.size > 0;
  return true;
}

/** A string's numeric value: whole (`"12"`), leading (`"12 apples"`) or none. */
export function numericPrefix(s: string): { n: number; float: boolean; whole: boolean } | null {
  const m = /^[ \t\n\r\v\f]*([+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)/.exec(s);
  if (!m) return null;
  const whole = /^[ \t\n\r\v\f]*$/.test(s.slice(m[0].length));
  return { n: Number(m[1]), float: /[.eE]/.test(m[1]), whole };
}

export function toStr(v: Val, warn?: (msg: string) => void, toString?: (o: PObj) => string): string {
  if (v === null || v === false) return '';
  if (v === true) return '1';
  if (typeof v === 'number') return String(v);
  if (v instanceof PFloat) return floatStr(v.v);
  if (typeof v === 'string') return v;
  if (v instanceof PArr) { warn?.('Array to string conversion'); return 'Array'; }
  if (toString) return toString(v);
  throw new TypeError(`Object of class ${v.cls.name} could not be converted to string`);
}

/** The number a value counts as in arithmetic (int or float); `bad` for strings that are not numeric at all. */
export function toNumber(v: Val, warn?: (msg: string) => void): number | PFloat | 'bad' {
  if (v === null || v === false) return 0;
  if (v === true) return 1;
  if (typeof v === 'number' || v instanceof PFloat) return v;
  if (typeof v === 'string') {
    const p = numericPrefix(v);
    if (!p) return 'bad';
    if (!p.whole) warn?.('A non-numeric value encountered');
    return p.float ? fl(p.n) : p.n;
  }
  return 'bad';
}

export function toInt(v: Val): number {
  if (v instanceof PFloat) return Number.isFinite(v.v) ? Math.trunc(v.v) : 0;
  if (typeof v === 'string') { const p = numericPrefix(v); return p ? Math.trunc(p.n) : 0; }
  if (v instanceof PArr) return v.size ? 1 : 0;
  if (v instanceof PObj) return 1;
  return v === true ? 1 : typeof v === 'number' ? v : 0;
}
export function toFloat(v: Val): number {
  if (v instanceof PFloat) return v.v;
  if (typeof v === 'string') return numericPrefix(v)?.n ?? 0;
  return toInt(v);
}

/** PHP 8 loose comparison (<=>): numbers with numeric strings as numbers, other strings as strings, arrays by size. */
export function compare(a: Val, b: Val): number {
  const sgn = (x: number) => (x < 0 ? -1 : x > 0 ? 1 : 0);
  if (typeof a === 'string' && typeof b === 'string') {
    const pa = numericPrefix(a), pb = numericPrefix(b);
    if (pa?.whole && pb?.whole) return sgn(pa.n - pb.n);
    return a < b ? -1 : a > b ? 1 : 0;
  }
  if (typeof a === 'boolean' || typeof b === 'boolean' || a === null || b === null) {
    if (a === null && typeof b === 'string') return b === '' ? 0 : -1;
    if (b === null && typeof a === 'string') return a === '' ? 0 : 1;
    return sgn(Number(truthy(a)) - Number(truthy(b)));
  }
  if (a instanceof PArr && b instanceof PArr) {
    if (a.size !== b.size) return sgn(a.size - b.size);
    for (const [k, v] of a.m) {
      if (!b.m.has(k)) return 1;
      const c = compare(v, b.m.get(k)!);
      if (c) return c;
    }
    return 0;
  }
  if (a instanceof PArr) return 1;
  if (b instanceof PArr) return -1;
  if (a instanceof PObj || b instanceof PObj) return a === b ? 0 : 1;
  const numStr = (s: string) => numericPrefix(s);
  if (typeof a === 'string') { const p = numStr(a); if (!p?.whole) return compare(a, toStr(b)); return sgn(p.n - num(b)); }
  if (typeof b === 'string') { const p = numStr(b); if (!p?.whole) return compare(toStr(a), b); return sgn(num(a) - p.n); }
  return sgn(num(a) - num(b));
}
export const looseEq = (a: Val, b: Val) => (a instanceof PObj && b instanceof PObj ? a === b || (a.cls === b.cls && compare(PArr.from([...a.props]), PArr.from([...b.props])) === 0) : compare(a, b) === 0);

export function strictEq(a: Val, b: Val): boolean {
  if (a instanceof PFloat || b instanceof PFloat) return a instanceof PFloat && b instanceof PFloat && a.v === b.v;
  if (a instanceof PArr && b instanceof PArr) {
    if (a.size !== b.size) return false;
    const ka = a.keys(), kb = b.keys();
    return ka.every((k, i) => k === kb[i] && strictEq(a.m.get(k)!, b.m.get(k)!));
  }
  return a === b;
}

const ind = (n: number) => ' '.repeat(n);

export function varDump(v: Val, depth = 0): string {
  const p = ind(depth);
  if (v === null) return `${p}NULL\n`;
  if (typeof v === 'boolean') return `${p}bool(${v})\n`;
  if (typeof v === 'number') return `${p}int(${v})\n`;
  if (v instanceof PFloat) return `${p}float(${floatStr(v.v, true)})\n`;
  if (typeof v === 'string') return `${p}string(${utf8Len(v)}) "${v}"\n`;
  if (v instanceof PArr) {
    let s = `${p}array(${v.size}) {\n`;
    for (const [k, x] of v.m) s += `${p}  [${typeof k === 'number' ? k : `"${k}"`}]=>\n${varDump(x, depth + 2)}`;
    return s + `${p}}\n`;
  }
  if (v.fn) return `${p}object(Closure)#${v.id} (0) {\n${p}}\n`;
  let s = `${p}object(${v.cls.name})#${v.id} (${v.props.size}) {\n`;
  for (const [k, x] of v.props) s += `${p}  ["${k}"]=>\n${varDump(x, depth + 2)}`;
  return s + `${p}}\n`;
}

export function printR(v: Val, depth = 0): string {
  if (v instanceof PArr || v instanceof PObj) {
    const p = ind(depth);
    const entries: [Key, Val][] = v instanceof PArr ? [...v.m] : [...v.props];
    let s = `${v instanceof PArr ? 'Array' : `${v.cls.name} Object`}\n${p}(\n`;
    for (const [k, x] of entries) s += `${p}    [${k}] => ${printR(x, depth + 8).replace(/^\s+/, '')}\n`;
    return s + `${p})\n`;
  }
  return toStr(v);
}

export function varExport(v: Val, depth = 0): string {
  if (v === null) return 'NULL';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return String(v);
  if (v instanceof PFloat) { const s = floatStr(v.v, true); return /[.EN]/.test(s) ? s : s + '.0'; }
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const p = ind(depth);
  const entries: [Key, Val][] = v instanceof PArr ? [...v.m] : [...v.props];
  const body = entries.map(([k, x]) => `${p}  ${typeof k === 'number' ? k : varExport(k)} => ${x instanceof PArr || x instanceof PObj ? '\n' + p + '  ' : ''}${varExport(x, depth + 2)},\n`).join('');
  return v instanceof PArr ? `array (\n${body}${p})` : `\\${v.cls.name}::__set_state(array(\n${body}${p}))`;
}

export const utf8Len = (s: string) => new TextEncoder().encode(s).length;

/** json_encode: PHP escapes "/" and non-ASCII unless told not to (JSON_UNESCAPED_SLASHES 64, JSON_UNESCAPED_UNICODE 256, JSON_PRETTY_PRINT 128). */
export function jsonEncode(v: Val, flags = 0, depth = 0): string {
  const pretty = (flags & 128) !== 0;
  const nl = pretty ? '\n' + '    '.repeat(depth + 1) : '';
  const end = pretty ? '\n' + '    '.repeat(depth) : '';
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (v instanceof PFloat) { const s = floatStr(v.v, true); return /[.E]/.test(s) ? s.replace('E+', 'e+').replace('E-', 'e-') : s + '.0'; }
  if (typeof v === 'string') {
    let s = JSON.stringify(v);
    if (!(flags & 64)) s = s.replace(/\//g, '\\/');
    if (!(flags & 256)) s = s.replace(/[\u0080-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
    return s;
  }
  const entries: [Key, Val][] = v instanceof PArr ? [...v.m] : [...v.props];
  if (v instanceof PArr && v.isList() && !(flags & 16)) return entries.length ? `[${entries.map(([, x]) => nl + jsonEncode(x, flags, depth + 1)).join(',')}${end}]` : '[]';
  if (!entries.length) return '{}';
  return `{${entries.map(([k, x]) => nl + jsonEncode(String(k), flags) + (pretty ? ': ' : ':') + jsonEncode(x, flags, depth + 1)).join(',')}${end}}`;
}

export function fromJs(x: unknown, assoc: boolean, stdClass: () => PObj): Val {
  if (x === null || typeof x === 'boolean' || typeof x === 'string') return x;
  if (typeof x === 'number') return Number.isInteger(x) ? x : fl(x);
  if (Array.isArray(x)) return PArr.of(x.map((i) => fromJs(i, assoc, stdClass)));
  const entries = Object.entries(x as Record<string, unknown>).map(([k, i]) => [k, fromJs(i, assoc, stdClass)] as [string, Val]);
  if (assoc) return PArr.from(entries);
  const o = stdClass();
  for (const [k, i] of entries) o.props.set(k, i);
  return o;
}
