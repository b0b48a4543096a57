// The layers view model: image layers as stacked one-line blocks (dagre lays out the shared-layer graph, each shared block
// drawn once; a long run of pulled layers is one block, see layers-runs.ts), images on top of their stacks, and above them
// one writable layer per container with its files marked A/C/D.
// Positions are pinned from one command to the next: blocks already drawn keep their place (dagre only places the new
// ones, to the right of the rest), the graph keeps room above its tallest stack for a build's new layers (a taller new
// stack is drawn lower instead, beside the rest), and each container keeps its writable slot; a removed one leaves a
// hole. Tidy (a new layout generation) lays it out afresh.
import { Graph, layout } from '@dagrejs/dagre';
import type { Container, EngineState, Image } from '../engine/index';
import { diffUpper, lowerStack, containerById, allContainers } from '../engine/index';
import { chainIds, humanLayerSize, parseRef, tagsOf } from './layers-support';
import { layerBlocks } from './layers-runs';
import { writableSlots, type SlotPins } from './layers-slots';
import type { TextItem, VEdge, VNode, ViewModel } from './view-types';

export { MAX_WRITABLE } from './layers-slots';

const W = 168;
/** An image's block: its name and ID. */
const H = 2 * 15 + 12;
/** A layer's block is one line, its size and the instruction that made it (its ID and the rest are in its facts): a stack
 *  of many layers stays short enough to read at Fit in a landscape pane. */
const LAYER_H = 24;
const LINE = 15;
/** Room between a block and the one on it. */
const RANKSEP = 12;
const SLOT = W + 16;
/** Files listed in a writable layer before "… n more". */
const FILES = 4;

/** How many characters of a one-line block's line fit after its label: the block's width less its margins and the bold
 *  label (about 8 px a character), at about 6.6 px a monospace character. */
const lineRoom = (label: string) => Math.floor((W - 19 - 8 * label.length) / 6.6);
/** How many characters fit on a block's bold title line (about 7.6 px each), and on one of its monospace lines. */
const TITLE_CHARS = Math.floor((W - 14) / 7.6);
const SUB_CHARS = Math.floor((W - 14) / 6.6);
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
  slots: SlotPins;
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
const RANK = LAYER_H + RANKSEP;
/** The writable band is as tall as a layer with the most files it lists: a container changing files does not move the graph. */
const BAND_H = (2 + FILES + 1) * LINE + 12;

export function layersModel(s: EngineState, prev: EngineState | null = null, gen = 0): ViewModel {
  const pins = prev && prev !== s ? (pinned.get(prev)?.get(gen) ?? null) : null;
  // in the order the engine got them (pulled, built, loaded): a new image is drawn after the others
  const images = Object.values(s.images);
  const g = new Graph();
  g.setGraph({ rankdir: 'BT', nodesep: 16, ranksep: RANKSEP, marginx: 4, marginy: 4 });
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
  // each block: its layers (one, or a run of pulled ones) and the instructions that made them
  const blockOf = layerBlocks(s, images, chainsOf, users);
  const blocks = new Map<string, { chains: string[]; by: string[]; img: Image }>();
  for (const img of images) {
    const all = chainsOf.get(img.id)!;
    const grouped = groupOf.get(img.id);
    const chains = grouped ? all.slice(0, all.indexOf(grouped) + 1) : all;
    const steps = img.history.filter((h) => !h.emptyLayer);
    chains.forEach((c, i) => {
      const id = blockOf.get(c)!;
      let b = blocks.get(id);
      if (!b) {
        blocks.set(id, (b = { chains: [], by: [], img }));
        g.setNode(id, { width: W, height: LAYER_H });
      }
      if (!b.chains.includes(c)) {
        b.chains.push(c);
        b.by.push((steps[i]?.createdBy ?? '').replace(/\s+/g, ' ').replace(/^\/bin\/sh -c (#\(nop\) )?/, ''));
      }
      if (i > 0 && blockOf.get(chains[i - 1]) !== id) g.setEdge(blockOf.get(chains[i - 1])!, id);
    });
    g.setNode(imageNode(img.id), { width: W, height: H });
    if (chains.length) g.setEdge(blockOf.get(chains[chains.length - 1])!, imageNode(img.id));
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
  // a block's top-left and height from its centre (`up`: the centre's height above the bottom row's image centres)
  const box = (id: string) => {
    const n = at.get(id)!;
    const h = id.startsWith('layer:') || id.startsWith('run:') ? LAYER_H : H;
    return { x: n.x - W / 2, y: top0 - n.up + 4 + (H - h) / 2, h };
  };
  let graphW = 0;
  let graphH = 0;
  for (const id of g.nodes()) {
    const b = box(id);
    graphW = Math.max(graphW, b.x + W + 4);
    graphH = Math.max(graphH, b.y + b.h + 4);
  }
  // the writable layers' band sits on top; the image graph below it
  const containers = allContainers(s);
  const { slots, pins: slotPins } = writableSlots(containers, (c) => diffOf(s, c).length > 0, pins?.slots ?? null);
  const slotAt = slotPins.slots;
  const diffs = new Map(slots.filter((sl) => sl.members.length === 1).map((sl) => [sl.members[0].id, diffOf(s, sl.members[0])]));
  // the band is there as soon as there are images, so the first container does not push the graph down; blocks that
  // stand for many containers list no files, so a band of only those is two lines tall
  const needH = slots.length && slots.every((sl) => sl.members.length > 1) ? 2 * LINE + 12 : slots.length || images.length ? BAND_H : 0;
  // the band keeps its height while it is there (the graph under it stays put when containers collapse into counts)
  const bandH = needH && pins?.band && pins.band > needH ? pins.band : needH;
  const top = bandH ? bandH + 36 : 0;
  if (bandH && !slots.length) nodes.push({ id: 'rw:none', kind: 'writable', x: 0, y: 0, w: W, h: bandH, label: 'no containers yet', lines: ['a container\'s writable', 'layer goes here'], cls: ['placeholder'] });
  for (const [id, b] of blocks) {
    const p = box(id);
    const chain = b.chains[0];
    const shared = users.get(chain)!.length > 1;
    const size = humanLayerSize(b.chains.reduce((n, c) => n + (s.layers[c]?.size ?? 0), 0));
    const history = `docker history ${tagsOf(s, b.img.id)[0] ? parseRef(tagsOf(s, b.img.id)[0]).familiarString : short(b.img.id)}`;
    const cls = [...(shared ? ['shared'] : []), 'one-line'];
    const usedBy: [string, string] = ['Used by', users.get(chain)!.join('; ')];
    if (b.chains.length === 1) {
      nodes.push({ id, kind: 'layer', x: p.x, y: top + p.y, w: W, h: LAYER_H, label: size, lines: [clip(b.by[0].replace(/^RUN (\|\d+ .*?)?\/bin\/sh -c /, 'RUN $1').replace(/ # buildkit$/, '') || '—', lineRoom(size))], cls, facts: [['ChainID', short(chain)], ['Size', size], ['CreatedBy', clip(b.by[0], 80)], usedBy], inspect: history });
      continue;
    }
    // a run of pulled layers: one block drawn as a pile, each layer in its facts
    const each = b.chains.map((c, i) => [`${short(c)} · ${humanLayerSize(s.layers[c]?.size ?? 0)}`, clip(b.by[i], 60)] as [string, string]);
    nodes.push({ id, kind: 'layer', x: p.x, y: top + p.y, w: W, h: LAYER_H, label: `${b.chains.length} layers`, lines: [size], cls: [...cls, 'run'], facts: [...each, ['Size', size], usedBy], inspect: history });
  }
  const groups = new Map<string, Image[]>();
  for (const img of images) {
    if (groupOf.has(img.id)) {
      (groups.get(groupOf.get(img.id)!) ?? groups.set(groupOf.get(img.id)!, []).get(groupOf.get(img.id)!)!).push(img);
      continue;
    }
    const p = box(`img:${img.id}`);
    const name = imageName(s, img);
    nodes.push({ id: `img:${img.id}`, kind: 'image', x: p.x, y: top + p.y, w: W, h: H, label: clip(name, TITLE_CHARS), lines: [short(img.id)], facts: [['ID', short(img.id)], ['Tags', name], ['Layers', String(img.diffIds.length)]], inspect: `docker image inspect ${name === '<none>' ? short(img.id) : name.split(', ')[0]}` });
  }
  for (const [key, imgs] of groups) {
    const p = box(`imgs:${key}`);
    const names = imgs.map((i) => imageName(s, i));
    nodes.push({ id: `imgs:${key}`, kind: 'image', x: p.x, y: top + p.y, w: W, h: H, label: `${imgs.length} images`, lines: [clip(names.join(', '), SUB_CHARS)], cls: ['group'], facts: [['Images', names.join('; ')], ['On layer', short(key)]] });
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
      const names = sl.members.map((m) => m.name).join(', ');
      nodes.push({ id: sl.key, kind: 'writable', x, y: 0, w: W, h: bandH, members: sl.members.map((m) => `rw:${m.id}`), label: `${sl.members.length} writable layers`, lines: [clip(names, SUB_CHARS), ...(sl.quiet ? ['no changes in any'] : [])], cls: sl.members.some((m) => m.state.status === 'running') ? undefined : ['stopped'], facts: [['Containers', names], ...(sl.quiet ? [['Changes', '0 each'] as [string, string]] : [])] });
      text.push({ text: `${sl.members.length} containers of ${imgNode ? imageName(s, s.images[c.imageId]) : short(c.imageId)}${sl.quiet ? ', no changes in any' : ''}: ${names}` });
    } else {
      const d = diffs.get(c.id)!;
      nodes.push({ id: sl.key, kind: 'writable', x, y: 0, w: W, h: bandH, label: clip(c.name, TITLE_CHARS), lines: ['writable layer', ...(d.length ? [] : ['no changes'])], cls: c.state.status === 'running' ? undefined : ['stopped'], facts: [['Container', c.name], ['Image', c.config.Image ?? short(c.imageId)], ['Changes', String(d.length)]], inspect: `docker diff ${c.name}` });
      // the files listed before stay on their lines (a newly changed file does not push them down); new ones after them
      const before = pins?.files.get(c.id) ?? [];
      const listed = [...before.map((p) => d.find((f) => f.path === p)).filter((f) => f !== undefined), ...d.filter((f) => !before.includes(f.path))].slice(0, FILES);
      files.set(c.id, listed.map((f) => f.path));
      listed.forEach((f, j) => nodes.push({ id: `file:${c.id}:${f.path}`, kind: 'file', x: x + 6, y: (2 + j) * LINE + 4, w: W - 12, h: LINE, label: `${f.kind} ${clip(f.path, SUB_CHARS - 2)}`, cls: [`file-${f.kind}`], facts: [['Path', f.path], ['Change', f.kind === 'A' ? 'added' : f.kind === 'C' ? 'changed (copied up from the image)' : 'deleted (whiteout)']] }));
      if (d.length > FILES) nodes.push({ id: `more:${c.id}`, kind: 'file', x: x + 6, y: (2 + FILES) * LINE + 4, w: W - 12, h: LINE, label: `… ${d.length - FILES} more` });
      text.push({ text: `container ${c.name}: writable layer on ${imgNode ? imageName(s, s.images[c.imageId]) : short(c.imageId)}`, children: d.map((f) => ({ text: `${f.kind} ${f.path}` })) });
    }
    if (imgNode) edges.push({ id: `rw:${sl.key}`, points: [[imgNode.x + W / 2, top + imgNode.y], [x + W / 2, bandH]], cls: ['rw'] });
  });
  const width = Math.max(graphW, ...slots.map((sl) => (slotAt.get(sl.key)! + 1) * SLOT));
  (pinned.get(s) ?? pinned.set(s, new Map()).get(s)!).set(gen, { at, slots: slotPins, top: top0, band: bandH, files });
  return { kind: 'layers', width, height: top + graphH, nodes, edges, text, ...(images.length || containers.length ? {} : { empty: 'no images yet: try docker pull' }) };
}

/** The link from a block to the one on it: straight up, or (the upper one drawn lower, beside it) up from the block, across
 *  the gap between them and down under the upper one's bottom. */
function stackLink(a: { x: number; y: number }, b: { x: number; y: number; h: number }, top: number): [number, number][] {
  const from: [number, number] = [a.x + W / 2, top + a.y];
  const to: [number, number] = [b.x + W / 2, top + b.y + b.h];
  if (to[1] <= from[1]) return [from, to];
  const gx = b.x > a.x ? b.x - 8 : b.x + W + 8;
  return [from, [from[0], from[1] - 8], [gx, from[1] - 8], [gx, to[1] + 8], [to[0], to[1] + 8], to];
}
