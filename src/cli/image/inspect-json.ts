// The image JSON of `docker image inspect` (Engine 27 / API 1.47: no Container/ContainerConfig/VirtualSize).
import { chainIds, imageSize, parseRef, tagsOf, type EngineState, type Image } from '../../engine/index';
import { nanosOf, rfc3339Nano } from '../format';
import { cacheId, graphDriver, orderedConfig } from '../container/inspect-json';

export function imageJSON(s: EngineState, img: Image) {
  const chains = chainIds(img.diffIds).reverse().map(cacheId);
  return {
    Id: img.id,
    RepoTags: tagsOf(s, img.id).sort().map((t) => parseRef(t).familiarString),
    // moby sorts an image's references by their full string (reference/store.go lexicalRefs)
    RepoDigests: [...img.repoDigests].sort().map((d) => parseRef(d).familiarString),
    Parent: img.parent,
    Comment: img.comment,
    Created: rfc3339Nano(img.created, { nanos: nanosOf(img.created) }),
    DockerVersion: '',
    Author: img.author,
    Config: orderedConfig(img.config),
    Architecture: 'amd64',
    Os: 'linux',
    Size: imageSize(s, img),
    GraphDriver: graphDriver(chains.slice(1), chains[0] ?? cacheId(img.id)),
    RootFS: { Type: 'layers', Layers: img.diffIds },
    Metadata: { LastTagTime: '0001-01-01T00:00:00Z' },
  };
}
