// Turns the seed catalog into registry manifests: layer diff IDs, blob digests and image configs, derived once.
import { SEED_IMAGES, SEED_LAYERS, SEED_SEARCH_ONLY } from '../seed/index';
import type { SeedImage, SeedLayer } from '../seed/index';
import type { ContainerConfig, FileTable, HistoryEntry } from '../state';
import { sha256Hex } from '../ids';
import { normPath } from '../layers';

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

const EPOCH = Date.parse('2020-01-01T00:00:00Z');

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

let built: Map<string, Map<string, Manifest>> | null = null;
/** The config JSON of each catalog image by image ID (the text the ID is the digest of). */
const configTexts = new Map<string, string>();
const layerCache = new Map<string, ManifestLayer>();

/** A shared layer's files carry the time of the first build step that made it (what `ls -l` shows in a container). */
function buildLayer(key: string, stepTime: number): ManifestLayer {
  let ml = layerCache.get(key);
  if (ml) return ml;
  const l = SEED_LAYERS[key];
  if (!l) throw new Error(`seed layer ${key} missing`);
  const created = Number.isFinite(stepTime) ? stepTime : EPOCH;
  const files = layerFiles(l, created);
  const diffId = 'sha256:' + sha256Hex('layer\n' + key + '\n' + JSON.stringify(l.entries));
  ml = { diffId, blobDigest: 'sha256:' + sha256Hex('blob ' + diffId), size: l.size, compressedSize: l.compressedSize, files };
  layerCache.set(key, ml);
  return ml;
}

function buildCatalog(): Map<string, Map<string, Manifest>> {
  const repos = new Map<string, Map<string, Manifest>>();
  for (const s of SEED_IMAGES) {
    const created = Date.parse(s.created);
    const layers = s.history.filter((h) => !h.empty_layer && h.layer).map((h) => buildLayer(h.layer!, Date.parse(h.created)));
    const config = toConfig(s);
    const history: HistoryEntry[] = s.history.map((h) => ({
      created: Date.parse(h.created),
      createdBy: h.created_by,
      emptyLayer: !!h.empty_layer,
      comment: h.comment ?? '',
    }));
    const configJson = JSON.stringify({ architecture: 'amd64', config, created: s.created, history, os: 'linux', rootfs: { type: 'layers', diff_ids: layers.map((l) => l.diffId) } });
    const imageId = 'sha256:' + sha256Hex(configJson);
    configTexts.set(imageId, configJson);
    const digest = 'sha256:' + sha256Hex('manifest ' + imageId + ' ' + layers.map((l) => l.blobDigest).join(','));
    let tags = repos.get(s.repository);
    if (!tags) repos.set(s.repository, (tags = new Map()));
    for (const tag of s.tags) tags.set(tag, { repository: s.repository, tag, digest, imageId, created, config, history, layers });
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
  for (const s of SEED_IMAGES) {
    const name = s.repository.replace(/^library\//, '');
    if (s.search && !out.has(name)) out.set(name, { name, description: s.search.description, stars: s.search.stars, official: s.search.official });
  }
  for (const r of SEED_SEARCH_ONLY) if (!out.has(r.name)) out.set(r.name, { name: r.name, description: r.description, stars: r.stars, official: r.official });
  return [...out.values()];
}

/** What the simulator's Docker Hub can pull: each repository (familiar name) with its tags, sorted (the catalog hints name them). */
export function pullableRepos(): { name: string; tags: string[] }[] {
  const out = new Map<string, string[]>();
  for (const s of SEED_IMAGES) {
    const name = s.repository.replace(/^library\//, '');
    out.set(name, [...(out.get(name) ?? []), ...s.tags]);
  }
  const num = (t: string) => (/^\d/.test(t) ? 0 : 1);
  return [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([name, tags]) => ({ name, tags: [...new Set(tags)].sort((a, b) => num(a) - num(b) || a.localeCompare(b, 'en', { numeric: true })) }));
}
