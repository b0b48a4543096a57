// The engine state's containers: by ID in 64 buckets keyed by the ID's first two hex digits, read and written only
// through these functions. immer copies a changed Map whole and freezes its entries when a command ends, so one flat
// map of every container would make each command cost as much as the number of containers; with buckets a command
// that changes one container copies the bucket list and one bucket.
import { isDraft } from 'immer';
import type { Container, ContainerTable, EngineState } from './state';

/** The bucket a container ID falls in (its first two hex digits, four to a bucket). */
const bucketOf = (id: string): number => parseInt(id.slice(0, 2), 16) >> 2;

export function newContainerTable(): ContainerTable {
  return new Map();
}

/** The container with this full ID, or undefined (names and prefixes: lookup.ts). */
export function containerById(s: EngineState, id: string): Container | undefined {
  return id ? s.containers.get(bucketOf(id))?.get(id) : undefined;
}

/** Whether a container with this full ID exists. */
export function hasContainer(s: EngineState, id: string): boolean {
  return !!id && !!s.containers.get(bucketOf(id))?.has(id);
}

/** How many containers there are. */
export function containerCount(s: EngineState): number {
  let n = 0;
  for (const b of s.containers.values()) n += b.size;
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
  for (const b of t.values()) for (const c of b.values()) out.push(c);
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
  const keys = prefix.length >= 2 ? [bucketOf(prefix)] : [0, 1, 2, 3].map((k) => (parseInt(prefix, 16) << 2) + k);
  for (const k of keys) for (const id of s.containers.get(k)?.keys() ?? []) if (id.startsWith(prefix)) out.push(id);
  return out;
}

/** Add a container (create gives it its creation number, `seq`) or replace the one with its ID. */
export function putContainer(s: EngineState, c: Container): void {
  const k = bucketOf(c.id);
  let b = s.containers.get(k);
  if (!b) s.containers.set(k, (b = new Map()));
  b.set(c.id, c);
}

/** Remove a container from the table. */
export function dropContainer(s: EngineState, id: string): void {
  const k = bucketOf(id);
  const b = s.containers.get(k);
  if (!b) return;
  b.delete(id);
  if (b.size === 0) s.containers.delete(k);
}

/** Containers that differ between two states (added: no `before`; removed: no `after`), skipping buckets that are
 *  the same object in both (a command copies only the buckets it changes), oldest first. */
export function containerChanges(prev: EngineState, next: EngineState): { id: string; before?: Container; after?: Container }[] {
  return tableChanges(prev.containers, next.containers);
}

function tableChanges(prev: ContainerTable, next: ContainerTable): { id: string; before?: Container; after?: Container }[] {
  const out: { id: string; before?: Container; after?: Container; seq: number }[] = [];
  if (prev === next) return out;
  for (const k of new Set([...prev.keys(), ...next.keys()])) {
    const a = prev.get(k);
    const b = next.get(k);
    if (a === b) continue;
    for (const [id, before] of a ?? []) {
      const after = b?.get(id);
      if (after !== before) out.push({ id, before, after, seq: (after ?? before).seq });
    }
    for (const [id, after] of b ?? []) if (!a?.has(id)) out.push({ id, after, seq: after.seq });
  }
  return out.sort((x, y) => x.seq - y.seq).map(({ id, before, after }) => ({ id, before, after }));
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
