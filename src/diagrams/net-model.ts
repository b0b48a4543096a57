// The network view model: the host, docker0 and each br-* bridge as a lane, containers as rows, ports as sockets.
// Lanes are keyed by network ID (creation order) and rows by container ID (creation order), so a new container or
// network is appended and nothing already drawn moves.
import type { Container, EngineState, Network } from '../engine/index';
import { HOST_IF, allContainers, containerById } from '../engine/index';
import type { TextItem, VEdge, VNode, ViewModel } from './view-types';

export const LANE_W = 150;
export const HEADER_H = 96;
const BOX_X = 22; // a box's left edge inside its lane (the bridge's bus runs at x + 12)
const BOX_W = LANE_W - BOX_X - 6;
const LINE = 15;
const GAP = 14;
/** Above this many rows, containers attached alike are grouped into one row with a count. */
export const MAX_ROWS = 14;

const live = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';
const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);

export interface Lane {
  id: string;
  net: Network | null;
  x: number;
}

/** host, docker0, the user's bridges in creation order (the state's key order), and none (only while a container uses it). */
export function lanesOf(s: EngineState): Lane[] {
  const nets = Object.values(s.networks);
  const host = nets.find((n) => n.driver === 'host') ?? null;
  const none = nets.find((n) => n.driver === 'null') ?? null;
  const bridges = nets.filter((n) => n.driver === 'bridge');
  const usesNone = allContainers(s).some((c) => c.hostConfig.NetworkMode === 'none');
  const list: (Network | null)[] = [host, ...bridges, ...(usesNone ? [none] : [])];
  return list.map((n, i) => ({ id: n ? `net:${n.id}` : 'net:host', net: n, x: i * LANE_W }));
}

/** The container a `container:<ref>` network mode joins (by ID, name or ID prefix, as docker resolves it at start). */
export function joinedTarget(s: EngineState, c: Container): Container | undefined {
  const mode = c.hostConfig.NetworkMode;
  if (!mode.startsWith('container:')) return undefined;
  const ref = mode.slice('container:'.length);
  return containerById(s, ref) ?? allContainers(s).find((o) => o.name === ref || (ref.length >= 12 && o.id.startsWith(ref)));
}

function laneFacts(n: Network): [string, string][] {
  const cfg = n.ipam.config[0];
  return [
    ['Driver', n.driver],
    ...(n.bridge ? [['Bridge', n.bridge] as [string, string]] : []),
    ...(cfg ? [['Subnet', cfg.Subnet], ['Gateway', cfg.Gateway ?? '']] as [string, string][] : []),
    ['ID', short(n.id)],
    ...(n.internal ? [['Internal', 'true'] as [string, string]] : []),
  ];
}

function laneNode(s: EngineState, l: Lane, height: number): VNode {
  if (!l.net || l.net.driver === 'host') {
    return { id: l.id, kind: 'host', x: l.x, y: 0, w: LANE_W, h: height, label: 'host dockerlings', lines: [`${HOST_IF.name} ${HOST_IF.ip}`, 'network: host'], facts: [['Hostname', 'dockerlings'], ['Interface', `${HOST_IF.name} ${HOST_IF.ip}`]], inspect: 'docker network inspect host' };
  }
  const n = l.net;
  if (n.driver === 'null') return { id: l.id, kind: 'lane', x: l.x, y: 0, w: LANE_W, h: height, label: 'none', lines: ['no network', 'loopback only'], cls: ['none'], facts: laneFacts(n), inspect: 'docker network inspect none' };
  const cfg = n.ipam.config[0];
  return {
    id: l.id, kind: 'lane', x: l.x, y: 0, w: LANE_W, h: height,
    label: n.name,
    lines: [n.bridge, cfg?.Subnet ?? '', cfg?.Gateway ? `gateway ${cfg.Gateway}` : ''].filter(Boolean),
    cls: n.internal ? ['internal'] : undefined,
    facts: laneFacts(n),
    inspect: `docker network inspect ${n.name}`,
  };
}

function containerFacts(s: EngineState, c: Container): [string, string][] {
  const eps = Object.entries(c.endpoints).map(([name, ep]) => [`${name}`, `${ep.iface || '—'} ${live(c) && ep.ip ? ep.ip : '—'}${ep.veth && live(c) ? ` ↔ ${ep.veth}` : ''}`] as [string, string]);
  return [['ID', short(c.id)], ['Image', c.config.Image ?? short(c.imageId)], ['Status', c.state.status], ['NetworkMode', c.hostConfig.NetworkMode], ...eps, ...c.ports.map((p) => ['Port', `${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.proto}`] as [string, string])];
}

interface Row {
  key: string;
  members: Container[];
  joiners: Container[];
}

/** Rows in creation order; joined containers live inside the row of the container whose namespace they share. */
function rowsOf(s: EngineState): Row[] {
  const all = allContainers(s);
  const rows: Row[] = [];
  const byId = new Map<string, Row>();
  for (const c of all) {
    const t = joinedTarget(s, c);
    if (t && t.id !== c.id && containerById(s, t.id)) continue;
    const r = { key: c.id, members: [c], joiners: [] };
    rows.push(r);
    byId.set(c.id, r);
  }
  for (const c of all) {
    const t = joinedTarget(s, c);
    if (t && t.id !== c.id) byId.get(t.id)?.joiners.push(c);
  }
  if (rows.length <= MAX_ROWS) return rows;
  // too many to read: containers attached alike (same networks, mode, liveness; no ports, no joiners) share one row
  const out: Row[] = [];
  const groups = new Map<string, Row>();
  for (const r of rows) {
    const c = r.members[0];
    if (r.joiners.length || (live(c) && c.ports.length)) {
      out.push(r);
      continue;
    }
    const sig = `${c.hostConfig.NetworkMode}|${Object.values(c.endpoints).map((e) => e.networkId).sort().join(',')}|${live(c)}`;
    const g = groups.get(sig);
    if (g) g.members.push(c);
    else {
      const ng = { key: `group:${sig}`, members: [c], joiners: [] };
      groups.set(sig, ng);
      out.push(ng);
    }
  }
  return out;
}

const rowHeight = (r: Row, ports: number) => Math.max(r.members.length > 1 ? 3 * LINE + 12 : (4 + r.joiners.length * 2) * LINE + 12, ports * (2 * LINE + 6));

export function networkModel(s: EngineState): ViewModel {
  const lanes = lanesOf(s);
  const laneOfNet = new Map(lanes.map((l) => [l.net?.id ?? '', l]));
  const host = lanes[0];
  const nodes: VNode[] = [];
  const edges: VEdge[] = [];
  const text: TextItem[] = [];
  const laneText = new Map<string, TextItem>();
  for (const l of lanes) {
    const n = l.net;
    const item: TextItem = { text: !n || n.driver === 'host' ? `host dockerlings, ${HOST_IF.name} ${HOST_IF.ip}` : n.driver === 'null' ? 'network none (loopback only)' : `network ${n.name}: bridge ${n.bridge}, subnet ${n.ipam.config[0]?.Subnet ?? '—'}, gateway ${n.ipam.config[0]?.Gateway ?? '—'}`, children: [] };
    laneText.set(l.id, item);
    text.push(item);
  }
  let y = HEADER_H + GAP;
  for (const r of rowsOf(s)) {
    const c = r.members[0];
    const mode = c.hostConfig.NetworkMode;
    const up = live(c);
    const eps = Object.values(c.endpoints).sort((a, b) => (a.iface < b.iface ? -1 : 1));
    const home = mode === 'host' ? host : mode === 'none' ? lanes[lanes.length - 1] : (laneOfNet.get(eps[0]?.networkId ?? '') ?? host);
    const ports = up && r.members.length === 1 ? c.ports : [];
    const h = rowHeight(r, ports.length);
    const cls = up ? [] : ['stopped'];
    if (r.members.length > 1) {
      const names = r.members.map((m) => m.name);
      nodes.push({ id: r.key, kind: 'group', x: home.x + BOX_X, y, w: BOX_W, h, label: `${r.members.length} containers`, lines: [names.slice(0, 2).join(', ') + (names.length > 2 ? ', …' : ''), up ? 'running' : 'not running'], cls, facts: [['Containers', names.join(', ')]] });
      for (const ep of eps) {
        const l = laneOfNet.get(ep.networkId);
        if (l && l !== home) {
          nodes.push({ id: `${r.key}:${ep.networkId}`, kind: 'chip', x: l.x + BOX_X, y, w: BOX_W, h: 2 * LINE + 8, label: `${ep.iface} ×${r.members.length}`, lines: [up ? 'one address each' : '—'], cls });
          edges.push({ id: `e:${r.key}:${ep.networkId}`, points: [[home.x + BOX_X + BOX_W, y + LINE], [l.x + BOX_X, y + LINE]], cls });
        }
        if (l) edges.push({ id: `bus:${r.key}:${ep.networkId}`, points: [[l.x + 12, y + LINE], [l.x + BOX_X, y + LINE]], cls: ['veth', ...cls] });
      }
      laneText.get(home.id)!.children!.push({ text: `${r.members.length} containers (${up ? 'running' : 'not running'}): ${names.join(', ')}` });
      y += h + GAP;
      continue;
    }
    const first = eps.find((e) => laneOfNet.get(e.networkId) === home);
    // a stopped container's endpoint has no interface yet: name the network instead
    const addr = (ep: (typeof eps)[number]) => `${ep.iface || (laneOfNet.get(ep.networkId)?.net?.name ?? '')} ${up && ep.ip ? ep.ip : '—'}`;
    const lines = [`${c.state.status}${c.state.status === 'exited' ? ` (${c.state.exitCode})` : ''}`];
    if (mode === 'host') lines.push('shares the host network');
    else if (mode === 'none') lines.push('lo only');
    else if (first) lines.push(addr(first), up && first.veth ? `↔ ${first.veth}` : 'no veth');
    const boxH = h;
    nodes.push({ id: `c:${c.id}`, kind: r.joiners.length ? 'netns' : 'container', x: home.x + BOX_X, y, w: BOX_W, h: boxH, label: c.name, lines, cls, facts: containerFacts(s, c), inspect: `docker inspect ${c.name}` });
    r.joiners.forEach((j, i) => {
      nodes.push({ id: `c:${j.id}`, kind: 'container', x: home.x + BOX_X + 8, y: y + (4 + 2 * i) * LINE + 4, w: BOX_W - 16, h: 2 * LINE + 2, label: j.name, lines: [`${j.state.status}, joined`], cls: live(j) ? ['joined'] : ['joined', 'stopped'], facts: containerFacts(s, j), inspect: `docker inspect ${j.name}` });
    });
    const item: TextItem = { text: `container ${c.name} (${c.state.status})${mode === 'host' ? ', host network' : mode === 'none' ? ', no network' : ''}`, children: [] };
    for (const ep of eps) {
      const l = laneOfNet.get(ep.networkId);
      if (!l) continue;
      item.children!.push({ text: `${l.net?.name}: ${addr(ep)}${up && ep.veth ? `, veth ${ep.veth}` : ''}` });
      edges.push({ id: `veth:${c.id}:${ep.networkId}`, points: [[l.x + 12, y + LINE], [l.x + BOX_X, y + LINE]], cls: ['veth', ...cls] });
      if (l === home) continue;
      nodes.push({ id: `ep:${c.id}:${ep.networkId}`, kind: 'chip', x: l.x + BOX_X, y, w: BOX_W, h: 2 * LINE + 8, label: addr(ep), lines: [up && ep.veth ? `↔ ${ep.veth}` : 'no veth'], cls, facts: [['Network', l.net?.name ?? ''], ['Interface', ep.iface], ['IPAddress', up ? ep.ip : ''], ['MacAddress', up ? ep.mac : ''], ['veth', up ? (ep.veth ?? '') : '']] });
      edges.push({ id: `link:${c.id}:${ep.networkId}`, points: [[home.x + BOX_X + BOX_W, y + LINE + 4], [l.x + BOX_X, y + LINE + 4]], cls: ['link', ...cls] });
    }
    if (mode === 'host') edges.push({ id: `hostmode:${c.id}`, points: [[host.x + 12, y + LINE], [host.x + BOX_X, y + LINE]], cls: ['veth'] });
    for (const j of r.joiners) item.children!.push({ text: `${j.name} (${j.state.status}) shares ${c.name}'s network namespace` });
    ports.forEach((p, i) => {
      const py = y + i * (2 * LINE + 6);
      const ip = p.hostIp === '::' ? '[::]' : p.hostIp;
      nodes.push({ id: `port:${c.id}:${ip}:${p.hostPort}/${p.proto}`, kind: 'port', x: host.x + BOX_X, y: py, w: BOX_W, h: 2 * LINE + 2, label: `${ip}:${p.hostPort}`, lines: [`→ ${c.name}:${p.containerPort}/${p.proto}`], facts: [['HostIp', p.hostIp], ['HostPort', String(p.hostPort)], ['Container', `${c.name} ${p.containerPort}/${p.proto}`]], inspect: `docker port ${c.name}` });
      if (home !== host) edges.push({ id: `pub:${c.id}:${ip}:${p.hostPort}/${p.proto}`, points: [[host.x + BOX_X + BOX_W, py + LINE], [home.x + BOX_X, py + LINE]], cls: ['publish'] });
      item.children!.push({ text: `published ${ip}:${p.hostPort} → ${p.containerPort}/${p.proto}` });
    });
    laneText.get(home.id)!.children!.push(item);
    y += h + GAP;
  }
  const height = Math.max(y, HEADER_H + 80);
  nodes.unshift(...lanes.map((l) => laneNode(s, l, height)));
  nodes.splice(lanes.length, 0, { id: 'iptables', kind: 'iptables', x: host.x + BOX_X, y: HEADER_H - 30, w: BOX_W, h: 22, label: 'iptables', facts: [['Tables', 'filter, nat']], inspect: 'iptables -L -n -v' });
  return { kind: 'topology', width: lanes.length * LANE_W, height, nodes, edges, text };
}
