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
    // cli/command/image/remove.go runRemove: errors come after, joined; with -f only "No such image" ones are forgiven
    const errs: string[] = [];
    let fatal = false;
    for (const ref of args) {
      try {
        for (const r of ctx.engine.image.remove(ref, f.force)) ctx.out('untagged' in r ? `Untagged: ${r.untagged}\n` : `Deleted: ${r.deleted}\n`);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        if (e.kind !== 'NotFound') fatal = true;
        errs.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (!errs.length) return 0;
    ctx.err(errs.join('\n') + '\n');
    return !f.force || fatal ? 1 : 0;
  },
});
