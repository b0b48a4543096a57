// The Compose project model: a validated, interpolated compose file turned into services, networks and volumes.

export const COMPOSE_VERSION = '2.32.4';

/** com.docker.compose.* labels (docker/compose pkg/api/labels.go). */
export const LABEL = {
  project: 'com.docker.compose.project',
  service: 'com.docker.compose.service',
  configHash: 'com.docker.compose.config-hash',
  number: 'com.docker.compose.container-number',
  volume: 'com.docker.compose.volume',
  network: 'com.docker.compose.network',
  workingDir: 'com.docker.compose.project.working_dir',
  configFiles: 'com.docker.compose.project.config_files',
  oneoff: 'com.docker.compose.oneoff',
  image: 'com.docker.compose.image',
  dependsOn: 'com.docker.compose.depends_on',
  version: 'com.docker.compose.version',
} as const;

export type DependCondition = 'service_started' | 'service_healthy' | 'service_completed_successfully';

export interface PortSpec {
  target: number;
  published?: string;
  hostIp?: string;
  protocol: string;
}

export interface VolumeMount {
  type: 'volume' | 'bind' | 'tmpfs';
  /** A top-level volume's key (type volume), a host path (bind, made absolute), or empty (anonymous volume / tmpfs). */
  source: string;
  target: string;
  readOnly: boolean;
}

export interface Healthcheck {
  test?: string[];
  interval?: string;
  timeout?: string;
  retries?: number;
  startPeriod?: string;
  disable?: boolean;
}

export interface BuildSpec {
  context: string;
  dockerfile?: string;
  args: [string, string][];
  target?: string;
}

/** A top-level secret or config. */
export interface FileObject {
  key: string;
  /** `<project>_<key>`, the external name, or `name:`. */
  name: string;
  file?: string;
  environment?: string;
  content?: string;
  external: boolean;
  driver?: string;
  templateDriver?: string;
}

/** A service's use of one: short syntax (the key) or long (source, target, uid, gid, mode). */
export interface FileRef {
  source: string;
  target?: string;
  uid?: string;
  gid?: string;
  mode?: number;
}

export interface Service {
  name: string;
  image?: string;
  build?: BuildSpec;
  command?: string[];
  entrypoint?: string[];
  environment: [string, string | undefined][];
  /** env_file paths (absolute) and whether each must exist; read by the loader into `environment`. */
  envFiles: { path: string; required: boolean }[];
  ports: PortSpec[];
  expose: string[];
  volumes: VolumeMount[];
  /** Network key → aliases; the key `default` is the project's default network. */
  networks: [string, string[]][];
  networkMode?: string;
  /** Dependency → its condition, whether it must exist (`required`), and whether restarting it restarts this service. */
  dependsOn: [string, DependCondition, boolean, boolean][];
  healthcheck?: Healthcheck;
  restart?: string;
  workingDir?: string;
  user?: string;
  hostname?: string;
  containerName?: string;
  labels: [string, string][];
  tty: boolean;
  stdinOpen: boolean;
  memLimit?: string;
  cpus?: string;
  replicas: number;
  profiles: string[];
  secrets: FileRef[];
  configs: FileRef[];
  /** The service as written (after interpolation), for `config` and the config hash. */
  raw: Record<string, unknown>;
}

export interface NetworkSpec {
  key: string;
  /** The engine name: `<project>_<key>`, or `name:`, or the external network's name. */
  name: string;
  external: boolean;
  driver?: string;
  labels: [string, string][];
  subnet?: string;
}

export interface VolumeSpec {
  key: string;
  name: string;
  external: boolean;
  driver?: string;
  labels: [string, string][];
}

export interface Project {
  name: string;
  workingDir: string;
  configFiles: string[];
  services: Service[];
  networks: NetworkSpec[];
  volumes: VolumeSpec[];
  secrets: FileObject[];
  configs: FileObject[];
  /** The project's environment (shell, then .env): where environment-sourced secrets and configs come from. */
  lookup: (name: string) => string | undefined;
  /** The whole interpolated document, for `docker compose config`. */
  doc: Record<string, unknown>;
}

/** compose-go NormalizeProjectName: lower case, keep [a-z0-9_-], no leading _ or -. */
export function normalizeProjectName(s: string): string {
  return (s.toLowerCase().match(/[a-z0-9_-]/g) ?? []).join('').replace(/^[_-]+/, '');
}

export const VALID_PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
