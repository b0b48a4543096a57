// docker container prune: remove all stopped containers after a [y/N] confirmation (or -f).
// docker/cli: cli/command/container/prune.go
import { forcedOrConfirmed } from '../prompt';
import { PRUNE_FORCE_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { humanSize } from '../format';
import { pruneFilters } from '../opts/filters';

export default defineCommand({
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove all stopped containers',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    PRUNE_FORCE_FLAG,
  ],
  async run(ctx, _args, f) {
    const filters = pruneFilters(f.filter, ctx.engine.now());
    if (!(await forcedOrConfirmed(ctx, f, 'WARNING! This will remove all stopped containers.\nAre you sure you want to continue? [y/N] '))) return 0;
    const { deleted, reclaimed } = ctx.engine.container.prune(filters);
    if (deleted.length) ctx.out(`Deleted Containers:\n${deleted.map((id) => id + '\n').join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  },
});
