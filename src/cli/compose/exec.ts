// docker compose exec / run: a command in a service's running container, or in a new one-off container.
// docker/compose: cmd/compose/exec.go, cmd/compose/run.go, pkg/compose/run.go
import { isDockerError, containerById } from '../../engine/index';
import { defineCommand, StatusError } from '../command';
import type { ComposeContext } from './load';
import { loadProject } from './load';
import { LABEL } from './model';
import { imageOf, projectContainers, serviceCreateOptions } from './containers';
import { converge, ensureImages, ensureResources } from './converge';
import { fileWarnings, injectFiles } from './files';
import { report, type ProgressEvent } from './progress';
import { selectServices } from './containers';
import { startAndAttach } from '../container/run';
import { prepared, resolveBindSources } from '../container/mount-flags';
import { randomSlug } from './slug';
import { parsePorts, parseVolumes } from './normalize';

export const exec = defineCommand({
  name: 'exec',
  use: 'exec [OPTIONS] SERVICE COMMAND [ARGS...]',
  short: 'Execute a command in a running container',
  args: { min: 2 },
  interspersed: false,
  flags: [
    { name: 'detach', short: 'd', type: 'bool', usage: 'Detached mode: Run command in the background' },
    { name: 'env', short: 'e', type: 'list', valueName: 'stringArray', usage: 'Set environment variables' },
    { name: 'index', type: 'int', usage: 'Index of the container if service has multiple replicas' },
    { name: 'no-TTY', short: 'T', type: 'bool', usage: 'Disable pseudo-TTY allocation. By default `docker compose exec` allocates a TTY.', default: false },
    { name: 'privileged', unsupported: true, type: 'bool', usage: 'Give extended privileges to the process' },
    { name: 'user', short: 'u', type: 'string', usage: 'Run the command as this user' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Path to workdir directory for this command' },
  ],
  async run(ctx, [service, ...argv], f) {
    const c = ctx as ComposeContext;
    const project = await loadProject(c, c.compose);
    selectServices(project, [service]);
    const index = f.index || 1;
    const target = projectContainers(ctx.engine, project.name, { services: [service] }).find((x) => x.config.Labels?.[LABEL.number] === String(index));
    if (!target || target.state.status !== 'running') throw new StatusError(`service "${service}" is not running`, 1);
    const env = f.env.flatMap((e) => (e.includes('=') ? [e] : ctx.env[e] !== undefined ? [`${e}=${ctx.env[e]}`] : []));
    try {
      const r = await ctx.runtime.exec(target.id, argv, { interactive: !f.detach, tty: !f.noTTY, stdin: ctx.stdin || undefined, env, workdir: f.workdir || undefined, user: f.user || undefined });
      if (f.detach) return 0;
      if (r.stdout) ctx.out(r.stdout);
      if (r.stderr) ctx.err(r.stderr);
      return r.exitCode;
    } catch (e) {
      if (isDockerError(e) && e.message.startsWith('OCI runtime exec failed')) throw new StatusError(e.message, 126);
      throw e;
    }
  },
});

export const run = defineCommand({
  name: 'run',
  use: 'run [OPTIONS] SERVICE [COMMAND] [ARGS...]',
  short: 'Run a one-off command on a service',
  args: { min: 1 },
  interspersed: false,
  flags: [
    { name: 'build', type: 'bool', usage: 'Build image before starting container' },
    { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' },
    { name: 'entrypoint', type: 'string', usage: 'Override the entrypoint of the image' },
    { name: 'env', short: 'e', type: 'list', valueName: 'stringArray', usage: 'Set environment variables' },
    { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached', default: true },
    { name: 'name', type: 'string', usage: 'Assign a name to the container' },
    { name: 'no-TTY', short: 'T', type: 'bool', usage: 'Disable pseudo-TTY allocation (default: auto-detected)', default: false },
    { name: 'no-deps', type: 'bool', usage: "Don't start linked services" },
    { name: 'publish', short: 'p', type: 'list', valueName: 'stringArray', usage: "Publish a container's port(s) to the host" },
    { name: 'rm', type: 'bool', usage: 'Automatically remove the container when it exits' },
    { name: 'service-ports', short: 'P', type: 'bool', usage: "Run command with all service's ports enabled and mapped to the host" },
    { name: 'user', short: 'u', type: 'string', usage: 'Run as specified username or uid' },
    { name: 'volume', short: 'v', type: 'list', valueName: 'stringArray', usage: 'Bind mount a volume' },
    { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ],
  async run(ctx, [service, ...cmd], f) {
    const c = ctx as ComposeContext;
    const project = await loadProject(c, c.compose);
    const [svc] = selectServices(project, [service]).filter((s) => s.name === service);
    const deps = f.noDeps ? [] : selectServices(project, [service]).filter((s) => s.name !== service);
    await ensureImages(c, project, { services: [svc], build: f.build, forceRecreate: false, scale: new Map(), start: true });
    if (deps.length) {
      await ensureImages(c, project, { services: deps, build: false, forceRecreate: false, scale: new Map(), start: true });
      await converge(c, project, { services: deps, build: false, forceRecreate: false, scale: new Map(), start: true });
    } else {
      const events: ProgressEvent[] = [];
      ensureResources(c, project, events);
      report(c, 'Creating', events);
    }
    // a one-off container: `<project>-<service>-run-<slug>`, no published ports unless asked
    const one = { ...svc, ports: [...(f.servicePorts ? svc.ports : []), ...parsePorts(f.publish)], volumes: [...svc.volumes, ...parseVolumes(f.volume, project.workingDir)], containerName: f.name || `${project.name}-${service}-run-${randomSlug(ctx.engine.state.clock + projectContainers(ctx.engine, project.name, { oneoff: true }).length)}` };
    if (f.entrypoint) one.entrypoint = [f.entrypoint];
    if (f.user) one.user = f.user;
    if (f.workdir) one.workingDir = f.workdir;
    one.environment = [...svc.environment, ...f.env.map((e) => (e.includes('=') ? [e.slice(0, e.indexOf('=')), e.slice(e.indexOf('=') + 1)] : [e, ctx.env[e]]) as [string, string | undefined])];
    const opts = serviceCreateOptions(project, one, 1, true, cmd.length ? cmd : undefined);
    opts.labels![LABEL.number] = '1';
    opts.tty = !f.noTTY && !f.detach;
    opts.openStdin = f.interactive && !f.detach;
    opts.attach = !f.detach;
    opts.hostConfig = { ...opts.hostConfig, AutoRemove: f.rm };
    const img = ctx.engine.image.find(imageOf(project, svc));
    if (img) opts.labels![LABEL.image] = img.id;
    await resolveBindSources(ctx, opts);
    await fileWarnings(ctx, project, svc);
    const id = await prepared(ctx, ctx.engine.container.create(opts).id);
    injectFiles(ctx, project, svc, id);
    if (f.detach) {
      await startAndAttach(ctx, id, false, 'docker compose run');
      ctx.out(`${containerById(ctx.engine.state, id)?.name ?? id}\n`);
      return 0;
    }
    return startAndAttach(ctx, id, true, 'docker compose run');
  },
});
