// Kernel (puts, p, print, format, raise, loop, Integer() …), the methods every object has, classes and modules
// (new, attr_accessor, include, define_method …) and Exception, for the Ruby subset.
import { BreakSig, ExitSig, Interp, NONE, ThrowSig, type Native } from './rb-eval';
import { C, classOf, exMessage, fmtFloat, hashOf, inspect, isInt, makeExc, RClass, RFloat, RHash, RObject, RProc, RSym, rbEq, RubyError, sym, toS, truthy, type V } from './rb-value';

const num = (v: V): number => (v instanceof RFloat ? v.v : Number(v));

/** Kernel#format / String#%: %d %i %s %p %f %e %g %x %o %b %c %% with flags, width, precision and %<name>s / %{name}. */
export function format(it: Interp, fmt: string, args: V[]): string {
  let ai = 0;
  const hash = args[0] instanceof RHash ? args[0] : null;
  return fmt.replace(/%([-+ 0#]*)(\d+|\*)?(?:\.(\d+))?(?:<(\w+)>|\{(\w+)\})?([-+ 0#]*)(\d+)?(?:\.(\d+))?([diouxXeEfgGsbBpc%])?/g, (m, f1: string, w1: string, p1: string, name: string, brace: string, f2: string, w2: string, p2: string, conv: string | undefined) => {
    if (brace) return it.str(hash?.get(sym(brace)) ?? it.err('KeyError', `key<${brace}> not found`));
    if (!conv) return m === '%' ? it.err('ArgumentError', 'incomplete format specifier; use %% (double %) instead') : m;
    if (conv === '%') return '%';
    const flags = (f1 ?? '') + (f2 ?? '');
    let width = w1 === '*' ? num(args[ai++]) : parseInt(w1 ?? w2 ?? '0', 10);
    const prec = p1 ?? p2;
    const arg = name ? (hash?.get(sym(name)) ?? it.err('KeyError', `key<${name}> not found`)) : ai < args.length ? args[ai++] : it.err('ArgumentError', 'too few arguments');
    let s: string;
    const signed = (n: number | bigint, body: string) => (n < 0 ? '-' : flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + body;
    switch (conv) {
      case 'd': case 'i': case 'u': {
        const n = arg instanceof RFloat ? Math.floor(arg.v) : isInt(arg) ? arg : typeof arg === 'string' ? it.send(null, 'Integer', [arg], null, null, true) : it.err('TypeError', `can't convert ${classOf(arg).name} into Integer`);
        s = signed(n, String(n < 0 ? -n : n));
        break;
      }
      case 'f': { const n = num(typeof arg === 'string' ? parseFloat(arg) : arg); s = signed(n, fixed(Math.abs(n), prec === undefined ? 6 : parseInt(prec, 10))); break; }
      case 'e': case 'E': { const n = num(arg); let b = Math.abs(n).toExponential(prec === undefined ? 6 : parseInt(prec, 10)).replace(/e([+-])(\d)$/, 'e$10$2'); if (conv === 'E') b = b.toUpperCase(); s = signed(n, b); break; }
      case 'g': case 'G': { const n = num(arg); s = signed(n, String(Number(Math.abs(n).toPrecision(prec === undefined ? 6 : parseInt(prec, 10) || 1)))); break; }
      case 'x': case 'X': case 'o': case 'b': case 'B': {
        const n = isInt(arg) ? arg : Math.floor(num(arg));
        let b = (n < 0 ? -n : n).toString(conv === 'o' ? 8 : conv.toLowerCase() === 'b' ? 2 : 16);
        if (conv === 'X') b = b.toUpperCase();
        if (flags.includes('#') && n !== 0) b = (conv === 'o' ? '0' : '0' + conv) + b;
        s = signed(n, b);
        break;
      }
      case 'c': s = typeof arg === 'string' ? arg[0] : String.fromCodePoint(num(arg)); break;
      case 'p': s = it.inspect(arg); break;
      default: s = it.str(arg);
    }
    if ((conv === 's' || conv === 'p') && prec !== undefined) s = s.slice(0, parseInt(prec, 10));
    if (flags.includes('-')) return s.padEnd(width, ' ');
    if (flags.includes('0') && /[diouxXeEfgGbB]/.test(conv)) { const sign = /^[-+ ]/.test(s) ? s[0] : ''; width = Math.max(width, s.length); return sign + s.slice(sign.length).padStart(width - sign.length, '0'); }
    return s.padStart(width, ' ');
  });
}

/** printf's %.Nf: an exact tie (2.25 to one digit) rounds to even, as C's printf does; JS's toFixed rounds it up. */
function fixed(x: number, p: number): string {
  const y = x * 10 ** p;
  if (Number.isFinite(y) && !Number.isInteger(y) && Number.isInteger(y * 2) && Math.abs(y) < 2 ** 52) { const f = Math.floor(y); return ((f % 2 === 0 ? f : f + 1) / 10 ** p).toFixed(p); }
  return x.toFixed(p);
}

/** pp: like p, but an Array or Hash that does not fit in 80 columns puts each element on its own line. */
function pretty(v: V, indent: number): string {
  const flat = inspect(v);
  if (flat.length + indent <= 80 || !(Array.isArray(v) || v instanceof RHash) || (Array.isArray(v) ? !v.length : !v.size)) return flat;
  const pad = ',\n' + ' '.repeat(indent + 1);
  if (Array.isArray(v)) return '[' + v.map((x) => pretty(x, indent + 1)).join(pad) + ']';
  return '{' + v.entries().map(([k, x]) => { const key = inspect(k) + '=>'; return key + pretty(x, indent + 1 + key.length); }).join(pad) + '}';
}

/** Integer("42"), Float("1.5"): strict conversions with Ruby's error texts. */
function toInteger(it: Interp, v: V, base?: V): V {
  if (isInt(v)) return v;
  if (v instanceof RFloat) return Number.isFinite(v.v) ? Math.trunc(v.v) : it.err('FloatDomainError', fmtFloat(v.v));
  if (typeof v === 'string') {
    const t = v.trim().replace(/_/g, '');
    const b = base === undefined ? 10 : num(base);
    if (b === 10 ? /^[-+]?\d+$/.test(t) : /^[-+]?[\da-z]+$/i.test(t)) { const n = parseInt(t, b); return Number.isSafeInteger(n) ? n : BigInt(t); }
    if (/^[-+]?0x[\da-f]+$/i.test(t)) return parseInt(t, 16);
    return it.err('ArgumentError', `invalid value for Integer(): ${inspect(v)}`);
  }
  if (v === null) return it.err('TypeError', "can't convert nil into Integer");
  return it.err('TypeError', `can't convert ${classOf(v).name} into Integer`);
}

/** puts: each argument on its own line (arrays flattened, nil as an empty line). */
export function putsText(it: Interp, args: V[]): string {
  if (!args.length) return '\n';
  const lines: string[] = [];
  const add = (v: V) => { if (Array.isArray(v)) { if (!v.length && !lines.length) lines.push(''); v.forEach(add); return; } const s = v === null ? '' : it.str(v); lines.push(s.endsWith('\n') ? s.slice(0, -1) : s); };
  args.forEach(add);
  return lines.map((l) => l + '\n').join('');
}

/** A new exception from raise's arguments: raise "msg", raise Klass, raise Klass, "msg", raise obj. */
export function excFrom(it: Interp, args: V[]): RObject {
  const [a, b] = args;
  if (typeof a === 'string') return makeExc(C.RuntimeError, a);
  if (a instanceof RClass) { if (!a.isA(C.Exception)) it.err('TypeError', 'exception class/object expected'); return it.send(a, 'new', b === undefined ? [] : [b], null, null, false); }
  if (a instanceof RObject && a.cls.isA(C.Exception)) { if (b !== undefined) a.ivars.set('@message', b); return a; }
  return it.err('TypeError', 'exception class/object expected');
}

const attr = (cls: RClass, names: V[], read: boolean, write: boolean) => {
  for (const n of names) {
    const name = toS(n);
    const base = { params: { req: [], opt: [], post: [], kw: [] }, body: [], owner: cls, file: '', visibility: 'public' as const };
    if (read) cls.methods.set(name, { ...base, name, attr: 'get' });
    if (write) cls.methods.set(name + '=', { ...base, name: name + '=', attr: 'set' });
  }
  return names.length === 1 ? names[0] : names;
};

export const KERNEL: Record<string, Native> = {
  puts: (it, _s, a) => (it.out(1, putsText(it, a)), null),
  print: (it, _s, a) => (it.out(1, a.map((x) => it.str(x)).join('')), null),
  p: (it, _s, a) => { if (a.length) it.out(1, a.map((x) => it.inspect(x) + '\n').join('')); return a.length === 0 ? null : a.length === 1 ? a[0] : a; },
  pp: (it, _s, a) => { for (const x of a) it.out(1, pretty(x, 0) + '\n'); return a.length === 0 ? null : a.length === 1 ? a[0] : a; },
  printf: (it, _s, a) => (it.out(1, format(it, toS(a[0]), a.slice(1))), null),
  format: (it, _s, a) => format(it, toS(a[0]), a.slice(1)),
  sprintf: (it, _s, a) => format(it, toS(a[0]), a.slice(1)),
  warn: (it, _s, a) => (it.out(2, putsText(it, a.filter((x) => !(x instanceof RHash)))), null),
  raise: (it, _s, a) => { if (!a.length) { const cur = it.globals.get('$!'); it.raiseExc(cur instanceof RObject ? cur : makeExc(C.RuntimeError, 'unhandled exception')); } const e = excFrom(it, a); e.bt = null; return it.raiseExc(e); },
  loop: (it, _s, _a, blk) => {
    if (!blk) return NONE;
    try { for (;;) { it.tick(); it.callProc(blk, []); } } catch (e) { if (e instanceof RubyError && e.exc.cls.isA(C.StopIteration)) return e.exc.ivars.get('@result') ?? null; throw e; }
  },
  lambda: (it, _s, _a, blk) => (blk ? new RProc(blk.params, blk.body, blk.env, blk.self, true, blk.ctx, blk.native) : it.err('ArgumentError', 'tried to create Proc object without a block')),
  proc: (it, _s, _a, blk) => blk ?? it.err('ArgumentError', 'tried to create Proc object without a block'),
  sleep: (it, _s, a) => { const ms = a.length ? num(a[0]) * 1000 : 15 * 60 * 1000; it.sleep(ms); return Math.round(ms / 1000); },
  rand: (it, _s, a) => { const r = it.random(); if (!a.length || a[0] === null) return new RFloat(r); const x = a[0]; if (x instanceof RFloat) return new RFloat(r * x.v); if (x && x.constructor.name === 'RRange') { const lo = num(x.lo); const hi = num(x.hi) - (x.excl ? 1 : 0); return lo + Math.floor(r * (hi - lo + 1)); } return Math.floor(r * num(x)); },
  srand: () => 0,
  exit: (_it, _s, a) => { throw new ExitSig(a[0] === false ? 1 : a[0] === undefined || a[0] === true ? 0 : num(a[0])); },
  'exit!': (it, s, a, b, k) => KERNEL.exit(it, s, a, b, k),
  abort: (it, _s, a) => { if (a.length) it.out(2, toS(a[0]) + '\n'); throw new ExitSig(1); },
  at_exit: (it, _s, _a, blk) => (blk && it.atExit.push(blk), blk),
  Integer: (it, _s, a) => toInteger(it, a[0], a[1]),
  Float: (it, _s, a) => { const v = a[0]; if (v instanceof RFloat) return v; if (isInt(v)) return new RFloat(Number(v)); if (typeof v === 'string' && /^\s*[-+]?(\d[\d_]*)(\.\d+)?([eE][-+]?\d+)?\s*$/.test(v)) return new RFloat(parseFloat(v.replace(/_/g, ''))); return v === null ? it.err('TypeError', "can't convert nil into Float") : it.err('ArgumentError', `invalid value for Float(): ${inspect(v)}`); },
  String: (it, _s, a) => it.str(a[0]),
  Array: (it, _s, a) => (a[0] === null ? [] : Array.isArray(a[0]) ? a[0] : a[0] instanceof RHash || (a[0] && a[0].constructor.name === 'RRange') ? it.toA(a[0]) : [a[0]]),
  catch: (it, _s, a, blk) => { const tag = a.length ? a[0] : new RObject(C.Object); try { return it.callProc(blk!, [tag]); } catch (e) { if (e instanceof ThrowSig && rbEq(e.tag, tag)) return e.v; throw e; } },
  throw: (_it, _s, a) => { throw new ThrowSig(a[0], a[1] ?? null); },
  gets: (it) => it.gets(),
  binding: (it) => it.err('NotImplementedError', 'dockerlings: binding is not simulated here'),
  require: (it, _s, a) => it.require(toS(a[0]), null),
  require_relative: (it, _s, a) => it.require(toS(a[0]), 'relative'),
  load: (it, _s, a) => it.require(toS(a[0]), 'load'),
  // the methods every object has
  class: (_it, s) => classOf(s),
  inspect: (it, s) => (s instanceof RObject && !s.cls.isA(C.Exception) ? it.inspect(s) : inspect(s)),
  to_s: (_it, s) => toS(s),
  '==': (_it, s, a) => rbEq(s, a[0]),
  '!=': (it, s, a) => !truthy(it.send(s, '==', [a[0]], null, null, false)),
  '===': (it, s, a) => truthy(it.send(s, '==', [a[0]], null, null, false)),
  'equal?': (_it, s, a) => s === a[0],
  'eql?': (_it, s, a) => rbEq(s, a[0]) && classOf(s) === classOf(a[0]),
  '!': (_it, s) => !truthy(s),
  '=~': () => null,
  'nil?': (_it, s) => s === null,
  'is_a?': (it, s, a) => (a[0] instanceof RClass ? classOf(s).isA(a[0]) || (a[0] === C.Comparable && classOf(s).isA(C.Comparable)) : it.err('TypeError', 'class or module required')),
  'kind_of?': (it, s, a, b, k) => KERNEL['is_a?'](it, s, a, b, k),
  'instance_of?': (_it, s, a) => classOf(s) === a[0],
  'respond_to?': (it, s, a) => { const n = toS(a[0]); const m = it.findMethod(s, n); return m ? m.visibility === 'public' && !(m as { top?: boolean }).top : !!it.nativeFor(s, n) && !['puts', 'print', 'p', 'require', 'raise', 'format', 'sprintf', 'printf', 'loop', 'sleep', 'rand', 'gets', 'exit', 'lambda', 'proc'].includes(n); },
  send: (it, s, a, blk, kw) => it.send(s, toS(a[0]), a.slice(1), blk, kw, true),
  __send__: (it, s, a, blk, kw) => it.send(s, toS(a[0]), a.slice(1), blk, kw, true),
  public_send: (it, s, a, blk, kw) => it.send(s, toS(a[0]), a.slice(1), blk, kw, false),
  method: (it, s, a) => { const name = toS(a[0]); return new RProc({ req: [], opt: [], post: [], kw: [] }, [], { vars: new Map(), parent: null }, s, true, null, (args, blk) => it.send(s, name, args, blk ?? null, null, true)); },
  methods: (it, s) => [...classOf(s).ancestors().flatMap((c) => [...c.methods.keys()])].map(sym),
  instance_variables: (_it, s) => [...(s instanceof RObject || s instanceof RClass ? s.ivars.keys() : [])].filter((k) => k.startsWith('@') && !k.startsWith('@@')).map(sym),
  instance_variable_get: (_it, s, a) => (s instanceof RObject || s instanceof RClass ? s.ivars.get(toS(a[0])) ?? null : null),
  instance_variable_set: (_it, s, a) => ((s instanceof RObject || s instanceof RClass) && s.ivars.set(toS(a[0]), a[1]), a[1]),
  'instance_variable_defined?': (_it, s, a) => (s instanceof RObject || s instanceof RClass ? s.ivars.has(toS(a[0])) : false),
  instance_eval: (it, s, _a, blk) => it.callProc(blk!, [s], null, s),
  tap: (it, s, _a, blk) => (it.callProc(blk!, [s]), s),
  then: (it, s, _a, blk) => it.callProc(blk!, [s]),
  yield_self: (it, s, _a, blk) => it.callProc(blk!, [s]),
  itself: (_it, s) => s,
  freeze: (_it, s) => s,
  'frozen?': (_it, s) => typeof s === 'number' || s instanceof RSym || s === null || typeof s === 'boolean',
  dup: (_it, s) => (Array.isArray(s) ? [...s] : s instanceof RHash ? hashOf(s.entries()) : s instanceof RObject ? Object.assign(new RObject(s.cls), { ivars: new Map(s.ivars) }) : s),
  clone: (it, s, a, b, k) => KERNEL.dup(it, s, a, b, k),
  hash: (_it, s) => (typeof s === 'string' ? [...s].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7) : s instanceof RObject ? s.id * 8 : 0),
  object_id: (_it, s) => (s instanceof RObject ? s.id * 8 : isInt(s) ? Number(s) * 2 + 1 : s === null ? 8 : s === true ? 20 : 0),
  display: (it, s) => (it.out(1, it.str(s)), null),
  extend: (_it, s, a) => { if (s instanceof RClass) s.extended.push(...a); return s; },
  singleton_class: (_it, s) => (s instanceof RClass ? s.singleton() : classOf(s)),
  define_singleton_method: (_it, s, a, blk) => { if (s instanceof RClass && blk) s.singleton().methods.set(toS(a[0]), { name: toS(a[0]), params: blk.params, body: blk.body, owner: s.singleton(), file: '', visibility: 'public', proc: blk }); return sym(toS(a[0])); },
  private: () => null, public: () => null, protected: () => null, module_function: () => null, private_constant: () => null,
  // exceptions
  message: (_it, s) => (s instanceof RObject && s.cls.isA(C.Exception) ? exMessage(s) : NONE),
  full_message: (it, s) => (s instanceof RObject && s.cls.isA(C.Exception) ? it.errorText(s, false) : NONE),
  backtrace: (_it, s) => (s instanceof RObject && s.cls.isA(C.Exception) ? s.bt : NONE),
  cause: () => null,
  exception: (_it, s, a) => { if (s instanceof RObject && a.length) { const e = Object.assign(new RObject(s.cls), { ivars: new Map(s.ivars) }); e.ivars.set('@message', a[0]); return e; } return s; },
};
KERNEL.fail = KERNEL.raise;
/** Natives that take keyword arguments themselves (the others get them as a trailing Hash). */
export const takesKw = (...fns: Native[]) => fns.forEach((f) => Object.assign(f, { kw: true }));
takesKw(KERNEL.send, KERNEL.__send__, KERNEL.public_send);
KERNEL.kind_of = KERNEL['is_a?'];
/** Kernel functions that cannot be called with an explicit receiver (`1.puts`): NoMethodError says they are private. */
export const PRIVATE_KERNEL = new Set(['puts', 'print', 'p', 'pp', 'printf', 'format', 'sprintf', 'warn', 'raise', 'fail', 'loop', 'lambda', 'proc', 'sleep', 'rand', 'srand', 'exit', 'exit!', 'abort', 'at_exit', 'Integer', 'Float', 'String', 'Array', 'catch', 'throw', 'gets', 'require', 'require_relative', 'load', 'binding', 'private', 'public', 'protected', 'module_function', 'private_constant', 'attr_accessor', 'attr_reader', 'attr_writer', 'include', 'extend']);

export const CLASS_METHODS: Record<string, Native> = {
  new: (it, cls, a, blk, kw) => {
    if (cls === C.Class || cls === C.Module) { const c = new RClass(`#<Class:${'0x000055d5'}>`, cls === C.Class ? (a[0] ?? C.Object) : null, cls === C.Module); if (blk) it.callProc(blk, [c], null, c); return c; }
    if (cls.isModule) return it.err('NoMethodError', `undefined method \`new' for module ${cls.name}`);
    const o = new RObject(cls);
    const init = it.findMethod(o, 'initialize');
    if (init) it.invoke(init, o, a, blk, kw);
    else if (cls.isA(C.Exception)) o.ivars.set('@message', a[0] ?? null);
    else if (a.length || kw) it.err('ArgumentError', `wrong number of arguments (given ${a.length + (kw ? 1 : 0)}, expected 0)`);
    return o;
  },
  allocate: (_it, cls) => new RObject(cls),
  name: (_it, cls) => (cls.name.startsWith('#<') ? null : cls.name),
  to_s: (_it, cls) => cls.name,
  inspect: (_it, cls) => cls.name,
  superclass: (_it, cls) => cls.superclass,
  ancestors: (_it, cls) => cls.ancestors().filter((c: RClass) => c !== C.Kernel || true),
  instance_methods: (_it, cls, a) => (a[0] === false ? [...cls.methods.keys()] : cls.ancestors().flatMap((c: RClass) => [...c.methods.keys()])).map(sym),
  'method_defined?': (_it, cls, a) => !!cls.find(toS(a[0])),
  'instance_method': (_it, cls, a) => cls.find(toS(a[0])) ?? null,
  attr_accessor: (_it, cls, a) => attr(cls, a, true, true),
  attr_reader: (_it, cls, a) => attr(cls, a, true, false),
  attr_writer: (_it, cls, a) => attr(cls, a, false, true),
  attr: (_it, cls, a) => attr(cls, a, true, false),
  include: (it, cls, a) => { for (const m of a) { cls.includes.push(m); const hook = it.findMethod(m, 'included'); if (hook) it.invoke(hook, m, [cls], null, null); } return cls; },
  extend: (_it, cls, a) => (cls.extended.push(...a), cls),
  private: (_it, cls, a) => { if (!a.length) cls.defVis = 'private'; for (const n of a.flat()) { const m = cls.methods.get(toS(n)); if (m) m.visibility = 'private'; } return a[0] ?? null; },
  public: (_it, cls, a) => { if (!a.length) cls.defVis = 'public'; for (const n of a.flat()) { const m = cls.methods.get(toS(n)); if (m) m.visibility = 'public'; } return a[0] ?? null; },
  protected: (_it, cls, a) => { if (!a.length) cls.defVis = 'public'; return a[0] ?? null; },
  private_class_method: () => null,
  module_function: (_it, cls) => { cls.moduleFunction = true; return null; },
  define_method: (_it, cls, a, blk) => { const name = toS(a[0]); const p = blk ?? (a[1] as RProc); cls.methods.set(name, { name, params: p.params, body: p.body, owner: cls, file: '', visibility: 'public', proc: p }); return sym(name); },
  const_get: (it, cls, a) => cls.consts.get(toS(a[0])) ?? C[toS(a[0])] ?? it.err('NameError', `uninitialized constant ${toS(a[0])}`),
  constants: (_it, cls) => [...cls.consts.keys()].map(sym),
  class_eval: (it, cls, _a, blk) => it.callProc(blk!, [cls], null, cls),
  '===': (_it, cls, a) => classOf(a[0]).isA(cls) || (cls === C.Comparable && classOf(a[0]).isA(C.Comparable)),
  '==': (_it, cls, a) => cls === a[0],
  '<': (_it, cls, a) => (cls === a[0] ? false : cls.isA(a[0]) ? true : a[0].isA(cls) ? false : null),
  '<=': (_it, cls, a) => cls.isA(a[0]),
  class: (_it, cls) => (cls.isModule ? C.Module : C.Class),
  hash: (_it, cls) => cls.name.length,
  exception: (it, cls, a) => it.send(cls, 'new', a, null, null, false),
};

takesKw(CLASS_METHODS.new);

/** `super` from a user method into Exception#initialize / Object#initialize. */
export const SUPER: Record<string, Record<string, Native>> = {
  'super:initialize': { Exception: (_it, s, a) => (s.ivars.set('@message', a[0] ?? null), null), Object: () => null },
  'super:to_s': { Exception: (_it, s) => { const m = s.ivars.get('@message'); return m === null || m === undefined ? s.cls.name : toS(m); }, Object: (_it, s) => toS(Object.assign(new RObject(C.Object), { id: s.id })) },
  'super:message': { Exception: (_it, s) => { const m = s.ivars.get('@message'); return m === null || m === undefined ? s.cls.name : toS(m); }, Object: () => null },
  'super:method_missing': { Object: (it, s, a) => it.err('NoMethodError', `undefined method \`${toS(a[0])}' for ${it.recvName(s)}`), Exception: (it, s, a) => it.err('NoMethodError', `undefined method \`${toS(a[0])}' for ${it.recvName(s)}`) },
  'super:respond_to_missing?': { Object: () => false, Exception: () => false },
  'super:inspect': { Object: (_it, s) => inspect(Object.assign(new RObject(s.cls), { ivars: s.ivars, id: s.id })), Exception: (_it, s) => `#<${s.cls.name}: ${exMessage(s)}>` },
  'super:==': { Object: (_it, s, a) => s === a[0], Exception: (_it, s, a) => s === a[0] },
};

export { BreakSig };
