// The writable layers' slots in the band over the image graph: one block per container, side by side. Past MAX_SLOTS
// containers, the containers of one image that changed no file share one block with a count (a wide band would draw
// every block small); past MAX_WRITABLE, every image's containers do. Each block keeps its slot while it is there; a
// block that comes to stand for containers takes the slot of the first of them, so nothing else moves.
import type { Container } from '../engine/index';

/** Above this many containers, the writable layers of one image's containers are drawn as one block with a count. */
export const MAX_WRITABLE = 12;
/** Above this many containers, those of one image that changed nothing share one block. */
export const MAX_SLOTS = 3;

export interface Slot {
  key: string;
  members: Container[];
  /** Containers sharing a block because none of them changed a file. */
  quiet?: boolean;
}

/** Where the blocks were drawn: each block's slot, and each container's. */
export interface SlotPins {
  slots: Map<string, number>;
  held: Map<string, number>;
}

/** The blocks of `containers` (in creation order) and the slot of each, kept from `pins`. */
export function writableSlots(containers: readonly Container[], changed: (c: Container) => boolean, pins: SlotPins | null): { slots: Slot[]; pins: SlotPins } {
  const slots: Slot[] = [];
  if (containers.length > MAX_WRITABLE) {
    const per = new Map<string, Container[]>();
    for (const c of containers) (per.get(c.imageId) ?? per.set(c.imageId, []).get(c.imageId)!).push(c);
    for (const [img, members] of per) slots.push({ key: `rwgroup:${img}`, members });
  } else {
    const quiet = new Map<string, Container[]>();
    if (containers.length > MAX_SLOTS) for (const c of containers) if (!changed(c)) (quiet.get(c.imageId) ?? quiet.set(c.imageId, []).get(c.imageId)!).push(c);
    for (const c of containers) {
      const q = quiet.get(c.imageId);
      if (!q || q.length < 2 || !q.includes(c)) slots.push({ key: `rw:${c.id}`, members: [c] });
      else if (q[0] === c) slots.push({ key: `rwquiet:${c.imageId}`, members: q, quiet: true });
    }
  }
  // a block drawn before keeps its slot; then a block takes the slot one of its containers was drawn in; then the first
  // free slot
  const at = new Map<string, number>();
  const taken = new Set<number>();
  const take = (sl: Slot, i: number) => {
    at.set(sl.key, i);
    taken.add(i);
  };
  for (const sl of slots) {
    const was = pins?.slots.get(sl.key);
    if (was !== undefined && !taken.has(was)) take(sl, was);
  }
  for (const sl of slots) {
    if (at.has(sl.key)) continue;
    const was = sl.members.map((m) => pins?.held.get(m.id)).find((i) => i !== undefined && !taken.has(i));
    if (was !== undefined) take(sl, was);
  }
  for (const sl of slots) {
    if (at.has(sl.key)) continue;
    let i = 0;
    while (taken.has(i)) i++;
    take(sl, i);
  }
  const held = new Map(slots.flatMap((sl) => sl.members.map((m) => [m.id, at.get(sl.key)!] as [string, number])));
  return { slots, pins: { slots: at, held } };
}
