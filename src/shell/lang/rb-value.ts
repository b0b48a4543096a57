// The Ruby subset's values (nil/true/false, Integer as number or bigint, Float, String as a JS string, Symbol, Array,
// Hash, Range, Proc, objects and classes), the class tree with the exception classes, and inspect/to_s as Ruby 3.3 prints.
import type { Node, Params } from './rb-parse';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type V = any;

export class RSym { constructor(readonly name: string) {} }
const SYMS = new Map<string, RSym>();
export const sym = (name: string): RSym => SYMS.get(name) ?? (SYMS.set(name, new RSym(name)), SYMS.get(name)!);
export class RFloat { constructor(readonly v: number) {} }
export class RRange { constructor(readonly lo: V, readonly hi: V, readonly excl: boolean) {} }
export class RHash {
  m = new Map<unknown, [V, V]>();
  def: V = null;
  defProc: RProc | null = null;
  get(k: V): V { return this.m.get(hkey(k))?.[1]; }
  has(k: V): boolean { return this.m.has(hkey(k)); }
  set(k: V, v: V) { const key = hkey(k); const old = this.m.get(key); if (old) old[1] = v; else this.m.set(key, [typeof k === 'string' ? k : k, v]); }
  delete(k: V) { const e = this.m.get(hkey(k)); this.m.delete(hkey(k)); return e; }
  entries(): [V, V][] { return [...this.m.values()]; }
  get size() { return this.m.size; }
}
export const hashOf = (pairs: [V, V][]): RHash => { const h = new RHash(); for (const [k, v] of pairs) h.set(k, v); return h; };
/** A Hash key: equal strings, numbers and arrays of them find the same entry (eql?), objects by identity. */
export function hkey(k: V): unknown {
  if (typeof k === 'string') return 's' + k;
  if (typeof k === 'number' || typeof k === 'bigint') return 'i' + String(k);
  if (k instanceof RFloat) return 'f' + k.v;
  if (Array.isArray(k)) return 'a' + k.map((x) => String(hkey(x))).join('\u0001');
  if (k instanceof RObject && k.cls.struct) return 'S' + k.cls.name + [...k.ivars.values()].map((x) => String(hkey(x))).join('\u0001');
  return k;
}

export interface Env { vars: Map<string, V>; parent: Env | null }
/** A block, proc or lambda: its code, where it was made (variables, self, the method's block) and how it binds args. */
export class RProc {
  constructor(readonly params: Params, readonly body: Node[], readonly env: Env, readonly self: V, readonly lambda: boolean, readonly ctx: unknown, readonly native?: (args: V[], blk?: RProc | null) => V) {}
}
export const nativeProc = (fn: (args: V[], blk?: RProc | null) => V, lambda = false) => new RProc({ req: [], opt: [], post: [], kw: [] }, [], { vars: new Map(), parent: null }, null, lambda, null, fn);

export interface RMethod { name: string; params: Params; body: Node[]; owner: RClass; file: string; visibility: 'public' | 'private' | 'protected'; proc?: RProc; attr?: 'get' | 'set'; top?: boolean }

export class RClass {
  methods = new Map<string, RMethod>();
  meta: RClass | null = null;
  consts = new Map<string, V>();
  ivars = new Map<string, V>();
  includes: RClass[] = [];
  extended: RClass[] = [];
  /** Struct.new's member names. */
  struct: string[] | null = null;
  /** The visibility `private`/`public` without arguments gives the methods defined after it. */
  defVis: 'public' | 'private' = 'public';
  moduleFunction = false;
  constructor(public name: string, public superclass: RClass | null, readonly isModule = false, public lexParent: RClass | null = null) {}
  /** Method resolution order: the class, its modules (last included first), then its superclass's. */
  ancestors(): RClass[] {
    const out: RClass[] = [];
    for (let c: RClass | null = this; c; c = c.superclass) { out.push(c); for (const m of [...c.includes].reverse()) for (const a of m.ancestors()) if (!out.includes(a)) out.push(a); }
    return out;
  }
  find(name: string): RMethod | undefined { for (const c of this.ancestors()) { const m = c.methods.get(name); if (m) return m; } return undefined; }
  isA(other: RClass) { return this.ancestors().includes(other); }
  /** The singleton class holding `def self.x` methods. */
  singleton(): RClass { return (this.meta ??= new RClass(`#<Class:${this.name}>`, this.superclass?.singleton() ?? null)); }
}

let nextId = 0;
export class RObject {
  ivars = new Map<string, V>();
  readonly id = ++nextId;
  /** An exception's backtrace (frames, innermost first). */
  bt: string[] | null = null;
  constructor(public cls: RClass) {}
}

export const C: Record<string, RClass> = {};
const defClass = (name: string, sup: string | null, mod = false) => (C[name] = new RClass(name, sup ? C[sup] : null, mod));
defClass('BasicObject', null); defClass('Object', 'BasicObject'); defClass('Module', 'Object'); defClass('Class', 'Module');
for (const m of ['Kernel', 'Comparable', 'Enumerable', 'Math', 'JSON', 'Process', 'Signal', 'GC', 'ObjectSpace', 'Errno']) defClass(m, null, true);
C.Object.includes.push(C.Kernel);
for (const [n, s] of [['NilClass', 'Object'], ['TrueClass', 'Object'], ['FalseClass', 'Object'], ['Numeric', 'Object'], ['Integer', 'Numeric'], ['Float', 'Numeric'], ['String', 'Object'], ['Symbol', 'Object'], ['Array', 'Object'], ['Hash', 'Object'], ['Range', 'Object'], ['Proc', 'Object'], ['Regexp', 'Object'], ['MatchData', 'Object'], ['Time', 'Object'], ['IO', 'Object'], ['File', 'IO'], ['Dir', 'Object'], ['Struct', 'Object'], ['Enumerator', 'Object'], ['Method', 'Object'], ['Random', 'Object'], ['Set', 'Object'],
  ['Exception', 'Object'], ['NoMemoryError', 'Exception'], ['ScriptError', 'Exception'], ['LoadError', 'ScriptError'], ['NotImplementedError', 'ScriptError'], ['SyntaxError', 'ScriptError'], ['SecurityError', 'Exception'], ['SignalException', 'Exception'], ['Interrupt', 'SignalException'], ['SystemExit', 'Exception'], ['SystemStackError', 'Exception'],
  ['StandardError', 'Exception'], ['ArgumentError', 'StandardError'], ['UncaughtThrowError', 'ArgumentError'], ['EncodingError', 'StandardError'], ['FiberError', 'StandardError'], ['IOError', 'StandardError'], ['EOFError', 'IOError'], ['IndexError', 'StandardError'], ['KeyError', 'IndexError'], ['StopIteration', 'IndexError'], ['ClosedQueueError', 'StopIteration'], ['LocalJumpError', 'StandardError'], ['NameError', 'StandardError'], ['NoMethodError', 'NameError'], ['RangeError', 'StandardError'], ['FloatDomainError', 'RangeError'], ['RegexpError', 'StandardError'], ['RuntimeError', 'StandardError'], ['FrozenError', 'RuntimeError'], ['SystemCallError', 'StandardError'], ['ThreadError', 'StandardError'], ['TypeError', 'StandardError'], ['ZeroDivisionError', 'StandardError']] as const) defClass(n, s);
for (const n of ['Array', 'Hash', 'Range', 'Struct', 'Enumerator', 'Set']) C[n].includes.push(C.Enumerable);
for (const n of ['String', 'Numeric']) C[n].includes.push(C.Comparable);
const nested = (outer: string, name: string, sup: string) => { const c = new RClass(`${outer}::${name}`, C[sup], false, C[outer]); C[outer].consts.set(name, c); C[`${outer}::${name}`] = c; return c; };
nested('JSON', 'JSONError', 'StandardError'); nested('JSON', 'ParserError', 'JSON::JSONError'); nested('JSON', 'GeneratorError', 'JSON::JSONError');
nested('Errno', 'ENOENT', 'SystemCallError'); nested('Errno', 'EACCES', 'SystemCallError'); nested('Errno', 'EISDIR', 'SystemCallError'); nested('Errno', 'EADDRINUSE', 'SystemCallError'); nested('Errno', 'ECONNREFUSED', 'SystemCallError');
C.Object.consts.set('Sinatra', null);

/** The built-in classes as they are before any program ran: each run starts from them again (a program's classes,
 *  constants and reopened methods are its own; runs of different containers share this module). */
const PRISTINE = Object.entries(C).map(([k, c]) => ({ k, c, methods: new Map(c.methods), consts: new Map(c.consts), ivars: new Map(c.ivars), includes: [...c.includes], extended: [...c.extended], meta: c.meta ? new Map(c.meta.methods) : null }));
export function resetClasses() {
  for (const k of Object.keys(C)) if (!PRISTINE.some((p) => p.k === k)) delete C[k];
  for (const p of PRISTINE) {
    C[p.k] = p.c;
    p.c.methods = new Map(p.methods); p.c.consts = new Map(p.consts); p.c.ivars = new Map(p.ivars);
    p.c.includes = [...p.includes]; p.c.extended = [...p.extended]; p.c.defVis = 'public'; p.c.moduleFunction = false;
    if (p.meta) p.c.meta!.methods = new Map(p.meta); else p.c.meta = null;
  }
}

/** A Ruby exception on its way up the JS stack. */
export class RubyError { constructor(readonly exc: RObject) {} }
export function makeExc(cls: RClass, msg: string): RObject { const e = new RObject(cls); e.ivars.set('@message', msg); return e; }
export const rbRaise = (cls: string | RClass, msg: string): never => { throw new RubyError(makeExc(typeof cls === 'string' ? C[cls] : cls, msg)); };

export const isInt = (v: V): v is number | bigint => (typeof v === 'number') || typeof v === 'bigint';
export const truthy = (v: V) => v !== null && v !== false && v !== undefined;

export function classOf(v: V): RClass {
  if (v === null || v === undefined) return C.NilClass;
  if (v === true) return C.TrueClass;
  if (v === false) return C.FalseClass;
  if (isInt(v)) return C.Integer;
  if (v instanceof RFloat) return C.Float;
  if (typeof v === 'string') return C.String;
  if (v instanceof RSym) return C.Symbol;
  if (Array.isArray(v)) return C.Array;
  if (v instanceof RHash) return C.Hash;
  if (v instanceof RRange) return C.Range;
  if (v instanceof RProc) return C.Proc;
  if (v instanceof RegExp) return C.Regexp;
  if (v instanceof RObject) return v.cls;
  if (v instanceof RClass) return v.isModule ? C.Module : C.Class;
  return C.Object;
}

/** Float#to_s: shortest digits, fixed between 1e-4 and 1e16, else d.ddde+XX. */
export function fmtFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mant, e] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const decpt = parseInt(e, 10) + 1;
  if (decpt > 16 || decpt < -3) {
    const exp = decpt - 1;
    return `${sign}${digits[0]}.${digits.slice(1) || '0'}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
  if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
  return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
}

/** String#inspect: double quotes and Ruby's escapes. */
export function inspectStr(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = ch.charCodeAt(0);
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (ch === '#' && (s[i + 1] === '{' || s[i + 1] === '$' || s[i + 1] === '@')) out += '\\#';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\x1b') out += '\\e';
    else if (ch === '\0') out += '\\u0000';
    else if (c < 32 || c === 127) out += '\\x' + c.toString(16).toUpperCase().padStart(2, '0');
    else out += ch;
  }
  return out + '"';
}

export const symInspect = (n: string) => (/^([A-Za-z_][\w]*[?!=]?|\[\]=?|[+\-*/%<>!~^&|]|<=>|==|===|=~|\*\*|<=|>=|<<|>>|[+-]@)$/.test(n) ? ':' + n : ':' + inspectStr(n));
export const addr = (o: { id: number }) => '0x' + (0x7f3a5c1e0000 + o.id * 0x28).toString(16).padStart(16, '0');

/** Calls a user-defined inspect/to_s when a class has one (set by the interpreter). */
export const hooks: { call: ((recv: V, name: string) => V) | null; userMethod: ((recv: V, name: string) => boolean) | null } = { call: null, userMethod: null };

export function inspect(v: V): string {
  if (v === null || v === undefined) return 'nil';
  if (v === true || v === false) return String(v);
  if (isInt(v)) return String(v);
  if (v instanceof RFloat) return fmtFloat(v.v);
  if (typeof v === 'string') return inspectStr(v);
  if (v instanceof RSym) return symInspect(v.name);
  if (Array.isArray(v)) return '[' + v.map((x) => (x === v ? '[...]' : inspect(x))).join(', ') + ']';
  if (v instanceof RHash) return v.size ? '{' + v.entries().map(([k, x]) => `${inspect(k)}=>${x === v ? '{...}' : inspect(x)}`).join(', ') + '}' : '{}';
  if (v instanceof RRange) return `${v.lo === null ? '' : inspect(v.lo)}${v.excl ? '...' : '..'}${v.hi === null ? '' : inspect(v.hi)}`;
  if (v instanceof RegExp) return `/${v.source.replace(/\\\//g, '/').replace(/\//g, '\\/')}/${v.flags.includes('i') ? 'i' : ''}${v.flags.includes('s') ? 'm' : ''}`;
  if (v instanceof RClass) return v.name;
  if (v instanceof RProc) return `#<Proc:${addr({ id: 7 })} ${v.lambda ? '(lambda)' : ''}>`.replace(' >', '>');
  if (v instanceof RObject) {
    if (hooks.userMethod?.(v, 'inspect')) return String(hooks.call!(v, 'inspect'));
    if (v.cls.isA(C.Exception)) { const m = exMessage(v); return m === v.cls.name ? v.cls.name : m === '' ? `#<${v.cls.name}: ${v.cls.name}>` : `#<${v.cls.name}: ${m}>`; }
    if (v.cls.struct) return `#<struct ${v.cls.name} ${v.cls.struct.map((n) => `${n}=${inspect(v.ivars.get('@' + n))}`).join(', ')}>`;
    const iv = [...v.ivars].map(([k, x]) => `${k}=${x === v ? `#<${v.cls.name}:${addr(v)} ...>` : inspect(x)}`);
    return `#<${v.cls.name}:${addr(v)}${iv.length ? ' ' + iv.join(', ') : ''}>`;
  }
  if (typeof v === 'object' && v && 'rbInspect' in v) return (v as { rbInspect(): string }).rbInspect();
  return String(v);
}

export function exMessage(e: RObject): string {
  if (hooks.userMethod?.(e, 'message')) return String(toS(hooks.call!(e, 'message')));
  if (hooks.userMethod?.(e, 'to_s')) return String(toS(hooks.call!(e, 'to_s')));
  const m = e.ivars.get('@message');
  return m === null || m === undefined ? e.cls.name : toS(m);
}

export function toS(v: V): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (v instanceof RSym) return v.name;
  if (v instanceof RObject) {
    if (hooks.userMethod?.(v, 'to_s')) return String(hooks.call!(v, 'to_s'));
    if (v.cls.isA(C.Exception)) return exMessage(v);
    if (v.cls.struct) return inspect(v);
    return `#<${v.cls.name}${v.cls.name.startsWith('#') ? '' : ':' + addr(v)}>`;
  }
  if (v instanceof RegExp) return `(?${v.flags.includes('i') ? 'i' : ''}${v.flags.includes('s') ? 'm' : ''}-mix`.replace(/-(\w*)$/, (_m, f: string) => '-' + f.replace(/[is]/g, '')) + `:${v.source})`;
  return inspect(v);
}

export function rbEq(a: V, b: V): boolean {
  if (a === b) return true;
  if (isInt(a) && isInt(b)) return BigInt(a) === BigInt(b);
  if ((isInt(a) || a instanceof RFloat) && (isInt(b) || b instanceof RFloat)) return Number(a instanceof RFloat ? a.v : a) === Number(b instanceof RFloat ? b.v : b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => rbEq(x, b[i]));
  if (a instanceof RHash && b instanceof RHash) return a.size === b.size && a.entries().every(([k, v]) => b.has(k) && rbEq(v, b.get(k)));
  if (a instanceof RRange && b instanceof RRange) return rbEq(a.lo, b.lo) && rbEq(a.hi, b.hi) && a.excl === b.excl;
  if (a instanceof RObject && b instanceof RObject && a.cls === b.cls && a.cls.struct) return [...a.ivars].every(([k, v]) => rbEq(v, b.ivars.get(k)));
  return false;
}
