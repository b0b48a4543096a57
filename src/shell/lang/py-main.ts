// One Python run: the interpreter over a program, its output, exit code and CPython's traceback for an uncaught exception.
import { ExitRun, OutOfSteps, PyExc, PySyntaxError, str } from './py-run';
import { Interp } from './py-eval';
import { Miss, type SyncFiles } from './files';

export interface PyRunSpec { code: string; file: string; argv: string[]; cwd: string; env: Record<string, string>; version: string; hostname: string; start: number; stdin: string; files: SyncFiles; sleep(ms: number): void }

export function runPython(spec: PyRunSpec): { stdout: string; stderr: string; exitCode: number; forever: boolean } {
  let stdout = '';
  let stderr = '';
  let now = 0;
  const it = new Interp({
    write: (fd, t) => (fd === 1 ? (stdout += t) : (stderr += t)), files: spec.files, cwd: spec.cwd, env: spec.env, argv: spec.argv, version: spec.version, stdin: spec.stdin, hostname: spec.hostname,
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
  try {
    return finish();
  } finally {
    for (const f of it.open) it.closeFile(f);
  }
  function finish() {
  try {
    it.run(spec.code, spec.file);
    return { stdout, stderr, exitCode: 0, forever: false };
  } catch (e) {
    if (e instanceof Miss) throw e;
    if (e instanceof OutOfSteps) return { stdout, stderr, exitCode: 0, forever: true };
    if (e instanceof ExitRun) return { stdout, stderr: stderr + (e.message ? e.message + '\n' : ''), exitCode: e.code, forever: false };
    if (e instanceof PySyntaxError) {
      const line = spec.code.split('\n')[e.line - 1] ?? '';
      const shown = line.trimStart();
      const col = Math.max(0, e.col - (line.length - shown.length));
      return { stdout, stderr: stderr + `  File "${spec.file}", line ${e.line}\n    ${shown}\n    ${' '.repeat(col)}^\nSyntaxError: ${e.message}\n`, exitCode: 1, forever: false };
    }
    if (e instanceof PyExc) {
      const frames = e.frames.map((f) => {
        const src = it.sources.get(f.file)?.[f.line - 1]?.trim();
        return `  File "${f.file}", line ${f.line}, in ${f.fn}\n${src ? `    ${src}\n` : ''}`;
      });
      const msg = str(e);
      return { stdout, stderr: stderr + `Traceback (most recent call last):\n${frames.join('')}${e.type.name}${msg ? ': ' + msg : ''}\n`, exitCode: 1, forever: false };
    }
    if (e instanceof RangeError) return { stdout, stderr: stderr + 'RecursionError: maximum recursion depth exceeded\n', exitCode: 1, forever: false };
    throw e;
  }
}
}
