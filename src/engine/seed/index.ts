// The registry catalog as the engine loads it: the small index always, each layer's files from its chunk on demand.
export type { SeedEntry, SeedHistory, SeedImage, SeedLayer, SeedSearchResult } from './types';
export { HELLO_WORLD_MESSAGE } from './hello';
export { CATALOG_INDEX, catalogConfigText, historyOf, type CatalogIndex, type IndexImage, type IndexLayer } from './catalog-index';
export { CHUNK_NAMES, imageKey, loadChunk } from './chunks';
