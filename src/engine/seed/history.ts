// Builders for image history entries, in the two styles real images carry (BuildKit and the classic builder).
import type { SeedHistory, SeedLayer } from './types';

export const BUILDKIT = 'buildkit.dockerfile.v0';

/** BuildKit step that commits a layer (RUN/COPY/ADD/WORKDIR): `created_by` is the layer's. */
export const bkLayer = (created: string, layer: SeedLayer, createdBy = layer.createdBy): SeedHistory =>
  ({ created, created_by: createdBy, comment: BUILDKIT, layer: layer.key });

/** BuildKit metadata step (ENV, CMD, LABEL, EXPOSE map[80/tcp:{}], …): no layer. */
export const bkMeta = (created: string, createdBy: string): SeedHistory =>
  ({ created, created_by: createdBy, comment: BUILDKIT, empty_layer: true });

/** Classic-builder step that commits a layer (`/bin/sh -c …`, `/bin/sh -c #(nop) ADD file:… in / `). */
export const classicLayer = (created: string, layer: SeedLayer): SeedHistory => ({ created, created_by: layer.createdBy, layer: layer.key });

/** Classic-builder metadata step (`/bin/sh -c #(nop)  CMD ["sh"]`). */
export const classicMeta = (created: string, createdBy: string): SeedHistory => ({ created, created_by: createdBy, empty_layer: true });

export const PATH_ENV = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';
