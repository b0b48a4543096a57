// The `python3` program of the python images: -c, scripts from the container's files, -m http.server (served by the
// engine when it is the main process), with a small Python subset (py-*.ts, its own chunk) and CPython's tracebacks;
// and `flask run` for an installed flask. A flask app that serves answers requests like node's servers (app-requests.ts).
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { containerOf } from '../userland/sys';
import { SyncFiles, withFiles } from './files';
import { envRecord, FOREVER_MS, pythonBanner, runsOn } from './common';
import { putAnswer, servedBefore, takeRequest } from './app-requests';
import type { ServedRequest } from '../../engine/index';
import { redisCall } from './redis-store';
import type { LivePy, PyResult, PyRunSpec } from './py-main';

const versionOf = (ctx: Ctx) => ctx.env.get('PYTHON_VERSION') || '3.13.1';

/** The container's address and its network's gateway (what a published port's requests come from). */
function addresses(sys: Sys): { ip: string; gateway: string } {
  const c = containerOf(sys);
  const s = sys.engine.state;
  const ep = c ? Object.values(c.endpoints).find((e) => e.ip) : undefined;
  return { ip: ep?.ip ?? '172.17.0.2', gateway: (ep && s.networks[ep.networkId]?.ipam.config[0]?.Gateway) || '172.17.0.1' };
}

/** Run a Python program (or serve a flask app) in this container. */
/** flask apps kept alive between requests, per session (engine): by container and start time, the last few used. */
const lives = new WeakMap<Sys['engine'], Map<string, LivePy>>();

export async function runPy(ctx: Ctx, sys: Sys, prog: { code: string; file: string; argv: string[]; flask?: PyRunSpec['flask']; repl?: PyRunSpec['repl'] }, unbuffered: boolean): Promise<ExecResult> {
  const { runPython } = await import('./py-main');
  const files = new SyncFiles();
  const c = containerOf(sys);
  const request = sys.process?.execId ? undefined : takeRequest(sys.containerId);
  const net = addresses(sys);
  const time = sys.now();
  let slept = 0;
  let traps: string[] = [];
  // redis replies of this run, kept when a file not read yet starts the run again (a command is sent once)
  const sent: ReturnType<typeof redisCall>[] = [];
  let calls = 0;
  const redis = (host: string, port: number, argv: string[]) => (calls < sent.length ? sent[calls++] : (calls++, sent[sent.push(redisCall(sys.engine, sys.containerId, host, port, argv)) - 1]));
  // a server answering a request runs on the clock of its process, which started with the container
  const spec = (files: SyncFiles): PyRunSpec => ({ ...prog, cwd: ctx.cwd, env: envRecord(ctx), version: versionOf(ctx), hostname: c?.config.Hostname ?? 'localhost', start: request && c?.state.startedAt ? c.state.startedAt : sys.now(), stdin: String(ctx.stdin ?? ''), files,
    sleep: (ms) => (slept += ms), redis, ip: net.ip, trap: (sig) => traps.push(sig),
    ...(request ? { request: { method: request.method, url: request.url, client: net.gateway, headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}), time, before: servedBefore(c ?? undefined) } } : {}) });
  // a flask app kept alive since its last request answers this one alone (as node's servers: node.ts)
  const pool = lives.get(sys.engine) ?? new Map<string, LivePy>();
  lives.set(sys.engine, pool);
  const key = `${c?.id}@${c?.state.startedAt}`;
  let live = request && c ? pool.get(key) : undefined;
  pool.delete(key);
  let r: PyResult | undefined;
  if (live && request) {
    try {
      if (live.served === servedBefore(c ?? undefined).length && !(await live.files.refresh(ctx.fs))) r = live.answer(spec(live.files));
    } catch {
      r = undefined; // a file it had not read: answered the long way
    }
    if (!r) live = undefined;
  }
  if (!r) {
    r = await withFiles(ctx.fs, files, () => {
      slept = 0;
      traps = [];
      calls = 0;
      return runPython(spec(files), request && c ? (l) => (live = l) : undefined);
    });
  }
  if (request) {
    // started again for one request: hand the response (and the log line) to the network side
    const served: ServedRequest = { ...request, time, ...(r.effects ? { effects: r.effects } : {}) };
    // the handler's writes go to the container through the runtime (this run's filesystem is thrown away)
    const used = live?.files ?? files;
    const writes = { files: [...used.writes], dirs: [...used.mkdirs] };
    if (live && r.reply) {
      used.settle();
      live.served++;
      pool.set(key, live);
      for (const k of [...pool.keys()].slice(0, Math.max(0, pool.size - 4))) pool.delete(k);
    }
    if (r.reply && sys.containerId) putAnswer(sys.containerId, { status: r.reply.status, reason: r.reply.reason, headers: r.reply.headers, body: r.reply.body, logs: [...(r.stdout && unbuffered ? [{ stream: 'stdout' as const, text: r.stdout }] : []), { stream: 'stderr', text: r.reply.stderr }], served, writes });
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  await files.flush(ctx.fs);
  if (r.exited && sys.process?.repl) sys.process.repl.exited = r.exitCode;
  if (r.serving && r.serving.host !== '127.0.0.1') sys.report?.listens.push(r.serving.port);
  sys.report?.traps.push(...traps);
  if (r.forever) {
    // print() to a pipe is block-buffered (8 KiB): a program still running has written only whole blocks so far
    return runsOn(ctx, sys, unbuffered ? r.stdout : r.stdout.slice(0, r.stdout.length - (r.stdout.length % 8192)), r.stderr);
  }
  if (ctx.sleep && slept && sys.report) await ctx.sleep(Math.min(slept, FOREVER_MS)); // time.sleep: simulated time passes
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

export async function python(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  const repl = sys.process?.repl;
  if (repl) return runPy(ctx, sys, { code: '', file: '<stdin>', argv: [''], repl: { before: repl.before, input: repl.input } }, true);
  const a = args.filter((x) => x !== '-u' && x !== '-B');
  const unbuffered = sys.tty() || args.includes('-u') || !!ctx.env.get('PYTHONUNBUFFERED');
  if (a[0] === '-V' || a[0] === '--version') return { stdout: `Python ${versionOf(ctx)}\n`, stderr: '', exitCode: 0 };
  if (a[0] === '-c') {
    if (a[1] === undefined) return { stdout: '', stderr: 'Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h\' for more information.\n', exitCode: 2 };
    return runPy(ctx, sys, { code: a[1], file: '<string>', argv: ['-c', ...a.slice(2)] }, unbuffered);
  }
  if (a[0] === '-m' && a[1] === 'flask') return flask(a.slice(2), ctx, sys);
  if (a[0] === '-m') return { stdout: '', stderr: `dockerlings: python3 -m ${a[1] ?? ''} runs only as a container's main process here (docker run -p 8000:8000 python python3 -m http.server)\n`, exitCode: 1 };
  if (a[0] && a[0] !== '-') {
    const file = ctx.fs.resolvePath(ctx.cwd, a[0]);
    const src = await ctx.fs.readFile(file).catch(() => null);
    if (src === null) return { stdout: '', stderr: `/usr/local/bin/python3: can't open file '${file}': [Errno 2] No such file or directory\n`, exitCode: 2 };
    return runPy(ctx, sys, { code: src, file, argv: a }, unbuffered);
  }
  const code = String(ctx.stdin ?? '');
  if (!code.trim() && sys.tty()) return { stdout: pythonBanner(versionOf(ctx)), stderr: '', exitCode: 0 }; // the prompt itself is a shell frame (repl.ts)
  if (!code.trim()) return { stdout: '', stderr: '', exitCode: 0 }; // no terminal: the REPL reads end-of-file
  return runPy(ctx, sys, { code, file: '<stdin>', argv: [''] }, unbuffered);
}

/** `flask [--app X] run [--host H] [--port P] [--debug]` (FLASK_APP, FLASK_RUN_HOST, FLASK_RUN_PORT, FLASK_DEBUG). */
export async function flask(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  let app = ctx.env.get('FLASK_APP') ?? '';
  let host = ctx.env.get('FLASK_RUN_HOST') || '127.0.0.1';
  let port = parseInt(ctx.env.get('FLASK_RUN_PORT') || '5000', 10);
  let debug = ctx.env.get('FLASK_DEBUG') === '1' || ctx.env.get('FLASK_DEBUG') === 'true';
  let cmd = '';
  for (let i = 0; i < args.length; i++) {
    const x = args[i];
    if (x === '--app' || x === '-A') app = args[++i] ?? '';
    else if (x.startsWith('--app=')) app = x.slice(6);
    else if (x === '--debug') debug = true;
    else if (x === '--host' || x === '-h') host = args[++i] ?? host;
    else if (x.startsWith('--host=')) host = x.slice(7);
    else if (x === '--port' || x === '-p') port = parseInt(args[++i] ?? '5000', 10);
    else if (x.startsWith('--port=')) port = parseInt(x.slice(7), 10);
    else if (x === '--version') return { stdout: `Python ${versionOf(ctx)}\nFlask 3.1.0\nWerkzeug 3.1.3\n`, stderr: '', exitCode: 0 };
    else if (!x.startsWith('-') && !cmd) cmd = x;
  }
  if (cmd !== 'run') return { stdout: '', stderr: `dockerlings: flask ${cmd} is not simulated here (flask run is)\n`, exitCode: 2 };
  const candidates = app ? [app] : ['wsgi.py', 'app.py'];
  for (const name of candidates) {
    const file = ctx.fs.resolvePath(ctx.cwd, name.endsWith('.py') ? name : `${name.replace(/\./g, '/')}.py`);
    const src = await ctx.fs.readFile(file).catch(() => null);
    if (src === null) continue;
    const module = file.slice(file.lastIndexOf('/') + 1).replace(/\.py$/, '');
    return runPy(ctx, sys, { code: src, file, argv: [file], flask: { module, app: app || name.replace(/\.py$/, ''), host, port, debug } }, sys.tty() || !!ctx.env.get('PYTHONUNBUFFERED'));
  }
  return { stdout: '', stderr: `Usage: flask run [OPTIONS]\nTry 'flask run --help' for help.\n\nError: Could not locate a Flask application. Use the 'flask --app' option, 'FLASK_APP' environment variable, or a 'wsgi.py' or 'app.py' file in the current directory.\n`, exitCode: 2 };
}
