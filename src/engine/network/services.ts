// What listens where: the ports simulated servers bind in their network namespace, docker-proxy on the host, HTTP replies.
import type { Container, EngineState } from '../state';
import { isRunning, netnsOwner, networkMode } from './endpoints';
import { hostPathOf, route, viewNode, type HostNodes } from '../storage';
import { servedRepos } from '../registry';
import { containerById, containerKeys } from '../container-table';
import { pyServer } from './pyserver';
import { lazyModule } from '../lazy';

/** WordPress's pages: loaded with its apache2-foreground program (a chunk loaded when it starts), which alone serves them. */
const wordpress = lazyModule('programs-wordpress', () => import('./wordpress'));
/** http.server's answers: loaded with the python programs (programs-lang), which alone serve them. */
const pyHttp = lazyModule('programs-lang', () => import('./py-http'));

/** Ports the simulated server programs listen on (their images' defaults). */
export const PROGRAM_PORTS: Record<string, { port: number; proto: 'tcp' | 'udp'; http?: boolean }[]> = {
  nginx: [{ port: 80, proto: 'tcp', http: true }],
  httpd: [{ port: 80, proto: 'tcp', http: true }],
  'redis-server': [{ port: 6379, proto: 'tcp' }],
  registry: [{ port: 5000, proto: 'tcp', http: true }],
  mongod: [{ port: 27017, proto: 'tcp' }],
  postgres: [{ port: 5432, proto: 'tcp' }],
  mariadbd: [{ port: 3306, proto: 'tcp' }],
  mysqld: [{ port: 3306, proto: 'tcp' }, { port: 33060, proto: 'tcp' }],
  'apache2-foreground': [{ port: 80, proto: 'tcp', http: true }],
  memcached: [{ port: 11211, proto: 'tcp' }],
  'rabbitmq-server': [{ port: 4369, proto: 'tcp' }, { port: 5672, proto: 'tcp' }, { port: 15672, proto: 'tcp', http: true }, { port: 15692, proto: 'tcp' }, { port: 25672, proto: 'tcp' }],
  traefik: [{ port: 80, proto: 'tcp', http: true }],
  dockerd: [{ port: 2376, proto: 'tcp' }],
};

/** The ports a running main process listens on: its program's defaults, http.server's port, a script's listen() calls. */
export function programPorts(c: Container): { port: number; proto: 'tcp' | 'udp' }[] {
  const py = pyServer(c);
  if (py) return [{ port: py.port, proto: 'tcp' }];
  return [...(PROGRAM_PORTS[c.process?.program ?? ''] ?? []), ...(c.process?.kind === 'script' ? c.process.listens ?? [] : []).map((port) => ({ port, proto: 'tcp' as const }))];
}

export type Netns = { kind: 'host' } | { kind: 'container'; id: string };

/** The namespace a container's processes use (its own, a joined container's, or the host's). */
export function netnsOf(s: EngineState, c: Container): Netns | null {
  const o = netnsOwner(s, c);
  return o === 'host' ? { kind: 'host' } : o ? { kind: 'container', id: o.id } : null;
}

export interface Listener {
  port: number;
  proto: 'tcp' | 'udp' | 'sctp';
  /** Address bound ('0.0.0.0' = any). */
  ip: string;
  /** A container process, or docker-proxy forwarding to a container. */
  container: Container;
  proxyTo?: { ip: string; port: number };
}

/** rabbitmq listens on 15672 only with its management plugin enabled (the :management image). */
function pluginOff(s: EngineState, c: Container, port: number): boolean {
  if (c.process?.program !== 'rabbitmq-server' || port !== 15672) return false;
  const n = viewNode(s, c, '/etc/rabbitmq/enabled_plugins', {}, 'exec');
  return !(n?.type === 'file' && n.content.includes('rabbitmq_management'));
}

/**
 * Running containers that may listen somewhere other than in their own namespace (`host`: the host's, `joined`: a
 * `container:` mode's, which depends on the other container) and those publishing ports on the host (`published`).
 */
const listenKeys = containerKeys((c) => {
  const keys: string[] = [];
  if (c.state.status === 'running' && c.process) {
    const mode = networkMode(c);
    if (mode === 'host') keys.push('host');
    else if (mode.startsWith('container:')) keys.push('joined');
  }
  if (isRunning(c) && c.ports.length) keys.push('published');
  return keys;
});

/** The containers that can listen in `ns`, oldest first: its own container, those joining a namespace, and on the
 *  host those in host mode and those publishing ports (listeners() checks each as a scan of every container would). */
function mayListen(s: EngineState, ns: Netns): Container[] {
  const keys = listenKeys(s);
  const found = new Set<Container>(keys.get('joined'));
  if (ns.kind === 'host') {
    for (const c of keys.get('host') ?? []) found.add(c);
    for (const c of keys.get('published') ?? []) found.add(c);
  } else {
    const own = containerById(s, ns.id);
    if (own) found.add(own);
  }
  return [...found].sort((a, b) => a.seq - b.seq);
}

/** Everything listening in a namespace now. */
export function listeners(s: EngineState, ns: Netns): Listener[] {
  const out: Listener[] = [];
  for (const c of mayListen(s, ns)) {
    if (c.state.status !== 'running' || !c.process) continue;
    const own = netnsOf(s, c);
    const here = own && own.kind === ns.kind && (ns.kind === 'host' || (own.kind === 'container' && own.id === ns.id));
    if (here) for (const p of programPorts(c)) if (!pluginOff(s, c, p.port)) out.push({ port: p.port, proto: p.proto, ip: '0.0.0.0', container: c });
    if (ns.kind === 'host' && isRunning(c)) {
      for (const m of c.ports) {
        if (m.hostIp.includes(':')) continue;
        const ep = Object.values(c.endpoints).find((e) => e.ip && s.networks[e.networkId]?.driver === 'bridge');
        if (ep) out.push({ port: m.hostPort, proto: m.proto, ip: m.hostIp, container: c, proxyTo: { ip: ep.ip, port: m.containerPort } });
      }
    }
  }
  return out;
}

/** The listener that accepts a connection to ip:port in a namespace, if any. */
export function listenerFor(s: EngineState, ns: Netns, ip: string, port: number, proto: 'tcp' | 'udp'): Listener | undefined {
  return listeners(s, ns).find((l) => l.port === port && l.proto === proto && (l.ip === '0.0.0.0' || l.ip === ip));
}

export interface HttpReply {
  /** The status line's version when it is not HTTP/1.1 (http.server answers HTTP/1.0). */
  protocol?: string;
  status: number;
  reason: string;
  headers: [string, string][];
  body: string;
}

const DOC_ROOTS: Record<string, string> = { nginx: '/usr/share/nginx/html', httpd: '/usr/local/apache2/htdocs' };

const httpDate = (ms: number) => new Date(ms).toUTCString();

const requestPath = (path: string) => (path.split('?')[0] || '/').replace(/\/+$/, '') || '';

/** Host paths a web server would read through its bind mounts to answer `path` (the shell reads them first). */
export function bindPathsFor(s: EngineState, c: Container, path: string): string[] {
  const root = pyServer(c)?.dir ?? DOC_ROOTS[c.process?.program ?? ''];
  if (!root) return [];
  const clean = requestPath(path);
  const out: string[] = [];
  for (const p of [`${root}${clean}`, `${root}${clean}/index.html`]) {
    const r = route(s, c, p, 'exec');
    if (r.mount?.type === 'bind') out.push(hostPathOf(r.mount, r.rel));
  }
  return out;
}

/** What the server program answers to `GET path` (content from the container's own files and its mounts). */
export function httpReply(s: EngineState, c: Container, method: string, path: string, host: HostNodes = {}, hostHeader = 'localhost', resolve: (name: string) => string | null = () => null, body = ''): HttpReply {
  const program = c.process?.program ?? '';
  if (program === 'apache2-foreground') return wordpress().wordpressReply(s, c, method, path, hostHeader, httpDate(s.clock), resolve, body);
  const root = DOC_ROOTS[program];
  // what the server process sees: a volume, tmpfs or bind mount over the document root serves its own files
  const see = (p: string) => viewNode(s, c, p, host, 'exec');
  const clean = requestPath(path);
  const file = root ? see(`${root}${clean}`)?.type === 'dir' || clean === '' ? `${root}${clean}/index.html` : `${root}${clean}` : '';
  const node = file ? see(file) : undefined;
  const date = httpDate(s.clock);
  if (program === 'nginx') {
    if (node?.type === 'file') {
      const body = method === 'HEAD' ? '' : node.content;
      return { status: 200, reason: 'OK', headers: [['Server', 'nginx/1.27.3'], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(node.content.length)], ['Last-Modified', httpDate(node.mtime)], ['Connection', 'keep-alive'], ['ETag', `"${Math.floor(node.mtime / 1000).toString(16)}-${node.content.length.toString(16)}"`], ['Accept-Ranges', 'bytes']], body };
    }
    const body = '<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/1.27.3</center>\r\n</body>\r\n</html>\r\n';
    return { status: 404, reason: 'Not Found', headers: [['Server', 'nginx/1.27.3'], ['Date', date], ['Content-Type', 'text/html'], ['Content-Length', String(body.length)], ['Connection', 'keep-alive']], body: method === 'HEAD' ? '' : body };
  }
  if (program === 'httpd' && node?.type === 'file') {
    return { status: 200, reason: 'OK', headers: [['Date', date], ['Server', 'Apache/2.4.62 (Unix)'], ['Last-Modified', httpDate(node.mtime)], ['ETag', `"${node.content.length.toString(16)}-5e8c6c1e2b5c0"`], ['Accept-Ranges', 'bytes'], ['Content-Length', String(node.content.length)], ['Content-Type', 'text/html']], body: method === 'HEAD' ? '' : node.content };
  }
  if (program === 'httpd') {
    const body = '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';
    return { status: 404, reason: 'Not Found', headers: [['Date', date], ['Server', 'Apache/2.4.62 (Unix)'], ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']], body };
  }
  if (program === 'registry') return registryApi(s, c, clean, date);
  if (pyServer(c)) return pyHttp().pyServerReply(s, c, method, path, host);
  if (program === 'traefik') return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff'], ['Date', date], ['Content-Length', '19']], body: '404 page not found\n' };
  if (program === 'rabbitmq-server' && viewNode(s, c, '/etc/rabbitmq/enabled_plugins', host, 'exec')?.type === 'file' && (viewNode(s, c, '/etc/rabbitmq/enabled_plugins', host, 'exec') as { content: string }).content.includes('rabbitmq_management')) {
    const body = '<!DOCTYPE html>\n<html>\n  <head>\n    <meta http-equiv="X-UA-Compatible" content="IE=edge" />\n    <title>RabbitMQ Management</title>\n    <script src="js/ejs-1.0.min.js" type="text/javascript"></script>\n    <link href="css/main.css" rel="stylesheet" type="text/css"/>\n  </head>\n  <body>\n    <div id="outer"></div>\n    <div id="debug"></div>\n    <div id="scratch"></div>\n  </body>\n</html>\n';
    return { status: 200, reason: 'OK', headers: [['accept-ranges', 'bytes'], ['content-length', String(body.length)], ['content-security-policy', "script-src 'self' 'unsafe-eval' 'unsafe-inline'; object-src 'self'"], ['content-type', 'text/html'], ['date', date], ['server', 'Cowboy'], ['vary', 'origin']], body: method === 'HEAD' ? '' : body };
  }
  return { status: 0, reason: 'empty reply', headers: [], body: '' };
}

/** The access-log line a server writes for a request (nginx combined format / Apache common log / http.server on stderr). */
export function accessLogLine(s: EngineState, c: Container, client: string, method: string, path: string, reply: HttpReply, agent: string): { stream: 'stdout' | 'stderr'; text: string } | null {
  if (pyServer(c)) return { stream: 'stderr', text: pyHttp().pyServerLog(s, client, method, path, reply) };
  const line = webLogLine(s, c, client, method, path, reply.status, reply.body.length, agent);
  return line ? { stream: 'stdout', text: line } : null;
}

function webLogLine(s: EngineState, c: Container, client: string, method: string, path: string, status: number, bytes: number, agent: string): string | null {
  const d = new Date(s.clock);
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  const stamp = `${String(d.getUTCDate()).padStart(2, '0')}/${mon}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`;
  if (c.process?.program === 'nginx') return `${client} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}" "-"\n`;
  if (c.process?.program === 'httpd') return `${client} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${bytes}\n`;
  if (c.process?.program === 'apache2-foreground') return `${client} - - [${stamp}] "${method} ${path} HTTP/1.1" ${status} ${bytes} "-" "${agent}"\n`;
  return null;
}

/** The distribution registry's HTTP API for what was pushed to this container (`/v2/`, `/v2/_catalog`, tags/list). */
function registryApi(s: EngineState, c: Container, path: string, date: string): HttpReply {
  const repos = servedRepos(s, c);
  const json = (status: number, reason: string, body: unknown): HttpReply => {
    const text = JSON.stringify(body) + '\n';
    return { status, reason, headers: [['Content-Type', 'application/json'], ['Docker-Distribution-Api-Version', 'registry/2.0'], ['X-Content-Type-Options', 'nosniff'], ['Date', date], ['Content-Length', String(text.length)]], body: text };
  };
  if (path === '/v2' || path === '') return json(200, 'OK', {});
  if (path === '/v2/_catalog') return json(200, 'OK', { repositories: Object.keys(repos).sort() });
  const m = /^\/v2\/(.+)\/tags\/list$/.exec(path);
  if (m) {
    const tags = repos[m[1]];
    if (!tags) return json(404, 'Not Found', { errors: [{ code: 'NAME_UNKNOWN', message: 'repository name not known to registry', detail: { name: m[1] } }] });
    return json(200, 'OK', { name: m[1], tags: Object.keys(tags).sort() });
  }
  return { status: 404, reason: 'Not Found', headers: [['Content-Type', 'text/plain; charset=utf-8'], ['Docker-Distribution-Api-Version', 'registry/2.0'], ['X-Content-Type-Options', 'nosniff'], ['Date', date], ['Content-Length', '19']], body: '404 page not found\n' };
}
