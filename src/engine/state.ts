// EngineState and the entity types of the simulated daemon: plain, serialisable data with no behaviour.
import type { Endpoint, HostNet, NetHostConfig, Network, PortMapping } from './network-types';

import type { FileTable } from './fs-types';
import type { Mount, MountHostConfig, Volume } from './volume-types';
import type { PacketRecord } from './network-types';
import type { HostState } from './host-types';
export type { HostState, HostUnit, DaemonConfig, JournalLine } from './host-types';
export type { FsNode, FileTable } from './fs-types';
export type { Volume, Mount, MountSpec, MountHostConfig, MountCreateOptions, MountWrites } from './volume-types';
export type { Endpoint, Network, PortMapping, IpamConfig, HostNet, NetHostConfig, Rule, RuleEdit, PacketRecord, TraceStep, RuleHit, TableName } from './network-types';

/** A read-only image layer in the layer store (graphdriver keyed by chain ID). */
export interface Layer {
  diffId: string; // sha256:<hex> of the layer content
  chainId: string; // sha256:<hex>; equals diffId for a base layer
  parent: string | null; // parent chain ID
  size: number; // uncompressed bytes, as `docker history` shows
  compressedSize: number; // bytes sent by the registry (pull progress)
  files: FileTable;
  /** Made on this engine (a build step, a commit, an import), not pulled: the picture draws such layers one by one. */
  local?: true;
}

export interface HealthConfig {
  Test: string[];
  /** Durations in nanoseconds, as in the image config JSON (omitted when unset). */
  Interval?: number;
  Timeout?: number;
  StartPeriod?: number;
  StartInterval?: number;
  Retries?: number;
}

/** One probe's outcome (moby HealthcheckResult); times in simulated ms. */
export interface HealthResult {
  start: number;
  end: number;
  exitCode: number;
  output: string;
}

/** State.Health of a container whose healthcheck monitor was started (container/health.ts). */
export interface HealthState {
  status: 'starting' | 'healthy' | 'unhealthy';
  failingStreak: number;
  /** The last 5 results, oldest first. */
  log: HealthResult[];
  /** When the next probe starts (simulated ms); null while the monitor is stopped (not running, paused). */
  nextAt: number | null;
}

/** Image / container config: the fields of the OCI image config that docker uses. */
export interface ContainerConfig {
  Hostname: string;
  Domainname: string;
  User: string;
  AttachStdin: boolean;
  AttachStdout: boolean;
  AttachStderr: boolean;
  ExposedPorts?: Record<string, Record<string, never>>;
  Tty: boolean;
  OpenStdin: boolean;
  StdinOnce: boolean;
  Env: string[];
  Cmd: string[] | null;
  Image: string;
  Volumes: Record<string, Record<string, never>> | null;
  WorkingDir: string;
  Entrypoint: string[] | null;
  OnBuild: string[] | null;
  Labels: Record<string, string> | null;
  StopSignal?: string;
  /** --stop-timeout: seconds `docker stop` waits before SIGKILL (unset: 10). */
  StopTimeout?: number;
  /** HEALTHCHECK of the image (Dockerfile / --health-*). */
  Healthcheck?: HealthConfig;
  /** SHELL of the image (Dockerfile), used for shell-form RUN/CMD/ENTRYPOINT. */
  Shell?: string[];
}

export interface HistoryEntry {
  created: number; // ms since epoch
  createdBy: string;
  emptyLayer: boolean;
  comment: string;
}

export interface Image {
  id: string; // sha256:<hex> of the config JSON
  parent: string; // '' unless built by the classic builder or committed
  created: number;
  author: string;
  comment: string;
  config: ContainerConfig;
  diffIds: string[]; // rootfs layers, lowest first
  history: HistoryEntry[];
  /** Registry digests this image is known by, as `repository@sha256:…` (full names). */
  repoDigests: string[];
  /** Classic builder: what the step that made this image did (its cache-probe key, moby compares ContainerConfig). */
  buildKey?: string;
}

/** One BuildKit build-cache record (a step's result, or a base image / context the builder has loaded). */
export interface BuildCacheRecord {
  /** The layer the step produced (null: no filesystem change). */
  diffId: string | null;
  /** The layer's files, kept so a cached step still works after `docker rmi` deleted the layer. */
  files: FileTable | null;
  size: number;
  created: number;
  lastUsed: number;
  usageCount: number;
  /** `docker buildx du` description (`mount / from exec /bin/sh -c …`). */
  description: string;
  /** Build-context records: path → content hash, to send only what changed. */
  context?: Record<string, string>;
}

export type ContainerStatus = 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';

export interface ContainerState {
  status: ContainerStatus;
  pid: number;
  exitCode: number;
  error: string;
  oomKilled: boolean;
  startedAt: number; // 0 = never
  finishedAt: number; // 0 = never
  /** While paused: when the freezer stopped the processes (their output and exit wait until unpause). */
  pausedAt?: number;
}

export interface RestartPolicy {
  Name: 'no' | 'always' | 'unless-stopped' | 'on-failure';
  MaximumRetryCount: number;
}

export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

// Dns/DnsOptions/DnsSearch/ExtraHosts/Links live in NetHostConfig (network-types.ts)
export interface HostConfig extends NetHostConfig, MountHostConfig {
  AutoRemove: boolean;
  NetworkMode: string;
  RestartPolicy: RestartPolicy;
  PortBindings: Record<string, PortBinding[]>;
  PublishAllPorts: boolean;
  Privileged: boolean;
  ReadonlyRootfs: boolean;
  Binds: string[] | null;
  Memory: number;
  MemorySwap: number;
  CpuShares: number;
  NanoCpus: number;
  /** CFS period and quota in µs (docker update --cpu-period/--cpu-quota); absent: 0. */
  CpuPeriod?: number;
  CpuQuota?: number;
  BlkioWeight: number;
  /** --memory-reservation (soft limit), --cpuset-cpus, --pids-limit (null: unlimited): set by docker update. */
  MemoryReservation?: number;
  CpusetCpus?: string;
  PidsLimit?: number | null;
  /** --memory-swappiness (null: the kernel's default). */
  MemorySwappiness?: number | null;
  /** --init: docker-init (tini) is PID 1 and runs the command as its child. */
  Init?: boolean;
  /** --device-read-bps / --device-write-bps / --device-read-iops / --device-write-iops (blkio throttles). */
  BlkioDeviceReadBps?: ThrottleDevice[];
  BlkioDeviceWriteBps?: ThrottleDevice[];
  BlkioDeviceReadIOps?: ThrottleDevice[];
  BlkioDeviceWriteIOps?: ThrottleDevice[];
}

/** A block device rate limit (api/types/blkiodev ThrottleDevice). */
export interface ThrottleDevice {
  Path: string;
  Rate: number;
}

export interface LogEntry {
  time: number; // ms
  stream: 'stdout' | 'stderr';
  text: string; // a chunk; usually one line with its '\n'
}

/** What the container's main process is doing, as the simulated runtime reported it (`kind` tells which it is;
 *  `program` names it: the known program's name, or the kind itself). */
export type ProcessInfo =
  /** A known long-running program (container/programs.ts); `oom`: the memory cgroup's OOM killer will kill it (State.OOMKilled);
   *  `data`: what a server holds in memory (redis-server's dataset, as JSON), lost when the process ends. */
  | (ProcessTimes & { kind: 'program'; program: string; oom?: boolean; data?: string })
  /** A script the shell runtime ran: its recorded run is what the container does (and what a restart replays); `listens`:
   *  TCP ports its server listens on (the runtime answers their requests); `traps`: signals it handles itself (they end it with 0);
   *  `served`: the requests its server has answered so far (the runtime replays them before a new one, so the server's
   *  memory lasts as long as the process). */
  | (ProcessTimes & { kind: 'script'; program: 'script'; listens?: number[]; traps?: string[]; served?: ServedRequest[] })
  /** The shell runtime is running it now and reports back (processDone). */
  | (ProcessTimes & { kind: 'runtime'; program: 'runtime' })
  /** An interactive shell, until the user exits it. */
  | (ProcessTimes & { kind: 'interactive'; program: 'interactive' });

/** One request a server script answered: what it was, when, and what its calls out of the process returned (redis
 *  replies, in order), so a replay gives the handler the same answers without calling again. */
export interface ServedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  client: string;
  body?: string;
  time: number;
  effects?: unknown[];
}

export interface ProcessTimes {
  /** Simulated time at which the process exits by itself; null = runs until stopped. */
  exitAt: number | null;
  exitCode: number;
}

/** What a script process did the last time the runtime ran it (replayed when a restart policy restarts it). */
export interface ScriptRecord {
  output: { offset: number; stream: 'stdout' | 'stderr'; text: string }[];
  elapsed: number | null;
  exitCode: number;
  /** Ports its server listened on and signals it trapped, so a restart of the same script does so again. */
  listens?: number[];
  traps?: string[];
}

export interface Container {
  id: string; // 64 hex
  /** Creation number: containers are listed in this order. */
  seq: number;
  name: string; // without the leading '/'
  created: number;
  path: string;
  args: string[];
  imageId: string; // sha256:<hex>
  config: ContainerConfig; // Config.Image = the image as typed
  hostConfig: HostConfig;
  state: ContainerState;
  restartCount: number;
  /** The writable (upper) layer: copied-up files, new files and whiteouts. */
  upper: FileTable;
  logs: LogEntry[];
  process: ProcessInfo | null;
  /** The last run of a script main process, for restart policies. */
  script: ScriptRecord | null;
  /** Stopped with docker stop/kill: restart policies leave it alone (moby HasBeenManuallyStopped). */
  manuallyStopped: boolean;
  /** When a restarting container starts again (restart policy backoff). */
  restartAt: number;
  /** Exec processes running now (Inspect ExecIDs). */
  execIds: string[];
  /** What each running exec runs, and when a detached one ends (null: it runs until the container stops), for top and ps. */
  execProcs?: Record<string, { argv: string[]; started: number; until: number | null }>;
  /** Network attachments by network name (network/); empty for --network none/host/container:X. */
  endpoints: Record<string, Endpoint>;
  /** Published ports in effect while running (network/). */
  ports: PortMapping[];
  /** volumes, binds and tmpfs mounts (storage/mounts.ts). */
  mounts: Mount[];
  /** State.Health: set when a container with a healthcheck first starts (container/health.ts). */
  health?: HealthState;
}

/** Containers by ID in two levels of buckets keyed by the ID's first and second hex digits (container-table.ts reads and writes it). */
export type ContainerTable = Map<number, Map<number, Map<string, Container>>>;

export interface EngineState {
  /** Simulated wall clock, ms since epoch. */
  clock: number;
  /** Seeded PRNG state (ids, names, digests of new objects). */
  rng: { s: [number, number, number, number] };
  /** Next PID handed to a container's main process. */
  nextPid: number;
  layers: Record<string, Layer>; // by chain ID
  images: Record<string, Image>; // by image ID
  /** Tag references → image ID, keyed by the full normalised name (`docker.io/library/nginx:latest`). */
  tags: Record<string, string>;
  /** Containers by ID (read and written through container-table.ts: containerById, allContainers, putContainer …). */
  containers: ContainerTable;
  /** The creation number the next container gets (Container.seq: listings are in creation order). */
  containerSeq: number;
  /** What was pushed to registries (Docker Hub user repositories, local registry:2 containers). */
  registries: Registries;
  /** Networks by ID (bridge, host and none exist from the start). */
  networks: Record<string, Network>;
  /** BuildKit build cache by cache key (build/). */
  buildCache: Record<string, BuildCacheRecord>;
  /** Host networking state (network/): interface counters, port allocator, sysctls, user iptables edits. */
  hostNet: HostNet;
  /** local volumes by name (storage/volumes.ts). */
  volumes: Record<string, Volume>;
  /** Images deleted (`rmi -f`) while stopped containers still use them: out of every listing, their layers kept until
   *  the last such container is removed (the layer store's reference counts). */
  heldImages?: Record<string, Image>;
  /** A host that began without Docker (host-types.ts); absent: Docker installed and running, used as root. */
  host?: HostState;
}

/** An image as stored in a registry after a push: enough to pull it back anywhere. */
export interface PushedImage {
  image: Image;
  layers: Layer[];
  digest: string;
  size: number; // manifest size in bytes
}

/** Registry contents by registry host (`docker.io`, `localhost:5000`), then repository path, then tag. */
export type Registries = Record<string, Record<string, Record<string, PushedImage>>>;
