// docker image rm / docker rmi: untag and delete images, printing Untagged:/Deleted: records.
// docker/cli: cli/command/image/remove.go
import { defineCommand } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'rm',
  use: 'rm [OPTIONS] IMAGE [IMAGE...]',
  aliases: ['remove', 'rmi'],
  aliasPaths: ['docker image rm', 'docker image remove', 'docker rmi'],
  short: 'Remove one or more images',
  completeArgs: ['images'],
  topLevel: { name: 'rmi', group: 'commands' },
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force removal of the image' },
    { name: 'no-prune', unsupported: true, type: 'bool', usage: 'Do not delete untagged parents' },
  ],
  async run(ctx, args, f) {
    let failed = false;
    for (const ref of args) {
      try {
        for (const r of ctx.engine.image.remove(ref, f.force)) ctx.out('untagged' in r ? `Untagged: ${r.untagged}\n` : `Deleted: ${r.deleted}\n`);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        ctx.err(`Error response from daemon: ${e.message}\n`);
        failed = true;
      }
    }
    return failed ? 1 : 0;
  },
});
