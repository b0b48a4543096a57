// A target picture drawn over a live view model: outlines around the live parts that match (solid) or differ (dashed),
// and faded dashed boxes where missing parts would go. Placed from the live model's own boxes (by node ID), so it
// follows whatever layout the view uses; missing lanes go to the right, missing volumes where the next volume would go
// (the volumes column's free places), missing containers in rows below everything.
import type { EngineState } from '../engine/index';
import { allContainers, containerById } from '../engine/index';
import type { Target, TargetContainer } from '../lessons/target';
import { matchTarget, type PartResult, type TargetReport } from '../lessons/target-match';
import { imageId } from '../lessons/check-kit';
import type { Lang, Text } from '../lessons/format';
import type { TextItem, VNode, ViewModel } from './view-types';
import { mountRoute } from './net-layout';

export interface GhostNode {
  id: string;
  kind: 'lane' | 'container' | 'chip' | 'port' | 'image' | 'volume';
  x: number;
  y: number;
  w: number;
  h: number;
  /** Drawn only for missing parts (a present part's own box says its name). */
  label: string;
  lines: string[];
  met: boolean;
  present: boolean;
}

export interface GhostEdge {
  id: string;
  points: [number, number][];
  met: boolean;
}

export interface TargetOverlay {
  nodes: GhostNode[];
  edges: GhostEdge[];
  /** The drawing's extent with the ghosts (at least the live model's). */
  width: number;
  height: number;
}

/** What the picture and the page get for a target: whether it is met, the overlay of the view shown, the outline. */
export interface TargetView {
  met: boolean;
  /** How many of the target's parts match, of how many. */
  parts: { met: number; all: number };
  overlay: TargetOverlay | null;
  text: Record<Lang, TextItem[]>;
}

const OUT = 4; // a live box's outline sits this far outside it
const LINE = 15;
const GAP = 14;
const VOL_H = 52;

const outline = (n: VNode, id: string, p: PartResult, kind: GhostNode['kind'], out = OUT): GhostNode => ({ id, kind, x: n.x - out, y: n.y - out, w: n.w + 2 * out, h: n.h + 2 * out, label: p.name, lines: [], met: p.met, present: true });

/** What a missing container's ghost says: image, a state other than running, its first network (and pinned address). */
function containerLines(tc: TargetContainer): string[] {
  const first = tc.networks?.[0];
  const net = tc.networkMode ? [tc.networkMode] : first ? [first.network, first.ip ?? ''] : [];
  return [tc.image ?? '', tc.state === 'running' ? '' : tc.state, ...net].filter(Boolean).slice(0, 4);
}

function topology(model: ViewModel, s: EngineState, t: Target, r: TargetReport): TargetOverlay {
  const nodes: GhostNode[] = [];
  const edges: GhostEdge[] = [];
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const host = model.nodes.find((n) => n.kind === 'host');
  const laneW = host?.w ?? 150;
  const lanes = new Map<string, { x: number; w: number; y?: number; h?: number }>();
  for (const net of Object.values(s.networks)) {
    const n = byId.get(`net:${net.id}`);
    if (n) lanes.set(net.name, n);
  }
  if (host) lanes.set('host', host);
  const part = (kind: PartResult['kind'], name: string) => r.parts.find((p) => p.kind === kind && p.name === name)!;
  let right = model.width;
  const newLanes: GhostNode[] = [];
  for (const tn of t.networks) {
    const p = part('network', tn.name);
    const live = lanes.get(tn.name);
    // a live lane keeps its own row (lanes wrap in rows): the ghost covers just that lane
    const row = live?.h ? { y: live.y ?? 0, h: live.h } : { y: 0, h: model.height };
    if (live) nodes.push({ id: `t:net:${tn.name}`, kind: 'lane', x: live.x, y: row.y, w: live.w, h: row.h, label: tn.name, lines: [], met: p.met, present: true });
    else {
      const g: GhostNode = { id: `t:net:${tn.name}`, kind: 'lane', x: right, y: 0, w: laneW, h: 0, label: tn.name, lines: [tn.subnet ?? '', tn.driver].filter(Boolean), met: false, present: false };
      newLanes.push(g);
      lanes.set(tn.name, g);
      right += laneW;
    }
  }
  const lane = (name: string) => {
    const l = lanes.get(name);
    if (l) return l;
    // a network the target's containers use without declaring it: a lane of its own too
    const g: GhostNode = { id: `t:net:${name}`, kind: 'lane', x: right, y: 0, w: laneW, h: 0, label: name, lines: [], met: false, present: false };
    newLanes.push(g);
    lanes.set(name, g);
    right += laneW;
    return g;
  };
  const boxX = (l: { x: number }) => l.x + 22;
  const boxW = laneW - 28;
  // missing volumes go where the next volumes would; missing containers in rows below everything
  const strip = volumeSlots(model, t, r, part, nodes, laneW);
  let y = Math.max(model.height, strip.bottom) + GAP;
  const boxes = new Map<string, { x: number; y: number; w: number; h: number }>();
  // a container collapsed into a group (alike containers, a compose service's replicas) has the group's box: one outline
  // around it for all the target's containers in it, met when every one of them is
  const groupOf = new Map<string, VNode>();
  for (const n of model.nodes) if (n.kind === 'group' && n.mark !== 'removed') for (const [name] of n.facts ?? []) groupOf.set(name, n);
  const groups = new Map<string, { box: VNode; parts: PartResult[] }>();
  for (const tc of t.containers) {
    const p = part('container', tc.name);
    const c = allContainers(s).find((x) => x.name === tc.name);
    const own = c ? byId.get(`c:${c.id}`) : undefined;
    const group = !own && c ? groupOf.get(c.name) : undefined;
    const live = own ?? group;
    const unmet = (key: string) => p.sub.some((x) => x.key === key && !x.met);
    let rowY: number;
    let home: { x: number };
    let right0: number;
    if (group) {
      const g = groups.get(group.id) ?? groups.set(group.id, { box: group, parts: [] }).get(group.id)!;
      g.parts.push(p);
    }
    if (live) {
      if (own) nodes.push(outline(own, `t:c:${tc.name}`, p, 'container'));
      boxes.set(tc.name, live);
      rowY = live.y;
      home = { x: live.x - 22 };
      right0 = live.x + live.w;
    } else {
      const mode = tc.networkMode;
      const joined = mode?.startsWith('container:') ? allContainers(s).find((x) => x.name === mode.slice(10)) : undefined;
      const joinedBox = joined ? byId.get(`c:${joined.id}`) : undefined;
      home = mode === 'host' ? lane('host') : mode === 'none' ? lane('none') : joinedBox ? { x: joinedBox.x - 22 } : lane(tc.networks?.[0]?.network ?? 'bridge');
      const lines = containerLines(tc);
      const h = Math.max(3, lines.length + 1) * LINE + 12;
      nodes.push({ id: `t:c:${tc.name}`, kind: 'container', x: boxX(home), y, w: boxW, h, label: tc.name, lines, met: false, present: false });
      boxes.set(tc.name, { x: boxX(home), y, w: boxW, h });
      rowY = y;
      right0 = boxX(home) + boxW;
      y += h + GAP;
    }
    // the networks it should be on but is not: a chip in that lane, linked to the container
    for (const a of tc.networks ?? []) {
      const l = lane(a.network);
      if ((live && !unmet(`net:${a.network}`)) || l.x === home.x) continue;
      nodes.push({ id: `t:ep:${tc.name}:${a.network}`, kind: 'chip', x: boxX(l), y: rowY, w: boxW, h: 2 * LINE + 8, label: `${tc.name} ${a.ip ?? ''}`.trim(), lines: [a.network], met: false, present: false });
      edges.push({ id: `t:link:${tc.name}:${a.network}`, points: [[right0, rowY + LINE + 8], [boxX(l), rowY + LINE + 8]], met: false });
    }
    // the ports it should publish but does not: a socket on the host's edge
    const hostLane = lanes.get('host');
    const missingPorts = (tc.ports ?? []).filter((pt) => !live || unmet(`port:${pt.spec}`));
    const shown = live ? (c?.ports.length ?? 0) : 0;
    missingPorts.forEach((pt, i) => {
      if (!hostLane) return;
      const py = rowY + (shown + i) * (2 * LINE + 6);
      // `*:80`: any host address will do (docker's default binds every one)
      nodes.push({ id: `t:port:${tc.name}:${pt.spec}`, kind: 'port', x: boxX(hostLane), y: py, w: boxW, h: 2 * LINE + 6, label: pt.hostIp ? `${pt.hostIp}:${pt.hostPort}` : `*:${pt.hostPort}`, lines: [`→ ${tc.name}:${pt.containerPort}/${pt.proto}`], met: false, present: false });
      if (hostLane.x !== home.x) edges.push({ id: `t:pub:${tc.name}:${pt.spec}`, points: [[boxX(hostLane) + boxW, py + LINE], [boxX(home), py + LINE]], met: false });
      y = Math.max(y, py + 2 * LINE + 6 + GAP);
    });
  }
  for (const [id, g] of groups) {
    const met = g.parts.every((q) => q.met);
    nodes.push(outline(g.box, `t:group:${id}`, { ...g.parts[0], name: g.parts.map((q) => q.name).join(', '), met }, 'container'));
  }
  mountLinks(model, t, part, strip.vols, boxes, edges);
  const height = Math.max(model.height, strip.bottom, y - GAP);
  for (const g of newLanes) g.h = height;
  return { nodes: [...newLanes, ...nodes], edges, width: Math.max(model.width, right, strip.right), height };
}

type Box = { x: number; y: number; w: number; h: number };

/** The volumes the target wants that are not there: named by it, or by a mount it asks of a container that lacks it. */
function missingVolumes(t: Target, part: (kind: PartResult['kind'], name: string) => PartResult, live: (name: string) => boolean): string[] {
  const out = t.volumes.map((v) => v.name).filter((v) => !live(v));
  for (const tc of t.containers) {
    const p = part('container', tc.name);
    for (const m of tc.mounts ?? []) {
      if (m.source.startsWith('/') || live(m.source) || out.includes(m.source)) continue; // a bind mount: no volume to draw
      if (p.present && !p.sub.some((s) => s.key === `mount:${m.source}:${m.destination}` && !s.met)) continue;
      out.push(m.source);
    }
  }
  return out;
}

/** Volumes: an outline around each live volume the target names, and a faded box for each missing one in the volumes
 *  column's first free place (where `docker volume create` would put it). */
function volumeSlots(model: ViewModel, t: Target, r: TargetReport, part: (kind: PartResult['kind'], name: string) => PartResult, nodes: GhostNode[], laneW: number): { vols: Map<string, Box>; bottom: number; right: number } {
  const byId = new Map(model.nodes.map((n) => [n.id, n]));
  const vols = new Map<string, Box>();
  for (const tv of t.volumes) {
    const live = byId.get(`vol:${tv.name}`);
    if (live) {
      nodes.push(outline(live, `t:vol:${tv.name}`, part('volume', tv.name), 'volume'));
      vols.set(tv.name, live);
    }
  }
  for (const n of model.nodes) if (n.kind === 'volume' && n.mark !== 'removed') vols.set(n.label, vols.get(n.label) ?? n);
  const missing = missingVolumes(t, part, (v) => byId.has(`vol:${v}`));
  const lanesBottom = Math.max(0, ...model.nodes.filter((n) => n.kind === 'lane' || n.kind === 'host').map((n) => n.y + n.h));
  const strip = model.strip ?? { x: 0, y: lanesBottom + 8, step: VOL_H + GAP };
  const taken = model.nodes.filter((n) => n.kind === 'volume' && n.mark !== 'removed');
  let bottom = 0;
  let right = 0;
  let slot = 0;
  for (const name of missing) {
    const at = () => ({ x: strip.x + 16, y: strip.y + slot * strip.step });
    while (taken.some((n) => n.x === at().x && n.y === at().y)) slot++;
    const { x, y } = at();
    const p = r.parts.find((q) => q.kind === 'volume' && q.name === name);
    const g: GhostNode = { id: `t:vol:${name}`, kind: 'volume', x, y, w: laneW - 19, h: VOL_H, label: name, lines: ['volume'], met: false, present: p?.present ?? false };
    nodes.push(g);
    vols.set(name, g);
    bottom = Math.max(bottom, y + VOL_H);
    right = Math.max(right, x + laneW - 16);
    slot++;
  }
  return { vols, bottom, right };
}

/** A dashed link for each mount a container lacks, from its box (live or ghost) to the volume's. */
function mountLinks(model: ViewModel, t: Target, part: (kind: PartResult['kind'], name: string) => PartResult, vols: Map<string, Box>, boxes: Map<string, Box>, edges: GhostEdge[]) {
  // the row a volume is drawn in: the lane node under it, or (in a row not drawn yet) just around it
  const rowOf = (v: Box) => model.nodes.find((n) => (n.kind === 'lane' || n.kind === 'host') && n.x <= v.x && v.x < n.x + n.w && n.y <= v.y && v.y < n.y + n.h) ?? { y: v.y - 2 * GAP, h: v.h + 3 * GAP };
  for (const tc of t.containers) {
    const p = part('container', tc.name);
    const box = boxes.get(tc.name);
    for (const m of tc.mounts ?? []) {
      if (m.source.startsWith('/')) continue;
      if (p.present && !p.sub.some((s) => s.key === `mount:${m.source}:${m.destination}` && !s.met)) continue;
      const v = vols.get(m.source);
      if (!box || !v) continue;
      edges.push({ id: `t:mount:${tc.name}:${m.source}:${m.destination}`, points: mountRoute(box, v, rowOf(v)), met: false });
    }
  }
}

function layers(model: ViewModel, s: EngineState, t: Target, r: TargetReport): TargetOverlay {
  const nodes: GhostNode[] = [];
  const sample = model.nodes.find((n) => n.kind === 'image');
  const w = sample?.w ?? 150;
  const h = sample?.h ?? 40;
  let x = 0;
  const y = model.height + GAP;
  for (const ti of t.images) {
    const p = r.parts.find((q) => q.kind === 'image' && q.name === ti.ref)!;
    const id = imageId(s, ti.ref);
    const live = id ? model.nodes.find((n) => n.id === `img:${id}`) : undefined;
    if (live) nodes.push(outline(live, `t:img:${ti.ref}`, p, 'image'));
    else {
      nodes.push({ id: `t:img:${ti.ref}`, kind: 'image', x, y, w, h, label: ti.ref, lines: ti.sameAs ? [`= ${ti.sameAs}`] : [], met: p.met, present: p.present });
      x += w + GAP;
    }
  }
  return { nodes, edges: [], width: Math.max(model.width, x), height: Math.max(model.height, x > 0 ? y + h + GAP : 0) };
}

/** The overlay of `target` on the live `model` (Network and Layers views; the packet view draws none). */
export function targetOverlay(model: ViewModel, s: EngineState, t: Target, r: TargetReport): TargetOverlay | null {
  if (model.kind === 'topology' && (t.networks.length || t.containers.length || t.volumes.length)) return topology(model, s, t, r);
  if (model.kind === 'layers' && t.images.length) return layers(model, s, t, r);
  return null;
}

const WORDS: Record<Lang, { kinds: Record<PartResult['kind'], string>; met: string; missing: string; differs: string; title: (met: number, all: number) => string }> = {
  en: { kinds: { network: 'network', container: 'container', image: 'image', volume: 'volume' }, met: 'matches', missing: 'missing', differs: 'differs', title: (m, a) => (m === a ? `Target: all ${a} parts match` : `Target: ${m} of ${a} parts match`) },
  zh: { kinds: { network: '网络', container: '容器', image: '镜像', volume: '卷' }, met: '符合', missing: '缺少', differs: '不符', title: (m, a) => (m === a ? `目标：全部 ${a} 项都符合` : `目标：${a} 项中有 ${m} 项符合`) },
};

/** The target as an outline for screen readers: each part, whether it matches, and what differs. */
export function targetText(r: TargetReport, lang: Lang): TextItem[] {
  const w = WORDS[lang];
  const sep = lang === 'zh' ? '：' : ': ';
  const said = (d: Text) => d[lang];
  return [
    {
      text: w.title(r.parts.filter((p) => p.met).length, r.parts.length),
      children: r.parts.map((p) => ({
        text: `${w.kinds[p.kind]} ${p.name}${sep}${p.met ? w.met : p.present ? w.differs : w.missing}`,
        ...(p.present && !p.met ? { children: p.differences.map((d) => ({ text: said(d) })) } : {}),
      })),
    },
  ];
}

/** Everything the page needs about a target at one point in time, for the view model shown (null: no drawing). */
export function targetView(model: ViewModel | null, s: EngineState, t: Target): TargetView {
  const r = matchTarget(s, t);
  return { met: r.met, parts: { met: r.parts.filter((p) => p.met).length, all: r.parts.length }, overlay: model ? targetOverlay(model, s, t, r) : null, text: { en: targetText(r, 'en'), zh: targetText(r, 'zh') } };
}
