// Name resolution: /etc/hosts, docker's embedded DNS (127.0.0.11) on user-defined networks, the host's upstream DNS.
import type { Container, EngineState } from '../state';
import { HOST_IF } from './ipam';
import { isRunning, netnsOwner } from './endpoints';
import { nsInterfaces } from './packets';
import { ipToInt } from './ipnet';
import { containerById, containerKeys } from '../container-table';
import { nameHolder } from '../indexes';

/** A few internet names the simulated upstream resolver knows. */
export const INTERNET_HOSTS: Record<string, string> = {
  'example.com': '93.184.215.14',
  'www.example.com': '93.184.215.14',
  'google.com': '142.250.185.78',
  'www.google.com': '142.250.185.68',
  'dns.google': '8.8.8.8',
  'one.one.one.one': '1.1.1.1',
  // where the Docker install steps download from (the apt repository, its key, the convenience script, a mirror)
  'download.docker.com': '18.67.79.21',
  'get.docker.com': '18.67.79.33',
  'mirrors.aliyun.com': '47.246.23.231',
};

export const HOST_ETC_HOSTS = `127.0.0.1 localhost\n127.0.1.1 dockerlings\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`;

const HOST_RESOLV = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).\n# Do not edit.\n#\n# This file might be symlinked as /etc/resolv.conf. If you're looking at\n# /etc/resolv.conf and seeing this text, you have followed a symlink.\n#\n# This is a dynamic resolv.conf file for connecting local clients to the\n# internal DNS stub resolver of systemd-resolved. This file lists all\n# configured search domains.\n#\n# Run "resolvectl status" to see details about the uplink DNS servers\n# currently in use.\n#\n# Third party programs should typically not access this file directly, but only\n# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a\n# different way, replace this symlink by a static file or a different symlink.\n#\n# See man:systemd-resolved.service(8) for details about the supported modes of\n# operation for /etc/resolv.conf.\n\nnameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n`;

/** The host's own /etc/resolv.conf (systemd-resolved stub). */
export const HOST_RESOLV_CONF = HOST_RESOLV;

/** Does the container use docker's embedded DNS (it is attached to a user-defined network)? */
export function usesEmbeddedDns(s: EngineState, c: Container): boolean {
  return Object.values(c.endpoints).some((e) => {
    const n = s.networks[e.networkId];
    return n && n.driver === 'bridge' && n.name !== 'bridge';
  });
}

/** The names a container answers to on a network (DNSNames: name, aliases, short ID, hostname if set). */
export function dnsNames(c: Container, aliases: string[]): string[] {
  const out = [c.name, ...aliases, c.id.slice(0, 12)];
  if (c.config.Hostname && c.config.Hostname !== c.id.slice(0, 12)) out.push(c.config.Hostname);
  return out;
}

/** Running containers by `<network ID> <name in lower case>` for each name the embedded DNS answers on each
 *  network where they have an address (dnsNames). */
const embeddedNames = containerKeys((c) => {
  if (!isRunning(c)) return [];
  const keys: string[] = [];
  for (const ep of Object.values(c.endpoints)) if (ep.ip) for (const n of dnsNames(c, ep.aliases)) keys.push(`${ep.networkId} ${n.toLowerCase()}`);
  return keys;
});

function extraHosts(s: EngineState, c: Container): [string, string][] {
  const out: [string, string][] = [];
  for (const h of c.hostConfig.ExtraHosts ?? []) {
    const i = h.indexOf(':');
    const name = h.slice(0, i);
    let ip = h.slice(i + 1);
    if (ip === 'host-gateway') ip = Object.values(s.networks).find((n) => n.name === 'bridge')?.ipam.config[0].Gateway ?? '172.17.0.1';
    out.push([ip, name]);
  }
  for (const l of c.hostConfig.Links ?? []) {
    const [name, alias] = l.split(':');
    const t = containerById(s, nameHolder(s, name.replace(/^\//, '')) ?? '');
    const ip = t && Object.values(t.endpoints).find((e) => e.ip)?.ip;
    if (t && ip) out.push([ip, [alias && alias !== t.name ? alias : '', t.id.slice(0, 12), t.name].filter(Boolean).join(' ')]);
  }
  return out;
}

export type Resolution = { ip: string; via: 'hosts' | 'embedded' | 'upstream' } | { ip: null; via: 'embedded' | 'upstream' };

/** Resolve a name the way a process in this container (or on the host, when c is null) would. */
export function resolveName(s: EngineState, c: Container | null, name: string): Resolution {
  if (ipToInt(name) !== null) return { ip: name, via: 'hosts' };
  const lower = name.toLowerCase().replace(/\.$/, '');
  if (lower === 'localhost' || lower === 'ip6-localhost') return { ip: '127.0.0.1', via: 'hosts' };
  const owner = c ? netnsOwner(s, c) : 'host';
  if (owner === 'host' || !c) {
    if (lower === 'dockerlings') return { ip: '127.0.1.1', via: 'hosts' };
    return INTERNET_HOSTS[lower] ? { ip: INTERNET_HOSTS[lower], via: 'upstream' } : { ip: null, via: 'upstream' };
  }
  const self = owner ?? c;
  const ifaces = nsInterfaces(s, self);
  if (lower === c.config.Hostname.toLowerCase() && ifaces[0]) return { ip: ifaces[0].ep.ip, via: 'hosts' };
  for (const [ip, names] of extraHosts(s, c)) if (names.split(' ').includes(lower)) return { ip, via: 'hosts' };
  const embedded = usesEmbeddedDns(s, self);
  if (embedded) {
    for (const { net } of ifaces) {
      if (net.name === 'bridge') continue;
      // the oldest running container that answers to the name on this network
      const other = embeddedNames(s).get(`${net.id} ${lower}`)?.[0];
      const oep = other && Object.values(other.endpoints).find((e) => e.networkId === net.id && e.ip);
      if (oep) return { ip: oep.ip, via: 'embedded' };
    }
  }
  const upstream = INTERNET_HOSTS[lower];
  return upstream ? { ip: upstream, via: embedded ? 'embedded' : 'upstream' } : { ip: null, via: embedded ? 'embedded' : 'upstream' };
}

/** The nameserver a container's resolver uses (first line of its resolv.conf). */
export function nameserverOf(s: EngineState, c: Container | null): string {
  if (!c || netnsOwner(s, c) === 'host') return '127.0.0.53';
  const self = netnsOwner(s, c);
  if (self && self !== 'host' && usesEmbeddedDns(s, self)) return '127.0.0.11';
  return c.hostConfig.Dns?.[0] ?? HOST_IF.dns;
}

const GENERATED = '# Generated by Docker Engine.\n# This file can be edited; Docker Engine will not make further changes once it\n# has been modified.\n\n';

function resolvConf(s: EngineState, c: Container): string {
  const dns = c.hostConfig.Dns ?? [];
  const search = c.hostConfig.DnsSearch ?? [];
  const opts = c.hostConfig.DnsOptions ?? [];
  const overrides = [...(dns.length ? ['nameservers'] : []), ...(search.length ? ['search'] : []), ...(opts.length ? ['options'] : [])];
  const tail = (text: string) => (search.length ? `search ${search.join(' ')}\n` : '') + text;
  if (usesEmbeddedDns(s, c)) {
    const ext = dns.length ? dns.join(' ') : 'host(127.0.0.53)';
    return `${GENERATED}nameserver 127.0.0.11\n${tail('')}options ndots:0${opts.length ? ' ' + opts.join(' ') : ''}\n\n# Based on host file: '/etc/resolv.conf' (internal resolver)\n# ExtServers: [${ext}]\n# Overrides: [${overrides.join(' ')}]\n# Option ndots from: internal\n`;
  }
  const servers = dns.length ? dns : [HOST_IF.dns];
  return `${GENERATED}${servers.map((d) => `nameserver ${d}\n`).join('')}${tail('')}${opts.length ? `options ${opts.join(' ')}\n` : ''}\n# Based on host file: '/run/systemd/resolve/resolv.conf' (legacy)\n# Overrides: [${overrides.join(' ')}]\n`;
}

/** The files docker bind-mounts into a container: /etc/hosts, /etc/hostname, /etc/resolv.conf (path → content). */
export function containerEtcFiles(s: EngineState, id: string): Record<string, string> {
  const c = containerById(s, id);
  if (!c) return {};
  const owner = netnsOwner(s, c);
  if (owner === 'host') return { '/etc/hosts': HOST_ETC_HOSTS, '/etc/hostname': `${c.config.Hostname}\n`, '/etc/resolv.conf': HOST_RESOLV };
  // a joined container (--network container:X) shares X's files
  const self = owner ?? c;
  let hosts = '127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nff00::0\tip6-mcastprefix\nff02::1\tip6-allnodes\nff02::2\tip6-allrouters\n';
  for (const [ip, names] of extraHosts(s, self)) hosts += `${ip}\t${names}\n`;
  for (const { ep } of nsInterfaces(s, self)) hosts += `${ep.ip}\t${self.config.Hostname}\n`;
  return { '/etc/hosts': hosts, '/etc/hostname': `${self.config.Hostname}\n`, '/etc/resolv.conf': resolvConf(s, self) };
}
