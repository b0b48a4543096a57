// `apache2` of the php:*-apache images (what their apache2-foreground script execs): its start lines, then, as the
// container's process, Apache with mod_php serving /var/www/html on port 80 (.php files run, others sent as they are)
// with its access log on stdout; `apache2 -v` prints its version.
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { runsOn } from './common';
import { putAnswer, takeRequest, type AppRequest } from './app-requests';
import type { ServedRequest } from '../../engine/index';
import { addresses, mimeOf, phpVersion, REASONS, resolveDoc, runPhpCode } from './php-cli';

const ROOT = '/var/www/html';
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The error log's timestamp: `Sun Dec 06 19:00:00.000000 2026`. */
function errorTime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  return `${day} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, '0')} ${d.toISOString().slice(11, 19)}.${String(d.getUTCMilliseconds()).padStart(3, '0')}000 ${d.getUTCFullYear()}`;
}

/** The access log's timestamp (combined format): `06/Dec/2026:19:00:00 +0000`. */
const accessTime = (ms: number) => { const d = new Date(ms); return `${String(d.getUTCDate()).padStart(2, '0')}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${d.toISOString().slice(11, 19)} +0000`; };

/** Apache's error page: 404 for a missing file, 403 for a folder with no index (the image's `Options -Indexes`). */
const errorPage = (status: 403 | 404, host: string, port: string) => `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${status} ${status === 404 ? 'Not Found' : 'Forbidden'}</title>\n</head><body>\n<h1>${status === 404 ? 'Not Found' : 'Forbidden'}</h1>\n<p>${status === 404 ? 'The requested URL was not found on this server.' : "You don't have permission to access this resource."}</p>\n<hr>\n<address>Apache/2.4.62 (Debian) Server at ${host} Port ${port}</address>\n</body></html>\n`;

async function answer(ctx: Ctx, sys: Sys, req: AppRequest) {
  const served: ServedRequest = { ...req, time: sys.now() };
  req = { ...req, client: req.client.replace(/^::ffff:/, '') };
  const path = req.url.split('?')[0] || '/';
  const [hostName, hostPort = '80'] = (req.headers.host ?? 'localhost').split(':');
  const date = new Date(sys.now()).toUTCString();
  const file = await resolveDoc(ctx, ROOT, path, false);
  const head: [string, string][] = [['Date', date], ['Server', 'Apache/2.4.62 (Debian)']];
  let status = 200, body: string, headers: [string, string][];
  if (!file) {
    const dir = await ctx.fs.stat(`${ROOT}/${decodeURIComponent(path)}`.replace(/\/+/g, '/')).then((st) => st.isDirectory).catch(() => false);
    const code = dir ? 403 : 404;
    [status, body] = [code, errorPage(code, hostName, hostPort)];
    headers = [...head, ['Content-Length', String(body.length)], ['Content-Type', 'text/html; charset=iso-8859-1']];
  } else if (file.endsWith('.php')) {
    const r = await runPhpCode(ctx, sys, { code: await ctx.fs.readFile(file), file, isCode: false, argv: [file], request: { method: req.method, url: req.url, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), client: req.client, port: 80, docroot: ROOT, script: file, server: 'apache' } });
    status = r.status;
    body = r.stdout;
    const has = (k: string) => r.headers.some(([h]) => h.toLowerCase() === k);
    headers = [...head, ...r.headers, ...(status === 200 || body ? [['Vary', 'Accept-Encoding'] as [string, string]] : []), ['Content-Length', String(new TextEncoder().encode(body).length)], ...(has('content-type') ? [] : [['Content-Type', 'text/html; charset=UTF-8'] as [string, string]])];
  } else {
    body = await ctx.fs.readFile(file);
    headers = [...head, ['Last-Modified', date], ['Accept-Ranges', 'bytes'], ['Content-Length', String(body.length)], ['Content-Type', mimeOf(file)]];
  }
  headers.push(['Keep-Alive', 'timeout=5, max=100'], ['Connection', 'Keep-Alive']);
  // the combined log's %O: the bytes sent, status line and headers included
  const sent = `HTTP/1.1 ${status} ${REASONS[status] ?? 'OK'}\r\n${headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`.length + (req.method === 'HEAD' ? 0 : new TextEncoder().encode(body).length);
  const log = `${req.client} - - [${accessTime(sys.now())}] "${req.method} ${req.url} HTTP/1.1" ${status} ${sent} "-" "${req.headers['user-agent'] ?? '-'}"\n`;
  if (sys.containerId) putAnswer(sys.containerId, { status, reason: REASONS[status] ?? 'OK', headers, body: req.method === 'HEAD' ? '' : body, logs: [{ stream: 'stdout', text: log }], served });
}

export async function apache2(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  if (args.includes('-v') || args.includes('-V')) return { stdout: 'Server version: Apache/2.4.62 (Debian)\nServer built:   2024-10-04T15:21:08\n', stderr: '', exitCode: 0 };
  if (!args.some((a) => a === '-DFOREGROUND' || a === '-D' || a === 'FOREGROUND')) return { stdout: '', stderr: 'dockerlings: apache2 runs here only in the foreground (apache2-foreground, or apache2 -DFOREGROUND)\n', exitCode: 1 };
  const request = sys.process?.execId ? undefined : takeRequest(sys.containerId);
  if (request) { await answer(ctx, sys, request); return { stdout: '', stderr: '', exitCode: 0 }; }
  const { ip } = addresses(sys);
  const t = errorTime(sys.now());
  const fqdn = `AH00558: apache2: Could not reliably determine the server's fully qualified domain name, using ${ip}. Set the 'ServerName' directive globally to suppress this message\n`;
  sys.report?.listens.push(80);
  // the image's STOPSIGNAL is SIGWINCH, apache's graceful stop; SIGTERM and SIGINT stop it at once, with status 0 too
  sys.report?.traps.push('SIGWINCH', 'SIGTERM', 'SIGINT');
  return runsOn(ctx, sys, '', `${fqdn}${fqdn}[${t}] [mpm_prefork:notice] [pid 1:tid 1] AH00163: Apache/2.4.62 (Debian) PHP/${phpVersion(ctx)} configured -- resuming normal operations\n[${t}] [core:notice] [pid 1:tid 1] AH00094: Command line: 'apache2 -D FOREGROUND'\n`);
}
