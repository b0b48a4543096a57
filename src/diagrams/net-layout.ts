// Where the network view puts things. Lanes take slots in rows of COLS columns (PORTRAIT_COLS in a portrait pane);
// boxes are packed into the first free place of their lanes. Positions are pinned from one command to the next: a
// box keeps its place while it exists, a new one takes the first free place, a removed one leaves a hole that the
// next new box may fill. Nothing is compacted behind the learner's back (a fresh page or Tidy lays out compactly
// again). A row of lanes with another row under it keeps room for one more box, so a box arriving in it does not push
// the rows below down. Named volumes sit in a strip under the lanes, each in a pinned slot.
import type { EngineState, Network } from '../engine/index';
import { allContainers, containerById } from '../engine/index';
import { COLS } from './net-cols';

export { COLS, PORTRAIT_COLS } from './net-cols';

/** A named volume's box in the strip under the lanes (its name and up to two mounts). */
export const VOL_H = 52;
export const LANE_W = 130;
/** The first row of lanes has the host's iptables box under its header. */
export const HEADER_H = 96;
export const HEADER2_H = 72;
export const GAP = 14;
const BAND_GAP = 8;
const MIN_CONTENT = 40;
/** The room a row with rows under it keeps free: one container box (four lines) and its gap. */
const ROOM = 4 * 15 + 12 + GAP;

export interface Lane {
  id: string;
  net: Network | null;
  slot: number;
  x: number;
  band: number;
}

/** What one placement needs: for each box, its lane and its height. */
export interface Want {
  key: string;
  /** The lane it is drawn in. */
  lane: string;
  h: number;
  /** Try the offset of this (already placed) box first: a chip beside its container. */
  near?: string;
  /** Its arrival tightens its row of lanes (alike containers just collapsed into it: the room they took is given back). */
  tightens?: boolean;
}

export interface Placement {
  lanes: Map<string, Lane>;
  /** Offset of each box below its band's content top. */
  at: Map<string, number>;
  /** Each band's top and height. */
  /** Each band's top and height; `roomy`: laid out with a row under it (it keeps room for one more box). */
  bands: { y: number; h: number; header: number; bottom: number; roomy: boolean }[];
  width: number;
  height: number;
  /** Lanes per row this placement was made for. */
  cols: number;
  /** Each named volume's slot in the volumes strip (pinned like lanes), and the strip's top (bottom of the lanes). */
  vols: Map<string, number>;
  volY: number;
}

/** host, docker0, the user's bridges in creation order (the state's key order), and none (only while a container uses it). */
export function laneNets(s: EngineState): { id: string; net: Network | null }[] {
  const nets = Object.values(s.networks);
  const host = nets.find((n) => n.driver === 'host') ?? null;
  const none = nets.find((n) => n.driver === 'null') ?? null;
  const bridges = nets.filter((n) => n.driver === 'bridge');
  const usesNone = allContainers(s).some((c) => c.hostConfig.NetworkMode === 'none');
  const list: (Network | null)[] = [host, ...bridges, ...(usesNone ? [none] : [])];
  return list.map((n) => ({ id: n ? `net:${n.id}` : 'net:host', net: n }));
}

const overlaps = (a: [number, number][], y: number, h: number) => a.some(([y0, y1]) => y < y1 && y0 < y + h);

/** Lays out lanes and boxes, keeping what `pins` (the previous command's placement) had where it was. */
export function place(s: EngineState, wants: Want[], pins: Placement | null, perRow = COLS): Placement {
  // a placement made for another number of columns keeps its slots, but its rows' heights no longer apply
  const rowPins = pins && pins.cols === perRow ? pins : null;
  const nets = laneNets(s);
  const slotOf = new Map<string, number>();
  const taken = new Set<number>();
  for (const n of nets) {
    const old = pins?.lanes.get(n.id);
    if (old && !taken.has(old.slot)) {
      slotOf.set(n.id, old.slot);
      taken.add(old.slot);
    }
  }
  let next = 0;
  for (const n of nets) {
    if (slotOf.has(n.id)) continue;
    while (taken.has(next)) next++;
    slotOf.set(n.id, next);
    taken.add(next);
  }
  const lanes = new Map<string, Lane>(nets.map((n) => {
    const slot = slotOf.get(n.id)!;
    return [n.id, { ...n, slot, x: (slot % perRow) * LANE_W, band: Math.floor(slot / perRow) }];
  }));
  // boxes: the ones that were already placed, alike, keep their place; then the rest, first-fit
  const used = new Map<string, [number, number][]>();
  const at = new Map<string, number>();
  const free = (l: string, y: number, h: number) => !overlaps(used.get(l) ?? [], y, h + GAP);
  const put = (w: Want, y: number) => {
    at.set(w.key, y);
    (used.get(w.lane) ?? used.set(w.lane, []).get(w.lane)!).push([y, y + w.h + GAP]);
  };
  const valid = wants.filter((w) => lanes.has(w.lane));
  const later: Want[] = [];
  for (const w of valid) {
    const y = pins?.at.get(w.key);
    if (y !== undefined && free(w.lane, y, w.h)) put(w, y);
    else later.push(w);
  }
  const laneOfKey = new Map(valid.map((w) => [w.key, w.lane]));
  const sameBand = (a: string, b: string | undefined) => b !== undefined && lanes.get(a)!.band === lanes.get(laneOfKey.get(b) ?? a)!.band;
  for (const w of later) {
    // level with the box it belongs to, when that box is in the same row of lanes
    const near = w.near === undefined || !sameBand(w.lane, w.near) ? undefined : at.get(w.near);
    if (near !== undefined && free(w.lane, near, w.h)) {
      put(w, near);
      continue;
    }
    const tries = [0, ...(used.get(w.lane) ?? []).map(([, y1]) => y1)].sort((a, b) => a - b);
    put(w, tries.find((y) => free(w.lane, y, w.h))!);
  }
  // bands: each as tall as its fullest lane; a row with another row under it keeps room for one more box, so that a box
  // arriving in it does not push the rows below down (it grows, by a box more than it needs, only when that room is used)
  const bandCount = Math.max(1, ...[...lanes.values()].map((l) => l.band + 1));
  const bands: Placement['bands'] = [];
  const tight = new Set(valid.filter((w) => w.tightens && !pins?.at.has(w.key)).map((w) => lanes.get(w.lane)!.band));
  let y = 0;
  for (let b = 0; b < bandCount; b++) {
    const header = b === 0 ? HEADER_H : HEADER2_H;
    const filled = Math.max(0, ...[...lanes.values()].filter((l) => l.band === b).flatMap((l) => (used.get(l.id) ?? []).map(([, y1]) => y1)));
    const content = Math.max(MIN_CONTENT, filled);
    // a row of lanes does not shrink while its places are pinned: a hole keeps its room, and nothing below moves up;
    // alike containers just collapsed into one box give their room back (that row is laid out compactly)
    const old = tight.has(b) ? undefined : rowPins?.bands[b];
    const below = b < bandCount - 1;
    let bottom = Math.max(content, old?.bottom ?? 0);
    if (below && !tight.has(b) && (!old?.roomy || content > old.bottom)) bottom = Math.max(old?.bottom ?? 0, content, filled + ROOM);
    const h = header + GAP + bottom;
    bands.push({ y, h, header, bottom, roomy: below });
    y += h + BAND_GAP;
  }
  const cols = Math.min(perRow, Math.max(...[...lanes.values()].map((l) => l.slot)) + 1);
  // named volumes: a strip under the lanes, each in its own slot (kept while the volume exists, holes refilled)
  const names = Object.keys(s.volumes ?? {});
  const vols = new Map<string, number>();
  const vtaken = new Set<number>();
  for (const v of names) {
    const old = pins?.vols?.get(v);
    if (old !== undefined && !vtaken.has(old)) {
      vols.set(v, old);
      vtaken.add(old);
    }
  }
  let vnext = 0;
  for (const v of names) {
    if (vols.has(v)) continue;
    while (vtaken.has(vnext)) vnext++;
    vols.set(v, vnext);
    vtaken.add(vnext);
  }
  const volY = y;
  const vrows = vols.size ? Math.floor(Math.max(...vols.values()) / perRow) + 1 : 0;
  const vcols = vols.size ? Math.min(perRow, Math.max(...vols.values()) + 1) : 0;
  const height = vrows ? volY + vrows * (VOL_H + GAP) - GAP : y - BAND_GAP;
  return { lanes, at, bands, width: Math.max(cols, vcols, bandCount > 1 ? perRow : 1) * LANE_W, height, cols: perRow, vols, volY };
}

/** A volume's box in the strip: its column and row. */
export const volAt = (p: Placement, name: string) => {
  const slot = p.vols.get(name) ?? 0;
  return { x: (slot % p.cols) * LANE_W, y: p.volY + Math.floor(slot / p.cols) * (VOL_H + GAP) };
};

/** The top of a box's place in the drawing. */
export const topOf = (p: Placement, lane: Lane, key: string) => p.bands[lane.band].y + p.bands[lane.band].header + GAP + (p.at.get(key) ?? 0);
