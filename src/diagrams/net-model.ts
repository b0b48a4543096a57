// The network view model: the host, docker0 and each br-* bridge as a lane with its subnet and gateway; containers
// in the lane of their first network (a chip on every other one), ports as sockets on the host lane, compose projects
// as one frame with their services. Positions come from net-layout.ts, pinned from the previous command's picture.
import type { Container, EngineState, Network } from '../engine/index';
import { allContainers, HOST_IF } from '../engine/index';
import { boxAt, COLS, HEADER_H, LANE_W, mountRoute, nextVolume, place, STRIP_H, VOL_H, VOLS, type Cell, type Lane, type Placement, type Want } from './net-layout';
import { homeNet, itemsOf, live, PROJECT, SERVICE, unprefixed, type Item, type Unit } from './net-items';
import type { Layout, TextItem, VEdge, VNode, ViewModel } from './view-types';

export { HEADER_H, LANE_W, type Lane } from './net-layout';
export { joinedTarget } from './net-items';

const BOX_X = 16; // a box's left edge inside its lane (the bridge's bus runs at x + 12)
const BOX_W = LANE_W - BOX_X - 3;
const LINE = 15;
const PORT_H = 2 * LINE + 6;
/** A compose frame's boxes sit this far inside it. */
const INSET = 6;
/** The room a compose frame keeps under it for one more service (a container's box in a frame and the gap to it). */
const SERVICE_ROOM = 2 * LINE + 12 + INSET;

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
const eps = (c: Container) => Object.values(c.endpoints).sort((a, b) => (a.iface < b.iface ? -1 : 1));
const range = (u: Unit) => (u.members.length > 2 ? `${u.members[0].name} … ${u.members[u.members.length - 1].name}` : u.members.map((m) => m.name).join(', '));

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

/** A cell's lane node: a network's lane (its continuation says so under its name), or the named volumes' column. */
function laneNode(l: Lane, c: Cell, y: number, height: number, vols: number): VNode {
  const base = { id: c.id, x: c.x, y, w: LANE_W, h: height };
  if (l.id === VOLS) return { ...base, kind: 'lane', label: 'volumes', lines: [`${vols} named`], cls: ['volumes'], facts: [['Volumes', String(vols)]], inspect: 'docker volume ls' };
  if (c.seg > 0) {
    const name = !l.net || l.net.driver === 'host' ? 'host' : l.net.driver === 'null' ? 'none' : l.net.name;
    return { ...base, kind: !l.net || l.net.driver === 'host' ? 'host' : 'lane', label: name, lines: ['continued'], cls: ['continued'] };
  }
  if (!l.net || l.net.driver === 'host') {
    return { ...base, kind: 'host', label: 'host', lines: ['dockerlings', `${HOST_IF.name} ${HOST_IF.ip}`], facts: [['Hostname', 'dockerlings'], ['Interface', `${HOST_IF.name} ${HOST_IF.ip}`]], inspect: 'docker network inspect host' };
  }
  const n = l.net;
  if (n.driver === 'null') return { ...base, kind: 'lane', label: 'none', lines: ['no network', 'loopback only'], cls: ['none'], facts: laneFacts(n), inspect: 'docker network inspect none' };
  const cfg = n.ipam.config[0];
  return { ...base, kind: 'lane', label: n.name, lines: [n.bridge, cfg?.Subnet ?? '', cfg?.Gateway ? `gw ${cfg.Gateway}` : ''].filter(Boolean), cls: n.internal ? ['internal'] : undefined, facts: laneFacts(n), inspect: `docker network inspect ${n.name}` };
}

function containerFacts(c: Container): [string, string][] {
  const e = Object.entries(c.endpoints).map(([name, ep]) => [`${name}`, `${ep.iface || '—'} ${live(c) && ep.ip ? ep.ip : '—'}${ep.veth && live(c) ? ` ↔ ${ep.veth}` : ''}`] as [string, string]);
  return [['ID', short(c.id)], ['Image', c.config.Image ?? short(c.imageId)], ['Status', c.state.status], ['NetworkMode', c.hostConfig.NetworkMode], ...e, ...c.ports.map((p) => ['Port', `${p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.proto}`] as [string, string])];
}

/** The box of the containers joined to a namespace, inside its owner's box: their name (or names) and "joined". */
const JOIN_H = 2 * LINE + 4;
/** Where that box starts inside its owner's: under the owner's name and one line. */
const JOIN_Y = 2 * LINE + 6;
/** A unit's box height: a group is two lines; a container four (two in a compose frame). A container's box keeps its
 *  height when containers join its namespace (its lines make room for their box), so nothing around it moves; in a
 *  compose frame, whose services arrive together, a joined box adds its own height. */
const unitH = (u: Unit, framed: boolean) => (u.members.length > 1 ? 2 * LINE + 10 : framed ? 2 * LINE + 12 + (u.joiners.length ? JOIN_H - 2 : 0) : 4 * LINE + 12);
const portsOf = (u: Unit) => (u.members.length === 1 && live(u.members[0]) ? u.members[0].ports : []);
const frameHead = (it: Extract<Item, { kind: 'project' }>) => (2 + (it.volumes.length ? 1 : 0)) * LINE + 8;
const itemH = (it: Item) => (it.kind === 'unit' ? unitH(it.unit, false) : frameHead(it) + it.services.reduce((a, sv) => a + unitH(sv.unit, true) + INSET, 0));

/** Where the layout is remembered: each state's placement per layout (columns, generation), made once (engine states
 *  are frozen). A new generation (Tidy) or another column count starts from a compact layout of the state before. */
const placements = new WeakMap<EngineState, Map<string, Placement>>();
export const DEFAULT_LAYOUT: Layout = { cols: COLS, gen: 0 };
const layoutKey = (o: Layout) => `${o.cols}:${o.gen}`;

/** The lane of a network ID (or host/none). */
function laneFor(p: Placement, net: string): Lane | undefined {
  for (const l of p.lanes.values()) if (l.id !== VOLS && (net === 'host' && (!l.net || l.net.driver === 'host')) || (net === 'none' && l.net?.driver === 'null') || l.net?.id === net) return l;
  return undefined;
}

/** The boxes to place: each item in its home lane, its published ports on the host lane, then its chips. */
function wantsOf(s: EngineState, items: Item[]): Want[] {
  const byDriver = (d: Network['driver']) => Object.values(s.networks).find((n) => n.driver === d);
  const host = byDriver('host') ? `net:${byDriver('host')!.id}` : 'net:host';
  const netLane = (id: string) => (id === 'host' ? host : id === 'none' ? `net:${byDriver('null')?.id}` : `net:${id}`);
  const out: Want[] = [];
  for (const it of items) {
    const units = it.kind === 'unit' ? [it.unit] : it.services.map((sv) => sv.unit);
    const ports = units.reduce((a, u) => a + portsOf(u).length, 0);
    const home = netLane(homeNet(it.home));
    // a compose frame keeps room under it for one more service: `compose run` or a service added to the file later
    // grows the frame in place
    out.push({ key: it.key, lane: home, h: itemH(it), tightens: it.key.startsWith('group:'), reserve: it.kind === 'project' ? SERVICE_ROOM : 0, takes: units.map((u) => `${u.key}@${homeNet(it.home)}`) });
    // published ports: sockets on the host lane, level with the item when there is room
    if (ports && home !== host) out.push({ key: `ports:${it.key}`, lane: host, h: ports * PORT_H - 6, near: it.key });
    for (const u of units) {
      for (const ep of eps(u.members[0])) {
        const lane = netLane(ep.networkId);
        if (lane !== home) out.push({ key: `${u.key}@${ep.networkId}`, lane, h: (u.members.length > 1 ? 2 : 3) * LINE + 8, near: it.key });
      }
    }
  }
  return out;
}

/** The placement of `s`, pinned to `prev`'s when `prev` was laid out before (else compact). */
export function placementOf(s: EngineState, prev: EngineState | null = null, o: Layout = DEFAULT_LAYOUT): Placement {
  const per = placements.get(s) ?? placements.set(s, new Map()).get(s)!;
  const hit = per.get(layoutKey(o));
  if (hit) return hit;
  // pinned to the state before only when that one was laid out (shown) under this layout: after a Tidy or a turn of
  // the phone, the state shown is laid out afresh, and the commands after it are pinned to that
  const pins = prev && prev !== s ? (placements.get(prev)?.get(layoutKey(o)) ?? null) : null;
  const p = place(s, wantsOf(s, itemsOf(s)), pins, o.cols);
  per.set(layoutKey(o), p);
  return p;
}

/** The lanes as drawn for `s` (host first, then the bridges), each with its place: for drawings laid over this one. */
export function lanesOf(s: EngineState, o: Layout = DEFAULT_LAYOUT): (Lane & { y: number; h: number })[] {
  const p = placementOf(s, null, o);
  return [...p.lanes.values()].filter((l) => l.id !== VOLS).sort((a, b) => a.slot - b.slot).map((l) => ({ ...l, y: p.bands[l.band].y, h: p.bands[l.band].h }));
}

export function networkModel(s: EngineState, prev: EngineState | null = null, o: Layout = DEFAULT_LAYOUT): ViewModel {
  const p = placementOf(s, prev, o);
  const items = itemsOf(s);
  const lanes = [...p.lanes.values()].filter((l) => l.id !== VOLS);
  const host = lanes.find((l) => !l.net || l.net.driver === 'host')!;
  const nodes: VNode[] = [];
  const edges: VEdge[] = [];
  const laneText = new Map<string, TextItem>();
  for (const l of [...lanes].sort((a, b) => a.slot - b.slot)) {
    const n = l.net;
    laneText.set(l.id, { text: !n || n.driver === 'host' ? `host dockerlings, ${HOST_IF.name} ${HOST_IF.ip}` : n.driver === 'null' ? 'network none (loopback only)' : `network ${n.name}: bridge ${n.bridge}, subnet ${n.ipam.config[0]?.Subnet ?? '—'}, gateway ${n.ipam.config[0]?.Gateway ?? '—'}`, children: [] });
  }
  for (const it of items) {
    const home = laneFor(p, homeNet(it.home)) ?? host;
    // the item's cell: its lane's, or a continuation of it
    const cell = boxAt(p, it.key);
    const y0 = cell.y;
    const x0 = cell.x + BOX_X;
    const units = it.kind === 'unit' ? [{ unit: it.unit, x: x0, y: y0, w: BOX_W }] : [];
    let textOf: TextItem[] = laneText.get(home.id)!.children!;
    if (it.kind === 'project') {
      const nets = it.networks.map((id) => s.networks[id]?.name ?? short(id));
      const head = [`nets ${nets.map((n) => unprefixed(it.name, n)).join(', ')}`, ...(it.volumes.length ? [`vols ${it.volumes.map((v) => unprefixed(it.name, v)).join(', ')}`] : [])];
      const svcText = it.services.map((sv) => `${sv.name}${sv.unit.members.length > 1 ? ` ×${sv.unit.members.length}` : ''}`);
      nodes.push({ id: it.key, kind: 'project', x: x0 - 2, y: y0, w: BOX_W + 4, h: itemH(it), label: clip(it.name, 14), lines: head.map((h) => clip(h, 15)), facts: [['Project', it.name], ['Services', svcText.join(', ')], ['Networks', nets.join(', ')], ['Volumes', it.volumes.join(', ') || '—']], inspect: `docker compose -p ${it.name} ps` });
      const frame: TextItem = { text: `compose project ${it.name}: services ${svcText.join(', ')}; networks ${nets.join(', ')}${it.volumes.length ? `; volumes ${it.volumes.join(', ')}` : ''}`, children: [] };
      textOf.push(frame);
      textOf = frame.children!;
      let y = y0 + frameHead(it);
      for (const sv of it.services) {
        units.push({ unit: sv.unit, x: x0 + INSET, y, w: BOX_W - 2 * INSET + 2 });
        y += unitH(sv.unit, true) + INSET;
      }
    }
    const framed = it.kind === 'project';
    // published ports: on the host lane where they were placed
    const portCell = p.at.has(`ports:${it.key}`) ? boxAt(p, `ports:${it.key}`) : { x: host.x, y: y0, band: host.band };
    let py = portCell.y;
    for (const { unit: u, x, y, w } of units) {
      const c = u.members[0];
      const up = live(c);
      const cls = up ? [] : ['stopped'];
      const mode = c.hostConfig.NetworkMode;
      const h = unitH(u, framed);
      const addr = (ep: ReturnType<typeof eps>[number]) => `${ep.iface || (s.networks[ep.networkId]?.name ?? '')} ${up && ep.ip ? ep.ip : '—'}`;
      const chipOf = (netId: string) => {
        const l = laneFor(p, netId);
        return l && l !== home ? { l, ...boxAt(p, `${u.key}@${netId}`) } : null;
      };
      if (u.members.length > 1) {
        const names = u.members.map((m) => m.name);
        const label = framed ? `${clip(c.config.Labels?.[SERVICE] ?? c.name, 10)} ×${names.length}` : clip(range(u), 13);
        nodes.push({ id: u.key, kind: 'group', x, y, w, h, members: u.members.map((m) => `c:${m.id}`), label, lines: [framed ? clip(`${names[0]} … ${names[names.length - 1].replace(/^.*-(?=\d+$)/, '')}`, 15) : `${names.length} ${up ? 'running' : 'not running'}`], cls, facts: u.members.map((m) => [m.name, eps(m).map((ep) => `${ep.iface || '—'} ${live(m) && ep.ip ? ep.ip : '—'}`).join(', ') || m.hostConfig.NetworkMode] as [string, string]), inspect: framed ? `docker compose -p ${c.config.Labels?.[PROJECT]} ps -a ${c.config.Labels?.[SERVICE]}` : `docker ps -a --filter network=${s.networks[eps(c)[0]?.networkId ?? '']?.name ?? mode}` });
        for (const ep of eps(c)) {
          const l = laneFor(p, ep.networkId);
          if (!l) continue;
          const chip = chipOf(ep.networkId);
          const cy = chip?.y ?? y;
          const bus = chip ? chip.x : cell.x;
          edges.push({ id: `bus:${u.key}:${ep.networkId}`, points: [[bus + 12, cy + LINE], [chip ? bus + BOX_X : x, cy + LINE]], cls: ['veth', ...cls] });
          if (!chip) continue;
          nodes.push({ id: `${u.key}:${ep.networkId}`, kind: 'chip', x: chip.x + BOX_X, y: chip.y, w: BOX_W, h: 2 * LINE + 8, label: `${ep.iface} ×${names.length}`, lines: [up ? 'one address each' : '—'], cls });
          if (chip.band === cell.band) edges.push({ id: `e:${u.key}:${ep.networkId}`, points: elbow([x + w, y + LINE], [chip.x + BOX_X, chip.y + LINE], chip.x + 6), cls });
        }
        textOf.push({ text: `${names.length} containers (${up ? 'running' : 'not running'}): ${names.join(', ')}` });
        continue;
      }
      const lines = [`${c.state.status}${c.state.status === 'exited' ? ` (${c.state.exitCode})` : ''}`];
      const first = eps(c).find((e) => laneFor(p, e.networkId) === home);
      if (mode === 'host') lines.push('host network');
      else if (mode === 'none') lines.push('lo only');
      else if (first) lines.push(addr(first), up && first.veth ? `↔ ${first.veth}` : 'no veth');
      // in a compose frame, or with containers joined to it, a container shows one line: its address (or its mode, or
      // its state when it has no address)
      const one = mode === 'host' || mode === 'none' ? lines[1] : up && first?.ip ? (framed ? first.ip : addr(first)) : lines[0];
      const shown = framed || u.joiners.length ? [one] : lines;
      nodes.push({ id: `c:${c.id}`, kind: u.joiners.length ? 'netns' : 'container', x, y, w, h, label: clip(c.name, framed ? 13 : 15), lines: shown, cls, facts: containerFacts(c), inspect: `docker inspect ${c.name}` });
      if (u.joiners.length) nodes.push(joinedBox(u.joiners, x + 8, y + JOIN_Y, w - 16));
      const item: TextItem = { text: `container ${c.name} (${c.state.status})${mode === 'host' ? ', host network' : mode === 'none' ? ', no network' : ''}`, children: [] };
      for (const ep of eps(c)) {
        const l = laneFor(p, ep.networkId);
        if (!l) continue;
        item.children!.push({ text: `${l.net?.name}: ${addr(ep)}${up && ep.veth ? `, veth ${ep.veth}` : ''}` });
        const chip = chipOf(ep.networkId);
        if (!chip) {
          edges.push({ id: `veth:${c.id}:${ep.networkId}`, points: [[cell.x + 12, y + LINE], [x, y + LINE]], cls: ['veth', ...cls] });
          continue;
        }
        edges.push({ id: `veth:${c.id}:${ep.networkId}`, points: [[chip.x + 12, chip.y + LINE], [chip.x + BOX_X, chip.y + LINE]], cls: ['veth', ...cls] });
        const other = chip.band !== cell.band;
        nodes.push({ id: `ep:${c.id}:${ep.networkId}`, kind: 'chip', x: chip.x + BOX_X, y: chip.y, w: BOX_W, h: 3 * LINE + 8, label: clip(c.name, 15), lines: [addr(ep), up && ep.veth ? `↔ ${ep.veth}` : 'no veth'], cls, facts: [['Container', c.name], ['Network', l.net?.name ?? ''], ['Interface', ep.iface], ['IPAddress', up ? ep.ip : ''], ['MacAddress', up ? ep.mac : ''], ['veth', up ? (ep.veth ?? '') : '']] });
        if (!other) edges.push({ id: `link:${c.id}:${ep.networkId}`, points: elbow([x + w, y + LINE + 4], [chip.x + BOX_X, chip.y + LINE + 4], chip.x + 6), cls: ['link', ...cls] });
      }
      if (mode === 'host') edges.push({ id: `hostmode:${c.id}`, points: [[cell.x + 12, y + LINE], [x, y + LINE]], cls: ['veth'] });
      for (const j of u.joiners) item.children!.push({ text: `${j.name} (${j.state.status}) shares ${c.name}'s network namespace` });
      const ports = portsOf(u);
      ports.forEach((pt) => {
        const ip = pt.hostIp === '::' ? '[::]' : pt.hostIp;
        nodes.push({ id: `port:${c.id}:${ip}:${pt.hostPort}/${pt.proto}`, kind: 'port', x: portCell.x + BOX_X, y: py, w: BOX_W, h: 2 * LINE + 2, label: `${ip}:${pt.hostPort}`, lines: [clip(`→ ${c.name}:${pt.containerPort}/${pt.proto}`, 15)], facts: [['HostIp', pt.hostIp], ['HostPort', String(pt.hostPort)], ['Container', `${c.name} ${pt.containerPort}/${pt.proto}`]], inspect: `docker port ${c.name}` });
        if (home !== host && portCell.band === cell.band) edges.push({ id: `pub:${c.id}:${ip}:${pt.hostPort}/${pt.proto}`, points: elbow([portCell.x + BOX_X + BOX_W, py + LINE], [x, y + LINE], cell.x + 6), cls: ['publish'] });
        item.children!.push({ text: `published ${ip}:${pt.hostPort} → ${pt.containerPort}/${pt.proto}` });
        py += PORT_H;
      });
      textOf.push(item);
    }
  }
  volumes(s, p, nodes, edges);
  const vols = Object.keys(s.volumes ?? {});
  // the volumes in a strip of their own (a row opened for them) have no column drawn around them
  const laneNodes = [...p.cells.values()].filter((c) => p.bands[c.band].header !== STRIP_H).sort((a, b) => a.slot - b.slot).map((c) => laneNode(p.lanes.get(c.lane)!, c, p.bands[c.band].y, p.bands[c.band].h, vols.length));
  nodes.unshift(...laneNodes);
  nodes.splice(laneNodes.length, 0, { id: 'iptables', kind: 'iptables', x: host.x + BOX_X, y: HEADER_H - 30, w: BOX_W, h: 22, label: 'iptables', facts: [['Tables', 'filter, nat']], inspect: 'iptables -L -n -v' });
  const volText: TextItem[] = vols.length ? [{ text: `volumes: ${vols.length}`, children: vols.map((v) => ({ text: `volume ${v}${mountsOf(s, v).length ? `: mounted by ${mountsOf(s, v).map((m) => `${m.c.name} at ${m.path}`).join(', ')}` : ', not mounted'}` })) }] : [];
  return { kind: 'topology', width: p.width, height: p.height, nodes, edges, text: [...laneText.values(), ...volText], strip: nextVolume(p) };
}

/** The containers joined to a namespace, in one box inside its owner's: one joined container as itself, several as a
 *  group with a count (each listed in its facts). Its ID is the first joiner's, so it keeps its place as others join. */
function joinedBox(js: Container[], x: number, y: number, w: number): VNode {
  const j = js[0];
  const base = { id: `c:${j.id}`, x, y, w, h: JOIN_H };
  if (js.length === 1) return { ...base, kind: 'container', label: clip(j.name, 13), lines: [live(j) ? 'joined' : `${j.state.status}, joined`], cls: live(j) ? ['joined'] : ['joined', 'stopped'], facts: containerFacts(j), inspect: `docker inspect ${j.name}` };
  const up = js.filter(live).length;
  const names = js.map((c) => c.name);
  return { ...base, kind: 'group', members: js.map((c) => `c:${c.id}`), label: clip(names.length > 2 ? `${names[0]} … ${names[names.length - 1]}` : names.join(', '), 13), lines: [`${js.length} joined${up < js.length ? `, ${up} up` : ''}`], cls: up ? ['joined'] : ['joined', 'stopped'], facts: js.map((c) => [c.name, `${c.state.status}, joined`] as [string, string]), inspect: `docker inspect ${names.join(' ')}` };
}

/** The containers mounting volume `v`, and where. */
function mountsOf(s: EngineState, v: string): { c: Container; path: string }[] {
  return allContainers(s).flatMap((c) => c.mounts.filter((m) => m.type === 'volume' && m.name === v).map((m) => ({ c, path: m.destination })));
}

/** Named volumes: a box each in the volumes column, listing its mounts, and a dotted link from each container (or the box
 *  that stands for it) that mounts it. */
function volumes(s: EngineState, p: Placement, nodes: VNode[], edges: VEdge[]) {
  const boxOf = new Map<string, VNode>();
  for (const n of nodes) if (n.kind === 'container' || n.kind === 'netns') boxOf.set(n.id, n);
  // a container collapsed into a group (or a compose service) links from the group's box
  for (const n of nodes) if (n.kind === 'group') for (const [name] of n.facts ?? []) {
    const c = allContainers(s).find((x) => x.name === name);
    if (c && !boxOf.has(`c:${c.id}`)) boxOf.set(`c:${c.id}`, n);
  }
  for (const v of Object.keys(s.volumes ?? {})) {
    const { x, y, band } = boxAt(p, `vol:${v}`);
    const ms = mountsOf(s, v);
    const lines = ms.length ? ms.slice(0, 2).map((m) => clip(`${m.c.name}:${m.path}`, 17)) : ['not mounted'];
    if (ms.length > 2) lines[1] = `+${ms.length - 1} more`;
    nodes.push({ id: `vol:${v}`, kind: 'volume', x: x + BOX_X, y, w: BOX_W, h: VOL_H, label: clip(v, 15), lines, facts: [['Name', v], ['Driver', s.volumes[v].driver], ...ms.map((m) => ['Mount', `${m.c.name} → ${m.path}`] as [string, string])], inspect: `docker volume inspect ${v}` });
    const seen = new Set<string>();
    for (const m of ms) {
      const b = boxOf.get(`c:${m.c.id}`);
      if (!b || seen.has(b.id)) continue;
      seen.add(b.id);
      edges.push({ id: `mount:${b.id}:${v}`, points: mountRoute(b, { x: x + BOX_X, y, w: BOX_W, h: VOL_H }, p.bands[band]), cls: ['mount', ...(live(m.c) ? [] : ['stopped'])] });
    }
  }
}

/** A link from `a` to `b`: straight when level, else across at `a`'s height, down at `midX`, and on to `b`. */
function elbow(a: [number, number], b: [number, number], midX: number): [number, number][] {
  return a[1] === b[1] ? [a, b] : [a, [midX, a[1]], [midX, b[1]], b];
}
