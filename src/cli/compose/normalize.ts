// Compose file sections → the project model: a service's short and long syntaxes, networks and volumes.
import { StatusError } from '../command';
import type { DependCondition, NetworkSpec, PortSpec, Service, VolumeMount, VolumeSpec } from './model';
import { absPath } from './paths';
import { toFileRefs } from './files';

type Raw = Record<string, unknown>;

const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** shellwords.Parse as compose-go uses it for string commands: spaces split, quotes group, backslash escapes. */
export function shellSplit(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let any = false;
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === q) q = null;
      else if (c === '\\' && q === '"' && i + 1 < s.length) cur += s[++i];
      else cur += c;
    } else if (c === '"' || c === "'") {
      q = c;
      any = true;
    } else if (c === '\\' && i + 1 < s.length) {
      cur += s[++i];
      any = true;
    } else if (/\s/.test(c)) {
      if (any || cur) out.push(cur);
      cur = '';
      any = false;
    } else cur += c;
  }
  if (q) throw new StatusError(`invalid command line string`, 1);
  if (any || cur) out.push(cur);
  return out;
}

const command = (v: unknown): string[] | undefined => (v === undefined || v === null ? undefined : Array.isArray(v) ? v.map(str) : shellSplit(str(v)));

/** list of KEY=VAL / KEY, or a mapping (a null value: taken from the environment). */
function keyValues(v: unknown, lookup: (n: string) => string | undefined): [string, string | undefined][] {
  if (!v) return [];
  if (Array.isArray(v)) {
    return v.map((e) => {
      const s = str(e);
      const i = s.indexOf('=');
      return i < 0 ? [s, lookup(s)] : [s.slice(0, i), s.slice(i + 1)];
    });
  }
  return Object.entries(v as Raw).map(([k, val]) => [k, val === null ? lookup(k) : str(val)]);
}

/** labels as a list of KEY=VAL or a mapping; a bare key is an empty label. */
const labelPairs = (v: unknown): [string, string][] => keyValues(v, () => '').map(([k, val]) => [k, val ?? '']);

/** ports: "80", "8080:80", "127.0.0.1:8080:80/udp", "8000-8001:80-81", or {target, published, host_ip, protocol}. */
export function parsePorts(v: unknown): PortSpec[] {
  const out: PortSpec[] = [];
  for (const p of (v as unknown[]) ?? []) {
    if (p && typeof p === 'object') {
      const o = p as Raw;
      out.push({ target: Number(o.target), published: o.published === undefined ? undefined : str(o.published), hostIp: o.host_ip ? str(o.host_ip) : undefined, protocol: str(o.protocol) || 'tcp' });
      continue;
    }
    const s = str(p);
    const [spec, proto = 'tcp'] = s.split('/');
    const parts = spec.split(':');
    const target = parts.pop()!;
    // go-connections nat.ParsePortSpec's wording for a container port that is not a number or range
    if (!/^\d+(-\d+)?$/.test(target)) throw new StatusError(`invalid containerPort: ${target}`, 1);
    const published = parts.pop();
    const hostIp = parts.length ? parts.join(':').replace(/^\[|\]$/g, '') : undefined;
    out.push({ target: Number(target.split('-')[0]), published: published || undefined, hostIp, protocol: proto, ...(target.includes('-') ? { range: target } : {}) } as PortSpec);
  }
  return out;
}

/** A port as `docker run -p` writes it. */
export function portFlag(p: PortSpec & { range?: string }): string {
  const target = p.range ?? String(p.target);
  const host = p.published ? `${p.hostIp ? `${p.hostIp}:` : ''}${p.published}:` : p.hostIp ? `${p.hostIp}::` : '';
  return `${host}${target}/${p.protocol}`;
}

/** volumes: "name:/path[:ro]", "./dir:/path", "/anon", or {type, source, target, read_only}. */
export function parseVolumes(v: unknown, workingDir: string): VolumeMount[] {
  const out: VolumeMount[] = [];
  for (const e of (v as unknown[]) ?? []) {
    if (e && typeof e === 'object') {
      const o = e as Raw;
      const type = (str(o.type) || 'volume') as VolumeMount['type'];
      const src = str(o.source);
      out.push({ type, source: type === 'bind' ? absPath(workingDir, src.replace(/^~(?=\/|$)/, '/root')) : src, target: str(o.target), readOnly: o.read_only === true });
      continue;
    }
    const parts = str(e).split(':');
    if (parts.length === 1) {
      out.push({ type: 'volume', source: '', target: parts[0], readOnly: false });
      continue;
    }
    const [src, target, mode = ''] = parts;
    const bind = src.startsWith('.') || src.startsWith('/') || src.startsWith('~');
    out.push({
      type: bind ? 'bind' : 'volume',
      source: bind ? absPath(workingDir, src.replace(/^~(?=\/|$)/, '/root')) : src,
      target,
      readOnly: mode.split(',').includes('ro'),
    });
  }
  return out;
}

function networks(v: unknown): [string, string[]][] {
  if (!v) return [['default', []]];
  if (Array.isArray(v)) return v.map((n) => [str(n), []]);
  return Object.entries(v as Raw).map(([k, o]) => [k, ((o as Raw | null)?.aliases as unknown[] | undefined)?.map(str) ?? []]);
}

/** A boolean the schema also allows as a string (for interpolation), read as compose-go's ParseBool reads it. */
const isTrue = (v: unknown) => v === true || (typeof v === 'string' && /^(1|t|true)$/i.test(v));
const isFalse = (v: unknown) => v === false || (typeof v === 'string' && /^(0|f|false)$/i.test(v));

function dependsOn(v: unknown): Service['dependsOn'] {
  if (!v) return [];
  if (Array.isArray(v)) return v.map((d) => [str(d), 'service_started', true, false]);
  return Object.entries(v as Raw).map(([k, o]) => [k, ((o as Raw).condition as DependCondition) ?? 'service_started', !isFalse((o as Raw).required), isTrue((o as Raw).restart)]);
}

export function toService(name: string, raw: Raw, workingDir: string, lookup: (n: string) => string | undefined): Service {
  const build = raw.build === undefined ? undefined : typeof raw.build === 'string' ? { context: raw.build } : (raw.build as Raw);
  const hc = raw.healthcheck as Raw | undefined;
  const deploy = (raw.deploy ?? {}) as Raw;
  const limits = (((deploy.resources ?? {}) as Raw).limits ?? {}) as Raw;
  const test = hc?.test === undefined ? undefined : Array.isArray(hc.test) ? hc.test.map(str) : ['CMD-SHELL', str(hc.test)];
  return {
    name,
    image: raw.image === undefined ? undefined : str(raw.image),
    build: build && {
      context: absPath(workingDir, str(build.context) || '.'),
      dockerfile: build.dockerfile === undefined ? undefined : str(build.dockerfile),
      args: keyValues(build.args, lookup).flatMap(([k, v]) => (v === undefined ? [] : [[k, v] as [string, string]])),
      target: build.target === undefined ? undefined : str(build.target),
    },
    command: command(raw.command),
    entrypoint: command(raw.entrypoint),
    environment: keyValues(raw.environment, lookup),
    envFiles: (raw.env_file === undefined ? [] : Array.isArray(raw.env_file) ? raw.env_file : [raw.env_file]).map((e) =>
      e && typeof e === 'object' ? { path: absPath(workingDir, str((e as Raw).path)), required: (e as Raw).required !== false } : { path: absPath(workingDir, str(e)), required: true },
    ),
    ports: parsePorts(raw.ports),
    expose: ((raw.expose as unknown[]) ?? []).map(str),
    volumes: parseVolumes(raw.volumes, workingDir),
    networks: raw.network_mode ? [] : networks(raw.networks),
    networkMode: raw.network_mode === undefined ? undefined : str(raw.network_mode),
    dependsOn: dependsOn(raw.depends_on),
    healthcheck: hc && {
      test,
      interval: hc.interval === undefined ? undefined : str(hc.interval),
      timeout: hc.timeout === undefined ? undefined : str(hc.timeout),
      retries: hc.retries === undefined ? undefined : Number(hc.retries),
      startPeriod: hc.start_period === undefined ? undefined : str(hc.start_period),
      disable: hc.disable === true,
    },
    restart: raw.restart === undefined ? undefined : str(raw.restart),
    workingDir: raw.working_dir === undefined ? undefined : str(raw.working_dir),
    user: raw.user === undefined ? undefined : str(raw.user),
    hostname: raw.hostname === undefined ? undefined : str(raw.hostname),
    containerName: raw.container_name === undefined ? undefined : str(raw.container_name),
    labels: labelPairs(raw.labels),
    tty: raw.tty === true,
    stdinOpen: raw.stdin_open === true,
    memLimit: limits.memory !== undefined ? str(limits.memory) : raw.mem_limit !== undefined ? str(raw.mem_limit) : undefined,
    cpus: limits.cpus !== undefined ? str(limits.cpus) : raw.cpus !== undefined ? str(raw.cpus) : undefined,
    replicas: deploy.replicas !== undefined ? Number(deploy.replicas) : raw.scale !== undefined ? Number(raw.scale) : 1,
    profiles: ((raw.profiles as unknown[]) ?? []).map(str),
    secrets: toFileRefs(raw.secrets),
    configs: toFileRefs(raw.configs),
    raw,
  };
}

/** Top-level networks, plus `default` when a service uses it: `<project>_<key>` unless `name:` or external. */
export function toNetworks(project: string, v: unknown, services: Service[]): NetworkSpec[] {
  const declared = Object.entries((v ?? {}) as Raw).map(([key, o]) => {
    const n = (o ?? {}) as Raw;
    const ipam = ((n.ipam ?? {}) as Raw).config as Raw[] | undefined;
    return {
      key,
      name: n.name ? str(n.name) : n.external ? key : `${project}_${key}`,
      external: !!n.external,
      driver: n.driver === undefined ? undefined : str(n.driver),
      labels: labelPairs(n.labels),
      subnet: ipam?.[0]?.subnet === undefined ? undefined : str(ipam[0].subnet),
    };
  });
  const used = new Set(services.flatMap((s) => s.networks.map(([k]) => k)));
  if (used.has('default') && !declared.some((n) => n.key === 'default')) declared.unshift({ key: 'default', name: `${project}_default`, external: false, driver: undefined, labels: [], subnet: undefined });
  for (const s of services) {
    for (const [k] of s.networks) {
      if (!declared.some((n) => n.key === k)) throw new StatusError(`service "${s.name}" refers to undefined network ${k}: invalid compose project`, 1);
    }
  }
  return declared.filter((n) => used.has(n.key));
}

export function toVolumes(project: string, v: unknown): VolumeSpec[] {
  return Object.entries((v ?? {}) as Raw).map(([key, o]) => {
    const n = (o ?? {}) as Raw;
    return {
      key,
      name: n.name ? str(n.name) : n.external ? key : `${project}_${key}`,
      external: !!n.external,
      driver: n.driver === undefined ? undefined : str(n.driver),
      labels: labelPairs(n.labels),
    };
  });
}
