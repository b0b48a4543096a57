// A project's containers as the daemon labels them, and a service turned into the options `docker create` would send.
import { sha256Hex, type Container, type CreateOptions, type Engine, allContainers } from '../../engine/index';
import { StatusError } from '../command';
import { bindOptions, parseFlags } from '../flags';
import { CONTAINER_FLAGS, createOptions } from '../container/create-flags';
import { parseGoDuration } from '../format/go-duration';
import { COMPOSE_VERSION, LABEL, type Project, type Service } from './model';
import { portFlag } from './normalize';
import { fileMountFlags } from './files';

/** The project's containers (one-off `run` containers only when asked), oldest first. */
export function projectContainers(engine: Engine, project: string, opts: { oneoff?: boolean; services?: string[] } = {}): Container[] {
  return allContainers(engine.state).filter((c) => {
      const l = c?.config.Labels ?? {};
      if (l[LABEL.project] !== project) return false;
      if (!opts.oneoff && l[LABEL.oneoff] === 'True') return false;
      return !opts.services?.length || opts.services.includes(l[LABEL.service]);
    });
}

export const serviceOf = (c: Container) => c.config.Labels?.[LABEL.service] ?? '';
export const numberOf = (c: Container) => Number(c.config.Labels?.[LABEL.number] ?? 0);

/** compose getDefaultContainerName: `<project>-<service>-<n>`. */
export const containerName = (project: Project, s: Service, n: number) => s.containerName ?? `${project.name}-${s.name}-${n}`;

/** The image a service runs: its `image:`, or `<project>-<service>` for a build without one. */
export const imageOf = (project: Project, s: Service) => s.image ?? `${project.name}-${s.name}`;

/** The config hash compose stores to decide between "Running" and "Recreate": the service minus replica counts. */
export function configHash(s: Service): string {
  const raw = { ...s.raw };
  delete raw.scale;
  if (raw.deploy && typeof raw.deploy === 'object') {
    const d = { ...(raw.deploy as Record<string, unknown>) };
    delete d.replicas;
    raw.deploy = d;
  }
  return sha256Hex(stableJson(raw));
}

function stableJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  if (v && typeof v === 'object') {
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stableJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

/** The docker run flags that say what a service says (compose's own API call carries the same settings). */
export function serviceFlags(project: Project, s: Service, n: number, oneoff = false): string[] {
  const a: string[] = ['--name', containerName(project, s, n)];
  const labels: [string, string][] = [
    ...s.labels,
    [LABEL.configHash, configHash(s)],
    [LABEL.number, String(n)],
    [LABEL.dependsOn, s.dependsOn.map(([d, c, , restart]) => `${d}:${c}:${restart}`).join(',')],
    [LABEL.image, ''],
    [LABEL.oneoff, oneoff ? 'True' : 'False'],
    [LABEL.project, project.name],
    [LABEL.configFiles, project.configFiles.join(',')],
    [LABEL.workingDir, project.workingDir],
    [LABEL.service, s.name],
    [LABEL.version, COMPOSE_VERSION],
  ];
  for (const [k, v] of labels) a.push('--label', `${k}=${v}`);
  for (const [k, v] of s.environment) if (v !== undefined) a.push('-e', `${k}=${v}`);
  for (const p of s.ports) a.push('-p', portFlag(p));
  for (const e of s.expose) a.push('--expose', e);
  for (const v of s.volumes) {
    if (v.type === 'tmpfs') a.push('--tmpfs', v.target);
    else if (v.type === 'volume' && v.source) {
      const vol = project.volumes.find((x) => x.key === v.source);
      a.push('-v', `${vol?.name ?? v.source}:${v.target}${v.readOnly ? ':ro' : ''}`);
    } else if (v.type === 'volume') a.push('-v', v.target);
    else a.push('-v', `${v.source}:${v.target}${v.readOnly ? ':ro' : ''}`);
  }
  if (s.networkMode) a.push('--network', s.networkMode);
  else if (s.networks.length) {
    const [key, aliases] = s.networks[0];
    a.push('--network', project.networks.find((x) => x.key === key)!.name);
    for (const al of [s.name, ...aliases]) a.push('--network-alias', al);
  }
  if (s.restart) a.push('--restart', s.restart);
  if (s.workingDir) a.push('-w', s.workingDir);
  if (s.user) a.push('-u', s.user);
  if (s.hostname) a.push('-h', s.hostname);
  if (s.tty) a.push('-t');
  if (s.stdinOpen) a.push('-i');
  if (s.memLimit) a.push('-m', s.memLimit);
  if (s.cpus) a.push('--cpus', s.cpus);
  if (s.entrypoint) a.push('--entrypoint', s.entrypoint[0] ?? '');
  a.push(...fileMountFlags(project, s));
  return a;
}

/** What `docker create` gets for one replica of a service (the flag table parses what the service says). */
export function serviceCreateOptions(project: Project, s: Service, n: number, oneoff = false, command?: string[]): CreateOptions {
  const parsed = parseFlags(serviceFlags(project, s, n, oneoff), CONTAINER_FLAGS, true);
  const f = bindOptions(CONTAINER_FLAGS, parsed.flags);
  const cmd = command ?? [...(s.entrypoint?.slice(1) ?? []), ...(s.command ?? [])];
  const opts = createOptions(imageOf(project, s), cmd, f, false);
  if (s.entrypoint && !s.entrypoint.length) opts.entrypoint = [''];
  if (s.healthcheck) opts.healthcheck = healthConfig(s);
  return opts;
}

function healthConfig(s: Service): CreateOptions['healthcheck'] {
  const h = s.healthcheck!;
  if (h.disable) return { Test: ['NONE'] };
  // without a test of its own the image's HEALTHCHECK command applies (the daemon merges an empty Test)
  const out: NonNullable<CreateOptions['healthcheck']> = { Test: h.test ?? [] };
  if (h.interval) out.Interval = parseGoDuration(h.interval);
  if (h.timeout) out.Timeout = parseGoDuration(h.timeout);
  if (h.startPeriod) out.StartPeriod = parseGoDuration(h.startPeriod);
  if (h.retries !== undefined) out.Retries = h.retries;
  return out;
}

/** Services in the order compose starts them: each after the services it depends on. */
export function dependencyOrder(services: Service[]): Service[] {
  const out: Service[] = [];
  const seen = new Set<string>();
  const visit = (s: Service) => {
    if (seen.has(s.name)) return;
    seen.add(s.name);
    for (const [d] of s.dependsOn) {
      const dep = services.find((x) => x.name === d);
      if (dep) visit(dep);
    }
    out.push(s);
  };
  services.forEach(visit);
  return out;
}

/** Which services, checked against the file: compose's "no such service" error otherwise. */
export function selectServices(project: Project, names: string[]) {
  for (const n of names) if (!project.services.some((s) => s.name === n)) throw new StatusError(`no such service: ${n}`, 1);
  return withDependencies(project, names);
}

/** The named services and everything they depend on (all services when none is named). */
export function withDependencies(project: Project, names: string[]): Service[] {
  if (!names.length) return project.services;
  const want = new Set<string>();
  const add = (n: string) => {
    if (want.has(n)) return;
    want.add(n);
    for (const [d] of project.services.find((s) => s.name === n)?.dependsOn ?? []) add(d);
  };
  names.forEach(add);
  return project.services.filter((s) => want.has(s.name));
}
