// The networking flags of `docker run`/`docker create` (-p, -P, --network, --ip, --dns …) and their translation.
// docker/cli: cli/command/container/opts.go (parse: ParsePortSpecs, --expose ranges, network-scoped aliases)
import { defineFlags, type Options } from '../flags';
import type { CreateOptions, HostConfig } from '../../engine/index';
import { parsePortRange, parsePortSpecs, PortSpecError, splitProtoPort } from '../opts/ports';

/** A client-side option error: run/create print it as `docker: <msg>.` + `See 'docker run --help'.` (exit 125). */
export class OptError extends Error {}

export const NET_FLAGS = defineFlags([
  { name: 'add-host', type: 'list', usage: 'Add a custom host-to-IP mapping (host:ip)' },
  { name: 'dns', type: 'list', usage: 'Set custom DNS servers' },
  { name: 'dns-option', type: 'list', usage: 'Set DNS options' },
  { name: 'dns-opt', type: 'list', usage: 'Set DNS options', hidden: true },
  { name: 'dns-search', type: 'list', usage: 'Set custom DNS search domains' },
  { name: 'expose', type: 'list', usage: 'Expose a port or a range of ports' },
  { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., 172.30.100.104)' },
  { name: 'link', type: 'list', usage: 'Add link to another container' },
  { name: 'mac-address', type: 'string', usage: 'Container MAC address (e.g., 92:d0:c6:0a:29:33)' },
  { name: 'network', complete: 'networks', type: 'list', valueName: 'network', usage: 'Connect a container to a network' },
  { name: 'net', type: 'list', usage: 'Connect a container to a network', hidden: true },
  { name: 'network-alias', type: 'list', usage: 'Add network-scoped alias for the container' },
  { name: 'net-alias', type: 'list', usage: 'Add network-scoped alias for the container', hidden: true },
  { name: 'publish', short: 'p', type: 'list', usage: "Publish a container's port(s) to the host" },
  { name: 'publish-all', short: 'P', type: 'bool', usage: 'Publish all exposed ports to random ports' },
]);

/** `--publish published=8080,target=80,protocol=udp` (long syntax) → `8080:80/udp`. */
function convertPublish(v: string): string {
  if (!v.includes('=')) return v;
  const kv = Object.fromEntries(v.split(',').map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)]));
  return `${kv.host_ip ? kv.host_ip + ':' : ''}${kv.published ?? ''}${kv.published || kv.host_ip ? ':' : ''}${kv.target ?? ''}${kv.protocol ? '/' + kv.protocol : ''}`;
}

/** --expose 80, 80/udp, 8000-8005: every port of the range as `port/proto`. */
function exposeList(values: string[]): string[] {
  const out: string[] = [];
  for (const e of values) {
    if (e.includes(':')) throw new OptError(`invalid port format for --expose: ${e}`);
    const [proto, port] = splitProtoPort(e);
    const r = parsePortRange(port);
    if (!r) throw new OptError(`invalid range format for --expose: ${e}, error: strconv.ParseUint: parsing ${JSON.stringify(port)}: invalid syntax`);
    for (let p = r[0]; p <= r[1]; p++) out.push(`${p}/${proto || 'tcp'}`);
  }
  return out;
}

/** The networking part of the create options: HostConfig fields, endpoint settings for each --network, --expose/--mac-address. */
export function netOptions(f: Options<typeof NET_FLAGS>): { hostConfig: Partial<HostConfig>; networks: CreateOptions['networks']; net: CreateOptions['net'] } {
  let parsed;
  try {
    parsed = parsePortSpecs(f.publish.map(convertPublish));
  } catch (e) {
    if (e instanceof PortSpecError) throw new OptError(e.message);
    throw e;
  }
  const bindings: HostConfig['PortBindings'] = {};
  for (const key of parsed.exposedPorts) bindings[key] = parsed.bindings[key].map((b) => ({ HostIp: b.hostIp, HostPort: b.hostPort }));
  const nets = [...f.network, ...f.net];
  const aliases = [...f.networkAlias, ...f.netAlias];
  const mode = nets[0] ?? 'default';
  const userDefined = !['default', 'bridge', 'host', 'none'].includes(mode) && !mode.startsWith('container:');
  if (aliases.length && !userDefined) throw new OptError('network-scoped aliases are only supported for user-defined networks');
  for (const h of f.addHost) {
    const i = h.search(/[:=]/);
    if (i <= 0) throw new OptError(`bad format for add-host: "${h}"`);
  }
  const ip = f.changed('ip') ? f.ip : undefined;
  const dnsOpts = [...f.dnsOption, ...f.dnsOpt];
  return {
    hostConfig: {
      NetworkMode: mode,
      PortBindings: bindings,
      PublishAllPorts: f.publishAll,
      ...(f.dns.length ? { Dns: f.dns } : {}),
      ...(dnsOpts.length ? { DnsOptions: dnsOpts } : {}),
      ...(f.dnsSearch.length ? { DnsSearch: f.dnsSearch } : {}),
      ...(f.addHost.length ? { ExtraHosts: f.addHost.map((h) => h.replace('=', ':')) } : {}),
      ...(f.link.length ? { Links: f.link.map((l) => (l.includes(':') ? l : `${l}:${l}`)) } : {}),
    },
    networks: [...(ip || aliases.length ? [{ name: mode === 'default' ? 'bridge' : mode, ip, aliases: aliases.length ? aliases : undefined }] : []), ...nets.slice(1).map((name) => ({ name }))],
    net: { expose: exposeList(f.expose), ...(f.changed('mac-address') ? { macAddress: f.macAddress } : {}) },
  };
}
