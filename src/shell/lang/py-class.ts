// Classes for the Python interpreter: a class statement, instances made by calling a class (with __init__), bound
// methods, attribute lookup through the bases (left to right, depth first), super(), isinstance, and a class's
// __str__/__repr__ for print() and the prompt. A class deriving from an exception type is an exception type.
import { dictOf, dunders, ExcType, PyClass, PyFunc, PyInstance, raise, Scope, type Py } from './py-run';
import type { Node } from './py-parse';

/** What classes need of the interpreter (py-eval.ts's Interp). */
export interface ClassHost {
  eval(e: Node, sc: Scope): Py;
  call(f: Py, args: Py[], kw: Record<string, Py>): Py;
  execBlock(body: Node[], scope: Scope, file: string, fn: string): void;
}

/** A method looked up on an instance: calling it passes the instance as `self`. */
export class BoundMethod {
  constructor(
    readonly self: PyInstance,
    readonly fn: PyFunc,
    readonly owner: PyClass,
  ) {}
}

/** super(): the instance, seen from the class after `after` in its order. */
export class Super {
  constructor(
    readonly self: PyInstance,
    readonly after: PyClass,
  ) {}
}

/** The class each method was defined in (super() needs it). */
const ownerOf = new WeakMap<PyFunc, PyClass>();
/** The methods running now, innermost last: super() takes the class and instance of the innermost. */
const running: { cls: PyClass; self: PyInstance }[] = [];

/** Each class's lookup order, worked out once (a class's bases never change). */
const orders = new WeakMap<PyClass, PyClass[]>();

/** The class and its bases in lookup order (depth first, left to right, each once). */
export function order(c: PyClass): PyClass[] {
  const known = orders.get(c);
  if (known) return known;
  const out: PyClass[] = [];
  const visit = (k: PyClass) => {
    if (out.includes(k)) return;
    out.push(k);
    k.bases.forEach(visit);
  };
  visit(c);
  orders.set(c, out);
  return out;
}

const lookup = (c: PyClass, name: string, after?: PyClass): [Py, PyClass] | undefined => {
  const all = order(c);
  for (const k of after ? all.slice(all.indexOf(after) + 1) : all) if (k.attrs.has(name)) return [k.attrs.get(name), k];
  return undefined;
};

export const isSubclass = (c: PyClass, of: PyClass) => order(c).includes(of);

/** `class Name(bases): body`. */
export function defineClass(it: ClassHost, st: Node, sc: Scope, file: string): void {
  const bases: Py[] = (st.bases ?? []).map((b: Node) => it.eval(b, sc));
  const exc = bases.find((b) => b instanceof ExcType);
  if (exc) return sc.set(st.name, new ExcType(st.name, exc));
  for (const b of bases) if (!(b instanceof PyClass) && !(b && b.name === 'object')) raise('TypeError', `metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases`);
  const body = new Scope(sc);
  it.execBlock(st.body, body, file, st.name);
  const cls = new PyClass(st.name, bases.filter((b) => b instanceof PyClass), new Map());
  for (const [k, v] of body.vars) {
    // a method sees the module's names, not the class body's (as in Python)
    const f = v instanceof PyFunc && v.scope === body ? new PyFunc(v.name, v.params, v.body, sc, v.file, v.lambda) : v;
    if (f instanceof PyFunc) ownerOf.set(f, cls);
    cls.attrs.set(k, f);
  }
  sc.set(st.name, cls);
}

function runMethod(it: ClassHost, m: BoundMethod, args: Py[], kw: Record<string, Py>): Py {
  running.push({ cls: m.owner, self: m.self });
  try {
    return it.call(m.fn, [m.self, ...args], kw);
  } finally {
    running.pop();
  }
}

/** Calling a class makes an instance (running __init__); calling a bound method passes its instance. */
export function callClassy(it: ClassHost, f: PyClass | BoundMethod, args: Py[], kw: Record<string, Py>): Py {
  if (f instanceof BoundMethod) return runMethod(it, f, args, kw);
  const o = new PyInstance(f);
  const init = lookup(f, '__init__');
  if (init && init[0] instanceof PyFunc) {
    if (runMethod(it, new BoundMethod(o, init[0], init[1]), args, kw) !== null) raise('TypeError', "__init__() should return None, not 'int'");
  } else if (args.length || Object.keys(kw).length) raise('TypeError', `${f.name}() takes no arguments`);
  return o;
}

/** `o.name` for an instance, a class or super(). */
export function classAttr(o: PyInstance | PyClass | Super, name: string): Py {
  if (o instanceof Super) {
    const found = lookup(o.self.cls, name, o.after);
    if (!found) return raise('AttributeError', `'super' object has no attribute '${name}'`);
    return found[0] instanceof PyFunc ? new BoundMethod(o.self, found[0], found[1]) : found[0];
  }
  if (o instanceof PyClass) {
    if (name === '__name__') return o.name;
    const found = lookup(o, name);
    return found ? found[0] : raise('AttributeError', `type object '${o.name}' has no attribute '${name}'`);
  }
  if (o.attrs.has(name)) return o.attrs.get(name);
  if (name === '__class__') return o.cls;
  if (name === '__dict__') return dictOf([...o.attrs]);
  const found = lookup(o.cls, name);
  if (!found) return raise('AttributeError', `'${o.cls.name}' object has no attribute '${name}'`);
  return found[0] instanceof PyFunc ? new BoundMethod(o, found[0], found[1]) : found[0];
}

/** super() inside a method: the method's class and instance. */
export function superOf(): Super {
  const top = running[running.length - 1];
  return top ? new Super(top.self, top.cls) : raise('RuntimeError', 'super(): no arguments');
}

/** Let str()/repr() of an instance call its class's __str__/__repr__ (__str__ falls back to __repr__). */
export function installDunders(it: ClassHost): void {
  dunders.show = (o, name) => {
    const found = lookup(o.cls, name) ?? (name === '__str__' ? lookup(o.cls, '__repr__') : undefined);
    if (!found || !(found[0] instanceof PyFunc)) return undefined;
    const v = runMethod(it, new BoundMethod(o, found[0], found[1]), [], {});
    return typeof v === 'string' ? v : raise('TypeError', `${name} returned non-string (type ${v === null ? 'NoneType' : typeof v})`);
  };
}
