// The container JSON of `docker container inspect` (Engine 27 / API 1.47 key order, formats.md §14).
import { dict, liveExecs } from '../../engine/index';
import { chainIds, containerImage, dnsNames, sha256Hex, type Container, type ContainerConfig, type EngineState } from '../../engine/index';
import { rfc3339Nano, nanosOf } from '../format';
import { apiMount, mountsJSON, sortedMap } from './inspect-mounts';

const time = (ms: number) => (ms ? rfc3339Nano(ms, { nanos: nanosOf(ms) }) : '0001-01-01T00:00:00Z');

/** overlay2 cache directory of a layer or a container (random on real hosts; derived here). */
export const cacheId = (key: string) => sha256Hex('overlay2 cache ' + key);

export function graphDriver(lower: string[], top: string) {
  const d = '/var/lib/docker/overlay2/';
  return {
    Data: {
      ...(lower.length ? { LowerDir: lower.map((l) => `${d}${l}/diff`).join(':') } : {}),
      MergedDir: `${d}${top}/merged`,
      UpperDir: `${d}${top}/diff`,
      WorkDir: `${d}${top}/work`,
    },
    Name: 'overlay2',
  };
}

const MASKED = ['/proc/asound', '/proc/acpi', '/proc/kcore', '/proc/keys', '/proc/latency_stats', '/proc/timer_list', '/proc/timer_stats', '/proc/sched_debug', '/proc/scsi', '/sys/firmware', '/sys/devices/virtual/powercap'];
const READONLY = ['/proc/bus', '/proc/fs', '/proc/irq', '/proc/sys', '/proc/sysrq-trigger'];

function prefixLen(s: EngineState, networkId: string): number {
  const subnet = s.networks[networkId]?.ipam.config[0]?.Subnet ?? '';
  const n = parseInt(subnet.split('/')[1] ?? '', 10);
  return Number.isFinite(n) ? n : 0;
}

function networkSettings(s: EngineState, c: Container) {
  const running = c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';
  const nets: Record<string, unknown> = dict();
  for (const [name, ep] of Object.entries(c.endpoints)) {
    const net = s.networks[ep.networkId];
    const up = running && !!ep.ip;
    nets[name] = {
      IPAMConfig: ep.ipamAddress ? { IPv4Address: ep.ipamAddress } : null,
      Links: null,
      Aliases: ep.aliases.length ? ep.aliases : null,
      MacAddress: up ? ep.mac : '',
      DriverOpts: null,
      NetworkID: ep.networkId,
      EndpointID: up ? ep.endpointId : '',
      Gateway: up ? (net?.ipam.config[0]?.Gateway ?? '') : '',
      IPAddress: up ? ep.ip : '',
      IPPrefixLen: up ? prefixLen(s, ep.networkId) : 0,
      IPv6Gateway: '',
      GlobalIPv6Address: '',
      GlobalIPv6PrefixLen: 0,
      DNSNames: name === 'bridge' || net?.driver !== 'bridge' ? null : dnsNames(c, ep.aliases),
    };
  }
  const def = nets.bridge as Record<string, unknown> | undefined;
  const ports: Record<string, unknown> = {};
  for (const p of Object.keys(c.config.ExposedPorts ?? {})) ports[p] = null;
  for (const p of Object.keys(c.hostConfig.PortBindings)) ports[p] = null;
  if (running) for (const m of c.ports) ((ports[`${m.containerPort}/${m.proto}`] ??= []) as unknown[]).push({ HostIp: m.hostIp, HostPort: String(m.hostPort) });
  return {
    Bridge: '',
    SandboxID: running ? sha256Hex('sandbox ' + c.id + c.state.startedAt) : '',
    SandboxKey: running ? `/var/run/docker/netns/${sha256Hex('netns ' + c.id + c.state.startedAt).slice(0, 12)}` : '',
    Ports: running ? ports : {},
    HairpinMode: false,
    LinkLocalIPv6Address: '',
    LinkLocalIPv6PrefixLen: 0,
    SecondaryIPAddresses: null,
    SecondaryIPv6Addresses: null,
    EndpointID: (def?.EndpointID as string) ?? '',
    Gateway: (def?.Gateway as string) ?? '',
    GlobalIPv6Address: '',
    GlobalIPv6PrefixLen: 0,
    IPAddress: (def?.IPAddress as string) ?? '',
    IPPrefixLen: (def?.IPPrefixLen as number) ?? 0,
    IPv6Gateway: '',
    MacAddress: (def?.MacAddress as string) ?? '',
    Networks: nets,
  };
}

/** Go's encoding/json writes map keys sorted. */
function sortedKeys<T>(m: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.keys(m).sort().map((k) => [k, m[k]]));
}

/** Config in the API's key order (container.Config), optional keys only when set. */
export function orderedConfig(c: ContainerConfig) {
  return {
    Hostname: c.Hostname,
    Domainname: c.Domainname,
    User: c.User,
    AttachStdin: c.AttachStdin,
    AttachStdout: c.AttachStdout,
    AttachStderr: c.AttachStderr,
    ...(c.ExposedPorts && Object.keys(c.ExposedPorts).length ? { ExposedPorts: sortedKeys(c.ExposedPorts) } : {}),
    Tty: c.Tty,
    OpenStdin: c.OpenStdin,
    StdinOnce: c.StdinOnce,
    Env: c.Env,
    Cmd: c.Cmd,
    ...(c.Healthcheck ? { Healthcheck: c.Healthcheck } : {}),
    Image: c.Image,
    Volumes: c.Volumes && sortedKeys(c.Volumes),
    WorkingDir: c.WorkingDir,
    Entrypoint: c.Entrypoint,
    OnBuild: c.OnBuild,
    Labels: c.Labels && sortedKeys(c.Labels),
    ...(c.StopSignal ? { StopSignal: c.StopSignal } : {}),
    ...(c.StopTimeout !== undefined ? { StopTimeout: c.StopTimeout } : {}),
    ...(c.Shell ? { Shell: c.Shell } : {}),
  };
}

/** Build the inspect object for one container (`size` adds SizeRw/SizeRootFs). */
/** The execs running now: a detached one leaves the list when its command has ended. */
function execIds(s: EngineState, c: Container): string[] | null {
  const live = liveExecs(s, c);
  const ids = c.execIds.filter((x) => !c.execProcs?.[x] || live[x]);
  return ids.length ? ids : null;
}

export function containerJSON(s: EngineState, c: Container, size?: { rw: number; rootFs: number }) {
  const dir = `/var/lib/docker/containers/${c.id}`;
  const img = containerImage(s, c);
  const top = cacheId(c.id);
  const lower = [`${top}-init`, ...(img ? chainIds(img.diffIds).reverse().map(cacheId) : [])];
  const st = c.state;
  const h = c.hostConfig;
  return {
    Id: c.id,
    Created: time(c.created),
    Path: c.path,
    Args: c.args,
    State: {
      Status: st.status,
      Running: st.status === 'running' || st.status === 'paused',
      Paused: st.status === 'paused',
      Restarting: st.status === 'restarting',
      OOMKilled: st.oomKilled,
      Dead: st.status === 'dead',
      Pid: st.pid,
      ExitCode: st.exitCode,
      Error: st.error,
      StartedAt: time(st.startedAt),
      FinishedAt: time(st.finishedAt),
      // Health (omitempty): once a container with a healthcheck has started; Log oldest first, at most 5
      ...(c.health ? { Health: { Status: c.health.status, FailingStreak: c.health.failingStreak, Log: c.health.log.map((r) => ({ Start: time(r.start), End: time(r.end), ExitCode: r.exitCode, Output: r.output })) } } : {}),
    },
    Image: c.imageId,
    ResolvConfPath: `${dir}/resolv.conf`,
    HostnamePath: `${dir}/hostname`,
    HostsPath: `${dir}/hosts`,
    LogPath: `${dir}/${c.id}-json.log`,
    Name: '/' + c.name,
    RestartCount: c.restartCount,
    Driver: 'overlay2',
    Platform: 'linux',
    MountLabel: '',
    ProcessLabel: '',
    AppArmorProfile: 'docker-default',
    ExecIDs: execIds(s, c),
    HostConfig: {
      Binds: h.Binds,
      ContainerIDFile: '',
      LogConfig: { Type: 'json-file', Config: {} },
      NetworkMode: h.NetworkMode,
      PortBindings: h.PortBindings,
      RestartPolicy: h.RestartPolicy,
      AutoRemove: h.AutoRemove,
      VolumeDriver: '',
      VolumesFrom: h.VolumesFrom ?? null,
      ConsoleSize: [24, 80],
      CapAdd: null,
      CapDrop: null,
      CgroupnsMode: 'private',
      Dns: [],
      DnsOptions: [],
      DnsSearch: [],
      ExtraHosts: null,
      GroupAdd: null,
      IpcMode: 'private',
      Cgroup: '',
      Links: null,
      OomScoreAdj: 0,
      PidMode: '',
      Privileged: h.Privileged,
      PublishAllPorts: h.PublishAllPorts,
      ReadonlyRootfs: h.ReadonlyRootfs,
      SecurityOpt: null,
      ...(h.Tmpfs && Object.keys(h.Tmpfs).length ? { Tmpfs: sortedMap(h.Tmpfs) } : {}), // --tmpfs (omitempty)
      UTSMode: '',
      UsernsMode: '',
      ShmSize: 67108864,
      Runtime: 'runc',
      Isolation: '',
      CpuShares: h.CpuShares,
      Memory: h.Memory,
      NanoCpus: h.NanoCpus,
      CgroupParent: '',
      BlkioWeight: h.BlkioWeight,
      ...(h.Init !== undefined ? { Init: h.Init } : {}), // *bool, omitempty
      BlkioWeightDevice: [],
      BlkioDeviceReadBps: h.BlkioDeviceReadBps ?? [],
      BlkioDeviceWriteBps: h.BlkioDeviceWriteBps ?? [],
      BlkioDeviceReadIOps: h.BlkioDeviceReadIOps ?? [],
      BlkioDeviceWriteIOps: h.BlkioDeviceWriteIOps ?? [],
      CpuPeriod: h.CpuPeriod ?? 0,
      CpuQuota: h.CpuQuota ?? 0,
      CpuRealtimePeriod: 0,
      CpuRealtimeRuntime: 0,
      CpusetCpus: h.CpusetCpus ?? '',
      CpusetMems: '',
      Devices: [],
      DeviceCgroupRules: null,
      DeviceRequests: null,
      MemoryReservation: h.MemoryReservation ?? 0,
      MemorySwap: h.MemorySwap,
      MemorySwappiness: h.MemorySwappiness ?? null,
      OomKillDisable: null,
      PidsLimit: h.PidsLimit ?? null,
      Ulimits: [],
      CpuCount: 0,
      CpuPercent: 0,
      IOMaximumIOps: 0,
      IOMaximumBandwidth: 0,
      ...(h.Mounts?.length ? { Mounts: h.Mounts.map(apiMount) } : {}), // --mount (omitempty)
      MaskedPaths: h.Privileged ? null : MASKED,
      ReadonlyPaths: h.Privileged ? null : READONLY,
    },
    GraphDriver: graphDriver(lower, top),
    ...(size ? { SizeRw: size.rw, SizeRootFs: size.rootFs } : {}),
    Mounts: mountsJSON(c),
    Config: orderedConfig(c.config),
    NetworkSettings: networkSettings(s, c),
  };
}

