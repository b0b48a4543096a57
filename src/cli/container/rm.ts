// docker container rm / docker rm: remove containers, printing each argument as typed.
// docker/cli: cli/command/container/rm.go (v27: a missing container with -f still prints the error but exits 0)
import { defineCommand } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'rm',
  use: 'rm [OPTIONS] CONTAINER [CONTAINER...]',
  aliases: ['remove'],
  aliasPaths: ['docker container rm', 'docker container remove', 'docker rm'],
  short: 'Remove one or more containers',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  flags: [
    { name: 'force', short: 'f', type: 'bool', usage: 'Force the removal of a running container (uses SIGKILL)' },
    { name: 'link', unsupported: true, short: 'l', type: 'bool', usage: 'Remove the specified link' },
    { name: 'volumes', short: 'v', type: 'bool', usage: 'Remove anonymous volumes associated with the container' },
  ],
  async run(ctx, args, f) {
    const force = f.force;
    let failed = false;
    for (const ref of args) {
      try {
        ctx.engine.container.remove(ref.trim(), force, f.volumes); // -v removes anonymous volumes
        ctx.out(ref + '\n');
      } catch (e) {
        if (!isDockerError(e)) throw e;
        ctx.err(`Error response from daemon: ${e.message}\n`);
        if (!(force && e.kind === 'NotFound')) failed = true;
      }
    }
    return failed ? 1 : 0;
  },
});
