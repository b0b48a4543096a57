// docker network rm: remove networks, printing each name as typed; keeps going after an error, then exits 1.
// docker/cli: cli/command/network/remove.go
import { defineCommand } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'rm',
  use: 'rm NETWORK [NETWORK...]',
  aliases: ['remove'],
  aliasPaths: ['docker network rm', 'docker network remove'],
  short: 'Remove one or more networks',
  completeArgs: ['networks'],
  args: { min: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Do not error if the network does not exist' }],
  async run(ctx, refs, f) {
    const force = f.force;
    let failed = false;
    for (const ref of refs) {
      try {
        ctx.engine.network.remove(ref);
        ctx.out(ref + '\n');
      } catch (e) {
        if (!isDockerError(e)) throw e;
        if (force && e.kind === 'NotFound') continue;
        ctx.err(`Error response from daemon: ${e.message}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
});
