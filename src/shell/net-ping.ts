// `ping` as busybox and iputils print it; each echo request's fate comes from the engine's packet trace.
import type { CommandContext } from 'just-bash';
import { tracePacket, type Trace } from '../engine/index';
import { netnsHere, parseArgs, resolveHere, rttMicros, wait, withTrace, type ExecResult, type NetPlace } from './net-util';

/** Without -c ping runs until Ctrl+C; the simulated user presses it after this many echo requests. */
export const PINGS_BEFORE_CTRL_C = 4;

const ms3 = (us: number) => `${Math.floor(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;

/** iputils' adaptive precision for one reply's time. */
function iputilsTime(us: number): string {
  if (us >= 100000 - 50) return String(Math.round(us / 1000));
  if (us >= 10000 - 5) return (us / 1000).toFixed(1);
  if (us >= 1000) return (us / 1000).toFixed(2);
  return ms3(us);
}

/** C's %g for the loss percentage (6 significant digits, no trailing zeros). */
const pctG = (x: number) => String(Number(x.toPrecision(6)));

export async function ping(p: NetPlace, flavor: 'busybox' | 'iputils', args: string[], ctx: CommandContext): Promise<ExecResult> {
  const { opts, rest } = parseArgs(args, '-c -s -i -t -I -W -w');
  const bb = flavor === 'busybox';
  const host = rest[0];
  if (!host) {
    return bb
      ? { stdout: '', stderr: 'BusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\n\nUsage: ping [OPTIONS] HOST\n\nSend ICMP ECHO_REQUESTs to HOST\n', exitCode: 1 }
      : { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
  }
  const r = resolveHere(p, host);
  if (!r.ip) return bb ? { stdout: '', stderr: `ping: bad address '${host}'\n`, exitCode: 1 } : { stdout: '', stderr: `ping: ${host}: ${netnsHere(p) ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`, exitCode: 2 };
  const ip = r.ip;
  // busybox resolves `localhost` to ::1 first (/etc/hosts has `::1 localhost`; moby#47948)
  const shown = bb && host === 'localhost' && p.containerId ? '::1' : ip;
  const size = opts['-s'] !== undefined ? parseInt(String(opts['-s']), 10) : 56;
  const count = opts['-c'] !== undefined ? Math.max(1, parseInt(String(opts['-c']), 10)) : null;
  const quiet = !!opts['-q'];
  const ns = netnsHere(p);
  const trace: Trace = ns ? tracePacket(p.engine.state, ns, ip, 'icmp') : { src: '', dst: ip, proto: 'icmp', steps: [{ kind: 'drop', text: 'no network namespace (the container has no network)' }], verdict: 'no-route', replyTtl: 64, from: '' };
  let out = bb ? `PING ${host} (${shown}): ${size} data bytes\n` : `PING ${host} (${ip}) ${size}(${size + 28}) bytes of data.\n`;
  if (trace.verdict === 'no-route') {
    return withTrace(ctx, bb ? { stdout: out, stderr: 'ping: sendto: Network unreachable\n', exitCode: 1 } : { stdout: '', stderr: 'ping: connect: Network is unreachable\n', exitCode: 2 }, [trace], p.engine);
  }
  const n = count ?? PINGS_BEFORE_CTRL_C;
  const ok = trace.verdict === 'delivered';
  const times: number[] = [];
  const clock = p.engine.now();
  const from = bb ? shown : /^[\d.]+$/.test(host) ? ip : r.via === 'embedded' ? `${host} (${ip})` : `${host} (${ip})`;
  for (let i = 0; i < n && ok; i++) {
    const us = rttMicros(trace, i, clock);
    times.push(us);
    if (!quiet) out += bb ? `${size + 8} bytes from ${shown}: seq=${i} ttl=${trace.replyTtl} time=${ms3(us)} ms\n` : `${size + 8} bytes from ${from}: icmp_seq=${i + 1} ttl=${trace.replyTtl} time=${iputilsTime(us)} ms\n`;
  }
  let errors = 0;
  if (!bb && trace.verdict === 'unreachable' && !quiet) {
    const gw = trace.from || ip;
    for (let i = 0; i < Math.min(n, 3); i++) out += `From ${gw} icmp_seq=${i + 1} Destination Host Unreachable\n`;
    errors = Math.min(n, 3);
  }
  // wall time: one request per second; without answers ping waits for the last one (10 s), unless interrupted
  const linger = opts['-W'] !== undefined ? Number(opts['-W']) * 1000 : 10000;
  const spent = (n - 1) * 1000 + (count === null ? 500 : ok ? Math.ceil((times[times.length - 1] ?? 0) / 1000) : linger);
  await wait(ctx, p.engine, spent);
  const received = times.length;
  const loss = ((n - received) * 100) / n;
  if (count === null) out += '^C';
  out += `\n--- ${host} ping statistics ---\n`;
  if (bb) {
    out += `${n} packets transmitted, ${received} packets received, ${Math.floor(loss)}% packet loss\n`;
    if (received) {
      const avg = Math.floor(times.reduce((a, b) => a + b, 0) / received);
      out += `round-trip min/avg/max = ${ms3(Math.min(...times))}/${ms3(avg)}/${ms3(Math.max(...times))} ms\n`;
    }
    return withTrace(ctx, { stdout: out, stderr: '', exitCode: received ? 0 : 1 }, [trace], p.engine, n, size + 28);
  }
  const elapsed = (n - 1) * 1000 + Math.floor((n - 1) * (1 + 20 * ((clock / 1000) % 2 ? 1 : 0.3)));
  out += `${n} packets transmitted, ${received} received, ${errors ? `+${errors} errors, ` : ''}${pctG(loss)}% packet loss, time ${elapsed}ms\n`;
  if (received) {
    const avg = times.reduce((a, b) => a + b, 0) / received;
    const mdev = Math.round(Math.sqrt(times.reduce((a, b) => a + b * b, 0) / received - avg * avg));
    out += `rtt min/avg/max/mdev = ${ms3(Math.min(...times))}/${ms3(Math.round(avg))}/${ms3(Math.max(...times))}/${ms3(mdev)} ms\n`;
  } else if (errors > 1) out += `pipe ${errors}\n`;
  return withTrace(ctx, { stdout: out, stderr: '', exitCode: received ? 0 : 1 }, [trace], p.engine, n, size + 28);
}
