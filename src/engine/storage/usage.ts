// docker system df's numbers: image, container, volume and build-cache disk usage (daemon/disk_usage.go rules).
import type { EngineState, Image } from '../state';
import { chainIds, tagsOf } from '../image';
import { tableSize } from '../layers';
import { volumeUsage } from './volumes';
import { allContainers, containerById } from '../container-table';

export interface ImageUsage {
  image: Image;
  tags: string[];
  size: number;
  shared: number; // bytes in layers other images use too
  containers: number;
}

export interface DiskUsage {
  images: ImageUsage[];
  layersSize: number; // every distinct layer once
  containers: { id: string; sizeRw: number; active: boolean }[];
  volumes: { name: string; size: number; refCount: number }[];
  buildCache: { id: string; size: number; created: number; lastUsed: number; usage: number; description: string }[];
}

export function diskUsage(s: EngineState): DiskUsage {
  const refs = new Map<string, number>();
  for (const img of Object.values(s.images)) for (const c of chainIds(img.diffIds)) refs.set(c, (refs.get(c) ?? 0) + 1);
  const users = new Map<string, number>();
  for (const c of allContainers(s)) users.set(c.imageId, (users.get(c.imageId) ?? 0) + 1);
  const images = Object.values(s.images)
    .sort((a, b) => b.created - a.created)
    .map((image) => {
      const chains = chainIds(image.diffIds);
      const size = chains.reduce((n, c) => n + (s.layers[c]?.size ?? 0), 0);
      const shared = chains.filter((c) => (refs.get(c) ?? 0) > 1).reduce((n, c) => n + (s.layers[c]?.size ?? 0), 0);
      return { image, tags: tagsOf(s, image.id), size, shared, containers: users.get(image.id) ?? 0 };
    });
  return {
    images,
    layersSize: Object.values(s.layers).reduce((n, l) => n + l.size, 0),
    containers: allContainers(s).map((c) => ({ id: c.id, sizeRw: tableSize(c.upper), active: ['running', 'paused', 'restarting'].includes(c.state.status) })),
    volumes: volumeUsage(s),
    buildCache: Object.entries(s.buildCache ?? {}).map(([id, r]) => ({ id, size: r.size, created: r.created, lastUsed: r.lastUsed, usage: r.usageCount, description: r.description })),
  };
}
