// docker compose down / rm: remove what `up` made — containers, then networks, volumes with -v, images with --rmi.
// docker/compose: cmd/compose/down.go, cmd/compose/remove.go, pkg/compose/down.go, pkg/compose/remove.go
import { defineCommand, StatusError } from '../command';
import type { ComposeContext } from './load';
import { loadProject } from './load';
import { LABEL, type Project } from './model';
import { dependencyOrder, imageOf, projectContainers, serviceOf } from './containers';
import { report, type ProgressEvent } from './progress';
import { namedProject } from './load';
import { selectServices } from './containers';
import { stopAndRemove } from './converge';

/** Stop and remove containers, dependants first (reverse start order), one-off `run` containers too. */
function removeContainers(ctx: ComposeContext, project: Project, events: ProgressEvent[], services: string[], volumes: boolean): void {
  const order = dependencyOrder(project.services).map((s) => s.name).reverse();
  const list = projectContainers(ctx.engine, project.name, { oneoff: true, services }).sort((a, b) => {
    const ia = order.indexOf(serviceOf(a));
    const ib = order.indexOf(serviceOf(b));
    return ia - ib || (a.name < b.name ? -1 : 1);
  });
  for (const c of list) stopAndRemove(ctx, c, events, volumes);
}

export const down = defineCommand({
  name: 'down',
  use: 'down [OPTIONS] [SERVICES]',
  short: 'Stop and remove containers, networks',
  flags: [
    { name: 'remove-orphans', type: 'bool', usage: 'Remove containers for services not defined in the Compose file' },
    { name: 'rmi', type: 'string', usage: 'Remove images used by services. "local" remove only images that don\'t have a custom tag ("local"|"all")' },
    { name: 'timeout', short: 't', type: 'int', usage: 'Specify a shutdown timeout in seconds' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove named volumes declared in the "volumes" section of the Compose file and anonymous volumes attached to containers' },
  ],
  async run(ctx, args, f) {
    const c = ctx as ComposeContext;
    if (f.rmi && f.rmi !== 'local' && f.rmi !== 'all') throw new StatusError(`invalid value for --rmi: ${f.rmi}`, 1);
    if (f.timeout < 0) throw new StatusError('timeout must be a positive integer', 1);
    const project = await loadProject(c, c.compose);
    if (args.length) selectServices(project, args);
    const events: ProgressEvent[] = [];
    const known = new Set(project.services.map((s) => s.name));
    const services = args.length ? args : [];
    // orphans go only with --remove-orphans; without it they keep the network in use
    const targets = projectContainers(ctx.engine, project.name, { oneoff: true, services }).filter((x) => f.removeOrphans || known.has(serviceOf(x)) || x.config.Labels?.[LABEL.oneoff] === 'True');
    removeContainers(c, project, events, [...new Set(targets.map(serviceOf))], f.volumes);
    if (!args.length) {
      for (const n of project.networks) {
        if (n.external) continue;
        const net = ctx.engine.network.find(n.name);
        if (!net) continue;
        const id = `Network ${n.name}`;
        try {
          ctx.engine.network.remove(n.name);
          events.push({ id, status: 'done', text: 'Removed', seconds: 0.1 });
        } catch {
          events.push({ id, status: 'warning', text: 'Resource is still in use', seconds: 0.0 });
        }
      }
      if (f.volumes) {
        for (const v of project.volumes) {
          if (v.external || !ctx.engine.state.volumes[v.name]) continue;
          const id = `Volume ${v.name}`;
          try {
            ctx.engine.volume.remove(v.name, false);
            events.push({ id, status: 'done', text: 'Removed', seconds: 0.0 });
          } catch {
            events.push({ id, status: 'warning', text: 'Resource is still in use', seconds: 0.0 });
          }
        }
      }
      if (f.rmi) {
        for (const s of project.services) {
          if (f.rmi === 'local' && s.image) continue;
          const image = imageOf(project, s);
          if (!ctx.engine.image.find(image)) continue;
          try {
            ctx.engine.image.remove(image, false);
            events.push({ id: `Image ${image}`, status: 'done', text: 'Removed', seconds: 0.0 });
          } catch {
            events.push({ id: `Image ${image}`, status: 'warning', text: 'Resource is still in use', seconds: 0.0 });
          }
        }
      }
    }
    report(c, 'Running', events);
    return 0;
  },
});

export const rm = defineCommand({
  name: 'rm',
  use: 'rm [OPTIONS] [SERVICE...]',
  short: 'Removes stopped service containers',
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: "Don't ask to confirm removal" },
    { name: 'stop', short: 's', type: 'bool', usage: 'Stop the containers, if required, before removing' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove any anonymous volumes attached to containers' },
  ],
  async run(ctx, args, f) {
    const { c, project } = await namedProject(ctx, args);
    const { force, volumes } = f;
    let list = projectContainers(ctx.engine, project.name, { services: args });
    if (f.stop) {
      const stopped = list.filter((x) => x.state.status === 'running').map((x) => {
        ctx.engine.container.stop(x.id);
        return { id: `Container ${x.name}`, status: 'done' as const, text: 'Stopped', seconds: 0.3 };
      });
      report(c, 'Stopping', stopped);
      list = projectContainers(ctx.engine, project.name, { services: args });
    }
    list = list.filter((x) => x.state.status !== 'running' && x.state.status !== 'paused' && x.state.status !== 'restarting');
    if (!list.length) {
      ctx.err('No stopped containers\n');
      return 0;
    }
    if (!force) {
      const answer = await ctx.ask(`Going to remove ${list.map((x) => x.name).join(', ')}\n? Are you sure? (y/N) `);
      if (!answer || !/^y(es)?$/i.test(answer.trim())) return 0;
    }
    const events = list.map((x) => {
      ctx.engine.container.remove(x.id, false, volumes);
      return { id: `Container ${x.name}`, status: 'done' as const, text: 'Removed', seconds: 0.1 };
    });
    report(c, 'Removing', events);
    return 0;
  },
});
