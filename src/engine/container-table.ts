// The engine state's containers: by ID in two levels of 16 buckets keyed by the ID's first and second hex digits,
// read and written only through these functions. immer copies a changed Map whole and freezes its entries when a
// command ends, so one flat map of every container would make each command cost as much as the number of containers;
// with two levels a command that changes one container copies the 16-entry top map, one 16-entry middle map and one
// leaf (about n/256 containers).
import { isDraft } from 'immer';
import type { Container, ContainerTable, EngineState } from './state';
import { freezePlain } from './clone';

type Leaf = Map<string, Container>;

const hex = (c: number): number => (c <= 57 ? c - 48 : (c | 32) - 87); // '0'-'9', 'a'-'f' (IDs are lowercase hex)

/** The leaf holding a container ID, if there is one. */
function leafOf(t: ContainerTable, id: string): Leaf | undefined {
  return t.get(hex(id.charCodeAt(0)))?.get(hex(id.charCodeAt(1)));
}

/** Every leaf of a table. */
function* leaves(t: ContainerTable): Iterable<Leaf> {
  for (const mid of t.values()) yield* mid.values();
}

export function newContainerTable(): ContainerTable {
  return new Map();
}

/** The container with this full ID, or undefined (names and prefixes: lookup.ts). */
export function containerById(s: EngineState, id: string): Container | undefined {
  return id.length > 1 ? leafOf(s.containers, id)?.get(id) : undefined;
}

/** Whether a container with this full ID exists. */
export function hasContainer(s: EngineState, id: string): boolean {
  return id.length > 1 && !!leafOf(s.containers, id)?.has(id);
}

/** How many containers there are. */
export function containerCount(s: EngineState): number {
  let n = 0;
  for (const b of leaves(s.containers)) n += b.size;
  return n;
}

/** Lists of committed (frozen) tables, so repeated reads of one state sort once. */
const ordered = new WeakMap<ContainerTable, readonly Container[]>();

/** Every container, oldest first (creation order: the order `docker ps` lists them in, reversed). */
export function allContainers(s: EngineState): readonly Container[] {
  const t = s.containers;
  const draft = isDraft(t);
  const known = draft ? undefined : ordered.get(t);
  if (known) return known;
  const out: Container[] = [];
  for (const b of leaves(t)) for (const c of b.values()) out.push(c);
  out.sort((a, b) => a.seq - b.seq);
  if (!draft) ordered.set(t, Object.freeze(out));
  return out;
}

/** IDs of every container, oldest first. */
export function containerIds(s: EngineState): string[] {
  return allContainers(s).map((c) => c.id);
}

/** Full IDs starting with a hex prefix (looks only in the buckets the prefix can fall in). */
export function idsWithPrefix(s: EngineState, prefix: string): string[] {
  const out: string[] = [];
  if (!prefix) return out;
  const mid = s.containers.get(hex(prefix.charCodeAt(0)));
  if (!mid) return out;
  const found = prefix.length >= 2 ? [mid.get(hex(prefix.charCodeAt(1)))] : mid.values();
  for (const b of found) for (const id of b?.keys() ?? []) if (id.startsWith(prefix)) out.push(id);
  return out;
}

/** Containers put into the table as plain objects by the command running now (freezeFresh freezes them at its end). */
let fresh: Container[] = [];

/** Run a command's recipe, then deep-freeze the plain containers it put into the table (see clone.ts freezePlain). */
export function withFreshFrozen<R>(fn: () => R): R {
  const outer = fresh;
  fresh = [];
  try {
    const r = fn();
    for (const c of fresh) freezePlain(c);
    return r;
  } finally {
    fresh = outer;
  }
}

/** Add a container (create gives it its creation number, `seq`) or replace the one with its ID. */
export function putContainer(s: EngineState, c: Container): void {
  if (!isDraft(c)) fresh.push(c);
  const k1 = hex(c.id.charCodeAt(0));
  const k2 = hex(c.id.charCodeAt(1));
  let mid = s.containers.get(k1);
  if (!mid) s.containers.set(k1, (mid = new Map()));
  let b = mid.get(k2);
  if (!b) mid.set(k2, (b = new Map()));
  b.set(c.id, c);
}

/** Remove a container from the table (and the buckets it leaves empty). */
export function dropContainer(s: EngineState, id: string): void {
  const k1 = hex(id.charCodeAt(0));
  const k2 = hex(id.charCodeAt(1));
  const mid = s.containers.get(k1);
  const b = mid?.get(k2);
  if (!mid || !b) return;
  b.delete(id);
  if (b.size) return;
  mid.delete(k2);
  if (mid.size === 0) s.containers.delete(k1);
}

/** Containers that differ between two states (added: no `before`; removed: no `after`), skipping buckets that are
 *  the same object in both (a command copies only the buckets it changes), oldest first. */
export function containerChanges(prev: EngineState, next: EngineState): readonly { id: string; before?: Container; after?: Container }[] {
  return tableChanges(prev.containers, next.containers);
}

type Change = { id: string; before?: Container; after?: Container; seq: number };

function tableChanges(prev: ContainerTable, next: ContainerTable): readonly { id: string; before?: Container; after?: Container }[] {
  if (prev === next) return [];
  // the indexes kept from one committed table to the next each ask for the same pair: worked out once
  const known = lastChanges.get(prev);
  if (known?.next === next) return known.changes;
  const out: Change[] = [];
  for (const [k, a] of prev) midChanges(a, next.get(k), out);
  for (const [k, b] of next) if (!prev.has(k)) midChanges(undefined, b, out);
  const changes = Object.freeze(out.sort((x, y) => x.seq - y.seq).map(({ id, before, after }) => Object.freeze({ id, before, after })));
  if (!isDraft(prev) && !isDraft(next)) lastChanges.set(prev, { next, changes });
  return changes;
}

/** The last changes worked out from each committed table (to the table after it, usually). */
const lastChanges = new WeakMap<ContainerTable, { next: ContainerTable; changes: readonly { id: string; before?: Container; after?: Container }[] }>();

/** Containers that differ between two versions of one middle map (the same object: none). */
function midChanges(a: Map<number, Leaf> | undefined, b: Map<number, Leaf> | undefined, out: Change[]) {
  if (a === b) return;
  for (const [k2, leaf] of a ?? []) leafChanges(leaf, b?.get(k2), out);
  for (const [k2, leaf] of b ?? []) if (!a?.has(k2)) leafChanges(undefined, leaf, out);
}

/** Containers that differ between two versions of one leaf (the same object: none). */
function leafChanges(a: Leaf | undefined, b: Leaf | undefined, out: Change[]) {
  if (a === b) return;
  for (const [id, before] of a ?? []) {
    const after = b?.get(id);
    if (after !== before) out.push({ id, before, after, seq: (after ?? before).seq });
  }
  for (const [id, after] of b ?? []) if (!a?.has(id)) out.push({ id, after, seq: after.seq });
}

/**
 * The containers that pass `test`, oldest first, kept up to date from the last committed state it was asked about
 * (tableChanges), so asking after every command costs what the command changed, not the number of containers.
 * `test` must depend on the container only.
 */
export function containerView(test: (c: Container) => boolean): (s: EngineState) => readonly Container[] {
  let last: { table: ContainerTable; hits: Map<string, Container>; list: readonly Container[] } | null = null;
  return (s) => {
    const table = s.containers;
    if (last?.table === table) return last.list;
    if (isDraft(table)) return allContainers(s).filter(test);
    const hits = new Map(last?.hits);
    if (last) {
      for (const { id, after } of tableChanges(last.table, table)) {
        if (after && test(after)) hits.set(id, after);
        else hits.delete(id);
      }
    } else for (const c of allContainers(s)) if (test(c)) hits.set(c.id, c);
    const list = Object.freeze([...hits.values()].sort((a, b) => a.seq - b.seq));
    last = { table, hits, list };
    return list;
  };
}

/**
 * Containers by keys they carry (`keysOf` must depend on the container alone), each key's containers oldest first.
 * Like containerView it is kept up to date from the last committed table it was asked about (tableChanges), so a
 * lookup costs what changed since, not the number of containers; a draft's table is scanned. The map returned is
 * changed by the next call: read it at once.
 */
export function containerKeys(keysOf: (c: Container) => readonly string[]): (s: EngineState) => ReadonlyMap<string, readonly Container[]> {
  let last: { table: ContainerTable; index: Map<string, Container[]> } | null = null;
  const add = (index: Map<string, Container[]>, c: Container) => {
    for (const k of keysOf(c)) {
      const list = index.get(k);
      if (!list) {
        index.set(k, [c]);
        continue;
      }
      let i = list.length;
      while (i > 0 && list[i - 1].seq > c.seq) i--;
      list.splice(i, 0, c);
    }
  };
  const drop = (index: Map<string, Container[]>, c: Container) => {
    for (const k of keysOf(c)) {
      const list = index.get(k);
      const i = list ? list.indexOf(c) : -1;
      if (i < 0) continue;
      list!.splice(i, 1);
      if (!list!.length) index.delete(k);
    }
  };
  const scan = (s: EngineState) => {
    const index = new Map<string, Container[]>();
    for (const c of allContainers(s)) add(index, c);
    return index;
  };
  return (s) => {
    const table = s.containers;
    if (last?.table === table) return last.index;
    if (isDraft(table)) return scan(s);
    if (!last) last = { table, index: scan(s) };
    else {
      const changes = tableChanges(last.table, table);
      for (const { before } of changes) if (before) drop(last.index, before);
      for (const { after } of changes) if (after) add(last.index, after);
      last = { table, index: last.index };
    }
    return last.index;
  };
}

const byName = containerKeys((c) => [c.name]);

/** The container named `name` (as stored: no leading '/'), if any. */
export function containerNamed(s: EngineState, name: string): Container | undefined {
  return byName(s).get(name)?.[0];
}
