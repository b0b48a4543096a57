// docker compose ps / ls / images / port / top: what a project is running, in Compose's table layouts.
// docker/compose: cmd/compose/ps.go, list.go, images.go, port.go, top.go; cmd/formatter/container.go
import { imageSize, shortId, type Container, containerById, allContainers } from '../../engine/index';
import { defineCommand, StatusError } from '../command';
import { formatGoTime, goQuote, ellipsis, humanDuration, humanSize, tabwrite, tabwriteText } from '../format';
import { TOP_TITLES, topRows } from '../container/top';
import { renderFormat } from '../format/template';
import { commandString, statusString } from '../container/status';
import { apiPorts, displayablePorts } from '../container/ports-format';
import type { ComposeContext } from './load';
import { loadProject } from './load';
import { LABEL } from './model';
import { projectContainers, serviceOf } from './containers';
import { namedProject } from './load';
import { selectServices } from './containers';

const PS_TABLE = 'table {{.Name}}\t{{.Image}}\t{{.Command}}\t{{.Service}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}';
const PS_HEADER = { ID: 'CONTAINER ID', Name: 'NAME', Names: 'NAMES', Project: 'PROJECT', Service: 'SERVICE', Image: 'IMAGE', Command: 'COMMAND', CreatedAt: 'CREATED AT', RunningFor: 'CREATED', Ports: 'PORTS', State: 'STATE', Status: 'STATUS', Health: 'HEALTH', ExitCode: 'EXIT CODE', Labels: 'LABELS' };

function psItem(ctx: ComposeContext, c: Container, trunc: boolean) {
  const s = ctx.engine.state;
  const cmd = commandString(c);
  return {
    Command: goQuote(trunc ? ellipsis(cmd, 20) : cmd),
    CreatedAt: formatGoTime(c.created),
    ExitCode: c.state.status === 'running' ? 0 : (c.state.exitCode ?? 0),
    Health: c.health?.status ?? '',
    ID: trunc ? shortId(c.id) : c.id,
    Image: c.config.Image,
    Labels: Object.keys(c.config.Labels ?? {}).map((k) => `${k}=${c.config.Labels![k]}`).join(','),
    Name: c.name,
    Names: c.name,
    Ports: displayablePorts(apiPorts(c)),
    Project: c.config.Labels?.[LABEL.project] ?? '',
    RunningFor: `${humanDuration((s.clock - c.created) / 1000)} ago`,
    Service: serviceOf(c),
    State: c.state.status,
    Status: statusString(s, c),
  };
}

export const ps = defineCommand({
  name: 'ps',
  use: 'ps [OPTIONS] [SERVICE...]',
  short: 'List containers',
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all stopped containers (including those created by the run command)' },
    { name: 'filter', type: 'string', usage: 'Filter services by a property (supported filters: status)' },
    { name: 'format', type: 'string', usage: 'Format output using a custom template:\n\'table\':            Print output in table format with column headers (default)\n\'table TEMPLATE\':   Print output in table format using the given Go template\n\'json\':             Print in JSON format\n\'TEMPLATE\':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates', default: 'table' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
    { name: 'orphans', type: 'bool', usage: 'Include orphaned services (not declared by project)', default: true },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
    { name: 'services', type: 'bool', usage: 'Display services' },
    { name: 'status', type: 'list', valueName: 'stringArray', usage: 'Filter services by status. Values: [paused | restarting | removing | running | dead | created | exited]' },
  ],
  async run(ctx, args, f) {
    const { c, project } = await namedProject(ctx, args);
    const statuses = [...f.status];
    if (f.filter) {
      const m = /^status=(.*)$/.exec(f.filter);
      if (!m) throw new StatusError(`no filter named "${f.filter.split('=')[0]}"`, 1);
      statuses.push(m[1]);
    }
    const known = new Set(project.services.map((s) => s.name));
    let list = projectContainers(ctx.engine, project.name, { oneoff: f.all, services: args }).filter((x) => f.orphans || known.has(serviceOf(x)));
    if (!f.all && !statuses.length) list = list.filter((x) => x.state.status === 'running' || x.state.status === 'paused' || x.state.status === 'restarting');
    if (statuses.length) list = list.filter((x) => statuses.includes(x.state.status));
    list.sort((a, b) => (a.name < b.name ? -1 : 1));
    if (f.services) {
      ctx.out([...new Set(list.map(serviceOf))].map((s) => s + '\n').join(''));
      return 0;
    }
    if (f.quiet) {
      ctx.out(list.map((x) => (f.noTrunc ? x.id : shortId(x.id)) + '\n').join(''));
      return 0;
    }
    try {
      ctx.out(renderFormat(f.format, list.map((x) => psItem(c, x, !f.noTrunc)), { defaultTableFormat: PS_TABLE, header: PS_HEADER }));
    } catch (e) {
      throw new StatusError((e as Error).message, 1);
    }
    return 0;
  },
});

export const ls = defineCommand({
  name: 'ls',
  use: 'ls [OPTIONS]',
  short: 'List running compose projects',
  args: { max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all stopped Compose projects' },
    { name: 'filter', type: 'filter', usage: 'Filter output based on conditions provided' },
    { name: 'format', type: 'string', usage: 'Format the output. Values: [table | json]', default: 'table' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display project names' },
  ],
  async run(ctx, _args, f) {
    const byProject = new Map<string, Container[]>();
    for (const c of allContainers(ctx.engine.state)) {
      const p = c.config.Labels?.[LABEL.project];
      if (p) byProject.set(p, [...(byProject.get(p) ?? []), c]);
    }
    const names = [...byProject.keys()].sort();
    const rows = names
      .map((name) => {
        const list = byProject.get(name)!;
        const counts = new Map<string, number>();
        for (const c of list) counts.set(c.state.status, (counts.get(c.state.status) ?? 0) + 1);
        const status = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([st, n]) => `${st}(${n})`).join(', ');
        return { Name: name, Status: status, ConfigFiles: list[0].config.Labels?.[LABEL.configFiles] ?? '', running: counts.has('running') };
      })
      .filter((r) => f.all || r.running)
      .filter((r) => f.filter.every((flt) => !flt.startsWith('name=') || r.Name.includes(flt.slice(5))));
    if (f.quiet) {
      ctx.out(rows.map((r) => r.Name + '\n').join(''));
      return 0;
    }
    if (f.format === 'json') {
      ctx.out(JSON.stringify(rows.map(({ Name, Status, ConfigFiles }) => ({ Name, Status, ConfigFiles }))) + '\n');
      return 0;
    }
    ctx.out(tabwrite([['NAME', 'STATUS', 'CONFIG FILES'], ...rows.map((r) => [r.Name, r.Status, r.ConfigFiles])], { padding: 3 }));
    return 0;
  },
});

export const images = defineCommand({
  name: 'images',
  use: 'images [OPTIONS] [SERVICE...]',
  short: 'List images used by the created containers',
  flags: [
    { name: 'format', type: 'string', usage: 'Format the output. Values: [table | json]', default: 'table' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display IDs' },
  ],
  async run(ctx, args, f) {
    const { c, project } = await namedProject(ctx, args);
    const list = projectContainers(ctx.engine, project.name, { services: args }).sort((a, b) => (a.name < b.name ? -1 : 1));
    if (f.quiet) {
      ctx.out([...new Set(list.map((x) => shortId(x.imageId)))].map((s) => s + '\n').join(''));
      return 0;
    }
    const rows = list.map((x) => {
      const img = ctx.engine.state.images[x.imageId];
      const ref = x.config.Image;
      const i = ref.lastIndexOf(':');
      const [repo, tag] = i > ref.lastIndexOf('/') ? [ref.slice(0, i), ref.slice(i + 1)] : [ref, 'latest'];
      const created = img ? `${humanDuration((ctx.engine.state.clock - img.created) / 1000)} ago` : '';
      return [x.name, repo, tag, shortId(x.imageId), created, img ? humanSize(imageSize(ctx.engine.state, img)) : ''];
    });
    if (f.format === 'json') {
      ctx.out(JSON.stringify(rows.map(([ContainerName, Repository, Tag, ID, , Size]) => ({ ID, ContainerName, Repository, Tag, Size }))) + '\n');
      return 0;
    }
    ctx.out(tabwrite([['CONTAINER', 'REPOSITORY', 'TAG', 'IMAGE ID', 'CREATED', 'SIZE'], ...rows], { padding: 3 }));
    return 0;
  },
});

export const port = defineCommand({
  name: 'port',
  use: 'port [OPTIONS] SERVICE PRIVATE_PORT',
  short: 'Print the public port for a port binding',
  args: { min: 2, max: 2 },
  flags: [
    { name: 'index', type: 'int', usage: 'Index of the container if service has multiple replicas', default: 1 },
    { name: 'protocol', type: 'string', usage: 'tcp or udp', default: 'tcp' },
  ],
  async run(ctx, [service, priv], f) {
    const c = ctx as ComposeContext;
    const project = await loadProject(c, c.compose);
    selectServices(project, [service]);
    const target = projectContainers(ctx.engine, project.name, { services: [service] }).find((x) => x.config.Labels?.[LABEL.number] === String(f.index));
    if (!target) throw new StatusError(`service "${service}" is not running`, 1);
    const hit = apiPorts(target).find((p) => String(p.PrivatePort) === priv && p.Type === f.protocol && p.PublicPort);
    if (!hit) throw new StatusError(`no port ${priv}/${f.protocol} for container ${target.name}: []`, 1);
    ctx.out(`${hit.IP ?? '0.0.0.0'}:${hit.PublicPort}\n`);
    return 0;
  },
});

export const top = defineCommand({
  name: 'top',
  use: 'top [SERVICES...]',
  short: 'Display the running processes',
  async run(ctx, args) {
    const { c, project } = await namedProject(ctx, args);
    const list = projectContainers(ctx.engine, project.name, { services: args })
      .filter((x) => x.state.status === 'running' || x.state.status === 'paused')
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const x of list) {
      // compose's psPrinter: tabwriter(minwidth 5, padding 3), every process row ends in a tab, then a blank line
      const body = [TOP_TITLES.join('\t'), ...topRows(ctx, x).map((r) => r.join('\t') + '\t'), ''].join('\n') + '\n';
      ctx.out(`${x.name}\n${tabwriteText(body, { minwidth: 5, padding: 3 })}`);
    }
    return 0;
  },
});
