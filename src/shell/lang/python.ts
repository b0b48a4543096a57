// The `python3` program of the python images: -c, scripts from the container's files, -m http.server (served by the
// engine when it is the main process), with a small Python subset (py-*.ts, its own chunk) and CPython's tracebacks.
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { containerOf } from '../userland/sys';
import { SyncFiles, withFiles } from './files';
import { envRecord, FOREVER_MS, runsOn } from './node';

const versionOf = (ctx: Ctx) => ctx.env.get('PYTHON_VERSION') || '3.13.1';

export async function python(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  const a = args.filter((x) => x !== '-u' && x !== '-B');
  if (a[0] === '-V' || a[0] === '--version') return { stdout: `Python ${versionOf(ctx)}\n`, stderr: '', exitCode: 0 };
  let code: string;
  let file: string;
  let argv: string[];
  if (a[0] === '-c') {
    if (a[1] === undefined) return { stdout: '', stderr: 'Argument expected for the -c option\nusage: python3 [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry `python -h\' for more information.\n', exitCode: 2 };
    code = a[1];
    file = '<string>';
    argv = ['-c', ...a.slice(2)];
  } else if (a[0] === '-m') {
    return { stdout: '', stderr: `dockerlings: python3 -m ${a[1] ?? ''} runs only as a container's main process here (docker run -p 8000:8000 python python3 -m http.server)\n`, exitCode: 1 };
  } else if (a[0] && a[0] !== '-') {
    file = ctx.fs.resolvePath(ctx.cwd, a[0]);
    const src = await ctx.fs.readFile(file).catch(() => null);
    if (src === null) return { stdout: '', stderr: `/usr/local/bin/python3: can't open file '${file}': [Errno 2] No such file or directory\n`, exitCode: 2 };
    code = src;
    argv = a;
  } else {
    code = String(ctx.stdin ?? '');
    file = '<stdin>';
    argv = [''];
    if (!code.trim()) return { stdout: '', stderr: '', exitCode: 0 };
  }
  const { runPython } = await import('./py-main');
  const files = new SyncFiles();
  const c = containerOf(sys);
  let slept = 0;
  const r = await withFiles(ctx.fs, files, () => {
    slept = 0;
    return runPython({ code, file, argv, cwd: ctx.cwd, env: envRecord(ctx), version: versionOf(ctx), hostname: c?.config.Hostname ?? 'localhost', start: sys.now(), stdin: String(ctx.stdin ?? ''), files, sleep: (ms) => (slept += ms) });
  });
  await files.flush(ctx.fs);
  if (r.forever) {
    // print() to a pipe is block-buffered (8 KiB): a program still running has written only whole blocks so far
    const unbuffered = sys.tty() || args.includes('-u') || !!ctx.env.get('PYTHONUNBUFFERED');
    return runsOn(ctx, sys, unbuffered ? r.stdout : r.stdout.slice(0, r.stdout.length - (r.stdout.length % 8192)), r.stderr);
  }
  if (ctx.sleep && slept && sys.report) await ctx.sleep(Math.min(slept, FOREVER_MS)); // time.sleep: simulated time passes
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}
