// The PHP subset's expressions: variables and their warnings, array and property access, assignments (arrays are
// values: stored copies), arithmetic with PHP 8's TypeErrors, comparisons, match; calls are php-call.ts's.
import { ExitNow, findMethod, isA, store, Thrown, varRef, type Fn, type N, type Scope, type UserFn } from './php-core';
import { callable, callNamed, closure, evalArgs, include, method, staticCall } from './php-call';
import type { ExprOps, Interp, LVal } from './php-interp';
import { compare, fl, looseEq, PArr, PFloat, PObj, strictEq, toFloat, toInt, toNumber, truthy, typeName, type Val } from './php-value';

/** __DIR__, __FILE__, __LINE__ and the names of the current function, class and method. */
const MAGIC: Record<string, (it: Interp, n: N, sc: Scope) => Val> = {
  __DIR__: (it) => (it.file.includes('/') ? it.file.slice(0, it.file.lastIndexOf('/')) || '/' : it.host.cwd),
  __FILE__: (it) => (it.file.startsWith('/') ? it.file : ''),
  __LINE__: (_it, n) => n.line,
  __FUNCTION__: (_it, _n, sc) => (sc.fn === '{main}' ? '' : sc.fn.replace(/^.*(->|::)/, '')),
  __CLASS__: (_it, _n, sc) => sc.cls?.name ?? '',
  __METHOD__: (_it, _n, sc) => (sc.fn === '{main}' ? '' : sc.fn.replace('->', '::')),
  __NAMESPACE__: () => '',
};

/** Where an assignment writes: a variable, an array element (arrays spring into being), a property, a static. */
export function lval(it: Interp, n: N, sc: Scope): LVal {
  switch (n.k) {
    case 'var': {
      if (n.name === 'this') it.raise('Error', 'Cannot re-assign $this');
      return { get: () => varRef(it.globals, n.name, sc, false)?.v, set: (v) => (varRef(it.globals, n.name, sc, true)!.v = v) };
    }
    case 'varvar': {
      const name = it.str(it.eval(n.e.k === 'var' ? n.e : n.e, sc));
      return { get: () => varRef(it.globals, name, sc, false)?.v, set: (v) => (varRef(it.globals, name, sc, true)!.v = v) };
    }
    case 'index': {
      const base = lval(it, n.e, sc);
      const container = (): PArr => {
        const cur = base.get();
        if (cur instanceof PArr) return cur;
        if (cur === undefined || cur === null) { const a = new PArr(); base.set(a); return a; }
        if (cur === false) { it.warn('Automatic conversion of false to array is deprecated', 'Deprecated'); const a = new PArr(); base.set(a); return a; }
        if (typeof cur === 'string') it.raise('Error', '[] operator not supported for strings');
        return it.raise('Error', 'Cannot use a scalar value as an array');
      };
      return {
        get: () => { const c = base.get(); return c instanceof PArr && n.idx ? c.get(keyFor(it, it.eval(n.idx, sc))) : undefined; },
        set: (v) => { const c = container(); if (n.idx) c.set(keyFor(it, it.eval(n.idx, sc)), v); else c.push(v); },
      };
    }
    case 'prop': {
      const o = it.eval(n.obj, sc);
      const name = it.str(n.name.k === 'lit' ? n.name.v : it.eval(n.name, sc));
      if (!(o instanceof PObj)) it.raise('Error', `Attempt to assign property "${name}" on ${typeName(o)}`);
      checkVisible(it, o, name, sc);
      return { get: () => o.props.get(name), set: (v) => void o.props.set(name, v) };
    }
    case 'sprop': {
      const c = it.cls(n.cls.k === 'name' ? n.cls.v : it.str(it.eval(n.cls, sc)), sc);
      let owner = c;
      while (owner.parent && !owner.statics.has(n.name)) owner = owner.parent;
      return { get: () => owner.statics.get(n.name), set: (v) => void owner.statics.set(n.name, v) };
    }
  }
  it.raise('Error', 'Cannot assign to this expression');
}

function checkVisible(it: Interp, o: PObj, name: string, sc: Scope) {
  for (let c: typeof o.cls | undefined = o.cls; c; c = c.parent) {
    const p = c.props.find((x) => x.name === name && !x.static);
    if (!p) continue;
    if (p.visibility === 'public') return;
    const ok = sc.cls && (p.visibility === 'private' ? sc.cls === c : isA(sc.cls, c.name) || isA(c, sc.cls.name));
    if (!ok) it.raise('Error', `Cannot access ${p.visibility} property ${o.cls.name}::$${name}`);
    return;
  }
}

/** A value read without warnings (isset, empty, ??): undefined when it is not set. */
export function quiet(it: Interp, n: N, sc: Scope): Val | undefined {
  switch (n.k) {
    case 'var': return n.name === 'this' ? (sc.thisObj ?? undefined) : varRef(it.globals, n.name, sc, false)?.v;
    case 'index': {
      const b = quiet(it, n.e, sc);
      if (!n.idx) return undefined;
      if (b instanceof PArr) return b.get(keyFor(it, it.eval(n.idx, sc)));
      if (typeof b === 'string') { const i = toInt(it.eval(n.idx, sc)); const j = i < 0 ? b.length + i : i; return j >= 0 && j < b.length ? b[j] : undefined; }
      return undefined;
    }
    case 'prop': {
      const o = quiet(it, n.obj, sc);
      return o instanceof PObj ? o.props.get(it.str(n.name.k === 'lit' ? n.name.v : it.eval(n.name, sc))) : undefined;
    }
    case 'sprop': return lval(it, n, sc).get();
  }
  return it.eval(n, sc);
}

function arith(it: Interp, op: string, a: Val, b: Val): Val {
  if (op === '+' && a instanceof PArr && b instanceof PArr) { const r = a.copy(); for (const [k, v] of b.m) if (!r.m.has(k)) r.set(k, store(v)); return r; }
  const warn = (m: string) => it.warn(m);
  const x = toNumber(a, warn), y = toNumber(b, warn);
  if (x === 'bad' || y === 'bad') it.raise('TypeError', `Unsupported operand types: ${typeName(a)} ${op} ${typeName(b)}`);
  const isF = x instanceof PFloat || y instanceof PFloat;
  const xv = x instanceof PFloat ? x.v : x, yv = y instanceof PFloat ? y.v : y;
  const int = (r: number) => (isF || !Number.isSafeInteger(r) ? fl(r) : r);
  switch (op) {
    case '+': return int(xv + yv);
    case '-': return int(xv - yv);
    case '*': return int(xv * yv);
    case '/':
      if (yv === 0) it.raise('DivisionByZeroError', 'Division by zero');
      return !isF && xv % yv === 0 ? xv / yv : fl(xv / yv);
    case '%': {
      const [p, q] = [Math.trunc(xv), Math.trunc(yv)];
      if (q === 0) it.raise('DivisionByZeroError', 'Modulo by zero');
      return p % q;
    }
    case '**': return !isF && yv >= 0 && Number.isSafeInteger(xv ** yv) ? xv ** yv : fl(xv ** yv);
    case '<<': return toInt(a) << toInt(b);
    case '>>': return toInt(a) >> toInt(b);
    case '&': return toInt(a) & toInt(b);
    case '|': return toInt(a) | toInt(b);
    case '^': return toInt(a) ^ toInt(b);
  }
  throw new Error(op);
}

export function binop(it: Interp, op: string, a: Val, b: Val): Val {
  switch (op) {
    case '.': return it.str(a) + it.str(b);
    case '==': return looseEq(a, b);
    case '!=': case '<>': return !looseEq(a, b);
    case '===': return strictEq(a, b);
    case '!==': return !strictEq(a, b);
    case '<': return compare(a, b) < 0;
    case '<=': return compare(a, b) <= 0;
    case '>': return compare(a, b) > 0;
    case '>=': return compare(a, b) >= 0;
    case '<=>': return compare(a, b);
    case 'xor': return truthy(a) !== truthy(b);
  }
  return arith(it, op, a, b);
}

function assign(it: Interp, n: N, sc: Scope): Val {
  if (n.target.k === 'list') {
    const v = it.eval(n.value, sc);
    destructure(it, n.target, v, sc);
    return v;
  }
  const lv = lval(it, n.target, sc);
  if (n.op === '=') { const v = store(it.eval(n.value, sc)); lv.set(v); return v; }
  if (n.op === '??=') { const cur = quiet(it, n.target, sc); if (cur !== undefined && cur !== null) return cur; const v = store(it.eval(n.value, sc)); lval(it, n.target, sc).set(v); return v; }
  const cur = lv.get();
  if (cur === undefined) { if (n.target.k === 'var') it.warn(`Undefined variable $${n.target.name}`); else if (n.target.k === 'index' && n.target.idx) it.warn(undefinedKey(it.eval(n.target.idx, sc))); }
  const v = binop(it, n.op.slice(0, -1), cur ?? null, it.eval(n.value, sc));
  lv.set(v);
  return v;
}

const undefinedKey = (k: Val) => (typeof k === 'number' || (typeof k === 'string' && /^(0|-?[1-9]\d*)$/.test(k)) ? `Undefined array key ${k}` : `Undefined array key "${typeof k === 'string' ? k : String(k)}"`);

function destructure(it: Interp, target: N, v: Val, sc: Scope) {
  let i = 0;
  for (const item of target.items) {
    if (item.k === 'skip') { i++; continue; }
    const key = item.key ? keyFor(it, it.eval(item.key, sc)) : i++;
    const x = v instanceof PArr ? v.get(key) : null;
    if (x === undefined && v instanceof PArr) it.warn(undefinedKey(key));
    if (item.value.k === 'array' || item.value.k === 'list') destructure(it, item.value, x ?? null, sc);
    else lval(it, item.value, sc).set(store(x ?? null));
  }
}

export function evalExpr(it: Interp, n: N, sc: Scope): Val {
  switch (n.k) {
    case 'lit': return n.v;
    case 'float': return fl(n.v);
    case 'interp': return n.parts.map((p: string | N) => (typeof p === 'string' ? p : it.str(it.eval(p, sc)))).join('');
    case 'var': {
      if (n.name === 'this') { if (!sc.thisObj) it.raise('Error', 'Using $this when not in object context'); return sc.thisObj; }
      const r = varRef(it.globals, n.name, sc, false);
      if (!r) { it.line = n.line; it.warn(`Undefined variable $${n.name}`); return null; }
      return r.v;
    }
    case 'varvar': { const name = it.str(it.eval(n.e, sc)); const r = varRef(it.globals, name, sc, false); if (!r) it.warn(`Undefined variable $${name}`); return r?.v ?? null; }
    case 'array': {
      const a = new PArr();
      for (const item of n.items) {
        if (item.k === 'skip') continue;
        const v = it.eval(item.value, sc);
        if (item.spread) { if (v instanceof PArr) for (const [k, x] of v.m) typeof k === 'number' ? a.push(store(x)) : a.set(k, store(x)); continue; }
        if (item.key) a.set(keyFor(it, it.eval(item.key, sc)), store(v)); else a.push(store(v));
      }
      return a;
    }
    case 'index': {
      if (!n.idx) it.raise('Error', 'Cannot use [] for reading');
      const b = it.eval(n.e, sc);
      const k = it.eval(n.idx, sc);
      it.line = n.line;
      if (b instanceof PArr) { const v = b.get(keyFor(it, k)); if (v === undefined) { it.warn(undefinedKey(keyFor(it, k))); return null; } return v; }
      if (typeof b === 'string') { const i = toInt(k); const j = i < 0 ? b.length + i : i; if (j < 0 || j >= b.length) { it.warn(`Uninitialized string offset ${i}`); return ''; } return b[j]; }
      if (b instanceof PObj) it.raise('Error', `Cannot use object of type ${b.cls.name} as array`);
      it.warn(`Trying to access array offset on ${typeName(b)}`);
      return null;
    }
    case 'prop': {
      const o = it.eval(n.obj, sc);
      const name = it.str(n.name.k === 'lit' ? n.name.v : it.eval(n.name, sc));
      if (o === null && n.nullsafe) return null;
      if (!(o instanceof PObj)) { it.warn(`Attempt to read property "${name}" on ${typeName(o)}`); return null; }
      checkVisible(it, o, name, sc);
      const v = o.props.get(name);
      if (v === undefined) {
        const g = findMethod(o.cls, '__get');
        if (g) return it.callFn(g.fn as Fn, [name], [], o, o.cls, `${o.cls.name}->__get`);
        it.warn(`Undefined property: ${o.cls.name}::$${name}`);
        return null;
      }
      return v;
    }
    case 'sprop': { const v = lval(it, n, sc).get(); if (v === undefined) it.raise('Error', `Access to undeclared static property ${it.cls(n.cls.v ?? '', sc).name}::$${n.name}`); return v; }
    case 'cconst': {
      const c = it.cls(n.cls.k === 'name' ? n.cls.v : it.str(it.eval(n.cls, sc)), sc);
      for (let x: typeof c | undefined = c; x; x = x.parent) if (x.consts.has(n.name)) return x.consts.get(n.name)!;
      return it.raise('Error', `Undefined constant ${c.name}::${n.name}`);
    }
    case 'classname': { if (n.cls.k === 'name') return it.cls(n.cls.v, sc).name; const o = it.eval(n.cls, sc); return o instanceof PObj ? o.cls.name : it.raise('TypeError', 'Cannot use "::class" on value of type ' + typeName(o)); }
    case 'const': {
      const name = (n.name as string).replace(/^.*\\/, '');
      const magic = MAGIC[name.toUpperCase()];
      if (magic) return magic(it, n, sc);
      const v = it.constants.get(name) ?? it.constants.get(name.toUpperCase());
      if (v === undefined) it.raise('Error', `Undefined constant "${name}"`);
      return v;
    }
    case 'call': return callNamed(it, n, sc);
    case 'callv': {
      const f = it.eval(n.fn, sc);
      const c = callable(it, f, sc);
      if (!c) it.raise('Error', typeof f === 'string' ? `Call to undefined function ${f}()` : f instanceof PObj ? `Object of type ${f.cls.name} is not callable` : 'Value not callable');
      const a = evalArgs(it, n.args, sc, (i) => c.fn.kind === 'user' && !!c.fn.def.params[i]?.byRef);
      it.line = n.line;
      const r = it.callFn(c.fn, a.vals, a.refs, c.self, c.cls, c.label, a.named);
      a.after.forEach((x) => x());
      return r;
    }
    case 'mcall': return method(it, n, sc);
    case 'scall': return staticCall(it, n, sc);
    case 'new': {
      const cls = n.cls.k === 'name' ? it.cls(n.cls.v, sc) : (() => { const v = it.eval(n.cls, sc); return v instanceof PObj ? v.cls : it.cls(it.str(v), sc); })();
      const ctor = findMethod(cls, '__construct');
      const a = evalArgs(it, n.args, sc, (i) => ctor?.fn !== undefined && (ctor.fn as Fn).kind === 'user' && !!(ctor.fn as UserFn).def.params[i]?.byRef);
      it.line = n.line;
      return it.instantiate(cls, a.vals, a.refs);
    }
    case 'clone': { const o = it.eval(n.e, sc); if (!(o instanceof PObj)) it.raise('Error', '__clone method called on non-object'); const c = new PObj(o.cls); for (const [k, v] of o.props) c.props.set(k, store(v)); c.fn = o.fn; const m = findMethod(c.cls, '__clone'); if (m) it.callFn(m.fn as Fn, [], [], c, c.cls, `${c.cls.name}->__clone`); return c; }
    case 'assign': return assign(it, n, sc);
    case 'assignref': {
      if (n.target.k !== 'var' || n.value.k !== 'var') { const v = it.eval(n.value, sc); lval(it, n.target, sc).set(v); return v; }
      const r = varRef(it.globals, n.value.name, sc, true)!;
      sc.vars.set(n.target.name, r);
      return r.v;
    }
    case 'incdec': {
      const lv = lval(it, n.e, sc);
      const cur = lv.get();
      if (cur === undefined && n.e.k === 'var') it.warn(`Undefined variable $${n.e.name}`);
      const old = cur ?? null;
      const nv: Val = old === null ? (n.op === '++' ? 1 : null) : typeof old === 'string' && !/^\s*[\d.]/.test(old) && n.op === '++' ? strInc(old) : arith(it, n.op === '++' ? '+' : '-', old, 1);
      lv.set(nv);
      return n.prefix ? nv : old;
    }
    case 'bin': return binop(it, n.op, it.eval(n.a, sc), it.eval(n.b, sc));
    case 'and': return truthy(it.eval(n.a, sc)) && truthy(it.eval(n.b, sc));
    case 'or': return truthy(it.eval(n.a, sc)) || truthy(it.eval(n.b, sc));
    case 'not': return !truthy(it.eval(n.e, sc));
    case 'coalesce': { const v = quiet(it, n.a, sc); return v === undefined || v === null ? it.eval(n.b, sc) : v; }
    case 'ternary': { const c = it.eval(n.cond, sc); return truthy(c) ? (n.then ? it.eval(n.then, sc) : c) : it.eval(n.else, sc); }
    case 'neg': {
      const v = it.eval(n.e, sc);
      if (n.op === '~') return ~toInt(v);
      return n.op === '-' ? arith(it, '*', v, -1) : arith(it, '*', v, 1);
    }
    case 'cast': {
      const v = it.eval(n.e, sc);
      switch (n.to) {
        case 'int': case 'integer': return toInt(v);
        case 'float': case 'double': return fl(toFloat(v));
        case 'string': return it.str(v);
        case 'bool': case 'boolean': return truthy(v);
        case 'array': return v instanceof PArr ? v : v === null ? new PArr() : v instanceof PObj ? PArr.from([...v.props]) : PArr.of([v]);
        case 'object': { if (v instanceof PObj) return v; const o = new PObj(it.cls('stdClass')); if (v instanceof PArr) for (const [k, x] of v.m) o.props.set(String(k), x); else if (v !== null) o.props.set('scalar', v); return o; }
      }
      return v;
    }
    case 'isset': return n.args.every((a: N) => { const v = quiet(it, a, sc); return v !== undefined && v !== null; });
    case 'empty': { const v = quiet(it, n.args[0], sc); return v === undefined || !truthy(v); }
    case 'instanceof': {
      const v = it.eval(n.e, sc);
      if (!(v instanceof PObj)) return false;
      const name = n.cls.k === 'name' ? n.cls.v : (() => { const c = it.eval(n.cls, sc); return c instanceof PObj ? c.cls.name : it.str(c); })();
      const low = name.toLowerCase();
      return isA(v.cls, low === 'self' || low === 'static' || low === 'parent' ? it.cls(name, sc).name : name.replace(/^.*\\/, ''));
    }
    case 'closure': return closure(it, n, sc);
    case 'match': {
      const v = it.eval(n.subject, sc);
      for (const arm of n.arms) if (arm.conds && arm.conds.some((c: N) => strictEq(v, it.eval(c, sc)))) return it.eval(arm.body, sc);
      const def = n.arms.find((a: { conds: N[] | null }) => !a.conds);
      if (def) return it.eval(def.body, sc);
      it.line = n.line;
      return it.raise('UnhandledMatchError', `Unhandled match case ${typeof v === 'string' ? JSON.stringify(v) : v instanceof PArr ? 'of type array' : v instanceof PObj ? `of type ${v.cls.name}` : it.str(v === true ? 'true' : v === false ? 'false' : v === null ? 'NULL' : v)}`);
    }
    case 'print': it.echo(it.str(it.eval(n.e, sc))); return 1;
    case 'throw': {
      const o = it.eval(n.e, sc);
      if (!(o instanceof PObj) || !isA(o.cls, 'Throwable')) it.raise('Error', 'Can only throw objects');
      throw new Thrown(o);
    }
    case 'silence': { it.silence++; try { return it.eval(n.e, sc); } finally { it.silence--; } }
    case 'exit': {
      const v = n.e ? it.eval(n.e, sc) : null;
      if (typeof v === 'string') it.echo(v);
      throw new ExitNow(typeof v === 'number' ? v & 255 : 0);
    }
    case 'include': return include(it, n, sc);
    case 'ref': return it.eval(n.e, sc);
    case 'list': case 'fcc': break;
  }
  return it.raise('Error', `Unsupported expression (${n.k}) in this PHP subset`);
}

function strInc(s: string): string {
  if (!s) return '1';
  const last = s[s.length - 1];
  if (last === 'z') return strInc(s.slice(0, -1) || 'a'.slice(1)) + 'a';
  if (last === 'Z') return strInc(s.slice(0, -1)) + 'A';
  if (last === '9') return strInc(s.slice(0, -1)) + '0';
  return s.slice(0, -1) + String.fromCharCode(last.charCodeAt(0) + 1);
}

export function keyFor(it: Interp, v: Val): string | number {
  if (v instanceof PArr || v instanceof PObj) it.raise('TypeError', `Illegal offset type`);
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return /^(0|-?[1-9]\d*)$/.test(v) ? Number(v) : v;
  if (v.v % 1 !== 0) it.warn(`Deprecated: Implicit conversion from float ${v.v} to int loses precision`.replace('Deprecated: ', ''), 'Deprecated');
  return Math.trunc(v.v);
}

export const EXPR_OPS: ExprOps = { evalExpr, quiet, lval, keyFor };
