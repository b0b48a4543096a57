// The storage parts of a container's JSON: Mounts (its mount points) and HostConfig.Mounts (API mount.Mount), in API key order.
// docker/cli: (daemon side) moby daemon/inspect.go addMountPoints, api/types/mount/mount.go
import type { Container, MountSpec } from '../../engine/index';
import { ellipsis } from '../format';

/** inspect `Mounts`: every mount point (--tmpfs mounts are not mount points), omitempty Name and Driver. */
export function mountsJSON(c: Container) {
  return (c.mounts ?? [])
    .filter((m) => !m.tmpfsFlag)
    .map((m) => ({
      Type: m.type,
      ...(m.name ? { Name: m.name } : {}),
      Source: m.source,
      Destination: m.destination,
      ...(m.driver ? { Driver: m.driver } : {}),
      Mode: m.mode,
      RW: m.rw,
      Propagation: m.propagation,
    }));
}

/** Go marshals maps with their keys sorted. */
export const sortedMap = <T extends Record<string, string> | null | undefined>(m: T): T => (m ? (Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]])) as T) : m);

const some = (o: Record<string, string> | undefined) => (o && Object.keys(o).length ? sortedMap(o) : undefined);

/** One HostConfig.Mounts entry as the API marshals it (omitempty fields dropped, pointers kept when set). */
export function apiMount(m: MountSpec) {
  const b = m.BindOptions;
  const v = m.VolumeOptions;
  const t = m.TmpfsOptions;
  const drop = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined && x !== '' && x !== false && x !== 0));
  return drop({
    Type: m.Type,
    Source: m.Source,
    Target: m.Target,
    ReadOnly: m.ReadOnly,
    Consistency: m.Consistency,
    BindOptions: b ? drop({ Propagation: b.Propagation, NonRecursive: b.NonRecursive, CreateMountpoint: b.CreateMountpoint }) : undefined,
    VolumeOptions: v ? drop({ NoCopy: v.NoCopy, Labels: some(v.Labels), Subpath: v.Subpath, DriverConfig: v.DriverConfig ? drop({ Name: v.DriverConfig.Name, Options: some(v.DriverConfig.Options) }) : undefined }) : undefined,
    TmpfsOptions: t ? drop({ SizeBytes: t.SizeBytes, Mode: t.Mode }) : undefined,
  });
}

/** `docker ps` .Mounts: volume names (else sources), each cut to 15 cells unless --no-trunc (formatter/container.go Mounts). */
export function mountNames(c: Container, trunc: boolean): string {
  return mountsJSON(c)
    .map((m) => ('Name' in m && m.Name ? m.Name : m.Source))
    .map((n) => (trunc ? ellipsis(n, 15) : n))
    .join(',');
}

/** `docker ps` .LocalVolumes: mount points whose driver is local. */
export function localVolumes(c: Container): number {
  return (c.mounts ?? []).filter((m) => !m.tmpfsFlag && m.driver === 'local').length;
}
