// docker compose up / create: converge the project, then (up without -d) attach to the services' logs.
// docker/compose: cmd/compose/up.go, cmd/compose/create.go, pkg/compose/up.go
import { defineCommand, StatusError } from '../command';
import { defineFlags } from '../flags';
import type { ComposeContext } from './load';
import { loadProject } from './load';
import { converge, ensureImages } from './converge';
import { selectServices } from './containers';

import { followLogs } from './logs';
import type { Project } from './model';

const CREATE_FLAGS = defineFlags([
  { name: 'build', type: 'bool', usage: 'Build images before starting containers' },
  { name: 'force-recreate', type: 'bool', usage: "Recreate containers even if their configuration and image haven't changed" },
  { name: 'no-build', type: 'bool', usage: "Don't build an image, even if it's policy" },
  { name: 'no-recreate', type: 'bool', usage: "If containers already exist, don't recreate them. Incompatible with --force-recreate." },
  { name: 'pull', unsupported: true, type: 'string', usage: 'Pull image before running ("always"|"missing"|"never")', default: 'policy' },
  { name: 'quiet-pull', type: 'bool', usage: 'Pull without printing progress information' },
  { name: 'remove-orphans', type: 'bool', usage: 'Remove containers for services not defined in the Compose file' },
  { name: 'scale', type: 'list', valueName: 'scale', usage: 'Scale SERVICE to NUM instances. Overrides the `scale` setting in the Compose file if present.' },
]);

function scaleMap(list: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of list) {
    const [name, n] = s.split('=');
    if (n === undefined || !/^\d+$/.test(n)) throw new StatusError(`invalid --scale option ${JSON.stringify(s)}. Should be SERVICE=NUM`, 1);
    out.set(name, Number(n));
  }
  return out;
}

interface PrepareFlags {
  build: boolean;
  noBuild: boolean;
  forceRecreate: boolean;
  noRecreate: boolean;
  quietPull: boolean;
  removeOrphans: boolean;
  scale: string[];
}

async function prepare(ctx: ComposeContext, args: string[], f: PrepareFlags, start: boolean, wait?: { timeout: number }) {
  if (f.build && f.noBuild) throw new StatusError('--build and --no-build are incompatible', 1);
  if (f.forceRecreate && f.noRecreate) throw new StatusError('--force-recreate and --no-recreate are incompatible', 1);
  const project = await loadProject(ctx, ctx.compose);
  const services = selectServices(project, args);
  const scale = scaleMap(f.scale);
  for (const name of scale.keys()) if (!project.services.some((s) => s.name === name)) throw new StatusError(`no such service: ${name}`, 1);
  const o = { services, build: f.build, noBuild: f.noBuild, forceRecreate: f.forceRecreate, noRecreate: f.noRecreate, scale, start, quietPull: f.quietPull, wait: !!wait, waitTimeout: wait?.timeout, orphans: f.removeOrphans ? ('remove' as const) : ('warn' as const) };
  await ensureImages(ctx, project, o);
  return { project, started: await converge(ctx, project, o) };
}

export const up = defineCommand({
  name: 'up',
  use: 'up [OPTIONS] [SERVICE...]',
  short: 'Create and start containers',
  flags: [
    { name: 'abort-on-container-exit', unsupported: true, type: 'bool', usage: 'Stops all containers if any container was stopped. Incompatible with -d' },
    ...CREATE_FLAGS,
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: Run containers in the background' },
    { name: 'no-color', type: 'bool', usage: 'Produce monochrome output' },
    { name: 'no-log-prefix', type: 'bool', usage: "Don't print prefix in logs" },
    { name: 'timestamps', type: 'bool', usage: 'Show timestamps' },
    { name: 'wait', type: 'bool', usage: 'Wait for services to be running|healthy. Implies detached mode.' },
    { name: 'wait-timeout', type: 'int', usage: 'Maximum duration in seconds to wait for the project to be running|healthy' },
  ],
  async run(ctx, args, f) {
    const c = ctx as ComposeContext;
    // --wait-timeout means nothing without --wait (compose ignores it)
    const waitTimeout = f.waitTimeout;
    const { started } = await prepare(c, args, f, true, f.wait ? { timeout: waitTimeout } : undefined);
    if (f.detach || f.wait) return 0;
    // attached: the services' output, prefixed, until Ctrl+C stops them all
    await followLogs(c, started, { color: !f.noColor, prefix: !f.noLogPrefix, timestamps: f.timestamps, attach: true });
    return 0;
  },
});

export const create = defineCommand({
  name: 'create',
  use: 'create [OPTIONS] [SERVICE...]',
  short: 'Creates containers for a service',
  flags: CREATE_FLAGS,
  async run(ctx, args, f) {
    await prepare(ctx as ComposeContext, args, f, false);
    return 0;
  },
});
