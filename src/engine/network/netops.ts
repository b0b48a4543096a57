// Host-side network operations that change state: iptables edits, sysctl writes, HTTP requests that servers log.
import type { Container, EngineState, RuleEdit, ServedRequest } from '../state';
import { applyEdit, iptablesRules } from './iptables';
import { tracePacket, type Netns, type Trace } from './packets';
import { accessLogLine, httpReply, type HttpReply } from './services';
import type { HostNodes } from '../storage';
import { containerById } from '../container-table';
import { touch } from '../indexes';
import { resolveName } from './dns';

/** `iptables -I/-A/-D/-N/-X/-F/-P` on the host: checked against the rules now, then kept (replayed on every derivation). */
export function iptablesEdit(s: EngineState, edit: RuleEdit): string | null {
  const err = applyEdit(iptablesRules(s), structuredClone(edit));
  if (err) return err;
  s.hostNet.iptables.push(edit);
  return null;
}

/** `sysctl -w key=value` on the host (net.ipv4.ip_forward decides whether the host routes container traffic). */
export function sysctlWrite(s: EngineState, key: string, value: string) {
  s.hostNet.sysctl[key] = value;
}

/** A reply a server script gave, with the lines its handler printed and the request as the process keeps it; `exit`:
 *  the handler ended the process instead of answering (an uncaught error, process.exit), with this status. */
export type AppReply = HttpReply & { logs?: { stream: 'stdout' | 'stderr'; text: string }[]; served?: ServedRequest; exit?: number };

export interface HttpResult {
  trace: Trace;
  reply?: HttpReply;
}

/** An HTTP request from a namespace: trace the connection; if a web server accepts it, it answers and logs the request. */
export function httpRequest(s: EngineState, from: Netns, ip: string, port: number, method: string, path: string, agent: string, host: HostNodes = {}, hostHeader?: string, apps: Record<string, AppReply> = {}, body?: string): HttpResult {
  const trace = tracePacket(s, from, ip, 'tcp', port);
  if (trace.verdict !== 'delivered' || !trace.listener || trace.to?.kind !== 'container') return { trace };
  const server = containerById(s, trace.to.id)!;
  const l = trace.listener;
  const c = l.container.id === server.id || !l.proxyTo ? l.container : server;
  // a server script's answer was computed by the shell runtime (it ran the handler); what the handler printed is logged
  const app = c.process?.kind === 'script' && c.process.listens?.length ? apps[c.id] : undefined;
  if (app?.logs) for (const l of app.logs) containerById(s, c.id)!.logs.push({ time: s.clock, stream: l.stream, text: l.text });
  // the server that answered remembers the request (its in-memory state is its requests so far, replayed)
  const proc = containerById(s, c.id)!.process;
  if (app?.served && proc?.kind === 'script') proc.served = [...(proc.served ?? []), structuredClone(app.served)];
  if (app?.exit !== undefined && proc?.kind === 'script') {
    // the process died with the connection open: no answer; the container exits now (restart policies apply)
    Object.assign(proc, { exitAt: s.clock, exitCode: app.exit });
    touch(c.id);
    return { trace };
  }
  const reply = app ? { protocol: app.protocol, status: app.status, reason: app.reason, headers: app.headers, body: app.body } : httpReply(s, c, method, path, host, hostHeader ?? (port === 80 ? ip : `${ip}:${port}`), (name) => resolveName(s, c, name).ip, body);
  // the server sees the proxy (bridge gateway) for published ports, else the sender's address
  const client = l.proxyTo || trace.from.startsWith('127.') ? gatewayOf(s, c) : trace.from;
  const line = accessLogLine(s, c, client, method, path, reply, agent);
  if (line) containerById(s, c.id)!.logs.push({ time: s.clock, ...line });
  return { trace, reply };
}

function gatewayOf(s: EngineState, c: Container): string {
  const ep = Object.values(c.endpoints).find((e) => e.ip);
  return ep ? s.networks[ep.networkId]?.ipam.config[0]?.Gateway ?? '172.17.0.1' : '127.0.0.1';
}

/** The key of a rule's counters: its table and its `-A CHAIN …` line (the same rule keeps them when renumbered). */
export const counterKey = (table: string, rule: string): string => `${table} ${rule}`;

/** The key of a built-in chain's policy counters (`-P CHAIN`): they stay with the chain when its policy changes. */
export const policyKey = (table: string, chain: string): string => `${table} -P ${chain}`;

/** A network tool sent `packets` packets of `bytes` bytes each along a traced path: every rule they hit counts them. */
export function countPackets(s: EngineState, t: Trace, packets: number, bytes: number) {
  if (packets <= 0) return;
  const counters: Record<string, [number, number]> = Object.assign(Object.create(null), s.hostNet.counters);
  for (const step of t.steps) {
    if (step.kind !== 'rule' || !step.hit) continue; // replies too: they cross the same chains
    const policy = step.hit.rule.startsWith('-P ');
    // nat chains see only a connection's first packet, which a trace does not tell apart: their policies stay at 0
    // (as recorded on a real daemon after container traffic)
    if (policy && step.hit.table !== 'filter') continue;
    const k = policy ? policyKey(step.hit.table, step.hit.chain) : counterKey(step.hit.table, step.hit.rule);
    const [p, b] = counters[k] ?? [0, 0];
    counters[k] = [p + packets, b + packets * bytes];
  }
  s.hostNet.counters = counters;
}

/** `iptables -Z [CHAIN]`: the counters of a table (or one chain of it, its policy's too) go back to zero. */
export function zeroCounters(s: EngineState, table: string, chain?: string) {
  const prefix = `${table} -A ${chain ? chain + ' ' : ''}`;
  const policy = chain ? policyKey(table, chain) : `${table} -P `;
  const counters: Record<string, [number, number]> = Object.create(null);
  for (const [k, v] of Object.entries(s.hostNet.counters ?? {})) if (!k.startsWith(prefix) && !k.startsWith(policy)) counters[k] = v;
  s.hostNet.counters = counters;
}
