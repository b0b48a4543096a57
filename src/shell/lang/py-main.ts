// One Python run: the interpreter over a program, its output, exit code and CPython's traceback for an uncaught
// exception; a flask app that starts serving (app.run or `flask run`) answers one request or reports where it listens.
import { ExitRun, OutOfSteps, parse, PyExc, PySyntaxError, repr, Serving, str, type WebState } from './py-run';
import { Interp } from './py-eval';
import { Miss, type SyncFiles } from './files';
import { banner, dispatch, type WebReply } from './py-web';

export interface PyRequest { method: string; url: string; client: string; time: number; headers?: Record<string, string>; body?: string }
type RedisReply = { ok: string | number | null } | { error: string };

export interface PyRunSpec {
  code: string; file: string; argv: string[]; cwd: string; env: Record<string, string>; version: string; hostname: string; start: number; stdin: string; files: SyncFiles;
  sleep(ms: number): void;
  redis(host: string, port: number, argv: string[]): RedisReply;
  /** The program set a handler for this signal. */
  trap(sig: string): void;
  /** `flask run`: import this module (not as __main__) and serve it here. */
  flask?: { module: string; app: string; host: string; port: number; debug: boolean };
  /** Answer this request with the app's routes at `time`, after the ones its process answered before (`before`, at their
   *  times, silently; their redis calls get the replies they got then, `effects`): they rebuild the app's memory. */
  request?: PyRequest & { before?: (PyRequest & { effects?: unknown[] })[] };
  /** The container's address (flask's banner). */
  ip: string;
  /** One input at the interactive prompt: the inputs typed before it are run again first, silently (the prompt's
   *  state is its inputs, so a session checkpoint stays plain data), then `input`, as CPython's REPL runs it. */
  repl?: { before: string[]; input: string };
}

// CPython 3.13's colours on a terminal (_colorize.ANSIColors): tracebacks at the interactive prompt use them
const MAGENTA = '\x1b[35m';
const BOLD_MAGENTA = '\x1b[1;35m';
const BOLD_RED = '\x1b[1;31m';
const RESET = '\x1b[0m';

/** Run one interactive input in `it`: an expression statement at its top level prints its repr unless it is None
 *  (and is kept as `_`), as the REPL's 'single' mode does; anything else runs as in a script. */
function runInput(it: Interp, src: string, file: string, write: (t: string) => void) {
  it.sources.set(file, src.split('\n'));
  const body = parse(src.endsWith('\n') ? src : src + '\n');
  for (const st of body) {
    if (st.k !== 'expr') {
      it.execBlock([st], it.globals, file, '<module>');
      continue;
    }
    let v: unknown;
    try {
      v = it.eval(st.value, it.globals);
    } catch (e) {
      if (e instanceof PyExc) e.frames.unshift({ file, line: st.line, fn: '<module>' });
      throw e;
    }
    if (v === null) continue;
    write(repr(v) + '\n');
    it.globals.parent?.vars.set('_', v);
  }
}

export interface PyResult {
  stdout: string; stderr: string; exitCode: number; forever: boolean; serving?: { port: number; host: string }; reply?: WebReply;
  /** The redis replies the request's handler got. */
  effects?: unknown[];
  /** exit() at the interactive prompt */
  exited?: boolean;
}

/** A flask app kept alive between requests: `answer` runs just the new one (see node's LiveNode). */
export interface LivePy { served: number; files: SyncFiles; answer(spec: PyRunSpec): PyResult }

/** `keep`: an app that answered its request is handed over alive. */
export function runPython(spec: PyRunSpec, keep?: (live: LivePy) => void): PyResult {
  let stdout = '';
  let stderr = '';
  let now = 0;
  /** Replaying the inputs before an interactive one: their output was shown when they were typed, their time spent. */
  let quiet = false;
  const web: WebState = { routes: [] };
  /** While a request answered before is replayed: the redis replies it got then, in order. */
  let replayed: unknown[] | null = null;
  /** While the new request is answered: the redis replies it gets (kept with the request). */
  let recording: unknown[] | null = null;
  const redis = (host: string, port: number, argv: string[]): RedisReply => {
    if (replayed) return (replayed.shift() as RedisReply | undefined) ?? { ok: null };
    const r = spec.redis(host, port, argv);
    recording?.push(r);
    return r;
  };
  const it = new Interp({
    write: (fd, t) => (quiet ? undefined : fd === 1 ? (stdout += t) : (stderr += t)), files: spec.files, cwd: spec.cwd, env: spec.env, argv: spec.argv, version: spec.version, stdin: spec.stdin, hostname: spec.hostname, web, redis, trap: (sig) => spec.trap(sig),
    now: () => spec.start + now, sleep: (ms) => { if (quiet) return; now += ms; spec.sleep(ms); if (now > 15 * 60 * 1000) throw new OutOfSteps(); },
    findModule: (name) => {
      for (const dir of [spec.file.startsWith('/') ? spec.file.slice(0, spec.file.lastIndexOf('/')) || '/' : spec.cwd, `/usr/local/lib/python${spec.version.split('.').slice(0, 2).join('.')}/site-packages`]) {
        for (const f of [`${dir}/${name.replace(/\./g, '/')}.py`, `${dir}/${name.replace(/\./g, '/')}/__init__.py`]) {
          const e = spec.files.get(f.replace(/\/+/g, '/'));
          if (e.kind === 'file') return { file: f.replace(/\/+/g, '/'), source: e.content };
        }
      }
      return null;
    },
  });
  // at the interactive prompt CPython colours its tracebacks (the terminal can show colour)
  const [m, bm, reset] = spec.repl ? [MAGENTA, BOLD_MAGENTA, RESET] : ['', '', ''];
  const errorLine = (type: string, msg: string) => `${bm}${type}${reset}${msg ? `: ${m}${msg}${reset}` : ''}\n`;
  const traceback = (e: PyExc) => {
    const frames = e.frames.map((f) => {
      const src = it.sources.get(f.file)?.[f.line - 1]?.trim();
      return `  File ${m}"${f.file}"${reset}, line ${m}${f.line}${reset}, in ${m}${f.fn}${reset}\n${src ? `    ${src}\n` : ''}`;
    });
    return `Traceback (most recent call last):\n${frames.join('')}${errorLine(e.type.name, str(e))}`;
  };
  const file = spec.repl ? `<python-input-${spec.repl.before.length}>` : spec.file;
  const code = spec.repl ? spec.repl.input : spec.code;
  const serve = (host: string, port: number, debug: boolean, app: string): PyResult => {
    if (spec.request) {
      quiet = true;
      for (const b of spec.request.before ?? []) {
        replayed = [...(b.effects ?? [])];
        now = Math.max(now, b.time - spec.start);
        dispatch(it, web, b, spec.version, spec.start + now, traceback);
      }
      quiet = false;
      if (keep) keep({ served: spec.request.before?.length ?? 0, files: spec.files, answer: (next) => ((spec = next), (stdout = stderr = ''), (it.steps = 0), answer()) });
      return answer();
    }
    return { stdout, stderr: stderr + banner(app, host, port, debug, spec.ip), exitCode: 0, forever: true, serving: { host, port } };
  };
  /** The new request (the replayed ones before it are answered); its files are read where the earlier ones left them. */
  const answer = (): PyResult => {
    const rec: unknown[] = [];
    [replayed, recording] = [null, rec];
    spec.files.reset(); // the replayed requests' files are on disk already: the new request reads them there, and writes its own
    now = Math.max(now, spec.request!.time - spec.start);
    try {
      const reply = dispatch(it, web, spec.request!, spec.version, spec.start + now, traceback);
      return { stdout, stderr, exitCode: 0, forever: true, reply, ...(rec.length ? { effects: rec } : {}) };
    } finally {
      for (const f of it.open) it.closeFile(f);
    }
  };
  try {
    if (spec.flask) {
      it.sources.set(spec.file, spec.code.split('\n'));
      it.import(spec.flask.module);
      if (!web.routes.length && !web.appName) return { stdout, stderr: stderr + `Error: Failed to find Flask application or factory in module '${spec.flask.module}'. Use '${spec.flask.module}:name' to specify one.\n`, exitCode: 2, forever: false };
      return serve(spec.flask.host, spec.flask.port, spec.flask.debug, spec.flask.app);
    }
    if (spec.repl) {
      it.globals.vars.set('__name__', '__main__');
      quiet = true;
      spec.repl.before.forEach((src, i) => {
        try {
          runInput(it, src, `<python-input-${i}>`, () => {});
        } catch (e) {
          if (e instanceof Miss) throw e; // a file not read yet: the caller reads it and runs this again
        }
      });
      quiet = false;
      runInput(it, code, file, (t) => (stdout += t));
      return { stdout, stderr, exitCode: 0, forever: false };
    }
    it.run(spec.code, spec.file);
    return { stdout, stderr, exitCode: 0, forever: false };
  } catch (e) {
    if (e instanceof Miss) throw e;
    if (e instanceof Serving && web.run) return serve(web.run.host, web.run.port, web.run.debug, spec.file.replace(/^.*\//, '').replace(/\.py$/, ''));
    if (e instanceof OutOfSteps) return { stdout, stderr, exitCode: 0, forever: true };
    if (e instanceof ExitRun) return { stdout, stderr: stderr + (e.message ? e.message + '\n' : ''), exitCode: e.code, forever: false, ...(spec.repl ? { exited: true } : {}) };
    if (e instanceof PySyntaxError) {
      const line = code.split('\n')[e.line - 1] ?? '';
      const shown = line.trimStart();
      const col = Math.max(0, e.col - (line.length - shown.length));
      const caret = spec.repl ? `${BOLD_RED}^${RESET}` : '^';
      return { stdout, stderr: stderr + `  File ${m}"${file}"${reset}, line ${m}${e.line}${reset}\n    ${shown}\n    ${' '.repeat(col)}${caret}\n${errorLine('SyntaxError', e.message)}`, exitCode: 1, forever: false };
    }
    if (e instanceof PyExc && e.type.name === 'SystemExit') {
      // raise SystemExit(n) leaves as sys.exit(n) does: an int is the status, anything else is printed and means 1
      const [c] = e.args;
      const code = c === undefined || c === null ? 0 : typeof c === 'number' ? c & 255 : 1;
      return { stdout, stderr: stderr + (c !== undefined && c !== null && typeof c !== 'number' ? str(c) + '\n' : ''), exitCode: code, forever: false, ...(spec.repl ? { exited: true } : {}) };
    }
    if (e instanceof PyExc) return { stdout, stderr: stderr + traceback(e), exitCode: 1, forever: false };
    if (e instanceof RangeError) return { stdout, stderr: stderr + errorLine('RecursionError', 'maximum recursion depth exceeded'), exitCode: 1, forever: false };
    throw e;
  } finally {
    for (const f of it.open) it.closeFile(f);
  }
}
