// docker image prune: remove dangling images (-a: every image no container uses), after a [y/N] prompt or -f.
// docker/cli: cli/command/image/prune.go (lower-case "untagged:"/"deleted:" lines, Total reclaimed space)
import { forcedOrConfirmed } from '../prompt';
import { PRUNE_FORCE_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { humanSize } from '../format';
import { pruneFilters } from '../opts/filters';

export default defineCommand({
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused images',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused images, not just dangling ones' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    PRUNE_FORCE_FLAG,
  ],
  async run(ctx, _args, f) {
    const all = f.all;
    const filters = pruneFilters(f.filter, ctx.engine.now());
    if (!(await forcedOrConfirmed(ctx, f, `WARNING! This will remove all ${all ? 'images without at least one container associated to them' : 'dangling images'}.\nAre you sure you want to continue? [y/N] `))) return 0;
    const { records, reclaimed } = ctx.engine.image.prune(all, filters);
    if (records.length) ctx.out(`Deleted Images:\n${records.map((r) => ('untagged' in r ? `untagged: ${r.untagged}\n` : `deleted: ${r.deleted}\n`)).join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  },
});
