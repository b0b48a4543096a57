// The node program's engine: QuickJS compiled to WebAssembly (quickjs-emscripten-core + its release-sync variant), loaded in its own chunk only when a
// script runs. The sandbox sees no page or worker globals, only NODE_PRELUDE's node API over the host functions below;
// an interrupt handler bounds every run, so an endless loop ends the run instead of freezing the tab.
import { newQuickJSWASMModuleFromVariant, type QuickJSContext, type QuickJSHandle, type QuickJSWASMModule } from 'quickjs-emscripten-core';
import releaseSync from '@jitl/quickjs-wasmfile-release-sync';
import { NODE_PRELUDE } from './node-prelude';
import { Miss, type SyncFiles } from './files';
import { calleeAt } from './v8-words';
import { md5, sha1 } from '@noble/hashes/legacy.js';
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const HASHES = { md5, sha1, sha256, sha512 };

/** crypto.createHash's digest of a string's UTF-8 bytes, as hex, base64 or binary text (null: no such algorithm). */
function digest(alg: string, data: string, enc: string): string | null {
  const h = HASHES[alg.toLowerCase() as keyof typeof HASHES];
  if (!h) return null;
  const bytes = h(utf8ToBytes(data));
  const bin = String.fromCharCode(...bytes);
  return enc === 'hex' ? bytesToHex(bytes) : enc === 'base64' ? btoa(bin) : bin;
}

export interface NodeRun {
  /** repl: one input at the interactive prompt, after the inputs before it are run again silently. */
  mode: { kind: 'eval'; code: string; print?: boolean } | { kind: 'script'; file: string } | { kind: 'repl'; before: string[]; input: string };
  argv: string[];
  cwd: string;
  env: Record<string, string>;
  hostname: string;
  pid: number;
  version: string;
  tty: boolean;
  start: number;
  /** Answer one HTTP request with the server the script starts, at `time`, after answering the ones `before` silently
   *  (the requests its process answered earlier, at their times: they rebuild the server's memory). */
  request?: HttpIn & { before?: HttpIn[] };
}

/** A request as the server sees it: method, url, headers, the client's address, its body and when it came. */
export interface HttpIn { method: string; url: string; headers: Record<string, string>; client: string; body?: string; time: number }

export interface NodeResult {
  out: { fd: 1 | 2; text: string; at: number }[];
  exitCode: number;
  /** Simulated ms the event loop ran. */
  elapsed: number;
  /** Still running at the end (a server, an endless interval or loop). */
  forever: boolean;
  listens: number[];
  /** Signals the script set handlers for (process.on('SIGTERM', …)). */
  traps: string[];
  response?: { status: number; reason: string; headers: [string, string][]; body: string; chunked: boolean };
  /** The input at the interactive prompt ended the process (.exit, process.exit()). */
  exited?: boolean;
  /** Answering the request ended the server's process (an uncaught error, process.exit() in a handler). */
  crashed?: boolean;
}

/** Work units (~10k bytecode operations each) one run may take before it counts as running forever. */
const BUDGET = 4000;
const MAX_TICKS = 2000;
const HORIZON_MS = 15 * 60 * 1000;
const WRAP = '(function (exports, require, module, __filename, __dirname) { ';

let module: Promise<QuickJSWASMModule> | null = null;
/** The release build with a separate .wasm file: the only variant the bundle carries (one 236 kB gzip wasm asset). */
export const loadQuickJS = () => (module ??= newQuickJSWASMModuleFromVariant(releaseSync));

class Interrupted extends Error {}

/** A server kept alive between requests: `answer` runs just the new one (a request costs the same however many came
 *  before); it throws (Miss, Interrupted …) when it cannot, and the server is then thrown away. */
export interface LiveNode {
  /** How many requests this process has answered (the next one is answered live only if the engine agrees). */
  served: number;
  files: SyncFiles;
  answer(files: SyncFiles, req: HttpIn): NodeResult;
  dispose(): void;
}

/** `keep`: a server that answered its request is handed over alive instead of being disposed. */
export function runNode(qjs: QuickJSWASMModule, files: SyncFiles, run: NodeRun, keep?: (live: LiveNode) => void): NodeResult {
  const rt = qjs.newRuntime();
  rt.setMemoryLimit(128 * 1024 * 1024);
  rt.setMaxStackSize(1024 * 1024);
  let units = 0;
  let interrupted = false;
  rt.setInterruptHandler(() => (interrupted = ++units > BUDGET));
  const vm = rt.newContext();
  let out: NodeResult['out'] = [];
  let kept = false;
  const disposeAll = () => (owned.forEach((h) => h.alive && h.dispose()), vm.dispose(), rt.dispose());
  const listens: number[] = [];
  const traps: string[] = [];
  let now = 0;
  let miss: string | null = null;
  const sources = new Map<string, string[]>();
  const owned: QuickJSHandle[] = []; // every handle the host keeps, freed before the context (QuickJS asserts none is left)
  const own = <T extends QuickJSHandle>(h: T): T => (owned.push(h), h);
  const get = (p: string) => {
    try {
      return files.get(p);
    } catch (e) {
      if (e instanceof Miss) miss = e.path;
      throw e;
    }
  };
  try {
    const host = vm.newObject();
    const fn = (name: string, f: (...a: QuickJSHandle[]) => QuickJSHandle | undefined) => {
      const h = vm.newFunction(name, f);
      vm.setProp(host, name, h);
      h.dispose();
    };
    const str = (s: string) => vm.newString(s);
    fn('write', (fd, s) => {
      out.push({ fd: vm.getNumber(fd) === 2 ? 2 : 1, text: vm.getString(s), at: now });
      return undefined;
    });
    fn('env', () => str(JSON.stringify(run.env)));
    fn('argv', () => str(JSON.stringify(run.argv)));
    fn('cwd', () => str(run.cwd));
    fn('pid', () => vm.newNumber(run.pid));
    fn('version', () => str(run.version));
    fn('hostname', () => str(run.hostname));
    let client = run.request?.client ?? '::ffff:172.17.0.1';
    fn('client', () => str(client));
    fn('tty', () => (run.tty ? vm.true : vm.false));
    fn('statusCodes', () => str(JSON.stringify(REASONS)));
    fn('digest', (alg, data, enc) => {
      const d = digest(vm.getString(alg), vm.getString(data), vm.getString(enc));
      return d === null ? vm.null : str(d);
    });
    fn('now', () => vm.newNumber(run.start + now));
    fn('start', () => vm.newNumber(run.start));
    fn('advance', (t) => {
      now = Math.max(now, vm.getNumber(t) - run.start);
      return undefined;
    });
    fn('stat', (p) => {
      const e = get(vm.getString(p));
      return e.kind === 'none' ? vm.null : str(e.kind);
    });
    fn('mtime', (p) => {
      const e = get(vm.getString(p));
      return vm.newNumber(e.kind === 'file' && e.mtime !== undefined && !files.writes.has(vm.getString(p)) ? e.mtime : run.start + now);
    });
    fn('read', (p) => {
      const e = get(vm.getString(p));
      return str(e.kind === 'file' ? e.content : '');
    });
    fn('readdir', (p) => {
      const e = get(vm.getString(p));
      return str(JSON.stringify(e.kind === 'dir' ? e.names : []));
    });
    fn('writeFile', (p, c) => {
      files.write(vm.getString(p), vm.getString(c));
      return undefined;
    });
    fn('mkdir', (p) => {
      files.mkdirs.add(vm.getString(p));
      return undefined;
    });
    fn('listen', (p) => {
      listens.push(vm.getNumber(p) || 0);
      return undefined;
    });
    fn('trap', (sig) => {
      traps.push(vm.getString(sig));
      return undefined;
    });
    fn('compile', (p) => {
      const file = vm.getString(p);
      const e = get(file);
      const src = (e.kind === 'file' ? e.content : '').replace(/^#!.*/, '');
      sources.set(file, src.split('\n'));
      return vm.unwrapResult(vm.evalCode(`${WRAP}${src}\n})`, file));
    });
    vm.setProp(vm.global, '__host', host);
    host.dispose();
    // code the VM loads (the prelude, the script's modules) is evaluated in order; results are freed at once
    vm.unwrapResult(vm.evalCode(NODE_PRELUDE, 'node:internal/bootstrap')).dispose();
    vm.unwrapResult(vm.evalCode(`{ const R = Date; globalThis.Date = class Date extends R { constructor(...a) { if (a.length) super(...a); else super(${run.start} + __tickNow()); } static now() { return ${run.start} + __tickNow(); } }; }`)).dispose();

    let exitCode = 0;
    let done = false;
    let replExited = false;
    let response: NodeResult['response'];
    let crashed = false;
    /** Run one piece of the program; an uncaught error ends the process the way node reports it. */
    const step = (result: ReturnType<QuickJSContext['evalCode']>, what: string): QuickJSHandle | null => {
      if (interrupted) {
        (result.error ?? result.value).dispose();
        throw new Interrupted();
      }
      if (result.error) {
        const err = vm.dump(result.error);
        result.error.dispose();
        if (miss) throw new Miss(miss);
        if (interrupted) throw new Interrupted();
        if (err && typeof err === 'object' && 'code' in err && (err as { __exit?: boolean }).__exit) {
          exitCode = (err as { code: number }).code & 255;
        } else {
          out.push({ fd: 2, text: uncaught(err, sources, run, what), at: now });
          exitCode = 1;
        }
        done = true;
        return null;
      }
      return result.value;
    };
    const stepOwn = (r: ReturnType<QuickJSContext['evalCode']>, what: string) => {
      const h = step(r, what);
      return h ? own(h) : null;
    };
    const jobs = () => {
      const r = rt.executePendingJobs();
      if (r.error) step({ error: r.error } as never, 'job');
    };
    vm.setProp(vm.global, '__tickNow', own(vm.newFunction('__tickNow', () => vm.newNumber(now))));
    const argvFile = run.mode.kind === 'script' ? run.mode.file : '[eval]';
    vm.unwrapResult(vm.evalCode(`globalThis.__main = ${JSON.stringify(argvFile)};`)).dispose();
    if (run.mode.kind === 'eval') {
      sources.set('[eval]', run.mode.code.split('\n'));
      vm.unwrapResult(vm.evalCode('globalThis.module = { exports: {}, id: "[eval]" }; globalThis.exports = module.exports; globalThis.__filename = "[eval]"; globalThis.__dirname = ".";')).dispose();
      const v = stepOwn(vm.evalCode(run.mode.code, '[eval]'), 'main');
      if (v && run.mode.print) {
        const shown = vm.callFunction(own(vm.getProp(vm.global, '__inspect')), vm.undefined, v);
        if (!shown.error) out.push({ fd: 1, text: vm.getString(shown.value) + '\n', at: now });
        own(shown.error ?? shown.value);
      }
    } else if (run.mode.kind === 'repl') {
      vm.unwrapResult(vm.evalCode('globalThis.module = { exports: {}, id: "<repl>" }; globalThis.exports = module.exports; globalThis.__filename = undefined; globalThis.__dirname = ".";')).dispose();
      // the inputs before this one, again: each is a global script, so its let/const/function declarations stay
      for (const src of run.mode.before) {
        const shown = out.length;
        const r = vm.evalCode(src, 'REPL');
        (r.error ?? r.value).dispose();
        if (miss) throw new Miss(miss);
        if (interrupted) throw new Interrupted();
        out.length = shown;
      }
      const r = vm.evalCode(run.mode.input, 'REPL');
      if (interrupted) throw new Interrupted();
      if (r.error) {
        const err = vm.dump(r.error);
        const shown = vm.callFunction(own(vm.getProp(vm.global, '__replShow')), vm.undefined, r.error);
        r.error.dispose();
        if (miss) throw new Miss(miss);
        if (err && typeof err === 'object' && (err as { __exit?: boolean }).__exit) {
          exitCode = (err as { code: number }).code & 255;
          done = true;
          replExited = true;
        } else {
          const e = err as { name?: string; message?: string };
          const text = err && typeof err === 'object' && e.name ? `${e.name}: ${v8Message(e.message ?? '')}` : shown.error ? String(err) : vm.getString(shown.value);
          out.push({ fd: 2, text: `Uncaught ${text}\n`, at: now });
        }
        own(shown.error ?? shown.value);
      } else {
        const shown = vm.callFunction(own(vm.getProp(vm.global, '__replShow')), vm.undefined, r.value);
        r.value.dispose();
        if (!shown.error) out.push({ fd: 1, text: vm.getString(shown.value) + '\n', at: now });
        own(shown.error ?? shown.value);
      }
    } else {
      stepOwn(vm.evalCode(`__load(${JSON.stringify(run.mode.file)})`, run.mode.file), 'main');
    }
    if (!done) jobs();
    const tick = own(vm.getProp(vm.global, '__tick'));
    let state = 'more';
    /** Run the event loop's timers, in a server's run only those due by `until` (when the next request comes). */
    const loop = (until?: number) => {
      for (let i = 0; !done && (state === 'more' || until !== undefined) && i < MAX_TICKS && now < HORIZON_MS; i++) {
        const r = stepOwn(vm.callFunction(tick, vm.undefined, until === undefined ? vm.undefined : own(vm.newNumber(until))), 'timer');
        state = r ? vm.getString(r) : 'done';
        if (!done) jobs();
        if (until !== undefined && state !== 'more') break;
      }
    };
    // at the prompt the input's promises settle, but timers are not run ahead: the prompt is back at once
    if (run.mode.kind !== 'repl') loop(run.request ? (run.request.before?.[0] ?? run.request).time : undefined);
    /** Answer one request; the last one (the new one) reports its response. */
    const answer = (req: HttpIn, last: boolean) => {
      now = Math.max(now, req.time - run.start);
      client = req.client;
      // the files the replayed requests wrote are on disk already: the new request reads them there, and what it
      // writes itself is what goes back to the container
      if (last) files.reset();
      const res = stepOwn(vm.evalCode(`__request(${[req.method, req.url, JSON.stringify(req.headers), req.body ?? ''].map((x) => JSON.stringify(x)).join(', ')})`, 'request'), 'request');
      if (!done) jobs();
      for (let i = 0; !done && i < 20; i++) {
        const finished = res ? vm.dump(own(vm.getProp(res, 'finished'))) : true;
        if (finished) break;
        stepOwn(vm.callFunction(tick, vm.undefined), 'timer');
        jobs();
      }
      if (res && !done && last) {
        const r = vm.dump(res) as { statusCode: number; statusMessage?: string; finished: boolean; headersSent: boolean; _h: Record<string, [string, string]>; _b: string };
        response = r.finished ? { status: r.statusCode, reason: r.statusMessage ?? REASONS[r.statusCode] ?? '', headers: Object.values(r._h).map(([k, v]) => [k, String(v)]), body: r._b, chunked: r.headersSent } : undefined;
      }
    };
    const served = run.request?.before?.length ?? 0; // the new one is counted when it is kept
    if (run.request && !done) {
      const all = [...(run.request.before ?? []), run.request];
      let before = 0;
      for (const [j, req] of all.entries()) {
        if (done) break;
        if (j) loop(req.time);
        before = out.length; // only the last request's output is new: the others' was logged when they came
        answer(req, j === all.length - 1);
      }
      out.splice(0, before); // what the script printed while starting was printed when the container started
      if (done) crashed = true;
    }
    if (miss) throw new Miss(miss); // a read the program caught (try { fs.statSync(…) } catch): fetch it and run again
    const forever = !done && (state === 'serve' || state === 'more');
    if (run.mode.kind === 'repl') return { out, exitCode, elapsed: now, forever: false, listens, traps, ...(replExited ? { exited: true } : {}) }; // the prompt waits: timers left are not run to the horizon
    const result = { out, exitCode, elapsed: now, forever, listens, traps, response, ...(crashed ? { crashed } : {}) };
    if (keep && run.request && response && !done) {
      kept = true;
      const base = owned.length;
      keep({
        served,
        files,
        answer: (f, req) => {
          [files, out, units, interrupted, miss, response] = [f, [], 0, false, null, undefined];
          try {
            loop(req.time);
            if (!done) answer(req, true);
            if (miss) throw new Miss(miss);
            return { out, exitCode, elapsed: now, forever: !done, listens, traps, response, ...(done ? { crashed: true } : {}) };
          } finally {
            for (const h of owned.splice(base)) if (h.alive) h.dispose(); // this request's handles
          }
        },
        dispose: disposeAll,
      });
    }
    return result;
  } catch (e) {
    if (e instanceof Interrupted) return { out, exitCode: 0, elapsed: now, forever: true, listens, traps };
    throw e;
  } finally {
    if (!kept) disposeAll();
  }
}

/** node's http.STATUS_CODES. */
const REASONS: Record<number, string> = { 100: 'Continue', 101: 'Switching Protocols', 102: 'Processing', 103: 'Early Hints', 200: 'OK', 201: 'Created', 202: 'Accepted', 203: 'Non-Authoritative Information', 204: 'No Content', 205: 'Reset Content', 206: 'Partial Content', 207: 'Multi-Status', 208: 'Already Reported', 226: 'IM Used', 300: 'Multiple Choices', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 304: 'Not Modified', 305: 'Use Proxy', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 402: 'Payment Required', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 406: 'Not Acceptable', 407: 'Proxy Authentication Required', 408: 'Request Timeout', 409: 'Conflict', 410: 'Gone', 411: 'Length Required', 412: 'Precondition Failed', 413: 'Payload Too Large', 414: 'URI Too Long', 415: 'Unsupported Media Type', 416: 'Range Not Satisfiable', 417: 'Expectation Failed', 418: "I'm a Teapot", 421: 'Misdirected Request', 422: 'Unprocessable Entity', 423: 'Locked', 424: 'Failed Dependency', 425: 'Too Early', 426: 'Upgrade Required', 428: 'Precondition Required', 429: 'Too Many Requests', 431: 'Request Header Fields Too Large', 451: 'Unavailable For Legal Reasons', 500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates', 507: 'Insufficient Storage', 508: 'Loop Detected', 509: 'Bandwidth Limit Exceeded', 510: 'Not Extended', 511: 'Network Authentication Required' };

/** QuickJS's wording of common errors, said the way V8 says it. */
function v8Message(m: string): string {
  return m
    .replace(/^'([^']+)' is not defined$/, '$1 is not defined')
    .replace(/^cannot read property '([^']+)' of (undefined|null)$/, "Cannot read properties of $2 (reading '$1')")
    .replace(/^cannot set property '([^']+)' of (undefined|null)$/, "Cannot set properties of $2 (setting '$1')")
    .replace(/^'([^']+)' is read-only$/, 'Assignment to constant variable.')
    .replace(/^not a function$/, 'is not a function')
    .replace(/^([\w.]+) is not a function$/, '$1 is not a function');
}

/** node's report of an uncaught exception: where it was thrown (line and caret), the error and its stack, the version. */
function uncaught(err: unknown, sources: Map<string, string[]>, run: NodeRun, what: string): string {
  void what;
  const e = (err && typeof err === 'object' ? err : { name: '', message: String(err), stack: '' }) as { name?: string; message?: string; stack?: string };
  const frames = (e.stack ?? '').split('\n').filter((l) => l.trim().startsWith('at '));
  const located = frames.map((l) => /\(?([^\s()]+):(\d+):(\d+)\)?$/.exec(l)).find((m) => m && sources.has(m[1]));
  let [head, callee, shift] = ['', '', 0];
  const fix = (file: string, line: number, col: number) => (line === 1 && file !== '[eval]' ? col - WRAP.length : col);
  if (located) {
    const [, file, l, c] = located;
    const line = parseInt(l, 10);
    const col = Math.max(1, fix(file, line, parseInt(c, 10)));
    const text = sources.get(file)?.[line - 1] ?? '';
    // QuickJS points at the call's '(': V8 names the callee and points at its last name
    callee = e.message === 'not a function' ? calleeAt(text, col - 1) : '';
    shift = (/[\w$]+$/.exec(callee)?.[0] ?? '').length;
    head = `${file}:${line}\n${text}\n${' '.repeat(col - 1 - shift)}^\n\n`;
  }
  const isError = !!e.name;
  const body = isError ? `${e.name}: ${callee ? `${callee} is not a function` : v8Message(e.message ?? '')}` : `Uncaught ${JSON.stringify(e.message)}`;
  const stack: string[] = [];
  for (const l of frames) {
    const m = /^\s*at (\S+)(?: \((.*)\))?$/.exec(l);
    if (!m) continue;
    const [, name, loc = ''] = m;
    const lm = /^(.*):(\d+):(\d+)$/.exec(loc);
    if (!lm || !sources.has(lm[1])) break; // the loader's own frames: node's internals, not shown here
    const at = `${lm[1]}:${lm[2]}:${Math.max(1, fix(lm[1], +lm[2], +lm[3]) - (stack.length ? 0 : shift))}`;
    if (lm[1] === '[eval]' && (name === '<eval>' || name === '<anonymous>')) stack.push(`    at ${at}`);
    else if (name === '<anonymous>' || name === '<eval>') stack.push(`    at Object.<anonymous> (${at})`);
    else stack.push(`    at ${name} (${at})`);
  }
  const trace = isError ? (stack.length ? '\n' + stack.join('\n') : '') : '';
  const extra = e && typeof err === 'object' && (err as { code?: string }).code === 'MODULE_NOT_FOUND' ? ` {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: [ '${run.mode.kind === 'script' ? run.mode.file : '[eval]'}' ]\n}` : '';
  return `${head}${body}${trace}${extra}\n\nNode.js v${run.version}\n`;
}
