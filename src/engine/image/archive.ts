// Images and containers as archives: docker save/load (OCI layout + manifest.json) and export/import (flat rootfs).
import { parseJsonData } from '../clone';
import { dict } from '../dict';
import type { EngineState, FileTable, Image, Layer } from '../state';
import { DockerError, invalid, notFound } from '../errors';
import { chainIds, lowerStack } from './images';
import { findContainer, getImage } from '../lookup';
import { parseRef } from '../refs';
import { sha256Hex, randomId } from '../ids';
import { decodeTar, encodeTar, tableToTar, tarToTable, type TarEntry } from './tar';
import { flatten } from '../layers';
import { clone } from '../clone';

const enc = new TextEncoder();
const dec = new TextDecoder();
const hex = (id: string) => id.replace(/^sha256:/, '');

/** The image `docker save` exports for a name (image/tarexport/save.go parseNames, v27.5.1:99-150): a tag or digest is
 *  looked up in the reference store ("reference does not exist"); a bare name or an ID is searched in the image store. */
function saveTarget(s: EngineState, ref: string) {
  try {
    return getImage(s, ref);
  } catch (e) {
    let r: ReturnType<typeof parseRef> | null = null;
    try {
      r = parseRef(ref);
    } catch {
      /* not a reference: getImage's error stands */
    }
    if (e instanceof DockerError && e.kind === 'NotFound' && r && (r.tag || r.digest)) throw notFound('reference does not exist');
    if (e instanceof DockerError && e.kind === 'NotFound') throw notFound(`No such image: ${ref}`);
    throw e;
  }
}

const looksLikeId = (ref: string) => /^(sha256:)?[0-9a-f]{12,64}$/.test(ref);

/** What one `docker save` argument names, as images with the tags to record (parseNames): a bare repository name
 *  means every tag of it (ReferencesByName, sorted); a tag itself; an ID, digest or bare ID prefix no tag. */
function saveAssocs(s: EngineState, ref: string): { img: Image; tag: string | null }[] {
  let r: ReturnType<typeof parseRef> | null = null;
  try {
    r = parseRef(ref);
  } catch {
    /* an ID or not a reference: saveTarget decides */
  }
  if (r && !r.tag && !r.digest && !looksLikeId(ref)) {
    const name = r.fullName;
    const refs = Object.keys(s.tags)
      .filter((t) => parseRef(t).fullName === name && s.images[s.tags[t]])
      .sort();
    if (refs.length) return refs.map((t) => ({ img: s.images[s.tags[t]], tag: parseRef(t).familiarTagged }));
  }
  const img = saveTarget(s, ref);
  return [{ img, tag: r && r.tag && !looksLikeId(ref) ? r.familiarTagged : null }];
}

/** `docker save`: a tar with blobs/sha256 (layer tars, configs), manifest.json, index.json, oci-layout, repositories.
 *  One manifest entry per image, listing every tag the arguments named for it. */
export function save(s: EngineState, refs: string[]): Uint8Array {
  const entries: TarEntry[] = [];
  const repositories: Record<string, Record<string, string>> = dict();
  const written = new Set<string>();
  const mtime = s.clock;
  const blob = (digestHex: string, body: Uint8Array) => {
    if (written.has(digestHex)) return;
    written.add(digestHex);
    entries.push({ name: `blobs/sha256/${digestHex}`, type: 'file', mode: 0o644, mtime, body });
  };
  entries.push({ name: 'blobs/', type: 'dir', mode: 0o755, mtime }, { name: 'blobs/sha256/', type: 'dir', mode: 0o755, mtime });
  const images = new Map<string, { img: Image; tags: string[] }>();
  for (const ref of refs) {
    for (const { img, tag } of saveAssocs(s, ref)) {
      const d = images.get(img.id) ?? { img, tags: [] };
      images.set(img.id, d);
      if (tag && !d.tags.includes(tag)) d.tags.push(tag);
    }
  }
  const manifest: unknown[] = [];
  for (const { img, tags } of images.values()) {
    const chains = chainIds(img.diffIds);
    const layers: string[] = [];
    img.diffIds.forEach((d, i) => {
      const l = s.layers[chains[i]];
      blob(hex(d), encodeTar(tableToTar(l.files)));
      layers.push(`blobs/sha256/${hex(d)}`);
    });
    const meta = { image: img, layers: chains.map((c) => ({ size: s.layers[c].size, compressedSize: s.layers[c].compressedSize })) };
    blob(hex(img.id), enc.encode(JSON.stringify({ architecture: 'amd64', os: 'linux', config: img.config, created: new Date(img.created).toISOString(), rootfs: { type: 'layers', diff_ids: img.diffIds }, dockerlings: meta })));
    manifest.push({ Config: `blobs/sha256/${hex(img.id)}`, RepoTags: tags.length ? tags : null, Layers: layers });
    // the legacy repositories file names each tag's top layer (moby v27.5.1 image/tarexport/save.go:285: the last
    // layer's DiffID), not the image ID
    const top = img.diffIds.length ? hex(img.diffIds[img.diffIds.length - 1]) : hex(img.id);
    for (const t of tags) {
      const r = parseRef(t);
      (repositories[r.familiarName] ??= dict())[r.tag ?? 'latest'] = top;
    }
  }
  entries.push({ name: 'index.json', type: 'file', mode: 0o644, mtime, body: enc.encode(JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.index.v1+json', manifests: [] }) + '\n') });
  entries.push({ name: 'manifest.json', type: 'file', mode: 0o644, mtime, body: enc.encode(JSON.stringify(manifest) + '\n') });
  entries.push({ name: 'oci-layout', type: 'file', mode: 0o644, mtime, body: enc.encode('{"imageLayoutVersion":"1.0.0"}') });
  entries.push({ name: 'repositories', type: 'file', mode: 0o644, mtime, body: enc.encode(JSON.stringify(repositories) + '\n') });
  return encodeTar(entries);
}

export interface LoadReport {
  layers: { id: string; size: number }[]; // layers that were not present yet
  loaded: string[]; // `Loaded image: x:y` or `Loaded image ID: sha256:…`
}

/** `docker load`: read a `docker save` archive back into the store. */
export function load(s: EngineState, bytes: Uint8Array): LoadReport {
  const entries = decodeTar(bytes);
  const file = (name: string) => entries?.find((e) => e.name === name && e.type === 'file')?.body;
  const manifestBytes = file('manifest.json');
  if (!entries || !manifestBytes) throw invalid('open /var/lib/docker/tmp/docker-import-1234567890/repositories: no such file or directory');
  const report: LoadReport = { layers: [], loaded: [] };
  for (const m of parseJsonData(dec.decode(manifestBytes)) as { Config: string; RepoTags: string[] | null; Layers: string[] }[]) {
    const cfg = parseJsonData(dec.decode(file(m.Config) ?? new Uint8Array())) as { dockerlings?: { image: Image; layers: { size: number; compressedSize: number }[] } };
    const meta = cfg.dockerlings;
    if (!meta) throw invalid('invalid image config in archive');
    const chains = chainIds(meta.image.diffIds);
    m.Layers.forEach((path, i) => {
      const chainId = chains[i];
      if (s.layers[chainId]) return;
      const files: FileTable = tarToTable(decodeTar(file(path) ?? new Uint8Array()) ?? []);
      const layer: Layer = { diffId: meta.image.diffIds[i], chainId, parent: i ? chains[i - 1] : null, size: meta.layers[i].size, compressedSize: meta.layers[i].compressedSize, files };
      s.layers[chainId] = layer;
      report.layers.push({ id: hex(meta.image.diffIds[i]).slice(0, 12), size: layer.size });
    });
    s.images[meta.image.id] ??= meta.image;
    for (const t of m.RepoTags ?? []) {
      const r = parseRef(t);
      s.tags[r.fullTagged] = meta.image.id;
      report.loaded.push(`Loaded image: ${t}`);
    }
    if (!m.RepoTags?.length) report.loaded.push(`Loaded image ID: ${meta.image.id}`);
  }
  return report;
}

/** `docker export`: the container's merged root filesystem as one flat tar (no whiteouts, no history). */
export function exportContainer(s: EngineState, ref: string): Uint8Array {
  const c = findContainer(s, ref);
  return encodeTar(tableToTar(flatten([c.upper, ...lowerStack(s, c)])));
}

/** `docker import`: a flat tar becomes a one-layer image (history comment "Imported from -"). */
export function importTar(s: EngineState, bytes: Uint8Array, ref: string | undefined, source: string, message: string): string {
  const entries = decodeTar(bytes);
  if (!entries) throw invalid('archive/tar: invalid tar header');
  const files = tarToTable(entries);
  const diffId = 'sha256:' + sha256Hex('import ' + randomId(s.rng));
  const size = Object.values(files).reduce((n, f) => n + (f.type === 'file' ? (f.size ?? enc.encode(f.content).length) : 0), 0);
  s.layers[diffId] = { diffId, chainId: diffId, parent: null, size, compressedSize: Math.round(size / 3), files: clone(files), local: true };
  const id = 'sha256:' + sha256Hex('imported image ' + diffId + s.clock);
  s.images[id] = {
    id,
    parent: '',
    created: s.clock,
    author: '',
    comment: message || `Imported from ${source}`,
    config: { Hostname: '', Domainname: '', User: '', AttachStdin: false, AttachStdout: false, AttachStderr: false, Tty: false, OpenStdin: false, StdinOnce: false, Env: [], Cmd: null, Image: '', Volumes: null, WorkingDir: '', Entrypoint: null, OnBuild: null, Labels: null },
    diffIds: [diffId],
    history: [{ created: s.clock, createdBy: '', emptyLayer: false, comment: message || `Imported from ${source}` }],
    repoDigests: [],
  };
  if (ref) s.tags[parseRef(ref).fullTagged] = id;
  return id;
}
