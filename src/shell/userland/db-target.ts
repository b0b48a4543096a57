// Which container's server a database client reaches: the name or address it was given, resolved like the process would.
import { allContainers, listeners, netnsOf, resolveName, type Container } from '../../engine/index';
import { containerOf, type Sys } from './sys';

export type Target = { id: string; program: string; container: Container } | { error: 'refused' | 'unknown-host' };

/** The running server listening on host:port as seen from the client's container (localhost = its own namespace). */
export function findServer(sys: Sys, host: string, port: number): Target {
  const s = sys.engine.state;
  const self = containerOf(sys);
  const r = resolveName(s, self, host || 'localhost');
  if (!r.ip) return { error: 'unknown-host' };
  let ns = null;
  if (r.ip.startsWith('127.')) ns = self ? netnsOf(s, self) : { kind: 'host' as const };
  else {
    const owner = allContainers(s).find((c) => c.state.status === 'running' && Object.values(c.endpoints).some((e) => e.ip === r.ip));
    ns = owner ? netnsOf(s, owner) : null;
  }
  if (!ns) return { error: 'refused' };
  const l = listeners(s, ns).find((x) => x.port === port && x.proto === 'tcp');
  if (!l) return { error: 'refused' };
  // docker-proxy on the host forwards to the container that published the port
  const c = l.container;
  if (!c.process || !ready(c, s.clock)) return { error: 'refused' };
  return { id: c.id, program: c.process.program, container: c };
}

/** The line each database server logs once it accepts clients (its init's temporary server does not listen on TCP). */
const READY: Record<string, RegExp> = {
  postgres: /\[1\] LOG: {2}database system is ready to accept connections/,
  mysqld: /\/usr\/sbin\/mysqld: ready for connections/,
  mariadbd: /mariadbd: ready for connections/,
};

/** Has the server in `c` logged that it is ready by `now`? (Programs without such a line are ready at once.) */
export function ready(c: Container, now: number): boolean {
  const re = READY[c.process?.program ?? ''];
  return !re || c.logs.some((l) => l.time >= c.state.startedAt && l.time <= now && re.test(l.text));
}

/** Split a line the way a client's prompt does: words, with "double" and 'single' quotes. */
export function splitWords(line: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const m of line.matchAll(re)) out.push(m[1] !== undefined ? m[1].replace(/\\(.)/g, (_, ch: string) => ({ n: '\n', t: '\t', r: '\r' })[ch] ?? ch) : (m[2] ?? m[3]));
  return out;
}
