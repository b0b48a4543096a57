// The registry catalog as manifests: tags, digests and configs from the always-loaded index; layer files from chunks once loaded.
import { CATALOG_INDEX, loadChunk } from '../seed/index';
import type { IndexLayer, SeedLayer } from '../seed/index';
import type { ContainerConfig, FileTable, HistoryEntry } from '../state';
import { sha256Hex } from '../ids';
import { normPath } from '../layers';
import { parseRef } from '../refs';

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

/**
 * Thrown (inside a command, which then changes nothing) when a pull reaches a layer whose chunk is not loaded yet: the
 * caller awaits loadImageData(chunks) and runs the command again. Not a docker error: the learner never sees it.
 */
export class ImageDataNeeded extends Error {
  constructor(readonly chunks: string[]) {
    super(`image data not loaded: ${chunks.join(', ')}`);
    this.name = 'ImageDataNeeded';
  }
}

/** Layers of loaded chunks by key, and the file tables made from them (made once: pulls share them). */
const loadedLayers = new Map<string, SeedLayer>();
const tables = new Map<string, FileTable>();
const loadedChunks = new Set<string>();

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

/** Load these chunks (those not loaded yet); afterwards the layers they hold have their files. */
export async function loadImageData(chunks: Iterable<string>): Promise<void> {
  for (const name of new Set(chunks)) {
    if (loadedChunks.has(name)) continue;
    for (const l of await loadChunk(name)) if (!loadedLayers.has(l.key)) loadedLayers.set(l.key, l);
    loadedChunks.add(name);
  }
}

/** The chunks the catalog images these references name still need (references outside the catalog need none). */
export function chunksFor(refs: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const ref of refs) {
    let r;
    try {
      r = parseRef(ref);
    } catch {
      continue;
    }
    const m = lookupSeed(r.domain, r.path, r.tag ?? 'latest', r.digest);
    if (typeof m !== 'string') for (const c of missingChunks(m)) out.add(c);
  }
  return [...out];
}

/** Load what pulling these references needs (`docker pull`, run, create, build FROM, compose): callers await it first. */
export async function ensureImages(refs: Iterable<string>): Promise<void> {
  await loadImageData(chunksFor(refs));
}

/** Every chunk of the catalog (tests and tools that pull synchronously). */
export async function loadAllImageData(): Promise<void> {
  await loadImageData(Object.values(CATALOG_INDEX.layers).map((l) => l.chunk));
}

const layerKeys = new WeakMap<Manifest, string[]>();

function missingChunks(m: Manifest): string[] {
  return [...new Set((layerKeys.get(m) ?? []).filter((k) => !loadedLayers.has(k)).map((k) => CATALOG_INDEX.layers[k].chunk))];
}

/** A manifest layer whose files are read from the loaded chunk; reading them before it is loaded throws ImageDataNeeded. */
function manifestLayer(key: string, l: IndexLayer, owner: () => Manifest): ManifestLayer {
  return {
    diffId: l.diffId,
    blobDigest: 'sha256:' + sha256Hex('blob ' + l.diffId),
    size: l.size,
    compressedSize: l.compressedSize,
    get files(): FileTable {
      let t = tables.get(key);
      if (t) return t;
      const seed = loadedLayers.get(key);
      if (!seed) throw new ImageDataNeeded(missingChunks(owner()));
      tables.set(key, (t = layerFiles(seed, l.mtime)));
      return t;
    },
  };
}

let built: Map<string, Map<string, Manifest>> | null = null;
/** The config JSON of each catalog image by image ID (the text the ID is the digest of). */
const configTexts = new Map<string, string>();

function buildCatalog(): Map<string, Map<string, Manifest>> {
  const repos = new Map<string, Map<string, Manifest>>();
  for (const img of CATALOG_INDEX.images) {
    const parsed = JSON.parse(img.configText) as { config: ContainerConfig; created: string; history: HistoryEntry[] };
    configTexts.set(img.imageId, img.configText);
    let tags = repos.get(img.repository);
    if (!tags) repos.set(img.repository, (tags = new Map()));
    const created = Date.parse(parsed.created);
    const first: { m?: Manifest } = {};
    const layers = img.layers.map((k) => manifestLayer(k, CATALOG_INDEX.layers[k], () => first.m!));
    for (const tag of img.tags) {
      const m: Manifest = { repository: img.repository, tag, digest: img.digest, imageId: img.imageId, created, config: parsed.config, history: parsed.history, layers };
      first.m ??= m;
      layerKeys.set(m, img.layers);
      tags.set(tag, m);
    }
  }
  return repos;
}

/** All repositories of the remote catalog with their tags (built on first use). */
export function catalog(): Map<string, Map<string, Manifest>> {
  return (built ??= buildCatalog());
}

/** The config JSON a catalog image was pulled with, or undefined for images made here. */
export function seedConfigText(imageId: string): string | undefined {
  catalog();
  return configTexts.get(imageId);
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
