// Types of the seed registry catalog: layers (with representative file content), images (config + history), search rows.

export type SeedEntry =
  | { path: string; kind: 'dir'; mode?: number }
  | { path: string; kind: 'file'; content: string; mode?: number; size?: number /* apparent size if content is a stand-in, e.g. a binary */ }
  | { path: string; kind: 'symlink'; target: string };

export interface SeedLayer {
  key: string;              // our name for it, e.g. 'debian-bookworm-slim-base'
  createdBy: string;        // the history created_by of the step that made it (real-looking, e.g. '/bin/sh -c #(nop) ADD file:ba2637314e600db5a... in / ' or BuildKit-style 'RUN /bin/sh -c set -x && ... # buildkit')
  size: number;             // realistic uncompressed size in bytes (docker image sizes are sums of these)
  compressedSize: number;   // realistic download size (for pull progress)
  entries: SeedEntry[];     // representative content of the layer (see below)
}

export interface SeedHistory { created: string; created_by: string; empty_layer?: boolean; comment?: string; layer?: string /* SeedLayer.key for non-empty steps */ }

export interface SeedImage {
  repository: string;       // 'library/nginx', 'progrium/stress', 'library/registry'
  tags: string[];           // all tags that point to THIS image, e.g. ['18.04','bionic']
  created: string;          // ISO 8601 build time of the real image
  config: { Env: string[]; Cmd: string[] | null; Entrypoint: string[] | null; WorkingDir: string; User?: string;
            ExposedPorts?: Record<string, Record<string, never>>; Volumes?: Record<string, Record<string, never>>; StopSignal?: string; Labels?: Record<string, string> | null };
  history: SeedHistory[];   // in build order, like `docker image inspect` config history; non-empty steps name their layer
  search?: { description: string; stars: number; official: boolean };  // for `docker search`
}

/** A `docker search` row for a repository that is in the catalog only as a search result (it cannot be pulled). */
export interface SeedSearchResult {
  name: string;             // as `docker search` prints it: 'bitnami/nginx'
  description: string;
  stars: number;
  official: boolean;
  automated?: boolean;      // the old AUTOMATED column (removed from `docker search` output in Engine 25)
}
