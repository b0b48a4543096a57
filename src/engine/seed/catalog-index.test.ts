// The catalog index is generated from the seed modules: it must match them (regenerate with -u after a seed change).
import { describe, expect, it } from 'vitest';
import { buildIndex, indexText } from './build-index';
import { CATALOG_INDEX } from './catalog-index';
import { CHUNK_NAMES, imageKey, loadChunk } from './chunks';

describe('catalog index', () => {
  it('is what the seed modules give (npx vitest run src/engine/seed/catalog-index.test.ts -u)', async () => {
    await expect(indexText(await buildIndex())).toMatchFileSnapshot('./catalog-data.ts');
  });

  it('names, for each layer and image, a chunk that holds it', async () => {
    const held = new Map<string, Set<string>>();
    for (const c of CHUNK_NAMES) {
      const { layers, images } = await loadChunk(c);
      held.set(c, new Set([...layers.map((l) => l.key), ...images.map((i) => imageKey(i.repository, i.tags))]));
    }
    const missing = Object.entries(CATALOG_INDEX.layers).filter(([k, l]) => !held.get(l.chunk)?.has(k)).map(([k]) => k);
    expect(missing).toEqual([]);
    expect(CATALOG_INDEX.images.filter((i) => !held.get(i.chunk)?.has(imageKey(i.repository, i.tags))).map((i) => i.repository)).toEqual([]);
    expect(Object.keys(CATALOG_INDEX.layers).length).toBeGreaterThan(100);
  });
});
