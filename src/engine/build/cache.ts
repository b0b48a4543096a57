// docker builder prune: drop BuildKit cache records (all of them with -a, else those no image still uses).
import type { EngineState } from '../state';

/** BuildKit-style record IDs: 25 lowercase base-36 characters derived from the cache key. */
export function cacheRecordId(key: string): string {
  let h = 2166136261;
  let out = '';
  for (let round = 0; out.length < 25; round++) {
    for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i) ^ round, 16777619) >>> 0;
    out += h.toString(36);
  }
  return out.slice(0, 25);
}

export function pruneBuildCache(s: EngineState, all: boolean): { deleted: string[]; reclaimed: number } {
  const inImages = new Set(Object.values(s.images).flatMap((i) => i.diffIds));
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const [key, r] of Object.entries(s.buildCache ?? {})) {
    if (!all && r.diffId && inImages.has(r.diffId)) continue;
    deleted.push(cacheRecordId(key));
    reclaimed += r.size;
    delete s.buildCache[key];
  }
  return { deleted, reclaimed };
}
