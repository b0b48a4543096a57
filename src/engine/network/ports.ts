// Port publishing (libnetwork portallocator + bridge driver): host bindings for -p/-P, ephemeral range, conflicts.
import { publishedPorts } from '../indexes';
import type { Container, EngineState, PortMapping } from '../state';
import { DockerError } from '../errors';

/** /proc/sys/net/ipv4/ip_local_port_range on a default Linux host. */
export const EPHEMERAL = { start: 32768, end: 60999 };

type Proto = PortMapping['proto'];

/** `80/tcp` → [80, 'tcp']. */
export function splitPortKey(key: string): [number, Proto] {
  const [p, proto] = key.split('/');
  return [parseInt(p, 10), (proto || 'tcp') as Proto];
}

const family = (ip: string) => (ip.includes(':') ? 6 : 4);
const unspecified = (ip: string) => ip === '0.0.0.0' || ip === '::';

/** Every binding in effect on the host right now (running containers only). */
export function hostBindings(s: EngineState, except?: string): PortMapping[] {
  return publishedPorts(s, except);
}

/** 'same' when exactly this ip:port/proto is taken; 'overlap' when a wildcard of the same family covers it. */
function clash(taken: PortMapping[], ip: string, port: number, proto: Proto): 'same' | 'overlap' | null {
  for (const t of taken) {
    if (t.hostPort !== port || t.proto !== proto || family(t.hostIp) !== family(ip)) continue;
    if (t.hostIp === ip) return 'same';
    if (unspecified(t.hostIp) || unspecified(ip)) return 'overlap';
  }
  return null;
}

interface Request {
  containerPort: number;
  proto: Proto;
  hostIp: string;
  /** '' = ephemeral, '8080', or a dynamic range '8000-8010'. */
  hostPort: string;
}

/** HostConfig.PortBindings (+ -P for exposed ports) as requests, in nat.SortPortMap order: fixed host ports first. */
function requests(c: Container): Request[] {
  const out: Request[] = [];
  const bindings = c.hostConfig.PortBindings ?? {};
  for (const [key, list] of Object.entries(bindings)) {
    const [containerPort, proto] = splitPortKey(key);
    for (const b of list.length ? list : [{ HostIp: '', HostPort: '' }]) out.push({ containerPort, proto, hostIp: b.HostIp, hostPort: b.HostPort });
  }
  if (c.hostConfig.PublishAllPorts) {
    for (const key of Object.keys(c.config.ExposedPorts ?? {})) {
      if (bindings[key]) continue;
      const [containerPort, proto] = splitPortKey(key);
      out.push({ containerPort, proto, hostIp: '', hostPort: '' });
    }
  }
  const fixed = (r: Request) => (r.hostPort && !r.hostPort.includes('-') ? parseInt(r.hostPort, 10) : 0);
  return out.sort((a, b) => fixed(b) - fixed(a) || a.containerPort - b.containerPort || (a.proto < b.proto ? -1 : a.proto > b.proto ? 1 : 0));
}

/** Allocate host ports for a starting container; throws `Bind for … failed: port is already allocated`. */
export function publishPorts(s: EngineState, c: Container, endpointId: string): PortMapping[] {
  const taken = hostBindings(s, c.id);
  const out: PortMapping[] = [];
  const fail = (why: string) => new DockerError('System', `driver failed programming external connectivity on endpoint ${c.name} (${endpointId}): ${why}`);
  const free = (ips: string[], port: number, proto: Proto) => ips.every((ip) => !clash([...taken, ...out], ip, port, proto));
  for (const r of requests(c)) {
    const ips = r.hostIp ? [r.hostIp] : ['0.0.0.0', '::'];
    let port: number;
    if (r.hostPort === '' || r.hostPort === '0') {
      port = nextEphemeral(s, (p) => free(ips, p, r.proto));
    } else if (r.hostPort.includes('-')) {
      const [lo, hi] = r.hostPort.split('-').map((x) => parseInt(x, 10));
      const found = Array.from({ length: hi - lo + 1 }, (_, i) => lo + i).find((p) => free(ips, p, r.proto));
      if (found === undefined) {
        throw fail(`Bind for ${ips[0]}:${hi} failed: port is already allocated`);
      }
      port = found;
    } else {
      port = parseInt(r.hostPort, 10);
      for (const ip of ips) {
        const k = clash([...taken, ...out], ip, port, r.proto);
        if (k === 'same') throw fail(`Bind for ${ip}:${port} failed: port is already allocated`);
        if (k === 'overlap') throw fail(`Error starting userland proxy: listen ${r.proto}${family(ip)} ${ip.includes(':') ? `[${ip}]` : ip}:${port}: bind: address already in use`);
      }
    }
    for (const ip of ips) out.push({ containerPort: r.containerPort, proto: r.proto, hostIp: ip, hostPort: port });
  }
  return out;
}

/** portallocator: continue after the last port handed out, wrapping inside the ephemeral range. */
function nextEphemeral(s: EngineState, ok: (p: number) => boolean): number {
  const size = EPHEMERAL.end - EPHEMERAL.start + 1;
  const last = s.hostNet.lastEphemeral || EPHEMERAL.end;
  for (let i = 1; i <= size; i++) {
    const p = EPHEMERAL.start + ((last - EPHEMERAL.start + i) % size);
    if (ok(p)) {
      s.hostNet.lastEphemeral = p;
      return p;
    }
  }
  throw new DockerError('System', 'all ports are allocated');
}
