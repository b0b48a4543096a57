// docker container start / docker start: start stopped containers (-a attaches to the first one).
// docker/cli: cli/command/container/start.go
import { fromDaemon } from '../daemon-error';
import { defineCommand } from '../command';
import { containerById, isDockerError } from '../../engine/index';
import { startAndAttach } from './run';
import { execHostNodes } from './host-nodes';
import { withImageData } from '../image-data';

export default defineCommand({
  name: 'start',
  use: 'start [OPTIONS] CONTAINER [CONTAINER...]',
  aliasPaths: ['docker container start', 'docker start'],
  short: 'Start one or more stopped containers',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  flags: [
    { name: 'attach', short: 'a', type: 'bool', usage: 'Attach STDOUT/STDERR and forward signals' },
    { name: 'interactive', short: 'i', type: 'bool', usage: "Attach container's STDIN" },
  ],
  async run(ctx, args, f, path) {
    if (f.attach || f.interactive) {
      if (args.length > 1) {
        ctx.err('you cannot start and attach multiple containers at once\n');
        return 1;
      }
      const c = ctx.engine.container.get(args[0]);
      return startAndAttach(ctx, c.id, true, path, 'start');
    }
    const failed: string[] = [];
    for (const ref of args) {
      let id = '';
      try {
        const c = ctx.engine.container.get(ref);
        id = c.id;
        if (c.state.status !== 'running') {
          const host = await execHostNodes(ctx, c.id);
          const { program } = await withImageData(() => ctx.engine.container.start(ref, host));
          if (program === 'runtime') await ctx.runtime.runMain(c.id);
        }
        ctx.out(ref + '\n');
      } catch (e) {
        if (!isDockerError(e)) throw e;
        if (id && containerById(ctx.engine.state, id)) ctx.engine.container.recordStartError(id, e.message);
        ctx.err(`${fromDaemon(e)}\n`);
        failed.push(ref);
      }
    }
    if (failed.length) {
      ctx.err(`Error: failed to start containers: ${failed.join(', ')}\n`);
      return 1;
    }
  },
});
