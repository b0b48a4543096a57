// Template functions: Go text/template builtins (funcs.go) and docker/cli's extras (templates/templates.go).
import { GoNil, goJSON, goTypeName, isInt, isObject, sortedKeys, structType, utf8Bytes, utf8Decode } from './format-go';
import { sprint, sprintf, sprintln, sprintValue } from './format-printf';

/** How an argument is converted before the call, like the Go parameter type of the function. */
export type ParamType = 'any' | 'value' | 'string' | 'int' | 'bool' | '[]string';

export interface FuncDef {
  params: ParamType[];
  /** Element type of a trailing variadic parameter. */
  variadic?: ParamType;
  /** Throws an Error whose message becomes `error calling NAME: MESSAGE`. */
  fn: (...args: never[]) => unknown;
}

const fail = (msg: string): never => {
  throw new Error(msg);
};

/** Go template truth: not the zero value (empty string/slice/map, 0, false, nil are false). */
export function truth(v: unknown): boolean {
  if (v === undefined || v === null || v instanceof GoNil) return false;
  if (typeof v === 'string' || Array.isArray(v)) return v.length > 0;
  if (typeof v === 'number' || typeof v === 'bigint') return Number(v) !== 0;
  if (typeof v === 'boolean') return v;
  if (isObject(v)) return structType(v) !== undefined || sortedKeys(v).length > 0;
  return true;
}

const nilToInvalid = (v: unknown) => (v === null ? undefined : v);

function indexArg(index: unknown, cap: number): number {
  if (index === undefined || index === null) fail('cannot index slice/array with nil');
  if (!isInt(index)) fail(`cannot index slice/array with type ${goTypeName(index)}`);
  const x = Number(index);
  if (x < 0 || x > cap) fail(`index out of range: ${x}`);
  return x;
}

function index(item: unknown, ...indexes: unknown[]): unknown {
  item = nilToInvalid(item);
  if (item === undefined) fail('index of untyped nil');
  for (let ix of indexes) {
    ix = nilToInvalid(ix);
    if (item === undefined || item === null || (item instanceof GoNil && item.kind === 'pointer')) fail('index of nil pointer');
    if (typeof item === 'string' || Array.isArray(item) || (item instanceof GoNil && item.kind === 'slice')) {
      const seq = typeof item === 'string' ? utf8Bytes(item) : Array.isArray(item) ? item : [];
      const x = indexArg(ix, seq.length);
      if (x === seq.length) fail(typeof item === 'string' ? 'reflect: string index out of range' : 'reflect: slice index out of range');
      item = seq[x];
    } else if ((isObject(item) && !structType(item)) || item instanceof GoNil) {
      if (ix === undefined) fail('value is nil; should be of type string');
      if (typeof ix !== 'string') fail(`value has type ${goTypeName(ix)}; should be string`);
      item = isObject(item) && Object.hasOwn(item, ix as string) ? item[ix as string] : undefined;
    } else fail(`can't index item of type ${goTypeName(item)}`);
  }
  return item;
}

function slice(item: unknown, ...indexes: unknown[]): unknown {
  item = nilToInvalid(item);
  if (item === undefined) fail('slice of untyped nil');
  if (indexes.length > 3) fail(`too many slice indexes: ${indexes.length}`);
  let seq: Uint8Array | unknown[];
  if (typeof item === 'string') {
    if (indexes.length === 3) fail('cannot 3-index slice a string');
    seq = utf8Bytes(item);
  } else if (Array.isArray(item)) seq = item;
  else if (item instanceof GoNil && item.kind === 'slice') seq = [];
  else return fail(`can't slice item of type ${goTypeName(item)}`);
  const ix = [0, seq.length, seq.length];
  indexes.forEach((v, i) => (ix[i] = indexArg(v, seq.length)));
  if (ix[0] > ix[1]) fail(`invalid slice index: ${ix[0]} > ${ix[1]}`);
  if (indexes.length === 3 && ix[1] > ix[2]) fail(`invalid slice index: ${ix[1]} > ${ix[2]}`);
  return seq instanceof Uint8Array ? utf8Decode(seq.slice(ix[0], ix[1])) : seq.slice(ix[0], ix[1]);
}

function length(item: unknown): number {
  if (item === undefined) fail('reflect: call of reflect.Value.Type on zero Value');
  if (item === null || (item instanceof GoNil && item.kind === 'pointer')) fail('len of nil pointer');
  if (item instanceof GoNil) return 0;
  if (typeof item === 'string') return utf8Bytes(item).length;
  if (Array.isArray(item)) return item.length;
  if (isObject(item) && !structType(item)) return sortedKeys(item).length;
  return fail(`len of type ${goTypeName(item)}`);
}

type Kind = 'bool' | 'number' | 'string' | 'invalid';
function basicKind(v: unknown): Kind {
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number' || typeof v === 'bigint') return 'number';
  if (typeof v === 'string') return 'string';
  return 'invalid';
}
const basic = (v: unknown) => (typeof v === 'bigint' ? Number(v) : v);
const isNil = (v: unknown) => v === undefined || v === null || v instanceof GoNil;
const refKind = (v: unknown) =>
  v === undefined ? 'invalid' : Array.isArray(v) || (v instanceof GoNil && v.kind === 'slice') ? 'slice'
    : v instanceof GoNil ? v.kind : typeof v === 'object' ? 'map' : typeof v;

function eq(arg1: unknown, ...rest: unknown[]): boolean {
  const a1 = nilToInvalid(arg1);
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(a1);
  for (const arg of rest) {
    const a = nilToInvalid(arg);
    const k2 = basicKind(a);
    let t = false;
    if (k1 !== k2) {
      if (a1 !== undefined && a !== undefined) fail(`incompatible types for comparison: ${goTypeName(a1)} and ${goTypeName(a)}`);
    } else if (k1 !== 'invalid') t = basic(a1) === basic(a);
    else {
      if (refKind(a1) !== refKind(a) && a1 !== undefined && a !== undefined) {
        fail(`non-comparable types ${sprintValue(a1)}: ${goTypeName(a1)}, ${goTypeName(a)}: ${sprintValue(a)}`);
      }
      if (isNil(a1) || isNil(a)) t = isNil(a1) === isNil(a);
      else if (typeof a === 'function') fail(`non-comparable type ${sprintValue(a)}: func`);
      else fail(`non-comparable type ${sprintValue(a)}: ${goTypeName(a)}`);
    }
    if (t) return true;
  }
  return false;
}

function lt(arg1: unknown, arg2: unknown): boolean {
  const [a1, a2] = [nilToInvalid(arg1), nilToInvalid(arg2)];
  const [k1, k2] = [basicKind(a1), basicKind(a2)];
  if (k1 === 'invalid' || k2 === 'invalid') fail('invalid type for comparison');
  if (k1 !== k2) fail(`incompatible types for comparison: ${goTypeName(a1)} and ${goTypeName(a2)}`);
  if (k1 === 'bool') fail('invalid type for comparison');
  return (basic(a1) as number | string) < (basic(a2) as number | string);
}
const le = (a: unknown, b: unknown) => lt(a, b) || eq(a, b);

/** text/template evalArgs: one string as is, otherwise fmt.Sprint with missing values as `<no value>`. */
function evalArgs(args: unknown[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprint(args.map((a) => (a === undefined || a === null ? '<no value>' : a)));
}
const HTML: Record<string, string> = { '\0': '\uFFFD', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const JS: Record<string, string> = { '\\': '\\\\', "'": "\\'", '"': '\\"', '<': '\\u003C', '>': '\\u003E', '&': '\\u0026', '=': '\\u003D' };
function jsEscape(s: string): string {
  return [...s]
    .map((c) => JS[c] ?? (c < ' ' ? '\\u00' + c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0') : /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(c) || c < '\x80' ? c : '\\u' + c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')))
    .join('');
}
function queryEscape(s: string): string {
  return [...utf8Bytes(s)]
    .map((b) => { const c = String.fromCharCode(b); return /[A-Za-z0-9\-_.~]/.test(c) ? c : c === ' ' ? '+' : '%' + b.toString(16).toUpperCase().padStart(2, '0'); })
    .join('');
}

const V: ParamType = 'value';
/** Go's builtin template functions. */
export const BUILTINS: Record<string, FuncDef> = {
  and: { params: [V], variadic: V, fn: () => undefined }, // short-circuits; evaluated by the executor
  or: { params: [V], variadic: V, fn: () => undefined },
  not: { params: [V], fn: (a: unknown) => !truth(a) },
  len: { params: [V], fn: length },
  index: { params: [V], variadic: V, fn: index },
  slice: { params: [V], variadic: V, fn: slice },
  eq: { params: [V], variadic: V, fn: eq },
  ne: { params: [V, V], fn: (a: unknown, b: unknown) => !eq(a, b) },
  lt: { params: [V, V], fn: lt },
  le: { params: [V, V], fn: le },
  gt: { params: [V, V], fn: (a: unknown, b: unknown) => !le(a, b) },
  ge: { params: [V, V], fn: (a: unknown, b: unknown) => !lt(a, b) },
  print: { params: [], variadic: 'any', fn: (...a: unknown[]) => sprint(a) },
  println: { params: [], variadic: 'any', fn: (...a: unknown[]) => sprintln(a) },
  printf: { params: ['string'], variadic: 'any', fn: (f: string, ...a: unknown[]) => sprintf(f, a) },
  html: { params: [], variadic: 'any', fn: (...a: unknown[]) => evalArgs(a).replace(/[\0"'&<>]/g, (c) => HTML[c]) },
  js: { params: [], variadic: 'any', fn: (...a: unknown[]) => jsEscape(evalArgs(a)) },
  urlquery: { params: [], variadic: 'any', fn: (...a: unknown[]) => queryEscape(evalArgs(a)) },
  call: {
    params: [V], variadic: V,
    fn: (name: string, f: unknown, ...a: unknown[]) => {
      if (f === undefined || f === null) fail('call of nil');
      if (typeof f !== 'function') fail(`non-function ${name} of type ${goTypeName(f)}`);
      return (f as (...x: unknown[]) => unknown)(...a);
    },
  },
};

const mapRunes = (s: string, f: (c: string) => string) => [...s].map((c) => { const m = f(c); return [...m].length === 1 ? m : c; }).join('');
function isSeparator(c: string): boolean {
  if (c < '\x80') return !/[0-9A-Za-z_]/.test(c);
  if (/[\p{L}\p{Nd}]/u.test(c)) return false;
  return /\s/u.test(c);
}
/** Go strings.Title: upper-case the first letter of every word. */
function title(s: string): string {
  let prev = ' ';
  return [...s].map((c) => { const out = isSeparator(prev) ? mapRunes(c, (x) => x.toUpperCase()) : c; prev = c; return out; }).join('');
}

/** docker/cli templates.basicFunctions. */
export const DOCKER_FUNCS: Record<string, FuncDef> = {
  json: { params: ['any'], fn: (v: unknown) => goJSON(v) },
  split: { params: ['string', 'string'], fn: (s: string, sep: string) => (sep === '' ? [...s] : s.split(sep)) },
  join: { params: ['[]string', 'string'], fn: (a: string[], sep: string) => a.join(sep) },
  title: { params: ['string'], fn: title },
  lower: { params: ['string'], fn: (s: string) => mapRunes(s, (c) => c.toLowerCase()) },
  upper: { params: ['string'], fn: (s: string) => mapRunes(s, (c) => c.toUpperCase()) },
  pad: {
    params: ['string', 'int', 'int'],
    fn: (s: string, pre: number, post: number) => {
      if (s === '') return s;
      if (pre < 0 || post < 0) fail('strings: negative Repeat count');
      return ' '.repeat(pre) + s + ' '.repeat(post);
    },
  },
  truncate: {
    params: ['string', 'int'],
    fn: (s: string, n: number) => {
      const b = utf8Bytes(s);
      if (b.length < n) return s;
      if (n < 0) fail(`runtime error: slice bounds out of range [:${n}]`);
      return utf8Decode(b.slice(0, n));
    },
  },
};

const same = (v: string) => v;
/** docker/cli templates.HeaderFunctions: used to render table headers, which stay intact (`pad` is kept). */
export const HEADER_FUNCS: Record<string, FuncDef> = {
  json: { params: ['string'], fn: same },
  split: { params: ['string', 'string'], fn: same },
  join: { params: ['string', 'string'], fn: same },
  title: { params: ['string'], fn: same },
  lower: { params: ['string'], fn: same },
  upper: { params: ['string'], fn: same },
  truncate: { params: ['string', 'int'], fn: same },
};
