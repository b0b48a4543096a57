// Generates the catalog index from the whole seed: layer diff IDs, image config texts, IDs and manifest digests.
import type { ContainerConfig } from '../state';
import { sha256Hex } from '../ids';
import { SEED_IMAGES, SEED_LAYERS, SEED_SEARCH_ONLY } from './all';
import { CHUNK_NAMES, imageKey, loadChunk } from './chunks';
import { catalogConfigText, historyOf, type CatalogIndex, type IndexImage, type IndexLayer } from './catalog-index';
import type { SeedImage } from './types';

const EPOCH = Date.parse('2020-01-01T00:00:00Z');

function toConfig(s: SeedImage): ContainerConfig {
  const c = s.config;
  return {
    Hostname: '',
    Domainname: '',
    User: c.User ?? '',
    AttachStdin: false,
    AttachStdout: false,
    AttachStderr: false,
    ...(c.ExposedPorts ? { ExposedPorts: c.ExposedPorts } : {}),
    Tty: false,
    OpenStdin: false,
    StdinOnce: false,
    Env: [...c.Env],
    Cmd: c.Cmd ? [...c.Cmd] : null,
    Image: '',
    Volumes: c.Volumes ?? null,
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint ? [...c.Entrypoint] : null,
    OnBuild: null,
    Labels: c.Labels ?? null,
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
  };
}

/** The index of every catalog image; each layer is assigned to the first chunk that exports it. */
export async function buildIndex(): Promise<CatalogIndex> {
  const chunkOf = new Map<string, string>();
  const imageChunk = new Map<string, string>();
  for (const name of CHUNK_NAMES) {
    const c = await loadChunk(name);
    for (const l of c.layers) if (!chunkOf.has(l.key)) chunkOf.set(l.key, name);
    for (const i of c.images) if (!imageChunk.has(imageKey(i.repository, i.tags))) imageChunk.set(imageKey(i.repository, i.tags), name);
  }
  const layers: Record<string, IndexLayer> = {};
  const layer = (key: string, stepTime: number): IndexLayer => {
    if (layers[key]) return layers[key];
    const l = SEED_LAYERS[key];
    if (!l) throw new Error(`seed layer ${key} missing`);
    const chunk = chunkOf.get(key);
    if (!chunk) throw new Error(`seed layer ${key} is exported by no chunk (seed/chunks.ts)`);
    const diffId = 'sha256:' + sha256Hex('layer\n' + key + '\n' + JSON.stringify(l.entries));
    // a shared layer's files carry the time of the first build step that made it (what `ls -l` shows in a container)
    return (layers[key] = { diffId, size: l.size, compressedSize: l.compressedSize, mtime: Number.isFinite(stepTime) ? stepTime : EPOCH, chunk });
  };
  const images: IndexImage[] = SEED_IMAGES.map((s) => {
    const keys = s.history.filter((h) => !h.empty_layer && h.layer).map((h) => (layer(h.layer!, Date.parse(h.created)), h.layer!));
    const chunk = imageChunk.get(imageKey(s.repository, s.tags));
    if (!chunk) throw new Error(`seed image ${imageKey(s.repository, s.tags)} is exported by no chunk (seed/chunks.ts)`);
    const diffIds = keys.map((k) => layers[k].diffId);
    const config = toConfig(s);
    const imageId = 'sha256:' + sha256Hex(catalogConfigText({ config, created: s.created }, historyOf(s), diffIds));
    const blobs = diffIds.map((d) => 'sha256:' + sha256Hex('blob ' + d));
    const digest = 'sha256:' + sha256Hex('manifest ' + imageId + ' ' + blobs.join(','));
    return { repository: s.repository, tags: s.tags, created: s.created, digest, imageId, config, chunk, layers: keys, ...(s.search ? { search: s.search } : {}) };
  });
  return { images, layers, searchOnly: SEED_SEARCH_ONLY };
}

/** The index as seed/catalog-data.ts holds it: JSON, one image, layer or search row a line. */
export function indexText(ix: CatalogIndex): string {
  const list = (rows: string[]) => rows.join(',\n');
  const json = `{\n"images": [\n${list(ix.images.map((i) => JSON.stringify(i)))}\n],\n"layers": {\n${list(Object.entries(ix.layers).map(([k, l]) => `${JSON.stringify(k)}: ${JSON.stringify(l)}`))}\n},\n"searchOnly": [\n${list(ix.searchOnly.map((r) => JSON.stringify(r)))}\n]\n}`;
  return `// The catalog index's data, generated from the seed modules by seed/catalog-index.test.ts (run it with -u after a seed change).\nexport const CATALOG_DATA: unknown = ${json};\n`;
}
