// Runs a parsed Python program: statements, expressions, calls and methods of the built-in types; see py-run.ts.
import { binop, Break, Builtin, PyClass, PyInstance, compare, Continue, dictOf, EXC, ExcType, ExitRun, FileObj, format, isNum, iterate, key, Module, num, OutOfSteps, parse, PyDict, PyExc, PyFloat, PyFunc, PySet, raise, repr, Return, Scope, str, truthy, Tuple, typeName, type Py, type PyHost } from './py-run';
import type { Node } from './py-parse';
import { nativeModule } from './py-native';
import { BoundMethod, callClassy, classAttr, defineClass, installDunders, isSubclass, Super, superOf } from './py-class';
import { absPath, bankers, extreme, methods, slice, sortList, STDERR, stdModule } from './py-builtins';

export { STDERR };

const STEPS = 400_000;

export class Interp {
  steps = 0;
  depth = 0;
  modules = new Map<string, Module>();
  /** Files open for writing: written out when closed or when the program ends. */
  open: FileObj[] = [];
  sources = new Map<string, string[]>();
  globals: Scope;
  constructor(readonly host: PyHost) {
    this.globals = new Scope(null);
    for (const [k, v] of Object.entries(this.builtins())) this.globals.vars.set(k, v);
    this.globals = new Scope(this.globals);
    installDunders(this);
  }

  run(src: string, file: string) {
    this.sources.set(file, src.split('\n'));
    const body = parse(src.endsWith('\n') ? src : src + '\n');
    this.globals.vars.set('__name__', '__main__');
    this.execBlock(body, this.globals, file, '<module>');
  }

  execBlock(body: Node[], scope: Scope, file: string, fn: string) {
    for (const st of body) {
      try {
        this.exec(st, scope, file, fn);
      } catch (e) {
        if (e instanceof PyExc && !(e as { _noted?: boolean })._noted) {
          e.frames.unshift({ file, line: st.line, fn });
          (e as { _noted?: boolean })._noted = true;
        }
        throw e;
      }
    }
  }

  tick() {
    if (++this.steps > STEPS) throw new OutOfSteps();
  }

  exec(st: Node, sc: Scope, file: string, fn: string): void {
    this.tick();
    const run = (b: Node[]) => {
      for (const s of b) {
        try { this.exec(s, sc, file, fn); } catch (e) {
          if (e instanceof PyExc && !(e as { _noted?: boolean })._noted) { e.frames.unshift({ file, line: s.line, fn }); (e as { _noted?: boolean })._noted = true; }
          throw e;
        }
      }
    };
    switch (st.k) {
      case 'expr': this.eval(st.value, sc); return;
      case 'assign': { const v = this.eval(st.value, sc); for (const t of st.targets) this.assign(t, v, sc); return; }
      case 'aug': { const cur = this.eval(st.target, sc); const v = Array.isArray(cur) && st.op === '+' ? (cur.push(...iterate(this.eval(st.value, sc))), cur) : binop(st.op, cur, this.eval(st.value, sc)); this.assign(st.target, v, sc); return; }
      case 'pass': return;
      case 'break': throw new Break();
      case 'continue': throw new Continue();
      case 'return': throw new Return(st.value ? this.eval(st.value, sc) : null);
      case 'global': for (const n of st.names) sc.globals.add(n); return;
      case 'if': run(truthy(this.eval(st.test, sc)) ? st.body : st.orelse); return;
      case 'while': {
        while (truthy(this.eval(st.test, sc))) {
          this.tick();
          try { run(st.body); } catch (e) { if (e instanceof Break) return; if (!(e instanceof Continue)) throw e; }
        }
        run(st.orelse);
        return;
      }
      case 'for': {
        for (const v of this.iter(this.eval(st.iter, sc))) {
          this.tick();
          this.assign(st.target, v, sc);
          try { run(st.body); } catch (e) { if (e instanceof Break) return; if (!(e instanceof Continue)) throw e; }
        }
        run(st.orelse);
        return;
      }
      case 'def': {
        let f: Py = new PyFunc(st.name, st.params.map((p: { name: string; def?: Node; star?: number }) => ({ ...p, def: p.def ? this.eval(p.def, sc) : undefined })), st.body, sc, file);
        for (const d of [...(st.decorators ?? [])].reverse()) f = this.call(this.eval(d, sc), [f], {});
        sc.set(st.name, f);
        return;
      }
      case 'class': return defineClass(this, st, sc, file);
      case 'import':
        for (const n of st.names) { const m = this.import(n.name); sc.set(n.as ?? n.name.split('.')[0], n.as ? m : this.import(n.name.split('.')[0])); }
        return;
      case 'from': {
        const m = this.import(st.mod);
        for (const n of st.names) {
          if (n.name === '*') { for (const [k, v] of Object.entries(m.attrs)) if (!k.startsWith('_')) sc.set(k, v); continue; }
          if (!(n.name in m.attrs)) raise('ImportError', `cannot import name '${n.name}' from '${st.mod}' (${m.attrs.__file__ ?? 'unknown location'})`);
          sc.set(n.as ?? n.name, m.attrs[n.name]);
        }
        return;
      }
      case 'raise': {
        if (!st.exc) return raise('RuntimeError', 'No active exception to reraise');
        const v = this.eval(st.exc, sc);
        throw v instanceof ExcType ? new PyExc(v, []) : v instanceof PyExc ? v : raise('TypeError', 'exceptions must derive from BaseException');
      }
      case 'assert': if (!truthy(this.eval(st.test, sc))) throw new PyExc(EXC.AssertionError, st.msg ? [this.eval(st.msg, sc)] : []); return;
      case 'del': { const t = st.targets[0]; if (t.k === 'index') { const c = this.eval(t.v, sc); const i = this.eval(t.index, sc); if (c instanceof PyDict) { if (!c.m.delete(key(i))) raise('KeyError', i); } else if (Array.isArray(c)) c.splice(this.idx(c, i), 1); } else if (t.k === 'name') sc.vars.delete(t.id); return; }
      case 'with': {
        const v = this.eval(st.ctx, sc);
        if (st.as) this.assign(st.as, v, sc);
        try { run(st.body); } finally { if (v instanceof FileObj) this.closeFile(v); }
        return;
      }
      case 'try': {
        try {
          try { run(st.body); } catch (e) {
            if (!(e instanceof PyExc)) throw e;
            const h = st.handlers.find((h: Node) => !h.type || this.matches(e, this.eval(h.type, sc)));
            if (!h) throw e;
            if (h.as) sc.set(h.as, e);
            run(h.body);
            return;
          }
          run(st.orelse);
        } finally { if (st.final.length) run(st.final); }
        return;
      }
    }
    raise('NotImplementedError', `statement ${st.k}`);
  }

  matches(e: PyExc, t: Py): boolean {
    if (t instanceof Tuple) return t.items.some((x) => this.matches(e, x));
    for (let c: ExcType | null = e.type; c; c = c.base) if (c === t) return true;
    return false;
  }

  assign(t: Node, v: Py, sc: Scope) {
    if (t.k === 'name') return sc.set(t.id, v);
    if (t.k === 'tuple' || t.k === 'list') {
      const vals = this.iter(v);
      const star = t.items.findIndex((x: Node) => x.k === 'star');
      if (star < 0 && vals.length !== t.items.length) raise('ValueError', vals.length > t.items.length ? `too many values to unpack (expected ${t.items.length})` : `not enough values to unpack (expected ${t.items.length}, got ${vals.length})`);
      if (star < 0) return t.items.forEach((x: Node, i: number) => this.assign(x, vals[i], sc));
      const after = t.items.length - star - 1;
      t.items.slice(0, star).forEach((x: Node, i: number) => this.assign(x, vals[i], sc));
      this.assign(t.items[star].value, vals.slice(star, vals.length - after), sc);
      t.items.slice(star + 1).forEach((x: Node, i: number) => this.assign(x, vals[vals.length - after + i], sc));
      return;
    }
    if (t.k === 'index') {
      const c = this.eval(t.v, sc);
      const i = this.eval(t.index, sc);
      if (c instanceof PyDict) c.m.set(key(i), [i, v]);
      else if (Array.isArray(c)) c[this.idx(c, i)] = v;
      else raise('TypeError', `'${typeName(c)}' object does not support item assignment`);
      return;
    }
    if (t.k === 'attr') { const o = this.eval(t.v, sc); if (o instanceof Module) { o.attrs[t.name] = v; return; } if (o instanceof PyInstance || o instanceof PyClass) { o.attrs.set(t.name, v); return; } }
    raise('TypeError', 'cannot assign to this target');
  }

  idx(c: Py[] | string, i: Py): number {
    if (typeof i !== 'number' && typeof i !== 'boolean') raise('TypeError', `${typeName(c)} indices must be integers or slices, not ${typeName(i)}`);
    const n = num(i) < 0 ? c.length + num(i) : num(i);
    if (n < 0 || n >= c.length) raise('IndexError', `${typeName(c)} index out of range`);
    return n;
  }

  iter(v: Py): Py[] { return iterate(v); }

  eval(e: Node, sc: Scope): Py {
    switch (e.k) {
      case 'int': return e.v;
      case 'float': return new PyFloat(e.v);
      case 'str': return e.v;
      case 'const': return e.v;
      case 'concat': return e.parts.map((p: Node) => this.eval(p, sc)).join('');
      case 'fstr': return e.parts.map((p: Node) => (p.k === 'str' ? p.v : this.eval(p, sc))).join('');
      case 'fmt': { const v = this.eval(e.v, sc); return format(e.conv === 'r' ? repr(v) : e.conv === 's' ? str(v) : v, e.spec); }
      case 'name': return sc.get(e.id);
      case 'tuple': return new Tuple(this.items(e.items, sc));
      case 'list': return this.items(e.items, sc);
      case 'set': { const s = new PySet(); for (const v of this.items(e.items, sc)) s.m.set(key(v), v); return s; }
      case 'dict': {
        const d = new PyDict();
        e.keys.forEach((k: Node | null, i: number) => {
          const v = this.eval(e.values[i], sc);
          if (k === null) for (const [kk, vv] of (v as PyDict).m) d.m.set(kk, vv);
          else { const kv = this.eval(k, sc); d.m.set(key(kv), [kv, v]); }
        });
        return d;
      }
      case 'bool': { const l = this.eval(e.l, sc); return e.op === 'and' ? (truthy(l) ? this.eval(e.r, sc) : l) : truthy(l) ? l : this.eval(e.r, sc); }
      case 'unary': { const v = this.eval(e.v, sc); return e.op === 'not' ? !truthy(v) : e.op === '-' ? (v instanceof PyFloat ? new PyFloat(-v.v) : isNum(v) ? -num(v) : raise('TypeError', `bad operand type for unary -: '${typeName(v)}'`)) : e.op === '~' ? ~num(v) : v; }
      case 'bin': return binop(e.op, this.eval(e.l, sc), this.eval(e.r, sc));
      case 'compare': {
        let l = this.eval(e.first, sc);
        for (let i = 0; i < e.ops.length; i++) { const r = this.eval(e.rest[i], sc); if (!compare(e.ops[i], l, r)) return false; l = r; }
        return true;
      }
      case 'ifexp': return truthy(this.eval(e.test, sc)) ? this.eval(e.body, sc) : this.eval(e.orelse, sc);
      case 'lambda': return new PyFunc('<lambda>', e.params.map((p: { name: string; def?: Node }) => ({ ...p, def: p.def ? this.eval(p.def, sc) : undefined })), e.body, sc, '', true);
      case 'call': {
        const f = this.eval(e.fn, sc);
        const args = this.items(e.args, sc);
        const kw: Record<string, Py> = {};
        for (const [k, v] of e.kwargs) { const val = this.eval(v, sc); if (k === '**') for (const [kk, vv] of (val as PyDict).m.values()) kw[kk] = vv; else kw[k] = val; }
        return this.call(f, args, kw);
      }
      case 'attr': return this.attr(this.eval(e.v, sc), e.name);
      case 'index': {
        const c = this.eval(e.v, sc);
        if (e.index.k === 'slice') {
          const g = (n: Node | null) => (n ? this.eval(n, sc) : null);
          const [lo, hi, step] = [g(e.index.lo), g(e.index.hi), g(e.index.step)];
          const arr = typeof c === 'string' ? [...c] : this.iter(c);
          const out = slice(arr, lo, hi, step);
          return typeof c === 'string' ? out.join('') : c instanceof Tuple ? new Tuple(out) : out;
        }
        const i = this.eval(e.index, sc);
        if (c instanceof PyDict) { const hit = c.m.get(key(i)); return hit ? hit[1] : raise('KeyError', i); }
        if (typeof c === 'string' || Array.isArray(c)) return c[this.idx(c, i)];
        if (c instanceof Tuple) return c.items[this.idx(c.items, i)];
        return raise('TypeError', `'${typeName(c)}' object is not subscriptable`);
      }
      case 'comp': {
        const inner = new Scope(sc);
        const out: Py[] = [];
        const d = new PyDict();
        const loop = (gi: number) => {
          if (gi === e.gens.length) {
            if (e.kind === 'dict') { const k = this.eval(e.elt, inner); d.m.set(key(k), [k, this.eval(e.value, inner)]); } else out.push(this.eval(e.elt, inner));
            return;
          }
          const g = e.gens[gi];
          for (const v of this.iter(this.eval(g.iter, gi === 0 ? sc : inner))) {
            this.tick();
            this.assign(g.target, v, inner);
            if (g.ifs.every((c: Node) => truthy(this.eval(c, inner)))) loop(gi + 1);
          }
        };
        loop(0);
        if (e.kind === 'dict') return d;
        if (e.kind === 'set') { const s = new PySet(); for (const v of out) s.m.set(key(v), v); return s; }
        return out;
      }
      case 'star': return this.eval(e.value, sc);
    }
    return raise('NotImplementedError', `expression ${e.k}`);
  }

  items(nodes: Node[], sc: Scope): Py[] {
    return nodes.flatMap((n) => (n.k === 'star' ? this.iter(this.eval(n.value, sc)) : [this.eval(n, sc)]));
  }

  call(f: Py, args: Py[], kw: Record<string, Py>): Py {
    this.tick();
    if (f instanceof Builtin) return f.fn(args, kw);
    if (f instanceof ExcType) return new PyExc(f, args);
    if (f instanceof PyClass || f instanceof BoundMethod) return callClassy(this, f, args, kw);
    if (!(f instanceof PyFunc)) return raise('TypeError', `'${typeName(f)}' object is not callable`);
    if (++this.depth > 900) { this.depth = 0; raise('RecursionError', 'maximum recursion depth exceeded'); }
    const sc = new Scope(f.scope);
    let i = 0;
    for (const p of f.params) {
      if (p.star === 1) { sc.vars.set(p.name, new Tuple(args.slice(i))); i = args.length; continue; }
      if (p.star === 2) { sc.vars.set(p.name, dictOf(Object.entries(kw).filter(([k]) => !f.params.some((q) => q.name === k)))); continue; }
      if (i < args.length) sc.vars.set(p.name, args[i++]);
      else if (p.name in kw) sc.vars.set(p.name, kw[p.name]);
      else if (p.def !== undefined) sc.vars.set(p.name, p.def);
      else { this.depth--; raise('TypeError', `${f.name}() missing 1 required positional argument: '${p.name}'`); }
    }
    if (i < args.length) { this.depth--; raise('TypeError', `${f.name}() takes ${f.params.length} positional argument${f.params.length === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`); }
    try {
      if (f.lambda) return this.eval(f.body as Node, sc);
      this.execBlock(f.body as Node[], sc, f.file, f.name);
      return null;
    } catch (e) {
      if (e instanceof Return) return e.v;
      if (e instanceof PyExc) (e as { _noted?: boolean })._noted = false;
      throw e;
    } finally {
      this.depth--;
    }
  }

  attr(o: Py, name: string): Py {
    if (o instanceof Module) return name in o.attrs ? o.attrs[name] : raise('AttributeError', `module '${o.name}' has no attribute '${name}'`);
    if (o instanceof PyExc && name === 'args') return new Tuple(o.args);
    if (o instanceof PyInstance || o instanceof PyClass || o instanceof Super) return classAttr(o, name);
    const m = methods(this, o, name);
    return m ?? raise('AttributeError', `'${typeName(o)}' object has no attribute '${name}'`);
  }

  import(name: string): Module {
    const have = this.modules.get(name);
    if (have) return have;
    const std = stdModule(this, name);
    const found = std ?? this.host.findModule(name);
    if (!found) return raise('ModuleNotFoundError', `No module named '${name}'`);
    if (found instanceof Module) { this.modules.set(name, found); return found; }
    // an installed package the subset runs natively (flask, redis)
    const native = found.file.includes('/site-packages/') ? nativeModule(this.host, name, /__version__ = "([^"]+)"/.exec(found.source)?.[1] ?? '') : null;
    if (native) { this.modules.set(name, native); return native; }
    const sc = new Scope(this.globals.parent);
    const m = new Module(name, {});
    this.modules.set(name, m);
    this.sources.set(found.file, found.source.split('\n'));
    sc.vars.set('__name__', name);
    this.execBlock(parse(found.source + '\n'), sc, found.file, '<module>');
    Object.assign(m.attrs, Object.fromEntries(sc.vars), { __file__: found.file });
    return m;
  }

  closeFile(f: FileObj) {
    if (/[wa]/.test(f.mode)) this.host.files.write(f.path, f.content);
  }

  builtins(): Record<string, Py> {
    const b = (name: string, fn: (a: Py[], kw: Record<string, Py>) => Py) => new Builtin(name, fn);
    const h = this.host;
    const out: Record<string, Py> = {
      print: b('print', (a, kw) => {
        const text = a.map(str).join(kw.sep ?? ' ') + (kw.end ?? '\n');
        const file = kw.file;
        if (file instanceof FileObj) file.content += text; else h.write(file === STDERR ? 2 : 1, text);
        return null;
      }),
      len: b('len', ([v]) => (typeof v === 'string' || Array.isArray(v) ? v.length : v instanceof Tuple ? v.items.length : v instanceof PyDict || v instanceof PySet ? v.m.size : raise('TypeError', `object of type '${typeName(v)}' has no len()`))),
      range: b('range', (a) => { const [s, e, st] = a.length === 1 ? [0, num(a[0]), 1] : [num(a[0]), num(a[1]), a[2] === undefined ? 1 : num(a[2])]; if (st === 0) raise('ValueError', 'range() arg 3 must not be zero'); const out: number[] = []; for (let i = s; st > 0 ? i < e : i > e; i += st) { out.push(i); if (out.length > 1e6) throw new OutOfSteps(); } return out; }),
      str: b('str', ([v]) => (v === undefined ? '' : str(v))),
      repr: b('repr', ([v]) => repr(v)),
      int: b('int', ([v, base]) => { if (v === undefined) return 0; if (typeof v === 'string') { const t = v.trim().replace(/_/g, ''); if (!/^[-+]?\w+$/.test(t) || Number.isNaN(parseInt(t, base ?? 10)) || (!base && !/^[-+]?\d+$/.test(t))) raise('ValueError', `invalid literal for int() with base ${base ?? 10}: ${repr(v)}`); return parseInt(t, base ?? 10); } return Math.trunc(num(v)); }),
      float: b('float', ([v]) => { if (v === undefined) return new PyFloat(0); if (typeof v === 'string') { const x = Number(v.trim()); if (v.trim() === '' || Number.isNaN(x) && !/^nan$/i.test(v.trim())) raise('ValueError', `could not convert string to float: ${repr(v)}`); return new PyFloat(x); } return new PyFloat(num(v)); }),
      bool: b('bool', ([v]) => truthy(v)),
      list: b('list', ([v]) => (v === undefined ? [] : this.iter(v))),
      tuple: b('tuple', ([v]) => new Tuple(v === undefined ? [] : this.iter(v))),
      set: b('set', ([v]) => { const s = new PySet(); for (const x of v === undefined ? [] : this.iter(v)) s.m.set(key(x), x); return s; }),
      dict: b('dict', ([v], kw) => { const d = v instanceof PyDict ? dictOf([...v.m.values()]) : dictOf((v === undefined ? [] : this.iter(v)).map((p) => this.iter(p) as [Py, Py])); for (const [k, x] of Object.entries(kw)) d.m.set(key(k), [k, x]); return d; }),
      type: b('type', ([v]) => (v instanceof PyInstance ? v.cls : new Builtin(typeName(v), () => null))),
      isinstance: b('isinstance', ([v, t]) => (t instanceof Tuple ? t.items : [t]).some((x: Py) => x instanceof Builtin && (x.name === typeName(v) || (x.name === 'int' && typeof v === 'boolean')) || (x instanceof ExcType && v instanceof PyExc && this.matches(v, x)) || (x instanceof PyClass && v instanceof PyInstance && isSubclass(v.cls, x)))),
      super: b('super', () => superOf()),
      abs: b('abs', ([v]) => (v instanceof PyFloat ? new PyFloat(Math.abs(v.v)) : Math.abs(num(v)))),
      round: b('round', ([v, n]) => (n === undefined || n === null ? bankers(num(v)) : new PyFloat(Number(num(v).toFixed(num(n)))))),
      sum: b('sum', ([v, start]) => this.iter(v).reduce((acc, x) => binop('+', acc, x), start ?? 0)),
      min: b('min', (a, kw) => extreme(this, a, kw, -1)),
      max: b('max', (a, kw) => extreme(this, a, kw, 1)),
      sorted: b('sorted', ([v], kw) => sortList(this, this.iter(v), kw)),
      reversed: b('reversed', ([v]) => this.iter(v).reverse()),
      enumerate: b('enumerate', ([v, start]) => this.iter(v).map((x, i) => new Tuple([i + (start ?? 0), x]))),
      zip: b('zip', (a) => { const ls = a.map((x) => this.iter(x)); const n = Math.min(...ls.map((l) => l.length)); return Array.from({ length: n }, (_, i) => new Tuple(ls.map((l) => l[i]))); }),
      map: b('map', ([f, ...ls]) => { const its = ls.map((x) => this.iter(x)); const n = Math.min(...its.map((l) => l.length)); return Array.from({ length: n }, (_, i) => this.call(f, its.map((l) => l[i]), {})); }),
      filter: b('filter', ([f, v]) => this.iter(v).filter((x) => truthy(f === null ? x : this.call(f, [x], {})))),
      any: b('any', ([v]) => this.iter(v).some(truthy)),
      all: b('all', ([v]) => this.iter(v).every(truthy)),
      chr: b('chr', ([v]) => String.fromCodePoint(num(v))),
      ord: b('ord', ([v]) => (v as string).codePointAt(0)),
      hex: b('hex', ([v]) => (num(v) < 0 ? '-0x' + (-num(v)).toString(16) : '0x' + num(v).toString(16))),
      bin: b('bin', ([v]) => '0b' + num(v).toString(2)),
      divmod: b('divmod', ([x, y]) => new Tuple([binop('//', x, y), binop('%', x, y)])),
      pow: b('pow', ([x, y]) => binop('**', x, y)),
      input: b('input', ([prompt]) => {
        if (prompt !== undefined) h.write(1, str(prompt));
        const nl = h.stdin.indexOf('\n');
        if (!h.stdin) raise('EOFError' in EXC ? 'EOFError' : 'RuntimeError', 'EOF when reading a line');
        const line = nl < 0 ? h.stdin : h.stdin.slice(0, nl);
        h.stdin = nl < 0 ? '' : h.stdin.slice(nl + 1);
        return line;
      }),
      open: b('open', ([p, mode = 'r']) => {
        const path = absPath(h.cwd, str(p));
        if (/[wa]/.test(mode)) { const f = new FileObj(path, mode.includes('a') ? (h.files.read(path) ?? '') : '', mode); this.open.push(f); return f; }
        const e = h.files.get(path);
        if (e.kind === 'dir') throw new PyExc(EXC.IsADirectoryError, [21, 'Is a directory', str(p)]);
        if (e.kind === 'none') throw new PyExc(EXC.FileNotFoundError, [2, 'No such file or directory', str(p)]);
        return new FileObj(path, e.content, mode);
      }),
      id: b('id', () => 140234567890),
      hash: b('hash', ([v]) => String(key(v)).length),
      callable: b('callable', ([v]) => v instanceof PyFunc || v instanceof Builtin || v instanceof ExcType || v instanceof PyClass || v instanceof BoundMethod),
      getattr: b('getattr', ([o, n, d]) => { try { return this.attr(o, n); } catch (e) { if (d !== undefined) return d; throw e; } }),
      hasattr: b('hasattr', ([o, n]) => { try { this.attr(o, n); return true; } catch { return false; } }),
      iter: b('iter', ([v]) => this.iter(v)),
      next: b('next', ([v, d]) => (Array.isArray(v) && v.length ? v.shift() : d !== undefined ? d : raise('StopIteration'))),
      exit: b('exit', ([c]) => { throw new ExitRun(c === undefined || c === null ? 0 : typeof c === 'number' ? c : 1, typeof c === 'string' ? c : ''); }),
    };
    out.quit = out.exit;
    for (const [n, t] of Object.entries(EXC)) out[n] = t;
    return out;
  }
}
