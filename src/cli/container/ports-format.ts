// The PORTS column of `docker ps` (DisplayablePorts) and the port list `docker port` prints.
// docker/cli: cli/command/formatter/container.go (DisplayablePorts, v27), cli/command/container/port.go
import type { Container } from '../../engine/index';
import { isRunning } from '../../engine/index';

/** types.Port as the daemon lists it: exposed-only ports have no IP/public port. */
export interface ApiPort {
  IP: string;
  PrivatePort: number;
  PublicPort: number;
  Type: string;
}

/** daemon/list.go: published bindings plus exposed-but-unpublished ports (running containers only). */
export function apiPorts(c: Container): ApiPort[] {
  if (!isRunning(c) || (!c.ports.length && !c.config.ExposedPorts)) return [];
  // host, none and container:X modes have no port map of their own (NetworkSettings.Ports stays empty)
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host' || mode === 'none' || mode.startsWith('container:')) return [];
  const out: ApiPort[] = c.ports.map((m) => ({ IP: m.hostIp, PrivatePort: m.containerPort, PublicPort: m.hostPort, Type: m.proto }));
  for (const key of Object.keys(c.config.ExposedPorts ?? {})) {
    const [p, proto] = key.split('/');
    if (!c.ports.some((m) => m.containerPort === Number(p) && m.proto === proto)) out.push({ IP: '', PrivatePort: Number(p), PublicPort: 0, Type: proto });
  }
  return out;
}

const joinHostPort = (ip: string, port: number | string) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

function comparePorts(i: ApiPort, j: ApiPort): number {
  if (i.PrivatePort !== j.PrivatePort) return i.PrivatePort - j.PrivatePort;
  if (i.IP !== j.IP) return i.IP < j.IP ? -1 : 1;
  if (i.PublicPort !== j.PublicPort) return i.PublicPort - j.PublicPort;
  return i.Type < j.Type ? -1 : i.Type > j.Type ? 1 : 0;
}

function formGroup(key: string, start: number, last: number): string {
  const parts = key.split('/');
  let groupType = parts[0];
  let ip = '';
  if (parts.length > 1) {
    ip = parts[0];
    groupType = parts[1];
  }
  let group = String(start);
  if (start !== last) group = `${group}-${last}`;
  if (ip !== '') group = `${ip}:${group}->${group}`;
  return `${group}/${groupType}`;
}

/** DisplayablePorts (CLI 27): ranges merged per group, host mappings (`[::]:8080->80/tcp`) after the groups. */
export function displayablePorts(ports: ApiPort[]): string {
  const groupMap = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const hostMappings: string[] = [];
  for (const port of [...ports].sort(comparePorts)) {
    const current = port.PrivatePort;
    let portKey = port.Type;
    if (port.IP !== '') {
      if (port.PublicPort !== current) {
        hostMappings.push(`${joinHostPort(port.IP, port.PublicPort)}->${port.PrivatePort}/${port.Type}`);
        continue;
      }
      portKey = `${port.IP}/${port.Type}`;
    }
    const group = groupMap.get(portKey);
    if (!group) {
      groupMap.set(portKey, { first: current, last: current });
      continue;
    }
    if (current === group.last + 1) {
      group.last = current;
      continue;
    }
    result.push(formGroup(portKey, group.first, group.last));
    groupMap.set(portKey, { first: current, last: current });
  }
  for (const [key, g] of groupMap) result.push(formGroup(key, g.first, g.last));
  return [...result, ...hostMappings].join(', ');
}
