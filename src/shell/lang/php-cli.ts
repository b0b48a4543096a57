// The `php` program of the php images (loaded on its first use, php.ts): -v, -r, -l, -m, scripts (from a bind mount, a volume or a COPY), code on stdin,
// and `php -S host:port [-t root]`, the built-in web server with its log lines; the interpreter (php-main.ts and the
// php-*.ts it imports) is its own chunk, loaded when code first runs. Requests reach the server as node's do (app-requests.ts).
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { containerOf } from '../userland/sys';
import { SyncFiles, withFiles } from './files';
import { envRecord, runsOn } from './common';
import { putAnswer, servedBefore, takeRequest, type AppRequest } from './app-requests';
import type { ServedRequest } from '../../engine/index';
import type { PhpRequest, PhpResult } from './php-main';

export const phpVersion = (ctx: Ctx) => ctx.env.get('PHP_VERSION') || '8.4.1';
const INI_DIR = (ctx: Ctx) => ctx.env.get('PHP_INI_DIR') || '/usr/local/etc/php';

/** php.ini's log_errors and display_errors (without a php.ini, as in the image: not logged, displayed; the image's
 *  php.ini-development logs and displays, php.ini-production only logs). */
async function errorSettings(ctx: Ctx): Promise<{ log: boolean; display: boolean }> {
  const ini = await ctx.fs.readFile(`${INI_DIR(ctx)}/php.ini`).catch(() => '');
  const on = (key: string, dflt: boolean) => { const m = new RegExp(`^\\s*${key}\\s*=\\s*(\\S+)`, 'im').exec(ini); return m ? /^(on|1|true|yes|stdout|stderr)$/i.test(m[1]) : dflt; };
  return { log: on('log_errors', false), display: on('display_errors', true) };
}

/** The container's address and its network's gateway (what a published port's requests come from). */
export function addresses(sys: Sys): { ip: string; gateway: string } {
  const c = containerOf(sys);
  const ep = c ? Object.values(c.endpoints).find((e) => e.ip) : undefined;
  return { ip: ep?.ip ?? '172.17.0.2', gateway: (ep && sys.engine.state.networks[ep.networkId]?.ipam.config[0]?.Gateway) || '172.17.0.1' };
}

/** Run PHP code once in this container (or, with `request`, answer one web request with a script). */
export async function runPhpCode(ctx: Ctx, sys: Sys, prog: { code: string; file: string; isCode: boolean; argv: string[]; request?: PhpRequest; stdin?: string; repl?: { before: string[]; input: string } }): Promise<PhpResult> {
  const { runPhp } = await import('./php-main');
  const files = new SyncFiles();
  const c = containerOf(sys);
  const errs = await errorSettings(ctx);
  const exts = (await extensions(ctx)).all;
  let slept = 0;
  const r = await withFiles(ctx.fs, files, () => {
    slept = 0;
    return runPhp({ ...prog, cwd: ctx.cwd, env: envRecord(ctx), version: phpVersion(ctx), hostname: c?.config.Hostname ?? 'localhost', start: sys.now(), stdin: prog.stdin ?? String(ctx.stdin ?? ''), files, sleep: (ms) => (slept += ms), logErrors: errs.log, displayErrors: errs.display, extensions: exts });
  });
  if (!prog.request) await files.flush(ctx.fs);
  if (ctx.sleep && slept && sys.report && !r.forever) await ctx.sleep(slept); // sleep(): simulated time passes
  return r;
}

const MODULES = ['Core', 'ctype', 'curl', 'date', 'dom', 'fileinfo', 'filter', 'hash', 'iconv', 'json', 'libxml', 'mbstring', 'mysqlnd', 'openssl', 'pcre', 'PDO', 'pdo_sqlite', 'Phar', 'posix', 'random', 'readline', 'Reflection', 'session', 'SimpleXML', 'sodium', 'SPL', 'sqlite3', 'standard', 'tokenizer', 'xml', 'xmlreader', 'xmlwriter', 'zlib'];

/** The loaded extensions: the built-in ones and those conf.d enables (docker-php-ext-install writes docker-php-ext-NAME.ini). */
async function extensions(ctx: Ctx): Promise<{ all: string[]; zend: string[] }> {
  const dir = `${INI_DIR(ctx)}/conf.d`;
  const names = await ctx.fs.readdir(dir).catch(() => [] as string[]);
  const extra: string[] = [];
  for (const n of names) {
    const ini = await ctx.fs.readFile(`${dir}/${n}`).catch(() => '');
    for (const m of ini.matchAll(/^\s*(?:zend_)?extension\s*=\s*"?(\w+?)(?:\.so)?"?\s*$/gm)) extra.push(m[1]);
  }
  const all = [...new Set([...MODULES, ...extra.filter((e) => !MODULES.some((m) => m.toLowerCase() === e.toLowerCase()))])].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
  return { all: all.filter((e) => e !== 'opcache'), zend: extra.includes('opcache') ? ['Zend OPcache'] : [] };
}

/** `php -m`. */
async function modules(ctx: Ctx): Promise<string> {
  const { all, zend } = await extensions(ctx);
  return `[PHP Modules]\n${all.join('\n')}\n\n[Zend Modules]\n${zend.map((z) => z + '\n').join('')}\n`;
}

/** The built-in server's log timestamp (php_cli_server_get_system_time: asctime, local time, which is UTC here). */
export function asctime(ms: number): string {
  const d = new Date(ms);
  const day = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()];
  const mon = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()];
  return `${day} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${d.toISOString().slice(11, 19)} ${d.getUTCFullYear()}`;
}

const MIME: Record<string, string> = { html: 'text/html', htm: 'text/html', css: 'text/css', js: 'text/javascript', json: 'application/json', txt: 'text/plain', svg: 'image/svg+xml', png: 'image/png', jpg: 'image/jpeg', ico: 'image/vnd.microsoft.icon', xml: 'application/xml' };
export const mimeOf = (path: string) => MIME[path.slice(path.lastIndexOf('.') + 1).toLowerCase()] ?? 'application/octet-stream';

/** What a URL path names under a document root: a file, or a directory's index.php / index.html. */
export async function resolveDoc(ctx: Ctx, root: string, urlPath: string, fallback: boolean): Promise<string | null> {
  const clean = decodeURIComponent(urlPath).replace(/\/+/g, '/').split('/').filter((p) => p && p !== '..' && p !== '.').join('/');
  const isDir = (p: string) => ctx.fs.stat(p).then((s) => s.isDirectory).catch(() => null);
  const full = `${root.replace(/\/$/, '')}/${clean}`.replace(/\/$/, '') || '/';
  const kind = await isDir(full);
  if (kind === false) return full;
  const indexes = async (dir: string) => { for (const i of ['index.php', 'index.html']) if ((await isDir(`${dir}/${i}`)) === false) return `${dir}/${i}`; return null; };
  if (kind === true) return indexes(full);
  // the built-in server: a path that names no file and has no extension goes to the nearest index up the tree
  if (!fallback || /\.[^/]*$/.test(clean)) return null;
  for (let dir = full; dir.length >= root.replace(/\/$/, '').length; dir = dir.slice(0, dir.lastIndexOf('/'))) {
    const hit = (await isDir(dir)) === true ? await indexes(dir) : null;
    if (hit) return hit;
    if (!dir.includes('/') || dir === root) break;
  }
  return null;
}

/** `php -S`: answer one request the way sapi/cli/php_cli_server.c does, with its three log lines. */
async function serveRequest(ctx: Ctx, sys: Sys, req: AppRequest, host: string, port: number, root: string, router: string | null) {
  const c = containerOf(sys);
  const served: ServedRequest = { ...req, time: sys.now() };
  req = { ...req, client: req.client.replace(/^::ffff:/, '') };
  const client = `${req.client}:${41234 + servedBefore(c ?? undefined).length}`;
  const stamp = `[${asctime(sys.now())}] `;
  const path = req.url.split('?')[0] || '/';
  const date = new Date(sys.now()).toUTCString();
  let file = router ?? (await resolveDoc(ctx, root, path, true));
  let routed: PhpResult | null = null;
  if (router) {
    // a router script sees every request; returning false hands it back to the server's own file lookup
    routed = await runPhpCode(ctx, sys, { code: await ctx.fs.readFile(router), file: router, isCode: false, argv: [router], request: { method: req.method, url: req.url, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), client: req.client, port, docroot: root, script: router, server: 'cli-server' } });
    if (routed.returnedFalse) { routed = null; file = await resolveDoc(ctx, root, path, true); }
  }
  const base: [string, string][] = [['Host', req.headers.host ?? `${host}:${port}`], ['Date', date], ['Connection', 'close']];
  let status = 200, body = '', headers: [string, string][] = [], note = '';
  if (!file) {
    status = 404;
    note = ' - No such file or directory';
    body = `<!doctype html><html><head><title>404 Not Found</title><style>AAA{}</style>\n</head><body><h1>Not Found</h1><p>The requested resource <code class="url">${path.replace(/</g, '&lt;')}</code> was not found on this server.</p></body></html>`.replace('<style>AAA{}</style>', '<style>body { background-color: #fcfcfc; color: #333333; margin: 0; padding:0; }</style>');
    headers = [...base, ['Content-Type', 'text/html; charset=UTF-8'], ['Content-Length', String(body.length)]];
  } else if (routed || file.endsWith('.php')) {
    const php = file;
    const r = routed ?? (await runPhpCode(ctx, sys, { code: await ctx.fs.readFile(php), file: php, isCode: false, argv: [php], request: { method: req.method, url: req.url, headers: req.headers, ...(req.body !== undefined ? { body: req.body } : {}), client: req.client, port, docroot: root, script: php, server: 'cli-server' } }));
    status = r.status;
    body = r.stdout;
    if (r.fatal) note = ` - ${r.fatal}`; // php_cli_server_log_response: " - %s in %s on line %d" after a fatal error
    const has = (k: string) => r.headers.some(([h]) => h.toLowerCase() === k);
    headers = [...base, ...r.headers, ...(has('content-type') ? [] : [['Content-type', 'text/html; charset=UTF-8'] as [string, string]])];
  } else {
    body = await ctx.fs.readFile(file);
    headers = [...base, ['Content-Type', `${mimeOf(file)}${mimeOf(file).startsWith('text/') ? '; charset=UTF-8' : ''}`], ['Content-Length', String(body.length)]];
  }
  const reason = REASONS[status] ?? 'OK';
  const log = `${stamp}${client} Accepted\n${stamp}${client} [${status}]: ${req.method} ${req.url}${note}\n${stamp}${client} Closing\n`;
  if (sys.containerId) putAnswer(sys.containerId, { status, reason, headers, body: req.method === 'HEAD' ? '' : body, logs: [{ stream: 'stderr', text: log }], served });
}

export const REASONS: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 303: 'See Other', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 418: "I'm a teapot", 422: 'Unprocessable Content', 500: 'Internal Server Error', 503: 'Service Unavailable' };

const USAGE = `Usage: php [options] [-f] <file> [--] [args...]\n   php [options] -r <code> [--] [args...]\n   php [options] [-B <begin_code>] -R <code> [-E <end_code>] [--] [args...]\n   php [options] [-B <begin_code>] -F <file> [-E <end_code>] [--] [args...]\n   php [options] -S <addr>:<port> [-t docroot] [router]\n   php [options] -- [args...]\n   php [options] -a\n`;

/** One input at `php -a`'s prompt (sys.process.repl): what it printed, on a line of its own (readline_shell_run adds
 *  a newline when the output did not end with one); exit() ends the prompt. */
async function shellInput(ctx: Ctx, sys: Sys, repl: NonNullable<NonNullable<Sys['process']>['repl']>): Promise<ExecResult> {
  const r = await runPhpCode(ctx, sys, { code: '', file: 'php shell code', isCode: true, argv: ['Standard input code'], stdin: '', repl: { before: repl.before, input: repl.input } });
  if (r.exited) repl.exited = r.exitCode;
  const out = r.stdout && !r.stdout.endsWith('\n') && !r.exited ? r.stdout + '\n' : r.stdout;
  return { stdout: out, stderr: r.stderr, exitCode: r.exitCode };
}

export async function php(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  if (sys.process?.repl) return shellInput(ctx, sys, sys.process.repl);
  // a script still running at the end of its run (an endless loop, a long sleep) runs on until stopped
  const out = async (r: PhpResult): Promise<ExecResult> => (r.forever ? runsOn(ctx, sys, r.stdout, r.stderr) : { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode });
  let docroot = '';
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-v' || a === '--version') return { stdout: `PHP ${phpVersion(ctx)} (cli) (built: Nov 21 2024 19:13:32) (NTS)\nCopyright (c) The PHP Group\nZend Engine v4.4.${phpVersion(ctx).split('.')[2] ?? '1'}, Copyright (c) Zend Technologies\n`, stderr: '', exitCode: 0 };
    if (a === '-m') return { stdout: await modules(ctx), stderr: '', exitCode: 0 };
    if (a === '-i') return out(await runPhpCode(ctx, sys, { code: 'phpinfo();', file: 'Command line code', isCode: true, argv: ['Standard input code'] }));
    if (a === '-h' || a === '--help') return { stdout: USAGE, stderr: '', exitCode: 0 };
    if (a === '-t') { docroot = args[++i] ?? ''; continue; }
    if (a === '-r') {
      if (args[i + 1] === undefined) return { stdout: USAGE, stderr: '', exitCode: 1 };
      const rest = args.slice(i + 2).filter((x, j) => !(j === 0 && x === '--'));
      return out(await runPhpCode(ctx, sys, { code: args[i + 1], file: 'Command line code', isCode: true, argv: ['Standard input code', ...rest] }));
    }
    if (a === '-S') {
      const t = args.indexOf('-t');
      const router = args.slice(i + 2).find((x, j, rest) => !x.startsWith('-') && rest[j - 1] !== '-t') ?? null;
      return server(ctx, sys, args[i + 1] ?? '', docroot || (t >= 0 ? args[t + 1] : ''), router);
    }
    if (a === '-l') {
      const f = args[i + 1] ?? '';
      const src = await ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, f)).catch(() => null);
      if (src === null) return { stdout: `Could not open input file: ${f}\n`, stderr: '', exitCode: 1 };
      const { parsePhp, PhpParseError } = await import('./php-parse');
      try { parsePhp(src); return { stdout: `No syntax errors detected in ${f}\n`, stderr: '', exitCode: 0 }; } catch (e) {
        if (!(e instanceof PhpParseError)) throw e;
        return { stdout: `\nParse error: ${e.message} in ${f} on line ${e.line}\nErrors parsing ${f}\n`, stderr: '', exitCode: 255 };
      }
    }
    if (a === '-a') {
      const code = String(ctx.stdin ?? '');
      const banner = 'Interactive shell\n\n';
      if (!code.trim()) return { stdout: banner, stderr: '', exitCode: 0 };
      const r = await runPhpCode(ctx, sys, { code, file: 'php shell code', isCode: true, argv: ['Standard input code'], stdin: '' });
      return { stdout: banner + r.stdout, stderr: r.stderr, exitCode: r.exitCode };
    }
    if (a === '-f') continue;
    if (a === '--') continue;
    if (a.startsWith('-') && a !== '-') continue; // -d, -n, -q …: accepted, no effect here
    const file = a === '-' ? null : ctx.fs.resolvePath(ctx.cwd, a);
    if (file === null) break;
    const src = await ctx.fs.readFile(file).catch(() => null);
    if (src === null) return { stdout: `Could not open input file: ${a}\n`, stderr: '', exitCode: 1 };
    return out(await runPhpCode(ctx, sys, { code: src, file, isCode: false, argv: [a, ...args.slice(i + 1)], stdin: String(ctx.stdin ?? '') }));
  }
  const code = String(ctx.stdin ?? '');
  if (!code) return { stdout: '', stderr: '', exitCode: 0 };
  return out(await runPhpCode(ctx, sys, { code, file: 'Standard input code', isCode: false, argv: ['Standard input code'], stdin: '' }));
}

/** `php -S addr:port [-t docroot]`: its start line, then (as the container's process) it answers requests. */
async function server(ctx: Ctx, sys: Sys, listen: string, docroot: string, routerArg: string | null): Promise<ExecResult> {
  const m = /^(.*):(\d+)$/.exec(listen);
  if (!m) return { stdout: '', stderr: `Invalid address: ${listen}\n`, exitCode: 1 };
  const root = docroot ? ctx.fs.resolvePath(ctx.cwd, docroot) : ctx.cwd;
  const isDir = await ctx.fs.stat(root).then((s) => s.isDirectory).catch(() => null);
  if (isDir === null) return { stdout: '', stderr: `Directory ${docroot} does not exist.\n`, exitCode: 1 };
  if (isDir === false) return { stdout: '', stderr: `${docroot} is not a directory.\n`, exitCode: 1 };
  const host = m[1] || '0.0.0.0', port = Number(m[2]);
  const request = sys.process?.execId ? undefined : takeRequest(sys.containerId);
  const router = routerArg ? ctx.fs.resolvePath(ctx.cwd, routerArg) : null;
  if (router && !(await ctx.fs.stat(router).then(() => true).catch(() => false))) return { stdout: '', stderr: `Could not open input file: ${routerArg}\n`, exitCode: 1 };
  if (request) { await serveRequest(ctx, sys, request, host, port, root, router); return { stdout: '', stderr: '', exitCode: 0 }; }
  if (!['127.0.0.1', 'localhost'].includes(host)) sys.report?.listens.push(port);
  sys.report?.traps.push('SIGINT');
  return runsOn(ctx, sys, '', `[${asctime(sys.now())}] PHP ${phpVersion(ctx)} Development Server (http://${listen}) started\n`);
}
