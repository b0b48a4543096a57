// docker volume rm: remove volumes, printing each removed name; the errors come together at the end.
// docker/cli: cli/command/volume/remove.go
import { defineCommand, StatusError } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'rm',
  use: 'rm [OPTIONS] VOLUME [VOLUME...]',
  aliases: ['remove'],
  aliasPaths: ['docker volume rm', 'docker volume remove'],
  short: 'Remove one or more volumes',
  completeArgs: ['volumes'],
  args: { min: 1 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of one or more volumes' }],
  async run(ctx, names, f) {
    const errs: string[] = [];
    for (const name of names) {
      try {
        ctx.engine.volume.remove(name, f.force);
        ctx.out(name + '\n');
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errs.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (errs.length) throw new StatusError(errs.join('\n'), 1);
  },
});
