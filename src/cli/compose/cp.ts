// docker compose cp: docker cp with SERVICE:PATH, into or out of the service's container(s), reported as compose does.
// docker/compose: cmd/compose/cp.go, pkg/compose/cp.go
import { defineCommand, StatusError } from '../command';
import { bindOptions, parseFlags } from '../flags';
import cpCommand from '../container/cp';
import type { ComposeContext } from './index';
import { loadProject } from './load';
import { LABEL } from './model';
import { projectContainers } from './containers';
import { report, type ProgressEvent } from './progress';
import { selectServices } from './up';

/** `web:/etc/hosts` → ['web', '/etc/hosts']; a local path has no service. */
function splitArg(a: string): [string, string] {
  if (a.startsWith('/') || a.startsWith('.') || a === '-') return ['', a];
  const i = a.indexOf(':');
  return i < 0 ? ['', a] : [a.slice(0, i), a.slice(i + 1)];
}

export const cp = defineCommand({
  name: 'cp',
  use: 'cp [OPTIONS] SERVICE:SRC_PATH DEST_PATH|-\n\tdocker compose cp [OPTIONS] SRC_PATH|- SERVICE:DEST_PATH',
  short: 'Copy files/folders between a service container and the local filesystem',
  args: { min: 2, max: 2 },
  flags: [
    { name: 'all', type: 'bool', usage: 'Include containers created by the run command' },
    { name: 'archive', unsupported: true, short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', unsupported: true, short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'index', type: 'int', usage: 'Index of the container if service has multiple replicas' },
  ],
  async run(ctx, [a, b], f) {
    const c = ctx as ComposeContext;
    const [srcService, srcPath] = splitArg(a);
    const [dstService, dstPath] = splitArg(b);
    if (srcService && dstService) throw new StatusError('copying between services is not supported', 1);
    if (!srcService && !dstService) throw new StatusError('unknown copy direction', 1);
    const service = srcService || dstService;
    const project = await loadProject(c, c.compose);
    selectServices(project, [service]);
    let targets = projectContainers(ctx.engine, project.name, { services: [service], oneoff: f.all });
    if (f.index) targets = targets.filter((x) => x.config.Labels?.[LABEL.number] === String(f.index));
    else if (srcService) targets = targets.slice(0, 1); // copying out reads one container
    if (!targets.length) throw new StatusError(`no container found for service "${service}"`, 1);
    const events: ProgressEvent[] = [];
    for (const t of targets) {
      const label = srcService ? `copy ${t.name}:${srcPath} to ${dstPath}` : `copy ${srcPath} to ${t.name}:${dstPath}`;
      // docker cp does the copying, quietly: its "Successfully copied" line is not compose's
      const argv = ['-q', ...(srcService ? [`${t.name}:${srcPath}`, dstPath] : [srcPath, `${t.name}:${dstPath}`])];
      const parsed = parseFlags(argv, cpCommand.flags ?? [], true);
      await cpCommand.run!(ctx, parsed.args, bindOptions(cpCommand.flags ?? [], parsed.flags), 'docker cp');
      events.push({ id: t.name, label, status: 'done', text: 'Copied', seconds: 0.0 });
    }
    if (dstPath !== '-') report(c, 'Copying', events);
    return 0;
  },
});
