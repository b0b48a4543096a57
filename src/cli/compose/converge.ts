// Bring a project to what its file says (compose pkg/compose create.go + convergence.go): networks, volumes, images, containers.
import { fromDaemon } from '../daemon-error';
import { isDockerError, type Container, containerById } from '../../engine/index';
import { StatusError, type CliContext } from '../command';
import { execHostNodes } from '../container/host-nodes';
import { prepared, resolveBindSources } from '../container/mount-flags';
import { buildServiceImage } from './build';
import { configHash, containerName, dependencyOrder, imageOf, numberOf, projectContainers, serviceCreateOptions, serviceOf } from './containers';
import { COMPOSE_VERSION, LABEL, type Project, type Service } from './model';
import { report, type ProgressEvent } from './progress';

export interface ConvergeOptions {
  services: Service[];
  build: boolean;
  noBuild?: boolean;
  forceRecreate: boolean;
  noRecreate?: boolean;
  /** --scale SERVICE=N overrides. */
  scale: Map<string, number>;
  /** `create` makes containers without starting them. */
  start: boolean;
  quietPull?: boolean;
}

const daemon = (e: unknown) => (isDockerError(e) ? fromDaemon(e) : (e as Error).message);

/** The project's networks and volumes: created when missing (labelled as compose labels them). */
export function ensureResources(ctx: CliContext, project: Project, events: ProgressEvent[]): void {
  for (const n of project.networks) {
    if (ctx.engine.network.find(n.name)) continue;
    if (n.external) throw new StatusError(`network ${n.name} declared as external, but could not be found`, 1);
    const labels: Record<string, string> = Object.create(null);
    for (const [k, v] of n.labels) labels[k] = v;
    Object.assign(labels, { [LABEL.network]: n.key, [LABEL.project]: project.name, [LABEL.version]: COMPOSE_VERSION });
    ctx.engine.network.create({ name: n.name, driver: n.driver, subnet: n.subnet, labels });
    events.push({ id: `Network ${n.name}`, status: 'done', text: 'Created', seconds: 0.1 });
  }
  const used = new Set(project.services.flatMap((s) => s.volumes.filter((v) => v.type === 'volume' && v.source).map((v) => v.source)));
  for (const v of project.volumes) {
    if (!used.has(v.key)) continue;
    if (ctx.engine.state.volumes[v.name]) continue;
    if (v.external) throw new StatusError(`external volume "${v.name}" not found`, 1);
    const labels: Record<string, string> = Object.create(null);
    for (const [k, val] of v.labels) labels[k] = val;
    Object.assign(labels, { [LABEL.project]: project.name, [LABEL.version]: COMPOSE_VERSION, [LABEL.volume]: v.key });
    ctx.engine.volume.create({ name: v.name, driver: v.driver, labels, options: null });
    events.push({ id: `Volume "${v.name}"`, status: 'done', text: 'Created', seconds: 0.0 });
  }
}

/** Pull images that are missing (or build them), as `up` does before it creates anything. */
export async function ensureImages(ctx: CliContext, project: Project, o: ConvergeOptions): Promise<void> {
  const pulls: ProgressEvent[] = [];
  for (const s of o.services) {
    const image = imageOf(project, s);
    if (s.build && !o.noBuild && (o.build || !ctx.engine.image.find(image))) {
      await buildServiceImage(ctx, project, s);
      continue;
    }
    if (ctx.engine.image.find(image)) continue;
    if (s.build) throw new StatusError(`pull access denied for ${image}, repository does not exist or may require 'docker login'`, 1);
    try {
      const rep = ctx.engine.image.pull(image);
      pulls.push({ id: s.name, status: 'done', label: 'Pulled', text: '', seconds: 2.0 + rep.layers.length * 0.3 });
      for (const l of rep.layers) pulls.push({ id: l.id, parent: s.name, status: 'done', label: l.status, text: '', seconds: 1.0 });
    } catch (e) {
      pulls.push({ id: s.name, status: 'error', label: 'Error', text: '', seconds: 1.0 });
      report(ctx, 'Running', pulls);
      throw new StatusError(fromDaemon(e as Error), 18);
    }
  }
  if (!o.quietPull) report(ctx, 'Running', pulls);
}

/** Start a created or stopped container; the shell runtime runs it when the engine cannot. */
export async function startContainer(ctx: CliContext, c: Container): Promise<void> {
  const { program } = ctx.engine.container.start(c.id, await execHostNodes(ctx, c.id));
  if (program === 'runtime') await ctx.runtime.runMain(c.id, { attached: false });
}

async function createReplica(ctx: CliContext, project: Project, s: Service, n: number): Promise<Container> {
  const opts = serviceCreateOptions(project, s, n);
  const img = ctx.engine.image.find(opts.image);
  if (img) opts.labels![LABEL.image] = img.id;
  await resolveBindSources(ctx, opts);
  let id: string;
  try {
    id = await prepared(ctx, ctx.engine.container.create(opts).id);
  } catch (e) {
    throw new StatusError(daemon(e), 1);
  }
  // further networks are joined after create, as compose connects them one by one
  for (const [key, aliases] of s.networks.slice(1)) {
    const net = project.networks.find((x) => x.key === key)!;
    ctx.engine.network.connect(net.name, id, { aliases: [s.name, ...aliases] });
  }
  return containerById(ctx.engine.state, id)!;
}

/**
 * Wait for what a service's depends_on asks of each dependency before it starts (compose waitDependencies):
 * service_healthy waits for the healthcheck, service_completed_successfully for an exit with 0.
 */
async function waitDependencies(ctx: CliContext, project: Project, s: Service, events: ProgressEvent[]): Promise<void> {
  for (const [dep, condition] of s.dependsOn) {
    if (condition === 'service_started') continue;
    for (const c of projectContainers(ctx.engine, project.name, { services: [dep] })) {
      const id = `Container ${c.name}`;
      events.push({ id, status: 'working', text: 'Waiting', seconds: 0 });
      if (condition === 'service_healthy') {
        if (!c.health) {
          events.push({ id, status: 'error', text: 'Error', seconds: 0 });
          throw new StatusError(`dependency failed to start: container ${c.name} has no healthcheck configured`, 1);
        }
        await ctx.runtime.waitHealthy?.(c.id, 600);
        const now = containerById(ctx.engine.state, c.id);
        if (now?.health?.status !== 'healthy') {
          events.push({ id, status: 'error', text: 'Error', seconds: 0 });
          throw new StatusError(`dependency failed to start: container ${c.name} is unhealthy`, 1);
        }
        events.push({ id, status: 'done', text: 'Healthy', seconds: 0.5 });
      } else {
        const exitAt = c.process?.exitAt;
        if (c.state.status === 'running' && typeof exitAt === 'number') ctx.engine.advance(Math.max(0, exitAt - ctx.engine.now()));
        const now = containerById(ctx.engine.state, c.id);
        if (now?.state.status === 'running') throw new StatusError(`service "${dep}" didn't complete successfully: still running`, 1);
        if ((now?.state.exitCode ?? 0) !== 0) {
          events.push({ id, status: 'error', text: 'Error', seconds: 0 });
          throw new StatusError(`service "${dep}" didn't complete successfully: exit ${now?.state.exitCode}`, 1);
        }
        events.push({ id, status: 'done', text: 'Exited', seconds: 0.5 });
      }
    }
  }
}

/** Create, recreate or keep each service's containers, then start them in dependency order. */
export async function converge(ctx: CliContext, project: Project, o: ConvergeOptions): Promise<Container[]> {
  const events: ProgressEvent[] = [];
  ensureResources(ctx, project, events);
  const started: Container[] = [];
  try {
    for (const s of dependencyOrder(o.services)) {
      const want = o.scale.get(s.name) ?? s.replicas;
      const existing = projectContainers(ctx.engine, project.name, { services: [s.name] }).sort((a, b) => numberOf(a) - numberOf(b));
      const hash = configHash(s);
      // replicas above the wanted count go away, highest number first
      for (const c of existing.filter((x) => numberOf(x) > want).reverse()) {
        const id = `Container ${c.name}`;
        if (c.state.status === 'running') ctx.engine.container.stop(c.id);
        events.push({ id, status: 'done', text: 'Stopped', seconds: 0.2 });
        ctx.engine.container.remove(c.id, true);
        events.push({ id, status: 'done', text: 'Removed', seconds: 0.2 });
      }
      for (let n = 1; n <= want; n++) {
        let c = existing.find((x) => numberOf(x) === n);
        const name = containerName(project, s, n);
        const id = `Container ${name}`;
        if (c && !o.noRecreate && (o.forceRecreate || c.config.Labels?.[LABEL.configHash] !== hash)) {
          if (c.state.status === 'running') ctx.engine.container.stop(c.id);
          ctx.engine.container.remove(c.id, true);
          c = await createReplica(ctx, project, s, n);
          events.push({ id, status: 'done', text: 'Recreated', seconds: 0.1 });
        } else if (!c) {
          c = await createReplica(ctx, project, s, n);
          events.push({ id, status: 'done', text: 'Created', seconds: 0.1 });
        } else if (c.state.status === 'running') {
          events.push({ id, status: 'done', text: 'Running', seconds: 0.0 });
          started.push(c);
          continue;
        }
        if (!o.start) continue;
        await waitDependencies(ctx, project, s, events);
        try {
          await startContainer(ctx, c);
        } catch (e) {
          events.push({ id, status: 'error', text: 'Error', seconds: 0.1 });
          throw new StatusError(daemon(e), 1);
        }
        events.push({ id, status: 'done', text: 'Started', seconds: 0.3 });
        started.push(containerById(ctx.engine.state, c.id) ?? c);
      }
    }
  } finally {
    report(ctx, o.start ? 'Running' : 'Creating', events);
  }
  return started;
}

/** Containers of services no longer in the file (compose's orphan warning, or their removal). */
export function orphans(ctx: CliContext, project: Project): Container[] {
  const names = new Set(project.services.map((s) => s.name));
  return projectContainers(ctx.engine, project.name).filter((c) => !names.has(serviceOf(c)));
}
