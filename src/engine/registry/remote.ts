// Remote registries as data: Docker Hub's seed catalog resolved by reference, and what was pushed to Hub repositories or registry:2 containers.
import { lookupSeed, type Manifest } from './catalog';
import type { EngineState, PushedImage } from '../state';
import { manifestUnknown, notFound } from '../errors';
import type { ParsedRef } from '../refs';
import { allContainers } from '../container-table';

export type { Manifest };

/** Find the manifest a pull of `ref` gets, or the registry's error (moby distribution/errors.go texts). */
export function resolveRemote(ref: ParsedRef): Manifest {
  const m = lookupSeed(ref.domain, ref.path, ref.tag ?? 'latest', ref.digest);
  if (m === 'no-repo' || ref.domain !== 'docker.io') {
    throw notFound(`pull access denied for ${ref.familiarName}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    );
  }
  if (m === 'no-tag') {
    throw manifestUnknown(ref.familiarString);
  }
  return m;
}

/** Is a registry:2 container serving on this host:port right now? (its published port must match) */
export function localRegistryUp(s: EngineState, host: string): boolean {
  const port = Number(host.split(':')[1] ?? '443');
  return allContainers(s).some((c) => c.state.status === 'running' && c.process?.program === 'registry' && c.ports.some((p) => p.hostPort === port));
}

/** What a pull finds in a pushed-to registry, or null (then the Hub catalog is asked). */
export function findPushed(s: EngineState, domain: string, path: string, tag: string, digest?: string): PushedImage | null {
  const repo = s.registries[domain]?.[path];
  if (!repo) return null;
  if (digest) return Object.values(repo).find((p) => p.digest === digest) ?? null;
  return repo[tag] ?? null;
}
