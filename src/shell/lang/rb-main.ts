// One Ruby run: `ruby -e`, a script, one irb input (after the ones before it, silently), `ruby -run -e httpd`, or a
// server (Sinatra, TCPServer) started for one request; Ruby 3.3's uncaught-exception and syntax-error output.
import { ExitSig, Interp, OutOfSteps, ReturnSig, ThrowSig, type Native } from './rb-eval';
import { RbSyntaxError } from './rb-lex';
import { installLib } from './rb-lib';
import { RubyInterp } from './rb-stmt';
import { C, inspect, makeExc, RClass, resetClasses, RObject, RubyError, sym, toS, type V } from './rb-value';
import { Answered, httpdArgs, installSinatra, parseRaw, REQUEST_NATIVES, Serving, sinatraBanner, sinatraDispatch, tcpClient, webrickBanner, webrickFile, type Gems, type SinatraApp, type WebReply, type WebReq } from './rb-web';
import { Miss, type SyncFiles } from './files';

export interface RbRunSpec {
  mode: { kind: 'eval' | 'script' | 'stdin'; code: string; file: string } | { kind: 'httpd'; args: string[] } | { kind: 'repl'; before: string[]; input: string };
  argv: string[]; cwd: string; env: Record<string, string>; version: string; files: SyncFiles; stdin: string; tty: boolean; start: number; ip: string;
  sleep(ms: number): void;
  request?: WebReq & { before?: WebReq[] };
}
export interface RbResult { stdout: string; stderr: string; exitCode: number; forever: boolean; serving?: { port: number; host: string }; reply?: WebReply; exited?: boolean; sync?: boolean }

const GEM_DIR = '/usr/local/bundle/gems';
const IRB_TAIL = "\tfrom <internal:kernel>:187:in `loop'\n\tfrom /usr/local/lib/ruby/gems/3.3.0/gems/irb-1.13.1/exe/irb:9:in `<top (required)>'\n\tfrom /usr/local/bin/irb:25:in `load'\n\tfrom /usr/local/bin/irb:25:in `<main>'\n";
const KERNEL_REQUIRE = "<internal:/usr/local/lib/ruby/3.3.0/rubygems/core_ext/kernel_require.rb>:136:in `require'";
/** Standard libraries a program may require: nothing to load here beyond what the subset has built in. */
const STDLIB = new Set(['set', 'date', 'time', 'securerandom', 'pp', 'uri', 'erb', 'logger', 'fileutils', 'benchmark', 'digest', 'base64', 'optparse', 'yaml', 'psych', 'ostruct', 'stringio', 'open3', 'timeout', 'bigdecimal', 'net/http', 'open-uri', 'English', 'forwardable', 'singleton', 'observer', 'tempfile', 'tmpdir', 'etc', 'io/console', 'rbconfig', 'bundler/setup', 'rubygems']);

export function runRuby(spec: RbRunSpec): RbResult {
  resetClasses(); // a run (and a run started again for a file it had not read yet) starts from Ruby's own classes
  let stdout = '', stderr = '', now = 0, quiet = false, seed = 42;
  const loaded = new Set<string>();
  const gemList = (): string[] => { const e = spec.files.get(GEM_DIR); return e.kind === 'dir' ? e.names : []; };
  const gems: Gems = { has: (n) => gemList().some((g) => g.replace(/-[\d.]+$/, '') === n), version: (n) => gemList().find((g) => g.replace(/-[\d.]+$/, '') === n)?.slice(n.length + 1) ?? '' };
  const app: SinatraApp = { routes: [], settings: new Map(), notFound: null, cls: new RClass('Sinatra::Application', C.Object), before: [] };
  let sinatra = false;
  let tcp: { host: string; port: number } | null = null;
  const queue: WebReq[] = spec.request ? [...(spec.request.before ?? []), spec.request] : [];
  let client: ReturnType<typeof tcpClient> | null = null;
  let raw = '';
  const abs = (p: string) => (p.startsWith('/') ? p : `${spec.cwd.replace(/\/$/, '')}/${p}`).replace(/\/+/g, '/');
  const files = {
    read: (p: string) => spec.files.read(p), write: (p: string, t: string) => spec.files.write(p, t), mkdir: (p: string) => spec.files.mkdirs.add(p),
    kind: (p: string) => { const e = spec.files.get(p); return e.kind; }, list: (p: string) => { const e = spec.files.get(p); return e.kind === 'dir' ? e.names : []; },
  };
  const loadError = (it: Interp, name: string, how: string): never => {
    const e = makeExc(C.LoadError, `cannot load such file -- ${name}`);
    e.bt = how === 'require' ? [KERNEL_REQUIRE, KERNEL_REQUIRE, ...it.backtrace()] : [`${it.stack[it.stack.length - 1].file}:${it.stack[it.stack.length - 1].line}:in \`${how}'`, ...it.backtrace()];
    throw new RubyError(e);
  };
  const it: Interp = new RubyInterp({
    write: (fd, t) => { if (quiet) return; if (fd === 1) stdout += t; else stderr += t; },
    sleep: (ms) => { if (quiet) return; now += ms; spec.sleep(ms); if (now > 15 * 60 * 1000) throw new OutOfSteps(); },
    random: () => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648; },
    gets: () => { const s = spec.stdin; if (!s) return null; const i = s.indexOf('\n'); const line = i < 0 ? s : s.slice(0, i + 1); spec.stdin = s.slice(line.length); return line; },
    require: (name, it2, mode) => {
      if (name.startsWith('\u0000')) return false;
      const feature = name.replace(/\.rb$/, '');
      if (mode === null) {
        if (loaded.has(feature)) return false;
        if (feature === 'json' || STDLIB.has(feature)) return loaded.add(feature), true;
        if (feature === 'socket') { loaded.add(feature); defineSocket(it2); return true; }
        if (feature === 'sinatra' || feature === 'sinatra/base') {
          if (!gems.has('sinatra')) return loadError(it2, name, 'require');
          loaded.add(feature);
          sinatra = sinatra || feature === 'sinatra';
          const appFile = spec.mode.kind === 'script' ? abs(spec.mode.file) : abs('app.rb');
          const dsl = installSinatra(it2, app, spec.argv.slice(1), spec.env, (p) => spec.files.read(p), appFile.slice(0, appFile.lastIndexOf('/')) || '/');
          it2.natives.Kernel = { ...it2.natives.Kernel, ...(feature === 'sinatra' ? dsl : {}) };
          it2.natives['Sinatra::Base.'] = { ...dsl, 'run!': () => { sinatra = true; return null; }, app_file: () => (spec.mode.kind === 'script' ? spec.mode.file : null) };
          it2.natives.Object = { ...REQUEST_NATIVES, ...(it2.natives.Object ?? {}) };
          const mod = new RClass('Sinatra', null, true);
          const base = new RClass('Sinatra::Base', C.Object, false, mod);
          mod.consts.set('Base', base); mod.consts.set('Application', app.cls); mod.consts.set('VERSION', gems.version('sinatra'));
          C.Object.consts.set('Sinatra', mod); C['Sinatra::Base'] = base;
          return true;
        }
        if (['webrick', 'rack', 'rackup', 'puma', 'rack/handler/puma', 'sinatra/json', 'sinatra/reloader', 'sinatra/contrib'].includes(feature)) {
          const gem = feature === 'rack/handler/puma' ? 'puma' : feature.startsWith('sinatra/') ? 'sinatra-contrib' : feature;
          if (!gems.has(gem)) return loadError(it2, name, 'require');
          loaded.add(feature);
          return true;
        }
      }
      const dir = it2.stack[it2.stack.length - 1]?.file ?? spec.cwd;
      const path = mode === 'relative' ? abs(`${dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : spec.cwd}/${feature}.rb`) : mode === 'load' ? abs(name) : abs(feature + '.rb');
      const src = mode === null && !name.startsWith('/') && !name.startsWith('.') ? null : spec.files.read(path.replace(/\/\.\//g, '/'));
      if (src === null) return loadError(it2, mode === 'relative' ? path.replace(/\.rb$/, '') : name, mode === 'relative' ? 'require_relative' : mode === 'load' ? 'load' : 'require');
      if (loaded.has(path) && mode !== 'load') return false;
      loaded.add(path);
      it2.run(src, path);
      return true;
    },
  });
  installLib(it, { files, cwd: spec.cwd, env: spec.env, argv: spec.argv.slice(1), now: () => spec.start + now, version: spec.version, pid: 1, loaded });
  const defineSocket = (it2: Interp) => {
    const server = new RClass('TCPServer', C.IO);
    const sock = new RClass('TCPSocket', C.IO);
    C.Object.consts.set('TCPServer', server); C.Object.consts.set('TCPSocket', sock); C.Object.consts.set('Socket', sock);
    it2.natives['TCPServer.'] = { new: (_i, _s, a) => { tcp = { host: a.length > 1 ? toS(a[0]) : '0.0.0.0', port: Number(a[a.length - 1]) }; return new RObject(server); }, open: (i, s, a) => it2.natives['TCPServer.'].new(i, s, a, null, null) };
    const answer = () => { if (client) { quiet = queue.length > 0; raw = client.out; } };
    it2.natives.TCPServer = {
      accept: () => {
        if (!spec.request) throw new Serving(tcp!.host === 'localhost' ? '127.0.0.1' : tcp!.host, tcp!.port, { stdout: '', stderr: '' });
        answer();
        const req = queue.shift();
        if (!req) throw new Answered();
        quiet = queue.length > 0;
        client = tcpClient(req);
        client.cls = sock;
        return client;
      },
      close: () => null, addr: () => ['AF_INET', tcp?.port ?? 0, '0.0.0.0', '0.0.0.0'],
    };
    const w = (s: V, t: string) => { s.out += t; };
    it2.natives.TCPSocket = {
      gets: (_i, s) => s.lines.shift() ?? null, readpartial: (_i, s) => s.lines.splice(0).join('') + s.body, read: (_i, s, a) => (a.length ? s.body.slice(0, Number(a[0])) : s.body),
      puts: (i, s, a) => (w(s, a.length ? a.map((x) => i.str(x).replace(/\n?$/, '\n')).join('') : '\n'), null), print: (i, s, a) => (w(s, a.map((x) => i.str(x)).join('')), null),
      write: (i, s, a) => { const t = a.map((x) => i.str(x)).join(''); w(s, t); return t.length; }, '<<': (i, s, a) => (w(s, i.str(a[0])), s),
      close: (_i, s) => { s.closed = true; return null; }, peeraddr: (_i, _s) => ['AF_INET', 54321, spec.request?.client ?? '172.17.0.1', spec.request?.client ?? '172.17.0.1'],
      remote_address: () => null, flush: (_i, s) => s,
    } as Record<string, Native>;
  };
  it.globals.set('$0', spec.mode.kind === 'script' ? spec.argv[0] : '-e');
  const fileName = spec.mode.kind === 'repl' ? '(irb)' : spec.mode.kind === 'httpd' ? '-e' : spec.mode.file;
  /** $stdout.sync = true: output is not held in Ruby's buffer. */
  const done = (extra: Partial<RbResult> = {}): RbResult => ({ stdout, stderr, exitCode: 0, forever: false, sync: it.globals.get('\u0000sync') === true, ...extra });
  const fail = (text: string, code = 1) => done({ stderr: stderr + text, exitCode: code });
  const runAtExit = () => { while (it.atExit.length) it.callProc(it.atExit.pop()!, []); };
  const serve = (s: Serving, reply: (req: WebReq) => WebReply): RbResult => {
    if (!spec.request) return done({ stdout: stdout + s.banner.stdout, stderr: stderr + s.banner.stderr, forever: true, serving: { host: s.host, port: s.port } });
    quiet = true;
    for (const b of spec.request.before ?? []) reply(b);
    quiet = false;
    const r = reply(spec.request);
    return done({ forever: true, reply: r });
  };
  const startApp = (): RbResult | null => {
    if (!sinatra || !app.routes.length || app.settings.get('run') === false) return null;
    const b = sinatraBanner(app, gems, spec.version, spec.start + now);
    if (!(b instanceof Serving)) return fail(b.error, b.code);
    const handler = b.banner.stdout ? 'Puma' : 'WEBrick';
    return serve(b, (req) => sinatraDispatch(it, app, req, handler));
  };
  try {
    switch (spec.mode.kind) {
      case 'httpd': {
        if (!gems.has('webrick')) return fail('webrick is not found. You may need to `gem install webrick` to install webrick.\n');
        const h = httpdArgs(spec.mode.args);
        const t = spec.start;
        const stamp = webrickBanner(t, spec.version, h.port).split('\n')[0].slice(0, 21);
        const urls = h.bind && h.bind !== '0.0.0.0' ? [`http://${h.bind}:${h.port}`] : [`http://127.0.0.1:${h.port}`, `http://[::1]:${h.port}`];
        const banner = webrickBanner(t, spec.version, h.port) + `${stamp} INFO  To access this server, open this URL in a browser:\n` + urls.map((u) => `${stamp} INFO      ${u}\n`).join('');
        const root = abs(h.dir);
        return serve(new Serving(h.bind || '0.0.0.0', h.port, { stdout: '', stderr: banner }), (req) => webrickFile((p) => spec.files.read(p), (p) => spec.files.get(p).kind, (p) => files.list(p), root, req));
      }
      case 'repl': {
        const { before, input } = spec.mode;
        const replCtx = it.topCtx('(irb)');
        let line = 1;
        quiet = true;
        for (const src of before) {
          try { it.run('\n'.repeat(line - 1) + src, '(irb)', replCtx); } catch (e) { if (e instanceof Miss) throw e; }
          line += src.split('\n').length;
        }
        quiet = false;
        try {
          const v = it.run('\n'.repeat(line - 1) + input, '(irb)', replCtx);
          return done({ stdout: stdout + `=> ${inspectValue(v)}\n` });
        } catch (e) {
          if (e instanceof ExitSig) return done({ exitCode: e.code, exited: true });
          if (e instanceof RubyError) return done({ stderr: stderr + it.errorText(e.exc, false) + IRB_TAIL });
          if (e instanceof RbSyntaxError) return done({ stderr: stderr + `(irb):${e.line + line - 1}: ${e.message} (SyntaxError)\n` + IRB_TAIL });
          throw e;
        }
      }
      default: {
        try {
          it.run(spec.mode.code, fileName);
        } catch (e) {
          if (!(e instanceof ReturnSig)) throw e;
        }
        runAtExit();
        if (tcp) return done({ forever: true });
        return startApp() ?? done();
      }
    }
  } catch (e) {
    if (e instanceof Miss) throw e;
    if (e instanceof Serving) return tcpServe(e);
    if (e instanceof Answered) { answerTcp(); return done({ forever: true, reply: parseRaw(raw) }); }
    if (e instanceof OutOfSteps) return done({ forever: true });
    if (e instanceof ExitSig) { try { runAtExit(); } catch { /* exit wins */ } return done({ exitCode: e.code }); }
    if (e instanceof RbSyntaxError) return fail(syntaxText(fileName, e, spec.tty));
    if (e instanceof ThrowSig) return fail(it.errorText(Object.assign(makeExc(C.UncaughtThrowError, `uncaught throw ${inspect(e.tag)}`), { bt: it.backtrace() }), spec.tty));
    if (e instanceof RubyError) {
      if (e.exc.cls === C.SystemExit) return done({ exitCode: 0 });
      try { runAtExit(); } catch { /* the first error is the one printed */ }
      return fail(it.errorText(e.exc, spec.tty));
    }
    if (e instanceof RangeError && /call stack/i.test(e.message)) return fail(`${fileName}: stack level too deep (SystemStackError)\n`);
    throw e;
  }
  function answerTcp() { if (client) raw = client.out; }
  function tcpServe(s: Serving): RbResult { return done({ forever: true, serving: { host: s.host, port: s.port } }); }
  function inspectValue(v: V): string { return it.findMethod(v, 'inspect') ? toS(it.send(v, 'inspect', [], null, null, false)) : inspect(v); }
}

/** parse.y's report: `file: file:line: message (SyntaxError)`. */
export function syntaxText(file: string, e: RbSyntaxError, tty: boolean): string {
  const msg = `${file}:${e.line}: ${e.message}`;
  return tty ? `${file}: \x1b[1m${msg} (\x1b[1;4mSyntaxError\x1b[m\x1b[1m)\x1b[m\n` : `${file}: ${msg} (SyntaxError)\n`;
}

export { sym };
