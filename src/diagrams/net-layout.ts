// Where the network view puts things. Lanes take cells in rows of COLS (PORTRAIT_COLS in a portrait pane); boxes are
// packed into the first free place of their lanes. Named volumes are a column in the first free cell, or a strip under
// the rows when none is free. Nothing already drawn moves when something is added: a box keeps its place while it
// exists (a removed one leaves a hole a new box may fill), a row with a row under it never grows (a box that does not
// fit continues its lane in the first free cell), and a new lane, volume or continuation only takes free room; only the
// lowest row grows. A fresh page or Tidy lays out compactly again.
import type { EngineState, Network } from '../engine/index';
import { allContainers } from '../engine/index';
import { COLS } from './net-cols';

export { COLS, PORTRAIT_COLS } from './net-cols';

/** A named volume's box in the volumes column (its name and up to two mounts). */
export const VOL_H = 52;
export const LANE_W = 130;
/** The first row of lanes has the host's iptables box under its header. */
export const HEADER_H = 96;
export const HEADER2_H = 72;
export const GAP = 14;
/** A row opened for named volumes alone (no free cell was left for them) is a strip: no header, its boxes just under the
 *  row above, as the volumes strip under the lanes always was. Lanes never take its cells. */
export const STRIP_H = -GAP;
const BAND_GAP = 8;
const MIN_CONTENT = 40;
/** The room a row keeps free when a row of network lanes is under it: one container box (four lines) and a thin margin
 *  (an empty row keeps just that: five networks at once, then 50 containers collapsed into counts, still fit at 11 px). */
const ROOM = 4 * 15 + 12 + 6;
/** In a landscape pane the lowest row grows past this (three container boxes) only when it has no free cell: a lane
 *  longer than that continues in a free cell beside it, since a wide picture reads larger there than a tall one. */
const TALL = 3 * (4 * 15 + 12 + GAP);
/** The lane ID of the named volumes' column: it takes a cell like a network's lane once there is a volume. */
export const VOLS = 'volumes';

export interface Lane {
  id: string;
  net: Network | null;
  slot: number;
  x: number;
  band: number;
}

/** One cell of the grid: a lane's first cell (its ID is the lane's) or its continuation (`<lane>#<n>`). */
export interface Cell {
  id: string;
  lane: string;
  seg: number;
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
  /** Boxes drawn before whose place it may take when it has none of its own: a container's chip on a network that has
   *  become its home lane (it left its first network), so the box appears where the learner saw it on that network. */
  takes?: string[];
  /** Room under it that boxes placed after it leave free, so that it can grow into it without moving (a compose frame
   *  gaining a service). The row's height does not count it. */
  reserve?: number;
}

export interface Placement {
  /** Each lane's first cell. */
  lanes: Map<string, Lane>;
  /** Every cell drawn (first cells and continuations), by cell ID. */
  cells: Map<string, Cell>;
  /** Offset of each box below its cell's content top, and its cell. */
  at: Map<string, number>;
  cellOf: Map<string, string>;
  /** Each band's top and height; `roomy`: it had a row under it (its height is fixed while its places are pinned). */
  bands: { y: number; h: number; header: number; bottom: number; roomy: boolean }[];
  width: number;
  height: number;
  /** Lanes per row this placement was made for. */
  cols: number;
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

/** Lays out lanes and boxes (the state's named volumes included), keeping what `pins` (the previous command's placement)
 *  had where it was. */
export function place(s: EngineState, wants0: Want[], pins: Placement | null, perRow = COLS): Placement {
  // a placement made for another number of columns keeps its slots, but its rows' heights no longer apply
  const rowPins = pins && pins.cols === perRow ? pins : null;
  const names = Object.keys(s.volumes ?? {});
  const lanesIn = [...laneNets(s), ...(names.length ? [{ id: VOLS, net: null }] : [])];
  const wants: Want[] = [...wants0, ...names.map((v) => ({ key: `vol:${v}`, lane: VOLS, h: VOL_H }))];
  const cells = new Map<string, Cell>();
  const taken = new Set<number>();
  const cellAt = (id: string, lane: string, seg: number, slot: number) => {
    const c = { id, lane, seg, slot, x: (slot % perRow) * LANE_W, band: Math.floor(slot / perRow) };
    cells.set(id, c);
    taken.add(slot);
    return c;
  };
  // lanes keep their cells, continuations too (while their lane exists); new lanes take the first free cells
  const exists = new Set(lanesIn.map((l) => l.id));
  for (const l of lanesIn) {
    const old = pins?.cells.get(l.id);
    if (old && !taken.has(old.slot)) cellAt(l.id, l.id, 0, old.slot);
  }
  for (const c of pins?.cells.values() ?? []) if (c.seg > 0 && exists.has(c.lane) && cells.has(c.lane) && !taken.has(c.slot)) cellAt(c.id, c.lane, c.seg, c.slot);
  // each row's header: kept while pinned; a new row has a lane's header, or is a strip when volumes open it
  const kept = Math.max(-1, ...[...cells.values()].map((c) => c.band));
  const headers = new Map<number, number>((rowPins?.bands ?? []).slice(0, kept + 1).map((b, i) => [i, b.header]));
  const freeSlot = (vols: boolean, from = 0) => {
    let i = from;
    while (taken.has(i) || (!vols && headers.get(Math.floor(i / perRow)) === STRIP_H)) i++;
    const b = Math.floor(i / perRow);
    if (!headers.has(b)) headers.set(b, b === 0 ? HEADER_H : vols ? STRIP_H : HEADER2_H);
    return i;
  };
  for (const l of lanesIn) if (!cells.has(l.id)) cellAt(l.id, l.id, 0, freeSlot(l.id === VOLS));
  // rows that had a row under them keep their height while something is still under them: their lanes do not grow
  const lastBand = Math.max(...[...cells.values()].map((c) => c.band));
  const cap = (b: number) => (b < lastBand && rowPins?.bands[b]?.roomy ? rowPins.bands[b].bottom : Infinity);
  // the room each cell's boxes take, their reserves included (where a new box may go), and not (where a pinned one may
  // stay: it may lie in room another box reserved), and where its boxes end (the row's height)
  const used = new Map<string, [number, number][]>();
  const solid = new Map<string, [number, number][]>();
  const ends = new Map<string, number>();
  const at = new Map<string, number>();
  const cellOf = new Map<string, string>();
  const fits = (cell: Cell, y: number, h: number, pinned = false) => !overlaps((pinned ? solid : used).get(cell.id) ?? [], y, h + GAP) && y + h <= cap(cell.band);
  const freeIn = (b: number) => Array.from({ length: perRow }, (_, i) => b * perRow + i).some((i) => !taken.has(i));
  /** A new box may go this low in its cell: past TALL in the lowest row of a landscape pane only when that row is full
   *  (or when it is the cell's first box: a compose frame taller than that stays in its own lane). */
  const low = (cell: Cell, y: number, h: number) => y === 0 || perRow !== COLS || cell.band !== lastBand || y + h <= TALL || !freeIn(cell.band) || headers.get(cell.band) === STRIP_H;
  const put = (w: Want, cell: Cell, y: number) => {
    at.set(w.key, y);
    cellOf.set(w.key, cell.id);
    (used.get(cell.id) ?? used.set(cell.id, []).get(cell.id)!).push([y, y + w.h + (w.reserve ?? 0) + GAP]);
    (solid.get(cell.id) ?? solid.set(cell.id, []).get(cell.id)!).push([y, y + w.h + GAP]);
    ends.set(cell.id, Math.max(ends.get(cell.id) ?? 0, y + w.h + GAP));
  };
  const valid = wants.filter((w) => cells.has(w.lane));
  const later: Want[] = [];
  for (const w of valid) {
    const y = pins?.at.get(w.key);
    const cell = cells.get(pins?.cellOf.get(w.key) ?? '');
    if (y !== undefined && cell?.lane === w.lane && fits(cell, y, w.h, true)) put(w, cell, y);
    else later.push(w);
  }
  const segsOf = (lane: string) => [...cells.values()].filter((c) => c.lane === lane).sort((a, b) => a.seg - b.seg);
  for (const w of later) {
    const took = (w.takes ?? []).some((k) => {
      const y = pins?.at.get(k);
      const cell = cells.get(pins?.cellOf.get(k) ?? '');
      if (y === undefined || cell?.lane !== w.lane || !fits(cell, y, w.h)) return false;
      put(w, cell, y);
      return true;
    });
    if (took) continue;
    const done = segsOf(w.lane).some((cell) => {
      // level with the box it belongs to, when that box is in the same row
      const nearCell = w.near === undefined ? undefined : cells.get(cellOf.get(w.near) ?? '');
      const near = nearCell?.band === cell.band ? at.get(w.near!) : undefined;
      const tries = [...(near === undefined ? [] : [near]), 0, ...(used.get(cell.id) ?? []).map(([, y1]) => y1).sort((a, b) => a - b)];
      const y = tries.find((t) => fits(cell, t, w.h) && low(cell, t, w.h));
      if (y === undefined) return false;
      put(w, cell, y);
      return true;
    });
    if (done) continue;
    // the lane is full where it is drawn: it continues in the first free cell with room for the box
    let slot = freeSlot(w.lane === VOLS);
    while (w.h > cap(Math.floor(slot / perRow))) slot = freeSlot(w.lane === VOLS, slot + 1);
    const seg = Math.max(...segsOf(w.lane).map((c) => c.seg)) + 1;
    put(w, cellAt(`${w.lane}#${seg}`, w.lane, seg, slot), 0);
  }
  // a continuation left empty is not drawn
  for (const c of [...cells.values()]) if (c.seg > 0 && !used.has(c.id)) cells.delete(c.id);
  const lanes = new Map<string, Lane>(lanesIn.map((l) => {
    const c = cells.get(l.id)!;
    return [l.id, { ...l, slot: c.slot, x: c.x, band: c.band }];
  }));
  // bands: each as tall as its fullest cell; a row of lanes with a row of lanes under it keeps room for one more box (a
  // strip needs none: a volume past its height takes the strip's next cell)
  const bandCount = Math.max(...[...cells.values()].map((c) => c.band)) + 1;
  const laneRowBelow = (b: number) => [...cells.values()].some((c) => c.band > b && c.seg === 0 && c.lane !== VOLS);
  const tight = new Set(valid.filter((w) => w.tightens && !pins?.at.has(w.key)).map((w) => cells.get(cellOf.get(w.key)!)!.band));
  const bands: Placement['bands'] = [];
  let y = 0;
  for (let b = 0; b < bandCount; b++) {
    const header = headers.get(b) ?? (b === 0 ? HEADER_H : HEADER2_H);
    const filled = Math.max(0, ...[...cells.values()].filter((c) => c.band === b).map((c) => ends.get(c.id) ?? 0));
    const content = Math.max(MIN_CONTENT, filled);
    let bottom = cap(b);
    if (bottom === Infinity) {
      // a row does not shrink while its places are pinned (a hole keeps its room); alike containers just collapsed into
      // one box give their room back (that row is laid out compactly, without room for one more)
      const old = tight.has(b) ? undefined : rowPins?.bands[b];
      bottom = Math.max(content, old?.bottom ?? 0);
      if (laneRowBelow(b) && !tight.has(b) && header !== STRIP_H) bottom = Math.max(bottom, filled + ROOM);
    }
    // (a strip's height ends at its last box: the gap under it is the gap to the next row)
    const h = header + GAP + bottom - (header === STRIP_H ? GAP : 0);
    bands.push({ y, h, header, bottom, roomy: b < bandCount - 1 });
    y += h + BAND_GAP;
  }
  const cols = Math.min(perRow, Math.max(...[...cells.values()].map((c) => c.slot)) + 1);
  return { lanes, cells, at, cellOf, bands, width: (bandCount > 1 ? perRow : cols) * LANE_W, height: y - BAND_GAP, cols: perRow };
}

/** A box's cell and the top-left of its place in the drawing (the cell's left edge). */
export function boxAt(p: Placement, key: string): { x: number; y: number; band: number } {
  const c = p.cells.get(p.cellOf.get(key) ?? '');
  if (!c) return { x: 0, y: 0, band: -1 };
  const b = p.bands[c.band];
  return { x: c.x, y: b.y + b.header + GAP + (p.at.get(key) ?? 0), band: c.band };
}

/** Where the next named volume goes (its cell's left edge and top), and the step to the one after it: under the last
 *  volume of the volumes column, or the first free cell when there is none yet. */
export function nextVolume(p: Placement): { x: number; y: number; step: number } {
  const step = VOL_H + GAP;
  const col = [...p.cells.values()].filter((c) => c.lane === VOLS).sort((a, b) => b.seg - a.seg)[0];
  if (col) {
    const ends = [...p.cellOf].filter(([, c]) => c === col.id).map(([k]) => (p.at.get(k) ?? 0) + VOL_H + GAP);
    const b = p.bands[col.band];
    return { x: col.x, y: b.y + b.header + GAP + Math.max(0, ...ends), step };
  }
  const used = new Set([...p.cells.values()].map((c) => c.slot));
  let slot = 0;
  while (used.has(slot)) slot++;
  const band = Math.floor(slot / p.cols);
  const b = p.bands[band];
  return { x: (slot % p.cols) * LANE_W, y: b ? b.y + b.header + GAP : p.height + BAND_GAP + STRIP_H + GAP, step };
}

/** A dotted link from a container's box to a volume's, through free room only. In the volume's row: out of the box's
 *  side into the gap beside its lane, along it to the volume's height and across into its side. From another row: out of
 *  the box's right side into the gap right of its lane, along the gap between rows next to the volume's row (`band`: that
 *  row's top and height), and down (or up) the volume's column's free left margin into its left side. */
export function mountRoute(b: { x: number; y: number; w: number; h: number }, v: { x: number; y: number; w: number; h: number }, band: { y: number; h: number }): [number, number][] {
  const laneX = Math.floor(b.x / LANE_W) * LANE_W;
  const sy = b.y + b.h - 8;
  const vy = v.y + v.h / 2;
  const mid = b.y + b.h / 2;
  if (band.y <= mid && mid < band.y + band.h) {
    if (v.x > b.x) return [[b.x + b.w, sy], [laneX + LANE_W, sy], [laneX + LANE_W, vy], [v.x, vy]];
    return [[b.x, sy], [laneX, sy], [laneX, vy], [v.x + v.w, vy]];
  }
  const gx = laneX + LANE_W;
  const vx = Math.floor(v.x / LANE_W) * LANE_W + 8;
  const gapY = band.y > b.y + b.h ? band.y - BAND_GAP / 2 : band.y + band.h + BAND_GAP / 2;
  return [[b.x + b.w, sy], [gx, sy], [gx, gapY], [vx, gapY], [vx, vy], [v.x, vy]];
}
