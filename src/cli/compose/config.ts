// docker compose config / version / pull / push / build: render the model, and the image-only commands.
// docker/compose: cmd/compose/config.go, version.go, pull.go, push.go, build.go
import { fromDaemon } from '../daemon-error';
import { stringify } from 'yaml';
import { isDockerError, parseRef } from '../../engine/index';
import { loggedInUser } from '../registry/auth';
import { defineCommand, StatusError } from '../command';
import type { ComposeContext } from './load';
import { loadProject } from './load';
import { COMPOSE_VERSION, type Project, type Service } from './model';
import { buildServiceImage } from './build';
import { imageOf } from './containers';
import { pullEvents, report, type ProgressEvent } from './progress';
import { namedProject } from './load';
import { selectServices } from './containers';
import { withImageData } from '../image-data';

/** A service in compose's canonical form: long syntaxes, absolute paths, defaults filled in, keys sorted. */
function canonicalService(project: Project, s: Service): Record<string, unknown> {
  const out: Record<string, unknown> = { ...s.raw };
  if (s.build) out.build = { context: s.build.context, dockerfile: s.build.dockerfile ?? 'Dockerfile', ...(s.build.args.length ? { args: Object.fromEntries(s.build.args) } : {}), ...(s.build.target ? { target: s.build.target } : {}) };
  if (s.command) out.command = s.command;
  if (s.entrypoint) out.entrypoint = s.entrypoint;
  if (s.environment.length) out.environment = Object.fromEntries(s.environment.map(([k, v]) => [k, v ?? null]));
  if (!s.networkMode) out.networks = Object.fromEntries(s.networks.map(([k, aliases]) => [k, aliases.length ? { aliases } : null]));
  if (s.ports.length) {
    out.ports = s.ports.map((p) => ({ mode: 'ingress', ...(p.hostIp ? { host_ip: p.hostIp } : {}), target: p.target, ...(p.published ? { published: p.published } : {}), protocol: p.protocol }));
  }
  if (s.volumes.length) {
    out.volumes = s.volumes.map((v) => ({ type: v.type, ...(v.source ? { source: v.source } : {}), target: v.target, ...(v.readOnly ? { read_only: true } : {}), ...(v.type === 'bind' ? { bind: { create_host_path: true } } : v.type === 'volume' ? { volume: {} } : {}) }));
  }
  // secrets and configs in their long syntax
  for (const key of ['secrets', 'configs'] as const) {
    if (s[key].length) out[key] = s[key].map((r) => ({ source: r.source, ...(r.target ? { target: r.target } : {}), ...(r.uid ? { uid: r.uid } : {}), ...(r.gid ? { gid: r.gid } : {}), ...(r.mode !== undefined ? { mode: r.mode } : {}) }));
  }
  const sorted = sortKeys(out) as Record<string, unknown>;
  // a dependency is a struct in compose-go (ServiceDependency): its fields keep their declared order
  if (s.dependsOn.length) sorted.depends_on = Object.fromEntries([...s.dependsOn].sort(([a], [b]) => (a < b ? -1 : 1)).map(([d, c, required, restart]) => [d, { condition: c, ...(restart ? { restart } : {}), required }]));
  return sorted;
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    );
  }
  return v;
}

export function canonicalProject(project: Project): Record<string, unknown> {
  const doc: Record<string, unknown> = { name: project.name, services: Object.fromEntries(project.services.map((s) => [s.name, canonicalService(project, s)])) };
  if (project.networks.length) doc.networks = Object.fromEntries(project.networks.map((n) => [n.key, { name: n.name, ...(n.external ? { external: true } : {}) }]));
  if (project.volumes.length) doc.volumes = Object.fromEntries(project.volumes.map((v) => [v.key, { name: v.name, ...(v.external ? { external: true } : {}) }]));
  // compose-go FileObjectConfig: name, file, environment, content, external (in that order)
  for (const key of ['secrets', 'configs'] as const) {
    const list = project[key];
    if (!list.length) continue;
    doc[key] = Object.fromEntries(
      list.map((o) => [o.key, { name: o.name, ...(o.file !== undefined ? { file: o.file } : {}), ...(o.environment !== undefined ? { environment: o.environment } : {}), ...(o.content !== undefined ? { content: o.content } : {}), ...(o.external ? { external: true } : {}) }]),
    );
  }
  return doc;
}

export const config = defineCommand({
  name: 'config',
  use: 'config [OPTIONS] [SERVICE...]',
  short: 'Parse, resolve and render compose file in canonical format',
  flags: [
    { name: 'format', type: 'string', usage: 'Format the output. Values: [yaml | json]', default: 'yaml' },
    { name: 'images', type: 'bool', usage: 'Print the image names, one per line.' },
    { name: 'output', short: 'o', type: 'string', usage: 'Save to file (default to stdout)' },
    { name: 'profiles', type: 'bool', usage: 'Print the profile names, one per line.' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only validate the configuration, don\'t print anything' },
    { name: 'services', type: 'bool', usage: 'Print the service names, one per line.' },
    { name: 'volumes', type: 'bool', usage: 'Print the volume names, one per line.' },
  ],
  async run(ctx, args, f) {
    const c = ctx as ComposeContext;
    const project = await loadProject(c, c.compose);
    const services = args.length ? selectServices(project, args) : project.services;
    const lines = (list: string[]) => list.map((x) => x + '\n').join('');
    if (f.quiet) return 0;
    if (f.services) return void ctx.out(lines(services.map((s) => s.name))), 0;
    if (f.volumes) return void ctx.out(lines(project.volumes.map((v) => v.key))), 0;
    if (f.images) return void ctx.out(lines(services.map((s) => imageOf(project, s)))), 0;
    if (f.profiles) return void ctx.out(lines([...new Set(project.services.flatMap((s) => s.profiles))].sort())), 0;
    if (f.format !== 'yaml' && f.format !== 'json') throw new StatusError(`unsupported format "${f.format}"`, 1);
    const doc = canonicalProject({ ...project, services });
    const text = f.format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc, { indent: 2, lineWidth: 0, nullStr: 'null', defaultStringType: 'PLAIN' });
    if (f.output) await ctx.host.writeFile(f.output, text);
    else ctx.out(text);
    return 0;
  },
});

export const version = defineCommand({
  name: 'version',
  use: 'version [OPTIONS]',
  short: 'Show the Docker Compose version information',
  args: { max: 0 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: 'Format the output. Values: [pretty | json]. (Default: pretty)' },
    { name: 'short', type: 'bool', usage: "Shows only Compose's version number" },
  ],
  async run(ctx, _args, f) {
    if (f.short) ctx.out(`${COMPOSE_VERSION}\n`);
    else if (f.format === 'json') ctx.out(`{"version":"v${COMPOSE_VERSION}"}\n`);
    else ctx.out(`Docker Compose version v${COMPOSE_VERSION}\n`);
    return 0;
  },
});

export const pull = defineCommand({
  name: 'pull',
  use: 'pull [OPTIONS] [SERVICE...]',
  short: 'Pull service images',
  flags: [
    { name: 'ignore-buildable', type: 'bool', usage: 'Ignore images that can be built' },
    { name: 'ignore-pull-failures', type: 'bool', usage: 'Pull what it can and ignores images with pull failures' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Pull without printing progress information' },
  ],
  async run(ctx, args, f) {
    const { c, project, named: services } = await namedProject(ctx, args);
    const events: ProgressEvent[] = [];
    const { ignoreBuildable, ignorePullFailures } = f;
    let failed: unknown;
    for (const s of services) {
      if (!s.image) {
        events.push({ id: s.name, status: 'warning', label: 'Skipped', text: 'No image to be pulled', seconds: 0.0 });
        continue;
      }
      if (s.build && ignoreBuildable) continue;
      try {
        const rep = await withImageData(() => ctx.engine.image.pull(s.image!));
        events.push(...pullEvents(s.name, rep.layers, 1.0 + rep.layers.length * 0.3));
      } catch (e) {
        events.push({ id: s.name, status: 'error', label: 'Error', text: '', seconds: 0.5 });
        if (!ignorePullFailures) failed ??= e;
      }
    }
    if (!f.quiet) report(c, 'Pulling', events);
    if (failed) throw new StatusError(isDockerError(failed) ? fromDaemon(failed) : (failed as Error).message, 18);
    return 0;
  },
});

export const build = defineCommand({
  name: 'build',
  use: 'build [OPTIONS] [SERVICE...]',
  short: 'Build or rebuild services',
  flags: [],
  async run(ctx, args) {
    const { c, project, named: services } = await namedProject(ctx, args);
    for (const s of services) if (s.build) await buildServiceImage(c, project, s);
    return 0;
  },
});

export const push = defineCommand({
  name: 'push',
  use: 'push [OPTIONS] [SERVICE...]',
  short: 'Push service images',
  flags: [
    { name: 'ignore-push-failures', type: 'bool', usage: 'Push what it can and ignores images with push failures' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Push without printing progress information' },
  ],
  async run(ctx, args, f) {
    const { c, project, named: services } = await namedProject(ctx, args);
    const events: ProgressEvent[] = [];
    for (const s of services) {
      const image = imageOf(project, s);
      try {
        ctx.engine.image.push(image, await loggedInUser(ctx, parseRef(image).domain));
        events.push({ id: `Pushing ${image}`, status: 'done', text: 'Pushed', seconds: 1.0 });
      } catch (e) {
        events.push({ id: `Pushing ${image}`, status: 'error', text: 'Error', seconds: 0.2 });
        if (!f.ignorePushFailures) {
          if (!f.quiet) report(c, 'Pushing', events);
          throw new StatusError(isDockerError(e) ? e.message : (e as Error).message, 1);
        }
      }
    }
    if (!f.quiet) report(c, 'Pushing', events);
    return 0;
  },
});
