// docker volume ls: volumes sorted by name (natural order), as a DRIVER / VOLUME NAME table, names only (-q) or a --format template.
// docker/cli: cli/command/volume/list.go, cli/command/formatter/volume.go
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { FlagError } from '../flags';
import { renderFormat, TemplateError } from '../format/template';

import { isDockerError, mountpointOf, parseFilters, type Volume } from '../../engine/index';
import { naturalLess } from '../network/ls';
import { own } from '../../engine/index';

/** opts.FilterOpt: every value must be `name=value` (a pflag error otherwise). */
export function checkFilters(list: string[], flag: string): string[] {
  for (const v of list) if (!v.includes('=')) throw new FlagError(`invalid argument "${v}" for "${flag}" flag: bad format of filter (expected name=value)`);
  return list;
}

/** SubHeaderContext.Label: a label's column title is its last dotted part, '-' and '_' as spaces. */
const subHeader = (name: string) => name.slice(name.lastIndexOf('.') + 1).replace(/[-_]/g, ' ');

const HEADER = { Name: 'VOLUME NAME', Driver: 'DRIVER', Scope: 'SCOPE', Mountpoint: 'MOUNTPOINT', Labels: 'LABELS', Links: 'LINKS', Size: 'SIZE', Group: 'GROUP', Availability: 'AVAILABILITY', Status: 'STATUS', Label: subHeader };

/** The fields a --format template sees (formatter/volume.go volumeContext); usage data is N/A in a listing. */
function item(v: Volume) {
  const labels = v.labels ?? {};
  return {
    Availability: 'N/A',
    Driver: v.driver,
    Group: 'N/A',
    Label: (k: string) => own(labels, k) ?? '',
    Labels: Object.keys(labels).sort().map((k) => `${k}=${labels[k]}`).join(','),
    Links: 'N/A',
    Mountpoint: mountpointOf(v.name),
    Name: v.name,
    Scope: 'local',
    Size: 'N/A',
    Status: 'N/A',
  };
}

export default defineCommand({
  name: 'ls',
  use: 'ls [OPTIONS]',
  aliases: ['list'],
  aliasPaths: ['docker volume ls', 'docker volume list'],
  short: 'List volumes',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'cluster', unsupported: true, type: 'bool', usage: 'Display only cluster volumes, and use cluster volume list formatting', hidden: true },
    { name: 'filter', short: 'f', type: 'filter', usage: 'Provide filter values (e.g. "dangling=true")' },
    FORMAT_FLAG,
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Only display volume names' },
  ],
  async run(ctx, _args, f) {
    let list: Volume[];
    try {
      list = ctx.engine.volume.list(parseFilters(checkFilters(f.filter, '-f, --filter')));
    } catch (e) {
      if (isDockerError(e)) throw new StatusError(`Error response from daemon: ${e.message}`, 1);
      throw e;
    }
    list = [...list].sort((a, b) => (naturalLess(a.name, b.name) ? -1 : naturalLess(b.name, a.name) ? 1 : 0));
    const format = f.format;
    if (f.quiet && (!format || format === 'table')) {
      ctx.out(list.map((v) => v.name + '\n').join(''));
      return;
    }
    try {
      // '' is the default table (formatter/volume.go defaultVolumeQuietFormat / table), rendered like any --format
      ctx.out(renderFormat(format, list.map(item), { defaultTableFormat: 'table {{.Driver}}\t{{.Name}}', header: HEADER }));
    } catch (e) {
      if (e instanceof TemplateError) throw new StatusError(e.message, 1);
      throw e;
    }
  },
});
