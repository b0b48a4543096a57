// The host's systemd units, Docker packages and docker group (state.host), and dockerd reading /etc/docker/daemon.json at start.
import type { EngineState } from './state';
import type { DaemonConfig, HostState, HostUnit } from './host-types';
import { VERSION } from './version';
import { goJsonError } from './go-json';
import { daemonRestart } from './container';

export const DOCKER_UNITS = ['docker.service', 'docker.socket', 'containerd.service'] as const;
/** docker-ce's postinst creates the group with `addgroup --system docker`: a system gid. */
export const DOCKER_GID = 988;
/** How systemd starts dockerd on Ubuntu (docker.service ExecStart). */
export const DOCKERD_ARGV = '/usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock';

const EMPTY_CONFIG: DaemonConfig = { registryMirrors: [], insecureRegistries: [], hosts: [] };

/** A fresh Ubuntu host without Docker, where `user` logged in (a member of sudo). */
export function bareHost(s: EngineState, user: string): void {
  s.host = { user, packages: [], units: {}, dockerGroup: null, shellGroups: [user, 'adm', 'sudo'], config: { ...EMPTY_CONFIG }, journal: [] };
}

const unitOf = (h: HostState, name: string): HostUnit | undefined => h.units[name];
const log = (s: EngineState, unit: string, ident: string, text: string) => s.host!.journal.push({ time: s.clock, unit, ident, text });

/** Whether the daemon serves requests now (true on a host that had Docker from the start). */
export function daemonUp(s: EngineState): boolean {
  return !s.host || s.host.units['docker.service']?.active === 'active';
}

/** The daemon's configuration in effect (defaults on a host that had Docker from the start). */
export function daemonConfig(s: EngineState): DaemonConfig {
  return s.host?.config ?? EMPTY_CONFIG;
}

const KNOWN_KEYS = new Set([
  'registry-mirrors', 'insecure-registries', 'bip', 'default-address-pools', 'hosts', 'log-driver', 'log-opts', 'log-level', 'dns', 'dns-search',
  'dns-opts', 'storage-driver', 'data-root', 'live-restore', 'debug', 'experimental', 'features', 'iptables', 'ip-forward', 'userland-proxy',
  'default-ulimits', 'exec-opts', 'max-concurrent-downloads', 'max-concurrent-uploads', 'mtu', 'ipv6', 'fixed-cidr', 'fixed-cidr-v6', 'ip',
  'default-runtime', 'runtimes', 'builder', 'containerd', 'group', 'labels', 'metrics-addr', 'seccomp-profile', 'selinux-enabled', 'tls', 'tlsverify',
  'tlscacert', 'tlscert', 'tlskey', 'icc', 'default-shm-size', 'shutdown-timeout', 'proxies', 'userns-remap', 'cgroup-parent', 'default-cgroupns-mode',
]);

/**
 * dockerd's reading of daemon.json (daemon/config): the text a failed start logs, or the configuration.
 * `null` file: no daemon.json (defaults).
 */
export function readDaemonJson(text: string | null): { config: DaemonConfig } | { error: string } {
  const where = 'unable to configure the Docker daemon with file /etc/docker/daemon.json: ';
  if (text === null || !text.trim()) return { config: { ...EMPTY_CONFIG } };
  const bad = goJsonError(text);
  if (bad) return { error: where + bad };
  const o = JSON.parse(text) as Record<string, unknown>;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return { error: where + `json: cannot unmarshal ${Array.isArray(o) ? 'array' : typeof o} into Go value of type map[string]interface {}` };
  const unknown = Object.keys(o).filter((k) => !KNOWN_KEYS.has(k));
  if (unknown.length) return { error: where + `the following directives don't match any configuration option: ${unknown.join(', ')}` };
  if (o.hosts !== undefined) return { error: where + `the following directives are specified both as a flag and in the configuration file: hosts: (from flag: [fd://], from file: ${goList(o.hosts)})` };
  const strs = (k: string): string[] => (Array.isArray(o[k]) ? (o[k] as unknown[]).map(String) : []);
  for (const m of strs('registry-mirrors')) {
    if (!/^https?:\/\/[^/\s]+\/?$/.test(m)) return { error: `invalid mirror: ${/^https?:\/\//.test(m) ? `path, query, or fragment at end of the URI "${m}"` : `unsupported scheme "${m.split('://')[0] === m ? '' : m.split('://')[0]}" in "${m}"`}` };
  }
  const config: DaemonConfig = { registryMirrors: strs('registry-mirrors').map((m) => (m.endsWith('/') ? m : m + '/')), insecureRegistries: strs('insecure-registries'), hosts: [] };
  if (typeof o.bip === 'string') config.bip = o.bip;
  if (Array.isArray(o['default-address-pools'])) config.pools = (o['default-address-pools'] as { base?: string; size?: number }[]).map((p) => ({ base: String(p.base ?? ''), size: Number(p.size ?? 0) }));
  return { config };
}

const goList = (v: unknown) => `[${(Array.isArray(v) ? v : [v]).map(String).join(' ')}]`;

/** The journal lines dockerd logs while it starts, in logrus text format. */
function startupLines(s: EngineState, pid: number): void {
  const t = new Date(s.clock).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
  const say = (msg: string) => log(s, 'docker.service', `dockerd[${pid}]`, `time="${t}" level=info msg=${msg}`);
  say('"Starting up"');
  say('"Loading containers: start."');
  say('"Loading containers: done."');
  say(`"Docker daemon" commit=${VERSION.gitCommit} containerd-snapshotter=false storage-driver=overlay2 version=${VERSION.version}`);
  say('"Daemon has completed initialization"');
  say('"API listen on /run/docker.sock"');
}

const TITLE: Record<string, string> = {
  'docker.service': 'docker.service - Docker Application Container Engine',
  'docker.socket': 'docker.socket - Docker Socket for the API',
  'containerd.service': 'containerd.service - containerd container runtime',
};

export type UnitResult = { ok: true } | { ok: false; error: string };

/** Start a unit (dockerd reads daemon.json: `daemonJson`, null when there is none). */
export function startUnit(s: EngineState, name: string, daemonJson: string | null): UnitResult {
  const h = s.host!;
  const u = unitOf(h, name)!;
  if (u.active === 'active') return { ok: true };
  const pid = s.nextPid++;
  if (name === 'docker.service') {
    if (unitOf(h, 'containerd.service')?.active !== 'active') startUnit(s, 'containerd.service', null);
    if (unitOf(h, 'docker.socket')?.active !== 'active') startUnit(s, 'docker.socket', null);
    log(s, name, 'systemd[1]', `Starting ${TITLE[name]}...`);
    const read = readDaemonJson(daemonJson);
    if ('error' in read) {
      log(s, name, `dockerd[${pid}]`, read.error);
      log(s, name, 'systemd[1]', 'docker.service: Main process exited, code=exited, status=1/FAILURE');
      log(s, name, 'systemd[1]', "docker.service: Failed with result 'exit-code'.");
      log(s, name, 'systemd[1]', `Failed to start ${TITLE[name]}.`);
      Object.assign(u, { active: 'failed', since: s.clock, pid });
      return { ok: false, error: read.error };
    }
    h.config = read.config;
    applyBip(s, read.config.bip);
    startupLines(s, pid);
    daemonRestart.daemonStartup(s); // restart policies act at the daemon's start
  } else if (name !== 'docker.socket') log(s, name, 'systemd[1]', `Starting ${TITLE[name]}...`);
  log(s, name, 'systemd[1]', name === 'docker.socket' ? `Listening on ${TITLE[name]}.` : `Started ${TITLE[name]}.`);
  Object.assign(u, { active: 'active', since: s.clock, pid: name === 'docker.socket' ? 0 : pid });
  return { ok: true };
}

export function stopUnit(s: EngineState, name: string): void {
  const u = unitOf(s.host!, name)!;
  if (u.active !== 'active') {
    if (u.active === 'failed') Object.assign(u, { active: 'inactive', since: s.clock });
    return;
  }
  if (name === 'docker.service') {
    daemonRestart.daemonShutdown(s); // live-restore is off: the containers stop with the daemon
    const t = new Date(s.clock).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
    log(s, name, 'systemd[1]', `Stopping ${TITLE[name]}...`);
    log(s, name, `dockerd[${u.pid}]`, `time="${t}" level=info msg="Processing signal 'terminated'"`);
    log(s, name, `dockerd[${u.pid}]`, `time="${t}" level=info msg="Daemon shutdown complete"`);
    log(s, name, 'systemd[1]', 'docker.service: Deactivated successfully.');
    log(s, name, 'systemd[1]', `Stopped ${TITLE[name]}.`);
  }
  Object.assign(u, { active: 'inactive', since: s.clock, pid: 0 });
}

export function enableUnit(s: EngineState, name: string, on: boolean): void {
  s.host!.units[name].enabled = on;
}

/** apt installed packages: docker-ce's postinst creates the docker group and starts the daemon (reading daemon.json). */
export function installPackages(s: EngineState, names: string[], daemonJson: string | null): void {
  const h = s.host!;
  for (const n of names) if (!h.packages.includes(n)) h.packages.push(n);
  const fresh = (name: string) => {
    if (!h.units[name]) h.units[name] = { enabled: true, active: 'inactive', since: s.clock, pid: 0 };
  };
  if (names.includes('containerd.io')) {
    fresh('containerd.service');
    startUnit(s, 'containerd.service', null);
  }
  if (names.includes('docker-ce')) {
    if (!h.dockerGroup) h.dockerGroup = { gid: DOCKER_GID, members: [] };
    fresh('docker.socket');
    fresh('docker.service');
    startUnit(s, 'docker.service', daemonJson);
  }
}

/** apt removed packages: docker-ce's prerm stops the daemon and its socket, containerd.io's stops containerd; the units go with the files. */
export function removePackages(s: EngineState, names: string[]): void {
  const h = s.host!;
  const units = (names.includes('docker-ce') ? ['docker.service', 'docker.socket'] : []).concat(names.includes('containerd.io') ? ['containerd.service'] : []);
  for (const u of units) {
    if (!h.units[u]) continue;
    stopUnit(s, u);
    delete h.units[u];
  }
  h.packages = h.packages.filter((p) => !names.includes(p));
}

/** Is the docker CLI on the PATH (docker-ce-cli installed), on a host that began without it? */
export const cliInstalled = (s: EngineState) => !s.host || s.host.packages.includes('docker-ce-cli');

export function setDockerGroup(s: EngineState, group: { gid: number; members: string[] } | null): void {
  s.host!.dockerGroup = group;
}

export function setShellGroups(s: EngineState, groups: string[]): void {
  s.host!.shellGroups = groups;
}

/** newgrp: a shell with `groups` starts inside the current one, which waits for it. */
export function enterShell(s: EngineState, groups: string[]): void {
  const h = s.host!;
  h.outerShells = [...(h.outerShells ?? []), h.shellGroups];
  h.shellGroups = groups;
}

/** `exit` in a shell newgrp started: back to the shell that waited (false when there is none). */
export function leaveShell(s: EngineState): boolean {
  const h = s.host;
  const outer = h?.outerShells?.at(-1);
  if (!h || !outer) return false;
  h.shellGroups = outer;
  h.outerShells = h.outerShells!.slice(0, -1);
  return true;
}

/** `bip` moves docker0 (the default bridge network) to that address and prefix. */
function applyBip(s: EngineState, bip: string | undefined): void {
  const bridge = Object.values(s.networks).find((n) => n.name === 'bridge');
  if (!bridge) return;
  const m = bip ? /^(\d+\.\d+\.\d+\.\d+)\/(\d+)$/.exec(bip) : null;
  const [gw, len] = m ? [m[1], Number(m[2])] : ['172.17.0.1', 16];
  const parts = gw.split('.').map(Number);
  const n = ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
  const mask = len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
  const net = (n & mask) >>> 0;
  const subnet = `${[net >>> 24, (net >>> 16) & 255, (net >>> 8) & 255, net & 255].join('.')}/${len}`;
  bridge.ipam.config = [{ Subnet: subnet, Gateway: gw }];
}
