// Bring a project to what its file says (compose pkg/compose create.go + convergence.go): networks, volumes, images, containers.
import { fromDaemon } from '../daemon-error';
import { containerById, isDockerError, type Container } from '../../engine/index';
import { StatusError, type CliContext } from '../command';
import { execHostNodes } from '../container/host-nodes';
import { prepared, resolveBindSources } from '../container/mount-flags';
import { buildServiceImage } from './build';
import { configHash, containerName, dependencyOrder, imageOf, numberOf, projectContainers, serviceCreateOptions, serviceOf } from './containers';
import { COMPOSE_VERSION, LABEL, type Project, type Service } from './model';
import { pullEvents, report, warn, type ProgressEvent } from './progress';
import { dependenciesOf, waitAll, waitFor } from './wait';
import { fileWarnings, injectFiles } from './files';
import { withImageData } from '../image-data';

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
  /** up --wait: wait for every service to be running or healthy; --wait-timeout in seconds (0: no limit). */
  wait?: boolean;
  waitTimeout?: number;
  /** up/create: containers of services gone from the file are removed (--remove-orphans) or warned about. */
  orphans?: 'remove' | 'warn';
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
    events.push({ id: `Network ${n.name}`, status: 'working', text: 'Creating', seconds: 0 });
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
    events.push({ id: `Volume "${v.name}"`, status: 'working', text: 'Creating', seconds: 0 });
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
      const rep = await withImageData(() => ctx.engine.image.pull(image));
      pulls.push(...pullEvents(s.name, rep.layers, 2.0 + rep.layers.length * 0.3));
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
  const host = await execHostNodes(ctx, c.id);
  const { program } = await withImageData(() => ctx.engine.container.start(c.id, host));
  if (program === 'runtime') await ctx.runtime.runMain(c.id, { attached: false });
}

async function createReplica(ctx: CliContext, project: Project, s: Service, n: number): Promise<Container> {
  const opts = serviceCreateOptions(project, s, n);
  const img = ctx.engine.image.find(opts.image);
  if (img) opts.labels![LABEL.image] = img.id;
  await resolveBindSources(ctx, opts);
  await fileWarnings(ctx, project, s);
  let id: string;
  try {
    id = await prepared(ctx, ctx.engine.container.create(opts).id);
  } catch (e) {
    throw new StatusError(daemon(e), 1);
  }
  injectFiles(ctx, project, s, id);
  // further networks are joined after create, as compose connects them one by one
  for (const [key, aliases] of s.networks.slice(1)) {
    const net = project.networks.find((x) => x.key === key)!;
    ctx.engine.network.connect(net.name, id, { aliases: [s.name, ...aliases] });
  }
  return containerById(ctx.engine.state, id)!;
}

/** Stop and remove a container, as compose's stopAndRemoveContainer reports it (always both steps). */
export function stopAndRemove(ctx: CliContext, c: Container, events: ProgressEvent[], volumes = false): void {
  const id = `Container ${c.name}`;
  events.push({ id, status: 'working', text: 'Stopping', seconds: 0 });
  if (c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting') ctx.engine.container.stop(c.id);
  events.push({ id, status: 'done', text: 'Stopped', seconds: 0.2 });
  events.push({ id, status: 'working', text: 'Removing', seconds: 0 });
  ctx.engine.container.remove(c.id, true, volumes);
  events.push({ id, status: 'done', text: 'Removed', seconds: 0.2 });
}

/**
 * compose ensureService: scale down (highest numbers first), recreate what changed (stopping its dependants so they
 * start again after it), keep the rest, create what is missing. Nothing is started here.
 */
async function ensureService(ctx: CliContext, project: Project, s: Service, o: ConvergeOptions, events: ProgressEvent[]): Promise<void> {
  const want = o.scale.get(s.name) ?? s.replicas;
  const existing = projectContainers(ctx.engine, project.name, { services: [s.name] }).sort((a, b) => numberOf(a) - numberOf(b));
  const hash = configHash(s);
  for (const c of existing.filter((x) => numberOf(x) > want).reverse()) stopAndRemove(ctx, c, events);
  for (let n = 1; n <= want; n++) {
    const c = existing.find((x) => numberOf(x) === n);
    const id = `Container ${containerName(project, s, n)}`;
    if (c && !o.noRecreate && (o.forceRecreate || c.config.Labels?.[LABEL.configHash] !== hash)) {
      stopDependants(ctx, project, o.services, s, events);
      events.push({ id, status: 'working', text: 'Recreate', seconds: 0 });
      if (containerById(ctx.engine.state, c.id)?.state.status === 'running') ctx.engine.container.stop(c.id);
      ctx.engine.container.remove(c.id, true);
      await createReplica(ctx, project, s, n);
      events.push({ id, status: 'done', text: 'Recreated', seconds: 0.1 });
    } else if (!c) {
      events.push({ id, status: 'working', text: 'Creating', seconds: 0 });
      await createReplica(ctx, project, s, n);
      events.push({ id, status: 'done', text: 'Created', seconds: 0.1 });
    } else {
      const now = containerById(ctx.engine.state, c.id) ?? c;
      if (now.state.status === 'running') events.push({ id, status: 'done', text: 'Running', seconds: 0.0 });
      else if (now.state.status === 'exited') events.push({ id, status: 'done', text: 'Created', seconds: 0.0, alone: true });
    }
  }
}

/** The running containers of services that depend on `s` are stopped before it is recreated (stopDependentContainers). */
function stopDependants(ctx: CliContext, project: Project, selected: Service[], s: Service, events: ProgressEvent[]): void {
  const dependants = selected.filter((o) => o.dependsOn.some(([d]) => d === s.name)).map((o) => o.name);
  if (!dependants.length) return;
  for (const c of projectContainers(ctx.engine, project.name, { services: dependants })) {
    if (c.state.status !== 'running') continue;
    const id = `Container ${c.name}`;
    events.push({ id, status: 'working', text: 'Stopping', seconds: 0 });
    ctx.engine.container.stop(c.id);
    events.push({ id, status: 'done', text: 'Stopped', seconds: 0.2 });
  }
}

/** compose startService: wait for what depends_on asks, then start each container that is not running. */
export async function startService(ctx: CliContext, project: Project, s: Service, o: Pick<ConvergeOptions, 'scale'>, events: ProgressEvent[]): Promise<Container[]> {
  const want = o.scale.get(s.name) ?? s.replicas;
  if (want === 0) return [];
  await waitFor(ctx, project, s.name, dependenciesOf(s), events);
  const list = projectContainers(ctx.engine, project.name, { services: [s.name] }).sort((a, b) => numberOf(a) - numberOf(b));
  if (!list.length) throw new StatusError(`service "${s.name}" has no container to start`, 1);
  const out: Container[] = [];
  for (const c of list) {
    const id = `Container ${c.name}`;
    if (c.state.status !== 'running') {
      events.push({ id, status: 'working', text: 'Starting', seconds: 0 });
      try {
        await startContainer(ctx, c);
      } catch (e) {
        events.push({ id, status: 'error', text: 'Error', seconds: 0.1 });
        throw new StatusError(daemon(e), 1);
      }
      events.push({ id, status: 'done', text: 'Started', seconds: 0.3 });
    }
    out.push(containerById(ctx.engine.state, c.id) ?? c);
  }
  return out;
}

/**
 * Bring the project to what its file says, as compose's create then start do: networks and volumes, then every
 * service's containers created (dependencies first), then every service started in dependency order, each waiting
 * for its depends_on conditions; `up --wait` then waits for all of them to be running or healthy.
 */
export async function converge(ctx: CliContext, project: Project, o: ConvergeOptions): Promise<Container[]> {
  const events: ProgressEvent[] = [];
  const started: Container[] = [];
  const order = dependencyOrder(o.services);
  try {
    ensureResources(ctx, project, events);
    if (o.orphans) handleOrphans(ctx, project, o.orphans, events);
    for (const s of order) await ensureService(ctx, project, s, o, events);
    if (o.start) for (const s of order) started.push(...(await startService(ctx, project, s, o, events)));
    if (o.start && o.wait) await waitFor(ctx, project, project.name, waitAll(project, o.services), events, o.waitTimeout || undefined);
  } finally {
    report(ctx, o.start ? 'Running' : 'Creating', events);
  }
  return started;
}

/** compose create, after the networks and volumes: orphans are removed with the other events, or warned about. */
function handleOrphans(ctx: CliContext, project: Project, how: 'remove' | 'warn', events: ProgressEvent[]): void {
  const gone = orphans(ctx, project);
  if (!gone.length) return;
  if (how === 'remove') for (const c of gone) stopAndRemove(ctx, c, events);
  else warn(ctx, `Found orphan containers ([${gone.map((c) => c.name).join(' ')}]) for this project. If you removed or renamed this service in your compose file, you can run this command with the --remove-orphans flag to clean it up.`);
}

/** Containers of services no longer in the file (compose's orphan warning, or their removal). */
export function orphans(ctx: CliContext, project: Project): Container[] {
  const names = new Set(project.services.map((s) => s.name));
  return projectContainers(ctx.engine, project.name).filter((c) => !names.has(serviceOf(c)));
}
