// docker container wait / docker wait: block until containers stop, then print their exit codes.
// docker/cli: cli/command/container/wait.go
import { fromDaemon } from '../daemon-error';
import { defineCommand } from '../command';
import { isDockerError, containerById } from '../../engine/index';

export default defineCommand({
  name: 'wait',
  use: 'wait CONTAINER [CONTAINER...]',
  aliasPaths: ['docker container wait', 'docker wait'],
  short: 'Block until one or more containers stop, then print their exit codes',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  async run(ctx, args) {
    let failed = false;
    for (const ref of args) {
      try {
        let code = ctx.engine.container.waitResult(ref);
        const c = ctx.engine.container.get(ref);
        if (code === null && c.process?.exitAt != null) {
          ctx.engine.advance(c.process.exitAt - ctx.engine.now()); // the user waits until it exits
          code = containerById(ctx.engine.state, c.id) ? ctx.engine.container.waitResult(c.id) : c.state.exitCode;
        }
        if (code === null) {
          await ctx.interrupted(); // runs until stopped: only Ctrl+C ends the wait
          continue;
        }
        ctx.out(`${code}\n`);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        ctx.err(`${fromDaemon(e)}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
});
