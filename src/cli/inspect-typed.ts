// Go struct views of parts of the inspect JSON, so templates print them as Go's fmt prints the API types.
// moby v27 api/types: nat.PortSet/Volumes are map[string]struct{}, nat.PortMap holds []nat.PortBinding, Mounts []types.MountPoint,
// HostConfig's RestartPolicy and LogConfig are structs
import { goStruct } from './format/template';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** map[string]struct{} values print `{}` (`map[80/tcp:{}]`), not `map[]`. */
function emptyStructs(m: unknown): void {
  if (isObj(m)) for (const k of Object.keys(m)) m[k] = goStruct({}, 'struct {}');
}

/** nat.PortMap: each binding is a nat.PortBinding `{HostIP HostPort}`. */
function portBindings(m: unknown): void {
  if (!isObj(m)) return;
  for (const list of Object.values(m)) if (Array.isArray(list)) list.forEach((b, i) => isObj(b) && (list[i] = goStruct({ HostIp: b.HostIp ?? '', HostPort: b.HostPort ?? '' }, 'nat.PortBinding')));
}

/** container.Config (a container's or an image's): ExposedPorts and Volumes hold empty structs. */
export function typedConfig(cfg: unknown): void {
  if (!isObj(cfg)) return;
  emptyStructs(cfg.ExposedPorts);
  emptyStructs(cfg.Volumes);
}

const MOUNT_FIELDS = ['Type', 'Name', 'Source', 'Destination', 'Driver', 'Mode', 'RW', 'Propagation'] as const;

/** types.MountPoint with every field in order; Name and Driver (omitempty) stay out of `json` when empty. */
function mountPoint(m: Obj): Obj {
  const out: Obj = {};
  for (const k of MOUNT_FIELDS) out[k] = m[k] ?? (k === 'RW' ? false : '');
  for (const k of ['Name', 'Driver']) if (!m[k]) Object.defineProperty(out, k, { enumerable: false });
  return goStruct(out, 'types.MountPoint');
}

/** The struct-typed parts of a container's inspect JSON. */
export function typedContainerParts(raw: Obj): void {
  typedConfig(raw.Config);
  const ns = raw.NetworkSettings;
  if (isObj(ns)) portBindings(ns.Ports);
  const host = raw.HostConfig;
  if (isObj(host)) {
    portBindings(host.PortBindings);
    // container.RestartPolicy {Name MaximumRetryCount} and container.LogConfig {Type Config}: `{no 0}`, `{json-file map[]}`
    const rp = host.RestartPolicy;
    if (isObj(rp)) host.RestartPolicy = goStruct({ Name: rp.Name ?? '', MaximumRetryCount: rp.MaximumRetryCount ?? 0 }, 'container.RestartPolicy');
    const lc = host.LogConfig;
    if (isObj(lc)) host.LogConfig = goStruct({ Type: lc.Type ?? '', Config: lc.Config ?? {} }, 'container.LogConfig');
  }
  if (Array.isArray(raw.Mounts)) raw.Mounts = raw.Mounts.map((m) => (isObj(m) ? mountPoint(m) : m));
}
