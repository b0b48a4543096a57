// docker builder prune: remove build cache (-a: all of it), after a [y/N] prompt or -f.
// docker/cli: cli/command/builder/prune.go
import { forcedOrConfirmed } from '../prompt';
import { PRUNE_FORCE_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { humanSize } from '../format';
import build from '../image/build';

const prune = defineCommand({
  name: 'prune',
  use: 'prune',
  short: 'Remove build cache',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused build cache, not just dangling ones' },
    { name: 'filter', unsupported: true, type: 'filter', usage: 'Provide filter values (e.g. "until=24h")' },
    PRUNE_FORCE_FLAG,
    { name: 'keep-storage', unsupported: true, type: 'bytes', usage: 'Amount of disk space to keep for cache' },
  ],
  async run(ctx, _args, f) {
    const all = f.all;
    if (!(await forcedOrConfirmed(ctx, f, `WARNING! This will remove all ${all ? '' : 'dangling '}build cache. Are you sure you want to continue? [y/N] `))) return 0;
    const { deleted, reclaimed } = ctx.engine.build.prune(all);
    if (deleted.length) ctx.out(`Deleted build cache objects:\n${deleted.map((d) => d + '\n').join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(reclaimed)}\n`);
  },
});

export const builderGroup = defineCommand({
  name: 'builder',
  use: 'builder',
  short: 'Manage builds',
  group: 'management',
  subcommands: [build, prune],
});
