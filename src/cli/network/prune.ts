// docker network prune: remove user-defined networks no running container uses, after a [y/N] prompt or -f.
// docker/cli: cli/command/network/prune.go (network names, no "Total reclaimed space"; Fprintln adds a blank line)
import { forcedOrConfirmed } from '../prompt';
import { PRUNE_FORCE_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { pruneFilters } from '../opts/filters';

export default defineCommand({
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove all unused networks',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "until=<timestamp>")' },
    PRUNE_FORCE_FLAG,
  ],
  async run(ctx, _args, f) {
    const filters = pruneFilters(f.filter, ctx.engine.now());
    if (!(await forcedOrConfirmed(ctx, f, 'WARNING! This will remove all custom networks not used by at least one container.\nAre you sure you want to continue? [y/N] '))) return 0;
    const gone = ctx.engine.network.prune(filters);
    if (gone.length) ctx.out(`Deleted Networks:\n${gone.map((n) => n + '\n').join('')}\n`);
  },
});
