// The always-loaded index of the catalog: every image's tags, digests, config and layer sizes; no files, no history.
import type { ContainerConfig, HistoryEntry } from '../state';
import type { SeedImage, SeedSearchResult } from './types';
import { CATALOG_DATA } from './catalog-data';

/** A pullable image as the index keeps it; its history comes from `chunk` with its layers' files. */
export interface IndexImage {
  repository: string;
  tags: string[];
  created: string; // as the config JSON has it
  digest: string;
  imageId: string;
  config: ContainerConfig;
  chunk: string;
  layers: string[]; // layer keys, lowest first
  search?: { description: string; stars: number; official: boolean };
}

/** A layer without its files: those come from `chunk` (seed/chunks.ts) when an image that has it is pulled. */
export interface IndexLayer {
  diffId: string;
  size: number;
  compressedSize: number;
  mtime: number; // time of the first build step that made it: its files' mtime
  chunk: string;
}

export interface CatalogIndex {
  images: IndexImage[];
  layers: Record<string, IndexLayer>;
  searchOnly: SeedSearchResult[];
}

/** Generated from the seed modules by seed/catalog-index.test.ts (`npx vitest run src/engine/seed/catalog-index.test.ts -u`). */
export const CATALOG_INDEX = CATALOG_DATA as CatalogIndex;

/** An image's build history as the engine keeps it (and as its config JSON lists it). */
export const historyOf = (s: SeedImage): HistoryEntry[] =>
  s.history.map((h) => ({ created: Date.parse(h.created), createdBy: h.created_by, emptyLayer: !!h.empty_layer, comment: h.comment ?? '' }));

/** The config JSON of a catalog image: the text its image ID is the sha256 of (and what `docker push` uploads). */
export function catalogConfigText(img: Pick<IndexImage, 'config' | 'created'>, history: HistoryEntry[], diffIds: string[]): string {
  const h = history.map((e) => ({ created: e.created, createdBy: e.createdBy, emptyLayer: e.emptyLayer, comment: e.comment }));
  return JSON.stringify({ architecture: 'amd64', config: img.config, created: img.created, history: h, os: 'linux', rootfs: { type: 'layers', diff_ids: diffIds } });
}
