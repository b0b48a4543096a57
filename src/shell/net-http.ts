// `curl` and `wget` (busybox and GNU): resolve, connect along the traced path, and fetch what the server answers.
import type { CommandContext } from 'just-bash';
import { bindPathsFor, type HostNodes, type HttpReply, type Trace, allContainers, tracePacket } from '../engine/index';
import { hostNodes } from './mount-fs';
import { downloadBody } from './host/downloads';
import { appReplies } from './lang/app-requests';
import { netnsHere, parseArgs, resolveHere, wait, withTrace, type ExecResult, type NetPlace } from './net-util';

/** Linux gives up on an unanswered SYN after 6 retries (1+2+4+8+16+32+64 s), plus curl's own bookkeeping. */
const SYN_TIMEOUT_MS = 127_000;

const EXAMPLE = '<!doctype html>\n<html>\n<head>\n    <title>Example Domain</title>\n</head>\n\n<body>\n<div>\n    <h1>Example Domain</h1>\n    <p>This domain is for use in illustrative examples in documents. You may use this\n    domain in literature without asking for prior coordination or asking for permission.</p>\n    <p><a href="https://www.iana.org/domains/example">More information...</a></p>\n</div>\n</body>\n</html>\n';

export interface Url {
  scheme: string;
  host: string;
  port: number;
  path: string;
  /** host[:port] as typed (busybox prints it). */
  hostPort: string;
}

export function parseUrl(raw: string): Url | null {
  const m = /^(?:([a-z]+):\/\/)?(\[[^\]]+\]|[^/:?#]+)(?::(\d+))?([/?#].*)?$/i.exec(raw);
  if (!m) return null;
  const scheme = (m[1] ?? 'http').toLowerCase();
  const port = m[3] ? parseInt(m[3], 10) : scheme === 'https' ? 443 : 80;
  return { scheme, host: m[2].replace(/^\[|\]$/g, ''), port, path: m[4] && m[4].startsWith('/') ? m[4] : '/' + (m[4] ?? ''), hostPort: m[2] + (m[3] ? ':' + m[3] : '') };
}

type Fetch = { kind: 'reply'; trace: Trace; reply: HttpReply } | { kind: 'resolve' } | { kind: 'fail'; trace: Trace };

/** The host files that running web servers would read through bind mounts for this path (the engine cannot read the host). */
async function hostFilesFor(p: NetPlace, path: string): Promise<HostNodes> {
  if (!p.host) return {};
  const s = p.engine.state;
  const paths = allContainers(s).filter((c) => c.state.status === 'running').flatMap((c) => bindPathsFor(s, c, path));
  const nodes = await hostNodes(p.host, paths, true);
  // a directory's entries too (http.server lists them)
  for (const [dir, n] of Object.entries(nodes)) {
    if (n?.type !== 'dir') continue;
    const names = await p.host.readdir(dir);
    const children = await hostNodes(p.host, names.map((x) => `${dir.replace(/\/$/, '')}/${x}`).filter((x) => !(x in nodes)), false);
    Object.assign(nodes, children); // entries read with their content above stay as they are
  }
  return nodes;
}

/** Resolve and connect; when a server accepts, the engine has it answer (and log the request). */
/** What a server script's request object sees as headers: curl's own, then -H ones (a header given empty is dropped),
 *  then the body's length and type, names in lower case as node and werkzeug see them. */
function requestHeaders(url: Url, agent: string, extra: [string, string][], body?: string): Record<string, string> {
  const h: Record<string, string> = { host: url.hostPort, 'user-agent': agent, accept: '*/*' };
  for (const [k, v] of extra) {
    const name = k.toLowerCase();
    if (v === '') delete h[name];
    else h[name] = v;
  }
  if (body !== undefined) {
    h['content-length'] = String(body.length);
    h['content-type'] ??= 'application/x-www-form-urlencoded';
  }
  return h;
}

export async function fetch(p: NetPlace, url: Url, method: string, agent: string, body?: string, extra: [string, string][] = []): Promise<Fetch & { ip?: string }> {
  const r = resolveHere(p, url.host);
  if (!r.ip) return { kind: 'resolve' };
  const ns = netnsHere(p);
  if (!ns) return { kind: 'fail', ip: r.ip, trace: { src: '', dst: r.ip, proto: 'tcp', dport: url.port, steps: [], verdict: 'no-route', replyTtl: 64, from: '' } };
  // only the server the connection reaches answers (as the engine picks it in its http request)
  const t = tracePacket(p.engine.state, ns, r.ip, 'tcp', url.port);
  const l = t.verdict === 'delivered' && t.to?.kind === 'container' ? t.listener : undefined;
  const target = l && t.to?.kind === 'container' ? (l.container.id === t.to.id || !l.proxyTo ? l.container.id : t.to.id) : undefined;
  const apps = !target ? {} : await appReplies(p.engine, target, { method, url: url.path, headers: requestHeaders(url, agent, extra, body), client: '::ffff:172.17.0.1', ...(body !== undefined ? { body } : {}) });
  const res = p.engine.network.http(ns, r.ip, url.port, method, url.path, agent, await hostFilesFor(p, url.path), url.hostPort, apps, body);
  if (res.trace.verdict === 'delivered' && res.trace.to?.kind === 'internet') {
    const body = url.host.endsWith('example.com') ? EXAMPLE : (downloadBody(url.host, url.path) ?? '');
    return { kind: 'reply', ip: r.ip, trace: res.trace, reply: { status: body ? 200 : 404, reason: body ? 'OK' : 'Not Found', headers: [['Content-Type', 'text/html'], ['Content-Length', String(body.length)]], body } };
  }
  if (res.reply && res.reply.status) return { kind: 'reply', ip: r.ip, trace: res.trace, reply: res.reply };
  return { kind: 'fail', ip: r.ip, trace: res.trace };
}

const headerBlock = (r: HttpReply) => `${r.protocol ?? 'HTTP/1.1'} ${r.status} ${r.reason}\r\n${r.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;

/** curl's request body: every -d/--data/--data-raw/--data-urlencode value, joined with & (undefined: none). */
function postData(args: string[]): string | undefined {
  const parts: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const m = /^--(data|data-raw|data-binary|data-urlencode)(?:=(.*))?$/.exec(a);
    if (m) {
      const v = m[2] ?? args[++i] ?? '';
      parts.push(m[1] === 'data-urlencode' ? urlencodeField(v) : v);
    } else if (a === '-d') parts.push(args[++i] ?? '');
    else if (/^-d./.test(a)) parts.push(a.slice(2));
  }
  return parts.length ? parts.join('&') : undefined;
}

/** --data-urlencode name=value: the value percent-encoded as curl does. */
function urlencodeField(v: string): string {
  const eq = v.indexOf('=');
  return eq < 0 ? encodeURIComponent(v) : `${v.slice(0, eq)}=${encodeURIComponent(v.slice(eq + 1))}`;
}

/** curl's -H/--header values as name and value (`Name:` with nothing after it removes a header curl would send). */
function headerArgs(args: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = a === '-H' || a === '--header' ? args[++i] : a.startsWith('--header=') ? a.slice(9) : /^-H./.test(a) ? a.slice(2) : undefined;
    const colon = v?.indexOf(':') ?? -1;
    if (v !== undefined && colon > 0) out.push([v.slice(0, colon).trim(), v.slice(colon + 1).trim()]);
  }
  return out;
}

/** The request's header lines as curl -v shows them: Host (or -H's), User-Agent and Accept unless -H replaces them,
 *  the -H headers in order, then a body's Content-Length and Content-Type. */
function sentHeaders(url: Url, agent: string, extra: [string, string][], body?: string): [string, string][] {
  const given = (name: string) => extra.find(([k]) => k.toLowerCase() === name.toLowerCase());
  const host = given('Host');
  const out: [string, string][] = [...(host?.[1] === '' ? [] : [['Host', host ? host[1] : url.hostPort] as [string, string]]), ...(given('User-Agent') ? [] : [['User-Agent', agent] as [string, string]]), ...(given('Accept') ? [] : [['Accept', '*/*'] as [string, string]])];
  out.push(...extra.filter(([k, x]) => x !== '' && k.toLowerCase() !== 'host'));
  if (body !== undefined) out.push(['Content-Length', String(body.length)], ...(given('Content-Type') ? [] : [['Content-Type', 'application/x-www-form-urlencoded'] as [string, string]]));
  return out;
}

/** curl 8.5.0 (host) / 7.88.1 (Debian images). */
export async function curl(p: NetPlace, args: string[], ctx: CommandContext, version: string): Promise<ExecResult> {
  const { opts, rest } = parseArgs(args, '-o -m -X -H -A -w -u -d --connect-timeout --max-time --output --request --header --user-agent --data --write-out');
  const silent = !!(opts['-s'] || opts['--silent']);
  const showErr = !silent || !!(opts['-S'] || opts['--show-error']);
  const head = !!(opts['-I'] || opts['--head']);
  const data = postData(args);
  const method = head ? 'HEAD' : String(opts['-X'] ?? opts['--request'] ?? (data !== undefined ? 'POST' : 'GET'));
  const agent = String(opts['-A'] ?? opts['--user-agent'] ?? `curl/${version}`);
  const verbose = !!(opts['-v'] || opts['--verbose']);
  if (!rest[0]) return { stdout: '', stderr: "curl: try 'curl --help' or 'curl --manual' for more information\n", exitCode: 2 };
  const url = parseUrl(rest[0]);
  if (!url) return { stdout: '', stderr: `curl: (3) URL rejected: Malformed input to a URL function\n`, exitCode: 3 };
  const headers = headerArgs(args);
  let f = await fetch(p, url, method, agent, data, headers);
  let redirects = '';
  let nextMethod = method;
  // -L: follow Location (curl's default limit is 50 redirects); -i shows each response's headers
  for (let hops = 0; (opts['-L'] || opts['--location']) && f.kind === 'reply' && f.reply.status >= 300 && f.reply.status < 400 && hops < 50; hops++) {
    const loc = f.reply.headers.find(([k]) => k.toLowerCase() === 'location')?.[1];
    const next = loc ? parseUrl(loc.startsWith('/') ? `${url.scheme}://${url.hostPort}${loc}` : loc) : null;
    if (!next) break;
    if (head || opts['-i'] || opts['--include']) redirects += headerBlock(f.reply);
    Object.assign(url, next);
    // curl turns a POST into a GET after 301/302/303 (unless -X set the method)
    if (nextMethod === 'POST' && !opts['-X'] && !opts['--request'] && f.reply.status <= 303) nextMethod = 'GET';
    f = await fetch(p, url, nextMethod, agent, nextMethod === 'POST' ? data : undefined, headers);
  }
  const err = (code: number, msg: string, traces: Trace[]) => withTrace(ctx, { stdout: '', stderr: showErr ? `curl: (${code}) ${msg}\n` : '', exitCode: code }, traces, p.engine);
  if (f.kind === 'resolve') return err(6, `Could not resolve host: ${url.host}`, []);
  const maxTime = Number(opts['-m'] ?? opts['--max-time'] ?? opts['--connect-timeout'] ?? 0) * 1000;
  let v = '';
  if (verbose) v += version.startsWith('8') ? `*   Trying ${f.ip}:${url.port}...\n` : `*   Trying ${f.ip}:${url.port}...\n`;
  if (f.kind === 'fail') {
    const t = f.trace;
    if (t.verdict === 'refused' || t.verdict === 'no-route' || (t.verdict === 'unreachable' && !maxTime)) {
      if (t.verdict === 'unreachable') await wait(ctx, p.engine, 3000);
      return withTrace(ctx, { stdout: '', stderr: v + (showErr ? `curl: (7) Failed to connect to ${url.host} port ${url.port} after ${t.verdict === 'unreachable' ? 3067 : 0} ms: Couldn't connect to server\n` : ''), exitCode: 7 }, [t], p.engine);
    }
    if (t.verdict === 'delivered') return withTrace(ctx, { stdout: '', stderr: v + (showErr ? 'curl: (52) Empty reply from server\n' : ''), exitCode: 52 }, [t], p.engine);
    const waited = maxTime || SYN_TIMEOUT_MS + Math.floor(t.dst.length * 371);
    await wait(ctx, p.engine, waited);
    if (maxTime) return withTrace(ctx, { stdout: '', stderr: v + (showErr ? `curl: (28) ${opts['--connect-timeout'] ? 'Failed to connect to ' + url.host + ' port ' + url.port + ' after ' + (waited + 1) + ' ms: Timeout was reached' : `Connection timed out after ${waited + 1} milliseconds`}\n` : ''), exitCode: 28 }, [t], p.engine);
    return withTrace(ctx, { stdout: '', stderr: v + (showErr ? `curl: (28) Failed to connect to ${url.host} port ${url.port} after ${waited} ms: Couldn't connect to server\n` : ''), exitCode: 28 }, [t], p.engine);
  }
  const r = f.reply;
  if (verbose) {
    v += `* Connected to ${url.host} (${f.ip}) port ${url.port}${version.startsWith('8') ? '' : ' (#0)'}\n> ${method} ${url.path} HTTP/1.1\n${sentHeaders(url, agent, headers, data).map(([k, x]) => `> ${k}: ${x}\n`).join('')}> \n`;
    v += headerBlock(r).split('\r\n').filter((l, i, a) => i < a.length - 1).map((l) => `< ${l}\n`).join('');
    v += `* Connection #0 to host ${url.host} left intact\n`;
  }
  if ((opts['-f'] || opts['--fail']) && r.status >= 400) return err(22, `The requested URL returned error: ${r.status}`, [f.trace]);
  let stdout = redirects + (head || opts['-i'] || opts['--include'] ? headerBlock(r) : '') + (head ? '' : r.body);
  const outFile = opts['-o'] ?? opts['--output'] ?? (opts['-O'] ? url.path.split('/').pop() || '' : undefined);
  let stderr = v;
  if (outFile !== undefined && outFile !== '-') {
    if (!outFile) return err(23, 'Remote file name has no length', [f.trace]);
    await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, String(outFile)), stdout);
    if (!silent) stderr += progressMeter(stdout.length);
    stdout = '';
  }
  const w = opts['-w'] ?? opts['--write-out'];
  if (typeof w === 'string') stdout += w.replace(/%\{http_code\}/g, String(r.status)).replace(/%\{size_download\}/g, String(head ? 0 : r.body.length)).replace(/%\{remote_ip\}/g, f.ip ?? '').replace(/\\n/g, '\n');
  return withTrace(ctx, { stdout, stderr, exitCode: 0 }, [f.trace], p.engine);
}

/** curl's progress meter when the body goes to a file. */
function progressMeter(n: number): string {
  const size = n < 100000 ? String(n) : `${Math.round(n / 1024)}k`;
  const speed = `${Math.max(1, Math.round(n / 1.1 / 1024))}k`;
  return `  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n100 ${size.padStart(5)}  100 ${size.padStart(5)}    0     0  ${speed.padStart(5)}      0 --:--:-- --:--:-- --:--:-- ${speed.padStart(5)}\n`;
}
