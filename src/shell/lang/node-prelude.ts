// The JavaScript side of the simulated node: console, process, timers and a CommonJS require with fs, path, os,
// http, events and util, built on the few host functions node-vm.ts gives the sandbox (__host.*).
export const NODE_PRELUDE = String.raw`
(function () {
  const H = globalThis.__host; delete globalThis.__host;
  const G = globalThis;
  // c: colour as node's REPL does on a terminal (util.inspect's styles: numbers yellow, strings green, null bold …)
  function inspect(v, depth, seen, c) {
    depth = depth === undefined ? 2 : depth; seen = seen || [];
    const paint = (s, on, off) => (c ? '\x1b[' + on + 'm' + s + '\x1b[' + off + 'm' : s);
    if (typeof v === 'string') return seen.length ? paint("'" + v.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n') + "'", 32, 39) : v;
    if (typeof v === 'function') return paint(v.name ? '[Function: ' + v.name + ']' : '[Function (anonymous)]', 36, 39);
    if (typeof v === 'bigint') return paint(v + 'n', 33, 39);
    if (typeof v === 'symbol') return paint(v.toString(), 32, 39);
    if (v === null) return paint('null', 1, 22);
    if (v === undefined) return paint('undefined', 90, 39);
    if (typeof v !== 'object') return paint(String(v), 33, 39);
    if (seen.indexOf(v) >= 0) return paint('[Circular *1]', 36, 39);
    if (v instanceof Error) return v.stack ? v.name + ': ' + v.message + '\n' + v.stack.replace(/\n$/, '') : v.name + ': ' + v.message;
    if (depth < 0) return paint(Array.isArray(v) ? '[Array]' : '[Object]', 36, 39);
    const inner = seen.concat([v]);
    const f = (x) => inspect(x, depth - 1, inner.length ? inner : [1], c);
    let parts, open, close;
    if (Array.isArray(v)) { parts = v.map(f); open = '['; close = ']'; }
    else if (v instanceof Map) { parts = [...v].map(([k, x]) => f(k) + ' => ' + f(x)); open = 'Map(' + v.size + ') {'; close = '}'; }
    else if (v instanceof Set) { parts = [...v].map(f); open = 'Set(' + v.size + ') {'; close = '}'; }
    else if (v instanceof Date) return paint(v.toISOString(), 35, 39);
    else {
      parts = Object.keys(v).map((k) => (/^[A-Za-z_$][\w$]*$/.test(k) ? k : "'" + k + "'") + ': ' + f(v[k]));
      const ctor = v.constructor && v.constructor !== Object && v.constructor.name ? v.constructor.name + ' ' : (Object.getPrototypeOf(v) === null ? '[Object: null prototype] ' : '');
      open = ctor + '{'; close = '}';
    }
    if (!parts.length) return open + close;
    const one = open + ' ' + parts.join(', ') + ' ' + close;
    if (one.replace(/\x1b\[\d+m/g, '').length <= 72 && !one.includes('\n')) return one;
    return open + '\n' + parts.map((p) => '  ' + p.replace(/\n/g, '\n  ')).join(',\n') + '\n' + close;
  }
  function format(args) {
    let i = 0, out = '';
    if (typeof args[0] === 'string' && /%[sdifjoO%]/.test(args[0])) {
      out = args[0].replace(/%([sdifjoO%])/g, (m, c) => {
        if (c === '%') return '%';
        if (++i >= args.length) return m;
        const a = args[i];
        return c === 's' ? (typeof a === 'string' ? a : inspect(a, 1, [])) : c === 'd' || c === 'i' ? String(c === 'i' ? parseInt(a) : Number(a)) : c === 'f' ? String(parseFloat(a)) : c === 'j' ? JSON.stringify(a) : inspect(a, 2, []);
      });
      i++;
      return [out].concat(args.slice(i).map((a) => inspect(a))).join(' ');
    }
    return args.map((a) => inspect(a)).join(' ');
  }
  const write = (fd) => (...a) => H.write(fd, format(a) + '\n');
  G.console = { log: write(1), info: write(1), debug: write(1), error: write(2), warn: write(2), trace: write(2), dir: (o) => H.write(1, inspect(o) + '\n'), table: write(1) };

  // timers run on simulated time after the main script (the event loop)
  const timers = []; let timerSeq = 0;
  function addTimer(fn, ms, args, repeat) { const t = { id: ++timerSeq, fn, ms: Math.max(1, ms | 0), args, repeat, at: H.now() + Math.max(1, ms | 0), ref: true }; timers.push(t); return { _id: t.id, unref() { t.ref = false; return this; }, ref() { t.ref = true; return this; }, hasRef() { return t.ref; }, [Symbol.toPrimitive]() { return t.id; } }; }
  function clear(h) { const id = h && typeof h === 'object' ? h._id : h; const i = timers.findIndex((t) => t.id === id); if (i >= 0) timers.splice(i, 1); }
  G.setTimeout = (fn, ms, ...args) => addTimer(fn, ms, args, false);
  G.setInterval = (fn, ms, ...args) => addTimer(fn, ms, args, true);
  G.setImmediate = (fn, ...args) => addTimer(fn, 0, args, false);
  G.clearTimeout = G.clearInterval = G.clearImmediate = clear;
  G.queueMicrotask = (fn) => Promise.resolve().then(fn);
  const servers = [];
  /** One turn of the event loop: the next timer ('serve' or 'done' when none keeps the process alive; 'wait' when the
   *  next one is due after until, the time a server's next request comes). */
  G.__tick = function (until) {
    const live = timers.filter((t) => t.ref);
    if (!live.length) return servers.length ? 'serve' : 'done';
    live.sort((a, b) => a.at - b.at || a.id - b.id);
    const t = live[0];
    if (until !== undefined && t.at > until) return 'wait';
    H.advance(t.at);
    if (t.repeat) t.at += t.ms; else timers.splice(timers.indexOf(t), 1);
    t.fn.apply(null, t.args);
    return 'more';
  };

  const env = JSON.parse(H.env());
  class ExitSignal { constructor(code) { this.code = code; this.__exit = true; } }
  const emitter = () => { const l = {}; return { on(e, f) { (l[e] = l[e] || []).push(f); return this; }, once(e, f) { return this.on(e, f); }, emit(e, ...a) { (l[e] || []).forEach((f) => f(...a)); return !!(l[e] || []).length; }, off(e, f) { l[e] = (l[e] || []).filter((x) => x !== f); return this; }, removeListener(e, f) { return this.off(e, f); }, addListener(e, f) { return this.on(e, f); }, listeners(e) { return l[e] || []; } }; };
  const proc = Object.assign(emitter(), {
    env, argv: JSON.parse(H.argv()), argv0: 'node', execPath: '/usr/local/bin/node', pid: H.pid(), ppid: 0, platform: 'linux', arch: 'x64',
    version: 'v' + H.version(), versions: { node: H.version(), v8: '12.4.254.21-node.21', uv: '1.49.1' }, release: { name: 'node', lts: H.version().startsWith('22') ? 'Jod' : 'Iron' },
    exitCode: undefined, title: 'node',
    cwd: () => H.cwd(), chdir: () => {}, uptime: () => H.now() / 1000 - H.start() / 1000, hrtime: Object.assign((p) => [Math.floor(H.now() / 1000), 0], { bigint: () => BigInt(H.now()) * 1000000n }),
    memoryUsage: () => ({ rss: 45678592, heapTotal: 6832128, heapUsed: 5069504, external: 1644366, arrayBuffers: 10515 }),
    exit(code) { throw new ExitSignal(code === undefined ? (proc.exitCode || 0) : code | 0); },
    nextTick: (fn, ...a) => Promise.resolve().then(() => fn(...a)),
    stdout: { write: (s) => { H.write(1, String(s)); return true; }, isTTY: H.tty() || undefined, columns: 80 },
    stderr: { write: (s) => { H.write(2, String(s)); return true; }, isTTY: H.tty() || undefined },
    stdin: Object.assign(emitter(), { isTTY: undefined, setEncoding() {}, resume() {} }),
  });
  const on = proc.on;
  proc.on = proc.addListener = proc.once = function (e, f) { if (/^SIG[A-Z0-9]+$/.test(e)) H.trap(e); return on.call(proc, e, f); };
  G.process = proc; G.global = G; G.globalThis = G;
  G.__exitSignal = ExitSignal;

  const errno = { ENOENT: -2, EISDIR: -21, ENOTDIR: -20, EEXIST: -17 };
  const msgs = { ENOENT: 'no such file or directory', EISDIR: 'illegal operation on a directory', ENOTDIR: 'not a directory', EEXIST: 'file already exists' };
  function fsError(code, syscall, p) { const e = new Error(code + ': ' + msgs[code] + ', ' + syscall + " '" + p + "'"); e.errno = errno[code]; e.code = code; e.syscall = syscall; e.path = p; return e; }
  const path = {
    sep: '/', delimiter: ':',
    normalize(p) { const abs = p.startsWith('/'); const out = []; for (const s of p.split('/')) { if (!s || s === '.') continue; if (s === '..') { if (out.length && out[out.length - 1] !== '..') out.pop(); else if (!abs) out.push('..'); } else out.push(s); } const r = (abs ? '/' : '') + out.join('/'); return r || (abs ? '/' : '.'); },
    join(...a) { return path.normalize(a.filter((x) => x !== '').join('/') || '.'); },
    resolve(...a) { let r = ''; for (let i = a.length - 1; i >= 0 && !r.startsWith('/'); i--) r = a[i] + (r ? '/' + r : ''); if (!r.startsWith('/')) r = H.cwd() + '/' + r; return path.normalize(r); },
    dirname(p) { const i = p.replace(/\/+$/, '').lastIndexOf('/'); return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i); },
    basename(p, ext) { const b = p.replace(/\/+$/, '').split('/').pop(); return ext && b.endsWith(ext) ? b.slice(0, -ext.length) : b; },
    extname(p) { const b = path.basename(p); const i = b.lastIndexOf('.'); return i <= 0 ? '' : b.slice(i); },
    isAbsolute: (p) => p.startsWith('/'),
    relative(from, to) { const f = path.resolve(from).split('/').filter(Boolean), t = path.resolve(to).split('/').filter(Boolean); let i = 0; while (i < f.length && f[i] === t[i]) i++; return [...f.slice(i).map(() => '..'), ...t.slice(i)].join('/'); },
    parse(p) { const base = path.basename(p), ext = path.extname(p); return { root: p.startsWith('/') ? '/' : '', dir: path.dirname(p), base, ext, name: ext ? base.slice(0, -ext.length) : base }; },
  };
  path.posix = path;
  const abs = (p) => path.resolve(String(p));
  const utf8Length = (s) => { let n = 0; for (const ch of s) { const c = ch.codePointAt(0); n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4; } return n; };
  const fs = {
    readFileSync(p, o) { const f = abs(p); const k = H.stat(f); if (k === 'dir') throw fsError('EISDIR', 'read', f); if (k !== 'file') throw fsError('ENOENT', 'open', f); const c = H.read(f); return o ? c : Buffer.from(c); },
    writeFileSync(p, data) { const f = abs(p); if (H.stat(path.dirname(f)) !== 'dir') throw fsError('ENOENT', 'open', f); H.writeFile(f, String(data)); },
    appendFileSync(p, data) { const f = abs(p); const old = H.stat(f) === 'file' ? H.read(f) : ''; fs.writeFileSync(f, old + String(data)); },
    existsSync: (p) => H.stat(abs(p)) !== null,
    readdirSync(p) { const f = abs(p); const k = H.stat(f); if (k === null) throw fsError('ENOENT', 'scandir', f); if (k !== 'dir') throw fsError('ENOTDIR', 'scandir', f); return JSON.parse(H.readdir(f)); },
    statSync(p) { const f = abs(p); const k = H.stat(f); if (k === null) throw fsError('ENOENT', 'stat', f); const size = k === 'file' ? utf8Length(H.read(f)) : 4096; const mtime = new Date(k === 'file' ? H.mtime(f) : H.now()); return { size, isFile: () => k === 'file', isDirectory: () => k === 'dir', mtime, mtimeMs: mtime.getTime() }; },
    mkdirSync(p, o) { const f = abs(p); if (H.stat(f) !== null && !(o && o.recursive)) throw fsError('EEXIST', 'mkdir', f); H.mkdir(f); },
    unlinkSync(p) { fs.writeFileSync(p, ''); },
  };
  fs.promises = Object.fromEntries(Object.entries(fs).filter(([, f]) => typeof f === 'function').map(([k, f]) => [k.replace(/Sync$/, ''), (...a) => new Promise((res, rej) => { try { res(f(...a)); } catch (e) { rej(e); } })]));
  for (const [k, f] of Object.entries(fs)) if (typeof f === 'function' && k.endsWith('Sync')) fs[k.replace(/Sync$/, '')] = (...a) => { const cb = a.pop(); try { const r = f(...a); setImmediate(() => cb(null, r)); } catch (e) { setImmediate(() => cb(e)); } };
  class Buffer extends Uint8Array {
    static from(s) { const b = new Buffer(s.length); for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i) & 255; b._s = String(s); return b; }
    toString() { return this._s !== undefined ? this._s : String.fromCharCode(...this); }
  }
  G.Buffer = Buffer;
  const os = { hostname: () => H.hostname(), platform: () => 'linux', type: () => 'Linux', arch: () => 'x64', release: () => '6.8.0-49-generic', EOL: '\n', cpus: () => [{ model: 'Intel(R) Xeon(R) CPU', speed: 2200 }, { model: 'Intel(R) Xeon(R) CPU', speed: 2200 }], totalmem: () => 4109725696, freemem: () => 2854031360, homedir: () => env.HOME || '/root', tmpdir: () => '/tmp', userInfo: () => ({ username: 'root', uid: 0, gid: 0, homedir: env.HOME || '/root', shell: '/bin/bash' }), uptime: () => 2820 };
  const STATUS = JSON.parse(H.statusCodes());
  const http = {
    STATUS_CODES: STATUS,
    createServer(handler) {
      const s = Object.assign(emitter(), {
        listening: false,
        listen(port, ...rest) { const cb = rest.find((x) => typeof x === 'function'); s.port = port === undefined || port === 0 ? 0 : Number(port); H.listen(s.port); s.listening = true; servers.push(s); if (cb) setImmediate(cb); setImmediate(() => s.emit('listening')); return s; },
        close(cb) { const i = servers.indexOf(s); if (i >= 0) servers.splice(i, 1); if (cb) setImmediate(cb); return s; },
        address() { return { address: '::', family: 'IPv6', port: s.port }; },
      });
      if (handler) s.on('request', handler);
      return s;
    },
  };
  /** A request reaching the server (the runtime calls this per request, after the script has started the server). */
  G.__request = function (method, url, headersJson, body) {
    const s = servers.find((x) => x.listening);
    if (!s) return null;
    const req = Object.assign(emitter(), { method, url, headers: JSON.parse(headersJson), httpVersion: '1.1', socket: { remoteAddress: H.client() } });
    const res = { statusCode: 200, statusMessage: undefined, headersSent: false, finished: false, _h: {}, _b: '',
      setHeader(k, v) { res._h[k.toLowerCase()] = [k, v]; return res; }, getHeader(k) { const h = res._h[k.toLowerCase()]; return h && h[1]; }, removeHeader(k) { delete res._h[k.toLowerCase()]; },
      hasHeader(k) { return k.toLowerCase() in res._h; }, getHeaderNames() { return Object.keys(res._h); }, getHeaders() { return Object.fromEntries(Object.entries(res._h).map(([k, [, v]]) => [k, v])); },
      writeHead(code, msg, hs) { if (typeof msg === 'object') { hs = msg; msg = undefined; } res.statusCode = code; if (msg) res.statusMessage = msg; for (const k in hs || {}) res.setHeader(k, hs[k]); return res; },
      write(c) { res._b += String(c); res.headersSent = true; return true; }, end(c) { if (c !== undefined && typeof c !== 'function') res._b += String(c); res.finished = true; } };
    s.emit('request', req, res);
    setImmediate(() => { if (body) req.emit('data', Buffer.from(body)); req.emit('end'); });
    return res;
  };
  // crypto: hashes of text (md5, sha1, sha256, sha512), computed by the host
  const crypto = {
    createHash(alg) {
      let data = '';
      const h = { update(d) { data += String(d); return h; }, digest(enc) { const d = H.digest(String(alg), data, enc === 'hex' || enc === 'base64' ? enc : 'binary'); if (d === null) throw new Error('Digest method not supported'); return enc ? d : Buffer.from(d); } };
      if (H.digest(String(alg), '', 'hex') === null) throw new Error('Digest method not supported');
      return h;
    },
    getHashes: () => ['md5', 'sha1', 'sha256', 'sha512'],
  };
  const mods = { crypto, fs, path, os, http, events: Object.assign(function EventEmitter() { Object.assign(this, emitter()); }, {}), util: { inspect, format: (...a) => format(a) }, 'fs/promises': fs.promises, process: proc, buffer: { Buffer }, timers: { setTimeout: G.setTimeout, setInterval: G.setInterval } };
  mods.events.EventEmitter = mods.events;
  const cache = {};
  function load(file) {
    if (cache[file]) return cache[file].exports;
    const module = { exports: {}, id: file, filename: file, loaded: false };
    cache[file] = module;
    if (file.endsWith('.json')) { module.exports = JSON.parse(H.read(file)); return module.exports; }
    const fn = H.compile(file);
    fn.call(module.exports, module.exports, makeRequire(path.dirname(file)), module, file, path.dirname(file));
    module.loaded = true;
    return module.exports;
  }
  function resolveFile(p) {
    for (const c of [p, p + '.js', p + '.json', p + '/index.js']) if (H.stat(c) === 'file') return c;
    if (H.stat(p + '/package.json') === 'file') { const main = JSON.parse(H.read(p + '/package.json')).main || 'index.js'; return resolveFile(path.join(p, main)); }
    return null;
  }
  function makeRequire(dir) {
    return function require(id) {
      const name = String(id).replace(/^node:/, '');
      if (mods[name]) return mods[name];
      let f = null;
      if (/^\.{0,2}\//.test(id)) f = resolveFile(path.resolve(dir, id));
      else for (let d = dir; ; d = path.dirname(d)) { f = resolveFile(path.join(d, 'node_modules', id)); if (f || d === '/') break; }
      if (!f) { const e = new Error("Cannot find module '" + id + "'\nRequire stack:\n- " + G.__main); e.code = 'MODULE_NOT_FOUND'; e.requireStack = [G.__main]; throw e; }
      return load(f);
    };
  }
  G.__load = load;
  G.require = makeRequire(H.cwd());
  G.__inspect = inspect;
  // the REPL shows a value as util.inspect does, strings quoted, in colour
  G.__replShow = (v) => inspect(v, 2, [1], true);
})();
`;
