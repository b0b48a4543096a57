// `nslookup` (busybox / bind9), `nc` (busybox / OpenBSD) and `hostname` over the engine's resolver and packet traces.
import type { CommandContext } from 'just-bash';
import { decodeBytesToUtf8 } from './jb-compat';
import { hostAddresses, nameserverOf, nsInterfaces, tracePacket } from '../engine/index';
import { containerOf, netnsHere, parseArgs, resolveHere, wait, withTrace, type ExecResult, type NetPlace } from './net-util';

/** nslookup NAME: busybox asks for A then AAAA (containers have no IPv6 records); bind9's on the host asks for A. */
export function nslookup(p: NetPlace, args: string[], flavor: 'busybox' | 'bind9'): ExecResult {
  const name = args.filter((a) => !a.startsWith('-'))[0];
  if (!name) return { stdout: '', stderr: flavor === 'busybox' ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n' : '', exitCode: 1 };
  const server = nameserverOf(p.engine.state, containerOf(p));
  const r = resolveHere(p, name);
  const bb = flavor === 'busybox';
  let out = bb ? `Server:\t\t${server}\nAddress:\t${server}:53\n\n` : `Server:\t\t${server}\nAddress:\t${server}#53\n\n`;
  if (!r.ip || r.via === 'hosts') {
    // /etc/hosts entries are not in DNS: nslookup asks the server anyway
    if (r.ip && name === 'localhost') out += `Name:\tlocalhost\nAddress: 127.0.0.1\n\n`;
    else {
      out += `** server can't find ${name}: NXDOMAIN\n\n`;
      if (bb) out += `** server can't find ${name}: NXDOMAIN\n\n`;
      return { stdout: out, stderr: '', exitCode: 1 };
    }
    return { stdout: out, stderr: '', exitCode: 0 };
  }
  out += `Non-authoritative answer:\nName:\t${name}\nAddress: ${r.ip}\n\n`;
  if (bb) out += `*** Can't find ${name}: No answer\n\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
}

const SERVICE: Record<number, string> = { 22: 'ssh', 53: 'domain', 80: 'http', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt', 27017: 'mongodb' };

/** nc [-z] [-v] [-w SEC] HOST PORT: connect (and, with stdin, talk to the server). */
export async function nc(p: NetPlace, args: string[], ctx: CommandContext, flavor: 'busybox' | 'openbsd'): Promise<ExecResult> {
  const { opts, rest } = parseArgs(args, '-w -p -s -i');
  const [host, portText] = rest;
  const bb = flavor === 'busybox';
  if (!host || !portText) return { stdout: '', stderr: bb ? 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: nc [OPTIONS] HOST PORT  - connect\nnc [OPTIONS] -l -p PORT [HOST] [PORT]  - listen\n' : 'usage: nc [-46CDdFhklNnrStUuvZz] [-I length] [-i interval] [-M ttl]\n\t  [-m minttl] [-O length] [-P proxy_username] [-p source_port]\n\t  [-q seconds] [-s sourceaddr] [-T keyword] [-V rtable] [-W recvlimit]\n\t  [-w timeout] [-X proxy_protocol] [-x proxy_address[:port]]\n\t  [destination] [port]\n', exitCode: 1 };
  const port = parseInt(portText, 10);
  const r = resolveHere(p, host);
  if (!r.ip) return { stdout: '', stderr: bb ? `nc: bad address '${host}'\n` : `nc: getaddrinfo for host "${host}" port ${port}: Name or service not known\n`, exitCode: 1 };
  const ns = netnsHere(p);
  const t = ns ? tracePacket(p.engine.state, ns, r.ip, 'tcp', port) : null;
  const verbose = !!opts['-v'];
  const shownIp = !bb && host === 'localhost' ? '::1' : r.ip;
  if (!t || t.verdict !== 'delivered') {
    const why = !t || t.verdict === 'no-route' ? 'Network unreachable' : t.verdict === 'refused' ? 'Connection refused' : t.verdict === 'unreachable' ? 'No route to host' : 'Connection timed out';
    if (t?.verdict === 'dropped') await wait(ctx, p.engine, opts['-w'] ? Number(opts['-w']) * 1000 : 127_000);
    const err = bb ? `nc: ${host} (${r.ip}:${port}): ${why}\n` : `nc: connect to ${host} (${shownIp}) port ${port} (tcp) failed: ${why}\n`;
    return withTrace(ctx, { stdout: '', stderr: err, exitCode: 1 }, t ? [t] : [], p.engine);
  }
  let stderr = '';
  if (verbose) stderr = bb ? `${host} (${r.ip}:${port}) open\n` : `Connection to ${host} (${shownIp}) ${port} port [tcp/${SERVICE[port] ?? '*'}] succeeded!\n`;
  if (opts['-z']) return withTrace(ctx, { stdout: '', stderr, exitCode: 0 }, [t], p.engine);
  const input = ctx.stdin ? decodeBytesToUtf8(ctx.stdin) : '';
  let stdout = '';
  const m = /^(GET|HEAD|POST) (\S+) HTTP\/1\.[01]/.exec(input);
  if (m && ns) {
    const res = p.engine.network.http(ns, r.ip, port, m[1], m[2], '-');
    if (res.reply) stdout = `HTTP/1.1 ${res.reply.status} ${res.reply.reason}\r\n${res.reply.headers.map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${res.reply.body}`;
  } else if (t.listener?.container.process?.program === 'redis-server' || t.listener?.proxyTo?.port === 6379) {
    for (const line of input.split('\n').map((x) => x.trim()).filter(Boolean)) stdout += /^ping$/i.test(line) ? '+PONG\r\n' : `-ERR unknown command '${line.split(' ')[0]}', with args beginning with: \r\n`;
  }
  return withTrace(ctx, { stdout, stderr, exitCode: 0 }, [t], p.engine);
}

/** hostname [-i|-I|-s|-f]: the container's Config.Hostname (or the host's name) and its addresses. */
export function hostname(p: NetPlace, args: string[]): ExecResult {
  const c = containerOf(p);
  const name = c ? c.config.Hostname : 'dockerlings';
  if (args.includes('-I')) {
    const ips = c ? nsInterfaces(p.engine.state, c).map((x) => x.ep.ip) : hostAddresses(p.engine.state).filter((a) => !a.startsWith('127.'));
    return { stdout: ips.map((ip) => ip + ' ').join('') + '\n', stderr: '', exitCode: 0 };
  }
  if (args.includes('-i')) {
    const r = resolveHere(p, name);
    return r.ip ? { stdout: `${r.ip} \n`, stderr: '', exitCode: 0 } : { stdout: '', stderr: `hostname: ${name}: Unknown host\n`, exitCode: 1 };
  }
  return { stdout: `${args.includes('-s') ? name.split('.')[0] : name}\n`, stderr: '', exitCode: 0 };
}
