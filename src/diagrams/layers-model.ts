// The layers view model: image layers as stacked blocks (dagre lays out the shared-layer graph, each shared block drawn
// once), images on top of their stacks, and above them one writable layer per container with its files marked A/C/D.
// Positions are pinned from one command to the next: blocks already drawn keep their place (dagre only places the new
// ones, to the right of the rest), the graph keeps room above its tallest stack for a build's new layers (a taller new
// stack is drawn lower instead, beside the rest), and each container keeps its writable slot; a removed one leaves a
// hole. Tidy (a new layout generation) lays it out afresh.
import { Graph, layout } from '@dagrejs/dagre';
import type { Container, EngineState, Image } from '../engine/index';
import { diffUpper, lowerStack, containerById, allContainers } from '../engine/index';
import { chainIds, humanLayerSize, parseRef, tagsOf } from './layers-support';
import type { TextItem, VEdge, VNode, ViewModel } from './view-types';

const W = 176;
const H = 2 * 15 + 12;
const LINE = 15;
const SLOT = W + 16;
/** Files listed in a writable layer before "… n more". */
const FILES = 4;
/** Above this many containers, the writable layers of one image's containers are drawn as one block with a count. */
export const MAX_WRITABLE = 12;

const short = (id: string) => id.replace(/^sha256:/, '').slice(0, 12);
const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);

/** Above this many images, images hanging alone off the same shared layer are drawn as one block with a count. */
export const MAX_IMAGES = 12;

type Diff = { kind: 'A' | 'C' | 'D'; path: string }[];
/** A container's upper table never changes in place (immer) and never moves to another image: its diff is kept. */
const diffCache = new WeakMap<object, Diff>();

/** `docker diff` of a container, directories left out (as the old mermaid diagram listed them). */
export function diffOf(s: EngineState, c: Container): Diff {
  const hit = diffCache.get(c.upper);
  if (hit) return hit;
  const d = diffUpper(c.upper, lowerStack(s, c)).filter((x) => x.kind === 'D' || c.upper[x.path]?.type !== 'dir');
  diffCache.set(c.upper, d);
  return d;
}

function imageName(s: EngineState, img: Image): string {
  const names = tagsOf(s, img.id).map((t) => parseRef(t).familiarString);
  return names.length ? names.join(', ') : '<none>';
}

/** Where each state's blocks were drawn: graph positions (x, and height above the bottom row), writable slots, the
 *  graph's top (its height above the bottom row, room included) and the writable band's height. */
interface Pins {
  at: Map<string, { x: number; up: number }>;
  slots: Map<string, number>;
  top: number;
  band: number;
  /** Each container's files listed in its writable layer, in the order drawn. */
  files: Map<string, string[]>;
}
/** Per state, per layout generation (a Tidy starts a new one, laid out afresh from the state shown). */
const pinned = new WeakMap<EngineState, Map<number, Pins>>();
/** The graph keeps room for this many more blocks above its tallest stack, so a build that adds layers does not push the
 *  rest down; a new stack that would rise above it is drawn lower (beside the rest, reaching below the bottom row). */
const ROOM_RANKS = 2;
const RANK = H + 22;
/** The writable band is as tall as a layer with the most files it lists: a container changing files does not move the graph. */
const BAND_H = (2 + FILES + 1) * LINE + 12;

export function layersModel(s: EngineState, prev: EngineState | null = null, gen = 0): ViewModel {
  const pins = prev && prev !== s ? (pinned.get(prev)?.get(gen) ?? null) : null;
  // in the order the engine got them (pulled, built, loaded): a new image is drawn after the others
  const images = Object.values(s.images);
  const g = new Graph();
  g.setGraph({ rankdir: 'BT', nodesep: 16, ranksep: 22, marginx: 4, marginy: 4 });
  g.setDefaultEdgeLabel(() => ({}));
  const users = new Map<string, string[]>();
  const chainsOf = new Map(images.map((img) => [img.id, chainIds(img.diffIds)]));
  for (const img of images) for (const c of chainsOf.get(img.id)!) (users.get(c) ?? users.set(c, []).get(c)!).push(imageName(s, img));
  // many images: those whose own layers hang off the same shared layer become one block (`20 images`)
  const groupOf = new Map<string, string>();
  if (images.length > MAX_IMAGES) {
    const byKey = new Map<string, Image[]>();
    for (const img of images) {
      const chains = chainsOf.get(img.id)!;
      let k = chains.length - 1;
      while (k >= 0 && users.get(chains[k])!.length < 2) k--;
      if (k >= 0 && k < chains.length - 1) (byKey.get(chains[k]) ?? byKey.set(chains[k], []).get(chains[k])!).push(img);
    }
    for (const [key, imgs] of byKey) if (imgs.length >= 3) for (const img of imgs) groupOf.set(img.id, key);
  }
  const imageNode = (id: string) => (groupOf.has(id) ? `imgs:${groupOf.get(id)}` : `img:${id}`);
  const byChain = new Map<string, { by: string; img: Image }>();
  for (const img of images) {
    const all = chainsOf.get(img.id)!;
    const grouped = groupOf.get(img.id);
    const chains = grouped ? all.slice(0, all.indexOf(grouped) + 1) : all;
    const steps = img.history.filter((h) => !h.emptyLayer);
    chains.forEach((c, i) => {
      if (!byChain.has(c)) {
        byChain.set(c, { by: (steps[i]?.createdBy ?? '').replace(/\s+/g, ' ').replace(/^\/bin\/sh -c (#\(nop\) )?/, ''), img });
        g.setNode(`layer:${c}`, { width: W, height: H });
      }
      if (i > 0) g.setEdge(`layer:${chains[i - 1]}`, `layer:${c}`);
    });
    g.setNode(imageNode(img.id), { width: W, height: H });
    if (chains.length) g.setEdge(`layer:${chains[chains.length - 1]}`, imageNode(img.id));
  }
  if (images.length) layout(g);
  const nodes: VNode[] = [];
  const edges: VEdge[] = [];
  // dagre's places for new blocks, kept ones where they were; the new ones moved right of everything kept
  const fresh = new Map(g.nodes().map((id) => [id, g.node(id) as unknown as { x: number; y: number }]));
  const bottom = Math.max(0, ...[...fresh.values()].map((n) => n.y));
  const at = new Map<string, { x: number; up: number }>();
  const kept = g.nodes().filter((id) => pins?.at.has(id));
  for (const id of kept) at.set(id, pins!.at.get(id)!);
  const added = g.nodes().filter((id) => !pins?.at.has(id));
  const dx = kept.length && added.length ? Math.max(...kept.map((id) => at.get(id)!.x)) + W + 16 - Math.min(...added.map((id) => fresh.get(id)!.x)) : 0;
  for (const id of added) at.set(id, { x: fresh.get(id)!.x + Math.max(0, dx), up: bottom - fresh.get(id)!.y });
  // the graph's top stays where it was: new blocks that would rise above it go down together (they are right of every
  // block kept, so they cover none), and the graph grows downward instead of pushing what is drawn down
  const over = pins && kept.length && added.length ? Math.max(...added.map((id) => at.get(id)!.up)) - pins.top : 0;
  if (over > 0) for (const id of added) at.get(id)!.up -= over;
  const need = Math.max(0, ...[...at.values()].map((p) => p.up));
  const top0 = pins && need <= pins.top ? pins.top : need + (images.length ? ROOM_RANKS * RANK : 0);
  const box = (id: string) => {
    const n = at.get(id)!;
    return { x: n.x - W / 2, y: top0 - n.up + 4 };
  };
  let graphW = 0;
  let graphH = 0;
  for (const id of g.nodes()) {
    const b = box(id);
    graphW = Math.max(graphW, b.x + W + 4);
    graphH = Math.max(graphH, b.y + H + 4);
  }
  // the writable layers' band sits on top; the image graph below it
  const containers = allContainers(s);
  const grouped = containers.length > MAX_WRITABLE;
  const slots: { key: string; members: Container[] }[] = [];
  if (grouped) {
    const per = new Map<string, Container[]>();
    for (const c of containers) (per.get(c.imageId) ?? per.set(c.imageId, []).get(c.imageId)!).push(c);
    for (const [img, members] of per) slots.push({ key: `rwgroup:${img}`, members });
  } else for (const c of containers) slots.push({ key: `rw:${c.id}`, members: [c] });
  // each writable layer keeps its slot; a new one takes the first free slot
  const slotAt = new Map<string, number>();
  for (const sl of slots) if (pins?.slots.has(sl.key) && ![...slotAt.values()].includes(pins.slots.get(sl.key)!)) slotAt.set(sl.key, pins.slots.get(sl.key)!);
  for (const sl of slots) {
    if (slotAt.has(sl.key)) continue;
    let i = 0;
    while ([...slotAt.values()].includes(i)) i++;
    slotAt.set(sl.key, i);
  }
  const diffs = new Map(slots.filter((sl) => sl.members.length === 1).map((sl) => [sl.members[0].id, diffOf(s, sl.members[0])]));
  // the band is there as soon as there are images, so the first container does not push the graph down; blocks that
  // stand for many containers list no files, so a band of only those is two lines tall
  const needH = slots.length && slots.every((sl) => sl.members.length > 1) ? 2 * LINE + 12 : slots.length || images.length ? BAND_H : 0;
  // the band keeps its height while it is there (the graph under it stays put when containers collapse into counts)
  const bandH = needH && pins?.band && pins.band > needH ? pins.band : needH;
  const top = bandH ? bandH + 36 : 0;
  if (bandH && !slots.length) nodes.push({ id: 'rw:none', kind: 'writable', x: 0, y: 0, w: W, h: bandH, label: 'no containers yet', lines: ['a container\'s writable', 'layer goes here'], cls: ['placeholder'] });
  for (const [chain, info] of byChain) {
    const p = box(`layer:${chain}`);
    const shared = users.get(chain)!.length > 1;
    const size = humanLayerSize(s.layers[chain]?.size ?? 0);
    nodes.push({ id: `layer:${chain}`, kind: 'layer', x: p.x, y: top + p.y, w: W, h: H, label: `${short(chain)} · ${size}`, lines: [clip(info.by || '—', 28)], cls: shared ? ['shared'] : undefined, facts: [['ChainID', short(chain)], ['Size', size], ['CreatedBy', clip(info.by, 80)], ['Used by', users.get(chain)!.join('; ')]], inspect: `docker history ${tagsOf(s, info.img.id)[0] ? parseRef(tagsOf(s, info.img.id)[0]).familiarString : short(info.img.id)}` });
  }
  const groups = new Map<string, Image[]>();
  for (const img of images) {
    if (groupOf.has(img.id)) {
      (groups.get(groupOf.get(img.id)!) ?? groups.set(groupOf.get(img.id)!, []).get(groupOf.get(img.id)!)!).push(img);
      continue;
    }
    const p = box(`img:${img.id}`);
    const name = imageName(s, img);
    nodes.push({ id: `img:${img.id}`, kind: 'image', x: p.x, y: top + p.y, w: W, h: H, label: clip(name, 24), lines: [short(img.id)], facts: [['ID', short(img.id)], ['Tags', name], ['Layers', String(img.diffIds.length)]], inspect: `docker image inspect ${name === '<none>' ? short(img.id) : name.split(', ')[0]}` });
  }
  for (const [key, imgs] of groups) {
    const p = box(`imgs:${key}`);
    const names = imgs.map((i) => imageName(s, i));
    nodes.push({ id: `imgs:${key}`, kind: 'image', x: p.x, y: top + p.y, w: W, h: H, label: `${imgs.length} images`, lines: [clip(names.join(', '), 28)], cls: ['group'], facts: [['Images', names.join('; ')], ['On layer', short(key)]] });
  }
  for (const e of g.edges()) {
    const a = box(e.v);
    const b = box(e.w);
    edges.push({ id: `stack:${e.v}>${e.w}`, points: stackLink(a, b, top), cls: ['stack'] });
  }
  const text: TextItem[] = images.map((img) => ({
    text: `image ${imageName(s, img)} (${short(img.id)})`,
    children: chainIds(img.diffIds).map((c) => ({ text: `layer ${short(c)} ${humanLayerSize(s.layers[c]?.size ?? 0)}${users.get(c)!.length > 1 ? `, shared with ${users.get(c)!.filter((u) => u !== imageName(s, img)).join('; ') || 'another image'}` : ''}` })),
  }));
  const files = new Map<string, string[]>();
  slots.forEach((sl) => {
    const x = slotAt.get(sl.key)! * SLOT;
    const c = sl.members[0];
    const imgNode = g.hasNode(imageNode(c.imageId)) ? box(imageNode(c.imageId)) : null;
    if (sl.members.length > 1) {
      nodes.push({ id: sl.key, kind: 'writable', x, y: 0, w: W, h: bandH, label: `${sl.members.length} writable layers`, lines: [clip(sl.members.map((m) => m.name).join(', '), 28)], facts: [['Containers', sl.members.map((m) => m.name).join(', ')]] });
      text.push({ text: `${sl.members.length} containers of ${imgNode ? imageName(s, s.images[c.imageId]) : short(c.imageId)}: ${sl.members.map((m) => m.name).join(', ')}` });
    } else {
      const d = diffs.get(c.id)!;
      nodes.push({ id: sl.key, kind: 'writable', x, y: 0, w: W, h: bandH, label: clip(c.name, 24), lines: ['writable layer', ...(d.length ? [] : ['no changes'])], cls: c.state.status === 'running' ? undefined : ['stopped'], facts: [['Container', c.name], ['Image', c.config.Image ?? short(c.imageId)], ['Changes', String(d.length)]], inspect: `docker diff ${c.name}` });
      // the files listed before stay on their lines (a newly changed file does not push them down); new ones after them
      const before = pins?.files.get(c.id) ?? [];
      const listed = [...before.map((p) => d.find((f) => f.path === p)).filter((f) => f !== undefined), ...d.filter((f) => !before.includes(f.path))].slice(0, FILES);
      files.set(c.id, listed.map((f) => f.path));
      listed.forEach((f, j) => nodes.push({ id: `file:${c.id}:${f.path}`, kind: 'file', x: x + 6, y: (2 + j) * LINE + 4, w: W - 12, h: LINE, label: `${f.kind} ${clip(f.path, 22)}`, cls: [`file-${f.kind}`], facts: [['Path', f.path], ['Change', f.kind === 'A' ? 'added' : f.kind === 'C' ? 'changed (copied up from the image)' : 'deleted (whiteout)']] }));
      if (d.length > FILES) nodes.push({ id: `more:${c.id}`, kind: 'file', x: x + 6, y: (2 + FILES) * LINE + 4, w: W - 12, h: LINE, label: `… ${d.length - FILES} more` });
      text.push({ text: `container ${c.name}: writable layer on ${imgNode ? imageName(s, s.images[c.imageId]) : short(c.imageId)}`, children: d.map((f) => ({ text: `${f.kind} ${f.path}` })) });
    }
    if (imgNode) edges.push({ id: `rw:${sl.key}`, points: [[imgNode.x + W / 2, top + imgNode.y], [x + W / 2, bandH]], cls: ['rw'] });
  });
  const width = Math.max(graphW, ...slots.map((sl) => (slotAt.get(sl.key)! + 1) * SLOT));
  (pinned.get(s) ?? pinned.set(s, new Map()).get(s)!).set(gen, { at, slots: slotAt, top: top0, band: bandH, files });
  return { kind: 'layers', width, height: top + graphH, nodes, edges, text, ...(images.length || containers.length ? {} : { empty: 'no images yet: try docker pull' }) };
}

/** The link from a block to the one on it: straight up, or (the upper one drawn lower, beside it) up from the block, across
 *  the gap between them and down under the upper one's bottom. */
function stackLink(a: { x: number; y: number }, b: { x: number; y: number }, top: number): [number, number][] {
  const from: [number, number] = [a.x + W / 2, top + a.y];
  const to: [number, number] = [b.x + W / 2, top + b.y + H];
  if (to[1] <= from[1]) return [from, to];
  const gx = b.x > a.x ? b.x - 8 : b.x + W + 8;
  return [from, [from[0], from[1] - 8], [gx, from[1] - 8], [gx, to[1] + 8], [to[0], to[1] + 8], to];
}
