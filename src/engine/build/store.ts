// Build results in the stores: new layers (diff/chain IDs), images from a config (ID = sha256 of the config JSON), build cache records.
import { clone } from '../clone';
import type { BuildCacheRecord, ContainerConfig, EngineState, FileTable, HistoryEntry, Image, Layer } from '../state';
import { chainIds } from '../image';
import { sha256Hex } from '../ids';
import { tableSize } from '../layers';
import { configJson } from '../registry';

/** Canonical text of a layer's files (the "tar" its diff ID is the digest of). */
function layerText(files: FileTable): string {
  return Object.keys(files)
    .sort()
    .map((p) => `${p}\0${JSON.stringify(files[p])}`)
    .join('\n');
}

/** Register a layer with these files on top of `diffIds`; returns its diff ID (layer store keyed by chain ID). */
export function addLayer(s: EngineState, diffIds: string[], files: FileTable, diffId = 'sha256:' + sha256Hex(layerText(files))): string {
  const chains = chainIds([...diffIds, diffId]);
  const chainId = chains[chains.length - 1];
  if (!s.layers[chainId]) {
    const size = tableSize(files);
    const layer: Layer = { diffId, chainId, parent: chains.length > 1 ? chains[chains.length - 2] : null, size, compressedSize: Math.round(size / 2), files, local: true };
    s.layers[chainId] = layer;
  }
  return diffId;
}

/** Make sure every layer of a chain is in the store (a cached build step whose layer `docker rmi` deleted). */
export function ensureLayer(s: EngineState, diffIds: string[], rec: BuildCacheRecord) {
  if (rec.diffId && rec.files) addLayer(s, diffIds, rec.files, rec.diffId);
}

export interface NewImage {
  config: ContainerConfig;
  diffIds: string[];
  history: HistoryEntry[];
  created: number;
  author: string;
  parent: string;
  comment?: string;
  buildKey?: string;
}

/** Store an image; its ID is the sha256 of its config JSON, so the same build result gets the same ID. */
export function putImage(s: EngineState, n: NewImage): string {
  const json = configJson(n);
  const id = 'sha256:' + sha256Hex(json);
  if (!s.images[id]) {
    const img: Image = {
      id,
      parent: n.parent,
      created: n.created,
      author: n.author,
      comment: n.comment ?? '',
      config: clone(n.config),
      diffIds: [...n.diffIds],
      history: n.history.map((h) => ({ ...h })),
      repoDigests: [],
      ...(n.buildKey ? { buildKey: n.buildKey } : {}),
    };
    s.images[id] = img;
  }
  return id;
}

/** A build cache record by key (touching its last-used time), or undefined. */
export function cacheGet(s: EngineState, key: string, now: number): BuildCacheRecord | undefined {
  const r = s.buildCache[key];
  if (r) {
    r.lastUsed = now;
    r.usageCount++;
  }
  return r;
}

export function cachePut(s: EngineState, key: string, rec: Omit<BuildCacheRecord, 'lastUsed' | 'usageCount'>) {
  s.buildCache[key] = { ...rec, lastUsed: rec.created, usageCount: 1 };
}

/**
 * BuildKit's history times (exporter normalizeLayersAndHistory): entries without a time (metadata steps, marked -1)
 * take the first new layer's time, or the time of the layer before them.
 */
export function fillHistoryTimes(history: HistoryEntry[]) {
  let created = -1;
  let seenNil = false;
  for (const h of history) {
    if (h.created >= 0) {
      created = h.created;
      if (seenNil) break;
    } else seenNil = true;
  }
  seenNil = false;
  for (const h of history) {
    if (h.created >= 0) {
      if (seenNil) created = h.created;
    } else {
      h.created = created;
      seenNil = true;
    }
  }
}

/** Image IDs of the classic builder's children of `parent` (cache probe). */
export function childWithKey(s: EngineState, parent: string, key: string): Image | undefined {
  return Object.values(s.images).find((i) => i.parent === parent && i.buildKey === key);
}
