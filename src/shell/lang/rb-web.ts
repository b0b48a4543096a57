// Ruby's servers in the subset: a classic Sinatra 4.1 app (routes, params, status, halt, redirect, content_type) on
// Puma 6.5 or WEBrick, `ruby -run -e httpd` (un.rb's WEBrick file server) and a plain TCPServer loop, with their
// start-up banners, access logs and response headers.
import { Interp, type Native } from './rb-eval';
import { toJson, strftime } from './rb-lib';
import { C, hashOf, RClass, RHash, RObject, RProc, RSym, sym, toS, truthy, type V } from './rb-value';

export class Serving { constructor(readonly host: string, readonly port: number, readonly banner: { stdout: string; stderr: string }) {} }
/** A TCPServer program finished answering the request it was started for. */
export class Answered {}
export class Halt { constructor(readonly v: V) {} }
/** Sinatra's params: string keys, found by symbol too. */
class IndifferentHash extends RHash {
  override get(k: V): V { return super.get(k instanceof RSym ? k.name : k); }
  override has(k: V): boolean { return super.has(k instanceof RSym ? k.name : k); }
}

export interface WebReq { method: string; url: string; client: string; headers?: Record<string, string>; body?: string; time: number }
export interface WebReply { status: number; reason: string; headers: [string, string][]; body: string; stderr: string; protocol?: string }
export const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 422: 'Unprocessable Content', 500: 'Internal Server Error' };

export interface Gems { has(name: string): boolean; version(name: string): string }
export interface SinatraApp { routes: { verb: string; path: string; re: RegExp; keys: string[]; blk: RProc }[]; settings: Map<string, V>; notFound: RProc | null; cls: RClass; before: RProc[] }

const logTime = (ms: number) => strftime(ms, '%d/%b/%Y:%H:%M:%S +0000');
const webrickTime = (ms: number) => strftime(ms, '[%Y-%m-%d %H:%M:%S]');
export const webrickBanner = (ms: number, version: string, port: number, extra = '') =>
  `${webrickTime(ms)} INFO  WEBrick 1.9.1\n${webrickTime(ms)} INFO  ruby ${version} (2024-11-05) [x86_64-linux]\n${extra}${webrickTime(ms)} INFO  WEBrick::HTTPServer#start: pid=1 port=${port}\n`;

/** Sinatra's DSL on the main object once `require 'sinatra'` ran (classic style). */
/** An ERB template as Ruby code that builds its output: text, <%= expr %> (to_s), <% code %>, <%# comments %>; a
 *  newline right after a <% code %> tag is dropped (ERB's trim mode as Sinatra uses it: `-%>` and `<>` alike). */
export function erbToRuby(tpl: string): string {
  const lit = (t: string) => '"' + t.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/#(?=[{$@])/g, '\\#').replace(/\n/g, '\\n') + '"';
  let out = "_erbout = ''\n";
  let i = 0;
  for (const m of tpl.matchAll(/<%(=|#)?([\s\S]*?)-?%>(\n?)/g)) {
    out += `_erbout << ${lit(tpl.slice(i, m.index))}\n`;
    if (m[1] === '=') out += `_erbout << (${m[2].trim()}).to_s\n${m[3] ? '_erbout << "\\n"\n' : ''}`;
    else if (m[1] !== '#') out += `${m[2].trim()}\n`;
    i = m.index! + m[0].length;
  }
  return out + `_erbout << ${lit(tpl.slice(i))}\n_erbout\n`;
}

export function installSinatra(it: Interp, app: SinatraApp, argv: string[], env: Record<string, string>, read: (path: string) => string | null, root: string): Record<string, Native> {
  const route = (verb: string): Native => (_it, _s, a, blk) => {
    const path = toS(a[0]);
    const keys: string[] = [];
    const re = new RegExp('^' + path.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_m, k: string) => (keys.push(k), '([^/?#]+)')).replace(/\*/g, () => (keys.push('splat'), '(.*?)')) + '$');
    app.routes.push({ verb, path, re, keys, blk: blk! });
    if (verb === 'GET') app.routes.push({ verb: 'HEAD', path, re, keys, blk: blk! });
    return null;
  };
  app.settings.set('environment', sym(env.APP_ENV || env.RACK_ENV || 'development'));
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '-o') app.settings.set('bind', argv[++i]);
    else if (argv[i] === '-p') app.settings.set('port', parseInt(argv[++i], 10));
    else if (argv[i] === '-e') app.settings.set('environment', sym(argv[++i]));
  }
  const ctx = () => it.globals.get('\u0000sinatra') as { params: RHash; status: number; headers: [string, string][]; type: string | null; req: WebReq } | undefined;
  const set: Native = (_it, _s, a) => { if (a[0] instanceof RHash) for (const [k, v] of a[0].entries()) app.settings.set(toS(k), v); else app.settings.set(toS(a[0]), a[1] ?? true); return null; };
  return {
    get: route('GET'), post: route('POST'), put: route('PUT'), delete: route('DELETE'), patch: route('PATCH'), options: route('OPTIONS'),
    set, enable: (_it, _s, a) => (a.forEach((x) => app.settings.set(toS(x), true)), null), disable: (_it, _s, a) => (a.forEach((x) => app.settings.set(toS(x), false)), null),
    configure: (it2, _s, a, blk) => (!a.length || a.some((e) => toS(e) === toS(app.settings.get('environment'))) ? it2.callProc(blk!, [app.cls], null, app.cls) : null),
    helpers: (it2, _s, _a, blk) => it2.callProc(blk!, [], null, app.cls),
    before: (_it, _s, _a, blk) => (app.before.push(blk!), null),
    not_found: (_it, _s, _a, blk) => ((app.notFound = blk), null),
    error: () => null, use: () => null, register: () => null,
    settings: () => Object.assign(new RObject(C.Object), { sinatraSettings: app }),
    'development?': () => toS(app.settings.get('environment')) === 'development', 'production?': () => toS(app.settings.get('environment')) === 'production',
    params: () => ctx()?.params ?? new RHash(),
    request: () => Object.assign(new RObject(C.Object), { req: ctx()?.req }),
    status: (_it, _s, a) => { const c = ctx(); if (c && a.length) c.status = Number(a[0]); return c?.status ?? 200; },
    headers: (_it, _s, a) => { const c = ctx(); if (c && a[0] instanceof RHash) for (const [k, v] of a[0].entries()) c.headers.push([toS(k).toLowerCase(), toS(v)]); return null; },
    content_type: (_it, _s, a) => { const c = ctx(); if (c) { const t = toS(a[0]); c.type = t === 'json' ? 'application/json' : t === 'html' ? 'text/html;charset=utf-8' : t === 'text' || t === 'txt' ? 'text/plain;charset=utf-8' : t; } return null; },
    halt: (_it, _s, a) => { throw new Halt(a.length === 1 ? a[0] : a); },
    redirect: (_it, _s, a) => { const c = ctx(); if (c) { c.status = a[1] === undefined ? 302 : Number(a[1]); c.headers.push(['location', `http://${c.req.headers?.host ?? 'localhost'}${toS(a[0])}`]); } throw new Halt(''); },
    json: (it2, _s, a) => { const c = ctx(); if (c) c.type = 'application/json'; return toJson(it2, a[0]); },
    erb: (it2, self, a) => {
      // views/NAME.erb, evaluated with the route's self (its @variables), inside views/layout.erb when there is one
      const render = (src: string, file: string, inner?: string) => {
        const ctx = { ...it2.topCtx(file), self, ...(inner !== undefined ? { block: new RProc({ req: [], opt: [], post: [], kw: [] }, [], { vars: new Map(), parent: null }, null, false, null, () => inner) } : {}) };
        return toS(it2.run(erbToRuby(src), file, ctx));
      };
      const file = `${root}/views/${toS(a[0])}.erb`;
      const tpl = typeof a[0] === 'string' ? a[0] : read(file);
      if (tpl === null) return it2.err(C['Errno::ENOENT'], `No such file or directory @ rb_sysopen - ${file}`);
      const body = render(tpl, file);
      const layout = typeof a[0] === 'string' ? null : read(`${root}/views/layout.erb`);
      return layout === null ? body : render(layout, `${root}/views/layout.erb`, body);
    },
    body: (_it, _s, a) => a[0] ?? null,
  };
}

/** Request helpers for `request.path`, `request.request_method`, `request.body.read`, `settings.port`. */
export const REQUEST_NATIVES: Record<string, Native> = {
  path: (_it, s) => s.req?.url.split('?')[0] ?? '/', path_info: (_it, s) => s.req?.url.split('?')[0] ?? '/', fullpath: (_it, s) => s.req?.url ?? '/', url: (_it, s) => `http://${s.req?.headers?.host ?? 'localhost'}${s.req?.url}`,
  request_method: (_it, s) => s.req?.method ?? 'GET', ip: (_it, s) => s.req?.client ?? '127.0.0.1', user_agent: (_it, s) => s.req?.headers?.['user-agent'] ?? null,
  host: (_it, s) => (s.req?.headers?.host ?? 'localhost').split(':')[0], host_with_port: (_it, s) => s.req?.headers?.host ?? 'localhost', query_string: (_it, s) => s.req?.url.split('?')[1] ?? '',
  body: (_it, s) => Object.assign(new RObject(C.Object), { bodyText: s.req?.body ?? '' }), read: (_it, s) => s.bodyText ?? '', rewind: () => 0,
  env: (_it, s) => hashOf(Object.entries(s.req?.headers ?? {}).map(([k, v]) => ['HTTP_' + k.toUpperCase().replace(/-/g, '_'), v])),
  port: (_it, s) => s.sinatraSettings?.settings.get('port') ?? 4567, bind: (_it, s) => s.sinatraSettings?.settings.get('bind') ?? 'localhost', environment: (_it, s) => s.sinatraSettings?.settings.get('environment'),
};

const qpairs = (q: string): [string, string][] => q.split('&').filter(Boolean).map((kv) => { const [k, v = ''] = kv.split('='); const d = (x: string) => decodeURIComponent(x.replace(/\+/g, ' ')); return [d(k), d(v)]; });

/** Sinatra's answer to one request (Rack 3 lowercase headers, Puma), and its CommonLogger line. */
export function sinatraDispatch(it: Interp, app: SinatraApp, req: WebReq, handler: string): WebReply {
  const [path, query = ''] = req.url.split('?');
  const type = req.headers?.['content-type'] ?? '';
  const params = new IndifferentHash();
  for (const [k, v] of qpairs(query)) params.set(k, v);
  if (/^application\/x-www-form-urlencoded/i.test(type)) for (const [k, v] of qpairs(req.body ?? '')) params.set(k, v);
  const c = { params, status: 200, headers: [] as [string, string][], type: null as string | null, req };
  it.globals.set('\u0000sinatra', c);
  const self = new RObject(app.cls);
  let body = '';
  const hit = app.routes.map((r) => ({ r, m: r.verb === req.method ? r.re.exec(decodeURI(path || '/')) : null })).find((x) => x.m);
  const finish = (v: V) => {
    if (Array.isArray(v) && typeof v[0] === 'number') { c.status = v[0]; v = v[v.length - 1]; if (v instanceof RHash) v = ''; }
    if (typeof v === 'number') { c.status = v; v = ''; }
    body = Array.isArray(v) ? v.map(toS).join('') : typeof v === 'string' ? v : v === null ? '' : toS(v);
  };
  let stderr = '';
  try {
    for (const b of app.before) it.callProc(b, [], null, self);
    if (!hit) {
      c.status = 404;
      if (app.notFound) finish(it.callProc(app.notFound, [], null, self));
      else { body = notFoundPage(req.method, path || '/'); c.headers.push(['x-cascade', 'pass']); }
    } else {
      hit.r.keys.forEach((k, i) => params.set(k, decodeURIComponent(hit.m![i + 1])));
      finish(it.callProc(hit.r.blk, hit.r.keys.map((_k, i) => decodeURIComponent(hit.m![i + 1])), null, self));
    }
  } catch (e) {
    if (e instanceof Halt) finish(e.v);
    else if (e instanceof Error || !(e && (e as { exc?: RObject }).exc)) throw e;
    else {
      const exc = (e as { exc: RObject }).exc;
      stderr += it.errorText(exc, false).replace(/^/, '');
      c.status = 500;
      body = `<h1>Internal Server Error</h1>`;
      c.type = 'text/html';
    }
  }
  const ctype = c.type ?? 'text/html;charset=utf-8';
  const headers: [string, string][] = [['content-type', /^text\/|^application\/(javascript|xml|json)/.test(ctype) && !ctype.includes('charset') && !ctype.includes('json') ? ctype + ';charset=utf-8' : ctype], ...c.headers, ['x-xss-protection', '1; mode=block'], ['x-content-type-options', 'nosniff'], ['x-frame-options', 'SAMEORIGIN'], ['content-length', String(new TextEncoder().encode(body).length)]];
  if (handler === 'WEBrick') headers.push(['Server', 'WEBrick/1.9.1 (Ruby/3.3.6/2024-11-05)'], ['Date', new Date(req.time).toUTCString()], ['Connection', 'Keep-Alive']);
  const size = new TextEncoder().encode(body).length;
  stderr += `${req.client} - - [${logTime(req.time)}] "${req.method} ${req.url} HTTP/1.1" ${c.status} ${size || '-'} 0.0005\n`;
  return { status: c.status, reason: REASONS[c.status] ?? 'OK', headers, body: req.method === 'HEAD' ? '' : body, stderr };
}

const notFoundPage = (method: string, path: string) => `<!DOCTYPE html>
<html>
<head>
  <style type="text/css">
  body { text-align:center;font-family:helvetica,arial;font-size:22px;
    color:#888;margin:20px}
  #c {margin:0 auto;width:500px;text-align:left}
  </style>
</head>
<body>
  <h2>Sinatra doesn’t know this ditty.</h2>
  <img src='/__sinatra__/404.png'>
  <div id="c">
    Try this:
    <pre>${method.toLowerCase()} &#39;${path}&#39; do
  &quot;Hello World&quot;
end
</pre>
  </div>
</body>
</html>
`;

/** What `Sinatra::Application.run!` prints as it starts (Puma's banner on stdout, Sinatra's line on stderr). */
export function sinatraBanner(app: SinatraApp, gems: Gems, version: string, now: number): Serving | { error: string; code: number } {
  if (!gems.has('rackup')) return { error: "Sinatra could not start, the required gems weren't found!\n\nAdd them to your bundle with:\n\n    bundle add rackup puma\n\nor install them with:\n\n    gem install rackup puma\n\n", code: 1 };
  const env = toS(app.settings.get('environment'));
  const bind = toS(app.settings.get('bind') ?? (env === 'development' ? 'localhost' : '0.0.0.0'));
  const port = Number(app.settings.get('port') ?? 4567);
  const handler = gems.has('puma') ? 'Puma' : gems.has('webrick') ? 'WEBrick' : '';
  if (!handler) return { error: `/usr/local/bundle/gems/rackup-2.2.1/lib/rackup/handler.rb:37:in \`pick': Couldn't find handler for: puma, falcon, thin, webrick. (LoadError)\n`, code: 1 };
  const stage = `== Sinatra (v${gems.version('sinatra')}) has taken the stage on ${port} for ${env} with backup from ${handler}\n`;
  const host = bind === 'localhost' ? '127.0.0.1' : bind;
  if (handler === 'WEBrick') return new Serving(host, port, { stdout: '', stderr: webrickBanner(now, version, port).replace(/(.*\n.*\n)/, `$1${stage}`) });
  const listen = bind === 'localhost' ? `* Listening on http://127.0.0.1:${port}\n* Listening on http://[::1]:${port}\n` : `* Listening on http://${bind}:${port}\n`;
  return new Serving(host, port, { stderr: stage, stdout: `Puma starting in single mode...\n* Puma version: ${gems.version('puma')} ("Sky's Version")\n* Ruby version: ruby ${version} (2024-11-05 revision 75015d4c1f) [x86_64-linux]\n*  Min threads: 0\n*  Max threads: 5\n*  Environment: ${env}\n*          PID: 1\n${listen}Use Ctrl-C to stop\n` });
}

/** `ruby -run -e httpd [DIR] [-p PORT] [--bind-address=ADDR]`: un.rb's options. */
export function httpdArgs(args: string[]): { dir: string; port: number; bind: string } {
  let port = 8080, bind = '', dir = '.';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-p' || a === '--port') port = parseInt(args[++i], 10);
    else if (a.startsWith('--port=')) port = parseInt(a.slice(7), 10);
    else if (a === '-b' || a === '--bind-address') bind = args[++i];
    else if (a.startsWith('--bind-address=')) bind = a.slice(15);
    else if (a !== '--' && !a.startsWith('-')) dir = a;
  }
  return { dir, port, bind };
}

/** WEBrick's FileHandler: a file, a directory's index.html or its listing, 404 with WEBrick's error page. */
export function webrickFile(read: (p: string) => string | null, kind: (p: string) => 'file' | 'dir' | 'none', list: (p: string) => string[], root: string, req: WebReq): WebReply {
  const path = decodeURIComponent(req.url.split('?')[0] || '/');
  const full = (root.replace(/\/+$/, '') + path).replace(/\/+/g, '/');
  const date = new Date(req.time).toUTCString();
  const base: [string, string][] = [['Server', 'WEBrick/1.9.1 (Ruby/3.3.6/2024-11-05)'], ['Date', date]];
  const log = (status: number, size: number) => `${req.client} - - [${logTime(req.time)}] "${req.method} ${req.url} HTTP/1.1" ${status} ${size}\n- -> ${req.url}\n`;
  const page = (status: number, title: string, msg: string) => {
    const body = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.0//EN">\n<HTML>\n  <HEAD><TITLE>${title}</TITLE></HEAD>\n  <BODY>\n    <H1>${title}</H1>\n    ${msg}\n    <HR>\n    <ADDRESS>\n     WEBrick/1.9.1 (Ruby/3.3.6/2024-11-05) at\n     ${req.headers?.host ?? 'localhost'}\n    </ADDRESS>\n  </BODY>\n</HTML>\n`;
    return { status, reason: REASONS[status], headers: [['Content-Type', 'text/html; charset=ISO-8859-1'], ...base, ['Content-Length', String(body.length)], ['Connection', 'Keep-Alive']] as [string, string][], body, stderr: `${webrickTime(req.time)} ERROR \`${path}' not found.\n` + log(status, body.length) };
  };
  let k = kind(full);
  let file = full;
  if (k === 'dir' && kind(full.replace(/\/?$/, '/index.html')) === 'file') { file = full.replace(/\/?$/, '/index.html'); k = 'file'; }
  if (k === 'file') {
    const body = read(file) ?? '';
    const ext = file.split('.').pop() ?? '';
    const mime: Record<string, string> = { html: 'text/html', htm: 'text/html', txt: 'text/plain', css: 'text/css', js: 'application/javascript', json: 'application/json', png: 'image/png', rb: 'application/octet-stream' };
    const size = new TextEncoder().encode(body).length;
    return { status: 200, reason: 'OK', headers: [['Content-Type', mime[ext] ?? 'application/octet-stream'], ['Etag', '"1a2b3c-' + size.toString(16) + '-675a1c2b"'], ['Last-Modified', date], ...base, ['Content-Length', String(size)], ['Connection', 'Keep-Alive']], body: req.method === 'HEAD' ? '' : body, stderr: log(200, size) };
  }
  if (k === 'dir') {
    const names = list(full).sort();
    const rows = names.map((n) => `<A HREF="${n}${kind(`${full}/${n}`.replace(/\/+/g, '/')) === 'dir' ? '/' : ''}">${n}${kind(`${full}/${n}`.replace(/\/+/g, '/')) === 'dir' ? '/' : ''}</A>`).join('\n');
    const body = `<HTML>\n  <HEAD>\n    <TITLE>Index of ${path}</TITLE>\n  </HEAD>\n  <BODY>\n    <H1>Index of ${path}</H1>\n<PRE>\n${rows}\n</PRE>\n  </BODY>\n</HTML>\n`;
    return { status: 200, reason: 'OK', headers: [['Content-Type', 'text/html; charset=ISO-8859-1'], ...base, ['Content-Length', String(body.length)], ['Connection', 'Keep-Alive']], body, stderr: log(200, body.length) };
  }
  return page(404, 'Not Found', `\`${path}' not found.`);
}

/** A TCPServer's client socket in request mode: the request's lines to read, the response written to it. */
export function tcpClient(req: WebReq): RObject & { lines: string[]; out: string; closed: boolean } {
  const head = [`${req.method} ${req.url} HTTP/1.1\r\n`, ...Object.entries(req.headers ?? {}).map(([k, v]) => `${k.replace(/(^|-)([a-z])/g, (_m, d: string, ch: string) => d + ch.toUpperCase())}: ${v}\r\n`), '\r\n'];
  return Object.assign(new RObject(C.IO), { lines: head, out: '', closed: false, body: req.body ?? '' });
}

/** Parse what a TCPServer program wrote back into a reply (status line, headers, body). */
export function parseRaw(raw: string): WebReply {
  const i = raw.indexOf('\r\n\r\n') >= 0 ? raw.indexOf('\r\n\r\n') : raw.indexOf('\n\n');
  const head = i < 0 ? raw : raw.slice(0, i);
  const body = i < 0 ? '' : raw.slice(i + (raw[i] === '\r' ? 4 : 2));
  const [status, ...hs] = head.split(/\r?\n/);
  const m = /^(HTTP\/[\d.]+)\s+(\d+)\s*(.*)$/.exec(status);
  return { protocol: m?.[1] ?? 'HTTP/1.1', status: m ? parseInt(m[2], 10) : 200, reason: m?.[3] ?? 'OK', headers: hs.filter((h) => h.includes(':')).map((h) => [h.slice(0, h.indexOf(':')), h.slice(h.indexOf(':') + 1).trim()] as [string, string]), body, stderr: '' };
}

export { RSym, truthy };
