// The Python subset's evaluator: values, builtins, a few modules (os, sys, time, math, json, random) and CPython-style
// tracebacks. Every statement and call costs a step from a budget, so an endless loop ends the run.
import { parse, PySyntaxError, type Node } from './py-parse';
import type { SyncFiles } from './files';

export class PyFloat { constructor(readonly v: number) {} }
export class Tuple { constructor(readonly items: Py[]) {} }
export class PyDict { m = new Map<unknown, [Py, Py]>(); }
export class PySet { m = new Map<unknown, Py>(); }
export class PyFunc { constructor(readonly name: string, readonly params: { name: string; def?: Py; star?: number }[], readonly body: Node[] | Node, readonly scope: Scope, readonly file: string, readonly lambda = false) {} }
export class Builtin { constructor(readonly name: string, readonly fn: (args: Py[], kw: Record<string, Py>) => Py, readonly self?: Py) {} }
export class Module { constructor(readonly name: string, readonly attrs: Record<string, Py>) {} }
export class ExcType { constructor(readonly name: string, readonly base: ExcType | null) {} }
export class PyExc { frames: { file: string; line: number; fn: string }[] = []; constructor(readonly type: ExcType, readonly args: Py[]) {} }
/** A class the program defined (py-class.ts): its name, bases and attributes (methods, class variables). */
export class PyClass { constructor(readonly name: string, readonly bases: PyClass[], readonly attrs: Map<string, Py>) {} }
/** An instance of a PyClass, with its own attributes. */
export class PyInstance { attrs = new Map<string, Py>(); constructor(readonly cls: PyClass) {} }
/** How an instance prints: its class's __str__/__repr__ when it has one (set by the interpreter, which can call it). */
export const dunders: { show: ((o: PyInstance, name: '__str__' | '__repr__') => string | undefined) | null } = { show: null };
const objectRepr = (o: PyInstance) => dunders.show?.(o, '__repr__') ?? `<__main__.${o.cls.name} object at 0x7f3a5c1e${(0x4b90 + 0x40 * (o.cls.name.length % 16)).toString(16)}>`;

export class FileObj { pos = 0; constructor(readonly path: string, public content: string, readonly mode: string) {} }
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Py = any;

/** Raised out of the run: the program called sys.exit / the step budget ran out. */
export class ExitRun { constructor(readonly code: number, readonly message = '') {} }
export class OutOfSteps {}

const EXC: Record<string, ExcType> = {};
const exc = (name: string, base: string | null) => (EXC[name] = new ExcType(name, base ? EXC[base] : null));
exc('BaseException', null); exc('Exception', 'BaseException'); exc('KeyboardInterrupt', 'BaseException'); exc('SystemExit', 'BaseException');
for (const [n, b] of [['ArithmeticError', 'Exception'], ['ZeroDivisionError', 'ArithmeticError'], ['LookupError', 'Exception'], ['KeyError', 'LookupError'], ['IndexError', 'LookupError'], ['NameError', 'Exception'], ['TypeError', 'Exception'], ['ValueError', 'Exception'], ['AttributeError', 'Exception'], ['RuntimeError', 'Exception'], ['NotImplementedError', 'RuntimeError'], ['RecursionError', 'RuntimeError'], ['ImportError', 'Exception'], ['ModuleNotFoundError', 'ImportError'], ['OSError', 'Exception'], ['FileNotFoundError', 'OSError'], ['IsADirectoryError', 'OSError'], ['StopIteration', 'Exception'], ['AssertionError', 'Exception'], ['UnboundLocalError', 'NameError'], ['OverflowError', 'ArithmeticError'], ['ConnectionError', 'OSError'], ['ConnectionRefusedError', 'ConnectionError']]) exc(n, b);

export const raise = (type: string, msg?: Py): never => { throw new PyExc(EXC[type], msg === undefined ? [] : [msg]); };

class Scope {
  vars = new Map<string, Py>();
  globals = new Set<string>();
  constructor(readonly parent: Scope | null) {}
  get(name: string): Py {
    for (let s: Scope | null = this; s; s = s.parent) if (s.vars.has(name)) return s.vars.get(name);
    return raise('NameError', `name '${name}' is not defined`);
  }
  set(name: string, v: Py) {
    let s: Scope = this;
    if (this.globals.has(name)) while (s.parent?.parent) s = s.parent; // the module's scope (the root holds the builtins)
    s.vars.set(name, v);
  }
}

class Break {}
class Continue {}
class Return { constructor(readonly v: Py) {} }

export function typeName(v: Py): string {
  if (v === null) return 'NoneType';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int';
  if (typeof v === 'string') return 'str';
  if (v instanceof PyFloat) return 'float';
  if (Array.isArray(v)) return 'list';
  if (v instanceof Tuple) return 'tuple';
  if (v instanceof PyDict) return 'dict';
  if (v instanceof PySet) return 'set';
  if (v instanceof PyFunc) return 'function';
  if (v instanceof Builtin) return 'builtin_function_or_method';
  if (v instanceof Module) return 'module';
  if (v instanceof PyExc) return v.type.name;
  if (v instanceof FileObj) return '_io.TextIOWrapper';
  if (v instanceof PyInstance) return v.cls.name;
  if (v instanceof PyClass) return 'type';
  return 'object';
}

const num = (v: Py): number => (v instanceof PyFloat ? v.v : typeof v === 'boolean' ? +v : v);
const isNum = (v: Py) => typeof v === 'number' || typeof v === 'boolean' || v instanceof PyFloat;

export function floatRepr(x: number): string {
  if (Number.isInteger(x) && Math.abs(x) < 1e16) return x.toFixed(1);
  if (!Number.isFinite(x)) return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
  const s = String(x);
  return s.replace(/e\+?(-?)(\d)$/, 'e$1' + '0$2').replace(/e(\d)/, 'e+$1');
}

export function repr(v: Py): string {
  if (typeof v === 'string') {
    const q = v.includes("'") && !v.includes('"') ? '"' : "'";
    return q + v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(q === "'" ? /'/g : /"/g, '\\' + q) + q;
  }
  if (Array.isArray(v)) return '[' + v.map(repr).join(', ') + ']';
  if (v instanceof Tuple) return '(' + v.items.map(repr).join(', ') + (v.items.length === 1 ? ',)' : ')');
  if (v instanceof PyDict) return '{' + [...v.m.values()].map(([k, x]) => repr(k) + ': ' + repr(x)).join(', ') + '}';
  if (v instanceof PySet) return v.m.size ? '{' + [...v.m.values()].map(repr).join(', ') + '}' : 'set()';
  if (v instanceof PyExc) return `${v.type.name}(${v.args.map(repr).join(', ')})`;
  if (v instanceof PyInstance) return objectRepr(v);
  return str(v);
}

export function str(v: Py): string {
  if (v === null) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') return v;
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (v instanceof PyExc) return v.args.length === 1 ? (v.type === EXC.KeyError ? repr(v.args[0]) : str(v.args[0])) : v.args.length ? repr(new Tuple(v.args)) : '';
  if (v instanceof PyFunc) return `<function ${v.name} at 0x7f3a5c1e4a40>`;
  if (v instanceof Builtin) return `<built-in function ${v.name}>`;
  if (v instanceof Module) return `<module '${v.name}'>`;
  if (v instanceof ExcType) return `<class '${v.name}'>`;
  if (v instanceof PyClass) return `<class '__main__.${v.name}'>`;
  if (v instanceof PyInstance) return dunders.show?.(v, '__str__') ?? objectRepr(v);
  if (v instanceof FileObj) return `<_io.TextIOWrapper name='${v.path}' mode='${v.mode}' encoding='UTF-8'>`;
  return repr(v);
}

export const truthy = (v: Py): boolean =>
  v === null || v === false ? false : typeof v === 'number' ? v !== 0 : typeof v === 'string' ? v.length > 0 : v instanceof PyFloat ? v.v !== 0 : Array.isArray(v) ? v.length > 0 : v instanceof Tuple ? v.items.length > 0 : v instanceof PyDict || v instanceof PySet ? v.m.size > 0 : true;

const key = (v: Py): unknown => {
  if (v instanceof PyFloat) return Number.isInteger(v.v) ? v.v : 'f' + v.v;
  if (typeof v === 'boolean') return +v;
  if (typeof v === 'string') return 's' + v;
  if (v instanceof Tuple) return 't' + v.items.map((x) => String(key(x))).join('\u0000');
  if (Array.isArray(v) || v instanceof PyDict || v instanceof PySet) raise('TypeError', `unhashable type: '${typeName(v)}'`);
  return v;
};

export function dictOf(entries: [Py, Py][]): PyDict {
  const d = new PyDict();
  for (const [k, v] of entries) d.m.set(key(k), [k, v]);
  return d;
}

export function iterate(v: Py): Py[] {
  if (Array.isArray(v)) return [...v];
  if (v instanceof Tuple) return [...v.items];
  if (typeof v === 'string') return [...v];
  if (v instanceof PyDict) return [...v.m.values()].map(([k]) => k);
  if (v instanceof PySet) return [...v.m.values()];
  if (v instanceof FileObj) return v.content.slice(v.pos).split(/(?<=\n)/).filter(Boolean);
  return raise('TypeError', `'${typeName(v)}' object is not iterable`);
}

export function eq(a: Py, b: Py): boolean {
  if (isNum(a) && isNum(b)) return num(a) === num(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => eq(x, b[i]));
  if (a instanceof Tuple && b instanceof Tuple) return a.items.length === b.items.length && a.items.every((x, i) => eq(x, b.items[i]));
  if (a instanceof PyDict && b instanceof PyDict) return a.m.size === b.m.size && [...a.m].every(([k, [, v]]) => b.m.has(k) && eq(v, b.m.get(k)![1]));
  return a === b;
}

function lt(a: Py, b: Py, op: string): boolean {
  if (isNum(a) && isNum(b)) return num(a) < num(b);
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  if ((Array.isArray(a) && Array.isArray(b)) || (a instanceof Tuple && b instanceof Tuple)) {
    const x = iterate(a), y = iterate(b);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (!eq(x[i], y[i])) return lt(x[i], y[i], op);
    return x.length < y.length;
  }
  return raise('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

export function compare(op: string, a: Py, b: Py): boolean {
  switch (op) {
    case '==': return eq(a, b);
    case '!=': return !eq(a, b);
    case '<': return lt(a, b, op);
    case '>': return lt(b, a, op);
    case '<=': return lt(a, b, op) || eq(a, b);
    case '>=': return lt(b, a, op) || eq(a, b);
    case 'is': return a === b || (a === null && b === null);
    case 'is not': return !(a === b);
    case 'in': return contains(b, a);
    default: return !contains(b, a);
  }
}

function contains(c: Py, x: Py): boolean {
  if (typeof c === 'string') return typeof x === 'string' ? c.includes(x) : raise('TypeError', `'in <string>' requires string as left operand, not ${typeName(x)}`);
  if (c instanceof PyDict) return c.m.has(key(x));
  if (c instanceof PySet) return c.m.has(key(x));
  return iterate(c).some((y) => eq(x, y));
}

const mk = (x: number, float: boolean): Py => (float ? new PyFloat(x) : x);

export function binop(op: string, a: Py, b: Py): Py {
  if (isNum(a) && isNum(b)) {
    const f = a instanceof PyFloat || b instanceof PyFloat;
    const x = num(a), y = num(b);
    switch (op) {
      case '+': return mk(x + y, f);
      case '-': return mk(x - y, f);
      case '*': return mk(x * y, f);
      case '/': return y === 0 ? raise('ZeroDivisionError', f ? 'float division by zero' : 'division by zero') : new PyFloat(x / y);
      case '//': return y === 0 ? raise('ZeroDivisionError', 'integer division or modulo by zero') : mk(Math.floor(x / y), f);
      case '%': return y === 0 ? raise('ZeroDivisionError', 'integer modulo by zero') : mk(((x % y) + y) % y, f);
      case '**': return mk(x ** y, f || y < 0);
      case '&': return x & y;
      case '|': return x | y;
      case '^': return x ^ y;
      case '<<': return x << y;
      case '>>': return x >> y;
    }
  }
  if (op === '+' && typeof a === 'string' && typeof b === 'string') return a + b;
  if (op === '+' && Array.isArray(a) && Array.isArray(b)) return [...a, ...b];
  if (op === '+' && a instanceof Tuple && b instanceof Tuple) return new Tuple([...a.items, ...b.items]);
  if (op === '*' && (typeof a === 'string' || Array.isArray(a)) && typeof b === 'number') return typeof a === 'string' ? a.repeat(Math.max(0, b)) : Array.from({ length: Math.max(0, b) }, () => a).flat();
  if (op === '*' && typeof a === 'number' && typeof b === 'string') return b.repeat(Math.max(0, a));
  if (op === '%' && typeof a === 'string') return percent(a, b instanceof Tuple ? b.items : [b]);
  if (op === '|' && a instanceof PyDict && b instanceof PyDict) { const d = new PyDict(); for (const [k, v] of [...a.m, ...b.m]) d.m.set(k, v); return d; }
  if (op === '+' && typeof a === 'string') return raise('TypeError', `can only concatenate str (not "${typeName(b)}") to str`);
  return raise('TypeError', `unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}

function percent(fmt: string, args: Py[]): string {
  let i = 0;
  return fmt.replace(/%([-+ 0]*)(\d*)(?:\.(\d+))?([sdifr%x])/g, (_m, flags: string, width: string, prec: string, c: string) => {
    if (c === '%') return '%';
    const a = args[i++];
    let s = c === 's' ? str(a) : c === 'r' ? repr(a) : c === 'f' ? num(a).toFixed(prec ? +prec : 6) : c === 'x' ? num(a).toString(16) : String(Math.trunc(num(a)));
    if (width) s = flags.includes('-') ? s.padEnd(+width) : s.padStart(+width, flags.includes('0') ? '0' : ' ');
    return s;
  });
}

export function format(v: Py, spec: string): string {
  if (!spec) return str(v);
  const m = /^(?:(.)?([<>^=]))?([-+ ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/.exec(spec);
  if (!m) return raise('ValueError', `Invalid format specifier '${spec}' for object of type '${typeName(v)}'`);
  const [, fill = ' ', align, sign, , zero, width, group, prec, type] = m;
  let s: string;
  if (type === 'f' || type === 'F' || (prec && !type && isNum(v))) s = num(v).toFixed(prec ? +prec : 6);
  else if (type === '%') s = (num(v) * 100).toFixed(prec ? +prec : 6) + '%';
  else if (type === 'd') s = String(Math.trunc(num(v)));
  else if (type === 'x') s = num(v).toString(16);
  else if (type === 'b') s = num(v).toString(2);
  else if (type === 'e') s = num(v).toExponential(prec ? +prec : 6).replace(/e([+-])(\d)$/, 'e$10$2');
  else s = prec && typeof v === 'string' ? v.slice(0, +prec) : str(v);
  if (group) { const [i, f] = s.split('.'); s = i.replace(/\B(?=(\d{3})+(?!\d))/g, group) + (f !== undefined ? '.' + f : ''); }
  if (sign === '+' && isNum(v) && num(v) >= 0) s = '+' + s;
  const w = width ? +width : 0;
  if (s.length >= w) return s;
  const a = align ?? (zero ? '=' : isNum(v) ? '>' : '<');
  const f = zero && !align ? '0' : fill;
  if (a === '<') return s + f.repeat(w - s.length);
  if (a === '^') { const l = Math.floor((w - s.length) / 2); return f.repeat(l) + s + f.repeat(w - s.length - l); }
  if (a === '=' && /^[-+]/.test(s)) return s[0] + f.repeat(w - s.length) + s.slice(1);
  return f.repeat(w - s.length) + s;
}

export interface WebState {
  routes: { rule: string; methods: string[]; fn: Py }[];
  /** app.run(...) was called (python app.py): where it serves. */
  run?: { host: string; port: number; debug: boolean };
  appName?: string;
  /** flask.request: the request being answered (its attributes are set for each one). */
  request?: Module;
}

/** Raised by app.run(): the program would block serving from here on. */
export class Serving {}

export interface PyHost {
  write(fd: 1 | 2, text: string): void;
  files: SyncFiles;
  cwd: string;
  env: Record<string, string>;
  argv: string[];
  version: string;
  stdin: string;
  now(): number;
  sleep(ms: number): void;
  hostname: string;
  /** Modules the program can import beyond the built-in ones (installed packages, the script's own .py files). */
  findModule(name: string): { file: string; source: string } | null;
  /** flask's routes and app.run (py-native.ts). */
  web: WebState;
  /** signal.signal(SIGTERM, handler): the program handles this signal itself. */
  trap(sig: string): void;
  /** A redis command to host:port from this container. */
  redis(host: string, port: number, argv: string[]): { ok: string | number | null } | { error: string };
}

export { Scope, Break, Continue, Return, EXC, key, num, isNum, parse, PySyntaxError };
