// Helpers of the Python interpreter: the built-in types' methods, the standard modules it offers, json, sorting and
// slicing (py-eval.ts runs the program and calls these).
import { Builtin, ExcType, compare, dictOf, ExitRun, FileObj, floatRepr, format, iterate, key, Module, num, PyDict, PyFloat, PySet, raise, repr, str, truthy, Tuple, typeName, type Py, type PyHost } from './py-run';

/** What these helpers need of the interpreter (py-eval.ts's Interp). */
export interface InterpLike {
  readonly host: PyHost;
  iter(v: Py): Py[];
  call(f: Py, args: Py[], kw: Record<string, Py>): Py;
  closeFile(f: FileObj): void;
}

export const STDERR = { stderr: true };

export const absPath = (cwd: string, p: string) => {
  const parts: string[] = [];
  for (const s of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) { if (!s || s === '.') continue; if (s === '..') parts.pop(); else parts.push(s); }
  return '/' + parts.join('/');
};

export function bankers(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export function slice<T>(arr: T[], lo: Py, hi: Py, step: Py): T[] {
  const n = arr.length;
  const st = step === null ? 1 : num(step);
  const norm = (v: Py, d: number) => (v === null ? d : num(v) < 0 ? Math.max(st < 0 ? -1 : 0, n + num(v)) : Math.min(num(v), st < 0 ? n - 1 : n));
  const out: T[] = [];
  if (st > 0) for (let i = norm(lo, 0); i < norm(hi, n); i += st) out.push(arr[i]);
  else for (let i = norm(lo, n - 1); i > norm(hi, -1); i += st) out.push(arr[i]);
  return out;
}

export function extreme(it: InterpLike, a: Py[], kw: Record<string, Py>, dir: 1 | -1): Py {
  const vals = a.length === 1 ? it.iter(a[0]) : a;
  if (!vals.length) return kw.default !== undefined ? kw.default : raise('ValueError', `${dir > 0 ? 'max' : 'min'}() iterable argument is empty`);
  const k = (v: Py) => (kw.key ? it.call(kw.key, [v], {}) : v);
  return vals.reduce((best, v) => (compare(dir > 0 ? '>' : '<', k(v), k(best)) ? v : best));
}

export function sortList(it: InterpLike, vals: Py[], kw: Record<string, Py>): Py[] {
  const k = (v: Py) => (kw.key ? it.call(kw.key, [v], {}) : v);
  const keyed = vals.map((v) => [k(v), v] as const);
  keyed.sort((x, y) => (compare('<', x[0], y[0]) ? -1 : compare('<', y[0], x[0]) ? 1 : 0));
  const out = keyed.map((x) => x[1]);
  return truthy(kw.reverse ?? false) ? out.reverse() : out;
}

export function methods(it: InterpLike, o: Py, name: string): Py {
  const m = (fn: (a: Py[], kw: Record<string, Py>) => Py) => new Builtin(name, fn, o);
  if (name === '__name__' && (o instanceof Builtin || o instanceof ExcType)) return o.name; // type(x).__name__
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

export function stdModule(it: InterpLike, name: string): Module | null {
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

/** A parsed JSON value as Python's json.loads gives it. */
export function fromJson(v: unknown): Py {
  if (Array.isArray(v)) return v.map(fromJson);
  if (v && typeof v === 'object') return dictOf(Object.entries(v).map(([k, x]) => [k, fromJson(x)]));
  if (typeof v === 'number' && !Number.isInteger(v)) return new PyFloat(v);
  return v ?? null;
}
