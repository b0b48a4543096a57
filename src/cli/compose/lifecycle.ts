// docker compose start / stop / restart / pause / unpause / kill: one verb over a project's service containers.
// docker/compose: cmd/compose/{start,stop,restart,pause,kill}.go, pkg/compose/{start,stop,restart,pause,kill}.go
import { defineCommand, type CommandDef } from '../command';
import type { Container } from '../../engine/index';
import type { ComposeContext } from './load';
import { loadProject } from './load';
import type { Project } from './model';
import { dependencyOrder, projectContainers, serviceOf } from './containers';
import { startService } from './converge';
import { withImageData } from '../image-data';
import { report, type ProgressEvent } from './progress';
import { selectServices } from './containers';

type Verb = (ctx: ComposeContext, c: Container, f: Record<string, unknown>) => Promise<string | null>;

/** Run `verb` on the selected services' containers in dependency order (reversed for stopping ones). */
async function each(ctx: ComposeContext, args: string[], title: string, reverse: boolean, verb: Verb, f: Record<string, unknown>): Promise<number> {
  const project = await loadProject(ctx, ctx.compose);
  if (args.length) selectServices(project, args);
  const order = dependencyOrder(project.services).map((s) => s.name);
  if (reverse) order.reverse();
  const list = projectContainers(ctx.engine, project.name, { services: args }).sort((a, b) => order.indexOf(serviceOf(a)) - order.indexOf(serviceOf(b)) || (a.name < b.name ? -1 : 1));
  const events: ProgressEvent[] = [];
  for (const c of list) {
    const id = `Container ${c.name}`;
    // restart.go sends RestartingEvent, then StartedEvent
    if (title === 'Restarting') events.push({ id, status: 'working', text: 'Restarting', seconds: 0 });
    const text = await verb(ctx, c, f);
    if (text) events.push({ id, status: 'done', text, seconds: 0.3 });
  }
  report(ctx, title, events);
  return 0;
}

const running = (c: Container) => c.state.status === 'running' || c.state.status === 'restarting';

function verbCommand(name: string, use: string, short: string, title: string, reverse: boolean, verb: Verb, flags: CommandDef['flags'] = []): CommandDef {
  return defineCommand({ name, use, short, flags, run: (ctx, args, f) => each(ctx as ComposeContext, args, title, reverse, verb, f as unknown as Record<string, unknown>) });
}

/** compose start: each service in dependency order, after what its depends_on waits for (start.go → startService). */
export const start = defineCommand({
  name: 'start',
  use: 'start [SERVICE...]',
  short: 'Start services',
  async run(ctx, args) {
    const c = ctx as ComposeContext;
    const project = await loadProject(c, c.compose);
    // ToProject(services) selects the named services with what they depend on
    const services = selectServices(project, args);
    const events: ProgressEvent[] = [];
    try {
      for (const s of dependencyOrder(services)) await startService(c, project, s, { scale: new Map() }, events);
    } finally {
      report(c, 'Running', events);
    }
    return 0;
  },
});

const TIMEOUT = { name: 'timeout', short: 't', type: 'int', usage: 'Specify a shutdown timeout in seconds' } as const;

export const stop = verbCommand(
  'stop',
  'stop [OPTIONS] [SERVICE...]',
  'Stop services',
  'Stopping',
  true,
  async (ctx, c, f) => {
    if (running(c) || c.state.status === 'paused') ctx.engine.container.stop(c.id, (f.timeout as number) || 10);
    return 'Stopped';
  },
  [TIMEOUT],
);

/** The named services plus, unless --no-deps, every service that asks to restart with them (depends_on restart: true). */
function withRestartDependants(project: Project, names: string[]): string[] {
  const out = [...names];
  for (let i = 0; i < out.length; i++) {
    for (const s of project.services) if (!out.includes(s.name) && s.dependsOn.some(([d, , , again]) => again && d === out[i])) out.push(s.name);
  }
  return out;
}

const restartVerb: Verb = async (ctx, c, f) => {
  const { program } = await withImageData(() => ctx.engine.container.restart(c.id, (f.timeout as number) || 10));
  if (program === 'runtime') await ctx.runtime.runMain(c.id, { attached: false });
  return 'Started';
};

export const restart = defineCommand({
  name: 'restart',
  use: 'restart [OPTIONS] [SERVICE...]',
  short: 'Restart service containers',
  flags: [{ name: 'no-deps', type: 'bool', usage: "Don't restart dependent services" }, TIMEOUT],
  async run(ctx, args, f) {
    const c = ctx as ComposeContext;
    let names = args;
    const noDeps = f.noDeps;
    if (args.length && !noDeps) {
      const project = await loadProject(c, c.compose);
      selectServices(project, args);
      names = withRestartDependants(project, args);
    }
    return each(c, names, 'Restarting', false, restartVerb, { timeout: f.timeout });
  },
});

export const pause = verbCommand('pause', 'pause [SERVICE...]', 'Pause services', 'Pausing', false, async (ctx, c) => {
  if (c.state.status !== 'running') return null;
  ctx.engine.container.pause(c.id);
  return 'Paused';
});

export const unpause = verbCommand('unpause', 'unpause [SERVICE...]', 'Unpause services', 'Unpausing', false, async (ctx, c) => {
  if (c.state.status !== 'paused') return null;
  ctx.engine.container.unpause(c.id);
  return 'Unpaused';
});

export const kill = verbCommand(
  'kill',
  'kill [OPTIONS] [SERVICE...]',
  'Force stop service containers',
  'Killing',
  true,
  async (ctx, c, f) => {
    if (!running(c)) return null;
    ctx.engine.container.kill(c.id, (f.signal as string) || 'SIGKILL');
    return 'Killed';
  },
  [
    { name: 'remove-orphans', unsupported: true, type: 'bool', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'signal', short: 's', type: 'string', usage: 'SIGNAL to send to the container', default: 'SIGKILL' },
  ],
);
