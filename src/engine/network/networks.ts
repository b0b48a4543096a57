// Networks (daemon/network.go + libnetwork): default bridge/host/none, create/remove/prune/find, connect/disconnect.
import { dict } from '../dict';
import type { EngineState, HostNet, Network } from '../state';
import { conflict, forbidden, hostNetworkConnect, invalid, noSuchNetwork, notFound, unavailable } from '../errors';
import { createRng, randomHex, randomId } from '../ids';
import { checkUserSubnet, firstHost, nextPredefinedSubnet, staticAddressProblems } from './ipam';
import { findContainer, findNetwork, getNetwork } from '../lookup';
import { attachEndpoint, endpointSettingsError, isRunning, releaseEndpoint } from './endpoints';
import { ipInSubnet, parseCidr } from './ipnet';
import { pruneMatcher } from '../prune-filter';
import type { Filters } from '../prune-filter';
import { containerById, allContainers, containerKeys } from '../container-table';

export { attachOnCreate, connectOnStart, releaseOnStop, detachOnRemove } from './endpoints';

export const PREDEFINED = ['bridge', 'host', 'none'];

const BRIDGE_OPTS = {
  'com.docker.network.bridge.default_bridge': 'true',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.name': 'docker0',
  'com.docker.network.driver.mtu': '1500',
};

/** A random bridge MAC: netutils.GenerateRandomMAC (≤27) keeps the 02:42 prefix. */
export function bridgeMac(rng: HostNet['rng']): string {
  return ('0242' + randomHex(rng, 4)).replace(/(..)(?!$)/g, '$1:');
}

function blank(rng: HostNet['rng'], name: string, driver: Network['driver'], created: number): Network {
  return {
    id: randomId(rng),
    name,
    driver,
    created,
    createdNanos: parseInt(randomHex(rng, 4), 16) % 1_000_000_000,
    internal: false,
    attachable: false,
    enableIPv6: false,
    ipam: { driver: 'default', options: null, config: [], userConfigured: false },
    options: dict(),
    labels: dict(),
    bridge: '',
    bridgeMac: '',
    ifindex: 0,
    icc: true,
    hadCarrier: false,
  };
}

/** The daemon's networks at boot (bridge on docker0, host, none) and the host's network state, from the seed. */
export function defaultNetworking(seed: number, now: number): { networks: Record<string, Network>; hostNet: HostNet } {
  const rng = createRng((seed ^ 0x6e657477) >>> 0);
  const boot = now - 3_600_000; // the daemon started an hour before the session
  const bridge = blank(rng, 'bridge', 'bridge', boot);
  Object.assign(bridge, { options: dict(BRIDGE_OPTS), bridge: 'docker0', bridgeMac: bridgeMac(rng), ifindex: 3 });
  bridge.ipam = { driver: 'default', options: null, config: [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }], userConfigured: true };
  const host = blank(rng, 'host', 'host', boot);
  const none = blank(rng, 'none', 'null', boot);
  return {
    networks: dict([[bridge.id, bridge], [host.id, host], [none.id, none]]),
    hostNet: { rng, nextIfindex: 4, lastEphemeral: 0, sysctl: dict(), iptables: [] },
  };
}

export interface NetworkCreateOptions {
  name: string;
  driver?: string;
  subnet?: string;
  gateway?: string;
  ipRange?: string;
  internal?: boolean;
  attachable?: boolean;
  ipv6?: boolean;
  options?: Record<string, string>;
  labels?: Record<string, string>;
}

/** POST /networks/create: returns the new network's ID. */
export function createNetwork(s: EngineState, o: NetworkCreateOptions): string {
  const driver = o.driver || 'bridge';
  if (PREDEFINED.includes(o.name)) throw forbidden(`operation is not permitted on predefined ${o.name} network`);
  if (driver === 'host' || driver === 'null') throw forbidden(`only one instance of "${driver}" network is allowed`);
  if (driver === 'overlay') throw unavailable('This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.');
  if (driver !== 'bridge') throw notFound(`plugin "${driver}" not found`);
  if (Object.values(s.networks).some((n) => n.name === o.name)) throw conflict(`network with name ${o.name} already exists`);
  const subnet = o.subnet ? (checkUserSubnet(s, o.subnet, o.ipRange, o.gateway), o.subnet) : nextPredefinedSubnet(s);
  if (o.gateway && !ipInSubnet(o.gateway, subnet)) throw invalid(`no matching subnet for gateway ${o.gateway}`);
  const net = blank(s.hostNet.rng, o.name, 'bridge', s.clock);
  const bridgeName = o.options?.['com.docker.network.bridge.name'] || `br-${net.id.slice(0, 12)}`;
  if (Object.values(s.networks).some((n) => n.bridge === bridgeName)) throw conflict(`bridge name ${bridgeName} already in use`);
  Object.assign(net, {
    internal: !!o.internal,
    attachable: !!o.attachable,
    enableIPv6: !!o.ipv6,
    options: dict(o.options),
    labels: dict(o.labels),
    bridge: bridgeName,
    bridgeMac: bridgeMac(s.hostNet.rng),
    ifindex: s.hostNet.nextIfindex++,
    icc: o.options?.['com.docker.network.bridge.enable_icc'] !== 'false',
  });
  net.ipam = {
    driver: 'default',
    options: dict(),
    config: [{ Subnet: subnet, ...(o.ipRange ? { IPRange: o.ipRange } : {}), Gateway: o.gateway || firstHost(subnet, o.ipRange), ...(o.subnet && !o.gateway ? { gatewayImplicit: true as const } : {}) }],
    userConfigured: !!o.subnet,
  };
  s.networks[net.id] = net;
  return net.id;
}

/** Containers by the IDs of the networks they have an endpoint on (each network once). */
const onNetwork = containerKeys((c) => [...new Set(Object.values(c.endpoints).map((e) => e.networkId))]);

/** Containers with an endpoint on this network, running ones only when `active`, oldest first (a new array). */
export function attachedContainers(s: EngineState, net: Network, active: boolean) {
  const on = onNetwork(s).get(net.id) ?? [];
  return active ? on.filter(isRunning) : [...on];
}

/** DELETE /networks/{id}. */
export function removeNetwork(s: EngineState, ref: string) {
  const net = getNetwork(s, ref);
  if (PREDEFINED.includes(net.name)) throw forbidden(`${net.name} is a pre-defined network and cannot be removed`);
  if (attachedContainers(s, net, true).length) throw forbidden(`error while removing network: network ${net.name} id ${net.id} has active endpoints`);
  delete s.networks[net.id];
}

/** POST /networks/prune: user-defined networks without active endpoints; returns their names. */
export function pruneNetworks(s: EngineState, filters: Filters = {}): string[] {
  const matches = pruneMatcher(filters, ['label', 'label!', 'until']);
  const gone: string[] = [];
  for (const net of Object.values(s.networks).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (PREDEFINED.includes(net.name) || attachedContainers(s, net, true).length || !matches(net.created, net.labels)) continue;
    delete s.networks[net.id];
    gone.push(net.name);
  }
  return gone;
}

/** POST /networks/{id}/connect. */
export function connect(s: EngineState, netRef: string, ref: string, o: { ip?: string; aliases?: string[] } = {}) {
  const net = getNetwork(s, netRef);
  const c = findContainer(s, ref);
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host' || net.driver === 'host') throw hostNetworkConnect();
  if (mode.startsWith('container:')) throw forbidden('container sharing network namespace with another container or host cannot be connected to any other network');
  if (mode === 'none' || net.driver === 'null') throw forbidden('container cannot be connected to multiple networks with one of the networks in private (none) mode');
  if (c.endpoints[net.name]) throw forbidden(`endpoint with name ${c.name} already exists in network ${net.name}`);
  if (o.aliases?.length && net.name === 'bridge') throw invalid('network-scoped alias is supported only for containers in user defined networks');
  if (o.ip) {
    const problems = staticAddressProblems(net, o.ip, net.name !== 'bridge');
    if (problems.length) throw invalid(endpointSettingsError(problems));
  }
  c.endpoints[net.name] = { networkId: net.id, endpointId: '', ip: '', ipamAddress: o.ip ?? '', mac: '', aliases: o.aliases ?? [], iface: '' };
  if (isRunning(c)) attachEndpoint(s, c, net.name);
}

/** POST /networks/{id}/disconnect. */
export function disconnect(s: EngineState, netRef: string, ref: string, force = false) {
  const c = findContainer(s, ref);
  const net = findNetwork(s, netRef);
  if (!net && !force) throw noSuchNetwork(netRef);
  if (c.hostConfig.NetworkMode === 'host' || net?.driver === 'host') throw hostNetworkConnect();
  const key = net ? Object.keys(c.endpoints).find((k) => c.endpoints[k].networkId === net.id) : Object.keys(c.endpoints).find((k) => k === netRef);
  if (!key) throw forbidden(`container ${c.id} is not connected to network ${net?.name ?? netRef}`);
  releaseEndpoint(s, c, key);
  delete c.endpoints[key];
}

/** Does a CIDR text parse (for the CLI's own checks)? */
export const validCidr = (t: string) => t.includes('/') && parseCidr(t) !== null;
