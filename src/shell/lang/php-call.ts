// The PHP subset's calls: arguments (by-reference ones share the caller's variable), callables (closures, names,
// [object, 'method']), functions, methods with their visibility, static calls with late static binding, closures'
// captured variables, and include/require.
import { findMethod, isA, Ref, store, varRef, type Fn, type N, type Scope, type UserFn } from './php-core';
import type { Interp } from './php-interp';
import { PArr, PObj, typeName, type Val } from './php-value';

/** Evaluate call arguments; by-reference parameters get the caller's variable itself. */
export function evalArgs(it: Interp, nodes: N[], sc: Scope, byRef: (i: number) => boolean): { vals: Val[]; refs: (Ref | undefined)[]; named: Map<string, Val>; after: (() => void)[] } {
  const vals: Val[] = [], refs: (Ref | undefined)[] = [], after: (() => void)[] = [];
  const named = new Map<string, Val>();
  for (const a of nodes) {
    if (a.k === 'spread') { const v = it.eval(a.e, sc); if (v instanceof PArr) for (const x of v.values()) { vals.push(x); refs.push(undefined); } continue; }
    if (a.k === 'named') { named.set(a.name, it.eval(a.e, sc)); continue; }
    const i = vals.length;
    if (byRef(i) && (a.k === 'var' || a.k === 'index' || a.k === 'prop' || a.k === 'sprop')) {
      if (a.k === 'var') { const r = varRef(it.globals, a.name, sc, true)!; vals.push(r.v); refs.push(r); continue; }
      const lv = it.ops.lval(it, a, sc);
      const r = new Ref(lv.get() ?? null);
      vals.push(r.v); refs.push(r); after.push(() => lv.set(r.v));
      continue;
    }
    vals.push(it.eval(a, sc));
    refs.push(undefined);
  }
  return { vals, refs, named, after };
}

/** What a callable value calls: a closure, a function name, [object, 'method'], ['Class', 'method'] or 'Class::method'. */
export function callable(it: Interp, v: Val, sc: Scope): { fn: Fn; self: PObj | null; cls: PObj['cls'] | null; label: string } | null {
  if (v instanceof PObj && v.fn) return { fn: v.fn as Fn, self: null, cls: null, label: '{closure}' };
  if (v instanceof PObj) { const m = findMethod(v.cls, '__invoke'); return m ? { fn: m.fn as Fn, self: v, cls: v.cls, label: `${v.cls.name}->__invoke` } : null; }
  if (typeof v === 'string') {
    if (v.includes('::')) { const [c, m] = v.split('::'); return callable(it, PArr.of([c, m]), sc); }
    const f = it.functions.get(v.toLowerCase().replace(/^\\/, ''));
    if (f) return { fn: f, self: null, cls: null, label: v };
    const lib = it.lib.fns[v.toLowerCase()];
    return lib ? { fn: { kind: 'native', name: v, call: (args, _s, refs) => lib(it, args, refs) }, self: null, cls: null, label: v } : null;
  }
  if (v instanceof PArr && v.size === 2) {
    const [o, m] = v.values();
    const cls = o instanceof PObj ? o.cls : it.cls(String(o), sc);
    const meth = findMethod(cls, String(m));
    return meth ? { fn: meth.fn as Fn, self: o instanceof PObj ? o : null, cls, label: `${cls.name}${o instanceof PObj ? '->' : '::'}${meth.name}` } : null;
  }
  return null;
}

export function callValue(it: Interp, v: Val, args: Val[], sc: Scope = it.globals): Val {
  const c = callable(it, v, sc);
  if (!c) it.raise('Error', typeof v === 'string' ? `Call to undefined function ${v}()` : 'Value not callable');
  return it.callFn(c.fn, args, [], c.self, c.cls, c.label);
}

export function callNamed(it: Interp, n: N, sc: Scope): Val {
  const name = (n.name as string).replace(/^.*\\/, '');
  const key = name.toLowerCase();
  const user = it.functions.get(key);
  if (user && user.kind === 'user') {
    const a = evalArgs(it, n.args, sc, (i) => !!user.def.params[i]?.byRef || !!user.def.params.find((p, j) => j <= i && p.variadic && p.byRef));
    it.line = n.line;
    const r = it.callFn(user, a.vals, a.refs, null, null, name, a.named);
    a.after.forEach((f) => f());
    return r;
  }
  const lib = it.lib.fns[key];
  if (!lib) it.raise('Error', `Call to undefined function ${name}()`);
  const refIdx = it.lib.refs[key] ?? [];
  const a = evalArgs(it, n.args, sc, (i) => refIdx.includes(i) || (refIdx.includes(-1) && i > 0));
  it.line = n.line;
  if (key === 'compact' || key === 'extract' || key === 'get_defined_vars' || key === 'func_get_args') return scopeFn(it, key, a.vals, sc);
  const r = lib(it, a.vals, a.refs);
  a.after.forEach((f) => f());
  return r;
}

function scopeFn(it: Interp, key: string, args: Val[], sc: Scope): Val {
  if (key === 'func_get_args') return PArr.of(sc.args ?? []);
  if (key === 'get_defined_vars') return PArr.from([...sc.vars].map(([k, r]) => [k, store(r.v)]));
  if (key === 'extract') { const a = args[0]; if (a instanceof PArr) for (const [k, v] of a.m) sc.vars.set(String(k), new Ref(store(v))); return a instanceof PArr ? a.size : 0; }
  const out = new PArr();
  const add = (v: Val) => { if (v instanceof PArr) v.values().forEach(add); else { const name = it.str(v); const r = sc.vars.get(name); if (r) out.set(name, store(r.v)); else it.warn(`compact(): Undefined variable $${name}`); } };
  args.forEach(add);
  return out;
}

export function method(it: Interp, n: N, sc: Scope): Val {
  const o = it.eval(n.obj, sc);
  const name = it.str(n.name.k === 'lit' ? n.name.v : it.eval(n.name, sc));
  if (o === null && n.nullsafe) return null;
  if (!(o instanceof PObj)) it.raise('Error', `Call to a member function ${name}() on ${typeName(o)}`);
  if (o.fn && ['call', '__invoke', 'bindto'].includes(name.toLowerCase())) {
    const a = evalArgs(it, n.args, sc, () => false);
    return it.callFn(o.fn as Fn, name.toLowerCase() === 'call' ? a.vals.slice(1) : a.vals, [], null, null, '{closure}');
  }
  const m = findMethod(o.cls, name);
  if (!m) {
    const magic = findMethod(o.cls, '__call');
    if (magic) return it.callFn(magic.fn as Fn, [name, PArr.of(evalArgs(it, n.args, sc, () => false).vals)], [], o, o.cls, `${o.cls.name}->__call`);
    it.raise('Error', `Call to undefined method ${o.cls.name}::${name}()`);
  }
  if (m.visibility !== 'public' && !(sc.cls && (m.visibility === 'private' ? sc.cls === m.cls : isA(sc.cls, m.cls.name) || isA(m.cls, sc.cls.name)))) it.raise('Error', `Call to ${m.visibility} method ${o.cls.name}::${m.name}() from ${sc.cls ? `scope ${sc.cls.name}` : 'global scope'}`);
  const fn = m.fn as Fn;
  const a = evalArgs(it, n.args, sc, (i) => fn.kind === 'user' && !!fn.def.params[i]?.byRef);
  it.line = n.line;
  const r = it.callFn(fn, a.vals, a.refs, m.static ? null : o, o.cls, `${m.cls.name}${m.static ? '::' : '->'}${m.name}`, a.named);
  a.after.forEach((f) => f());
  return r;
}

export function staticCall(it: Interp, n: N, sc: Scope): Val {
  const target = n.cls.k === 'name' ? n.cls.v : it.eval(n.cls, sc);
  const clsName = target instanceof PObj ? target.cls.name : it.str(target);
  const cls = target instanceof PObj ? target.cls : it.cls(clsName, sc);
  const m = findMethod(cls, n.name);
  if (!m) it.raise('Error', `Call to undefined method ${cls.name}::${n.name}()`);
  const fn = m.fn as Fn;
  const a = evalArgs(it, n.args, sc, (i) => fn.kind === 'user' && !!fn.def.params[i]?.byRef);
  const self = !m.static && sc.thisObj && isA(sc.thisObj.cls, cls.name) ? sc.thisObj : null;
  if (!m.static && !self) it.raise('Error', `Non-static method ${cls.name}::${m.name}() cannot be called statically`);
  const lsb = ['parent', 'self'].includes(clsName.toLowerCase()) ? (sc.staticCls ?? cls) : cls;
  it.line = n.line;
  const r = it.callFn(fn, a.vals, a.refs, self, lsb, `${m.cls.name}${self ? '->' : '::'}${m.name}`, a.named);
  a.after.forEach((f) => f());
  return r;
}

export function closure(it: Interp, n: N, sc: Scope): Val {
  const captured = new Map<string, Ref>();
  if (n.fn.arrow) for (const [k, r] of sc.vars) captured.set(k, new Ref(store(r.v)));
  for (const u of n.fn.uses) {
    if (u.byRef) captured.set(u.name, varRef(it.globals, u.name, sc, true)!);
    else { const r = sc.vars.get(u.name); if (!r) it.warn(`Undefined variable $${u.name}`); captured.set(u.name, new Ref(store(r?.v ?? null))); }
  }
  const o = new PObj(it.cls('Closure'));
  o.fn = { kind: 'user', def: n.fn, file: it.file, cls: null, captured, bound: n.fn.isStatic ? null : sc.thisObj, scopeCls: sc.cls } satisfies UserFn;
  return o;
}

export function include(it: Interp, n: N, sc: Scope): Val {
  const name = it.str(it.eval(n.e, sc));
  const dir = it.file.includes('/') ? it.file.slice(0, it.file.lastIndexOf('/')) || '/' : it.host.cwd;
  const candidates = name.startsWith('/') ? [name] : [`${it.host.cwd}/${name}`, `${dir}/${name}`];
  const path = candidates.map((p) => p.replace(/\/\.\//g, '/').replace(/\/+/g, '/')).find((p) => it.host.files.get(p).kind === 'file');
  if (!path) {
    it.line = n.line;
    it.warn(`${n.kind}(${name}): Failed to open stream: No such file or directory`);
    if (n.kind.startsWith('require')) it.raise('Error', `Failed opening required '${name}' (include_path='.:/usr/local/lib/php')`);
    it.warn(`${n.kind}(): Failed opening '${name}' for inclusion (include_path='.:/usr/local/lib/php')`);
    return false;
  }
  if (n.kind.endsWith('_once') && it.included.has(path)) return true;
  it.included.add(path);
  const src = it.host.files.read(path) ?? '';
  return it.runFile(src, path, sc);
}

