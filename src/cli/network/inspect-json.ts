// The JSON of `docker network inspect` (Engine 27 network.Inspect key order, formats.md §14).
// docker/cli: cli/command/network/inspect.go (the daemon's NetworkResource, printed by the inspector)
import { dict } from '../../engine/index';
import { attachedContainers, prefixLen, type Container, type EngineState, type Network } from '../../engine/index';
import { formatGoTime, rfc3339Nano } from '../format';

/** Created as RFC3339Nano (inspect) or Go's time.String (ls CreatedAt), with the network's own nanoseconds. */
export function createdText(n: Network, goString = false): string {
  const ms = Math.floor(n.created / 1000) * 1000;
  return goString ? formatGoTime(ms, { nanos: n.createdNanos }) : rfc3339Nano(ms, { nanos: n.createdNanos });
}

const sorted = (o: Record<string, string>) => dict(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

/** Entries of committed (frozen) containers, by network and prefix length: a container's entry changes only with it. */
const entries = new WeakMap<Container, Map<string, Readonly<Record<string, string>>>>();

/** A container's entry in a network's Containers. */
function endpointEntry(c: Container, networkId: string, bits: number): Readonly<Record<string, string>> {
  const key = `${networkId}/${bits}`;
  const known = entries.get(c)?.get(key);
  if (known) return known;
  const ep = Object.values(c.endpoints).find((e) => e.networkId === networkId)!;
  const entry = Object.freeze({ Name: c.name, EndpointID: ep.endpointId, MacAddress: ep.mac, IPv4Address: ep.ip ? `${ep.ip}/${bits}` : '', IPv6Address: '' });
  if (Object.isFrozen(c)) {
    if (!entries.has(c)) entries.set(c, new Map());
    entries.get(c)!.set(key, entry);
  }
  return entry;
}

/** One network as the daemon returns it; Containers lists running endpoints, keyed (and sorted) by container ID. */
export function networkJSON(s: EngineState, n: Network) {
  const containers: Record<string, unknown> = dict();
  const bits = prefixLen(n);
  for (const c of attachedContainers(s, n, true).sort((a, b) => (a.id < b.id ? -1 : 1))) containers[c.id] = endpointEntry(c, n.id, bits);
  return {
    Name: n.name,
    Id: n.id,
    Created: createdText(n),
    Scope: 'local',
    Driver: n.driver,
    EnableIPv6: n.enableIPv6,
    IPAM: {
      Driver: n.ipam.driver,
      Options: n.ipam.options,
      Config: n.ipam.config.map((c) => ({ Subnet: c.Subnet, ...(c.IPRange ? { IPRange: c.IPRange } : {}), ...(c.gatewayImplicit ? {} : { Gateway: c.Gateway }) })), // --subnet alone: no Gateway key
    },
    Internal: n.internal,
    Attachable: n.attachable,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: sorted(n.options),
    Labels: sorted(n.labels),
  };
}
