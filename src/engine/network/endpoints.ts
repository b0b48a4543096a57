// Container endpoints over the lifecycle: network mode checks at create, addresses and ports at start, release at stop.
import { nameHolder, noteAddress, notePorts } from '../indexes';
import { dict } from '../dict';
import type { Container, EngineState, Network } from '../state';
import type { NetCreateOptions } from '../network-types';
import { conflict, forbidden, invalid, noSuchNetwork } from '../errors';
import { randomHex, randomId } from '../ids';
import { allocateAddress, staticAddressProblems, usedAddresses } from './ipam';
import { macFromIp } from './ipnet';
import { publishPorts } from './ports';
import { findContainer, findNetwork } from '../lookup';
import { allContainers, containerById, hasContainer, idsWithPrefix } from '../container-table';

export const isRunning = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';

/** `default` (what the CLI sends without --network) is the default bridge (API router, Engine 26.1+). */
export function networkMode(c: Container): string {
  const m = c.hostConfig.NetworkMode;
  return !m || m === 'default' ? 'bridge' : m;
}

/** runconfig validateNetContainerMode and friends: options that make no sense with host or container:X networking. */
function checkModeConflicts(c: Container, mode: string, net: NetCreateOptions, hostnameSet: boolean) {
  const h = c.hostConfig;
  const err = (m: string) => invalid(m);
  if (mode.startsWith('container:')) {
    if (mode === 'container:') throw err('Invalid network mode: invalid container format container:<name|id>');
    if (hostnameSet) throw err('conflicting options: hostname and the network mode');
    if (h.Links?.length) throw err("conflicting options: container type network can't be used with links. This would result in undefined behavior");
    if (h.Dns?.length) throw err('conflicting options: dns and the network mode');
    if (h.ExtraHosts?.length) throw err('conflicting options: custom host-to-IP mapping and the network mode');
  }
  if ((mode.startsWith('container:') || mode === 'host') && net.macAddress) throw err('conflicting options: mac-address and the network mode');
  if (mode === 'host' && h.Links?.length) throw err("conflicting options: host type networking can't be used with links. This would result in undefined behavior");
  if (mode.startsWith('container:')) {
    if (Object.keys(h.PortBindings ?? {}).length || h.PublishAllPorts) throw err('conflicting options: port publishing and the container type network mode');
    if (net.expose?.length) throw err('conflicting options: port exposing and the container type network mode');
  }
}

/**
 * Called when a container is created: check the network mode and record the endpoints it will have (not yet addressed).
 * `extra` carries the endpoint settings of each --network (first = NetworkMode). Returns daemon warnings.
 */
export function attachOnCreate(s: EngineState, c: Container, extra: { name: string; ip?: string; aliases?: string[] }[], net: NetCreateOptions = {}, hostnameSet = false): string[] {
  const warnings: string[] = [];
  const mode = networkMode(c);
  checkModeConflicts(c, mode, net, hostnameSet);
  c.hostConfig.NetworkMode = mode;
  // daemon/daemon_unix.go adaptSharedNamespaceContainer: container:NAME is stored as container:<full ID>
  if (mode.startsWith('container:')) {
    const ref = mode.slice('container:'.length);
    const target = hasContainer(s, ref) ? containerById(s, ref) : containerById(s, nameHolder(s, ref.replace(/^\//, '')) ?? ''); // (names never begin with '/')
    if (target) c.hostConfig.NetworkMode = `container:${target.id}`;
  }
  const exposed = { ...(c.config.ExposedPorts ?? {}) };
  for (const k of [...Object.keys(c.hostConfig.PortBindings ?? {}), ...(net.expose ?? [])]) exposed[k.includes('/') ? k : `${k}/tcp`] = {};
  if (Object.keys(exposed).length) c.config.ExposedPorts = exposed;
  if (mode === 'host' && (Object.keys(c.hostConfig.PortBindings ?? {}).length || c.hostConfig.PublishAllPorts)) warnings.push('Published ports are discarded when using host network mode');
  if (mode === 'host' && !hostnameSet) c.config.Hostname = 'dockerlings';
  if (mode.startsWith('container:')) return warnings;
  const wanted = [{ name: mode, ip: undefined as string | undefined, aliases: undefined as string[] | undefined }, ...extra];
  const seen = new Set<string>();
  for (const w of wanted) {
    const n = findNetwork(s, w.name);
    if (!n) throw noSuchNetwork(w.name);
    if (seen.has(n.name)) {
      const ep = c.endpoints[n.name];
      if (w.ip) ep.ipamAddress = w.ip;
      if (w.aliases) ep.aliases = [...w.aliases];
      continue;
    }
    seen.add(n.name);
    c.endpoints[n.name] = { networkId: n.id, endpointId: '', ip: '', ipamAddress: w.ip ?? '', mac: '', ...(net.macAddress ? { macConfig: net.macAddress } : {}), aliases: w.aliases ? [...w.aliases] : [], iface: '' };
  }
  for (const [key, ep] of Object.entries(c.endpoints)) {
    const n = s.networks[ep.networkId];
    if (!ep.ipamAddress || n.driver !== 'bridge') continue;
    const problems = staticAddressProblems(n, ep.ipamAddress, n.name !== 'bridge');
    const shownKey = key === 'bridge' && mode === 'bridge' ? 'bridge' : key;
    if (problems.length) throw invalid(`invalid config for network ${shownKey}: ${endpointSettingsError(problems)}`);
  }
  return warnings;
}

/** The network namespace a container's processes see: its own, a joined container's, or the host's. */
export function netnsOwner(s: EngineState, c: Container): Container | 'host' | null {
  const mode = networkMode(c);
  if (mode === 'host') return 'host';
  if (mode.startsWith('container:')) {
    const ref = mode.slice('container:'.length);
    const target = containerById(s, ref) ?? firstNamedOrPrefixed(s, ref);
    return target ? netnsOwner(s, target) : null;
  }
  return c;
}

/** The oldest container named `ref` or whose ID starts with it (a stored `container:` mode whose container is gone). */
function firstNamedOrPrefixed(s: EngineState, ref: string): Container | undefined {
  if (!ref) return allContainers(s)[0]; // every ID starts with ''
  const hits = [nameHolder(s, ref), ...idsWithPrefix(s, ref)].flatMap((id) => containerById(s, id ?? '') ?? []);
  return hits.reduce<Container | undefined>((a, c) => (a && a.seq <= c.seq ? a : c), undefined);
}

/** Give one endpoint of a running container its address, MAC, interface and veth. */
export function attachEndpoint(s: EngineState, c: Container, key: string) {
  const ep = c.endpoints[key];
  const net: Network | undefined = s.networks[ep.networkId];
  if (!net) throw noSuchNetwork(ep.networkId);
  ep.endpointId = randomId(s.hostNet.rng);
  if (net.driver !== 'bridge') return;
  if (ep.ipamAddress) {
    if (usedAddresses(s, net).has(ep.ipamAddress)) throw forbidden('Address already in use');
    ep.ip = ep.ipamAddress;
  } else ep.ip = allocateAddress(s, net);
  noteAddress(net.id, ep.ip, c.id);
  ep.mac = ep.macConfig || macFromIp(ep.ip);
  const taken = new Set(Object.values(c.endpoints).map((e) => e.iface).filter(Boolean));
  let i = 0;
  while (taken.has(`eth${i}`)) i++;
  ep.iface = `eth${i}`;
  ep.ifindex = s.hostNet.nextIfindex++;
  ep.peerIfindex = s.hostNet.nextIfindex++;
  ep.veth = 'veth' + randomHex(s.hostNet.rng, 4).slice(0, 7);
  net.hadCarrier = true;
}

/** Give an endpoint back: its address becomes free for the next container (lowest-free allocation). */
export function releaseEndpoint(_s: EngineState, c: Container, key: string) {
  const ep = c.endpoints[key];
  noteAddress(ep.networkId, ep.ip, null);
  Object.assign(ep, { endpointId: '', ip: '', mac: '', iface: '', ifindex: undefined, peerIfindex: undefined, veth: undefined });
}

/** Called when a container starts: join the network namespace, allocate addresses, publish ports (may throw). */
export function connectOnStart(s: EngineState, c: Container) {
  const mode = networkMode(c);
  if (mode.startsWith('container:')) {
    const ref = mode.slice('container:'.length);
    const target = findContainer(s, ref);
    if (target.id === c.id) throw invalid('cannot join own network');
    if (!isRunning(target)) throw conflict(`cannot join network of a non running container: ${ref}`);
    c.config.Hostname = target.config.Hostname;
    return;
  }
  for (const key of Object.keys(c.endpoints)) attachEndpoint(s, c, key);
  if (mode === 'host' || mode === 'none') return;
  const first = Object.values(c.endpoints).find((e) => s.networks[e.networkId]?.driver === 'bridge' && !s.networks[e.networkId].internal);
  c.ports = first ? publishPorts(s, c, first.endpointId) : [];
  notePorts(c.id, c.ports);
}

/** Called when the main process ends: release addresses and published ports. */
export function releaseOnStop(s: EngineState, c: Container) {
  for (const key of Object.keys(c.endpoints)) releaseEndpoint(s, c, key);
  c.ports = [];
  notePorts(c.id, []);
}

/** Called when a container is removed: its endpoints go with it. */
export function detachOnRemove(s: EngineState, c: Container) {
  releaseOnStop(s, c);
  c.endpoints = dict();
}

/** The multierror text docker shows for endpoint settings: one problem plain, several bulleted. */
export function endpointSettingsError(problems: string[]): string {
  return `invalid endpoint settings:\n${problems.length === 1 ? problems[0] : problems.map((p) => `* ${p}`).join('\n')}`;
}
