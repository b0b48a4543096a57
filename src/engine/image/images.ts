// The image store: pull, find, list, tag and remove images over the layer store (graphdriver semantics).
import { clone } from '../clone';
import { dict } from '../dict';
import type { Container, EngineState, FileTable, Image, Layer, PushedImage } from '../state';
import type { Manifest } from '../registry';
import { conflict, DockerError, invalid, manifestUnknown, registryUnreachable } from '../errors';
import { sha256Hex, shortId } from '../ids';
import { parseRef } from '../refs';
import { FULL_ID, ID_PREFIX, getImage } from '../lookup';
import { resolveRemote, findPushed, localRegistryUp } from '../registry';

import { blobDigest } from '../registry';
import { pruneMatcher } from '../prune-filter';
import type { Filters } from '../prune-filter';
import { allContainers, containerById } from '../container-table';

/** Chain IDs of an image's layers, lowest first (layer/layer.go CreateChainID). */
export function chainIds(diffIds: string[]): string[] {
  const out: string[] = [];
  for (const d of diffIds) out.push(out.length === 0 ? d : chainStep(out[out.length - 1], d));
  return out;
}

/** ChainID(parent, diffID) = sha256("parent diffID"): a pure function, remembered (file lookups walk image stacks a lot). */
const chainMemo = new Map<string, string>();
function chainStep(parent: string, diffId: string): string {
  const key = parent + ' ' + diffId;
  let id = chainMemo.get(key);
  if (id === undefined) chainMemo.set(key, (id = 'sha256:' + sha256Hex(key)));
  return id;
}

/** Total uncompressed size of an image's layers (`docker images` SIZE). */
export function imageSize(s: EngineState, img: Image): number {
  return chainIds(img.diffIds).reduce((n, c) => n + (s.layers[c]?.size ?? 0), 0);
}

/** Layer file tables of an image, top layer first (the lowerdirs of a container). */
export function imageStack(s: EngineState, img: Image) {
  return chainIds(img.diffIds).reverse().map((c) => s.layers[c].files);
}

/** Lower layers of a container (its image's layers), top first. */
export function lowerStack(s: EngineState, c: Container): FileTable[] {
  return imageStack(s, containerImage(s, c)!);
}

/** The image a container was created from, also when `rmi -f` deleted it since. */
export function containerImage(s: EngineState, c: Container): Image | undefined {
  return s.images[c.imageId] ?? s.heldImages?.[c.imageId];
}

/** A container was removed: the deleted image it held goes with its layers when no other container uses it. */
export function releaseHeldImage(s: EngineState, imageId: string) {
  const img = s.heldImages?.[imageId];
  if (!img || usersOf(s, imageId).length) return;
  delete s.heldImages![imageId];
  const held = heldLayers(s);
  for (const c of chainIds(img.diffIds)) if (!held.has(c)) delete s.layers[c];
}

/** Chain IDs that images (listed, or deleted but still used by containers) need. */
function heldLayers(s: EngineState): Set<string> {
  return new Set([...Object.values(s.images), ...Object.values(s.heldImages ?? {})].flatMap((i) => chainIds(i.diffIds)));
}

/** Tag names (full form) that point at an image. */
export function tagsOf(s: EngineState, imageId: string): string[] {
  return Object.keys(s.tags).filter((t) => s.tags[t] === imageId);
}

export interface PullReport {
  tag: string;
  repository: string; // registry path, 'library/nginx'
  layers: { id: string; status: 'Already exists' | 'Pull complete' }[];
  digest: string;
  upToDate: boolean;
  familiar: string; // 'nginx:latest'
  canonical: string; // 'docker.io/library/nginx:latest'
}

/** Pull a reference from the registry into the local store; the previous holder of the tag may become dangling. */
export function pull(s: EngineState, ref: string): PullReport {
  const r = parseRef(ref);
  if (r.domain !== 'docker.io' && !localRegistryUp(s, r.domain)) {
    throw registryUnreachable(r.domain);
  }
  const pushed = findPushed(s, r.domain, r.path, r.tag ?? 'latest', r.digest);
  if (!pushed && r.domain !== 'docker.io') throw manifestUnknown(r.familiarTagged);
  const m: Manifest = pushed ? fromPushed(pushed, r.path, r.tag ?? 'latest') : resolveRemote(r);
  const upToDate = !!s.images[m.imageId] && (r.digest ? true : s.tags[r.fullTagged] === m.imageId);
  const layers: PullReport['layers'] = [];
  const chains = chainIds(m.layers.map((l) => l.diffId));
  const known = !!s.images[m.imageId]; // the config is already here: no layer is even looked at
  m.layers.forEach((ml, i) => {
    const chainId = chains[i];
    if (known) return;
    if (s.layers[chainId]) {
      layers.push({ id: shortId(ml.blobDigest), status: 'Already exists' });
      return;
    }
    const layer: Layer = { diffId: ml.diffId, chainId, parent: i ? chains[i - 1] : null, size: ml.size, compressedSize: ml.compressedSize, files: ml.files };
    s.layers[chainId] = layer;
    layers.push({ id: shortId(ml.blobDigest), status: 'Pull complete' });
  });
  const repoDigest = `${r.fullName}@${m.digest}`;
  const existing = s.images[m.imageId];
  if (existing) {
    if (!existing.repoDigests.includes(repoDigest)) existing.repoDigests.push(repoDigest);
  } else {
    s.images[m.imageId] = {
      id: m.imageId,
      parent: '',
      created: m.created,
      author: '',
      comment: '',
      config: clone(m.config),
      diffIds: m.layers.map((l) => l.diffId),
      history: clone(m.history),
      repoDigests: [repoDigest],
    };
  }
  if (!r.digest) s.tags[r.fullTagged] = m.imageId;
  return {
    tag: r.digest ?? r.tag ?? 'latest',
    repository: m.repository,
    layers,
    digest: m.digest,
    upToDate,
    familiar: r.digest ? r.familiarName + '@' + r.digest : r.familiarTagged,
    canonical: r.digest ? `${r.fullName}@${r.digest}` : r.fullTagged,
  };
}

/** A pushed image seen as a registry manifest. */
function fromPushed(p: PushedImage, repository: string, tag: string): Manifest {
  return {
    repository,
    tag,
    digest: p.digest,
    imageId: p.image.id,
    created: p.image.created,
    config: p.image.config,
    history: p.image.history,
    layers: p.layers.map((l) => ({ diffId: l.diffId, blobDigest: blobDigest(l.diffId), size: l.size, compressedSize: l.compressedSize, files: l.files })),
  };
}

/** Add a tag to an image (`docker tag`). */
export function tag(s: EngineState, source: string, target: string) {
  const img = getImage(s, source);
  const t = parseRef(target);
  if (t.digest) throw invalid('refusing to create a tag with a digest reference');
  s.tags[t.fullTagged] = img.id;
}

/** Containers (any state) created from an image. */
function usersOf(s: EngineState, imageId: string) {
  return allContainers(s).filter((c) => c.imageId === imageId);
}

export type RemoveRecord = { untagged: string } | { deleted: string };

/** Remove an image or one of its tags (moby daemon/images/image_delete.go ImageDelete, v27.5.1). */
export function remove(s: EngineState, ref: string, force: boolean): RemoveRecord[] {
  const img = getImage(s, ref);
  const records: RemoveRecord[] = [];
  const byId = FULL_ID.test(ref) || (ID_PREFIX.test(ref) && !s.tags[safeTagged(ref)]);
  const tags = tagsOf(s, img.id);
  const users = usersOf(s, img.id);
  const running = users.find((c) => c.state.status === 'running' || c.state.status === 'paused');
  const parsed = byId ? null : parseRef(ref);
  if (parsed?.digest) {
    // a digest reference (repo@sha256:…) untags only itself
    const d = `${parsed.fullName}@${parsed.digest}`;
    if (tags.length === 0 && img.repoDigests.length === 1 && users.length && !force) {
      throw conflict(`conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(users[0].id)} is using its referenced image ${shortId(img.id)}`);
    }
    img.repoDigests = img.repoDigests.filter((x) => x !== d);
    records.push({ untagged: parsed.familiarString });
  } else if (parsed) {
    const t = parsed.fullTagged;
    if (tags.length === 1 && users.length && !force) {
      throw conflict(`conflict: unable to remove repository reference "${ref}" (must force) - container ${shortId(users[0].id)} is using its referenced image ${shortId(img.id)}`);
    }
    delete s.tags[t];
    records.push({ untagged: parsed.familiarTagged });
    // the last tag of a repository takes that repository's digest references with it (image_delete.go:113-135)
    const repo = parsed.fullName;
    if (!tagsOf(s, img.id).some((x) => parseRef(x).fullName === repo)) {
      for (const d of img.repoDigests.filter((x) => x.startsWith(repo + '@'))) records.push({ untagged: parseRef(d).familiarString });
      img.repoDigests = img.repoDigests.filter((x) => !x.startsWith(repo + '@'));
    }
  } else {
    if (Object.values(s.images).some((i) => i.parent === img.id)) throw conflict(`conflict: unable to delete ${shortId(img.id)} (cannot be forced) - image has dependent child images`);
    if (running) throw conflict(`conflict: unable to delete ${shortId(img.id)} (cannot be forced) - image is being used by running container ${shortId(running.id)}`);
    if (tags.length > 1 && !force) throw conflict(`conflict: unable to delete ${shortId(img.id)} (must be forced) - image is referenced in multiple repositories`);
    if (users.length && !force) throw conflict(`conflict: unable to delete ${shortId(img.id)} (must be forced) - image is being used by stopped container ${shortId(users[0].id)}`);
    // every reference goes, in lexical order of the full names (reference store lexicalRefs)
    for (const r of [...tags, ...img.repoDigests].sort()) {
      if (s.tags[r] === img.id) delete s.tags[r];
      records.push({ untagged: parseRef(r).familiarString });
    }
    img.repoDigests = [];
    deleteImage(s, img, records);
    return records;
  }
  // a reference was removed: a remaining one finishes the remove; else the image goes quietly unless a child image,
  // a running container, or (without -f) a stopped container holds it (imageDeleteHelper with quiet=true)
  if (tagsOf(s, img.id).length || img.repoDigests.length) return records;
  if (deleteConflict(s, img.id, force)) return records;
  deleteImage(s, img, records);
  return records;
}

/** What keeps an image without references from being deleted (checkImageDeleteConflict): hard conflicts always,
 *  stopped containers unless forced. */
function deleteConflict(s: EngineState, id: string, force: boolean): boolean {
  const users = usersOf(s, id);
  return Object.values(s.images).some((i) => i.parent === id) || users.some((c) => c.state.status === 'running' || c.state.status === 'paused') || (!force && users.length > 0);
}

/** Delete an image that has no references left, its layers no other image or container needs, then its parent when
 *  nothing references or uses that (image_delete.go imageDeleteHelper with prune=true). */
function deleteImage(s: EngineState, img: Image, records: RemoveRecord[]) {
  delete s.images[img.id];
  records.push({ deleted: img.id });
  if (usersOf(s, img.id).length) (s.heldImages ??= dict())[img.id] = img;
  const held = heldLayers(s);
  for (const c of chainIds(img.diffIds).reverse()) {
    if (held.has(c)) break;
    delete s.layers[c];
    records.push({ deleted: c });
  }
  const parent = img.parent ? s.images[img.parent] : undefined;
  if (parent && !tagsOf(s, parent.id).length && !parent.repoDigests.length && !deleteConflict(s, parent.id, false)) deleteImage(s, parent, records);
}

function safeTagged(ref: string): string {
  try {
    return parseRef(ref).fullTagged;
  } catch {
    return '';
  }
}

/** `docker image prune [-a]` (moby daemon/images/image_prune.go, v27.5.1): each image that is not an untagged parent
 *  goes through the image delete, without force; a conflict skips it quietly. With -a every reference is deleted in turn,
 *  so an image in use loses all its tags but its last. */
export function prune(s: EngineState, all: boolean, filters: Filters = {}): { records: RemoveRecord[]; reclaimed: number } {
  const { dangling, ...rest } = filters;
  const matches = pruneMatcher(rest, ['label', 'label!', 'until']);
  if (dangling?.some((v) => v === 'false' || v === '0')) all = true; // dangling=false: every unused image
  const parents = new Set(Object.values(s.images).map((i) => i.parent).filter(Boolean));
  const records: RemoveRecord[] = [];
  const before = Object.values(s.layers).reduce((n, l) => n + l.size, 0);
  const top = Object.values(s.images)
    .filter((i) => (all || !parents.has(i.id)) && !(parents.has(i.id) && !tagsOf(s, i.id).length && !i.repoDigests.length) && matches(i.created, i.config.Labels))
    .sort((a, b) => b.created - a.created)
    .map((i) => i.id);
  const attempt = (ref: string) => {
    try {
      records.push(...remove(s, ref, false));
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
    }
  };
  for (const id of top) {
    const img = s.images[id];
    if (!img) continue;
    const tags = tagsOf(s, id);
    const refs = [...tags, ...img.repoDigests].sort();
    if (refs.length) {
      if (all || !tags.length) for (const r of refs) if (s.images[id]) attempt(r);
    } else if (!deleteConflict(s, id, false)) attempt(id);
  }
  const after = Object.values(s.layers).reduce((n, l) => n + l.size, 0);
  return { records, reclaimed: before - after };
}
