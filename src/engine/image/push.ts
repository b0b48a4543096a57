// Registries we can push to: Docker Hub (user repositories, after docker login) and a local registry:2 container.
import { dict } from '../dict';
import type { EngineState, Image, Layer } from '../state';
import { DockerError } from '../errors';
import { chainIds } from './images';
import { getImage } from '../lookup';
import { parseRef } from '../refs';
import { imageManifest } from '../registry';
import { writeRegistryVolumes } from '../registry';
import { lookupSeed } from '../registry';

/** An image as stored in a registry after a push: enough to pull it back anywhere. */
export interface PushedImage {
  image: Image;
  layers: Layer[];
  digest: string;
  size: number; // manifest size in bytes
}

/** Registry contents by registry host (`docker.io`, `localhost:5000`), then repository path, then tag. */
export type Registries = Record<string, Record<string, Record<string, PushedImage>>>;

/** Is a registry:2 container serving on this host:port right now? (its published port must match) */
export function localRegistryUp(s: EngineState, host: string): boolean {
  const port = Number(host.split(':')[1] ?? '443');
  return Object.values(s.containers).some((c) => c.state.status === 'running' && c.process?.program === 'registry' && c.ports.some((p) => p.hostPort === port));
}

export interface PushReport {
  repository: string; // `docker.io/alice/app`
  tag: string;
  layers: { id: string; status: string }[]; // top layer first
  digest: string;
  size: number;
}

/** `docker push`: the registry must be reachable and writable for this user; layers it has are not sent again. */
export function push(s: EngineState, ref: string, user: string | null): PushReport {
  const r = parseRef(ref);
  const img = getImage(s, r.familiarTagged);
  const tag = r.tag ?? 'latest';
  if (r.domain === 'docker.io') {
    // Docker Hub: only your own namespace, and only when logged in
    if (!user || r.path.split('/')[0] !== user) throw new DockerError('Forbidden', 'denied: requested access to the resource is denied');
  } else if (!localRegistryUp(s, r.domain)) {
    throw new DockerError('Unavailable', `Get "https://${r.domain}/v2/": dial tcp ${r.domain.startsWith('localhost') ? '127.0.0.1' + r.domain.slice(9) : r.domain}: connect: connection refused`);
  }
  const regs = (s.registries[r.domain] ??= dict());
  const repo = (regs[r.path] ??= {});
  const known = new Set(Object.values(regs).flatMap((t) => Object.values(t).flatMap((p) => p.image.diffIds)));
  const inRepo = new Set(Object.values(repo).flatMap((p) => p.image.diffIds));
  const chains = chainIds(img.diffIds);
  const layers = chains.map((c) => s.layers[c]);
  const report: PushReport['layers'] = [];
  for (let i = img.diffIds.length - 1; i >= 0; i--) {
    const d = img.diffIds[i];
    const id = d.slice(7, 19);
    // layers of official images come from Docker Hub's library repositories (cross-repository mount)
    const from = r.domain === 'docker.io' ? img.repoDigests.map((x) => parseRef(x)).find((x) => x.domain === 'docker.io' && lookupSeed(x.domain, x.path, 'latest') !== 'no-repo') : undefined;
    if (inRepo.has(d)) report.push({ id, status: 'Layer already exists' });
    else if (known.has(d) || from) report.push({ id, status: from ? `Mounted from ${from.path}` : 'Layer already exists' });
    else report.push({ id, status: 'Pushed' });
  }
  // the manifest names blobs by digest only: the same image pushed to any registry or repository has the same digest
  const { digest, size } = imageManifest(img, layers);
  repo[tag] = { image: img, layers, digest, size };
  const rd = `${r.fullName}@${digest}`;
  if (!img.repoDigests.includes(rd)) img.repoDigests.push(rd);
  writeRegistryVolumes(s); // a registry:2 container stores what it received under /var/lib/registry
  return { repository: r.fullName, tag, layers: report, digest, size };
}

/** What a pull finds in a pushed-to registry, or null (then the Hub catalog is asked). */
export function findPushed(s: EngineState, domain: string, path: string, tag: string, digest?: string): PushedImage | null {
  const repo = s.registries[domain]?.[path];
  if (!repo) return null;
  if (digest) return Object.values(repo).find((p) => p.digest === digest) ?? null;
  return repo[tag] ?? null;
}
