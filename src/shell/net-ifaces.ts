// The interfaces and routes of a network namespace as data (lo, ethN, docker0, br-*, veth*), shared by ip/ifconfig/route/brctl.
import { broadcastOf, HOST_IF, intToIp, maskOf, nsInterfaces, parseCidr, prefixLen, defaultRouteIface, type Container, type EngineState, type Network, allContainers } from '../engine/index';
import { jitter } from './net-util';

export interface Addr {
  family: 'inet' | 'inet6';
  addr: string;
  prefix: number;
  brd?: string;
  scope: 'host' | 'global' | 'link';
}

export interface Iface {
  index: number;
  name: string;
  /** Peer interface index of a veth (`eth0@if7`). */
  peer?: number;
  loopback: boolean;
  up: boolean;
  carrier: boolean;
  mtu: number;
  qdisc: string;
  qlen: number;
  master?: string;
  mac: string;
  addrs: Addr[];
  /** veths in the host namespace point at the container's namespace id. */
  netnsid?: number;
}

export interface Route {
  dst: string; // 'default' or CIDR
  via?: string;
  dev: string;
  src?: string;
  proto?: 'kernel' | 'static';
  linkdown?: boolean;
}

/** EUI-64 link-local address from a MAC (fe80::42:acff:fe11:2 style, zero groups compressed by hand). */
export function linkLocal(mac: string): string {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  b[0] ^= 2;
  const words = [(b[0] << 8) | b[1], (b[2] << 8) | 0xff, (0xfe << 8) | b[3], (b[4] << 8) | b[5]].map((w) => w.toString(16));
  return `fe80::${words.join(':')}`;
}

/** A random-looking (locally administered) MAC derived from a name: the host-side veth's address. */
export function derivedMac(name: string): string {
  const bytes = Array.from({ length: 6 }, (_, i) => Math.floor(jitter(name, i) * 256));
  bytes[0] = (bytes[0] & 0xfe) | 0x02;
  return bytes.map((x) => x.toString(16).padStart(2, '0')).join(':');
}

const LO: Iface = {
  index: 1,
  name: 'lo',
  loopback: true,
  up: true,
  carrier: true,
  mtu: 65536,
  qdisc: 'noqueue',
  qlen: 1000,
  mac: '00:00:00:00:00:00',
  addrs: [
    { family: 'inet', addr: '127.0.0.1', prefix: 8, scope: 'host' },
    { family: 'inet6', addr: '::1', prefix: 128, scope: 'host' },
  ],
};

function bridgeAddrs(n: Network): Addr[] {
  const c = parseCidr(n.ipam.config[0].Subnet)!;
  const out: Addr[] = [{ family: 'inet', addr: n.ipam.config[0].Gateway, prefix: c.bits, brd: intToIp(broadcastOf(c)), scope: 'global' }];
  if (n.hadCarrier) out.push({ family: 'inet6', addr: linkLocal(n.bridgeMac), prefix: 64, scope: 'link' });
  return out;
}

/** Running containers in start order: their namespace ids as the host numbers them (link-netnsid). */
function netnsIds(s: EngineState): Map<string, number> {
  const list = allContainers(s).filter((c) => c.state.status === 'running' || c.state.status === 'paused').sort((a, b) => a.state.startedAt - b.state.startedAt);
  return new Map(list.map((c, i) => [c.id, i]));
}

/** The host's interfaces: lo, eth0, every bridge, every running endpoint's veth. */
export function hostIfaces(s: EngineState): Iface[] {
  const eth0: Iface = { index: 2, name: 'eth0', loopback: false, up: true, carrier: true, mtu: 1500, qdisc: 'fq_codel', qlen: 1000, mac: HOST_IF.mac, addrs: [{ family: 'inet', addr: HOST_IF.ip, prefix: 24, brd: '10.0.2.255', scope: 'global' }, { family: 'inet6', addr: linkLocal(HOST_IF.mac), prefix: 64, scope: 'link' }] };
  const out: Iface[] = [LO, eth0];
  const ids = netnsIds(s);
  const ports = new Map<string, number>();
  for (const c of allContainers(s)) {
    for (const ep of Object.values(c.endpoints)) {
      const n = s.networks[ep.networkId];
      if (!ep.ip || !n || n.driver !== 'bridge') continue;
      ports.set(n.id, (ports.get(n.id) ?? 0) + 1);
      const mac = derivedMac(ep.veth ?? '');
      out.push({ index: ep.peerIfindex ?? 0, name: ep.veth ?? 'veth', peer: ep.ifindex, loopback: false, up: true, carrier: true, mtu: 1500, qdisc: 'noqueue', qlen: 0, master: n.bridge, mac, netnsid: ids.get(c.id) ?? 0, addrs: [{ family: 'inet6', addr: linkLocal(mac), prefix: 64, scope: 'link' }] });
    }
  }
  for (const n of Object.values(s.networks)) {
    if (n.driver !== 'bridge') continue;
    out.push({ index: n.ifindex, name: n.bridge, loopback: false, up: true, carrier: (ports.get(n.id) ?? 0) > 0, mtu: 1500, qdisc: 'noqueue', qlen: 0, mac: n.bridgeMac, addrs: bridgeAddrs(n) });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** A container namespace's interfaces: lo and one ethN per running endpoint (IPv6 is off on IPv4-only networks, Engine 26+). */
export function containerIfaces(s: EngineState, c: Container | null): Iface[] {
  if (!c) return [LO];
  const eths = nsInterfaces(s, c).map(({ ep, net }) => {
    const cidr = parseCidr(net.ipam.config[0].Subnet)!;
    return { index: ep.ifindex ?? 0, name: ep.iface, peer: ep.peerIfindex, loopback: false, up: true, carrier: true, mtu: 1500, qdisc: 'noqueue', qlen: 0, mac: ep.mac, addrs: [{ family: 'inet', addr: ep.ip, prefix: prefixLen(net), brd: intToIp(broadcastOf(cidr)), scope: 'global' }] } as Iface;
  });
  return [LO, ...eths.sort((a, b) => a.index - b.index)];
}

export function hostRoutes(s: EngineState): Route[] {
  const out: Route[] = [{ dst: 'default', via: HOST_IF.gateway, dev: 'eth0', proto: 'static' }, { dst: HOST_IF.subnet, dev: 'eth0', proto: 'kernel', src: HOST_IF.ip }];
  const ifs = hostIfaces(s);
  const bridges = Object.values(s.networks).filter((n) => n.driver === 'bridge').sort((a, b) => (parseCidr(a.ipam.config[0].Subnet)!.base >>> 0) - (parseCidr(b.ipam.config[0].Subnet)!.base >>> 0));
  for (const n of bridges) out.push({ dst: n.ipam.config[0].Subnet, dev: n.bridge, proto: 'kernel', src: n.ipam.config[0].Gateway, linkdown: !ifs.find((i) => i.name === n.bridge)?.carrier });
  return out;
}

export function containerRoutes(s: EngineState, c: Container | null): Route[] {
  if (!c) return [];
  const out: Route[] = [];
  const gw = defaultRouteIface(s, c);
  if (gw) out.push({ dst: 'default', via: gw.net.ipam.config[0].Gateway, dev: gw.ep.iface });
  for (const { ep, net } of nsInterfaces(s, c).sort((a, b) => (a.ep.ifindex ?? 0) - (b.ep.ifindex ?? 0))) out.push({ dst: net.ipam.config[0].Subnet, dev: ep.iface, proto: 'kernel', src: ep.ip });
  return out;
}

/** Dotted netmask of a prefix length. */
export const netmask = (bits: number) => intToIp(maskOf(bits));
