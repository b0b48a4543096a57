// The PHP subset's system side: var_dump/print_r/var_export, json_encode/json_decode, date and time, getenv, files,
// header()/http_response_code(), output buffering, class introspection, define/constant; and the library's table.
import { Fatal, findMethod, isA, newClass, Thrown, type Fn, type NativeFn } from './php-core';
import type { Interp, Lib, LibFn } from './php-interp';
import { ARR } from './php-lib-arr';
import { STR } from './php-lib-str';
import { fl, fromJs, jsonEncode, PArr, PFloat, PObj, printR, toFloat, toInt, varDump, varExport, type Val } from './php-value';

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** date(): the format characters learners use, in UTC (the image's default timezone). */
export function date(fmt: string, ms: number): string {
  const d = new Date(ms);
  const H = d.getUTCHours();
  const map: Record<string, () => string> = {
    d: () => p2(d.getUTCDate()), j: () => String(d.getUTCDate()), D: () => DAYS[d.getUTCDay()].slice(0, 3), l: () => DAYS[d.getUTCDay()], N: () => String(d.getUTCDay() || 7), w: () => String(d.getUTCDay()),
    m: () => p2(d.getUTCMonth() + 1), n: () => String(d.getUTCMonth() + 1), M: () => MONTHS[d.getUTCMonth()].slice(0, 3), F: () => MONTHS[d.getUTCMonth()], t: () => String(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate()),
    Y: () => String(d.getUTCFullYear()), y: () => String(d.getUTCFullYear()).slice(-2), L: () => (new Date(Date.UTC(d.getUTCFullYear(), 1, 29)).getUTCMonth() === 1 ? '1' : '0'),
    a: () => (H < 12 ? 'am' : 'pm'), A: () => (H < 12 ? 'AM' : 'PM'), g: () => String(H % 12 || 12), G: () => String(H), h: () => p2(H % 12 || 12), H: () => p2(H),
    i: () => p2(d.getUTCMinutes()), s: () => p2(d.getUTCSeconds()), v: () => String(d.getUTCMilliseconds()).padStart(3, '0'), u: () => String(d.getUTCMilliseconds() * 1000).padStart(6, '0'),
    e: () => 'UTC', T: () => 'UTC', P: () => '+00:00', O: () => '+0000', p: () => 'Z', Z: () => '0', U: () => String(Math.floor(ms / 1000)),
    c: () => date('Y-m-d\\TH:i:sP', ms), r: () => date('D, d M Y H:i:s O', ms), S: () => { const j = d.getUTCDate(); return j % 10 === 1 && j !== 11 ? 'st' : j % 10 === 2 && j !== 12 ? 'nd' : j % 10 === 3 && j !== 13 ? 'rd' : 'th'; },
  };
  let out = '';
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i];
    if (c === '\\') { out += fmt[++i] ?? ''; continue; }
    out += map[c] ? map[c]() : c;
  }
  return out;
}

function strtotime(s: string, now: number): number | false {
  const t = s.trim().toLowerCase();
  if (t === 'now' || t === '') return Math.floor(now / 1000);
  if (/^@-?\d+$/.test(t)) return Number(t.slice(1));
  if (t === 'today' || t === 'midnight') return Math.floor(now / 86400000) * 86400;
  if (t === 'tomorrow') return Math.floor(now / 86400000) * 86400 + 86400;
  if (t === 'yesterday') return Math.floor(now / 86400000) * 86400 - 86400;
  const rel = /^([+-]?\d+)\s*(sec|second|min|minute|hour|day|week|month|year)s?(\s+ago)?$/.exec(t);
  if (rel) {
    const n = Number(rel[1]) * (rel[3] ? -1 : 1);
    const d = new Date(now);
    const unit = rel[2];
    if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + n);
    else if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + n);
    else d.setTime(d.getTime() + n * 1000 * ({ sec: 1, second: 1, min: 60, minute: 60, hour: 3600, day: 86400, week: 604800 } as Record<string, number>)[unit]);
    return Math.floor(d.getTime() / 1000);
  }
  const iso = Date.parse(/^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$/.test(s.trim()) ? s.trim().replace(' ', 'T') + (s.includes(':') ? 'Z' : 'T00:00:00Z') : s);
  return Number.isNaN(iso) ? false : Math.floor(iso / 1000);
}

/** phpinfo(): its first rows and the loaded modules (text in the CLI, the HTML page elsewhere), shortened. */
export function phpinfo(it: Interp): string {
  const h = it.host;
  const api = h.sapi === 'cli' ? 'Command Line Interface' : h.sapi === 'cli-server' ? 'Built-in HTTP server' : 'Apache 2.0 Handler';
  const rows: [string, string][] = [['System', `Linux ${h.hostname} 6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024 x86_64`], ['Build Date', 'Nov 21 2024 19:13:32'], ['Server API', api],
    ['Virtual Directory Support', 'disabled'], ['Configuration File (php.ini) Path', '/usr/local/etc/php'], ['Loaded Configuration File', '(none)'], ['Scan this dir for additional .ini files', '/usr/local/etc/php/conf.d'],
    ['PHP API', '20240924'], ['PHP Extension', '20240924'], ['Zend Extension', '420240924'], ['Debug Build', 'no'], ['Thread Safety', 'disabled'], ['Zend Memory Manager', 'enabled'], ['IPv6 Support', 'enabled'],
    ['Registered PHP Streams', 'https, ftps, compress.zlib, php, file, glob, data, http, ftp, phar']];
  if (h.sapi === 'cli') return `phpinfo()\nPHP Version => ${h.version}\n\n${rows.map(([k, v]) => `${k} => ${v}`).join('\n')}\n\n${h.extensions.map((e) => `${e}\n`).join('\n')}\nPHP License\nThis program is free software; you can redistribute it and/or modify\nit under the terms of the PHP License as published by the PHP Group\nand included in the distribution in the file:  LICENSE\n`;
  const table = (r: [string, string][]) => `<table>\n${r.map(([k, v]) => `<tr><td class="e">${k} </td><td class="v">${v} </td></tr>\n`).join('')}</table>\n`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "DTD/xhtml1-transitional.dtd">\n<html xmlns="http://www.w3.org/1999/xhtml"><head>\n<style type="text/css">\nbody {background-color: #fff; color: #222; font-family: sans-serif;}\n</style>\n<title>PHP ${h.version} - phpinfo()</title><meta name="ROBOTS" content="NOINDEX,NOFOLLOW,NOARCHIVE" /></head>\n<body><div class="center">\n<table>\n<tr class="h"><td>\n<h1 class="p">PHP Version ${h.version}</h1>\n</td></tr>\n</table>\n${table(rows)}${h.extensions.map((e) => `<h2><a name="module_${e.toLowerCase()}">${e}</a></h2>\n`).join('')}</div></body></html>`;
}

const jsonErr = { code: 0 };
const JSON_MSGS: Record<number, string> = { 0: 'No error', 4: 'Syntax error', 5: 'Malformed UTF-8 characters, possibly incorrectly encoded' };
const stream = (it: Interp, name: string) => { const o = new PObj(it.cls('stdClass')); o.props.set('__stream', name); return o; };

function jsonValue(it: Interp, v: Val): Val {
  if (v instanceof PArr) return PArr.from([...v.m].map(([k, x]) => [k, jsonValue(it, x)]));
  if (v instanceof PObj) {
    const m = isA(v.cls, 'JsonSerializable') ? findMethod(v.cls, 'jsonSerialize') : undefined;
    if (m) return jsonValue(it, it.callFn(m.fn as Fn, [], [], v, v.cls, `${v.cls.name}->jsonSerialize`));
    // public properties only: a property some class of the chain declares private or protected is left out
    const hidden = (k: string) => { for (let c: typeof v.cls | undefined = v.cls; c; c = c.parent) if (c.props.some((p) => p.name === k && p.visibility !== 'public')) return true; return false; };
    const o = new PObj(v.cls);
    for (const [k, x] of v.props) if (!hidden(k)) o.props.set(k, jsonValue(it, x));
    return o;
  }
  return v;
}

const SYS: Record<string, LibFn> = {
  var_dump: (it, args) => { for (const a of args) it.echo(varDump(a)); return null; },
  print_r: (it, [v, ret]) => { const s = printR(v ?? null); if (ret === true) return s; it.echo(s); return true; },
  var_export: (it, [v, ret]) => { const s = varExport(v ?? null); if (ret === true) return s; it.echo(s); return null; },
  json_encode: (it, [v, flags]) => { jsonErr.code = 0; return jsonEncode(jsonValue(it, v ?? null), toInt(flags ?? 0)); },
  json_decode: (it, [s, assoc, _depth, flags]) => {
    try { jsonErr.code = 0; return fromJs(JSON.parse(it.str(s ?? '')), assoc === true || (toInt(flags ?? 0) & 1) === 1, () => new PObj(it.cls('stdClass'))); } catch {
      jsonErr.code = 4;
      if (toInt(flags ?? 0) & 4194304) it.raise('JsonException', 'Syntax error');
      return null;
    }
  },
  json_last_error: () => jsonErr.code,
  json_last_error_msg: () => JSON_MSGS[jsonErr.code] ?? 'Unknown error',
  time: (it) => Math.floor(it.host.now() / 1000),
  microtime: (it, [f]) => (f === true ? fl(it.host.now() / 1000) : `${((it.host.now() % 1000) / 1000).toFixed(8)} ${Math.floor(it.host.now() / 1000)}`),
  hrtime: (it, [f]) => (f === true ? it.host.now() * 1e6 : PArr.of([Math.floor(it.host.now() / 1000), (it.host.now() % 1000) * 1e6])),
  date: (it, [f, ts]) => date(it.str(f ?? ''), ts === undefined || ts === null ? it.host.now() : toInt(ts) * 1000),
  gmdate: (it, [f, ts]) => date(it.str(f ?? ''), ts === undefined || ts === null ? it.host.now() : toInt(ts) * 1000),
  mktime: (it, [h, i, s, m, d, y]) => { const n = new Date(it.host.now()); const g = (v: Val | undefined, dflt: number) => (v === undefined || v === null ? dflt : toInt(v)); return Math.floor(Date.UTC(g(y, n.getUTCFullYear()), g(m, n.getUTCMonth() + 1) - 1, g(d, n.getUTCDate()), g(h, n.getUTCHours()), g(i, n.getUTCMinutes()), g(s, n.getUTCSeconds())) / 1000); },
  strtotime: (it, [s, base]) => strtotime(it.str(s ?? ''), base === undefined ? it.host.now() : toInt(base) * 1000),
  date_default_timezone_set: () => true,
  date_default_timezone_get: () => 'UTC',
  checkdate: (_it, [m, d, y]) => { const dt = new Date(Date.UTC(toInt(y ?? 0), toInt(m ?? 0) - 1, toInt(d ?? 0))); return dt.getUTCDate() === toInt(d ?? 0) && dt.getUTCMonth() === toInt(m ?? 0) - 1; },
  sleep: (it, [n]) => { it.host.sleep(toInt(n ?? 0) * 1000); return 0; },
  usleep: (it, [n]) => { it.host.sleep(toInt(n ?? 0) / 1000); return null; },
  mysqli_connect: (it) => {
    if (!it.host.extensions.includes('mysqli')) it.raise('Error', 'Call to undefined function mysqli_connect()');
    throw new Fatal('dockerlings: a mysqli connection is not simulated in this PHP subset (the mysql client is: docker exec -it db mysql …)', it.line, it.file);
  },
  phpinfo: (it) => { it.echo(phpinfo(it)); return true; },
  phpversion: (it, [ext]) => (ext === undefined ? it.host.version : SYS.extension_loaded(it, [ext], []) ? it.host.version : false),
  extension_loaded: (it, [n]) => it.host.extensions.some((e) => e.toLowerCase() === it.str(n ?? '').toLowerCase()),
  get_loaded_extensions: (it) => PArr.of(it.host.extensions),
  php_sapi_name: (it) => it.host.sapi,
  php_uname: (it, [m]) => (m === 's' ? 'Linux' : m === 'n' ? it.host.hostname : m === 'r' ? '6.8.0-49-generic' : m === 'm' ? 'x86_64' : `Linux ${it.host.hostname} 6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024 x86_64`),
  gethostname: (it) => it.host.hostname,
  getenv: (it, [n]) => (n === undefined || n === null ? PArr.from(Object.entries(it.host.env)) : it.host.env[it.str(n)] ?? false),
  putenv: (it, [s]) => { const [k, v = ''] = it.str(s ?? '').split('='); it.host.env[k] = v; return true; },
  memory_get_usage: () => 393216,
  memory_get_peak_usage: () => 430000,
  getmypid: () => 1,
  error_reporting: () => 32767,
  ini_set: () => false,
  ini_get: (it, [n]) => ({ display_errors: '1', log_errors: it.host.logErrors ? '1' : '0', memory_limit: '128M', max_execution_time: '0', 'date.timezone': '' } as Record<string, string>)[it.str(n ?? '')] ?? false,
  set_time_limit: () => true,
  error_log: (it, [m]) => { it.host.err(`${it.str(m ?? '')}\n`); return true; },
  trigger_error: (it, [m, lvl]) => { const l = toInt(lvl ?? 1024); it.warn(it.str(m ?? ''), l === 512 ? 'Warning' : l === 8192 || l === 16384 ? 'Deprecated' : 'Notice'); return true; },
  define: (it, [n, v]) => { it.constants.set(it.str(n ?? ''), v ?? null); return true; },
  defined: (it, [n]) => it.constants.has(it.str(n ?? '')),
  constant: (it, [n]) => { const k = it.str(n ?? ''); if (!it.constants.has(k)) it.raise('Error', `Undefined constant "${k}"`); return it.constants.get(k)!; },
  header: (it, [h, replace, code]) => {
    const line = it.str(h ?? '');
    const i = line.indexOf(':');
    if (/^HTTP\//i.test(line)) { it.status = Number(line.split(' ')[1]) || it.status; return null; }
    if (i < 0) return null;
    const name = line.slice(0, i).trim(), value = line.slice(i + 1).trim();
    if (replace !== false) it.headers = it.headers.filter(([k]) => k.toLowerCase() !== name.toLowerCase());
    it.headers.push([name, value]);
    if (code !== undefined) it.status = toInt(code);
    else if (name.toLowerCase() === 'location' && it.status === 200) it.status = 302;
    return null;
  },
  http_response_code: (it, [c]) => { const old = it.host.sapi === 'cli' ? false : it.status; if (c !== undefined && c !== null) { it.status = toInt(c); return old === false ? true : old; } return old; },
  headers_sent: () => false,
  headers_list: (it) => PArr.of(it.headers.map(([k, v]) => `${k}: ${v}`)),
  ob_start: (it) => { it.ob.push(''); return true; },
  ob_get_clean: (it) => (it.ob.length ? it.ob.pop()! : false),
  ob_get_contents: (it) => (it.ob.length ? it.ob[it.ob.length - 1] : false),
  ob_end_clean: (it) => (it.ob.length ? (it.ob.pop(), true) : false),
  ob_end_flush: (it) => { if (!it.ob.length) return false; const s = it.ob.pop()!; it.echo(s); return true; },
  ob_get_level: (it) => it.ob.length,
  flush: () => null,
  file_get_contents: (it, [f]) => {
    const name = it.str(f ?? '');
    if (name === 'php://stdin') return it.host.stdin;
    if (name === 'php://input') return (it.constants.get('__INPUT') as string | undefined) ?? '';
    const c = it.host.files.read(abs(it, name));
    if (c === null) { it.warn(`file_get_contents(${name}): Failed to open stream: No such file or directory`); return false; }
    return c;
  },
  file_put_contents: (it, [f, data, flags]) => { const p = abs(it, it.str(f ?? '')); const s = data instanceof PArr ? data.values().map((x) => it.str(x)).join('') : it.str(data ?? ''); const old = (toInt(flags ?? 0) & 8) && it.host.files.get(p).kind === 'file' ? it.host.files.read(p) ?? '' : ''; it.host.files.write(p, old + s); return new TextEncoder().encode(s).length; },
  file_exists: (it, [f]) => it.host.files.get(abs(it, it.str(f ?? ''))).kind !== 'none',
  is_file: (it, [f]) => it.host.files.get(abs(it, it.str(f ?? ''))).kind === 'file',
  is_dir: (it, [f]) => it.host.files.get(abs(it, it.str(f ?? ''))).kind === 'dir',
  file: (it, [f, flags]) => { const c = it.host.files.read(abs(it, it.str(f ?? ''))); if (c === null) return false; const lines = c.split(/(?<=\n)/); return PArr.of(toInt(flags ?? 0) & 2 ? lines.map((l) => l.replace(/\r?\n$/, '')) : lines); },
  scandir: (it, [f]) => { const e = it.host.files.get(abs(it, it.str(f ?? ''))); return e.kind === 'dir' ? PArr.of(['.', '..', ...e.names].sort()) : false; },
  basename: (it, [f, suffix]) => { let b = it.str(f ?? '').replace(/\/+$/, '').replace(/^.*\//, ''); if (suffix !== undefined && b.endsWith(it.str(suffix))) b = b.slice(0, -it.str(suffix).length); return b; },
  dirname: (it, [f]) => { const s = it.str(f ?? ''); const i = s.replace(/\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : s.slice(0, i); },
  realpath: (it, [f]) => abs(it, it.str(f ?? '')),
  getcwd: (it) => it.host.cwd,
  fopen: (it, [f]) => stream(it, it.str(f ?? '')),
  fclose: () => true,
  fwrite: (it, [h, s]) => { const name = h instanceof PObj ? String(h.props.get('__stream')) : ''; const text = it.str(s ?? ''); if (name === 'php://stderr') it.host.err(text); else it.echo(text); return text.length; },
  fgets: (it) => { const rest = it.host.stdin.slice(it.stdinPos); if (!rest) return false; const nl = rest.indexOf('\n'); const line = nl < 0 ? rest : rest.slice(0, nl + 1); it.stdinPos += line.length; return line; },
  readline: (it, [prompt]) => { if (prompt) it.echo(it.str(prompt)); const v = SYS.fgets(it, [], []); return typeof v === 'string' ? v.replace(/\n$/, '') : false; },
  get_class: (it, [o]) => (o instanceof PObj ? o.cls.name : it.raise('TypeError', 'get_class(): Argument #1 ($object) must be of type object')),
  get_parent_class: (_it, [o]) => (o instanceof PObj ? o.cls.parent?.name ?? false : false),
  get_object_vars: (_it, [o]) => (o instanceof PObj ? PArr.from([...o.props]) : null),
  method_exists: (it, [o, m]) => !!findMethod(o instanceof PObj ? o.cls : it.classes.get(it.str(o ?? '').toLowerCase()), it.str(m ?? '')),
  property_exists: (it, [o, p]) => (o instanceof PObj ? o.props.has(it.str(p ?? '')) : false),
  class_exists: (it, [n]) => it.classes.has(it.str(n ?? '').toLowerCase()),
  spl_object_id: (_it, [o]) => (o instanceof PObj ? o.id : 0),
  spl_autoload_register: () => true,
  array_key_exists: ARR.array_key_exists,
  iterator_to_array: (_it, [a]) => (a instanceof PArr ? a : new PArr()),
  compact: () => null, extract: () => null, get_defined_vars: () => null, func_get_args: () => null,
  session_start: () => true,
  random_bytes: (_it, [n]) => Array.from({ length: toInt(n ?? 0) }, () => String.fromCharCode(Math.floor(Math.random() * 256))).join(''),
  password_hash: (it, [p]) => '$2y$10$' + btoa(it.str(p ?? '')).padEnd(53, 'x').slice(0, 53),
  password_verify: (it, [p, h]) => it.str(h ?? '') === '$2y$10$' + btoa(it.str(p ?? '')).padEnd(53, 'x').slice(0, 53),
};

const abs = (it: Interp, p: string) => (p.startsWith('/') ? p : `${it.host.cwd}/${p}`).replace(/\/\.\//g, '/').replace(/\/+/g, '/');

/** DateTime and DateTimeImmutable, the part learners use (a time from strtotime's formats, format(), getTimestamp(),
 *  modify()); and PDO up to its connection. */
export function nativeClasses(it: Interp) {
  for (const name of ['DateTime', 'DateTimeImmutable']) {
    const c = newClass(name, undefined, ['DateTimeInterface']);
    const ms = (o: PObj | null) => toInt(o?.props.get('__ts') ?? 0) * 1000;
    const native = (n: string, call: NativeFn['call']) => c.methods.set(n.toLowerCase(), { name: n, static: false, visibility: 'public', fn: { kind: 'native', name: n, call } satisfies NativeFn, cls: c });
    native('__construct', ([t], self) => {
      const ts = strtotime(t === undefined || t === null ? 'now' : it.str(t), it.host.now());
      if (ts === false) it.raise('Exception', `Failed to parse time string (${it.str(t ?? '')}) at position 0 (${it.str(t ?? '').charAt(0)}): The timezone could not be found in the database`);
      self?.props.set('__ts', ts);
      return null;
    });
    native('format', ([f], self) => date(it.str(f ?? ''), ms(self)));
    native('getTimestamp', (_a, self) => ms(self) / 1000);
    native('modify', ([m], self) => {
      const target = name === 'DateTime' ? self! : Object.assign(new PObj(c), { props: new Map(self!.props) });
      const ts = strtotime(it.str(m ?? ''), ms(self));
      if (ts !== false) target.props.set('__ts', ts);
      return target;
    });
    it.classes.set(name.toLowerCase(), c);
  }
  // PDO is built in; its mysql and pgsql drivers come with docker-php-ext-install. Without the driver PHP says
  // "could not find driver"; a connection itself is not simulated here, and says so
  const pdoEx = newClass('PDOException', it.classes.get('runtimeexception'), ['Throwable', 'Stringable']);
  it.classes.set('pdoexception', pdoEx);
  const pdo = newClass('PDO');
  for (const [k, v] of Object.entries({ ATTR_ERRMODE: 3, ERRMODE_EXCEPTION: 2, ATTR_DEFAULT_FETCH_MODE: 19, FETCH_ASSOC: 2, FETCH_OBJ: 5, FETCH_NUM: 3, FETCH_BOTH: 4 })) pdo.consts.set(k, v);
  pdo.methods.set('__construct', { name: '__construct', static: false, visibility: 'public', cls: pdo, fn: { kind: 'native', name: '__construct', call: ([dsn]) => {
    const driver = it.str(dsn ?? '').split(':')[0].toLowerCase();
    const loaded = (e: string) => it.host.extensions.some((x) => x.toLowerCase() === e);
    if (!loaded(`pdo_${driver}`)) throw new Thrown(it.instantiate(pdoEx, ['could not find driver']));
    throw new Fatal(`dockerlings: a PDO ${driver} connection is not simulated in this PHP subset (the mysql and psql clients are: docker exec -it db mysql …)`, it.line, it.file);
  } } satisfies NativeFn });
  it.classes.set('pdo', pdo);
}

export function phpLib(version: string, sapi: string): Lib {
  const [maj, min, rel] = version.split('.').map(Number);
  return {
    fns: { ...STR, ...ARR, ...SYS },
    // the arguments each function takes by reference (-1: every argument after the first)
    refs: { sort: [0], rsort: [0], usort: [0], uasort: [0], uksort: [0], ksort: [0], krsort: [0], asort: [0], arsort: [0], shuffle: [0], array_push: [0], array_pop: [0], array_shift: [0], array_unshift: [0], array_walk: [0], array_splice: [0], preg_match: [2], preg_match_all: [2], str_replace: [3] },
    consts: {
      PHP_VERSION: version, PHP_MAJOR_VERSION: maj, PHP_MINOR_VERSION: min, PHP_RELEASE_VERSION: rel, PHP_VERSION_ID: maj * 10000 + min * 100 + rel, PHP_EOL: '\n', PHP_OS: 'Linux', PHP_OS_FAMILY: 'Linux',
      PHP_INT_MAX: Number.MAX_SAFE_INTEGER, PHP_INT_MIN: Number.MIN_SAFE_INTEGER, PHP_INT_SIZE: 8, PHP_FLOAT_EPSILON: new PFloat(Number.EPSILON), PHP_FLOAT_MAX: new PFloat(Number.MAX_VALUE), NAN: new PFloat(NaN), INF: new PFloat(Infinity),
      M_PI: new PFloat(Math.PI), M_E: new PFloat(Math.E), E_ALL: 32767, E_ERROR: 1, E_WARNING: 2, E_NOTICE: 8, E_DEPRECATED: 8192, E_STRICT: 2048, E_USER_ERROR: 256, E_USER_WARNING: 512, E_USER_NOTICE: 1024, E_USER_DEPRECATED: 16384,
      JSON_PRETTY_PRINT: 128, JSON_UNESCAPED_SLASHES: 64, JSON_UNESCAPED_UNICODE: 256, JSON_THROW_ON_ERROR: 4194304, JSON_FORCE_OBJECT: 16, JSON_ERROR_NONE: 0, JSON_OBJECT_AS_ARRAY: 1, JSON_NUMERIC_CHECK: 32,
      ARRAY_FILTER_USE_KEY: 2, ARRAY_FILTER_USE_BOTH: 1, SORT_REGULAR: 0, SORT_NUMERIC: 1, SORT_STRING: 2, COUNT_RECURSIVE: 1, STR_PAD_LEFT: 0, STR_PAD_RIGHT: 1, STR_PAD_BOTH: 2, FILE_APPEND: 8, FILE_IGNORE_NEW_LINES: 2, FILE_SKIP_EMPTY_LINES: 4,
      PREG_SPLIT_NO_EMPTY: 1, PHP_URL_SCHEME: 0, PHP_URL_HOST: 1, PHP_URL_PORT: 2, PHP_URL_USER: 3, PHP_URL_PASS: 4, PHP_URL_PATH: 5, PHP_URL_QUERY: 6, PHP_URL_FRAGMENT: 7, ENT_QUOTES: 3, LC_ALL: 6, DIRECTORY_SEPARATOR: '/', PHP_SAPI: sapi, DATE_ATOM: 'Y-m-d\\TH:i:sP', PHP_BINARY: '/usr/local/bin/php',
    },
  };
}

export { toFloat };
