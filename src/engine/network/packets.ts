// Packets as data: the path a packet takes from a network namespace (veth, bridge, routing, netfilter chains, NAT) and its fate.
import type { Container, EngineState, Network, PacketRecord, TraceStep } from '../state';
import type { PacketPath } from '../network-types';
import { HOST_IF } from './ipam';
import { inCidr, ipToInt, isLoopback, parseCidr } from './ipnet';
import { iptablesRules, type Tables } from './iptables';
import { runChain, type Packet, type RuleHit } from './iptables-rules';
import { listenerFor, type Listener, type Netns } from './services';
import { containerById, containerKeys } from '../container-table';

export type { Netns } from './services';
export type { PacketRecord, TraceStep };

export interface Trace extends PacketPath {
  src: string;
  /** Where it arrived (a container, the host, the internet). */
  to?: { kind: 'container'; id: string } | { kind: 'host' } | { kind: 'internet' };
  /** The listener that accepted a tcp connection. */
  listener?: Listener;
  /** TTL of a reply as the sender sees it. */
  replyTtl: number;
  /** The network namespace that sent it. */
  ns?: Netns;
}

/** Running bridge endpoints of a namespace (a container's own interfaces). */
export function nsInterfaces(s: EngineState, c: Container) {
  return Object.values(c.endpoints)
    .filter((e) => e.ip && s.networks[e.networkId]?.driver === 'bridge')
    .map((e) => ({ ep: e, net: s.networks[e.networkId] }));
}

/** The interface that carries a container's default route: network names in lexical order, internal ones last. */
export function defaultRouteIface(s: EngineState, c: Container) {
  const list = nsInterfaces(s, c).filter((x) => !x.net.internal);
  return list.sort((a, b) => (a.net.name < b.net.name ? -1 : a.net.name > b.net.name ? 1 : 0))[0];
}

/** Addresses the host owns (lo, eth0 and every bridge's gateway address). */
export function hostAddresses(s: EngineState): string[] {
  const out = ['127.0.0.1', HOST_IF.ip];
  for (const n of Object.values(s.networks)) if (n.driver === 'bridge') for (const c of n.ipam.config) out.push(c.Gateway);
  return out;
}

const inSubnet = (ip: string, n: Network) => {
  const x = ipToInt(ip);
  return x !== null && n.ipam.config.some((c) => inCidr(x, parseCidr(c.Subnet)!));
};

function bridgeFor(s: EngineState, ip: string): Network | undefined {
  return Object.values(s.networks).find((n) => n.driver === 'bridge' && inSubnet(ip, n));
}

/** Containers by `<network ID> <address>` of each of their endpoints, oldest first. */
const byAddress = containerKeys((c) => [...new Set(Object.values(c.endpoints).map((e) => `${e.networkId} ${e.ip}`))]);

/** The oldest container with an endpoint at `ip` on `net`. */
export function endpointAt(s: EngineState, net: Network, ip: string): Container | undefined {
  return byAddress(s).get(`${net.id} ${ip}`)?.[0];
}

const isPublic = (ip: string) => !/^(10\.|127\.|172\.(1[6-9]|2\d|3[01])\.|192\.168\.|0\.)/.test(ip) && ipToInt(ip) !== null;

/** Trace a new connection (or echo request) from a namespace to dst[:dport]. Pure: nothing changes. */
export function tracePacket(s: EngineState, from: Netns, dst: string, proto: Trace['proto'], dport?: number): Trace {
  const tables = iptablesRules(s);
  const steps: TraceStep[] = [];
  const t: Trace = { src: '', dst, proto, dport, steps, verdict: 'delivered', replyTtl: 64, from: '', ns: from };
  const hop = (text: string) => steps.push({ kind: 'hop', text });
  const chain = (table: 'filter' | 'nat', name: string, p: Packet) => {
    const r = runChain(tables, table, name, p);
    for (const h of r.hits) steps.push({ kind: 'rule', text: `${table} ${h.chain}: ${h.num ? `rule ${h.num} ` : ''}${h.rule} → ${h.action}`, hit: h, ...(p.ctstate === 'ESTABLISHED' ? { reply: true } : {}) });
    return r;
  };
  const drop = (why: string, hit?: RuleHit) => {
    t.verdict = 'dropped';
    t.decidedBy = hit;
    steps.push({ kind: 'drop', text: why });
    return t;
  };
  const pkt = (p: Partial<Packet>): Packet => ({ in: '', out: '', src: t.src, dst, proto, dport, ctstate: 'NEW', dstLocal: false, ...p });
  const accept = (r: ReturnType<typeof chain>) => r.verdict === 'ACCEPT';
  const last = (r: ReturnType<typeof chain>) => r.hits[r.hits.length - 1];
  const refusedOrDrop = (r: ReturnType<typeof chain>) => (r.verdict === 'REJECT' ? ((t.verdict = 'refused'), (t.decidedBy = last(r)), steps.push({ kind: 'drop', text: 'rejected' }), t) : drop(`dropped by ${last(r)?.table} ${last(r)?.chain}`, last(r)));

  const deliverTo = (ns: Netns, ip: string, c?: Container): Trace => {
    t.to = ns.kind === 'host' ? { kind: 'host' } : { kind: 'container', id: ns.id };
    if (proto === 'tcp' && dport !== undefined) {
      const l = listenerFor(s, ns, ip, dport, 'tcp');
      if (!l) {
        t.verdict = 'refused';
        steps.push({ kind: 'deliver', text: `${ns.kind === 'host' ? 'host' : c?.name ?? 'container'}: nothing listens on ${ip}:${dport} → RST (connection refused)` });
        return t;
      }
      t.listener = l;
      if (l.proxyTo) {
        steps.push({ kind: 'proxy', text: `docker-proxy ${l.ip}:${l.port} (${l.container.name}) opens a connection to ${l.proxyTo.ip}:${l.proxyTo.port}` });
        const inner = tracePacket(s, { kind: 'host' }, l.proxyTo.ip, 'tcp', l.proxyTo.port);
        steps.push(...inner.steps);
        Object.assign(t, { verdict: inner.verdict, decidedBy: inner.decidedBy, to: inner.to, listener: inner.listener ?? l });
        return t;
      }
      steps.push({ kind: 'deliver', text: `${l.container.name}: ${l.container.process?.program} accepts on ${ip}:${dport}` });
      return t;
    }
    steps.push({ kind: 'deliver', text: `delivered to ${ns.kind === 'host' ? 'the host' : c?.name ?? 'container'} (${ip})` });
    return t;
  };

  // ---------------------------------------------------------------- from the host namespace
  if (from.kind === 'host') {
    const local = isLoopback(dst) || hostAddresses(s).includes(dst);
    t.src = isLoopback(dst) ? '127.0.0.1' : bridgeFor(s, dst)?.ipam.config[0].Gateway ?? HOST_IF.ip;
    t.from = t.src;
    if (local) {
      const nat = chain('nat', 'OUTPUT', pkt({ dstLocal: true }));
      if (nat.dnat) {
        const [ip, port] = nat.dnat.split(':');
        steps.push({ kind: 'nat', text: `DNAT ${dst}:${dport} → ${ip}:${port}` });
        const inner = tracePacket(s, { kind: 'host' }, ip, proto, Number(port));
        steps.push(...inner.steps);
        Object.assign(t, { verdict: inner.verdict, decidedBy: inner.decidedBy, to: inner.to, listener: inner.listener });
        return t;
      }
      hop(`local delivery on the host (lo)`);
      const f = chain('filter', 'OUTPUT', pkt({ out: 'lo' }));
      if (!accept(f)) return refusedOrDrop(f);
      const i = chain('filter', 'INPUT', pkt({ in: 'lo', dstLocal: true }));
      if (!accept(i)) return refusedOrDrop(i);
      return deliverTo({ kind: 'host' }, dst);
    }
    const br = bridgeFor(s, dst);
    if (br) {
      hop(`host route ${br.ipam.config[0].Subnet} dev ${br.bridge}`);
      const f = chain('filter', 'OUTPUT', pkt({ out: br.bridge }));
      if (!accept(f)) return refusedOrDrop(f);
      const c = endpointAt(s, br, dst);
      if (!c) return ((t.verdict = 'unreachable'), steps.push({ kind: 'drop', text: `no endpoint has ${dst} on ${br.bridge} (ARP gets no answer)` }), t);
      const ep = Object.values(c.endpoints).find((e) => e.ip === dst)!;
      hop(`${br.bridge} → ${ep.veth} → ${c.name} ${ep.iface} (${dst})`);
      return deliverTo({ kind: 'container', id: c.id }, dst, c);
    }
    hop(`host route default via ${HOST_IF.gateway} dev eth0`);
    const f = chain('filter', 'OUTPUT', pkt({ out: 'eth0' }));
    if (!accept(f)) return refusedOrDrop(f);
    return toInternet(t, steps, 0);
  }

  // ---------------------------------------------------------------- from a container namespace
  const c = containerById(s, from.id);
  const ifaces = c ? nsInterfaces(s, c) : [];
  const label = c?.name ?? from.id.slice(0, 12);
  if (isLoopback(dst) || ifaces.some((x) => x.ep.ip === dst)) {
    t.src = isLoopback(dst) ? '127.0.0.1' : dst;
    t.from = t.src;
    hop(`${label}: local delivery (lo)`);
    return deliverTo(from, dst, c);
  }
  const direct = ifaces.find((x) => inSubnet(dst, x.net));
  const out = direct ?? (c ? defaultRouteIface(s, c) : undefined);
  if (!out) {
    t.verdict = 'no-route';
    steps.push({ kind: 'drop', text: `${label} has no route to ${dst} (network unreachable)` });
    return t;
  }
  const B = out.net.bridge;
  t.src = out.ep.ip;
  t.from = t.src;
  hop(`${label} ${out.ep.iface} (${out.ep.ip}) → ${out.ep.veth} → bridge ${B}${direct ? '' : ` → gateway ${out.net.ipam.config[0].Gateway}`}`);
  const gw = out.net.ipam.config[0].Gateway;
  if (direct && dst !== gw) {
    const peer = endpointAt(s, out.net, dst);
    if (!peer) return ((t.verdict = 'unreachable'), steps.push({ kind: 'drop', text: `no endpoint has ${dst} on ${B} (ARP gets no answer)` }), t);
    const f = chain('filter', 'FORWARD', pkt({ in: B, out: B }));
    if (!accept(f)) return refusedOrDrop(f);
    const back = chain('filter', 'FORWARD', pkt({ in: B, out: B, src: dst, dst: t.src, ctstate: 'ESTABLISHED', dport: undefined }));
    if (!accept(back)) return refusedOrDrop(back);
    const pep = Object.values(peer.endpoints).find((e) => e.ip === dst)!;
    hop(`bridge ${B} → ${pep.veth} → ${peer.name} ${pep.iface} (${dst})`);
    return deliverTo({ kind: 'container', id: peer.id }, dst, peer);
  }
  // routed by the host
  const local = hostAddresses(s).includes(dst);
  const pre = chain('nat', 'PREROUTING', pkt({ in: B, dstLocal: local }));
  let target = dst;
  let tport = dport;
  if (pre.dnat) {
    [target, tport] = [pre.dnat.split(':')[0], Number(pre.dnat.split(':')[1])];
    steps.push({ kind: 'nat', text: `DNAT ${dst}:${dport} → ${pre.dnat}` });
  }
  if (local && !pre.dnat) {
    const i = chain('filter', 'INPUT', pkt({ in: B, dstLocal: true }));
    if (!accept(i)) return refusedOrDrop(i);
    hop(`host accepts ${dst} (its own address)`);
    return deliverTo({ kind: 'host' }, dst);
  }
  if (s.hostNet.sysctl['net.ipv4.ip_forward'] === '0') return drop('the host does not forward packets (net.ipv4.ip_forward = 0)');
  const obr = bridgeFor(s, target);
  const O = obr ? obr.bridge : 'eth0';
  hop(`host routes ${target} out of ${O}`);
  const f = chain('filter', 'FORWARD', pkt({ in: B, out: O, dst: target, dport: tport }));
  if (!accept(f)) return refusedOrDrop(f);
  const post = chain('nat', 'POSTROUTING', pkt({ in: B, out: O, dst: target, dport: tport }));
  if (post.masquerade) steps.push({ kind: 'nat', text: `MASQUERADE ${t.src} → ${O === 'eth0' ? HOST_IF.ip : obr!.ipam.config[0].Gateway}` });
  const back = chain('filter', 'FORWARD', pkt({ in: O, out: B, src: target, dst: t.src, ctstate: 'ESTABLISHED', dport: undefined }));
  if (!accept(back)) return refusedOrDrop(back);
  if (!obr) return toInternet(t, steps, 1);
  const peer = endpointAt(s, obr, target);
  if (!peer) return ((t.verdict = 'unreachable'), steps.push({ kind: 'drop', text: `no endpoint has ${target} on ${O} (ARP gets no answer)` }), t);
  const pep = Object.values(peer.endpoints).find((e) => e.ip === target)!;
  hop(`bridge ${O} → ${pep.veth} → ${peer.name} ${pep.iface} (${target})`);
  t.replyTtl = 63;
  return deliverTo({ kind: 'container', id: peer.id }, target, peer);
}

function toInternet(t: Trace, steps: TraceStep[], hops: number): Trace {
  if (!isPublic(t.dst)) {
    t.verdict = 'unreachable';
    steps.push({ kind: 'drop', text: `${t.dst} does not answer` });
    return t;
  }
  steps.push({ kind: 'hop', text: `eth0 → ${HOST_IF.gateway} → the internet` });
  t.to = { kind: 'internet' };
  t.replyTtl = 117 - hops;
  if (t.proto === 'tcp' && t.dport !== 80 && t.dport !== 443) {
    t.verdict = 'dropped';
    steps.push({ kind: 'drop', text: `${t.dst}:${t.dport} does not answer` });
    return t;
  }
  steps.push({ kind: 'deliver', text: `${t.dst} answers` });
  return t;
}

/** The trace as text lines for a learner (the `trace` command, DOCKERLINGS_TRACE=1). */
export function traceText(t: Trace): string {
  const what = t.proto === 'icmp' ? `icmp echo ${t.from || '?'} → ${t.dst}` : `${t.proto} ${t.from || '?'} → ${t.dst}:${t.dport}`;
  const verdict = { delivered: 'DELIVERED', refused: 'REFUSED (connection refused)', dropped: 'DROPPED (no answer)', unreachable: 'UNREACHABLE (no answer)', 'no-route': 'NO ROUTE' }[t.verdict];
  const lines = [`packet: ${what}`, ...t.steps.map((s) => `  ${s.kind === 'rule' ? '  ' : ''}${s.text}`), `verdict: ${verdict}${t.decidedBy ? ` by ${t.decidedBy.table} ${t.decidedBy.chain} ${t.decidedBy.num ? `rule ${t.decidedBy.num}` : 'policy'}` : ''}`];
  return lines.join('\n') + '\n';
}


/** A trace as a PacketRecord: copies only plain data (no listener's Container). */
export function packetRecord(s: EngineState, t: Trace): PacketRecord {
  const name = (id: string) => containerById(s, id)?.name ?? id.slice(0, 12);
  const r: PacketRecord = { from: t.from, dst: t.dst, proto: t.proto, steps: structuredClone(t.steps), verdict: t.verdict };
  if (t.ns) r.sender = t.ns.kind === 'host' ? { kind: 'host' } : { kind: 'container', id: t.ns.id, name: name(t.ns.id) };
  if (t.dport !== undefined) r.dport = t.dport;
  if (t.decidedBy) r.decidedBy = { ...t.decidedBy };
  if (t.to) r.to = t.to.kind === 'container' ? { kind: 'container', id: t.to.id, name: name(t.to.id) } : { ...t.to };
  return r;
}

/** Whether two records describe the same packet and fate (a tool in a loop sends the same one again and again). */
export const samePacket = (a: PacketRecord | undefined, b: PacketRecord | undefined) => JSON.stringify(a) === JSON.stringify(b);

export type { Tables };
