// Runs a parsed Python program: statements, expressions, calls and methods of the built-in types; see py-run.ts.
import { binop, Break, Builtin, compare, Continue, dictOf, EXC, ExcType, ExitRun, FileObj, floatRepr, format, isNum, iterate, key, Module, num, OutOfSteps, parse, PyDict, PyExc, PyFloat, PyFunc, PySet, raise, repr, Return, Scope, str, truthy, Tuple, typeName, type Py, type PyHost } from './py-run';
import type { Node } from './py-parse';
import { nativeModule } from './py-native';

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
      case 'class': return raise('NotImplementedError', 'classes are not simulated in this Python (dockerlings runs a subset: functions, lists, dicts, strings, modules os/sys/time/math/json)');
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
    if (t.k === 'attr') { const o = this.eval(t.v, sc); if (o instanceof Module) { o.attrs[t.name] = v; return; } }
    raise('TypeError', 'cannot assign to this target');
  }

  idx(c: Py[] | string, i: Py): number {
    if (typeof i !== 'number' && typeof i !== 'boolean') raise('TypeError', `${typeName(c)} indices must be integers or slices, not ${typeName(i)}`);
    const n = num(i) < 0 ? c.length + num(i) : num(i);
    if (n < 0 || n >= c.length) raise('IndexError', `${typeName(c)} index out of range`);
    return n;
  }

  iter(v: Py): Py[] {
    return iterate(v);
  }

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
    const out: Py[] = [];
    for (const n of nodes) if (n.k === 'star') out.push(...this.iter(this.eval(n.value, sc))); else out.push(this.eval(n, sc));
    return out;
  }

  call(f: Py, args: Py[], kw: Record<string, Py>): Py {
    this.tick();
    if (f instanceof Builtin) return f.fn(args, kw);
    if (f instanceof ExcType) return new PyExc(f, args);
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
      type: b('type', ([v]) => new Builtin(typeName(v), () => null)),
      isinstance: b('isinstance', ([v, t]) => (t instanceof Tuple ? t.items : [t]).some((x: Py) => x instanceof Builtin && (x.name === typeName(v) || (x.name === 'int' && typeof v === 'boolean')) || (x instanceof ExcType && v instanceof PyExc && this.matches(v, x)))),
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
      callable: b('callable', ([v]) => v instanceof PyFunc || v instanceof Builtin || v instanceof ExcType),
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

export const STDERR = { stderr: true };

const absPath = (cwd: string, p: string) => {
  const parts: string[] = [];
  for (const s of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) { if (!s || s === '.') continue; if (s === '..') parts.pop(); else parts.push(s); }
  return '/' + parts.join('/');
};

function bankers(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

function slice<T>(arr: T[], lo: Py, hi: Py, step: Py): T[] {
  const n = arr.length;
  const st = step === null ? 1 : num(step);
  const norm = (v: Py, d: number) => (v === null ? d : num(v) < 0 ? Math.max(st < 0 ? -1 : 0, n + num(v)) : Math.min(num(v), st < 0 ? n - 1 : n));
  const out: T[] = [];
  if (st > 0) for (let i = norm(lo, 0); i < norm(hi, n); i += st) out.push(arr[i]);
  else for (let i = norm(lo, n - 1); i > norm(hi, -1); i += st) out.push(arr[i]);
  return out;
}

function extreme(it: Interp, a: Py[], kw: Record<string, Py>, dir: 1 | -1): Py {
  const vals = a.length === 1 ? it.iter(a[0]) : a;
  if (!vals.length) return kw.default !== undefined ? kw.default : raise('ValueError', `${dir > 0 ? 'max' : 'min'}() iterable argument is empty`);
  const k = (v: Py) => (kw.key ? it.call(kw.key, [v], {}) : v);
  return vals.reduce((best, v) => (compare(dir > 0 ? '>' : '<', k(v), k(best)) ? v : best));
}

function sortList(it: Interp, vals: Py[], kw: Record<string, Py>): Py[] {
  const k = (v: Py) => (kw.key ? it.call(kw.key, [v], {}) : v);
  const keyed = vals.map((v) => [k(v), v] as const);
  keyed.sort((x, y) => (compare('<', x[0], y[0]) ? -1 : compare('<', y[0], x[0]) ? 1 : 0));
  const out = keyed.map((x) => x[1]);
  return truthy(kw.reverse ?? false) ? out.reverse() : out;
}

function methods(it: Interp, o: Py, name: string): Py {
  const m = (fn: (a: Py[], kw: Record<string, Py>) => Py) => new Builtin(name, fn, o);
  if (typeof o === 'string') {
    const S: Record<string, (a: Py[], kw: Record<string, Py>) => Py> = {
      upper: () => o.toUpperCase(), lower: () => o.toLowerCase(), title: () => o.replace(/\w\S*/g, (w) => w[0].toUpperCase() + w.slice(1).toLowerCase()), capitalize: () => o.charAt(0).toUpperCase() + o.slice(1).toLowerCase(),
      strip: ([c]) => trim(o, c, 3), lstrip: ([c]) => trim(o, c, 1), rstrip: ([c]) => trim(o, c, 2),
      split: ([sep, max]) => { const parts = sep === undefined || sep === null ? o.trim().split(/\s+/).filter(Boolean) : o.split(sep); if (max === undefined || max < 0 || parts.length <= max + 1) return parts; return [...parts.slice(0, max), parts.slice(max).join(sep ?? ' ')]; },
      splitlines: () => o.split(/\r?\n/).filter((_, i, a) => i < a.length - 1 || a[i] !== ''),
      join: ([v]) => it.iter(v).map((x) => (typeof x === 'string' ? x : raise('TypeError', `sequence item 0: expected str instance, ${typeName(x)} found`))).join(o),
      replace: ([a, b]) => o.split(a).join(b), startswith: ([p]) => (p instanceof Tuple ? p.items.some((x: string) => o.startsWith(x)) : o.startsWith(p)), endswith: ([p]) => (p instanceof Tuple ? p.items.some((x: string) => o.endsWith(x)) : o.endsWith(p)),
      find: ([s]) => o.indexOf(s), index: ([s]) => (o.includes(s) ? o.indexOf(s) : raise('ValueError', 'substring not found')), count: ([s]) => o.split(s).length - 1,
      isdigit: () => /^\d+$/.test(o), isalpha: () => /^[A-Za-z]+$/.test(o), isalnum: () => /^[A-Za-z0-9]+$/.test(o), isspace: () => /^\s+$/.test(o), isupper: () => /[A-Z]/.test(o) && o === o.toUpperCase(), islower: () => /[a-z]/.test(o) && o === o.toLowerCase(),
      zfill: ([w]) => o.padStart(w, '0'), center: ([w, f]) => format(o, `${f ?? ' '}^${w}`), ljust: ([w, f]) => o.padEnd(w, f ?? ' '), rjust: ([w, f]) => o.padStart(w, f ?? ' '),
      encode: () => o, format: (a, kw) => { let i = 0; return o.replace(/\{\{|\}\}|\{([^{}:!]*)(?:![rs])?(?::([^{}]*))?\}/g, (mm, f: string, spec: string) => (mm === '{{' ? '{' : mm === '}}' ? '}' : format(f === '' ? a[i++] : /^\d+$/.test(f) ? a[+f] : kw[f], spec ?? ''))); },
    };
    return S[name] ? m(S[name]) : null;
  }
  if (Array.isArray(o)) {
    const L: Record<string, (a: Py[], kw: Record<string, Py>) => Py> = {
      append: ([v]) => (o.push(v), null), extend: ([v]) => (o.push(...it.iter(v)), null), insert: ([i, v]) => (o.splice(i, 0, v), null),
      pop: ([i]) => (o.length ? o.splice(i === undefined ? -1 : i, 1)[0] : raise('IndexError', 'pop from empty list')), remove: ([v]) => { const i = o.findIndex((x: Py) => compare('==', x, v)); if (i < 0) raise('ValueError', 'list.remove(x): x not in list'); o.splice(i, 1); return null; },
      index: ([v]) => { const i = o.findIndex((x: Py) => compare('==', x, v)); return i < 0 ? raise('ValueError', `${repr(v)} is not in list`) : i; }, count: ([v]) => o.filter((x: Py) => compare('==', x, v)).length,
      sort: (_a, kw) => { const s = sortList(it, o, kw); o.splice(0, o.length, ...s); return null; }, reverse: () => (o.reverse(), null), clear: () => (o.splice(0), null), copy: () => [...o],
    };
    return L[name] ? m(L[name]) : null;
  }
  if (o instanceof PyDict) {
    const D: Record<string, (a: Py[]) => Py> = {
      get: ([k, d]) => o.m.get(key(k))?.[1] ?? (d === undefined ? null : d), keys: () => [...o.m.values()].map(([k]) => k), values: () => [...o.m.values()].map(([, v]) => v), items: () => [...o.m.values()].map(([k, v]) => new Tuple([k, v])),
      update: ([v]) => { for (const [k, x] of (v as PyDict).m) o.m.set(k, x); return null; }, pop: ([k, d]) => { const hit = o.m.get(key(k)); if (!hit) return d !== undefined ? d : raise('KeyError', k); o.m.delete(key(k)); return hit[1]; },
      setdefault: ([k, d]) => { if (!o.m.has(key(k))) o.m.set(key(k), [k, d ?? null]); return o.m.get(key(k))![1]; }, copy: () => dictOf([...o.m.values()]), clear: () => (o.m.clear(), null),
    };
    return D[name] ? m(D[name]) : null;
  }
  if (o instanceof PySet) {
    const S: Record<string, (a: Py[]) => Py> = { add: ([v]) => (o.m.set(key(v), v), null), remove: ([v]) => (o.m.delete(key(v)) ? null : raise('KeyError', v)), discard: ([v]) => (o.m.delete(key(v)), null) };
    return S[name] ? m(S[name]) : null;
  }
  if (o instanceof FileObj) {
    const F: Record<string, (a: Py[]) => Py> = {
      read: () => { const r = o.content.slice(o.pos); o.pos = o.content.length; return r; }, readline: () => { const i = o.content.indexOf('\n', o.pos); const r = o.content.slice(o.pos, i < 0 ? undefined : i + 1); o.pos += r.length; return r; },
      readlines: () => { const r = iterate(o); o.pos = o.content.length; return r; }, write: ([s]) => { o.content += s; return (s as string).length; }, close: () => (it.closeFile(o), null),
    };
    return F[name] ? m(F[name]) : null;
  }
  if (o instanceof PyFloat && name === 'is_integer') return m(() => Number.isInteger(o.v));
  return null;
}

function trim(s: string, chars: Py, side: number): string {
  const set = chars === undefined || chars === null ? ' \t\n\r\x0b\x0c' : chars;
  let a = 0, b = s.length;
  if (side & 1) while (a < b && set.includes(s[a])) a++;
  if (side & 2) while (b > a && set.includes(s[b - 1])) b--;
  return s.slice(a, b);
}

function stdModule(it: Interp, name: string): Module | null {
  const h = it.host;
  const b = (n: string, fn: (a: Py[], kw: Record<string, Py>) => Py) => new Builtin(n, fn);
  const environ = dictOf(Object.entries(h.env));
  switch (name) {
    case 'os': {
      const path = new Module('posixpath', {
        join: b('join', (a) => a.reduce((acc: string, p: string) => (p.startsWith('/') ? p : acc.endsWith('/') || !acc ? acc + p : acc + '/' + p), '')),
        exists: b('exists', ([p]) => h.files.get(absPath(h.cwd, p)).kind !== 'none'), isfile: b('isfile', ([p]) => h.files.get(absPath(h.cwd, p)).kind === 'file'), isdir: b('isdir', ([p]) => h.files.get(absPath(h.cwd, p)).kind === 'dir'),
        basename: b('basename', ([p]) => p.slice(p.lastIndexOf('/') + 1)), dirname: b('dirname', ([p]) => p.slice(0, Math.max(0, p.lastIndexOf('/')))), abspath: b('abspath', ([p]) => absPath(h.cwd, p)),
      });
      return new Module('os', {
        environ, path, sep: '/', name: 'posix', linesep: '\n',
        getenv: b('getenv', ([k, d]) => (k in h.env ? h.env[k] : d === undefined ? null : d)), getcwd: b('getcwd', () => h.cwd), getpid: b('getpid', () => 1),
        listdir: b('listdir', ([p]) => { const e = h.files.get(absPath(h.cwd, p ?? '.')); return e.kind === 'dir' ? [...e.names] : raise('FileNotFoundError', `[Errno 2] No such file or directory: ${repr(p ?? '.')}`); }),
        makedirs: b('makedirs', ([p]) => (h.files.mkdirs.add(absPath(h.cwd, p)), null)), mkdir: b('mkdir', ([p]) => (h.files.mkdirs.add(absPath(h.cwd, p)), null)),
        uname: b('uname', () => new Tuple(['Linux', h.hostname, '6.8.0-49-generic', '#49-Ubuntu SMP PREEMPT_DYNAMIC', 'x86_64'])), cpu_count: b('cpu_count', () => 2),
      });
    }
    case 'sys': return new Module('sys', {
      argv: h.argv, version: `${h.version} (main, Dec  4 2024, 01:16:49) [GCC 12.2.0]`, version_info: new Tuple(h.version.split('.').map(Number)), platform: 'linux', executable: '/usr/local/bin/python3',
      path: ['', `/usr/local/lib/python${h.version.split('.').slice(0, 2).join('.')}`], stdout: new Module('stdout', { write: b('write', ([s]) => (h.write(1, s), s.length)), flush: b('flush', () => null) }),
      stderr: Object.assign(new Module('stderr', { write: b('write', ([s]) => (h.write(2, s), s.length)), flush: b('flush', () => null) }), STDERR), modules: new PyDict(),
      exit: b('exit', ([c]) => { throw new ExitRun(c === undefined || c === null ? 0 : typeof c === 'number' ? c & 255 : 1, typeof c === 'string' ? c : ''); }),
    });
    case 'time': return new Module('time', { sleep: b('sleep', ([s]) => (h.sleep(num(s) * 1000), null)), time: b('time', () => new PyFloat(h.now() / 1000)), strftime: b('strftime', ([f]) => new Date(h.now()).toISOString().slice(0, 19).replace('T', ' ').replace(/.*/, (d) => (f === '%H:%M:%S' ? d.slice(11) : f === '%Y-%m-%d' ? d.slice(0, 10) : d))) });
    case 'math': return new Module('math', { pi: new PyFloat(Math.PI), e: new PyFloat(Math.E), inf: new PyFloat(Infinity), sqrt: b('sqrt', ([x]) => (num(x) < 0 ? raise('ValueError', 'math domain error') : new PyFloat(Math.sqrt(num(x))))), floor: b('floor', ([x]) => Math.floor(num(x))), ceil: b('ceil', ([x]) => Math.ceil(num(x))), pow: b('pow', ([x, y]) => new PyFloat(num(x) ** num(y))), factorial: b('factorial', ([x]) => { let r = 1; for (let i = 2; i <= num(x); i++) r *= i; return r; }), gcd: b('gcd', ([x, y]) => { let a = Math.abs(num(x)), c = Math.abs(num(y)); while (c) [a, c] = [c, a % c]; return a; }) });
    case 'random': { let seed = 42; const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648); return new Module('random', { random: b('random', () => new PyFloat(rnd())), randint: b('randint', ([a, c]) => num(a) + Math.floor(rnd() * (num(c) - num(a) + 1))), choice: b('choice', ([l]) => { const v = iterate(l); return v[Math.floor(rnd() * v.length)]; }), seed: b('seed', ([s]) => ((seed = num(s) || 0), null)), shuffle: b('shuffle', ([l]) => { for (let i = l.length - 1; i > 0; i--) { const j = Math.floor(rnd() * (i + 1)); [l[i], l[j]] = [l[j], l[i]]; } return null; }) }); }
    case 'json': return new Module('json', { dumps: b('dumps', ([v], kw) => toJson(v, kw.indent ?? null, '')), loads: b('loads', ([s]) => fromJson(JSON.parse(s))) });
    case 'signal': {
      const names: Record<number, string> = { 1: 'SIGHUP', 2: 'SIGINT', 15: 'SIGTERM', 10: 'SIGUSR1', 12: 'SIGUSR2' };
      return new Module('signal', { ...Object.fromEntries(Object.entries(names).map(([n, s]) => [s, Number(n)])), SIG_DFL: 0, SIG_IGN: 1, signal: b('signal', ([sig]) => (names[num(sig)] && h.trap(names[num(sig)]), null)) });
    }
    case 'platform': return new Module('platform', { python_version: b('python_version', () => h.version), system: b('system', () => 'Linux'), node: b('node', () => h.hostname) });
    case 'socket': return new Module('socket', { gethostname: b('gethostname', () => h.hostname) });
  }
  return null;
}

function toJson(v: Py, indent: number | null, pad: string): string {
  const inner = indent === null ? '' : pad + ' '.repeat(indent);
  const nl = indent === null ? '' : '\n';
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (v instanceof PyFloat) return floatRepr(v.v);
  if (typeof v === 'number' || typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v) || v instanceof Tuple) { const items = iterate(v); return items.length ? '[' + nl + items.map((x) => inner + toJson(x, indent, inner)).join(',' + (nl || ' ')) + nl + (indent === null ? '' : pad) + ']' : '[]'; }
  if (v instanceof PyDict) { const items = [...v.m.values()]; return items.length ? '{' + nl + items.map(([k, x]) => inner + JSON.stringify(str(k)) + ': ' + toJson(x, indent, inner)).join(',' + (nl || ' ')) + nl + (indent === null ? '' : pad) + '}' : '{}'; }
  return raise('TypeError', `Object of type ${typeName(v)} is not JSON serializable`);
}

function fromJson(v: unknown): Py {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === 'object') return dictOf(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  if (typeof v === 'number' && !Number.isInteger(v)) return new PyFloat(v);
  return v ?? null;
}
