// flask's side of a request: route matching, calling the view, Werkzeug's responses, error pages and log lines.
import { Builtin, dictOf, EXC, ExcType, PyDict, PyExc, repr, str, Tuple, type Py, type WebState } from './py-run';
import { fromJson } from './py-builtins';
import type { Interp } from './py-eval';

export interface WebReply { status: number; reason: string; headers: [string, string][]; body: string; stderr: string }

const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 302: 'Found', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 415: 'Unsupported Media Type', 500: 'Internal Server Error' };
const PAGES: Record<number, [string, string]> = {
  400: ['Bad Request', 'The browser (or proxy) sent a request that this server could not understand.'],
  404: ['Not Found', 'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.'],
  405: ['Method Not Allowed', 'The method is not allowed for the requested URL.'],
  500: ['Internal Server Error', 'The server encountered an internal error and was unable to complete your request. Either the server is overloaded or there is an error in the application.'],
};
/** Werkzeug's HTML error page (HTTPException.get_body), the description escaped as markupsafe does. */
const page = (status: number, description = PAGES[status][1]) => {
  const title = PAGES[status]?.[0] ?? REASONS[status];
  const esc = description.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
  return `<!doctype html>\n<html lang=en>\n<title>${status} ${title}</title>\n<h1>${title}</h1>\n<p>${esc}</p>\n`;
};

/** werkzeug.exceptions the request raises: a view that does not catch one answers with its status and page. */
const HTTPException = new ExcType('werkzeug.exceptions.HTTPException', EXC.Exception);
const HTTP_EXC = new Map<ExcType, number>([
  [new ExcType('werkzeug.exceptions.BadRequest', HTTPException), 400],
  [new ExcType('werkzeug.exceptions.UnsupportedMediaType', HTTPException), 415],
]);
const httpExc = (status: number, description?: string) => new PyExc([...HTTP_EXC].find(([, n]) => n === status)![0], description === undefined ? [] : [description]);

function toJson(v: Py): string {
  if (v === null) return 'null';
  if (typeof v === 'boolean' || typeof v === 'number') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v) || v instanceof Tuple) return '[' + (Array.isArray(v) ? v : v.items).map(toJson).join(',') + ']';
  if (v instanceof PyDict) return '{' + [...v.m.values()].sort(([a], [b]) => (str(a) < str(b) ? -1 : 1)).map(([k, x]) => JSON.stringify(str(k)) + ':' + toJson(x)).join(',') + '}';
  return JSON.stringify(str(v));
}

/** Werkzeug's request log line (stderr). */
export const werkzeugLog = (now: number, client: string, method: string, url: string, status: number) => {
  const d = new Date(now);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${client} - - [${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()} ${d.toISOString().slice(11, 19)}] "${method} ${url} HTTP/1.1" ${status} -\n`;
};

/** A request as the app sees it. */
export interface WebRequest { method: string; url: string; client: string; headers?: Record<string, string>; body?: string }

const pairs = (q: string): [string, string][] => q.split('&').filter(Boolean).map((kv) => { const [k, v = ''] = kv.split('='); const d = (x: string) => decodeURIComponent(x.replace(/\+/g, ' ')); return [d(k), d(v)]; });

/**
 * flask.request for this request: method, path, args, headers, data, form, json / get_json(), remote_addr, url.
 * get_json() (and .json) as Werkzeug 3 and Flask 3 do it: a body that is not declared JSON is 415 Unsupported Media Type,
 * one that does not parse 400 Bad Request (its decode error shown only in debug mode); silent=True gives None, force=True parses anyway.
 */
function setRequest(web: WebState, req: WebRequest) {
  if (!web.request) return;
  const [path, query = ''] = req.url.split('?');
  const headers = req.headers ?? {};
  const type = headers['content-type'] ?? '';
  const body = req.body ?? '';
  const isJson = /^application\/([\w.+-]+\+)?json/i.test(type);
  const getJson = (force: boolean, silent: boolean): Py => {
    if (!force && !isJson) {
      if (silent) return null;
      throw httpExc(415, "Did not attempt to load JSON data because the request Content-Type was not 'application/json'.");
    }
    try {
      return fromJson(JSON.parse(body));
    } catch {
      if (silent) return null;
      throw web.run?.debug ? httpExc(400, `Failed to decode JSON object: ${jsonError(body)}`) : httpExc(400);
    }
  };
  const title = (k: string) => k.replace(/(^|-)([a-z])/g, (_m, d: string, c: string) => d + c.toUpperCase());
  Object.assign(web.request.attrs, {
    method: req.method, path: path || '/', full_path: `${path || '/'}?${query}`, args: dictOf(pairs(query)), headers: dictOf(Object.entries(headers).map(([k, v]) => [title(k), v])),
    data: body, form: dictOf(/^application\/x-www-form-urlencoded/i.test(type) ? pairs(body) : []), is_json: isJson,
    get_json: new Builtin('get_json', (a, kw) => getJson(truthy(kw.force ?? a[0]), truthy(kw.silent ?? a[1]))), remote_addr: req.client.replace(/^::ffff:/, ''), url: `http://${headers.host ?? 'localhost'}${req.url}`, host: headers.host ?? 'localhost',
  });
  Object.defineProperty(web.request.attrs, 'json', { get: () => getJson(false, false), configurable: true, enumerable: true });
}

/** python's json.loads complaint for the common malformed bodies: nothing, or no value where one starts; an object without a quoted key. */
function jsonError(text: string): string {
  const at = (i: number) => {
    const before = text.slice(0, i).split('\n');
    return `line ${before.length} column ${before[before.length - 1].length + 1} (char ${i})`;
  };
  const start = text.length - text.trimStart().length;
  const obj = /^\{\s*/.exec(text.slice(start));
  if (obj && text[start + obj[0].length] !== '"' && text[start + obj[0].length] !== '}') return `Expecting property name enclosed in double quotes: ${at(start + obj[0].length)}`;
  return `Expecting value: ${at(/^[[{"\d-]|^(true|false|null)/.test(text.slice(start)) ? start + 1 : start)}`;
}

const truthy = (v: Py) => v !== undefined && v !== null && v !== false && v !== 0 && v !== '';

export function dispatch(it: Interp, web: WebState, req: WebRequest, version: string, now: number, traceback: (e: PyExc) => string): WebReply {
  setRequest(web, req);
  const path = req.url.split('?')[0] || '/';
  let status = 200;
  let body = '';
  let type = 'text/html; charset=utf-8';
  let stderr = '';
  const candidates = web.routes.map((r) => {
    const keys: string[] = [];
    const re = new RegExp('^' + r.rule.replace(/<(?:(int|path|string):)?(\w+)>/g, (_m, conv: string, k: string) => (keys.push(k), conv === 'int' ? '(\\d+)' : conv === 'path' ? '(.+)' : '([^/]+)')) + '$');
    const m = re.exec(path);
    return m ? { r, params: Object.fromEntries(keys.map((k, i) => [k, /\(\\d\+\)/.test(re.source) && /^\d+$/.test(m[i + 1]) && r.rule.includes(`<int:${k}>`) ? parseInt(m[i + 1], 10) : decodeURIComponent(m[i + 1])])) } : null;
  }).filter((x) => x !== null);
  const hit = candidates.find((c) => c.r.methods.includes(req.method) || (req.method === 'HEAD' && c.r.methods.includes('GET')));
  if (!candidates.length) [status, body] = [404, page(404)];
  else if (!hit) [status, body] = [405, page(405)];
  else {
    try {
      let v = it.call(hit.r.fn, [], hit.params);
      if (v instanceof Tuple && v.items[0] !== '\u0000json' && v.items.length >= 2 && typeof v.items[1] === 'number') [v, status] = [v.items[0], v.items[1]];
      if (v instanceof Tuple && v.items[0] === '\u0000json') [body, type] = [toJson(v.items[1]) + '\n', 'application/json'];
      else if (v instanceof PyDict || Array.isArray(v)) [body, type] = [toJson(v) + '\n', 'application/json'];
      else body = str(v);
    } catch (e) {
      if (!(e instanceof PyExc)) throw e;
      const http = HTTP_EXC.get(e.type);
      if (http) {
        [status, body, type] = [http, page(http, e.args.length ? str(e.args[0]) : undefined), 'text/html; charset=utf-8'];
        stderr += werkzeugLog(now, req.client, req.method, req.url, status);
        return reply();
      }
      const d = new Date(now).toISOString().replace('T', ' ').replace('Z', '').replace('.', ',');
      stderr += `[${d}] ERROR in app: Exception on ${path} [${req.method}]\n${traceback(e)}`;
      [status, body, type] = [500, page(500), 'text/html; charset=utf-8'];
    }
  }
  stderr += werkzeugLog(now, req.client, req.method, req.url, status);
  return reply();

  function reply(): WebReply {
    const headers: [string, string][] = [['Server', `Werkzeug/3.1.3 Python/${version}`], ['Date', new Date(now).toUTCString()], ['Content-Type', type], ['Content-Length', String(body.length)], ...(status === 405 ? [['Allow', [...new Set([...candidates.flatMap((c) => c.r.methods), 'HEAD', 'OPTIONS'])].sort().join(', ')] as [string, string]] : []), ['Connection', 'close']];
    // Werkzeug's status line says the reason in capitals (Response._clean_status: HTTP_STATUS_CODES[code].upper())
    return { status, reason: (REASONS[status] ?? 'UNKNOWN').toUpperCase(), headers, body: req.method === 'HEAD' ? '' : body, stderr };
  }
}

/** What `flask run` / app.run print when the server starts (stderr), for the container's address. */
export function banner(app: string, host: string, port: number, debug: boolean, ip: string): string {
  const on = host === '0.0.0.0' ? ` * Running on all addresses (0.0.0.0)\n * Running on http://127.0.0.1:${port}\n * Running on http://${ip}:${port}\n` : ` * Running on http://${host}:${port}\n`;
  return ` * Serving Flask app '${app}'\n * Debug mode: ${debug ? 'on' : 'off'}\nWARNING: This is a development server. Do not use it in a production deployment. Use a production WSGI server instead.\n${on}Press CTRL+C to quit\n` +
    (debug ? ' * Restarting with stat\n * Debugger is active!\n * Debugger PIN: 118-265-553\n' : '');
}

export { dictOf, repr };
