// docker network create: a user-defined bridge network; prints its full ID.
// docker/cli: cli/command/network/create.go (consolidateIpam: the client checks subnets, ranges and gateways)
import { defineCommand, StatusError } from '../command';
import { ipToInt, parseCidr, inCidr } from '../../engine/index';
import { dict } from '../../engine/index';

const split = (vals: string[]) => vals.flatMap((v) => v.split(',')).filter((v) => v !== '');

/** subnetMatches: does `data` (an address or CIDR) fall inside `subnet`? */
function subnetMatches(subnet: string, data: string): boolean {
  const s = subnet.includes('/') ? parseCidr(subnet) : null;
  if (!s) throw new StatusError(`invalid subnet: invalid CIDR address: ${subnet}`, 1);
  const ip = data.includes('/') ? parseCidr(data)?.addr : ipToInt(data);
  if (ip === null || ip === undefined) {
    if (data.includes('/')) throw new StatusError(`invalid CIDR address: ${data}`, 1);
    return false;
  }
  return inCidr(ip, s);
}

/** Parse `k=v` map flag values. */
export function mapFlag(vals: string[]): Record<string, string> {
  const out: Record<string, string> = dict();
  for (const v of vals) {
    const i = v.indexOf('=');
    out[i < 0 ? v : v.slice(0, i)] = i < 0 ? '' : v.slice(i + 1);
  }
  return out;
}

export default defineCommand({
  name: 'create',
  use: 'create [OPTIONS] NETWORK',
  short: 'Create a network',
  completeArgs: ['none'],
  args: { min: 1, max: 1 },
  flags: [
    { name: 'attachable', type: 'bool', usage: 'Enable manual container attachment' },
    { name: 'aux-address', unsupported: true, type: 'map', usage: 'Auxiliary IPv4 or IPv6 addresses used by Network driver (default map[])' },
    { name: 'config-from', unsupported: true, type: 'string', usage: 'The network from which to copy the configuration' },
    { name: 'config-only', unsupported: true, type: 'bool', usage: 'Create a configuration only network' },
    { name: 'driver', short: 'd', type: 'string', usage: 'Driver to manage the Network', default: 'bridge' },
    { name: 'gateway', type: 'stringSlice', usage: 'IPv4 or IPv6 Gateway for the master subnet' },
    { name: 'ingress', unsupported: true, type: 'bool', usage: 'Create swarm routing-mesh network' },
    { name: 'internal', type: 'bool', usage: 'Restrict external access to the network' },
    { name: 'ip-range', type: 'stringSlice', usage: 'Allocate container ip from a sub-range' },
    { name: 'ipam-driver', unsupported: true, type: 'string', usage: 'IP Address Management Driver', default: 'default' },
    { name: 'ipam-opt', unsupported: true, type: 'map', usage: 'Set IPAM driver specific options (default map[])' },
    { name: 'ipv6', type: 'bool', usage: 'Enable or disable IPv6 networking' },
    { name: 'label', type: 'list', usage: 'Set metadata on a network' },
    { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options (default map[])' },
    { name: 'scope', unsupported: true, type: 'string', usage: "Control the network's scope" },
    { name: 'subnet', type: 'stringSlice', usage: 'Subnet in CIDR format that represents a network segment' },
  ],
  async run(ctx, [name], f) {
    const subnets = split(f.subnet);
    const ranges = split(f.ipRange);
    const gateways = split(f.gateway);
    if (subnets.length < ranges.length || subnets.length < gateways.length) throw new StatusError('every ip-range or gateway must have a corresponding subnet', 1);
    for (let i = 0; i < subnets.length; i++) {
      for (let j = 0; j < i; j++) {
        if (subnetMatches(subnets[j], subnets[i]) || subnetMatches(subnets[i], subnets[j])) throw new StatusError('multiple overlapping subnet configuration is not allowed', 1);
      }
    }
    const pick = (list: string[], what: 'range' | 'gateway') => {
      let found: string | undefined;
      for (const v of list) {
        const s = subnets.find((sub) => subnetMatches(sub, v));
        if (!s) throw new StatusError(`no matching subnet for ${what} ${v}`, 1);
        if (found) throw new StatusError(what === 'range' ? `cannot configure multiple ranges (${v}, ${found}) on the same subnet (${s})` : `cannot configure multiple gateways (${v}, ${found}) for the same subnet (${s})`, 1);
        found = v;
      }
      return found;
    };
    const ipRange = pick(ranges, 'range');
    const gateway = pick(gateways, 'gateway');
    const id = ctx.engine.network.create({
      name,
      driver: f.driver,
      subnet: subnets[0],
      gateway,
      ipRange,
      internal: f.internal,
      attachable: f.attachable,
      ipv6: f.ipv6,
      options: mapFlag(f.opt),
      labels: mapFlag(f.label),
    });
    ctx.out(id + '\n');
  },
});
