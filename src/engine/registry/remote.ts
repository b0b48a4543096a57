// The remote registry (Docker Hub) as data: seed catalog → manifests with layer digests, resolved by reference.
import { lookupSeed, type Manifest } from './catalog';
import { DockerError } from '../errors';
import type { ParsedRef } from '../refs';

export type { Manifest };

/** Find the manifest a pull of `ref` gets, or the registry's error (moby distribution/errors.go texts). */
export function resolveRemote(ref: ParsedRef): Manifest {
  const m = lookupSeed(ref.domain, ref.path, ref.tag ?? 'latest', ref.digest);
  if (m === 'no-repo' || ref.domain !== 'docker.io') {
    throw new DockerError(
      'NotFound',
      `pull access denied for ${ref.familiarName}, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`,
    );
  }
  if (m === 'no-tag') {
    throw new DockerError('NotFound', `manifest for ${ref.familiarString} not found: manifest unknown: manifest unknown`);
  }
  return m;
}
