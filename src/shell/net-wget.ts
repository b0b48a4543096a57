// `wget` as busybox (containers) and GNU Wget 1.21.4 (the host) print it.
import type { CommandContext } from 'just-bash';
import { fetch, parseUrl } from './net-http';
import { parseArgs, wait, withTrace, type ExecResult, type NetPlace } from './net-util';

const SYN_TIMEOUT_MS = 127_000;

async function exists(ctx: CommandContext, path: string) {
  return ctx.fs.exists(ctx.fs.resolvePath(ctx.cwd, path));
}

/** busybox wget (1.36): progress on stderr, `'index.html' saved`. */
export async function busyboxWget(p: NetPlace, args: string[], ctx: CommandContext): Promise<ExecResult> {
  const { opts, rest } = parseArgs(args, '-O -T -U -Y -P --header --user-agent');
  const quiet = !!opts['-q'];
  if (!rest[0]) return { stdout: '', stderr: 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n\nRetrieve files via HTTP or FTP\n', exitCode: 1 };
  const url = parseUrl(rest[0]);
  if (!url) return { stdout: '', stderr: `wget: bad address '${rest[0]}'\n`, exitCode: 1 };
  const spider = !!opts['--spider'];
  const f = await fetch(p, url, spider ? 'HEAD' : 'GET', String(opts['-U'] ?? 'Wget'));
  if (f.kind === 'resolve') return { stdout: '', stderr: `wget: bad address '${url.host}'\n`, exitCode: 1 };
  let err = quiet ? '' : `Connecting to ${url.hostPort} (${f.ip}:${url.port})\n`;
  if (f.kind === 'fail') {
    const t = f.trace;
    const why = { refused: 'Connection refused', 'no-route': 'Network unreachable', unreachable: 'Host is unreachable', dropped: 'Connection timed out', delivered: 'Connection reset by peer' }[t.verdict];
    if (t.verdict === 'dropped') await wait(ctx, p.engine, SYN_TIMEOUT_MS);
    if (t.verdict === 'unreachable') await wait(ctx, p.engine, 3000);
    return withTrace(ctx, { stdout: '', stderr: `${err}wget: can't connect to remote host (${f.ip}): ${why}\n`, exitCode: 1 }, [t], p.engine);
  }
  const r = f.reply;
  if (r.status >= 400) return withTrace(ctx, { stdout: '', stderr: `${err}wget: server returned error: HTTP/1.1 ${r.status} ${r.reason}\n`, exitCode: 1 }, [f.trace], p.engine);
  if (spider) return withTrace(ctx, { stdout: '', stderr: err + (quiet ? '' : 'remote file exists\n'), exitCode: 0 }, [f.trace], p.engine);
  const name = opts['-O'] !== undefined ? String(opts['-O']) : url.path.split('?')[0].split('/').pop() || 'index.html';
  const toStdout = name === '-';
  // busybox wget opens its own file name with O_EXCL; a name given with -O is truncated instead
  if (!toStdout && opts['-O'] === undefined && (await exists(ctx, name))) return withTrace(ctx, { stdout: '', stderr: `${err}wget: can't open '${name}': File exists\n`, exitCode: 1 }, [f.trace], p.engine);
  const shownName = toStdout ? '-' : name;
  if (!quiet) err += toStdout ? 'writing to stdout\n' : `saving to '${name}'\n`;
  // the progress line is redrawn with \r while it downloads; the terminal keeps its final state
  if (!quiet) err += `${shownName.padEnd(20).slice(0, 20)} 100% |${'*'.repeat(31)}| ${String(r.body.length).padStart(5)}  0:00:00 ETA\n`;
  if (!quiet) err += toStdout ? 'written to stdout\n' : `'${name}' saved\n`;
  if (!toStdout && name !== '/dev/null') await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, name), r.body);
  return withTrace(ctx, { stdout: toStdout ? r.body : '', stderr: err, exitCode: 0 }, [f.trace], p.engine);
}

const stamp = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

/** GNU Wget 1.21.4 on the host. */
export async function gnuWget(p: NetPlace, args: string[], ctx: CommandContext): Promise<ExecResult> {
  const { opts, rest } = parseArgs(args, '-O -T -U -P --user-agent --output-document');
  const quiet = !!opts['-q'];
  if (!rest[0]) return { stdout: '', stderr: "wget: missing URL\nUsage: wget [OPTION]... [URL]...\n\nTry `wget --help' for more options.\n", exitCode: 1 };
  const url = parseUrl(rest[0]);
  if (!url) return { stdout: '', stderr: `${rest[0]}: Invalid URL.\n`, exitCode: 1 };
  const full = `${url.scheme}://${url.hostPort}${url.path}`;
  const now = p.engine.now();
  let err = quiet ? '' : `--${stamp(now)}--  ${full}\n`;
  const f = await fetch(p, url, 'GET', String(opts['-U'] ?? 'Wget/1.21.4'));
  const isIp = /^[\d.]+$/.test(url.host);
  if (f.kind === 'resolve') return { stdout: '', stderr: err + (quiet ? '' : `Resolving ${url.host} (${url.host})... failed: Name or service not known.\nwget: unable to resolve host address ‘${url.host}’\n`), exitCode: 4 };
  if (!quiet && !isIp) err += `Resolving ${url.host} (${url.host})... ${url.host === 'localhost' ? '::1, 127.0.0.1' : f.ip}\n`;
  const target = isIp ? `${url.host}:${url.port}` : `${url.host} (${url.host})|${url.host === 'localhost' ? '::1' : f.ip}|:${url.port}`;
  if (!quiet) err += `Connecting to ${target}... `;
  if (f.kind === 'fail') {
    const t = f.trace;
    if (t.verdict === 'dropped') await wait(ctx, p.engine, SYN_TIMEOUT_MS);
    const why = t.verdict === 'refused' ? 'Connection refused' : t.verdict === 'dropped' ? 'Connection timed out' : t.verdict === 'no-route' ? 'Network is unreachable' : 'No route to host';
    if (url.host === 'localhost' && !quiet) err += `failed: ${why}.\nConnecting to ${url.host} (${url.host})|127.0.0.1|:${url.port}... `;
    return withTrace(ctx, { stdout: '', stderr: err + (quiet ? '' : `failed: ${why}.\n`), exitCode: 4 }, [t], p.engine);
  }
  const r = f.reply;
  if (!quiet) err += `connected.\nHTTP request sent, awaiting response... ${r.status} ${r.reason}\n`;
  if (r.status >= 400) return withTrace(ctx, { stdout: '', stderr: err + (quiet ? '' : `${stamp(now)} ERROR ${r.status}: ${r.reason}.\n\n`), exitCode: 8 }, [f.trace], p.engine);
  const out = opts['-O'] ?? opts['--output-document'];
  let name = out !== undefined ? String(out) : url.path.split('?')[0].split('/').pop() || 'index.html';
  if (out === undefined) for (let i = 1; await exists(ctx, name); i++) name = `${name.replace(/\.\d+$/, '')}.${i}`;
  const len = r.body.length;
  const type = r.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'text/html';
  if (!quiet) {
    err += `Length: ${len} [${type}]\nSaving to: ‘${name === '-' ? 'STDOUT' : name}’\n\n`;
    err += `${(name === '-' ? '-' : name).padEnd(20).slice(0, 20)}100%[===================>]${String(len).padStart(8)}  --.-KB/s    in 0s      \n\n`;
    err += `${stamp(now)} (${(20 + (len % 50)).toFixed(1)} MB/s) - ${name === '-' ? 'written to stdout' : `‘${name}’ saved`} [${len}/${len}]\n\n`;
  }
  if (name !== '-') await ctx.fs.writeFile(ctx.fs.resolvePath(ctx.cwd, name), r.body);
  return withTrace(ctx, { stdout: name === '-' ? r.body : '', stderr: err, exitCode: 0 }, [f.trace], p.engine);
}
