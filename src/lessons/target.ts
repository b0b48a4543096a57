// A target picture: the networks, containers, images and volumes a lesson or an exercise asks for, as data checked
// against a JSON schema (@cfworker/json-schema, as compose files are), then put in one canonical shape.
import { Validator, type OutputUnit } from '@cfworker/json-schema';

export type TargetState = 'running' | 'paused' | 'exited' | 'created';

export interface TargetNetwork {
  name: string;
  /** `bridge` unless the target says otherwise. */
  driver: string;
  /** Pinned: the network must use exactly this subnet (unpinned, any subnet will do). */
  subnet?: string;
}

export interface TargetAttachment {
  network: string;
  /** Pinned address on that network (unpinned, any address will do). */
  ip?: string;
}

export interface TargetPort {
  hostIp?: string;
  hostPort: number;
  containerPort: number;
  proto: 'tcp' | 'udp' | 'sctp';
  /** As written: `8080:80`, `127.0.0.1:8080:80/udp`. */
  spec: string;
}

export interface TargetMount {
  /** A volume name or a host path. */
  source: string;
  destination: string;
}

export interface TargetContainer {
  name: string;
  /** An image reference; the container must have been created from the image it names now. */
  image?: string;
  state: TargetState;
  /** The exact set of networks the container is on (absent: not checked). */
  networks?: TargetAttachment[];
  /** `host`, `none` or `container:<name>` (instead of networks). */
  networkMode?: string;
  /** The exact set of published ports (absent: not checked; empty: none published). */
  ports?: TargetPort[];
  /** Mounts the container must have (others may exist). */
  mounts?: TargetMount[];
}

export interface TargetImage {
  ref: string;
  /** Another reference that must name the very same image (a tag of it). */
  sameAs?: string;
}

export interface Target {
  networks: TargetNetwork[];
  containers: TargetContainer[];
  images: TargetImage[];
  volumes: { name: string }[];
}

/** A target as written (YAML front matter, an exercise link's JSON): what TARGET_SCHEMA validates. */
export type TargetDecl = Record<string, unknown>;

/** The goal a target adds in front of a lesson's or an exercise's own goals. */
export const TARGET_GOAL = { check: 'target-met', text: { en: 'The live picture matches the target', zh: '实时示意图与目标图一致' } } as const;

const NAME = { type: 'string', pattern: '^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$' };
const IPV4 = { type: 'string', pattern: '^(\\d{1,3}\\.){3}\\d{1,3}$' };
const CIDR = { type: 'string', pattern: '^(\\d{1,3}\\.){3}\\d{1,3}/\\d{1,2}$' };
const REF = { type: 'string', minLength: 1, maxLength: 255, pattern: '^[a-z0-9][a-z0-9._:/@-]*$' };
const PORT = { type: 'string', pattern: '^((\\d{1,3}\\.){3}\\d{1,3}:)?\\d{1,5}:\\d{1,5}(/(tcp|udp|sctp))?$' };
const list = (items: object, max = 30) => ({ type: 'array', items, maxItems: max });

/** The declaration's JSON schema (draft 2019-09). Every object is closed: a misspelt key is an error, not ignored. */
export const TARGET_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    networks: list({ type: 'object', additionalProperties: false, required: ['name'], properties: { name: NAME, driver: { enum: ['bridge', 'host', 'null'] }, subnet: CIDR } }),
    containers: list({
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: NAME,
        image: REF,
        state: { enum: ['running', 'paused', 'exited', 'created'] },
        networks: list({ oneOf: [NAME, { type: 'object', additionalProperties: false, required: ['name'], properties: { name: NAME, ip: IPV4 } }] }, 10),
        network_mode: { type: 'string', pattern: '^(host|none|container:[a-zA-Z0-9][a-zA-Z0-9_.-]*)$' },
        ports: list(PORT, 10),
        volumes: list({ type: 'string', pattern: '^[^:\\s]+:/[^:\\s]*$' }, 10),
      },
      not: { required: ['networks', 'network_mode'] },
    }),
    images: list({ oneOf: [REF, { type: 'object', additionalProperties: false, required: ['ref'], properties: { ref: REF, same_as: REF } }] }),
    volumes: list({ oneOf: [NAME, { type: 'object', additionalProperties: false, required: ['name'], properties: { name: NAME } }] }),
  },
} as const;

let validator: Validator | undefined;

/** "containers[1].ports[0]" from "#/containers/1/ports/0". */
function pathOf(pointer: string): string {
  const parts = pointer.replace(/^#\/?/, '').split('/').filter(Boolean);
  return parts.reduce((p, x) => (/^\d+$/.test(x) ? `${p}[${x}]` : p ? `${p}.${x}` : x), '') || 'target';
}

/** The deepest error of a failed validation, in words a lesson author can act on. */
function describe(errors: OutputUnit[]): string {
  const useful = errors.filter((e) => !['properties', 'items', 'oneOf', 'anyOf', 'allOf'].includes(e.keyword));
  const depth = (e: OutputUnit) => e.instanceLocation.split('/').length;
  const best = (useful.length ? useful : errors).reduce((a, b) => (depth(b) > depth(a) ? b : a));
  const where = pathOf(best.instanceLocation);
  if (best.keyword === 'false') {
    // a key no property allows: name it under its parent
    const at = best.instanceLocation.lastIndexOf('/');
    return `${pathOf(best.instanceLocation.slice(0, at))}: unknown key "${best.instanceLocation.slice(at + 1)}"`;
  }
  if (best.keyword === 'additionalProperties') {
    const m = /Property "(.*)" does not match/.exec(best.error);
    return `${where}: unknown key "${m?.[1] ?? '?'}"`;
  }
  if (best.keyword === 'not') return `${where}: give networks or network_mode, not both`;
  if (best.keyword === 'pattern') return `${where}: is not in the expected form`;
  return `${where}: ${best.error}`;
}

const ipOk = (ip: string) => ip.split('.').every((o) => Number(o) <= 255);

function port(spec: string): TargetPort {
  const [, ip, host, cont, proto] = /^(?:(.+):)?(\d+):(\d+)(?:\/(\w+))?$/.exec(spec)!;
  return { ...(ip ? { hostIp: ip } : {}), hostPort: Number(host), containerPort: Number(cont), proto: (proto ?? 'tcp') as TargetPort['proto'], spec };
}

/** Validate untrusted target data; the canonical target, or the errors (each names where it is). */
export function parseTarget(data: unknown): { ok: true; target: Target } | { ok: false; errors: string[] } {
  validator ??= new Validator(TARGET_SCHEMA as never, '2019-09', false);
  const r = validator.validate(data);
  if (!r.valid) return { ok: false, errors: [describe(r.errors)] };
  const d = data as Record<string, any>;
  const errors: string[] = [];
  const names = (xs: { name: string }[], what: string) => {
    const seen = new Set<string>();
    for (const x of xs) {
      if (seen.has(x.name)) errors.push(`target.${what}: "${x.name}" is declared twice`);
      seen.add(x.name);
    }
  };
  const target: Target = {
    networks: (d.networks ?? []).map((n: any) => ({ name: n.name, driver: n.driver ?? 'bridge', ...(n.subnet ? { subnet: n.subnet } : {}) })),
    containers: (d.containers ?? []).map((c: any) => ({
      name: c.name,
      ...(c.image ? { image: c.image } : {}),
      state: c.state ?? 'running',
      ...(c.networks ? { networks: c.networks.map((n: any) => (typeof n === 'string' ? { network: n } : { network: n.name, ...(n.ip ? { ip: n.ip } : {}) })) } : {}),
      ...(c.network_mode ? { networkMode: c.network_mode } : {}),
      ...(c.ports ? { ports: c.ports.map(port) } : {}),
      ...(c.volumes ? { mounts: c.volumes.map((v: string) => ({ source: v.slice(0, v.indexOf(':')), destination: v.slice(v.indexOf(':') + 1) })) } : {}),
    })),
    images: (d.images ?? []).map((i: any) => (typeof i === 'string' ? { ref: i } : { ref: i.ref, ...(i.same_as ? { sameAs: i.same_as } : {}) })),
    volumes: (d.volumes ?? []).map((v: any) => ({ name: typeof v === 'string' ? v : v.name })),
  };
  names(target.networks, 'networks');
  names(target.containers, 'containers');
  names(target.volumes, 'volumes');
  target.containers.forEach((c, i) => {
    for (const a of c.networks ?? []) if (a.ip && !ipOk(a.ip)) errors.push(`target.containers[${i}]: ${a.ip} is not an IPv4 address`);
    for (const p of c.ports ?? []) if (p.hostPort > 65535 || p.containerPort > 65535 || p.containerPort === 0) errors.push(`target.containers[${i}]: ${p.spec} is not a valid port mapping`);
  });
  for (const n of target.networks) if (n.subnet && !ipOk(n.subnet.split('/')[0])) errors.push(`target.networks: ${n.subnet} is not a subnet`);
  return errors.length ? { ok: false, errors } : { ok: true, target };
}

/** A target written back in its canonical declaration form (parseTarget of it gives the same target): an exercise's
 *  link and file carry this, so two spellings of one target have one hash. */
export function targetDeclaration(t: Target): TargetDecl {
  const d: TargetDecl = {};
  if (t.networks.length) d.networks = t.networks.map((n) => ({ name: n.name, ...(n.driver !== 'bridge' ? { driver: n.driver } : {}), ...(n.subnet ? { subnet: n.subnet } : {}) }));
  if (t.containers.length)
    d.containers = t.containers.map((c) => ({
      name: c.name,
      ...(c.image ? { image: c.image } : {}),
      ...(c.state !== 'running' ? { state: c.state } : {}),
      ...(c.networks ? { networks: c.networks.map((a) => (a.ip ? { name: a.network, ip: a.ip } : a.network)) } : {}),
      ...(c.networkMode ? { network_mode: c.networkMode } : {}),
      ...(c.ports ? { ports: c.ports.map((p) => p.spec) } : {}),
      ...(c.mounts ? { volumes: c.mounts.map((m) => `${m.source}:${m.destination}`) } : {}),
    }));
  if (t.images.length) d.images = t.images.map((i) => (i.sameAs ? { ref: i.ref, same_as: i.sameAs } : i.ref));
  if (t.volumes.length) d.volumes = t.volumes.map((v) => v.name);
  return d;
}
