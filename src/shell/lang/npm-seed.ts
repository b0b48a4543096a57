// The npm registry as seeded data (no network): a few packages learners install, with their dependency trees as npm
// 10 lays them out in node_modules, and small working stand-ins for the code of express, cors and dotenv.
export interface NpmPkg { version: string; deps: string[]; funding: number; description: string; main?: string; code?: string }

const tree = (spec: string) => spec.split(' ').filter(Boolean);

/** name (or nested path such as send/node_modules/ms) → version, for every package the seeded trees use. */
export const VERSIONS: Record<string, string> = Object.fromEntries(tree(
  'accepts@1.3.8 array-flatten@1.1.1 body-parser@1.20.3 bytes@3.1.2 call-bind@1.0.7 content-disposition@0.5.4 content-type@1.0.5 cookie@0.7.1 cookie-signature@1.0.6 debug@2.6.9 define-data-property@1.1.4 depd@2.0.0 destroy@1.2.0 ee-first@1.1.1 encodeurl@2.0.0 es-define-property@1.0.0 es-errors@1.3.0 escape-html@1.0.3 etag@1.8.1 express@4.21.2 finalhandler@1.3.1 forwarded@0.2.0 fresh@0.5.2 function-bind@1.1.2 get-intrinsic@1.2.4 gopd@1.0.1 has-property-descriptors@1.0.2 has-proto@1.0.3 has-symbols@1.0.3 hasown@2.0.2 http-errors@2.0.0 iconv-lite@0.4.24 inherits@2.0.4 ipaddr.js@1.9.1 media-typer@0.3.0 merge-descriptors@1.0.3 methods@1.1.2 mime@1.6.0 mime-db@1.52.0 mime-types@2.1.35 ms@2.0.0 negotiator@0.6.3 object-inspect@1.13.3 on-finished@2.4.1 parseurl@1.3.3 path-to-regexp@0.1.12 proxy-addr@2.0.7 qs@6.13.0 range-parser@1.2.1 raw-body@2.5.2 safe-buffer@5.2.1 safer-buffer@2.1.2 send@0.19.0 serve-static@1.16.2 set-function-length@1.2.2 setprototypeof@1.2.0 side-channel@1.0.6 statuses@2.0.1 toidentifier@1.0.1 type-is@1.6.18 unpipe@1.0.0 utils-merge@1.0.1 vary@1.1.2 send/node_modules/encodeurl@1.0.2 send/node_modules/ms@2.1.3 ' +
  'cors@2.8.5 object-assign@4.1.1 dotenv@16.4.7 lodash@4.17.21 axios@1.7.9 asynckit@0.4.0 combined-stream@1.0.8 delayed-stream@1.0.0 follow-redirects@1.15.9 form-data@4.0.1 proxy-from-env@1.1.0',
).map((s) => [s.slice(0, s.lastIndexOf('@')), s.slice(s.lastIndexOf('@') + 1)]));

const EXPRESS_TREE = tree('accepts array-flatten body-parser bytes call-bind content-disposition content-type cookie cookie-signature debug define-data-property depd destroy ee-first encodeurl es-define-property es-errors escape-html etag express finalhandler forwarded fresh function-bind get-intrinsic gopd has-property-descriptors has-proto has-symbols hasown http-errors iconv-lite inherits ipaddr.js media-typer merge-descriptors methods mime mime-db mime-types ms negotiator object-inspect on-finished parseurl path-to-regexp proxy-addr qs range-parser raw-body safe-buffer safer-buffer send serve-static set-function-length setprototypeof side-channel statuses toidentifier type-is unpipe utils-merge vary send/node_modules/encodeurl send/node_modules/ms');

const EXPRESS_CODE = String.raw`'use strict';
// express (a Dockerlings stand-in with the same API for what tutorials use: routing with :params, middleware,
// req.query, res.send/json/status/redirect/sendStatus, express.static, express.json, Router, app.listen)
const http = require('http');
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const TYPES = { html: 'text/html; charset=UTF-8', css: 'text/css; charset=UTF-8', js: 'application/javascript; charset=UTF-8', json: 'application/json; charset=UTF-8', txt: 'text/plain; charset=UTF-8', png: 'image/png', svg: 'image/svg+xml' };
function compile(p, prefix) {
  const keys = [];
  const src = String(p).replace(/\/$/, '').replace(/\/:(\w+)(\?)?/g, (m, k, opt) => { keys.push(k); return opt ? '(?:/([^/]+))?' : '/([^/]+)'; }).replace(/\*/g, '.*');
  return { re: new RegExp('^' + src + (prefix ? '(?=/|$)' : '/?$'), 'i'), keys };
}
function page(title, body) { return '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>' + title + '</title>\n</head>\n<body>\n<pre>' + body + '</pre>\n</body>\n</html>\n'; }
// req.fresh (fresh 0.5.2): a GET or HEAD whose If-None-Match names the response's ETag, or whose If-Modified-Since is
// not before its Last-Modified, unless the request says Cache-Control: no-cache
function fresh(req, res) {
  const s = res.statusCode;
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !((s >= 200 && s < 300) || s === 304)) return false;
  const since = req.headers['if-modified-since'], none = req.headers['if-none-match'];
  if (!since && !none) return false;
  if (/(?:^|,)\s*?no-cache\s*?(?:,|$)/.test(req.headers['cache-control'] || '')) return false;
  if (none && none !== '*') {
    const etag = res.getHeader('ETag');
    if (!etag || !none.split(/\s*,\s*/).some((m) => m === etag || m === 'W/' + etag || 'W/' + m === etag)) return false;
  }
  if (since) {
    const last = res.getHeader('Last-Modified');
    if (!last || !(Date.parse(last) <= Date.parse(since))) return false;
  }
  return true;
}
// body-parser's json and urlencoded: a request with a body of the type reads it, then parses it (400 when it cannot)
function parser(match, parse) {
  return () => (req, res, next) => {
    if (req._body) return next();
    req.body = req.body || {};
    if (req.headers['content-length'] === undefined && !req.headers['transfer-encoding']) return next();
    if (!match.test(req.headers['content-type'] || '')) return next();
    req._body = true;
    let data = '';
    req.on('data', (c) => { data += String(c); });
    req.on('end', () => {
      try { req.body = parse(data); } catch (e) { e.status = 400; e.type = 'entity.parse.failed'; return next(e); }
      next();
    });
  };
}
function strictJson(s) {
  if (!s) return {};
  if (!/^\s*[{[]/.test(s)) { const c = s.trim()[0]; throw new SyntaxError('Unexpected token \'' + c + '\', "' + s + '" is not valid JSON'); }
  return JSON.parse(s);
}
const form = (s) => Object.fromEntries(s.split('&').filter(Boolean).map((kv) => kv.split('=').map((x) => decodeURIComponent((x || '').replace(/\+/g, ' ')))));
function decorate(req, res) {
  const [p, q = ''] = req.url.split('?');
  req.path = p; req.originalUrl = req.originalUrl || req.url; req.params = {};
  req.query = Object.fromEntries(q.split('&').filter(Boolean).map((kv) => kv.split('=').map(decodeURIComponent)));
  req.get = req.header = (h) => req.headers[String(h).toLowerCase()];
  res.status = (c) => { res.statusCode = c; return res; };
  res.set = res.header = (k, v) => { if (typeof k === 'object') { for (const x in k) res.setHeader(x, k[x]); } else res.setHeader(k, v); return res; };
  res.get = (k) => res.getHeader(k);
  res.type = (t) => res.set('Content-Type', TYPES[t.replace(/^\./, '')] || t);
  res.send = (body) => {
    if (body !== null && typeof body === 'object') return res.json(body);
    if (typeof body === 'number') { res.statusCode = body; body = http.STATUS_CODES[body] || String(body); }
    body = body === undefined ? '' : String(body);
    if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Content-Length', String(body.length));
    // the etag setting's default, weak: W/"<length in hex>-<sha1 base64, 27 characters>" (etag 1.8.1)
    if (req.app.settings.etag !== false && !res.getHeader('ETag')) res.setHeader('ETag', 'W/"' + body.length.toString(16) + '-' + crypto.createHash('sha1').update(body).digest('base64').slice(0, 27) + '"');
    if (fresh(req, res)) res.statusCode = 304;
    if (res.statusCode === 204 || res.statusCode === 304) { res.removeHeader('Content-Type'); res.removeHeader('Content-Length'); res.removeHeader('Transfer-Encoding'); body = ''; }
    res.end(req.method === 'HEAD' ? undefined : body);
    return res;
  };
  res.json = (o) => { if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', 'application/json; charset=utf-8'); return res.send(JSON.stringify(o)); };
  res.sendStatus = (c) => { res.statusCode = c; res.setHeader('Content-Type', 'text/plain; charset=utf-8'); return res.send(http.STATUS_CODES[c] || String(c)); };
  res.redirect = (a, b) => { const [code, url] = b === undefined ? [302, a] : [a, b]; res.statusCode = code; res.setHeader('Location', url); res.setHeader('Content-Type', 'text/plain; charset=utf-8'); return res.send(http.STATUS_CODES[code] + '. Redirecting to ' + url); };
  res.sendFile = (f) => { try { const body = fs.readFileSync(f, 'utf8'); res.setHeader('Content-Type', TYPES[path.extname(f).slice(1)] || 'application/octet-stream'); res.send(body); } catch (e) { res.status(404).send(page('Error', 'NotFoundError: Not Found')); } };
  res.locals = {};
  res.setHeader('X-Powered-By', 'Express');
}
function router() {
  const stack = [];
  const r = function (req, res, out) {
    let i = 0;
    const base = req.url;
    const next = (err) => {
      req.url = base;
      const layer = stack[i++];
      if (!layer) return out(err);
      if (layer.method && layer.method !== req.method && !(layer.method === 'GET' && req.method === 'HEAD')) return next(err);
      const m = layer.match.re.exec(req.url.split('?')[0]);
      if (!m) return next(err);
      layer.match.keys.forEach((k, j) => { req.params[k] = m[j + 1] && decodeURIComponent(m[j + 1]); });
      if (layer.prefix && m[0] !== '/' && m[0]) req.url = req.url.slice(m[0].length) || '/';
      try {
        if (err) return layer.fn.length === 4 ? layer.fn(err, req, res, next) : next(err);
        if (layer.fn.length === 4) return next();
        const ret = layer.fn(req, res, next);
        if (ret && typeof ret.catch === 'function') ret.catch(next);
      } catch (e) { next(e); }
    };
    next();
  };
  const add = (method, p, fns, prefix) => { for (const fn of fns.flat()) stack.push({ method, match: compile(p, prefix), fn, prefix }); return r; };
  for (const m of ['get', 'post', 'put', 'delete', 'patch', 'options', 'head', 'all']) r[m] = (p, ...fns) => (m === 'get' && !fns.length && r.settings ? r.settings[p] : add(m === 'all' ? null : m.toUpperCase(), p, fns, false));
  r.use = (p, ...fns) => (typeof p === 'function' || Array.isArray(p) ? add(null, '/', [p, ...fns], true) : add(null, p === '/' ? '' : p, fns, true));
  r.route = (p) => { const o = {}; for (const m of ['get', 'post', 'put', 'delete', 'patch']) o[m] = (...fns) => (add(m.toUpperCase(), p, fns, false), o); return o; };
  return r;
}
function express() {
  const r = router();
  const app = function (req, res, next) {
    req.app = res.app = app;
    decorate(req, res);
    r(req, res, (err) => {
      if (next) return next(err);
      if (err) {
        console.error(err && err.stack ? err.stack : String(err));
        res.statusCode = err.status || err.statusCode || 500;
        const body = page('Error', String(err && err.stack ? err.stack : err).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\n/g, '<br>').replace(/ {4}/g, ' &nbsp; &nbsp;'));
        res.setHeader('Content-Security-Policy', "default-src 'none'"); res.setHeader('X-Content-Type-Options', 'nosniff'); res.setHeader('Content-Type', 'text/html; charset=utf-8'); res.setHeader('Content-Length', String(body.length));
        return res.end(body);
      }
      const body = page('Error', 'Cannot ' + req.method + ' ' + req.path.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
      res.statusCode = 404;
      res.setHeader('Content-Security-Policy', "default-src 'none'"); res.setHeader('X-Content-Type-Options', 'nosniff'); res.setHeader('Content-Type', 'text/html; charset=utf-8'); res.setHeader('Content-Length', String(body.length));
      res.end(req.method === 'HEAD' ? undefined : body);
    });
  };
  Object.assign(app, r, { settings: { env: process.env.NODE_ENV || 'development' }, locals: {} });
  for (const k of Object.keys(r)) app[k] = r[k];
  app.get = (p, ...fns) => (fns.length ? (r.get(p, ...fns), app) : app.settings[p]);
  app.set = (k, v) => { app.settings[k] = v; return app; };
  app.enable = (k) => app.set(k, true); app.disable = (k) => app.set(k, false);
  app.listen = (...a) => http.createServer(app).listen(...a);
  return app;
}
express.Router = router;
express.json = parser(/^application\/([\w.+-]+\+)?json/i, strictJson);
express.urlencoded = parser(/^application\/x-www-form-urlencoded/i, form);
// serve-static 1.16.2 over send 0.19.0: Accept-Ranges, Cache-Control (maxAge), Last-Modified and a weak ETag of the file's
// size and mtime (etag 1.8.1 on stats: W/"<size hex>-<mtime ms hex>"), then its type; a fresh request gets 304 without the
// Content-* headers; a folder without its slash is redirected (301); dotfiles and missing files fall through to next()
express.static = (root, opts) => (req, res, next) => {
  opts = opts || {};
  if (req.method !== 'GET' && req.method !== 'HEAD') return next();
  const rel = decodeURIComponent(req.url.split('?')[0]);
  if (rel.split('/').some((s) => s.length > 1 && s.startsWith('.'))) return next();
  let f = path.join(path.resolve(root), rel);
  let st;
  try {
    st = fs.statSync(f);
    if (st.isDirectory()) {
      if (!rel.endsWith('/')) {
        const loc = req.originalUrl.split('?')[0] + '/';
        const body = page('Redirecting', 'Redirecting to ' + loc.replace(/&/g, '&amp;').replace(/</g, '&lt;'));
        res.statusCode = 301;
        res.set({ 'Content-Type': 'text/html; charset=UTF-8', 'Content-Length': String(body.length), 'Content-Security-Policy': "default-src 'none'", 'X-Content-Type-Options': 'nosniff', Location: loc });
        return res.end(req.method === 'HEAD' ? undefined : body);
      }
      f = path.join(f, 'index.html');
      st = fs.statSync(f);
    }
  } catch (e) { return next(); }
  const body = fs.readFileSync(f, 'utf8');
  const maxAge = typeof opts.maxAge === 'number' ? opts.maxAge : 0;
  if (!res.getHeader('Accept-Ranges')) res.setHeader('Accept-Ranges', 'bytes');
  if (!res.getHeader('Cache-Control')) res.setHeader('Cache-Control', 'public, max-age=' + Math.floor(maxAge / 1000));
  if (opts.lastModified !== false && !res.getHeader('Last-Modified')) res.setHeader('Last-Modified', st.mtime.toUTCString());
  if (opts.etag !== false && !res.getHeader('ETag')) res.setHeader('ETag', 'W/"' + st.size.toString(16) + '-' + st.mtime.getTime().toString(16) + '"');
  if (!res.getHeader('Content-Type')) res.setHeader('Content-Type', TYPES[path.extname(f).slice(1)] || 'application/octet-stream');
  if (fresh(req, res)) {
    for (const h of res.getHeaderNames()) if (/^content-/i.test(h) && !/^content-location$/i.test(h)) res.removeHeader(h);
    res.statusCode = 304;
    return res.end();
  }
  res.setHeader('Content-Length', String(st.size));
  res.end(req.method === 'HEAD' ? undefined : body);
};
module.exports = express;
`;

const DOTENV_CODE = String.raw`'use strict';
// dotenv (a Dockerlings stand-in): config() reads KEY=value lines of .env into process.env, without overriding
const fs = require('fs');
const path = require('path');
function parse(src) { const out = {}; for (const line of String(src).split('\n')) { const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)?\s*$/.exec(line); if (!m || line.trim().startsWith('#')) continue; let v = (m[2] || '').trim(); if (/^(['"]).*\1$/.test(v)) v = v.slice(1, -1); else v = v.replace(/\s+#.*$/, ''); out[m[1]] = v; } return out; }
function config(o) { const p = (o && o.path) || path.resolve(process.cwd(), '.env'); try { const parsed = parse(fs.readFileSync(p, 'utf8')); for (const k in parsed) if (!(k in process.env)) process.env[k] = parsed[k]; return { parsed }; } catch (error) { return { error }; } }
module.exports = { config, parse };
`;

const CORS_CODE = String.raw`'use strict';
// cors (a Dockerlings stand-in): sets Access-Control-Allow-Origin and answers preflight requests
module.exports = (o) => (req, res, next) => { res.setHeader('Access-Control-Allow-Origin', (o && o.origin) || '*'); if (req.method === 'OPTIONS') { res.statusCode = 204; res.setHeader('Content-Length', '0'); return res.end(); } next(); };
`;

export const NPM: Record<string, NpmPkg> = {
  express: { version: '4.21.2', deps: EXPRESS_TREE, funding: 13, description: 'Fast, unopinionated, minimalist web framework', code: EXPRESS_CODE },
  cors: { version: '2.8.5', deps: tree('cors object-assign vary'), funding: 0, description: 'Node.js CORS middleware', code: CORS_CODE },
  dotenv: { version: '16.4.7', deps: tree('dotenv'), funding: 1, description: 'Loads environment variables from .env file', main: 'lib/main.js', code: DOTENV_CODE },
  lodash: { version: '4.17.21', deps: tree('lodash'), funding: 0, description: 'Lodash modular utilities.' },
  axios: { version: '1.7.9', deps: tree('axios asynckit combined-stream delayed-stream follow-redirects form-data mime-db mime-types proxy-from-env'), funding: 1, description: 'Promise based HTTP client for the browser and node.js' },
};
