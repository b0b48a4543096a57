// The Ruby subset's evaluator: scopes, method dispatch (user methods first, then the built-in ones of rb-core/rb-enum),
// blocks with break/next/return, classes and modules, exceptions with Ruby 3.3 backtraces. Every node costs a step.
import type { Node, Params } from './rb-parse';
import { parseRuby } from './rb-parse-kw';
import { C, classOf, exMessage, hooks, inspect, isInt, makeExc, RClass, RFloat, RHash, RObject, RProc, RRange, RubyError, sym, toS, truthy, type Env, type RMethod, type V } from './rb-value';

export interface Frame { label: string; file: string; line: number }
export interface Ctx {
  self: V; env: Env; def: RClass; method: RMethod | null; block: RProc | null; args: V[]; lex: RClass[];
  base: string; depth: number; breakTag: object | null; retTag: object; file: string; kw: RHash | null;
}
export type Native = (it: Interp, self: V, args: V[], blk: RProc | null, kw: RHash | null) => V;
export const NONE = Symbol('none'); /** what a call skipped by `&.` on nil gives the calls chained after it */ const SKIP = Symbol('skip');

export class BreakSig { constructor(readonly tag: object | null, readonly v: V) {} }
export class NextSig { constructor(readonly v: V) {} }
export class ReturnSig { constructor(readonly tag: object, readonly v: V) {} }
export class ThrowSig { constructor(readonly tag: V, readonly v: V) {} }
export class RetrySig {}
export class ExitSig { constructor(readonly code: number) {} }
export class OutOfSteps {}

export interface Host {
  write(fd: 1 | 2, text: string): void;
  /** require/require_relative/load (mode) of a feature; a name starting with NUL asks for a constant not defined yet. */
  require(name: string, it: Interp, mode: string | null): V;
  sleep(ms: number): void;
  random(): number;
  gets(): string | null;
}

const mkEnv = (parent: Env | null = null): Env => ({ vars: new Map(), parent });
const lookupVar = (env: Env, name: string): Env | null => { for (let e: Env | null = env; e; e = e.parent) if (e.vars.has(name)) return e; return null; };

/** The evaluator; its longer statements (rb-stmt.ts) are filled in by RubyInterp there. */
export abstract class Interp {
  abstract begin(n: Node, ctx: Ctx): V; abstract caseWhen(n: Node, ctx: Ctx): V; abstract classDef(n: Node, ctx: Ctx): V; abstract def(n: Node, ctx: Ctx): V; abstract defined(e: Node, ctx: Ctx): V;
  abstract loop(n: Node, ctx: Ctx): V; abstract opAssign(n: Node, ctx: Ctx): V; abstract superCall(n: Node, ctx: Ctx): V;
  abstract bind(p: Params, args: V[], kw: RHash | null, env: Env, strict: boolean, name: string, blk: RProc | null): void;
  stack: Frame[] = [];
  globals = new Map<string, V>();
  main = new RObject(C.Object);
  steps = 0;
  natives: Record<string, Record<string, Native>> = {};
  /** Main-object methods that are not found elsewhere: puts, require, get (sinatra) … */
  atExit: RProc[] = [];
  sources = new Map<string, string>();
  constructor(readonly host: Host, readonly maxSteps = 3_000_000) {
    hooks.userMethod = (recv, name) => !!classOf(recv).find(name);
    hooks.call = (recv, name) => this.send(recv, name, [], null, null, true);
  }

  out(fd: 1 | 2, text: string) { this.host.write(fd, text); } sleep(ms: number) { this.host.sleep(ms); }
  random() { return this.host.random(); } gets(): V { return this.host.gets(); }
  require(name: string, mode: string | null): V { return this.host.require(name, this, mode); } inspect(v: V): string { return inspect(v); }

  /** How an uncaught exception is printed: `file:line:in 'x': message (Class)` and its backtrace (bold on a terminal). */
  errorText(e: RObject, tty: boolean): string {
    const bt = e.bt ?? [];
    const msg = exMessage(e);
    const [first, ...rest] = msg.split('\n');
    const name = e.cls.name;
    const head = msg === '' ? 'unhandled exception' : tty ? `\x1b[1m${first} (\x1b[1;4m${name}\x1b[m\x1b[1m)\x1b[m${rest.length ? '\n\x1b[1m' + rest.join('\n') + '\x1b[m' : ''}` : `${first} (${name})${rest.length ? '\n' + rest.join('\n') : ''}`;
    return `${bt[0] ?? '-e:1:in \`<main>\''}: ${head}\n${bt.slice(1).map((f) => `\tfrom ${f}\n`).join('')}`;
  }

  topCtx(file: string): Ctx {
    return { self: this.main, env: mkEnv(), def: C.Object, method: null, block: null, args: [], lex: [], base: '<main>', depth: 0, breakTag: null, retTag: {}, file, kw: null };
  }

  /** Run a program (or a required file) at the top level. */
  run(src: string, file: string, ctx = this.topCtx(file)): V {
    this.sources.set(file, src);
    const body = parseRuby(src);
    this.stack.push({ label: ctx.base, file, line: 1 });
    try {
      return this.body(body, ctx);
    } catch (e) {
      if (e instanceof ReturnSig && e.tag === ctx.retTag) return e.v;
      throw e;
    } finally { this.stack.pop(); }
  }

  tick() { if (++this.steps > this.maxSteps) throw new OutOfSteps(); }

  body(nodes: Node[], ctx: Ctx): V {
    let v: V = null;
    for (const n of nodes) { this.stack[this.stack.length - 1].line = n.line; v = this.eval(n, ctx); }
    return v;
  }

  backtrace(): string[] { return [...this.stack].reverse().map((f) => `${f.file}:${f.line}:in \`${f.label}'`); }
  raiseExc(e: RObject): never { if (!e.bt) e.bt = this.backtrace(); throw new RubyError(e); }
  err(cls: string | RClass, msg: string): never { return this.raiseExc(makeExc(typeof cls === 'string' ? C[cls] : cls, msg)); }

  /** How Ruby 3.3 names a receiver in NameError/NoMethodError messages. */
  recvName(v: V): string {
    if (v === this.main) return 'main';
    if (v === null) return 'nil';
    if (v === true || v === false) return String(v);
    if (v instanceof RClass) return `${v.isModule ? 'module' : 'class'} ${v.name}`;
    return `an instance of ${classOf(v).name}`;
  }

  eval(n: Node, ctx: Ctx): V {
    this.tick();
    switch (n.k) {
      case 'int': { const x = Number(n.v); return Number.isSafeInteger(x) ? x : BigInt(n.v); }
      case 'float': return new RFloat(parseFloat(n.v));
      case 'str': return n.v;
      case 'dstr': return n.parts.map((p: string | Node) => (typeof p === 'string' ? p : this.str(this.eval(p, ctx)))).join('');
      case 'sym': return sym(n.v);
      case 'dsym': return sym(n.parts.map((p: string | Node) => (typeof p === 'string' ? p : this.str(this.eval(p, ctx)))).join(''));
      case 'regex': return this.regex(n.parts.map((p: string | Node) => (typeof p === 'string' ? p : toS(this.eval(p, ctx)))).join(''), n.flags);
      case 'array': return this.args(n.items, ctx).args;
      case 'hash': {
        const h = new RHash();
        for (const [k, v] of n.pairs as [Node | null, Node][]) {
          if (k === null) { const o = this.eval(v, ctx); if (o instanceof RHash) for (const [a, b] of o.entries()) h.set(a, b); continue; }
          const key = this.eval(k, ctx);
          h.set(typeof key === 'string' ? key : key, this.eval(v, ctx));
        }
        return h;
      }
      case 'range': return new RRange(n.lo ? this.eval(n.lo, ctx) : null, n.hi ? this.eval(n.hi, ctx) : null, n.excl);
      case 'nil': return null;
      case 'true': return true;
      case 'false': return false;
      case 'self': return ctx.self;
      case 'file': return ctx.file;
      case '__dir__': return ctx.file.includes('/') ? ctx.file.slice(0, ctx.file.lastIndexOf('/')) || '/' : '.';
      case '__method__': return ctx.method ? sym(ctx.method.name) : null;
      case 'seq': return this.body(n.body, ctx);
      case 'lvar': { const e = lookupVar(ctx.env, n.name); return e ? e.vars.get(n.name) : null; }
      case 'ivar': return this.ivars(ctx.self).get(n.name) ?? null;
      case 'gvar': return this.gvar(n.name);
      case 'cvar': { const c = ctx.self instanceof RClass ? ctx.self : ctx.def; for (let k: RClass | null = c; k; k = k.superclass) if (k.ivars.has(n.name)) return k.ivars.get(n.name); return this.err('NameError', `uninitialized class variable ${n.name} in ${c.name}`); }
      case 'const': return this.constGet(n, ctx);
      case 'asgn': { const v = this.eval(n.value, ctx); this.assign(n.target, v, ctx); return v; }
      case 'opasgn': return this.opAssign(n, ctx);
      case 'masgn': {
        let v = this.eval(n.value, ctx);
        const arr: V[] = Array.isArray(v) ? v : [v];
        const t: Node[] = n.targets;
        t.forEach((target, i) => {
          if (i === n.splat) v = arr.slice(i, arr.length - (t.length - 1 - i));
          else v = i > n.splat && n.splat >= 0 ? arr[arr.length - (t.length - i)] : arr[i];
          this.assign(target, v ?? null, ctx);
        });
        return arr;
      }
      case 'and': { const l = this.eval(n.l, ctx); return truthy(l) ? this.eval(n.r, ctx) : l; }
      case 'or': { const l = this.eval(n.l, ctx); return truthy(l) ? l : this.eval(n.r, ctx); }
      case 'not': {
        if (n.ne) { const e = n.e; const l = this.eval(e.recv, ctx); const r = this.eval(e.args[0], ctx); if (classOf(l).find('!=')) return this.send(l, '!=', [r], null, null, false); return !truthy(this.send(l, '==', [r], null, null, false)); }
        return !truthy(this.eval(n.e, ctx));
      }
      case 'defined': return this.defined(n.e, ctx);
      case 'if': return truthy(this.eval(n.cond, ctx)) ? this.body(n.then, ctx) : this.body(n.else, ctx);
      case 'while': return this.loop(n, ctx);
      case 'for': {
        const tag = {};
        const inner = { ...ctx, breakTag: tag };
        const iter = this.eval(n.iter, ctx);
        try {
          this.each(iter, (x) => {
            const vals = n.names.length > 1 && Array.isArray(x) ? x : [x];
            n.names.forEach((name: string, i: number) => this.assign({ k: 'lvar', line: n.line, name }, vals[i] ?? null, ctx));
            try { this.body(n.body, inner); } catch (e) { if (!(e instanceof NextSig)) throw e; }
          });
        } catch (e) { if (e instanceof BreakSig && e.tag === tag) return e.v; throw e; }
        return iter;
      }
      case 'case': return this.caseWhen(n, ctx);
      case 'begin': return this.begin(n, ctx);
      case 'def': return this.def(n, ctx);
      case 'class': case 'module': return this.classDef(n, ctx);
      case 'sclass': {
        const obj = this.eval(n.obj, ctx);
        const target = obj instanceof RClass ? obj.singleton() : this.err('TypeError', 'singleton classes of plain objects are not simulated');
        return this.body(n.body, { ...ctx, self: obj, def: target, env: mkEnv() });
      }
      case 'return': throw new ReturnSig(ctx.retTag, n.value ? this.eval(n.value, ctx) : null);
      case 'break': throw new BreakSig(ctx.breakTag, n.value ? this.eval(n.value, ctx) : null);
      case 'next': throw new NextSig(n.value ? this.eval(n.value, ctx) : null);
      case 'redo': case 'retry': throw new RetrySig();
      case 'yield': {
        if (!ctx.block) return this.err('LocalJumpError', 'no block given (yield)');
        const { args } = this.args(n.args, ctx);
        return this.callProc(ctx.block, args);
      }
      case 'super': case 'zsuper': return this.superCall(n, ctx);
      case 'lambda': return new RProc(n.params, n.body, ctx.env, ctx.self, !n.proc, { ...ctx, retTag: {} });
      case 'alias': { const m = ctx.def.find(n.from); if (m) ctx.def.methods.set(n.to, { ...m, name: n.to }); return null; }
      case 'call': return this.callNode(n, ctx);
      default: return this.err('NotImplementedError', `dockerlings: Ruby's ${n.k} is not simulated here`);
    }
  }

  str(v: V): string { return typeof v === 'string' ? v : toS(classOf(v).find('to_s') ? this.send(v, 'to_s', [], null, null, true) : v); }

  regex(src: string, flags: string): RegExp {
    const js = src.replace(/\\A/g, '^').replace(/\\[zZ]/g, '$').replace(/\(\?<(\w+)>/g, '(?<$1>').replace(/\\h/g, '[0-9a-fA-F]');
    try { return new RegExp(js, (flags.includes('i') ? 'i' : '') + (flags.includes('m') ? 's' : '') + (flags.includes('x') ? '' : '') + 'm'); } catch { return this.err('RegexpError', `invalid pattern: /${src}/`); }
  }

  ivars(self: V): Map<string, V> { return self instanceof RObject || self instanceof RClass ? self.ivars : new Map(); }

  gvar(name: string): V {
    if (name === '$PROGRAM_NAME' || name === '$0') return this.globals.get('$0') ?? null;
    if (/^\$\d$/.test(name)) return this.globals.get('$~')?.m?.[Number(name[1])] ?? null;
    return this.globals.get(name) ?? null;
  }

  constGet(n: Node, ctx: Ctx): V {
    if (n.scope) {
      const s = this.eval(n.scope, ctx);
      if (s instanceof RClass && s.consts.has(n.name)) return s.consts.get(n.name);
      return this.err('NameError', `uninitialized constant ${inspect(s)}::${n.name}`);
    }
    for (const m of ctx.lex) for (let k: RClass | null = m; k; k = k.superclass) if (k.consts.has(n.name)) return k.consts.get(n.name);
    if (C.Object.consts.has(n.name) && C.Object.consts.get(n.name) !== null) return C.Object.consts.get(n.name);
    if (C[n.name] && !n.name.includes(':')) return C[n.name];
    if (this.host.require(`\u0000const:${n.name}`, this, null) && C.Object.consts.has(n.name)) return C.Object.consts.get(n.name);
    return this.err('NameError', `uninitialized constant ${ctx.lex[0] && ctx.lex[0] !== C.Object ? ctx.lex[0].name + '::' : ''}${n.name}`);
  }

  assign(t: Node, v: V, ctx: Ctx) {
    switch (t.k) {
      case 'lvar': { const e = lookupVar(ctx.env, t.name) ?? ctx.env; e.vars.set(t.name, v); return; }
      case 'ivar': if (ctx.self instanceof RObject || ctx.self instanceof RClass) ctx.self.ivars.set(t.name, v); return;
      case 'gvar': if (t.name === '$stdout' || t.name === '$stderr') return; this.globals.set(t.name, v); return;
      case 'cvar': { const base = ctx.self instanceof RClass ? ctx.self : ctx.def; let c: RClass | null = base; while (c && !c.ivars.has(t.name)) c = c.superclass; (c ?? base).ivars.set(t.name, v); return; }
      case 'const': { const owner = ctx.lex[0] ?? C.Object; owner.consts.set(t.name, v); if (v instanceof RClass && v.name.startsWith('#<')) v.name = t.name; return; }
      default: this.err('NotImplementedError', 'dockerlings: this assignment target is not simulated');
    }
  }








  /** Arguments of a call: splats spread, a trailing `key: value` hash becomes keywords. */
  args(nodes: Node[], ctx: Ctx): { args: V[]; kw: RHash | null } {
    const args: V[] = [];
    let kw: RHash | null = null;
    for (const a of nodes) {
      if (a.k === 'splat') { const v = this.eval(a.e, ctx); if (Array.isArray(v)) args.push(...v); else if (v instanceof RRange || v instanceof RHash) args.push(...this.toA(v)); else if (v !== null) args.push(v); }
      else if (a.k === 'hash' && a.kw) { kw = this.eval(a, ctx); }
      else args.push(this.eval(a, ctx));
    }
    return { args, kw };
  }

  toA(v: V): V[] { const out: V[] = []; this.each(v, (x) => out.push(x)); return out; }

  /** Iterate a collection, calling `f` with each element (Hash pairs as [k, v]). */
  each(v: V, f: (x: V) => void) {
    if (Array.isArray(v)) { for (let i = 0; i < v.length; i++) f(v[i]); return; }
    if (v instanceof RHash) { for (const e of v.entries()) f([e[0], e[1]]); return; }
    if (v instanceof RRange) {
      if (isInt(v.lo) || v.lo instanceof RFloat) { const lo = Number(v.lo instanceof RFloat ? v.lo.v : v.lo); const hi = v.hi === null ? Infinity : Number(v.hi instanceof RFloat ? v.hi.v : v.hi); for (let i = lo; v.excl ? i < hi : i <= hi; i++) { this.tick(); f(i); } return; }
      if (typeof v.lo === 'string') { const out = this.send(v.lo, 'upto', [v.hi, v.excl], null, null, false); for (const s of out as string[]) f(s); return; }
      return this.err('TypeError', `can't iterate from ${classOf(v.lo).name}`);
    }
    this.send(v, 'each', [], nativeBlock((a) => { f(a.length === 1 ? a[0] : a); return null; }), null, false);
  }

  nativeFor(recv: V, name: string): Native | undefined {
    const cls = recv instanceof RClass ? null : classOf(recv);
    if (recv instanceof RClass) {
      for (let k: RClass | null = recv; k; k = k.superclass) { const m = this.natives[`${k.name}.`]?.[name]; if (m) return m; }
      return this.natives[recv.isModule ? 'Module.' : 'Class.']?.[name] ?? this.natives['Module.']?.[name] ?? this.natives.Kernel?.[name];
    }
    for (const a of cls!.ancestors()) { const n = this.natives[a.name]?.[name]; if (n) return n; }
    return undefined;
  }

  /** A user method or a singleton (class) method for this receiver. */
  findMethod(recv: V, name: string): RMethod | undefined {
    if (recv instanceof RClass) {
      for (let k: RClass | null = recv; k; k = k.superclass) { const m = k.meta?.methods.get(name) ?? k.extended.map((x) => x.find(name)).find(Boolean); if (m) return m; }
      return undefined;
    }
    return classOf(recv).find(name);
  }

  callNode(n: Node, ctx: Ctx): V {
    if (!n.recv && !n.args.length && !n.paren && !n.block && !n.blockArg) { const e = lookupVar(ctx.env, n.name); if (e) return e.vars.get(n.name); }
    if (n.name === 'block_given?' && !n.recv) return ctx.block !== null;
    const recv = n.recv ? this.eval(n.recv, ctx) : ctx.self;
    if (recv === SKIP || (n.safe && recv === null)) return n.inChain ? SKIP : null; // a&.b.c: nil skips the rest of the chain
    const { args, kw } = this.args(n.args, ctx);
    this.stack[this.stack.length - 1].line = n.line;
    let blk: RProc | null = null;
    const tag = {};
    if (n.block) blk = new RProc(n.block.params, n.block.body, ctx.env, ctx.self, false, { ...ctx, breakTag: tag });
    else if (n.blockArg) blk = this.toProc(this.eval(n.blockArg, ctx));
    try {
      if (typeof recv === 'string' && n.recv && (n.name === '<<' || n.name === 'concat' || /^(?!.*\?)[a-z_]+!$/.test(n.name)) && ['lvar', 'ivar', 'gvar'].includes(n.recv.k)) {
        // strings are immutable here: a mutating method's result is stored back in the variable
        const out = this.send(recv, n.name, args, blk, kw, false);
        const now = n.name === '<<' || n.name === 'concat' ? out : this.send(recv, n.name.slice(0, -1), args, blk, kw, false);
        this.assign(n.recv, now, ctx);
        return n.name.endsWith('!') ? (now === recv ? null : now) : now;
      }
      return this.send(recv, n.name, args, blk, kw, !n.recv || n.recv.k === 'self', n, ctx);
    } catch (e) {
      if (e instanceof BreakSig && e.tag === tag) return e.v;
      throw e;
    }
  }

  toProc(v: V): RProc | null {
    if (v === null || v instanceof RProc) return v;
    if (v && typeof v === 'object' && 'name' in v && v.constructor.name === 'RSym') return nativeBlock((a) => this.send(a[0], v.name, a.slice(1), null, null, false));
    if (v instanceof RHash) return nativeBlock((a) => v.get(a[0]) ?? null);
    return this.err('TypeError', `wrong argument type ${classOf(v).name} (expected Proc)`);
  }

  /** Call method `name` on `recv`. */
  send(recv: V, name: string, args: V[], blk: RProc | null, kw: RHash | null, selfCall: boolean, node?: Node, ctx?: Ctx): V {
    const m = this.findMethod(recv, name);
    if (m) {
      if (m.visibility === 'private' && !selfCall && !name.endsWith('=')) this.err('NoMethodError', `private method \`${name}' called for ${this.recvName(recv)}`);
      if (m.top && !selfCall) this.err('NoMethodError', `private method \`${name}' called for ${this.recvName(recv)}`);
      return this.invoke(m, recv, args, blk, kw);
    }
    const nat = this.nativeFor(recv, name);
    if (nat) {
      const internal = name === 'times' ? ['<internal:numeric>', 237] : name === 'loop' ? ['<internal:kernel>', 187] : name === 'tap' || name === 'then' ? ['<internal:kernel>', 90] : null;
      const top = this.stack[this.stack.length - 1];
      const quiet = name === 'raise' || name === 'fail' || name === 'require' || name === 'require_relative' || name === 'new' || name === 'send' || name === 'public_send' || name === 'call' || name === 'instance_eval' || name === 'class_eval';
      if (!quiet) this.stack.push({ label: name, file: internal ? String(internal[0]) : top?.file ?? '-e', line: internal ? Number(internal[1]) : top?.line ?? 1 });
      try {
        const r = nat(this, recv, kw && !(nat as Native & { kw?: boolean }).kw ? [...args, kw] : args, blk, kw);
        if (r !== NONE) return r;
      } catch (e) {
        if (e instanceof RubyError && !e.exc.bt) e.exc.bt = this.backtrace();
        throw e;
      } finally { if (!quiet) this.stack.pop(); }
    }
    const mm = this.findMethod(recv, 'method_missing');
    if (mm) return this.invoke(mm, recv, [sym(name), ...args], blk, kw);
    if (node && !node.recv && !node.args.length && !node.paren && !node.block && ctx) this.err('NameError', `undefined local variable or method \`${name}' for ${this.recvName(recv)}`);
    if (node && !node.recv && /^[A-Z]/.test(name)) this.err('NoMethodError', `undefined method \`${name}' for ${this.recvName(recv)}`);
    return this.err('NoMethodError', `undefined method \`${name}' for ${this.recvName(recv)}`);
  }

  /** Run a user method: a new scope, its frame in the backtrace, `return` ends it. */
  invoke(m: RMethod, self: V, args: V[], blk: RProc | null, kw: RHash | null): V {
    if (m.attr === 'get') { if (args.length) this.err('ArgumentError', `wrong number of arguments (given ${args.length}, expected 0)`); return this.ivars(self).get('@' + m.name) ?? null; }
    if (m.attr === 'set') { this.ivars(self).set('@' + m.name.slice(0, -1), args[0]); return args[0]; }
    if (m.proc) return this.callProc(m.proc, args, blk, self);
    const ctx: Ctx = { self, env: mkEnv(), def: m.owner.name.startsWith('#<Class:') ? (self instanceof RClass ? self.singleton() : m.owner) : m.owner, method: m, block: blk, args, lex: this.lexOf(m.owner), base: m.name, depth: 0, breakTag: null, retTag: {}, file: m.file, kw };
    if (self instanceof RClass && m.owner.name.startsWith('#<Class:')) ctx.def = self.singleton();
    this.stack.push({ label: m.name, file: m.file, line: m.body[0]?.line ?? 1 });
    if (this.stack.length > 4000) this.err('SystemStackError', 'stack level too deep');
    try {
      this.bind(m.params, args, kw, ctx.env, true, m.name, blk);
      return this.body(m.body, ctx);
    } catch (e) {
      if (e instanceof ReturnSig && e.tag === ctx.retTag) return e.v;
      throw e;
    } finally { this.stack.pop(); }
  }

  lexOf(c: RClass): RClass[] { const out: RClass[] = []; for (let k: RClass | null = c; k && k !== C.Object; k = k.lexParent) out.push(k); return out; }


  /** Call a block or proc with `args`; `self` overrides the block's self (instance_eval, define_method). */
  callProc(p: RProc, args: V[], blk: RProc | null = null, self?: V): V {
    if (p.native) return p.native(args, blk);
    const made = p.ctx as Ctx;
    const env = mkEnv(p.env);
    const ctx: Ctx = { ...made, env, self: self === undefined ? p.self : self, ...(p.lambda ? { retTag: {} } : {}), depth: made.depth + 1, ...(blk ? { block: blk } : {}) };
    if (self !== undefined && self instanceof RClass) ctx.def = self;
    const label = ctx.depth === 1 ? `block in ${made.base}` : `block (${ctx.depth} levels) in ${made.base}`;
    this.stack.push({ label, file: made.file, line: p.body[0]?.line ?? 1 });
    try {
      this.bind(p.params, args, null, env, p.lambda, label, blk);
      // a block without parameters reads its arguments as _1, _2 … (numbered parameters)
      if (!p.params.req.length && !p.params.opt.length && !p.params.rest && args.length) args.forEach((a, i) => env.vars.set(`_${i + 1}`, a));
      return this.body(p.body, ctx);
    } catch (e) {
      if (e instanceof NextSig) return e.v;
      if (p.lambda && e instanceof ReturnSig && e.tag === ctx.retTag) return e.v;
      throw e;
    } finally { this.stack.pop(); }
  }



}

export const nativeBlock = (fn: (args: V[]) => V) => new RProc({ req: [], opt: [], post: [], kw: [] }, [], { vars: new Map(), parent: null }, null, false, null, fn);
