// The Ruby subset's statements that need more than a line or two: op-assignment, loops, case/when, begin/rescue/
// ensure/retry, def, class/module bodies, defined?, argument binding and super.
import type { Node, Params } from './rb-parse';
import { BreakSig, Interp, NextSig, RetrySig, type Ctx } from './rb-eval';
import { C, classOf, hashOf, inspect, RClass, RHash, RProc, RubyError, sym, truthy, type Env, type RMethod, type V } from './rb-value';

const lookupVar = (env: Env, name: string): Env | null => { for (let e: Env | null = env; e; e = e.parent) if (e.vars.has(name)) return e; return null; };
const mkEnv = (parent: Env | null = null): Env => ({ vars: new Map(), parent });

export function opAssign(it: Interp, n: Node, ctx: Ctx): V {
  const t: Node = n.target;
  if (t.k === 'call') {
    const recv = it.eval(t.recv, ctx);
    const idx = it.args(t.args, ctx).args;
    const getter = t.name;
    const cur = it.send(recv, getter, idx, null, null, false);
    let v: V;
    if (n.op === '||') { if (truthy(cur)) return cur; v = it.eval(n.value, ctx); }
    else if (n.op === '&&') { if (!truthy(cur)) return cur; v = it.eval(n.value, ctx); }
    else v = it.send(cur, n.op, [it.eval(n.value, ctx)], null, null, false);
    it.send(recv, getter === '[]' ? '[]=' : getter + '=', [...idx, v], null, null, false);
    return v;
  }
  const cur = t.k === 'lvar' ? (lookupVar(ctx.env, t.name)?.vars.get(t.name) ?? null) : t.k === 'const' ? (ctx.lex[0] ?? C.Object).consts.get(t.name) ?? null : t.k === 'cvar' ? (() => { try { return it.eval(t, ctx); } catch { return null; } })() : it.eval(t, ctx);
  let v: V;
  if (n.op === '||') { if (truthy(cur)) return cur; v = it.eval(n.value, ctx); }
  else if (n.op === '&&') { if (!truthy(cur)) return cur; v = it.eval(n.value, ctx); }
  else {
    if (cur === null && t.k === 'lvar') it.err('NoMethodError', `undefined method \`${n.op}' for nil`);
    v = it.send(cur, n.op, [it.eval(n.value, ctx)], null, null, false);
  }
  it.assign(t, v, ctx);
  return v;
}

export function loop(it: Interp, n: Node, ctx: Ctx): V {
  const tag = {};
  const inner = { ...ctx, breakTag: tag };
  try {
    if (n.doWhile) { try { it.body(n.body, inner); } catch (e) { if (!(e instanceof NextSig)) throw e; } }
    while (truthy(it.eval(n.cond, ctx))) {
      try { it.body(n.body, inner); } catch (e) { if (!(e instanceof NextSig)) throw e; }
    }
  } catch (e) { if (e instanceof BreakSig && e.tag === tag) return e.v; throw e; }
  return null;
}

export function caseWhen(it: Interp, n: Node, ctx: Ctx): V {
  const subj = n.subject ? it.eval(n.subject, ctx) : undefined;
  for (const [conds, body] of n.whens as [Node[], Node[]][]) {
    for (const c of conds) {
      const vals = c.k === 'splat' ? it.eval(c.e, ctx) : [it.eval(c, ctx)];
      for (const v of vals) if (subj === undefined ? truthy(v) : truthy(it.send(v, '===', [subj], null, null, false))) return it.body(body, ctx);
    }
  }
  return n.else ? it.body(n.else, ctx) : null;
}

export function begin(it: Interp, n: Node, ctx: Ctx): V {
  for (;;) {
    try {
      let v: V;
      const depth = it.stack.length;
      try { v = it.body(n.body, ctx); } catch (e) {
        if (!(e instanceof RubyError) || !n.rescues.length) throw e;
        it.stack.length = depth;
        const exc = e.exc;
        const hit = (n.rescues as { classes: Node[]; name?: string; body: Node[] }[]).find((r) => {
          const classes = r.classes.length ? r.classes.flatMap((c) => { const x = it.eval(c, ctx); return Array.isArray(x) ? x : [x]; }) : [C.StandardError];
          return classes.some((k) => k instanceof RClass && exc.cls.isA(k));
        });
        if (!hit) throw e;
        const saved = it.globals.get('$!');
        it.globals.set('$!', exc);
        if (hit.name) it.assign({ k: 'lvar', line: n.line, name: hit.name }, exc, ctx);
        try { return it.body(hit.body, ctx); } finally { it.globals.set('$!', saved ?? null); }
      }
      return n.else ? it.body(n.else, ctx) : v;
    } catch (e) {
      if (e instanceof RetrySig) continue;
      throw e;
    } finally {
      if (n.ensure) it.body(n.ensure, ctx);
    }
  }
}

export function def(it: Interp, n: Node, ctx: Ctx): V {
  const target = n.singleton ? (ctx.self instanceof RClass ? ctx.self.singleton() : it.err('TypeError', 'singleton methods of plain objects are not simulated')) : ctx.def;
  const m: RMethod = { name: n.name, params: n.params, body: n.body, owner: target, file: ctx.file, visibility: ctx.self === it.main || n.singleton ? 'public' : target.defVis, ...(ctx.self === it.main && !n.singleton ? { top: true } : {}) };
  target.methods.set(n.name, m);
  if (target.moduleFunction) target.singleton().methods.set(n.name, m);
  return sym(n.name);
}

export function classDef(it: Interp, n: Node, ctx: Ctx): V {
  const path: Node = n.path;
  const owner = path.scope ? it.eval(path.scope, ctx) as RClass : ctx.lex[0] ?? C.Object;
  let cls: V = owner.consts.get(path.name) ?? (owner === C.Object && C[path.name] && !path.name.includes(':') ? C[path.name] : undefined);
  const sup = n.sup ? it.eval(n.sup, ctx) : null;
  if (n.sup && !(sup instanceof RClass)) it.err('TypeError', `superclass must be an instance of Class (given ${it.recvName(sup).replace(/^an instance of /, 'an instance of ')})`);
  if (cls === undefined || cls === null) {
    const name = owner === C.Object ? path.name : `${owner.name}::${path.name}`;
    cls = new RClass(name, n.k === 'module' ? null : (sup ?? C.Object), n.k === 'module', owner);
    owner.consts.set(path.name, cls);
    if (sup && classOf(sup).find('inherited') === undefined && sup.meta?.methods.get('inherited')) it.send(sup, 'inherited', [cls], null, null, true);
  } else if (!(cls instanceof RClass)) return it.err('TypeError', `${path.name} is not a ${n.k}`);
  else if (n.sup && cls.superclass !== sup) return it.err('TypeError', `superclass mismatch for class ${path.name}`);
  const label = `<${n.k}:${path.name}>`;
  it.stack.push({ label, file: ctx.file, line: n.line });
  try {
    return it.body(n.body, { ...ctx, self: cls, def: cls, env: mkEnv(), lex: [cls, ...ctx.lex], base: label, depth: 0, method: null });
  } finally { it.stack.pop(); }
}

export function defined(it: Interp, e: Node, ctx: Ctx): V {
  switch (e.k) {
    case 'lvar': return 'local-variable';
    case 'ivar': return it.ivars(ctx.self).has(e.name) ? 'instance-variable' : null;
    case 'gvar': return it.globals.has(e.name) ? 'global-variable' : null;
    case 'const': try { it.constGet(e, ctx); return 'constant'; } catch { return null; }
    case 'call': if (!e.recv) return classOf(ctx.self).find(e.name) || it.nativeFor(ctx.self, e.name) ? 'method' : null; try { const r = it.eval(e.recv, ctx); return classOf(r).find(e.name) || it.nativeFor(r, e.name) ? 'method' : null; } catch { return null; }
    case 'yield': return ctx.block ? 'yield' : null;
    case 'nil': case 'true': case 'false': case 'self': return e.k === 'nil' ? 'expression' : e.k;
    default: return 'expression';
  }
}

/** Bind arguments to parameters (methods and lambdas strictly, blocks loosely). */
export function bind(it: Interp, p: Params, args: V[], kw: RHash | null, env: Env, strict: boolean, name: string, blk: RProc | null) {
  const hasKw = p.kw.length > 0 || !!p.kwrest;
  if (!hasKw && kw) { args = [...args, kw]; kw = null; }
  if (hasKw && !kw && args.length > p.req.length && args[args.length - 1] instanceof RHash && !strict) kw = args.pop();
  const nreq = p.req.length + p.post.length;
  if (!strict && args.length === 1 && Array.isArray(args[0]) && (nreq + p.opt.length > 1 || (p.rest && nreq > 0) )) args = args[0];
  if (strict && (args.length < nreq || (!p.rest && args.length > nreq + p.opt.length))) {
    const exp = p.rest ? `${nreq}+` : p.opt.length ? `${nreq}..${nreq + p.opt.length}` : `${nreq}`;
    it.err('ArgumentError', `wrong number of arguments (given ${args.length}, expected ${exp}${hasKw && p.kw.some(([, d]) => d === null) ? `; required keyword${p.kw.filter(([, d]) => d === null).length > 1 ? 's' : ''}: ${p.kw.filter(([, d]) => d === null).map(([k]) => k).join(', ')}` : ''})`);
  }
  let i = 0;
  const setName = (n: string | string[], v: V) => { if (Array.isArray(n)) { const a = Array.isArray(v) ? v : [v]; n.forEach((x, j) => env.vars.set(x, a[j] ?? null)); } else env.vars.set(n, v); };
  for (const r of p.req) setName(r, i < args.length ? args[i++] : null);
  const optAvail = Math.max(0, args.length - nreq);
  p.opt.forEach(([n, def], j) => { env.vars.set(n, j < optAvail && i < args.length - p.post.length ? args[i++] : it.eval(def, bindCtx(it, env))); });
  if (p.rest) { const take = Math.max(0, args.length - i - p.post.length); env.vars.set(p.rest, args.slice(i, i + take)); i += take; }
  for (const r of p.post) env.vars.set(r, i < args.length ? args[i++] : null);
  if (hasKw) {
    const given = kw ?? new RHash();
    const missing = p.kw.filter(([k, d]) => d === null && !given.has(sym(k))).map(([k]) => ':' + k);
    if (missing.length) it.err('ArgumentError', `missing keyword${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    const known = new Set(p.kw.map(([k]) => k));
    const extra = given.entries().filter(([k]) => !(k && known.has(k.name)));
    if (extra.length && !p.kwrest) it.err('ArgumentError', `unknown keyword${extra.length > 1 ? 's' : ''}: ${extra.map(([k]) => inspect(k)).join(', ')}`);
    for (const [k, d] of p.kw) env.vars.set(k, given.has(sym(k)) ? given.get(sym(k)) : d ? it.eval(d, bindCtx(it, env)) : null);
    if (p.kwrest) env.vars.set(p.kwrest, hashOf(extra));
  }
  if (p.block) env.vars.set(p.block, blk);
  void name;
}

export function bindCtx(it: Interp, env: Env): Ctx { return { ...it.topCtx(it.stack[it.stack.length - 1]?.file ?? '-e'), env }; }

/** `super` without arguments passes the method's parameters as they are now. */
export function zsuperArgs(it: Interp, m: RMethod, ctx: Ctx): { args: V[]; kw: RHash | null } {
  const p = m.params;
  const get = (n: string) => lookupVar(ctx.env, n)?.vars.get(n) ?? null;
  const args = [...p.req.map((n) => (Array.isArray(n) ? n.map(get) : get(n))), ...p.opt.map(([n]) => get(n)), ...(p.rest && p.rest !== '*' ? (get(p.rest) as V[]) : []), ...p.post.map(get)];
  const kw = p.kw.length ? hashOf(p.kw.map(([k]) => [sym(k), get(k)])) : null;
  return { args, kw };
}

export function superCall(it: Interp, n: Node, ctx: Ctx): V {
  const m = ctx.method;
  if (!m) return it.err('RuntimeError', 'super called outside of method');
  const self = ctx.self;
  const chain = self instanceof RClass ? (() => { const out: RClass[] = []; for (let k: RClass | null = self; k; k = k.superclass) if (k.meta) out.push(k.meta); return out; })() : classOf(self).ancestors();
  const at = chain.indexOf(m.owner);
  const { args, kw } = n.k === 'zsuper' ? zsuperArgs(it, m, ctx) : it.args(n.args, ctx);
  const blk = n.block ? new RProc(n.block.params, n.block.body, ctx.env, ctx.self, false, ctx) : ctx.block;
  for (const k of chain.slice(at + 1)) { const sm = k.methods.get(m.name); if (sm) return it.invoke(sm, self, args, blk, kw); }
  const nat = it.natives[`super:${m.name}`]?.[classOf(self).isA(C.Exception) ? 'Exception' : 'Object'];
  if (nat) return nat(it, self, args, blk, kw);
  return it.err('NoMethodError', `super: no superclass method \`${m.name}' for ${it.recvName(self)}`);
}

/** The interpreter with its statements in place (what a run constructs). */
export class RubyInterp extends Interp {
  begin(n: Node, ctx: Ctx) { return begin(this, n, ctx); }
  caseWhen(n: Node, ctx: Ctx) { return caseWhen(this, n, ctx); }
  classDef(n: Node, ctx: Ctx) { return classDef(this, n, ctx); }
  def(n: Node, ctx: Ctx) { return def(this, n, ctx); }
  defined(e: Node, ctx: Ctx) { return defined(this, e, ctx); }
  loop(n: Node, ctx: Ctx) { return loop(this, n, ctx); }
  opAssign(n: Node, ctx: Ctx) { return opAssign(this, n, ctx); }
  superCall(n: Node, ctx: Ctx) { return superCall(this, n, ctx); }
  bind(p: Params, args: V[], kw: RHash | null, env: Env, strict: boolean, name: string, blk: RProc | null) { bind(this, p, args, kw, env, strict, name, blk); }
}
