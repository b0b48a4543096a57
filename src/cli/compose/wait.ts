// Waiting on services (compose convergence.go waitDependencies): a dependant's depends_on conditions, and `up --wait`.
import type { Container } from '../../engine/index';
import { containerById } from '../../engine/index';
import { StatusError, type CliContext } from '../command';
import { projectContainers } from './containers';
import type { DependCondition, Project, Service } from './model';
import { warn, type ProgressEvent } from './progress';

/** The `--wait` condition: running, or healthy when the container has a healthcheck (compose's running_or_healthy). */
export type WaitCondition = DependCondition | 'running_or_healthy';

export interface Dependency {
  service: string;
  condition: WaitCondition;
  required: boolean;
}

/** How long compose waits when nothing says (up --wait without --wait-timeout, depends_on): long enough for any probe. */
const FOREVER = 600;

/** compose isServiceHealthy: healthy (true), still starting (false), or an error naming the container. */
function healthOf(c: Container, fallbackRunning: boolean): boolean | string {
  if (c.state.status === 'exited') return `container ${c.name} exited (${c.state.exitCode})`;
  if (!c.config.Healthcheck && fallbackRunning) return c.state.status === 'running';
  if (!c.health) return `container ${c.name} has no healthcheck configured`;
  if (c.health.status === 'healthy') return true;
  if (c.health.status === 'unhealthy') return `container ${c.name} is unhealthy`;
  return false;
}

/**
 * Wait for each dependency's containers as its condition asks, pushing "Waiting" and then "Healthy", "Exited",
 * "Skipped: …" or "Error" for them; throws compose's error when a required dependency fails.
 */
export async function waitFor(ctx: CliContext, project: Project, dependant: string, deps: Dependency[], events: ProgressEvent[], timeout = FOREVER): Promise<void> {
  const ev = (list: Container[], status: ProgressEvent['status'], text: string) => {
    for (const c of list) events.push({ id: `Container ${c.name}`, status, text, seconds: status === 'working' ? 0 : 0.5 });
  };
  // every dependency is marked "Waiting" first; compose then watches them all at once
  const pending: [Dependency, Container[]][] = [];
  for (const d of deps) {
    if (d.condition === 'service_started') continue;
    if (!project.services.some((s) => s.name === d.service)) continue; // a disabled service is not waited for
    const list = projectContainers(ctx.engine, project.name, { services: [d.service] });
    ev(list, 'working', 'Waiting');
    if (!list.length) {
      if (d.required) throw new StatusError(`${dependant} is missing dependency ${d.service}`, 1);
      warn(ctx, `${dependant} is missing dependency ${d.service}`);
      continue;
    }
    pending.push([d, list]);
  }
  // what is already met is reported before anything is waited for (compose polls them all every half second)
  const metNow = ([d, list]: [Dependency, Container[]]) =>
    d.condition !== 'service_completed_successfully' && list.every((c) => healthOf(containerById(ctx.engine.state, c.id) ?? c, d.condition === 'running_or_healthy') === true);
  for (const [, list] of pending.filter(metNow)) ev(list, 'done', 'Healthy');
  for (const [d, list] of pending.filter((p) => !metNow(p))) {
    if (d.condition === 'service_completed_successfully') {
      await completed(ctx, d, list, ev);
      continue;
    }
    const fallback = d.condition === 'running_or_healthy';
    for (const c of list) if (c.health && containerById(ctx.engine.state, c.id)?.health?.status === 'starting') await ctx.runtime.waitHealthy?.(c.id, timeout);
    const now = list.map((c) => containerById(ctx.engine.state, c.id) ?? c);
    const results = now.map((c) => healthOf(c, fallback));
    const failed = results.find((r) => typeof r === 'string') as string | undefined;
    if (failed) {
      const reason = fallback ? `optional dependency "${d.service}" is not running or is unhealthy` : `optional dependency "${d.service}" failed to start`;
      if (!d.required) {
        ev(list, 'warning', `Skipped: ${reason}`);
        warn(ctx, `${reason}: ${failed}`);
        continue;
      }
      if (fallback) throw new StatusError(failed, 1);
      ev(list, 'error', 'Error');
      throw new StatusError(`dependency failed to start: ${failed}`, 1);
    }
    if (results.every((r) => r === true)) ev(list, 'done', 'Healthy');
    else if (timeout === FOREVER) throw new StatusError(`dependency failed to start: container ${now[results.indexOf(false)].name} is still starting`, 1);
    else throw new StatusError(`application not healthy after ${goSeconds(timeout)}`, 1);
  }
}

/** service_completed_successfully: the container's program runs to its end, and must end with 0. */
async function completed(ctx: CliContext, d: Dependency, list: Container[], ev: (l: Container[], s: ProgressEvent['status'], t: string) => void): Promise<void> {
  for (const c of list) {
    const exitAt = c.process?.exitAt;
    if (c.state.status === 'running' && typeof exitAt === 'number') ctx.engine.advance(Math.max(0, exitAt - ctx.engine.now()));
  }
  const now = list.map((c) => containerById(ctx.engine.state, c.id) ?? c);
  const exited = now.find((c) => c.state.status === 'exited');
  if (!exited) throw new StatusError(`service "${d.service}" didn't complete successfully: still running`, 1);
  if (exited.state.exitCode === 0) return ev(list, 'done', 'Exited');
  const suffix = `"${d.service}" didn't complete successfully: exit ${exited.state.exitCode}`;
  if (!d.required) {
    ev(list, 'warning', `Skipped: optional dependency ${suffix}`);
    warn(ctx, `optional dependency ${suffix}`);
    return;
  }
  ev(list, 'error', `service ${suffix}`);
  throw new StatusError(`service ${suffix}`, 1);
}

/** Go's time.Duration String for whole seconds: 5s, 1m30s, 1h0m0s. */
function goSeconds(n: number): string {
  const h = Math.floor(n / 3600);
  const m = Math.floor((n % 3600) / 60);
  const sec = n % 60;
  return h ? `${h}h${m}m${sec}s` : m ? `${m}m${sec}s` : `${sec}s`;
}

/** A service's depends_on as waits. */
export const dependenciesOf = (s: Service): Dependency[] => s.dependsOn.map(([service, condition, required]) => ({ service, condition, required }));

/** What `up --wait` waits for: every service running or healthy, or exited with 0 when a dependant asks that of it. */
export function waitAll(project: Project, services: Service[]): Dependency[] {
  return services.map((s) => ({
    service: s.name,
    condition: project.services.some((o) => o.dependsOn.some(([d, c]) => d === s.name && c === 'service_completed_successfully')) ? 'service_completed_successfully' : 'running_or_healthy',
    required: true,
  }));
}
