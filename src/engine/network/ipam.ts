// IPAM (libnetwork defaultipam, Engine 27): predefined pools with first-fit subnet choice, lowest-free address allocation.
import { heldAddresses, lowestFree, noteSearched } from '../indexes';
import type { EngineState, Network } from '../state';
import { DockerError, invalid } from '../errors';
import { broadcastOf, cidrText, inCidr, intToIp, ipToInt, overlaps, parseCidr, type Cidr } from './ipnet';

/** Local-scope default address pools (ipamutils), split into the sizes docker hands out, in order. */
export const PREDEFINED_SUBNETS: string[] = (() => {
  const out = ['172.17.0.0/16', '172.18.0.0/16', '172.19.0.0/16'];
  for (let b = 20; b <= 31; b++) out.push(`172.${b}.0.0/16`);
  for (let i = 0; i < 16; i++) out.push(`192.168.${i * 16}.0/20`);
  return out;
})();

/** The host's own network (eth0): predefined pools overlapping it are skipped. */
export const HOST_IF = { name: 'eth0', ip: '10.0.2.15', subnet: '10.0.2.0/24', gateway: '10.0.2.2', mac: '08:00:27:3c:9e:51', dns: '10.0.2.3' };

function allocatedSubnets(s: EngineState): Cidr[] {
  const out: Cidr[] = [];
  for (const n of Object.values(s.networks)) for (const c of n.ipam.config) {
    const p = parseCidr(c.Subnet);
    if (p) out.push(p);
  }
  return out;
}

/** Engine 27 linear allocator: the first predefined subnet that overlaps nothing allocated nor the host network. */
export function nextPredefinedSubnet(s: EngineState): string {
  const taken = [...allocatedSubnets(s), parseCidr(HOST_IF.subnet)!];
  const pools = s.host?.config.pools;
  for (const text of pools?.length ? poolSubnets(pools) : PREDEFINED_SUBNETS) {
    const c = parseCidr(text)!;
    if (!taken.some((t) => overlaps(t, c))) return text;
  }
  throw invalid('all predefined address pools have been fully subnetted');
}

/** daemon.json `default-address-pools`: each base split into subnets of its size, in order (at most 256 a pool). */
function poolSubnets(pools: { base: string; size: number }[]): string[] {
  const out: string[] = [];
  for (const p of pools) {
    const c = parseCidr(p.base);
    if (!c || p.size < c.bits || p.size > 32) continue;
    const step = 2 ** (32 - p.size);
    const count = Math.min(256, 2 ** (p.size - c.bits));
    for (let k = 0; k < count; k++) out.push(`${intToIp(c.base + k * step)}/${p.size}`);
  }
  return out;
}

/** api/types/network/ipam.go ValidateIPAM (v27.5.1:35-79): every problem of a user-given IPAM config, joined. */
export function validateIpam(subnet: string, ipRange?: string, gateway?: string): void {
  const errs: string[] = [];
  const c = subnet.includes('/') ? parseCidr(subnet) : null;
  if (!c) errs.push(`invalid subnet ${subnet}: invalid CIDR block notation`);
  else {
    if (c.addr !== c.base) errs.push(`invalid subnet ${intToIp(c.addr)}/${c.bits}: it should be ${cidrText(c)}`);
    if (ipRange) {
      const r = ipRange.includes('/') ? parseCidr(ipRange) : null;
      if (!r) errs.push(`invalid ip-range ${ipRange}: invalid CIDR block notation`);
      else {
        if (r.bits < c.bits) errs.push(`invalid ip-range ${ipRange}: CIDR block is bigger than its parent subnet ${intToIp(c.addr)}/${c.bits}`);
        if (r.addr !== r.base) errs.push(`invalid ip-range ${intToIp(r.addr)}/${r.bits}: it should be ${cidrText(r)}`);
        if (!overlaps(r, c)) errs.push(`invalid ip-range ${ipRange}: parent subnet ${intToIp(c.addr)}/${c.bits} doesn't contain ip-range`);
      }
    }
    if (gateway) {
      const ip = ipToInt(gateway);
      if (ip === null) errs.push(`invalid gateway ${gateway}: invalid address`);
      else if (!inCidr(ip, c)) errs.push(`invalid gateway ${gateway}: parent subnet ${intToIp(c.addr)}/${c.bits} doesn't contain this address`);
    }
  }
  if (errs.length) throw invalid(`invalid network config:\n${errs.join('\n')}`);
}

/** A user-given --subnet: valid (validateIpam) and not overlapping another network's pool. */
export function checkUserSubnet(s: EngineState, subnet: string, ipRange?: string, gateway?: string): Cidr {
  validateIpam(subnet, ipRange, gateway);
  const c = parseCidr(subnet)!;
  if (allocatedSubnets(s).some((t) => overlaps(t, c))) throw invalid('invalid pool request: Pool overlaps with other one on this address space');
  return c;
}

/** First usable address of a subnet, or of its --ip-range: the gateway libnetwork allocates when none is given (the
 *  pool's bitmap reserves only the subnet's own network address; SetAnyInRange over the range, v27.5.1
 *  libnetwork/ipams/defaultipam). */
export function firstHost(subnet: string, ipRange?: string): string {
  const c = parseCidr(subnet)!;
  const r = ipRange ? parseCidr(ipRange) : null;
  return intToIp(r && r.base > c.base ? r.base : c.base + 1);
}

/** Addresses in use on a network now: the gateway and every running endpoint's address. */
export function usedAddresses(s: EngineState, net: Network): { has(ip: string): boolean } {
  const held = heldAddresses(s, net.id);
  const gateways = new Set(net.ipam.config.map((cfg) => cfg.Gateway).filter(Boolean));
  return { has: (ip) => gateways.has(ip) || held.has(ip) };
}

/** Lowest free address (bitmap SetAny, serial=false), inside --ip-range when one was given. */
export function allocateAddress(s: EngineState, net: Network): string {
  const cfg = net.ipam.config[0];
  const subnet = parseCidr(cfg.Subnet)!;
  const range = cfg.IPRange ? parseCidr(cfg.IPRange)! : subnet;
  const used = usedAddresses(s, net);
  const last = subnet.bits >= 31 ? broadcastOf(subnet) : broadcastOf(subnet) - 1;
  const first = Math.max(range.base, subnet.base + (subnet.bits >= 31 ? 0 : 1));
  for (let n = Math.max(first, lowestFree(net.id)); n <= Math.min(broadcastOf(range), last); n++) {
    const ip = intToIp(n);
    if (used.has(ip)) continue;
    noteSearched(net.id, n); // the caller takes it: every address below is in use
    return ip;
  }
  // libnetwork/endpoint.go:1156 (v27): the pool is full
  throw new DockerError('System', `no available IPv4 addresses on this network's address pools: ${net.name} (${net.id})`);
}

/** Validate a requested static address for a network (create-time endpoint settings check, Engine 25+). */
export function staticAddressProblems(net: Network, ip: string, userDefined: boolean): string[] {
  const problems: string[] = [];
  const n = ipToInt(ip);
  if (n === null) return [`invalid IPv4 address: ${ip}`];
  if (!userDefined) problems.push('user specified IP address is supported on user defined networks only');
  else if (!net.ipam.userConfigured) problems.push('user specified IP address is supported only when connecting to networks with user configured subnets');
  if (!net.ipam.config.some((c) => inCidr(n, parseCidr(c.Subnet)!))) problems.push(`no configured subnet or ip-range contain the IP address ${ip}`);
  return problems;
}

/** Prefix length of a network's first subnet (IPPrefixLen, `/16` in `ip a`). */
export function prefixLen(net: Network | undefined): number {
  const c = net?.ipam.config[0] ? parseCidr(net.ipam.config[0].Subnet) : null;
  return c ? c.bits : 0;
}
