// The v27 API structs that docker inspect decodes into before a template runs (moby v27.5.1 api/types, as vendored
// by docker/cli v27.5.1), so `{{.State}}` prints `{running true …}` and `{{.NetworkSettings.Networks}}` `map[bridge:0xc…]`.
import { GoDuration, GoTime, goPointer, setJsonOnly, setLayout, type Layout } from './format/go-values';
import { goStruct, NIL_MAP, NIL_PTR, NIL_SLICE } from './format/template';

/** A field's Go type: s string, b bool, i number, t time.Time, d time.Duration, []s a slice of scalars, m a map of
 *  scalars, {} map[string]struct{}, *s/*b/*i pointers to scalars, ports nat.PortMap, and structs by name: Name,
 *  *Name (pointer), []Name, []*Name, mName (map of values), m*Name (map of pointers). */
type FieldType = string;
/** [JSON key, type, Go name when it differs] or an embedded struct. */
type Field = [string, FieldType, string?] | { embed: string; ptr?: boolean };

const S: Record<string, { go: string; fields: Field[] }> = {
  ContainerJSON: { go: 'types.ContainerJSON', fields: [{ embed: 'ContainerJSONBase', ptr: true }, ['Mounts', '[]MountPoint'], ['Config', '*Config'], ['NetworkSettings', '*NetworkSettings']] },
  ContainerJSONBase: {
    go: 'types.ContainerJSONBase',
    fields: [['Id', 's', 'ID'], ['Created', 's'], ['Path', 's'], ['Args', '[]s'], ['State', '*ContainerState'], ['Image', 's'], ['ResolvConfPath', 's'], ['HostnamePath', 's'], ['HostsPath', 's'], ['LogPath', 's'], ['Node', '*any'], ['Name', 's'], ['RestartCount', 'i'], ['Driver', 's'], ['Platform', 's'], ['MountLabel', 's'], ['ProcessLabel', 's'], ['AppArmorProfile', 's'], ['ExecIDs', '[]s'], ['HostConfig', '*HostConfig'], ['GraphDriver', 'GraphDriverData'], ['SizeRw', '*i'], ['SizeRootFs', '*i']],
  },
  ContainerState: { go: 'types.ContainerState', fields: [['Status', 's'], ['Running', 'b'], ['Paused', 'b'], ['Restarting', 'b'], ['OOMKilled', 'b'], ['Dead', 'b'], ['Pid', 'i'], ['ExitCode', 'i'], ['Error', 's'], ['StartedAt', 's'], ['FinishedAt', 's'], ['Health', '*Health']] },
  Health: { go: 'types.Health', fields: [['Status', 's'], ['FailingStreak', 'i'], ['Log', '[]*HealthcheckResult']] },
  HealthcheckResult: { go: 'types.HealthcheckResult', fields: [['Start', 't'], ['End', 't'], ['ExitCode', 'i'], ['Output', 's']] },
  GraphDriverData: { go: 'types.GraphDriverData', fields: [['Data', 'm'], ['Name', 's']] },
  MountPoint: { go: 'types.MountPoint', fields: [['Type', 's'], ['Name', 's'], ['Source', 's'], ['Destination', 's'], ['Driver', 's'], ['Mode', 's'], ['RW', 'b'], ['Propagation', 's']] },
  Config: {
    go: 'container.Config',
    fields: [['Hostname', 's'], ['Domainname', 's'], ['User', 's'], ['AttachStdin', 'b'], ['AttachStdout', 'b'], ['AttachStderr', 'b'], ['ExposedPorts', '{}'], ['Tty', 'b'], ['OpenStdin', 'b'], ['StdinOnce', 'b'], ['Env', '[]s'], ['Cmd', '[]s'], ['Healthcheck', '*HealthConfig'], ['ArgsEscaped', 'b'], ['Image', 's'], ['Volumes', '{}'], ['WorkingDir', 's'], ['Entrypoint', '[]s'], ['NetworkDisabled', 'b'], ['MacAddress', 's'], ['OnBuild', '[]s'], ['Labels', 'm'], ['StopSignal', 's'], ['StopTimeout', '*i'], ['Shell', '[]s']],
  },
  HealthConfig: { go: 'v1.HealthcheckConfig', fields: [['Test', '[]s'], ['Interval', 'd'], ['Timeout', 'd'], ['StartPeriod', 'd'], ['StartInterval', 'd'], ['Retries', 'i']] },
  HostConfig: {
    go: 'container.HostConfig',
    fields: [
      ['Binds', '[]s'], ['ContainerIDFile', 's'], ['LogConfig', 'LogConfig'], ['NetworkMode', 's'], ['PortBindings', 'ports'], ['RestartPolicy', 'RestartPolicy'], ['AutoRemove', 'b'], ['VolumeDriver', 's'], ['VolumesFrom', '[]s'], ['ConsoleSize', '[]s'], ['Annotations', 'm'],
      ['CapAdd', '[]s'], ['CapDrop', '[]s'], ['CgroupnsMode', 's'], ['Dns', '[]s', 'DNS'], ['DnsOptions', '[]s', 'DNSOptions'], ['DnsSearch', '[]s', 'DNSSearch'], ['ExtraHosts', '[]s'], ['GroupAdd', '[]s'], ['IpcMode', 's'], ['Cgroup', 's'], ['Links', '[]s'], ['OomScoreAdj', 'i'], ['PidMode', 's'], ['Privileged', 'b'], ['PublishAllPorts', 'b'], ['ReadonlyRootfs', 'b'], ['SecurityOpt', '[]s'], ['StorageOpt', 'm'], ['Tmpfs', 'm'], ['UTSMode', 's'], ['UsernsMode', 's'], ['ShmSize', 'i'], ['Sysctls', 'm'], ['Runtime', 's'],
      ['Isolation', 's'], { embed: 'Resources' }, ['Mounts', '[]Mount'], ['MaskedPaths', '[]s'], ['ReadonlyPaths', '[]s'], ['Init', '*b'],
    ],
  },
  Resources: {
    go: 'container.Resources',
    fields: [
      ['CpuShares', 'i', 'CPUShares'], ['Memory', 'i'], ['NanoCpus', 'i', 'NanoCPUs'], ['CgroupParent', 's'], ['BlkioWeight', 'i'], ['BlkioWeightDevice', '[]*WeightDevice'], ['BlkioDeviceReadBps', '[]*ThrottleDevice'], ['BlkioDeviceWriteBps', '[]*ThrottleDevice'], ['BlkioDeviceReadIOps', '[]*ThrottleDevice'], ['BlkioDeviceWriteIOps', '[]*ThrottleDevice'],
      ['CpuPeriod', 'i', 'CPUPeriod'], ['CpuQuota', 'i', 'CPUQuota'], ['CpuRealtimePeriod', 'i', 'CPURealtimePeriod'], ['CpuRealtimeRuntime', 'i', 'CPURealtimeRuntime'], ['CpusetCpus', 's'], ['CpusetMems', 's'], ['Devices', '[]DeviceMapping'], ['DeviceCgroupRules', '[]s'], ['DeviceRequests', '[]DeviceRequest'],
      ['KernelMemory', 'i'], ['KernelMemoryTCP', 'i'], ['MemoryReservation', 'i'], ['MemorySwap', 'i'], ['MemorySwappiness', '*i'], ['OomKillDisable', '*b'], ['PidsLimit', '*i'], ['Ulimits', '[]*Ulimit'], ['CpuCount', 'i', 'CPUCount'], ['CpuPercent', 'i', 'CPUPercent'], ['IOMaximumIOps', 'i'], ['IOMaximumBandwidth', 'i'],
    ],
  },
  LogConfig: { go: 'container.LogConfig', fields: [['Type', 's'], ['Config', 'm']] },
  RestartPolicy: { go: 'container.RestartPolicy', fields: [['Name', 's'], ['MaximumRetryCount', 'i']] },
  WeightDevice: { go: 'blkiodev.WeightDevice', fields: [['Path', 's'], ['Weight', 'i']] },
  ThrottleDevice: { go: 'blkiodev.ThrottleDevice', fields: [['Path', 's'], ['Rate', 'i']] },
  DeviceMapping: { go: 'container.DeviceMapping', fields: [['PathOnHost', 's'], ['PathInContainer', 's'], ['CgroupPermissions', 's']] },
  DeviceRequest: { go: 'container.DeviceRequest', fields: [['Driver', 's'], ['Count', 'i'], ['DeviceIDs', '[]s'], ['Capabilities', '[]s'], ['Options', 'm']] },
  Ulimit: { go: 'units.Ulimit', fields: [['Name', 's'], ['Hard', 'i'], ['Soft', 'i']] },
  Mount: { go: 'mount.Mount', fields: [['Type', 's'], ['Source', 's'], ['Target', 's'], ['ReadOnly', 'b'], ['Consistency', 's'], ['BindOptions', '*any'], ['VolumeOptions', '*any'], ['TmpfsOptions', '*any'], ['ClusterOptions', '*any']] },
  NetworkSettings: { go: 'types.NetworkSettings', fields: [{ embed: 'NetworkSettingsBase' }, { embed: 'DefaultNetworkSettings' }, ['Networks', 'm*EndpointSettings']] },
  NetworkSettingsBase: { go: 'types.NetworkSettingsBase', fields: [['Bridge', 's'], ['SandboxID', 's'], ['SandboxKey', 's'], ['Ports', 'ports'], ['HairpinMode', 'b'], ['LinkLocalIPv6Address', 's'], ['LinkLocalIPv6PrefixLen', 'i'], ['SecondaryIPAddresses', '[]s'], ['SecondaryIPv6Addresses', '[]s']] },
  DefaultNetworkSettings: { go: 'types.DefaultNetworkSettings', fields: [['EndpointID', 's'], ['Gateway', 's'], ['GlobalIPv6Address', 's'], ['GlobalIPv6PrefixLen', 'i'], ['IPAddress', 's'], ['IPPrefixLen', 'i'], ['IPv6Gateway', 's'], ['MacAddress', 's']] },
  EndpointSettings: { go: 'network.EndpointSettings', fields: [['IPAMConfig', '*EndpointIPAMConfig'], ['Links', '[]s'], ['Aliases', '[]s'], ['MacAddress', 's'], ['DriverOpts', 'm'], ['NetworkID', 's'], ['EndpointID', 's'], ['Gateway', 's'], ['IPAddress', 's'], ['IPPrefixLen', 'i'], ['IPv6Gateway', 's'], ['GlobalIPv6Address', 's'], ['GlobalIPv6PrefixLen', 'i'], ['DNSNames', '[]s']] },
  EndpointIPAMConfig: { go: 'network.EndpointIPAMConfig', fields: [['IPv4Address', 's'], ['IPv6Address', 's'], ['LinkLocalIPs', '[]s']] },
  NetworkInspect: {
    go: 'network.Inspect',
    fields: [['Name', 's'], ['Id', 's', 'ID'], ['Created', 't'], ['Scope', 's'], ['Driver', 's'], ['EnableIPv6', 'b'], ['IPAM', 'IPAM'], ['Internal', 'b'], ['Attachable', 'b'], ['Ingress', 'b'], ['ConfigFrom', 'ConfigReference'], ['ConfigOnly', 'b'], ['Containers', 'mEndpointResource'], ['Options', 'm'], ['Labels', 'm'], ['Peers', '[]s'], ['Services', 'm']],
  },
  IPAM: { go: 'network.IPAM', fields: [['Driver', 's'], ['Options', 'm'], ['Config', '[]IPAMConfig']] },
  IPAMConfig: { go: 'network.IPAMConfig', fields: [['Subnet', 's'], ['IPRange', 's'], ['Gateway', 's'], ['AuxiliaryAddresses', 'm', 'AuxAddress']] },
  ConfigReference: { go: 'network.ConfigReference', fields: [['Network', 's']] },
  EndpointResource: { go: 'network.EndpointResource', fields: [['Name', 's'], ['EndpointID', 's'], ['MacAddress', 's'], ['IPv4Address', 's'], ['IPv6Address', 's']] },
  Volume: { go: 'volume.Volume', fields: [['ClusterVolume', '*any'], ['CreatedAt', 's'], ['Driver', 's'], ['Labels', 'm'], ['Mountpoint', 's'], ['Name', 's'], ['Options', 'm'], ['Scope', 's'], ['Status', 'm'], ['UsageData', '*UsageData']] },
  ImageInspect: {
    go: 'types.ImageInspect',
    fields: [['Id', 's', 'ID'], ['RepoTags', '[]s'], ['RepoDigests', '[]s'], ['Parent', 's'], ['Comment', 's'], ['Created', 's'], ['Container', 's'], ['ContainerConfig', '*Config'], ['DockerVersion', 's'], ['Author', 's'], ['Config', '*Config'], ['Architecture', 's'], ['Variant', 's'], ['Os', 's'], ['OsVersion', 's'], ['Size', 'i'], ['VirtualSize', 'i'], ['GraphDriver', 'GraphDriverData'], ['RootFS', 'RootFS'], ['Metadata', 'ImageMetadata']],
  },
  RootFS: { go: 'types.RootFS', fields: [['Type', 's'], ['Layers', '[]s']] },
  ImageMetadata: { go: 'image.Metadata', fields: [['LastTagTime', 't']] },
  UsageData: { go: 'volume.UsageData', fields: [['RefCount', 'i'], ['Size', 'i']] },
};

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The zero value of a field missing from the JSON (omitempty) as the decoded struct holds it. */
function zero(t: FieldType): unknown {
  if (t === 's') return '';
  if (t === 'b') return false;
  if (t === 'i') return 0;
  if (t === 't') return new GoTime('0001-01-01T00:00:00Z');
  if (t === 'd') return new GoDuration(0);
  if (t.startsWith('[]')) return NIL_SLICE;
  if (t.startsWith('*')) return NIL_PTR;
  if (t === 'm' || t === '{}' || t === 'ports' || t.startsWith('m')) return NIL_MAP;
  return convert({}, t);
}

/** A JSON value as the Go field of type `t` holds it. */
function convert(v: unknown, t: FieldType): unknown {
  if (v === null || v === undefined) return zero(t);
  if (t === 't') return typeof v === 'string' ? new GoTime(v) : v;
  if (t === 'd') return typeof v === 'number' ? new GoDuration(v) : v;
  if (t === '{}') {
    if (isObj(v)) for (const k of Object.keys(v)) v[k] = goStruct({}, 'struct {}');
    return v;
  }
  if (t === 'ports') {
    if (isObj(v)) for (const [k, list] of Object.entries(v)) v[k] = Array.isArray(list) ? list.map((b) => (isObj(b) ? goStruct({ HostIp: b.HostIp ?? '', HostPort: b.HostPort ?? '' }, 'nat.PortBinding') : b)) : NIL_SLICE;
    return v;
  }
  if (t.startsWith('[]') && Array.isArray(v)) return S[t.replace(/^\[\]\*?/, '')] ? v.map((e) => convert(e, t.slice(2))) : v;
  if (t.startsWith('m') && t.length > 1 && t !== 'm' && isObj(v)) {
    for (const k of Object.keys(v)) v[k] = convert(v[k], t.slice(1));
    return v;
  }
  const ptr = t.startsWith('*');
  const def = S[ptr ? t.slice(1) : t];
  if (!def || !isObj(v)) return v;
  const obj = typed(v, def.fields, def.go);
  return ptr ? goPointer(obj) : obj;
}

/** Flattened fields (embedded structs' fields are the object's own) and the print layout. */
function shape(fields: Field[]): { flat: [string, FieldType, string?][]; layout: Layout } {
  const flat: [string, FieldType, string?][] = [];
  const layout: Layout = [];
  for (const f of fields) {
    if (Array.isArray(f)) {
      flat.push(f);
      layout.push(/^\*[sbi]$/.test(f[1]) || f[1] === '*any' ? { field: f[0], ptr: true } : f[0]);
    } else {
      const inner = shape(S[f.embed].fields);
      flat.push(...inner.flat);
      layout.push({ embed: inner.layout, ...(f.ptr ? { ptr: true } : {}) });
    }
  }
  return { flat, layout };
}

/** The JSON object as its Go struct: fields it has keep their place (json prints them as before), missing ones are
 *  added as zero values that json leaves out; Go field names that differ from the JSON key answer too. */
function typed(raw: Obj, fields: Field[], goName: string): Obj {
  const { flat, layout } = shape(fields);
  const jsonOnly: string[] = [];
  for (const [key, t, go] of flat) {
    if (Object.hasOwn(raw, key)) raw[key] = convert(raw[key], t);
    else Object.defineProperty(raw, key, { value: zero(t), enumerable: false, writable: true, configurable: true });
    if (go && go !== key && !Object.hasOwn(raw, go)) {
      Object.defineProperty(raw, go, { value: raw[key], enumerable: false, configurable: true });
      jsonOnly.push(key);
    }
  }
  return setJsonOnly(setLayout(goStruct(raw, goName), layout), jsonOnly);
}

/** A container's inspect JSON as types.ContainerJSON. */
export const typedContainerJSON = (raw: Obj): Obj => typed(raw, S.ContainerJSON.fields, S.ContainerJSON.go);
/** A network's inspect JSON as network.Inspect. */
export const typedNetworkJSON = (raw: Obj): Obj => typed(raw, S.NetworkInspect.fields, S.NetworkInspect.go);
/** An image's inspect JSON as types.ImageInspect. */
export const typedImageJSON = (raw: Obj): Obj => typed(raw, S.ImageInspect.fields, S.ImageInspect.go);
/** A volume's inspect JSON as volume.Volume. */
export const typedVolumeJSON = (raw: Obj): Obj => typed(raw, S.Volume.fields, S.Volume.go);

/** Any inspect object as its struct, told apart by the fields only its kind has (docker inspect without --type). */
/** The fields typedAny tells the kinds apart by (a partial copy of an object must keep them: cli/inspect.ts). */
export const KIND_FIELDS: readonly string[] = ['State', 'IPAM', 'RootFS', 'Mountpoint'];

export function typedAny(raw: Obj): Obj {
  if ('State' in raw) return typedContainerJSON(raw);
  if ('IPAM' in raw) return typedNetworkJSON(raw);
  if ('RootFS' in raw) return typedImageJSON(raw);
  if ('Mountpoint' in raw) return typedVolumeJSON(raw);
  return raw;
}
