// docker volume prune: remove unused anonymous volumes (-a: all unused local volumes) after a [y/N] prompt or -f.
// docker/cli: cli/command/volume/prune.go (API ≥ 1.42 prompts; "Deleted Volumes:", a blank line, "Total reclaimed space")
import { forcedOrConfirmed } from '../prompt';
import { PRUNE_FORCE_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { isDockerError, parseFilters } from '../../engine/index';
import { humanSize } from '../format';
import { checkFilters } from './ls';

export default defineCommand({
  name: 'prune',
  use: 'prune [OPTIONS]',
  short: 'Remove unused local volumes',
  args: { min: 0, max: 0 },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Remove all unused volumes, not just anonymous ones' },
    { name: 'filter', type: 'filter', usage: 'Provide filter values (e.g. "label=<label>")' },
    PRUNE_FORCE_FLAG,
  ],
  async run(ctx, _args, f) {
    const filters = parseFilters(checkFilters(f.filter, '--filter'));
    if (f.all) {
      if (filters.all) throw new StatusError('conflicting options: cannot specify both --all and --filter all=1', 1);
      filters.all = ['true'];
    }
    const what = f.all ? 'all local volumes' : 'anonymous local volumes';
    if (!(await forcedOrConfirmed(ctx, f, `WARNING! This will remove ${what} not used by at least one container.\nAre you sure you want to continue? [y/N] `))) return 0;
    let report;
    try {
      report = ctx.engine.volume.prune(filters);
    } catch (e) {
      if (isDockerError(e)) throw new StatusError(`Error response from daemon: ${e.message}`, 1);
      throw e;
    }
    if (report.deleted.length) ctx.out(`Deleted Volumes:\n${report.deleted.map((n) => n + '\n').join('')}\n`);
    ctx.out(`Total reclaimed space: ${humanSize(report.reclaimed)}\n`);
  },
});
