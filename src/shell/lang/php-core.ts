// The PHP subset's runtime pieces shared by the interpreter and its library: variable slots (references), scopes,
// functions, the built-in classes (stdClass, Closure, the Throwable family) and the control-flow signals.
import type { FnDef, N } from './php-expr';
import { PArr, PObj, type PClass, type Val } from './php-value';

export class Ref {
  constructor(public v: Val = null) {}
}

export interface Scope {
  vars: Map<string, Ref>;
  thisObj: PObj | null;
  cls: PClass | null;
  /** late static binding: the class the call was made on */
  staticCls: PClass | null;
  fn: string;
  /** the arguments the function was called with (func_get_args) */
  args?: Val[];
}

const SUPER = new Set(['_GET', '_POST', '_SERVER', '_REQUEST', '_COOKIE', '_ENV', '_FILES', '_SESSION', 'GLOBALS']);

/** A variable's slot: superglobals live in the global scope whatever the scope. */
export function varRef(globals: Scope, name: string, sc: Scope, create: boolean): Ref | undefined {
  const scope = SUPER.has(name) ? globals : sc;
  let r = scope.vars.get(name);
  if (!r && create) scope.vars.set(name, (r = new Ref(null)));
  return r;
}

/** What an array becomes when stored: a copy (arrays are values). */
export const store = (v: Val): Val => (v instanceof PArr ? v.copy() : v);

export interface UserFn { kind: 'user'; def: FnDef; file: string; cls: PClass | null; captured?: Map<string, Ref>; bound?: PObj | null; scopeCls?: PClass | null }
export interface NativeFn { kind: 'native'; name: string; call: (args: Val[], self: PObj | null, refs: Ref[]) => Val }
export type Fn = UserFn | NativeFn;

export class BreakSig { constructor(public levels: number) {} }
export class ContinueSig { constructor(public levels: number) {} }
export class ReturnSig { constructor(public v: Val) {} }
/** An exception object in flight (throw, or an Error the engine raised). */
export class Thrown extends Error {
  constructor(readonly obj: PObj) { super('thrown'); }
}
/** A fatal error that is not an exception (PHP's E_ERROR / E_COMPILE_ERROR). */
export class Fatal extends Error {
  constructor(msg: string, readonly line: number, readonly file: string) { super(msg); }
}
export class ExitNow extends Error {
  constructor(readonly code: number) { super('exit'); }
}
/** A run that goes on past the simulated horizon (an endless loop, a long sleep). */
export class Forever extends Error {}

export const newClass = (name: string, parent?: PClass, interfaces: string[] = []): PClass => ({ name, parent, consts: new Map(), props: [], statics: new Map(), methods: new Map(), interfaces });

export function isA(cls: PClass | undefined, name: string): boolean {
  const n = name.toLowerCase();
  for (let c = cls; c; c = c.parent) if (c.name.toLowerCase() === n || c.interfaces.some((i) => i.toLowerCase() === n)) return true;
  return false;
}

export function findMethod(cls: PClass | undefined, name: string) {
  const n = name.toLowerCase();
  for (let c = cls; c; c = c.parent) { const m = c.methods.get(n); if (m) return m; }
  return undefined;
}

/** One frame of a stack trace: where the call was made and what was called. */
export interface Frame { file: string; line: number; fn: string; args: Val[] }

const THROWABLES: [string, string | null][] = [['Exception', null], ['Error', null], ['ErrorException', 'Exception'], ['TypeError', 'Error'], ['ValueError', 'Error'], ['ArithmeticError', 'Error'],
  ['DivisionByZeroError', 'ArithmeticError'], ['ArgumentCountError', 'TypeError'], ['UnhandledMatchError', 'Error'], ['JsonException', 'Exception'], ['LogicException', 'Exception'],
  ['BadFunctionCallException', 'LogicException'], ['BadMethodCallException', 'BadFunctionCallException'], ['DomainException', 'LogicException'], ['InvalidArgumentException', 'LogicException'],
  ['LengthException', 'LogicException'], ['OutOfRangeException', 'LogicException'], ['RuntimeException', 'Exception'], ['OutOfBoundsException', 'RuntimeException'], ['OverflowException', 'RuntimeException'],
  ['RangeException', 'RuntimeException'], ['UnderflowException', 'RuntimeException'], ['UnexpectedValueException', 'RuntimeException']];

/** Throwable::getTraceAsString (zend_exceptions.c _build_trace_string): `#0 file(line): fn(args)` … `#N {main}`. */
export function traceString(trace: Frame[]): string {
  const arg = (v: Val): string => {
    if (v === null) return 'NULL';
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    if (typeof v === 'string') return `'${v.length > 15 ? v.slice(0, 15) + "...'" : v + "'"}`;
    if (v instanceof PArr) return 'Array';
    if (v instanceof PObj) return `Object(${v.cls.name})`;
    return typeof v === 'number' ? String(v) : String(v.v);
  };
  return trace.map((f, i) => `#${i} ${f.file}(${f.line}): ${f.fn}(${f.args.map(arg).join(', ')})\n`).join('') + `#${trace.length} {main}`;
}

export function throwableString(o: PObj): string {
  const msg = String(o.props.get('message') ?? '');
  const file = String(o.props.get('file') ?? '');
  const line = Number(o.props.get('line') ?? 0);
  const trace = traceString((o as PObj & { trace?: Frame[] }).trace ?? []);
  const prev = o.props.get('previous');
  const head = msg ? `${o.cls.name}: ${msg} in ${file}:${line}` : `${o.cls.name} in ${file}:${line}`;
  return (prev instanceof PObj ? throwableString(prev) + '\n\nNext ' : '') + `${head}\nStack trace:\n${trace}`;
}

/** The classes every script starts with. */
export function builtinClasses(): Map<string, PClass> {
  const m = new Map<string, PClass>();
  const add = (c: PClass) => (m.set(c.name.toLowerCase(), c), c);
  add(newClass('stdClass'));
  add(newClass('Closure'));
  add(newClass('ArrayObject', undefined, ['Countable']));
  for (const [name, parent] of THROWABLES) {
    const c = add(newClass(name, parent ? m.get(parent.toLowerCase()) : undefined, ['Throwable', 'Stringable']));
    c.props = [{ name: 'message', init: '', static: false, visibility: 'protected' }, { name: 'code', init: 0, static: false, visibility: 'protected' }, { name: 'file', init: '', static: false, visibility: 'protected' }, { name: 'line', init: 0, static: false, visibility: 'protected' }];
    if (parent) continue;
    const native = (n: string, call: NativeFn['call']) => c.methods.set(n.toLowerCase(), { name: n, static: false, visibility: 'public', fn: { kind: 'native', name: n, call } satisfies NativeFn, cls: c });
    native('__construct', (args, self) => {
      if (!self) return null;
      if (args[0] !== undefined) self.props.set('message', args[0]);
      if (args[1] !== undefined) self.props.set('code', args[1]);
      if (args[2] instanceof PObj) self.props.set('previous', args[2]);
      return null;
    });
    native('getMessage', (_a, self) => self?.props.get('message') ?? '');
    native('getCode', (_a, self) => self?.props.get('code') ?? 0);
    native('getFile', (_a, self) => self?.props.get('file') ?? '');
    native('getLine', (_a, self) => self?.props.get('line') ?? 0);
    native('getPrevious', (_a, self) => self?.props.get('previous') ?? null);
    native('getTrace', (_a, self) => PArr.of(((self as PObj & { trace?: Frame[] })?.trace ?? []).map((f) => PArr.from([['file', f.file], ['line', f.line], ['function', f.fn]]))));
    native('getTraceAsString', (_a, self) => traceString((self as PObj & { trace?: Frame[] })?.trace ?? []));
    native('__toString', (_a, self) => (self ? throwableString(self) : ''));
  }
  return m;
}

export type { FnDef, N };
