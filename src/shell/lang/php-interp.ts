// The PHP subset's interpreter: statements, function and method calls (with by-reference parameters, defaults,
// variadics, closures' captured variables), classes, exceptions with their stack traces, warnings as php-cli prints them.
import { BreakSig, builtinClasses, ContinueSig, Fatal, Forever, findMethod, isA, newClass, Ref, ReturnSig, Thrown, type Fn, type Frame, type N, type Scope, type UserFn } from './php-core';
import { parsePhp } from './php-parse';
import { PArr, PObj, toStr, truthy, looseEq, typeName, type PClass, type Val } from './php-value';
export { typeName };
import type { SyncFiles } from './files';

export interface Host {
  write(s: string): void;
  err(s: string): void;
  files: SyncFiles;
  cwd: string;
  env: Record<string, string>;
  version: string;
  now(): number;
  sleep(ms: number): void;
  /** php.ini's log_errors (PHP's built-in default is off; php.ini-development turns it on): errors also go to stderr. */
  logErrors: boolean;
  displayErrors: boolean;
  extensions: string[];
  argv: string[];
  hostname: string;
  stdin: string;
  sapi: string;
}

/** Where an assignment writes (php-eval.ts makes them). */
export interface LVal { get(): Val | undefined; set(v: Val): void }
/** The expression side (php-eval.ts), handed in so the two modules do not import each other. */
export interface ExprOps {
  evalExpr(it: Interp, n: N, sc: Scope): Val;
  quiet(it: Interp, n: N, sc: Scope): Val | undefined;
  lval(it: Interp, n: N, sc: Scope): LVal;
  keyFor(it: Interp, v: Val): string | number;
}

export type LibFn = (it: Interp, args: Val[], refs: (Ref | undefined)[]) => Val;
export interface Lib { fns: Record<string, LibFn>; refs: Record<string, number[]>; consts: Record<string, Val> }

export class Interp {
  functions = new Map<string, Fn>();
  classes = builtinClasses();
  constants = new Map<string, Val>();
  globals: Scope = { vars: new Map(), thisObj: null, cls: null, staticCls: null, fn: '{main}' };
  file = '';
  line = 0;
  stack: Frame[] = [];
  ob: string[] = [];
  silence = 0;
  headers: [string, string][] = [];
  status = 200;
  included = new Set<string>();
  statics = new Map<string, Map<string, Ref>>();
  lastError: { type: number; message: string; file: string; line: number } | null = null;
  steps = 0;
  /** how much of stdin fgets() and readline() have read */
  stdinPos = 0;

  constructor(readonly host: Host, readonly lib: Lib, readonly ops: ExprOps) {
    for (const [k, v] of Object.entries(lib.consts)) this.constants.set(k, v);
  }

  echo(s: string) {
    if (!s) return;
    if (this.ob.length) this.ob[this.ob.length - 1] += s;
    else this.host.write(s);
  }

  /** A non-fatal error as php_error_cb shows it: on stdout (display_errors) and, with log_errors, on stderr. */
  warn(msg: string, kind = 'Warning') {
    this.lastError = { type: kind === 'Warning' ? 2 : kind === 'Deprecated' ? 8192 : 8, message: msg, file: this.file, line: this.line };
    if (this.silence) return;
    if (this.host.displayErrors) this.echo(`\n${kind}: ${msg} in ${this.file} on line ${this.line}\n`);
    if (this.host.logErrors) this.host.err(`PHP ${kind}:  ${msg} in ${this.file} on line ${this.line}\n`);
  }

  cls(name: string, sc?: Scope): PClass {
    const n = name.toLowerCase();
    if (sc && n === 'self' && sc.cls) return sc.cls;
    if (sc && n === 'static' && (sc.staticCls ?? sc.cls)) return (sc.staticCls ?? sc.cls)!;
    if (sc && n === 'parent' && sc.cls?.parent) return sc.cls.parent;
    const c = this.classes.get(n.replace(/^.*\\/, ''));
    if (!c) this.raise('Error', `Class "${name}" not found`);
    return c;
  }

  /** Throw an Error/Exception of a built-in class from the current line. */
  raise(cls: string, msg: string): never {
    throw new Thrown(this.instantiate(this.cls(cls), [msg]));
  }

  instantiate(cls: PClass, args: Val[], refs: (Ref | undefined)[] = []): PObj {
    if (cls.abstract) this.raise('Error', `Cannot instantiate ${cls.interfaces.includes('__interface') ? 'interface' : 'abstract class'} ${cls.name}`);
    const o = new PObj(cls);
    const chain: PClass[] = [];
    for (let c: PClass | undefined = cls; c; c = c.parent) chain.unshift(c);
    for (const c of chain) for (const p of c.props) if (!p.static && p.init !== undefined) o.props.set(p.name, p.init instanceof Object && 'k' in (p.init as object) ? this.eval(p.init as N, this.globals) : (p.init as Val));
    if (isA(cls, 'Throwable')) {
      o.props.set('file', this.file);
      o.props.set('line', this.line);
      (o as PObj & { trace?: Frame[] }).trace = [...this.stack].reverse();
    }
    const ctor = findMethod(cls, '__construct');
    if (ctor) this.callFn(ctor.fn as Fn, args, refs, o, cls, `${ctor.cls.name}::__construct`);
    return o;
  }

  eval(n: N, sc: Scope): Val {
    return this.ops.evalExpr(this, n, sc);
  }

  /** Call a function value with evaluated arguments. */
  callFn(f: Fn, args: Val[], refs: (Ref | undefined)[], self: PObj | null, staticCls: PClass | null, label: string, named?: Map<string, Val>): Val {
    if (f.kind === 'native') return f.call(args, self, refs as Ref[]);
    if (this.stack.length > 2000) throw new Fatal('Allowed memory size of 134217728 bytes exhausted (tried to allocate 262144 bytes)', this.line, this.file);
    const def = f.def;
    const sc: Scope = { vars: new Map(), thisObj: f.bound !== undefined ? f.bound : self, cls: f.cls ?? f.scopeCls ?? null, staticCls: staticCls ?? f.cls ?? null, fn: label, args };
    if (f.captured) for (const [k, r] of f.captured) sc.vars.set(k, r);
    const required = def.params.filter((p) => !p.def && !p.variadic).length;
    const lastRequired = def.params.reduce((n, p, i) => (!p.def && !p.variadic ? i + 1 : n), 0);
    this.stack.push({ file: this.file, line: this.line, fn: label, args });
    const [file, line] = [this.file, this.line];
    this.file = f.file;
    try {
      if (args.length < lastRequired && !(named && named.size)) {
        // raised in the called function (its RECV opcode): at its line, with the call in the trace
        const exact = required === def.params.length && !def.params.some((p) => p.variadic);
        this.line = def.line;
        this.raise('ArgumentCountError', `Too few arguments to function ${label.replace('->', '::')}(), ${args.length} passed in ${file} on line ${line} and ${exact ? 'exactly' : 'at least'} ${lastRequired} expected`);
      }
      def.params.forEach((p, i) => {
        let v: Val;
        if (p.variadic) { sc.vars.set(p.name, new Ref(PArr.of(args.slice(i)))); return; }
        if (i < args.length) {
          if (p.byRef && refs[i]) { sc.vars.set(p.name, refs[i]!); return; }
          v = args[i];
        } else if (named?.has(p.name)) v = named.get(p.name)!;
        else if (p.def) v = this.eval(p.def, sc);
        else { this.line = line; this.file = file; this.raise('ArgumentCountError', `Too few arguments to function ${label.replace('->', '::')}(), ${args.length} passed and exactly ${required} expected`); }
        v = coerce(this, p.type, v!, i, label, p.name);
        sc.vars.set(p.name, new Ref(v instanceof PArr ? v.copy() : v));
        if (p.promote && sc.thisObj) sc.thisObj.props.set(p.name, v instanceof PArr ? v.copy() : v);
      });
      if (def.arrow) return this.eval(def.arrow, sc);
      this.hoist(def.body ?? []);
      this.execBlock(def.body ?? [], sc);
      return null;
    } catch (e) {
      if (e instanceof ReturnSig) return e.v;
      throw e;
    } finally {
      this.stack.pop();
      this.file = file;
      this.line = line;
    }
  }

  /** Functions and classes declared at a block's top level exist before its first statement runs. */
  hoist(body: N[]) {
    for (const st of body) if (st.k === 'fndecl') this.declareFn(st);
    for (const st of body) if (st.k === 'classdecl' && (!st.parent || this.classes.has(st.parent.toLowerCase())) && !this.classes.has(st.name.toLowerCase())) this.declareClass(st);
  }

  declareFn(st: N) {
    const key = st.name.toLowerCase();
    const had = this.functions.get(key);
    if (had && had.kind === 'user' && had.def === st.fn) return;
    if (had || this.lib.fns[key]) throw new Fatal(`Cannot redeclare function ${st.name}()${had?.kind === 'user' ? ` (previously declared in ${had.file}:${had.def.line})` : ''}`, st.line, this.file);
    this.functions.set(key, { kind: 'user', def: st.fn, file: this.file, cls: null });
  }

  declareClass(st: N) {
    const parent = st.parent ? this.cls(st.parent) : undefined;
    const c = newClass(st.name, parent, [...st.interfaces, ...(st.kind === 'interface' ? ['__interface'] : [])]);
    c.abstract = st.abstract || st.kind === 'interface';
    this.classes.set(st.name.toLowerCase(), c);
    const sc: Scope = { vars: new Map(), thisObj: null, cls: c, staticCls: c, fn: st.name };
    for (const m of st.members) {
      if (m.k === 'classconst') c.consts.set(m.name, this.eval(m.value, sc));
      else if (m.k === 'case') { const o = new PObj(c); o.props.set('name', m.name); if (m.value) o.props.set('value', this.eval(m.value, sc)); c.consts.set(m.name, o); }
      else if (m.k === 'prop') {
        if (m.static) c.statics.set(m.name, m.init ? this.eval(m.init, sc) : null);
        c.props.push({ name: m.name, init: m.init === undefined ? (m.static ? undefined : null) : m.init, static: m.static, visibility: m.visibility });
      } else if (m.k === 'method') {
        c.methods.set(m.name.toLowerCase(), { name: m.name, static: m.static, visibility: m.visibility, fn: { kind: 'user', def: m.fn, file: this.file, cls: c } satisfies UserFn, cls: c });
        for (const p of m.fn.params) if (p.promote) c.props.push({ name: p.name, init: undefined, static: false, visibility: p.promote });
      }
    }
  }

  execBlock(body: N[], sc: Scope) {
    for (const st of body) this.exec(st, sc);
  }

  private loop(body: N[], sc: Scope): 'break' | 'continue' | void {
    try {
      this.execBlock(body, sc);
    } catch (e) {
      if (e instanceof BreakSig) { if (e.levels > 1) throw new BreakSig(e.levels - 1); return 'break'; }
      if (e instanceof ContinueSig) { if (e.levels > 1) throw new ContinueSig(e.levels - 1); return 'continue'; }
      throw e;
    }
  }

  /** php-cli has no time limit (max_execution_time 0): a loop that goes on this long runs until the process is stopped. */
  private tick() {
    if (++this.steps > 1_000_000) throw new Forever();
  }

  exec(st: N, sc: Scope) {
    this.line = st.line;
    switch (st.k) {
      case 'echo': for (const a of st.args) this.echo(this.str(this.eval(a, sc))); return;
      case 'expr': this.eval(st.e, sc); return;
      case 'block': this.execBlock(st.body, sc); return;
      case 'if': {
        if (truthy(this.eval(st.cond, sc))) this.execBlock(st.body, sc);
        else if (st.else) this.execBlock(st.else, sc);
        return;
      }
      case 'while':
        while (truthy(this.eval(st.cond, sc))) { this.tick(); if (this.loop(st.body, sc) === 'break') break; }
        return;
      case 'dowhile':
        do { this.tick(); if (this.loop(st.body, sc) === 'break') break; } while (truthy(this.eval(st.cond, sc)));
        return;
      case 'for':
        for (st.init.forEach((e: N) => this.eval(e, sc)); this.forCond(st.cond, sc); st.step.forEach((e: N) => this.eval(e, sc))) {
          this.tick();
          if (this.loop(st.body, sc) === 'break') break;
        }
        return;
      case 'foreach': return this.foreach(st, sc);
      case 'switch': {
        const v = this.eval(st.subject, sc);
        let i = st.cases.findIndex((c: { test: N | null }) => c.test && looseEq(v, this.eval(c.test, sc)));
        if (i < 0) i = st.cases.findIndex((c: { test: N | null }) => !c.test);
        if (i < 0) return;
        try {
          for (; i < st.cases.length; i++) this.execBlock(st.cases[i].body, sc);
        } catch (e) {
          if (e instanceof BreakSig || e instanceof ContinueSig) { if (e.levels > 1) throw e instanceof BreakSig ? new BreakSig(e.levels - 1) : new ContinueSig(e.levels - 1); return; }
          throw e;
        }
        return;
      }
      case 'break': throw new BreakSig(st.levels);
      case 'continue': throw new ContinueSig(st.levels);
      case 'return': throw new ReturnSig(st.value ? this.eval(st.value, sc) : null);
      case 'fndecl': if (!this.functions.has(st.name.toLowerCase()) || (this.functions.get(st.name.toLowerCase()) as UserFn).def !== st.fn) this.declareFn(st); return;
      case 'classdecl': if (this.classes.get(st.name.toLowerCase())?.name !== st.name || !this.classes.has(st.name.toLowerCase())) this.declareClass(st); return;
      case 'try': return this.tryStmt(st, sc);
      case 'global':
        for (const n of st.names) {
          let r = this.globals.vars.get(n);
          if (!r) this.globals.vars.set(n, (r = new Ref(null)));
          sc.vars.set(n, r);
        }
        return;
      case 'static': {
        const key = `${sc.fn}#${this.file}#${st.line}`;
        let m = this.statics.get(key);
        if (!m) this.statics.set(key, (m = new Map()));
        for (const v of st.vars) {
          if (!m.has(v.name)) m.set(v.name, new Ref(v.init ? this.eval(v.init, sc) : null));
          sc.vars.set(v.name, m.get(v.name)!);
        }
        return;
      }
      case 'unset':
        for (const t of st.targets) {
          if (t.k === 'var') sc.vars.delete(t.name);
          else if (t.k === 'index') { const base = this.ops.quiet(this, t.e, sc); if (base instanceof PArr && t.idx) base.delete(this.ops.keyFor(this, this.eval(t.idx, sc))); }
          else if (t.k === 'prop') { const o = this.eval(t.obj, sc); if (o instanceof PObj) o.props.delete(this.str(this.eval(t.name, sc))); }
        }
        return;
      case 'const': for (const i of st.items) this.constants.set(i.name, this.eval(i.value, sc)); return;
    }
    throw new Error(`php: statement ${st.k}`);
  }

  private forCond(cond: N[], sc: Scope): boolean {
    let v: Val = true;
    for (const e of cond) v = this.eval(e, sc);
    return truthy(v);
  }

  private foreach(st: N, sc: Scope) {
    const subject = this.eval(st.subject, sc);
    let entries: [string | number, Val][];
    if (subject instanceof PArr) entries = [...subject.m];
    else if (subject instanceof PObj) entries = [...subject.props];
    else { this.warn(`foreach() argument must be of type array|object, ${typeName(subject)} given`); return; }
    const target = st.byRef && subject instanceof PArr ? this.ops.lval(this, st.subject, sc) : null;
    for (const [k, v] of entries) {
      this.tick();
      if (st.key) this.ops.lval(this, st.key, sc).set(k);
      let ref: Ref | null = null;
      if (target) {
        const arr = target.get() as PArr;
        ref = new Ref(arr.get(k) ?? null);
        sc.vars.set(st.value.name, ref);
      } else this.ops.lval(this, st.value, sc).set(v instanceof PArr ? v.copy() : v);
      const r = this.loop(st.body, sc);
      if (target && ref) (target.get() as PArr).set(k, ref.v);
      if (r === 'break') break;
    }
  }

  private tryStmt(st: N, sc: Scope) {
    try {
      this.execBlock(st.body, sc);
    } catch (e) {
      const c = e instanceof Thrown ? st.catches.find((c: { types: string[] }) => c.types.some((t) => isA(e.obj.cls, t.replace(/^.*\\/, '')))) : undefined;
      if (!c || !(e instanceof Thrown)) {
        if (st.finally) this.execBlock(st.finally, sc);
        throw e;
      }
      if (c.name) sc.vars.set(c.name, new Ref(e.obj));
      try {
        this.execBlock(c.body, sc);
      } catch (e2) {
        if (st.finally) this.execBlock(st.finally, sc);
        throw e2;
      }
      if (st.finally) this.execBlock(st.finally, sc);
      return;
    }
    if (st.finally) this.execBlock(st.finally, sc);
  }

  /** A value as a string, with __toString for objects and PHP's warning for arrays. */
  str(v: Val): string {
    return toStr(v, (m) => this.warn(m), (o) => {
      const m = findMethod(o.cls, '__tostring');
      if (!m) this.raise('Error', `Object of class ${o.cls.name} could not be converted to string`);
      return toStr(this.callFn(m.fn as Fn, [], [], o, o.cls, `${o.cls.name}->__toString`));
    });
  }

  /** Run a file's code (the main script or an include) in a scope. */
  runFile(src: string, file: string, sc: Scope, code = false): Val {
    const prev = this.file;
    this.file = file;
    try {
      const body = parsePhp(src, code);
      this.hoist(body);
      this.execBlock(body, sc);
      return 1;
    } catch (e) {
      if (e instanceof ReturnSig) return e.v;
      throw e;
    } finally {
      this.file = prev;
    }
  }
}

/** Scalar parameter types in coercive mode: "5" passed to int becomes 5; a value that cannot be is a TypeError. */
function coerce(it: Interp, type: string, v: Val, i: number, label: string, name: string): Val {
  const t = type.replace(/^\?/, '').toLowerCase();
  if (!t || v === null && type.startsWith('?')) return v;
  const bad = () => it.raise('TypeError', `${label.replace('->', '::')}(): Argument #${i + 1} ($${name}) must be of type ${type}, ${typeName(v) === 'float' ? 'float' : typeName(v)} given, called in ${it.stack[it.stack.length - 1]?.file ?? it.file} on line ${it.stack[it.stack.length - 1]?.line ?? it.line}`);
  if (t === 'int') { if (typeof v === 'number') return v; if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) return Number(v); if (typeof v === 'boolean') return v ? 1 : 0; return bad(); }
  if (t === 'string') { if (typeof v === 'string') return v; if (typeof v === 'number' || typeof v === 'boolean') return toStr(v); return v instanceof PArr || v === null ? bad() : v; }
  if (t === 'array' && !(v instanceof PArr)) return bad();
  return v;
}
