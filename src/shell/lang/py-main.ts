// One Python run: the interpreter over a program, its output, exit code and CPython's traceback for an uncaught
// exception; a flask app that starts serving (app.run or `flask run`) answers one request or reports where it listens.
import { ExitRun, OutOfSteps, PyExc, PySyntaxError, Serving, str, type WebState } from './py-run';
import { Interp } from './py-eval';
import { Miss, type SyncFiles } from './files';
import { banner, dispatch, type WebReply } from './py-web';

export interface PyRunSpec {
  code: string; file: string; argv: string[]; cwd: string; env: Record<string, string>; version: string; hostname: string; start: number; stdin: string; files: SyncFiles;
  sleep(ms: number): void;
  redis(host: string, port: number, argv: string[]): { ok: string | number | null } | { error: string };
  /** The program set a handler for this signal. */
  trap(sig: string): void;
  /** `flask run`: import this module (not as __main__) and serve it here. */
  flask?: { module: string; app: string; host: string; port: number; debug: boolean };
  /** Answer this request with the app's routes. */
  request?: { method: string; url: string; client: string };
  /** The container's address (flask's banner). */
  ip: string;
}

export interface PyResult { stdout: string; stderr: string; exitCode: number; forever: boolean; serving?: { port: number; host: string }; reply?: WebReply }

export function runPython(spec: PyRunSpec): PyResult {
  let stdout = '';
  let stderr = '';
  let now = 0;
  const web: WebState = { routes: [] };
  const it = new Interp({
    write: (fd, t) => (fd === 1 ? (stdout += t) : (stderr += t)), files: spec.files, cwd: spec.cwd, env: spec.env, argv: spec.argv, version: spec.version, stdin: spec.stdin, hostname: spec.hostname, web, redis: spec.redis, trap: (sig) => spec.trap(sig),
    now: () => spec.start + now, sleep: (ms) => { now += ms; spec.sleep(ms); if (now > 15 * 60 * 1000) throw new OutOfSteps(); },
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
  const traceback = (e: PyExc) => {
    const frames = e.frames.map((f) => {
      const src = it.sources.get(f.file)?.[f.line - 1]?.trim();
      return `  File "${f.file}", line ${f.line}, in ${f.fn}\n${src ? `    ${src}\n` : ''}`;
    });
    const msg = str(e);
    return `Traceback (most recent call last):\n${frames.join('')}${e.type.name}${msg ? ': ' + msg : ''}\n`;
  };
  const serve = (host: string, port: number, debug: boolean, app: string): PyResult => {
    if (spec.request) return { stdout, stderr, exitCode: 0, forever: true, reply: dispatch(it, web, spec.request, spec.version, spec.start + now, traceback) };
    return { stdout, stderr: stderr + banner(app, host, port, debug, spec.ip), exitCode: 0, forever: true, serving: { host, port } };
  };
  try {
    if (spec.flask) {
      it.sources.set(spec.file, spec.code.split('\n'));
      it.import(spec.flask.module);
      if (!web.routes.length && !web.appName) return { stdout, stderr: stderr + `Error: Failed to find Flask application or factory in module '${spec.flask.module}'. Use '${spec.flask.module}:name' to specify one.\n`, exitCode: 2, forever: false };
      return serve(spec.flask.host, spec.flask.port, spec.flask.debug, spec.flask.app);
    }
    it.run(spec.code, spec.file);
    return { stdout, stderr, exitCode: 0, forever: false };
  } catch (e) {
    if (e instanceof Miss) throw e;
    if (e instanceof Serving && web.run) return serve(web.run.host, web.run.port, web.run.debug, spec.file.replace(/^.*\//, '').replace(/\.py$/, ''));
    if (e instanceof OutOfSteps) return { stdout, stderr, exitCode: 0, forever: true };
    if (e instanceof ExitRun) return { stdout, stderr: stderr + (e.message ? e.message + '\n' : ''), exitCode: e.code, forever: false };
    if (e instanceof PySyntaxError) {
      const line = spec.code.split('\n')[e.line - 1] ?? '';
      const shown = line.trimStart();
      const col = Math.max(0, e.col - (line.length - shown.length));
      return { stdout, stderr: stderr + `  File "${spec.file}", line ${e.line}\n    ${shown}\n    ${' '.repeat(col)}^\nSyntaxError: ${e.message}\n`, exitCode: 1, forever: false };
    }
    if (e instanceof PyExc) return { stdout, stderr: stderr + traceback(e), exitCode: 1, forever: false };
    if (e instanceof RangeError) return { stdout, stderr: stderr + 'RecursionError: maximum recursion depth exceeded\n', exitCode: 1, forever: false };
    throw e;
  } finally {
    for (const f of it.open) it.closeFile(f);
  }
}
