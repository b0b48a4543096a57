// docker network ls: networks sorted by name (natural order), in docker's table layout or a --format template.
// docker/cli: cli/command/network/list.go, cli/command/formatter/network.go
import { fromDaemon } from '../daemon-error';
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';

import { renderFormat, TemplateError } from '../format/template';
import { PREDEFINED, type Network, allContainers } from '../../engine/index';
import { createdText } from './inspect-json';
import { dict, hasOwn, own } from '../../engine/index';

/** sortorder.NaturalLess: digit runs compare as numbers. */
export function naturalLess(a: string, b: string): boolean {
  const re = /(\d+|\D+)/g;
  const pa = a.match(re) ?? [];
  const pb = b.match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const na = /^\d/.test(pa[i]) && /^\d/.test(pb[i]);
    return na ? Number(pa[i]) < Number(pb[i]) || (Number(pa[i]) === Number(pb[i]) && pa[i].length < pb[i].length) : pa[i] < pb[i];
  }
  return pa.length < pb.length;
}

/** --filter driver=, id=, name=, scope=, type=custom|builtin, label=, dangling= (daemon network filters). */
function filterNetworks(list: Network[], filters: string[], used: (n: Network) => boolean): Network[] {
  let out = list;
  for (const f of filters) {
    const i = f.indexOf('=');
    const [k, v] = i < 0 ? [f, ''] : [f.slice(0, i), f.slice(i + 1)];
    const pred: Record<string, (n: Network) => boolean> = dict({
      driver: (n) => n.driver === v,
      id: (n) => n.id.startsWith(v),
      name: (n) => n.name.includes(v),
      scope: () => v === 'local',
      type: (n) => (v === 'builtin') === PREDEFINED.includes(n.name),
      label: (n) => (v.includes('=') ? own(n.labels, v.split('=')[0]) === v.slice(v.indexOf('=') + 1) : hasOwn(n.labels, v)),
      dangling: (n) => (v === 'true' || v === '1') === (!PREDEFINED.includes(n.name) && !used(n)),
    });
    if (!pred[k]) throw new StatusError(fromDaemon(`invalid filter '${k}'`), 1);
    if (k === 'type' && v !== 'custom' && v !== 'builtin') throw new StatusError(fromDaemon(`invalid filter: 'type'='${v}'`), 1);
    out = out.filter(pred[k]);
  }
  return out;
}

export default defineCommand({
  name: 'ls',
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  aliasPaths: ['docker network ls', 'docker network list'],
  short: 'List networks',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "driver=bridge")' },
    FORMAT_FLAG,
    { name: 'no-trunc', type: 'bool', usage: 'Do not truncate the output' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display network IDs' },
  ],
  async run(ctx, _args, f) {
    const s = ctx.engine.state;
    const used = (n: Network) => allContainers(s).some((c) => Object.values(c.endpoints).some((e) => e.networkId === n.id));
    const list = filterNetworks(ctx.engine.network.list(), f.filter, used).sort((a, b) => (naturalLess(a.name, b.name) ? -1 : naturalLess(b.name, a.name) ? 1 : 0));
    const id = (n: Network) => (f.noTrunc ? n.id : n.id.slice(0, 12));
    if (f.quiet) {
      ctx.out(list.map((n) => id(n) + '\n').join(''));
      return;
    }
    // the default table is a template too (formatter/network.go defaultNetworkTableFormat), rendered like --format
    const items = list.map((n) => ({
      CreatedAt: createdText(n, true),
      Driver: n.driver,
      ID: id(n),
      IPv6: String(n.enableIPv6),
      Internal: String(n.internal),
      Labels: Object.entries(n.labels).map(([k, v]) => `${k}=${v}`).join(','),
      Name: n.name,
      Scope: 'local',
    }));
    try {
      ctx.out(renderFormat(f.format, items, { defaultTableFormat: 'table {{.ID}}\t{{.Name}}\t{{.Driver}}\t{{.Scope}}', header: { ID: 'NETWORK ID', Name: 'NAME', Driver: 'DRIVER', Scope: 'SCOPE', IPv6: 'IPV6', Internal: 'INTERNAL', Labels: 'LABELS', CreatedAt: 'CREATED AT' } }));
    } catch (e) {
      if (e instanceof TemplateError) throw new StatusError(e.message, 1);
      throw e;
    }
  },
});
