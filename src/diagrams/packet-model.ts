// The packet view model: the network view with the last packet's path over it (sender → veth → bridge → iptables →
// bridge → receiver), ending where its fate was decided, and the chain walk (chain, rule, verdict) listed beside it.
import type { EngineState, PacketRecord } from '../engine/index';
import { HEADER_H, LANE_W, networkModel } from './net-model';
import { items, packetTitle, sameHit, verdictText, visitsOf } from './packet';
import type { ChainVisit, Layout, PacketOverlay, VNode, ViewModel } from './view-types';
import { allContainers, containerById } from '../engine/index';

/** The chain walk of a packet: each chain visit with the rules that matched, the deciding one flagged. */
export function chainWalk(p: PacketRecord): ChainVisit[] {
  const out: ChainVisit[] = [];
  for (const it of items(p.steps)) {
    if (it.kind !== 'walk') continue;
    const w = it.walk;
    const decidedHere = w.steps.some((st) => sameHit(st.hit, p.decidedBy));
    if (w.reply && !decidedHere) continue; // the reply's conntrack check passed: not this packet's path
    for (const v of visitsOf(w)) {
      const decided = v.hits.some((h) => sameHit(h, p.decidedBy));
      out.push({ chain: `${w.reply ? 'reply: ' : ''}${w.table} ${v.chain}`, decided, lines: v.lines.map((text, i) => ({ text, decided: decided && sameHit(v.hits[i], p.decidedBy) })) });
    }
  }
  // a delivered packet's walk was decided by its last ACCEPT: flag that visit
  if (!out.some((v) => v.decided) && out.length) {
    const last = out[out.length - 1];
    last.decided = true;
    if (last.lines.length) last.lines[last.lines.length - 1].decided = true;
  }
  return out;
}

/** Each packet record's number (records are kept per step and never change, so one record is one packet). */
const packetIds = new WeakMap<PacketRecord, number>();
let lastPacketId = 0;
function packetId(p: PacketRecord): number {
  let id = packetIds.get(p);
  if (id === undefined) packetIds.set(p, (id = ++lastPacketId));
  return id;
}

const center = (n: VNode): [number, number] => [n.x + n.w / 2, n.y + n.h / 2];

/** The packet view of state `s`: `p` is the last packet a network tool sent (the session keeps it per step). */
export function packetModel(s: EngineState, prev: EngineState | null = null, o?: Layout, p?: PacketRecord): ViewModel {
  const net = networkModel(s, prev, o);
  if (!p) return { ...net, kind: 'packet', empty: 'no packet yet: try ping or curl' };
  const byId = new Map(net.nodes.map((n) => [n.id, n]));
  const host = net.nodes[0];
  const ipt = byId.get('iptables')!;
  const endpointOf = (ip: string) => {
    for (const c of allContainers(s)) for (const ep of Object.values(c.endpoints)) if (ep.ip && ep.ip === ip) return { c, ep };
    return null;
  };
  // the lane a box is drawn in (a lane's continuation in another cell included), else the network's lane
  const laneOf = (b: { x: number; y: number } | null, netId: string) => (b && net.nodes.find((n) => (n.kind === 'lane' || n.kind === 'host') && n.x <= b.x && b.x < n.x + n.w && n.y <= b.y && b.y < n.y + n.h)) || byId.get(`net:${netId}`) || host;
  // the top of a lane's bus (lanes in a lower row start lower down)
  const busTop = (lane: { y: number }) => lane.y + (lane.y ? 62 : HEADER_H - 4);
  // a container's own box, or the box of the group it was collapsed into (the group lists its members)
  const boxOf = (id: string) => byId.get(`c:${id}`) ?? net.nodes.find((n) => n.kind === 'group' && n.facts?.some(([k]) => k === containerById(s, id)?.name)) ?? null;
  const path: [number, number][] = [];
  const walk = chainWalk(p);
  const viaIptables = walk.length > 0;
  // the sender: its container box and the lane of the address it sent from, or the host
  const fromEp = endpointOf(p.from);
  // a container on several networks sends from the address (the chip) on the packet's network
  const from = p.sender?.kind === 'container' ? (byId.get(`ep:${p.sender.id}:${fromEp?.ep.networkId}`) ?? boxOf(p.sender.id)) : null;
  const fromNode = fromEp ? laneOf(from, fromEp.ep.networkId) : host;
  const fromLane = fromNode.x + 12;
  if (from) path.push([from.x + 12, from.y + 15], [fromLane, from.y + 15]);
  else path.push(center(host).map((v, i) => (i ? HEADER_H / 3 : v)) as [number, number]);
  const toEp = p.to?.kind === 'container' ? (Object.values(containerById(s, p.to.id)?.endpoints ?? {}).find((e) => e.ip === p.dst) ?? Object.values(containerById(s, p.to.id)?.endpoints ?? {})[0]) : endpointOf(p.dst)?.ep;
  const to = p.to?.kind === 'container' ? (byId.get(`ep:${p.to.id}:${toEp?.networkId}`) ?? boxOf(p.to.id)) : null;
  let endsAt = 'iptables';
  const decidedByRule = !!p.decidedBy && p.verdict !== 'delivered';
  if (viaIptables) {
    path.push([fromLane, fromEp ? busTop(fromNode) : HEADER_H - 4], center(ipt));
  }
  if (!decidedByRule && p.verdict !== 'unreachable' && p.verdict !== 'no-route') {
    if (to && toEp) {
      const toNode = laneOf(to, toEp.networkId);
      const toLane = toNode.x + 12;
      if (viaIptables) path.push([toLane, busTop(toNode)]);
      path.push([toLane, to.y + 15], [to.x + 12, to.y + 15]);
      endsAt = to.id;
    } else if (p.to?.kind === 'host') {
      path.push(center(host));
      endsAt = host.id;
    } else if (!viaIptables) endsAt = from?.id ?? host.id;
  } else if (!viaIptables) endsAt = from?.id ?? host.id;
  const hops = p.steps.filter((st) => st.kind !== 'rule').map((st) => st.text);
  const overlay: PacketOverlay = { id: packetId(p), title: packetTitle(p), verdict: verdictText(p), ok: p.verdict === 'delivered', path, endsAt, walk, hops };
  const nodes = net.nodes.map((n) => (n.id === endsAt ? { ...n, cls: [...(n.cls ?? []), overlay.ok ? 'reached' : 'decided'] } : n));
  // what Fit frames when the whole picture would be drawn too small to read: the path, its ends and their lanes' names
  const reached = endsAt === to?.id;
  const ends = [from, byId.get(endsAt), ipt, ...[fromEp?.ep.networkId, reached ? toEp?.networkId : undefined].map((id) => byId.get(`net:${id}`)).filter((l) => !!l).map((l) => ({ ...l!, h: 40 }))];
  const xs = [...path.map(([x]) => x), ...ends.flatMap((n) => (n ? [n.x, n.x + n.w] : []))];
  const ys = [...path.map(([, y]) => y), ...ends.flatMap((n) => (n ? [n.y, n.y + n.h] : []))];
  const focus = { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
  const text = [
    { text: `packet ${overlay.title}: ${overlay.verdict}` },
    { text: 'path', children: hops.map((h) => ({ text: h })) },
    { text: 'iptables chain walk', children: walk.map((v) => ({ text: `${v.chain}${v.decided ? ' (decided here)' : ''}`, children: v.lines.map((l) => ({ text: l.text })) })) },
  ];
  return { ...net, kind: 'packet', nodes, width: Math.max(net.width, LANE_W), text, packet: overlay, focus };
}
