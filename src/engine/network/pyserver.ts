// `python3 -m http.server`: which container runs one, on which port and folder (its answers and log lines are
// py-http.ts, loaded with the python programs' chunk: only a running python program serves).
import type { Container } from '../state';

const envOf = (c: Container, name: string) => c.config.Env.find((e) => e.startsWith(name + '='))?.slice(name.length + 1) ?? '';

/** `python3 -m http.server [-b addr] [-d dir] [port]`: its port and directory, or null for any other python command. */
export function httpServerArgs(args: string[], workdir: string): { port: number; bind: string; dir: string } | null {
  const a = (args[0] && /^python[\d.]*$/.test(args[0].slice(args[0].lastIndexOf('/') + 1)) ? args.slice(1) : args).filter((x) => x !== '-u');
  if (a[0] !== '-m' || a[1] !== 'http.server') return null;
  let port = 8000;
  let bind = '0.0.0.0';
  let dir = workdir || '/';
  for (let i = 2; i < a.length; i++) {
    if (a[i] === '-b' || a[i] === '--bind') bind = a[++i] ?? bind;
    else if (a[i] === '-d' || a[i] === '--directory') dir = a[++i] ?? dir;
    else if (/^\d+$/.test(a[i])) port = parseInt(a[i], 10);
  }
  return { port, bind, dir: dir.startsWith('/') ? dir : `${workdir || ''}/${dir}` };
}

/** The http.server a container's main process runs, if it is one. */
export function pyServer(c: Container): { port: number; bind: string; dir: string; version: string } | null {
  if (!/^python/.test(c.process?.program ?? '')) return null;
  const h = httpServerArgs(c.args, c.config.WorkingDir);
  return h ? { ...h, version: envOf(c, 'PYTHON_VERSION') || '3.13.1' } : null;
}
