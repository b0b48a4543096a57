// The always-loaded index of the catalog: every image's tags, digests, config text and layer sizes, no file contents.
import type { SeedSearchResult } from './types';
import data from './catalog-index.json';

/** A pullable image as the index keeps it: its config JSON is the text its ID is the digest of. */
export interface IndexImage {
  repository: string;
  tags: string[];
  digest: string;
  imageId: string;
  configText: string;
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
export const CATALOG_INDEX = data as unknown as CatalogIndex;
