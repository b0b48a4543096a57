// What `docker push` uploads: the image config JSON, the layers' compressed blobs and the schema2 manifest naming them.
import type { Image, Layer } from '../state';
import { sha256Hex } from '../ids';
import { seedConfigText } from './catalog';

export const MANIFEST_V2 = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG_V1 = 'application/vnd.docker.container.image.v1+json';
const LAYER_GZIP = 'application/vnd.docker.image.rootfs.diff.tar.gzip';

/** A blob as a manifest names it (distribution Descriptor). */
export interface Blob {
  digest: string;
  size: number;
}

/** The push of one image: the manifest text and digest, the config blob (with its text) and the layer blobs, lowest first. */
export interface ImageManifest extends Blob {
  text: string;
  config: Blob & { text: string };
  layers: Blob[];
}

const utf8Length = (t: string) => new TextEncoder().encode(t).length;

/** The digest of a layer's gzip-compressed tar: the same bytes every time, so every registry gets the same blob. */
export const blobDigest = (diffId: string) => 'sha256:' + sha256Hex('blob ' + diffId);

/** The config JSON of a built or committed image (its ID is the sha256 of this text). */
export function configJson(n: Pick<Image, 'author' | 'config' | 'created' | 'history' | 'parent' | 'diffIds'>): string {
  return JSON.stringify({
    architecture: 'amd64',
    author: n.author || undefined,
    config: n.config,
    created: new Date(n.created).toISOString(),
    history: n.history.map((h) => ({ created: new Date(h.created).toISOString(), created_by: h.createdBy, comment: h.comment || undefined, empty_layer: h.emptyLayer || undefined })),
    os: 'linux',
    parent: n.parent || undefined,
    rootfs: { type: 'layers', diff_ids: n.diffIds },
  });
}

/** The config blob's text: a pulled image's as the registry sent it, otherwise the one its ID was computed from. */
export function imageConfigText(img: Image): string {
  return seedConfigText(img) ?? configJson(img);
}

/**
 * The schema2 manifest docker pushes (distribution manifest/schema2: `json.MarshalIndent(m, "", "   ")`). It names
 * no repository or registry, so the same image pushed anywhere has the same manifest digest.
 */
export function imageManifest(img: Image, layers: Layer[]): ImageManifest {
  const text = imageConfigText(img);
  const config = { digest: img.id, size: utf8Length(text), text };
  const blobs = layers.map((l) => ({ digest: blobDigest(l.diffId), size: l.compressedSize }));
  const desc = (mediaType: string, b: Blob) => ({ mediaType, size: b.size, digest: b.digest });
  const manifest = JSON.stringify({ schemaVersion: 2, mediaType: MANIFEST_V2, config: desc(CONFIG_V1, config), layers: blobs.map((b) => desc(LAYER_GZIP, b)) }, null, 3);
  return { text: manifest, digest: 'sha256:' + sha256Hex(manifest), size: utf8Length(manifest), config, layers: blobs };
}
