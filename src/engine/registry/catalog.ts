// The registry catalog as manifests: tags, digests and configs from the always-loaded index; history and layer files from chunks once loaded.
import { CATALOG_INDEX, catalogConfigText, historyOf, imageKey, loadChunk } from '../seed/index';
import type { IndexImage, SeedImage, SeedLayer } from '../seed/index';
import type { ContainerConfig, FileTable, HistoryEntry, Image } from '../state';
import { sha256Hex } from '../ids';
import { normPath } from '../layers';
import { ImageDataNeeded, codeChunkNames, isCodeChunk, loadCodeChunk } from '../lazy';

export { ImageDataNeeded };

export interface ManifestLayer {
  diffId: string;
  blobDigest: string; // compressed blob digest; its 12-char prefix is the id `docker pull` prints
  size: number;
  compressedSize: number;
  files: FileTable;
}

export interface Manifest {
  repository: string; // path in the registry, e.g. 'library/nginx'
  tag: string;
  digest: string; // manifest digest (RepoDigests)
  imageId: string; // sha256 of the config JSON
  created: number;
  config: ContainerConfig;
  history: HistoryEntry[];
  layers: ManifestLayer[];
}

/** Layers and images of the loaded chunks by key, and what is made from them once (pulls share the file tables). */
const loadedLayers = new Map<string, SeedLayer>();
const loadedImages = new Map<string, SeedImage>();
const loadedChunks = new Set<string>();
const tables = new Map<string, FileTable>();

function layerFiles(l: SeedLayer, mtime: number): FileTable {
  const t: FileTable = {};
  for (const e of l.entries) {
    const p = normPath(e.path);
    if (e.kind === 'dir') t[p] = { type: 'dir', mode: e.mode ?? 0o755, mtime };
    else if (e.kind === 'file') t[p] = { type: 'file', mode: e.mode ?? 0o644, mtime, content: e.content, ...(e.size !== undefined ? { size: e.size } : {}) };
    else t[p] = { type: 'symlink', target: e.target, mtime };
  }
  return t;
}

/** Load these chunks (those not loaded yet); afterwards the layers and images they hold have their files and history,
 *  and the programs a code chunk holds can run (lazy.ts). */
export async function loadImageData(chunks: Iterable<string>): Promise<void> {
  for (const name of new Set(chunks)) {
    if (loadedChunks.has(name)) continue;
    if (isCodeChunk(name)) {
      await loadCodeChunk(name);
      continue;
    }
    const { layers, images } = await loadChunk(name);
    for (const l of layers) if (!loadedLayers.has(l.key)) loadedLayers.set(l.key, l);
    for (const i of images) if (!loadedImages.has(imageKey(i.repository, i.tags))) loadedImages.set(imageKey(i.repository, i.tags), i);
    loadedChunks.add(name);
  }
}

/** The chunks an image's pull reads that are not loaded yet: its own (history) and its layers' (files). */
function missingChunks(img: IndexImage): string[] {
  return [...new Set([img.chunk, ...img.layers.map((k) => CATALOG_INDEX.layers[k].chunk)])].filter((c) => !loadedChunks.has(c));
}

/** One catalog layer's files (its chunk loaded first): the simulated host's own root filesystem is Ubuntu's base layer. */
export async function catalogLayerFiles(key: string): Promise<FileTable> {
  const l = CATALOG_INDEX.layers[key];
  if (!l) throw new Error(`catalog: no layer ${key}`);
  await loadImageData([l.chunk]);
  let t = tables.get(key);
  if (!t) tables.set(key, (t = layerFiles(loadedLayers.get(key)!, l.mtime)));
  return t;
}

/** Every chunk of the catalog and every program's code (tests and tools that pull and start synchronously). */
export async function loadAllImageData(): Promise<void> {
  await loadImageData([...CATALOG_INDEX.images.map((i) => i.chunk), ...Object.values(CATALOG_INDEX.layers).map((l) => l.chunk), ...codeChunkNames()]);
}

/** A manifest layer whose files are read from the loaded chunk; reading them before it is loaded throws ImageDataNeeded. */
function manifestLayer(key: string, img: IndexImage): ManifestLayer {
  const l = CATALOG_INDEX.layers[key];
  return {
    diffId: l.diffId,
    blobDigest: 'sha256:' + sha256Hex('blob ' + l.diffId),
    size: l.size,
    compressedSize: l.compressedSize,
    get files(): FileTable {
      let t = tables.get(key);
      if (t) return t;
      const seed = loadedLayers.get(key);
      if (!seed) throw new ImageDataNeeded(missingChunks(img));
      tables.set(key, (t = layerFiles(seed, l.mtime)));
      return t;
    },
  };
}

let built: Map<string, Map<string, Manifest>> | null = null;
/** Catalog images by image ID. */
const indexOf = new Map<string, IndexImage>();

function buildCatalog(): Map<string, Map<string, Manifest>> {
  const repos = new Map<string, Map<string, Manifest>>();
  for (const img of CATALOG_INDEX.images) {
    indexOf.set(img.imageId, img);
    let tags = repos.get(img.repository);
    if (!tags) repos.set(img.repository, (tags = new Map()));
    const created = Date.parse(img.created);
    const layers = img.layers.map((k) => manifestLayer(k, img));
    let history: HistoryEntry[] | undefined;
    const historyNow = (): HistoryEntry[] => {
      if (history) return history;
      const seed = loadedImages.get(imageKey(img.repository, img.tags));
      if (!seed) throw new ImageDataNeeded(missingChunks(img));
      return (history = historyOf(seed));
    };
    for (const tag of img.tags) {
      tags.set(tag, { repository: img.repository, tag, digest: img.digest, imageId: img.imageId, created, config: img.config, get history() { return historyNow(); }, layers });
    }
  }
  return repos;
}

/** All repositories of the remote catalog with their tags (built on first use). */
export function catalog(): Map<string, Map<string, Manifest>> {
  return (built ??= buildCatalog());
}

/** The config JSON a catalog image was pulled with (its ID is the digest of it), or undefined for images made here. */
export function seedConfigText(img: Pick<Image, 'id' | 'history' | 'diffIds'>): string | undefined {
  catalog();
  const ix = indexOf.get(img.id);
  return ix && catalogConfigText(ix, img.history, img.diffIds);
}

/** Look a reference up in the catalog: a manifest, or why not. */
export function lookupSeed(domain: string, path: string, tag: string, digest?: string): Manifest | 'no-repo' | 'no-tag' {
  if (domain !== 'docker.io') return 'no-repo';
  const tags = catalog().get(path);
  if (!tags) return 'no-repo';
  if (digest) {
    for (const m of tags.values()) if (m.digest === digest) return m;
    return 'no-tag';
  }
  return tags.get(tag) ?? 'no-tag';
}

/** Docker Hub search rows: each catalog repository once, plus rows that exist only as search results. */
export function searchEntries(): { name: string; description: string; stars: number; official: boolean }[] {
  const out = new Map<string, { name: string; description: string; stars: number; official: boolean }>();
  for (const s of CATALOG_INDEX.images) {
    const name = s.repository.replace(/^library\//, '');
    if (s.search && !out.has(name)) out.set(name, { name, description: s.search.description, stars: s.search.stars, official: s.search.official });
  }
  for (const r of CATALOG_INDEX.searchOnly) if (!out.has(r.name)) out.set(r.name, { name: r.name, description: r.description, stars: r.stars, official: r.official });
  return [...out.values()];
}

/** What the simulator's Docker Hub can pull: each repository (familiar name) with its tags, sorted (the catalog hints name them). */
export function pullableRepos(): { name: string; tags: string[] }[] {
  const out = new Map<string, string[]>();
  for (const s of CATALOG_INDEX.images) {
    const name = s.repository.replace(/^library\//, '');
    out.set(name, [...(out.get(name) ?? []), ...s.tags]);
  }
  const num = (t: string) => (/^\d/.test(t) ? 0 : 1);
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, tags]) => ({ name, tags: [...new Set(tags)].sort((a, b) => num(a) - num(b) || a.localeCompare(b, 'en', { numeric: true })) }));
}
