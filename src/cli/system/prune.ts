// docker system prune: stopped containers, unused networks, (--volumes) anonymous volumes, dangling images, build cache.
// docker/cli: cli/command/system/prune.go (v27 prompt layout; one "Total reclaimed space" at the end)
import { defineCommand } from '../command';
import { forcedOrConfirmed } from '../prompt';
import { PRUNE_FORCE_FLAG } from '../flag-texts';
import { humanSize } from '../format';

export default defineCommand({
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused data',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images not just dangling ones' },
    { name: 'filter', unsupported: true, type: 'filter', usage: 'Provide filter values (e.g. "label=<key>=<value>")' },
    PRUNE_FORCE_FLAG,
    { name: 'volumes', type: 'bool', usage: 'Prune anonymous volumes' },
  ],
  async run(ctx, _args, f) {
    const all = f.all;
    const vols = f.volumes;
    const prompt =
      'WARNING! This will remove:\n  - all stopped containers\n  - all networks not used by at least one container\n' +
      (vols ? '  - all anonymous volumes not used by at least one container\n' : '') +
      (all ? '  - all images without at least one container associated to them\n  - all build cache\n' : '  - all dangling images\n  - unused build cache\n') +
      '\nAre you sure you want to continue? [y/N] ';
    if (!(await forcedOrConfirmed(ctx, f, prompt))) return 0;
    const e = ctx.engine;
    let total = 0;
    const section = (title: string, lines: string[]) => {
      if (lines.length) ctx.out(`${title}:\n${lines.map((l) => l + '\n').join('')}\n`);
    };
    const ct = e.container.prune();
    total += ct.reclaimed;
    section('Deleted Containers', ct.deleted);
    section('Deleted Networks', e.network.prune());
    if (vols) {
      const v = e.volume.prune();
      total += v.reclaimed;
      section('Deleted Volumes', v.deleted);
    }
    const im = e.image.prune(all);
    total += im.reclaimed;
    section('Deleted Images', im.records.map((r) => ('untagged' in r ? `untagged: ${r.untagged}` : `deleted: ${r.deleted}`)));
    const bc = e.build.prune(all);
    total += bc.reclaimed;
    section('Deleted build cache objects', bc.deleted);
    ctx.out(`Total reclaimed space: ${humanSize(total)}\n`);
  },
});
