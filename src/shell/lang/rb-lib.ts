// The Ruby subset's library: JSON (after require 'json'), File and Dir over the container's files, ENV, ARGV, Time,
// Math, Struct, $stdout/$stderr, Hash.new/Array.new, and the tables that put every built-in method in place.
import { Interp, NONE, type Native } from './rb-eval';
import { CORE, num } from './rb-core';
import { ENUM_NATIVES } from './rb-enum';
import { CLASS_METHODS, KERNEL, PRIVATE_KERNEL, putsText, SUPER, format, takesKw } from './rb-kernel';
import { C, fmtFloat, hashOf, inspect, inspectStr, isInt, RClass, RFloat, RHash, RObject, RRange, RSym, sym, toS, truthy, type V } from './rb-value';

export interface LibHost {
  files: { read(path: string): string | null; write(path: string, text: string): void; kind(path: string): 'file' | 'dir' | 'none'; list(path: string): string[]; mkdir(path: string): void };
  cwd: string; env: Record<string, string>; argv: string[]; now(): number; version: string; pid: number;
  /** Features required so far ('json', 'socket', gems …). */
  loaded: Set<string>;
}

/** JSON.generate / to_json: compact, or pretty_generate's two-space layout. */
export function toJson(it: Interp, v: V, pretty = false, ind = ''): string {
  const nl = pretty ? '\n' : '';
  const inner = pretty ? ind + '  ' : '';
  if (v === null) return 'null';
  if (v === true || v === false || isInt(v)) return String(v);
  if (v instanceof RFloat) return Number.isFinite(v.v) ? fmtFloat(v.v) : it.err(C['JSON::GeneratorError'], `${fmtFloat(v.v)} not allowed in JSON`);
  if (typeof v === 'string') return JSON.stringify(v).replace(/\u2028/g, '\u2028');
  if (v instanceof RSym) return JSON.stringify(v.name);
  if (Array.isArray(v)) return v.length ? `[${nl}${v.map((x) => inner + toJson(it, x, pretty, inner)).join(',' + nl)}${nl}${ind}]` : '[]';
  if (v instanceof RHash) return v.size ? `{${nl}${v.entries().map(([k, x]) => `${inner}${JSON.stringify(toS(k))}:${pretty ? ' ' : ''}${toJson(it, x, pretty, inner)}`).join(',' + nl)}${nl}${ind}}` : '{}';
  if (v instanceof RObject && it.findMethod(v, 'to_json')) return toS(it.send(v, 'to_json', [], null, null, false));
  if (v instanceof RObject && it.findMethod(v, 'to_h')) return toJson(it, it.send(v, 'to_h', [], null, null, false), pretty, ind);
  if (v instanceof RObject && v.cls.struct) return JSON.stringify(toS(v));
  return JSON.stringify(it.str(v));
}

function fromJson(v: unknown, symbolize: boolean): V {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isInteger(v) ? v : new RFloat(v);
  if (Array.isArray(v)) return v.map((x) => fromJson(x, symbolize));
  return hashOf(Object.entries(v as object).map(([k, x]) => [symbolize ? sym(k) : k, fromJson(x, symbolize)]));
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const p2 = (n: number) => String(n).padStart(2, '0');
export function strftime(ms: number, f: string): string {
  const d = new Date(ms);
  return f.replace(/%([-0^]?)([a-zA-Z%])/g, (_m, fl: string, c: string) => {
    const pad = (n: number, w = 2) => (fl === '-' ? String(n) : String(n).padStart(w, '0'));
    switch (c) {
      case 'Y': return String(d.getUTCFullYear()); case 'y': return p2(d.getUTCFullYear() % 100); case 'm': return pad(d.getUTCMonth() + 1); case 'd': return pad(d.getUTCDate()); case 'e': return String(d.getUTCDate()).padStart(2, ' ');
      case 'H': return pad(d.getUTCHours()); case 'I': return pad(d.getUTCHours() % 12 || 12); case 'M': return pad(d.getUTCMinutes()); case 'S': return pad(d.getUTCSeconds()); case 'L': return String(d.getUTCMilliseconds()).padStart(3, '0');
      case 'p': return d.getUTCHours() < 12 ? 'AM' : 'PM'; case 'b': return MONTHS[d.getUTCMonth()].slice(0, 3); case 'B': return MONTHS[d.getUTCMonth()]; case 'a': return DAYS[d.getUTCDay()].slice(0, 3); case 'A': return DAYS[d.getUTCDay()];
      case 'j': return String(Math.floor((ms - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86400000) + 1).padStart(3, '0'); case 'z': return '+0000'; case 'Z': return 'UTC'; case 's': return String(Math.floor(ms / 1000)); case '%': return '%';
      case 'F': return `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`; case 'T': return d.toISOString().slice(11, 19); case 'u': return String(d.getUTCDay() || 7); case 'w': return String(d.getUTCDay());
      default: return _m;
    }
  });
}
const time = (ms: number) => Object.assign(new RObject(C.Time), { ms });
const TIME: Record<string, Native> = {
  to_s: (_it, s) => strftime(s.ms, '%Y-%m-%d %H:%M:%S +0000'), inspect: (_it, s) => strftime(s.ms, '%Y-%m-%d %H:%M:%S') + (s.ms % 1000 ? '.' + String(s.ms % 1000).padStart(3, '0').replace(/0+$/, '') : '') + ' +0000',
  strftime: (_it, s, a) => strftime(s.ms, toS(a[0])), iso8601: (_it, s) => strftime(s.ms, '%Y-%m-%dT%H:%M:%S+00:00'), xmlschema: (_it, s) => strftime(s.ms, '%Y-%m-%dT%H:%M:%S+00:00'),
  year: (_it, s) => new Date(s.ms).getUTCFullYear(), month: (_it, s) => new Date(s.ms).getUTCMonth() + 1, mon: (_it, s) => new Date(s.ms).getUTCMonth() + 1, day: (_it, s) => new Date(s.ms).getUTCDate(),
  hour: (_it, s) => new Date(s.ms).getUTCHours(), min: (_it, s) => new Date(s.ms).getUTCMinutes(), sec: (_it, s) => new Date(s.ms).getUTCSeconds(), wday: (_it, s) => new Date(s.ms).getUTCDay(), yday: (_it, s) => num(strftime(s.ms, '%j')),
  to_i: (_it, s) => Math.floor(s.ms / 1000), to_f: (_it, s) => new RFloat(s.ms / 1000), usec: (_it, s) => (s.ms % 1000) * 1000,
  '-': (_it, s, a) => (a[0] instanceof RObject ? new RFloat((s.ms - (a[0] as RObject & { ms: number }).ms) / 1000) : time(s.ms - num(a[0]) * 1000)), '+': (_it, s, a) => time(s.ms + num(a[0]) * 1000),
  '<=>': (_it, s, a) => Math.sign(s.ms - a[0].ms), '==': (_it, s, a) => a[0] instanceof RObject && s.ms === (a[0] as RObject & { ms: number }).ms, utc: (_it, s) => s, localtime: (_it, s) => s, zone: () => 'UTC',
};

const errno = (it: Interp, path: string, what = 'rb_sysopen') => it.err(C['Errno::ENOENT'], `No such file or directory @ ${what} - ${path}`);
const io = (fd: number) => Object.assign(new RObject(C.IO), { fd });
const fileObj = (path: string, mode: string, content: string) => Object.assign(new RObject(C.File), { fd: 3, path, mode, content, pos: 0 });

export function installLib(it: Interp, h: LibHost) {
  const abs = (p: string) => (p.startsWith('/') ? p : `${h.cwd.replace(/\/$/, '')}/${p}`).replace(/\/\.(?=\/|$)/g, '').replace(/\/+/g, '/');
  const read = (p: string) => { const t = h.files.read(abs(p)); return t === null ? (h.files.kind(abs(p)) === 'dir' ? it.err(C['Errno::EISDIR'], `Is a directory @ io_fread - ${p}`) : errno(it, p)) : t; };
  const needJson: Native = (it2, s, a) => (h.loaded.has('json') ? toJson(it2, s, false) : (void a, NONE));
  const IO: Record<string, Native> = {
    puts: (it2, s, a) => (s.fd === 1 || s.fd === 2 ? it2.out(s.fd, putsText(it2, a)) : (s.content += putsText(it2, a)), null),
    print: (it2, s, a) => (s.fd === 1 || s.fd === 2 ? it2.out(s.fd, a.map((x) => it2.str(x)).join('')) : (s.content += a.map((x) => it2.str(x)).join('')), null),
    write: (it2, s, a) => { const t = a.map((x) => it2.str(x)).join(''); if (s.fd === 1 || s.fd === 2) it2.out(s.fd, t); else s.content += t; return new TextEncoder().encode(t).length; },
    '<<': (it2, s, a) => (IO.write(it2, s, a, null, null), s), printf: (it2, s, a) => IO.print(it2, s, [format(it2, toS(a[0]), a.slice(1))], null, null),
    flush: (_it, s) => s, fsync: () => 0, sync: (_it, s) => !!s.sync || s.fd === 2, 'sync=': (it2, s, a) => { s.sync = truthy(a[0]); if (s.fd === 1) it2.globals.set('\u0000sync', truthy(a[0])); return a[0]; },
    fileno: (_it, s) => s.fd, 'tty?': () => false, 'isatty': () => false,
    read: (_it, s) => { const t = s.content.slice(s.pos); s.pos = s.content.length; return t; }, gets: (it2, s) => { if (s.fd === 0) return it2.gets(); if (s.pos >= s.content.length) return null; const e = s.content.indexOf('\n', s.pos); const l = s.content.slice(s.pos, e < 0 ? undefined : e + 1); s.pos += l.length; return l; },
    each_line: (it2, s, _a, blk) => { for (const l of s.content.slice(s.pos).split(/(?<=\n)/).filter(Boolean)) it2.callProc(blk!, [l]); return s; },
    readlines: (_it, s) => s.content.slice(s.pos).split(/(?<=\n)/).filter(Boolean), close: (_it, s) => { if (s.path && /[wa]/.test(s.mode)) h.files.write(abs(s.path), s.content); return null; }, path: (_it, s) => s.path,
  };
  const openFile = (it2: Interp, a: V[]) => { const path = toS(a[0]); const mode = a[1] === undefined ? 'r' : toS(a[1]); return fileObj(path, mode, mode.startsWith('w') ? '' : mode.startsWith('a') ? h.files.read(abs(path)) ?? '' : read(path)); void it2; };
  const FILE_C: Record<string, Native> = {
    read: (_it, _s, a) => read(toS(a[0])), readlines: (_it, _s, a, _b, kw) => read(toS(a[0])).split(/(?<=\n)/).filter(Boolean).map((l) => (kw?.get(sym('chomp')) ? l.replace(/\n$/, '') : l)),
    foreach: (it2, _s, a, blk) => { for (const l of read(toS(a[0])).split(/(?<=\n)/).filter(Boolean)) it2.callProc(blk!, [l]); return null; },
    write: (_it, _s, a) => { const t = toS(a[1]); h.files.write(abs(toS(a[0])), t); return new TextEncoder().encode(t).length; },
    'exist?': (_it, _s, a) => h.files.kind(abs(toS(a[0]))) !== 'none', 'file?': (_it, _s, a) => h.files.kind(abs(toS(a[0]))) === 'file', 'directory?': (_it, _s, a) => h.files.kind(abs(toS(a[0]))) === 'dir',
    open: (it2, _s, a, blk) => { const f = openFile(it2, a); if (!blk) return f; try { return it2.callProc(blk, [f]); } finally { IO.close(it2, f, [], null, null); } },
    new: (it2, _s, a) => openFile(it2, a),
    basename: (_it, _s, a) => { const b = toS(a[0]).replace(/\/+$/, '').split('/').pop() ?? ''; return a[1] === undefined ? b : toS(a[1]) === '.*' ? b.replace(/\.[^.]*$/, '') : b.endsWith(toS(a[1])) ? b.slice(0, -toS(a[1]).length) : b; },
    dirname: (_it, _s, a) => { const p = toS(a[0]); const i = p.lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); },
    extname: (_it, _s, a) => /(\.[^./]+)$/.exec(toS(a[0]).split('/').pop()!)?.[1] ?? '', join: (_it, _s, a) => a.flat().map(toS).join('/').replace(/\/+/g, '/'),
    expand_path: (_it, _s, a) => { const base = a[1] === undefined ? h.cwd : abs(toS(a[1])); const parts: string[] = []; for (const x of (toS(a[0]).startsWith('/') ? toS(a[0]) : `${base}/${toS(a[0])}`).split('/')) { if (x === '..') parts.pop(); else if (x && x !== '.') parts.push(x); } return '/' + parts.join('/'); },
    'size': (_it, _s, a) => new TextEncoder().encode(read(toS(a[0]))).length, delete: () => 1,
  };
  const DIR_C: Record<string, Native> = {
    pwd: () => h.cwd, getwd: () => h.cwd, 'exist?': (_it, _s, a) => h.files.kind(abs(toS(a[0]))) === 'dir',
    entries: (it2, _s, a) => (h.files.kind(abs(toS(a[0]))) === 'dir' ? ['.', '..', ...h.files.list(abs(toS(a[0])))] : errno(it2, toS(a[0]), 'dir_initialize')),
    children: (_it, _s, a) => h.files.list(abs(toS(a[0]))), mkdir: (_it, _s, a) => (h.files.mkdir(abs(toS(a[0]))), 0),
    glob: (_it, _s, a) => { const pat = toS(Array.isArray(a[0]) ? a[0][0] : a[0]); const dir = pat.includes('/') ? pat.slice(0, pat.lastIndexOf('/')) : '.'; const re = new RegExp('^' + pat.slice(pat.lastIndexOf('/') + 1).replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '.') + '$'); return h.files.kind(abs(dir)) === 'dir' ? h.files.list(abs(dir)).filter((n) => re.test(n) && !n.startsWith('.')).map((n) => (dir === '.' ? n : `${dir}/${n}`)) : []; },
  };
  const ENV_N: Record<string, Native> = {
    '[]': (_it, _s, a) => h.env[toS(a[0])] ?? null, fetch: (it2, _s, a, blk) => (toS(a[0]) in h.env ? h.env[toS(a[0])] : blk ? it2.callProc(blk, [a[0]]) : a.length > 1 ? a[1] : it2.err('KeyError', `key not found: ${inspect(a[0])}`)),
    '[]=': (_it, _s, a) => ((a[1] === null ? delete h.env[toS(a[0])] : (h.env[toS(a[0])] = toS(a[1]))), a[1]), 'key?': (_it, _s, a) => toS(a[0]) in h.env, 'has_key?': (_it, _s, a) => toS(a[0]) in h.env, 'include?': (_it, _s, a) => toS(a[0]) in h.env,
    to_h: () => hashOf(Object.entries(h.env)), keys: () => Object.keys(h.env), values: () => Object.values(h.env), delete: (_it, _s, a) => { const v = h.env[toS(a[0])] ?? null; delete h.env[toS(a[0])]; return v; },
    each: (it2, s, _a, blk) => { for (const [k, v] of Object.entries(h.env)) it2.callProc(blk!, [[k, v]]); return s; }, inspect: () => inspect(hashOf(Object.entries(h.env))), to_s: () => 'ENV',
    select: (it2, _s, a, blk) => ENUM_NATIVES.Hash.select(it2, hashOf(Object.entries(h.env)), a, blk, null), map: (it2, _s, a, blk) => ENUM_NATIVES.Enumerable.map(it2, hashOf(Object.entries(h.env)), a, blk, null), 'empty?': () => !Object.keys(h.env).length,
  };
  const envCls = new RClass('ENV', C.Object);
  const JSON_C: Record<string, Native> = {
    generate: (it2, _s, a) => toJson(it2, a[0]), dump: (it2, _s, a) => toJson(it2, a[0]), pretty_generate: (it2, _s, a) => toJson(it2, a[0], true),
    parse: (it2, _s, a, _b, kw) => {
      const text = toS(a[0]);
      try { return fromJson(JSON.parse(text), !!kw && truthy(kw.get(sym('symbolize_names')))); } catch {
        if (!text.trim()) return it2.err(C['JSON::ParserError'], 'unexpected end of input');
        return it2.err(C['JSON::ParserError'], `unexpected token at '${text.trim()}'`);
      }
    },
  };
  const MATH_C: Record<string, Native> = Object.fromEntries(['sqrt', 'cbrt', 'sin', 'cos', 'tan', 'atan', 'exp', 'log2', 'log10', 'floor'].map((n) => [n, ((it2, _s, a) => { const x = num(a[0]); if (n === 'sqrt' && x < 0) return it2.err(C['Math::DomainError'], 'Numerical argument is out of domain - "sqrt"'); return new RFloat((Math as unknown as Record<string, (x: number) => number>)[n](x)); }) as Native]));
  MATH_C.log = (_it, _s, a) => new RFloat(a.length > 1 ? Math.log(num(a[0])) / Math.log(num(a[1])) : Math.log(num(a[0])));
  MATH_C.hypot = (_it, _s, a) => new RFloat(Math.hypot(num(a[0]), num(a[1]))); MATH_C.pow = (_it, _s, a) => new RFloat(num(a[0]) ** num(a[1])); MATH_C.atan2 = (_it, _s, a) => new RFloat(Math.atan2(num(a[0]), num(a[1])));
  if (!C['Math::DomainError']) { const d = new RClass('Math::DomainError', C.ArgumentError, false, C.Math); C.Math.consts.set('DomainError', d); C['Math::DomainError'] = d; }
  for (const [k, v] of [['INFINITY', Infinity], ['NAN', NaN], ['EPSILON', Number.EPSILON], ['MAX', Number.MAX_VALUE], ['MIN', 2.2250738585072014e-308]] as [string, number][]) C.Float.consts.set(k, new RFloat(v));
  C.Math.consts.set('PI', new RFloat(Math.PI)); C.Math.consts.set('E', new RFloat(Math.E));
  const STRUCT_C: Record<string, Native> = {
    new: (it2, cls, a, blk, kw) => {
      if (cls !== C.Struct) return classNew(it2, cls, a, blk, kw);
      const members = a.filter((x) => x instanceof RSym).map((x) => x.name);
      const c = new RClass('#<Class:0x000055d5c0ffee08>', C.Struct);
      c.struct = members;
      CLASS_METHODS.attr_accessor(it2, c, members.map(sym), null, null);
      (c as RClass & { kwInit?: boolean }).kwInit = !!kw && truthy(kw.get(sym('keyword_init')));
      if (blk) it2.callProc(blk, [c], null, c);
      return c;
    },
  };
  const STRUCT: Record<string, Native> = {
    to_a: (_it, s) => s.cls.struct.map((n: string) => s.ivars.get('@' + n) ?? null), deconstruct: (it2, s) => STRUCT.to_a(it2, s, [], null, null), members: (_it, s) => s.cls.struct.map(sym),
    to_h: (_it, s) => hashOf(s.cls.struct.map((n: string) => [sym(n), s.ivars.get('@' + n) ?? null])), '[]': (_it, s, a) => s.ivars.get('@' + toS(a[0])) ?? null, '[]=': (_it, s, a) => (s.ivars.set('@' + toS(a[0]), a[1]), a[1]),
    each: (it2, s, _a, blk) => { for (const n of s.cls.struct) it2.callProc(blk!, [s.ivars.get('@' + n) ?? null]); return s; },
  };
  const CLASSNEW = CLASS_METHODS.new;
  const classNew: Native = (it2, cls, a, blk, kw) => {
    let sc: RClass | null = cls;
    while (sc && !sc.struct) sc = sc.superclass;
    if (!sc || it2.findMethod(new RObject(cls), 'initialize')) return CLASSNEW(it2, cls, a, blk, kw);
    const o = new RObject(cls);
    const members = sc.struct!;
    if (a.length > members.length) it2.err('ArgumentError', 'struct size differs');
    members.forEach((n, i) => o.ivars.set('@' + n, kw && (sc as RClass & { kwInit?: boolean }).kwInit ? kw.get(sym(n)) ?? null : a[i] ?? (kw && i === a.length ? kw.get(sym(n)) ?? null : null)));
    return o;
  };
  takesKw(classNew, STRUCT_C.new);
  it.natives = {
    ...CORE, ...ENUM_NATIVES, ...SUPER,
    Kernel: { ...KERNEL, to_json: needJson },
    'Class.': { ...CLASS_METHODS, new: classNew }, 'Module.': CLASS_METHODS,
    IO, File: IO, 'File.': FILE_C, 'IO.': FILE_C, 'Dir.': DIR_C, 'JSON.': JSON_C, 'Math.': MATH_C, 'Struct.': STRUCT_C, Struct: STRUCT, Time: TIME,
    'Time.': { now: () => time(h.now()), at: (_it, _s, a) => time(num(a[0]) * 1000), new: (_it, _s, a) => (a.length ? time(Date.UTC(num(a[0]), num(a[1] ?? 1) - 1, num(a[2] ?? 1), num(a[3] ?? 0), num(a[4] ?? 0), num(a[5] ?? 0))) : time(h.now())) },
    'Hash.': { new: (_it, _s, a, blk) => { const x = new RHash(); x.def = a[0] ?? null; x.defProc = blk; return x; }, '[]': (_it, _s, a) => (a[0] instanceof RHash ? hashOf(a[0].entries()) : hashOf(a[0] ?? [])) },
    'Array.': { new: (it2, _s, a, blk) => Array.from({ length: num(a[0] ?? 0) }, (_x, i) => (blk ? it2.callProc(blk, [i]) : a[1] ?? null)), '[]': (_it, _s, a) => a },
    'Integer.': { sqrt: (_it, _s, a) => Math.floor(Math.sqrt(num(a[0]))), '===': (_it, _s, a) => isInt(a[0]) },
    'Float.': { '===': (_it, _s, a) => a[0] instanceof RFloat },
    'Process.': { pid: () => h.pid, clock_gettime: () => new RFloat(h.now() / 1000) },
    'Range.': { new: (_it, _s, a) => new RRange(a[0], a[1], truthy(a[2])) },
    'Signal.': { trap: () => 'DEFAULT' }, 'ObjectSpace.': {}, 'GC.': { start: () => null },
    ENV: ENV_N,
  };
  it.natives.Kernel.to_json = needJson;
  for (const n of ['Integer', 'Float', 'String', 'Symbol', 'NilClass', 'TrueClass', 'FalseClass', 'Array', 'Hash']) it.natives[n].to_json = needJson;
  C.Object.consts.set('ENV', new RObject(envCls));
  C.Object.consts.set('ARGV', h.argv);
  const out = io(1), err = io(2);
  for (const [k, v] of [['STDOUT', out], ['STDERR', err], ['STDIN', io(0)], ['RUBY_VERSION', h.version], ['RUBY_PLATFORM', 'x86_64-linux'], ['RUBY_ENGINE', 'ruby'], ['RUBY_RELEASE_DATE', '2024-11-05'], ['RUBY_PATCHLEVEL', 108], ['RUBY_COPYRIGHT', 'ruby - Copyright (C) 1993-2024 Yukihiro Matsumoto']] as [string, V][]) C.Object.consts.set(k, v);
  it.globals.set('$stdout', out); it.globals.set('$stderr', err); it.globals.set('$stdin', C.Object.consts.get('STDIN')); it.globals.set('$PROGRAM_NAME', h.argv);
  it.globals.set('$,', null); it.globals.set('$/', '\n');
  void PRIVATE_KERNEL; void inspectStr;
}
