// docker container commit / docker commit: a new image from a container's changes; prints `sha256:<id>`.
// docker/cli: cli/command/container/commit.go
import { defineCommand, StatusError } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'commit',
  use: 'commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]',
  aliasPaths: ['docker container commit', 'docker commit'],
  short: "Create a new image from a container's changes",
  completeArgs: ['containers', 'none'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 2 },
  flags: [
    { name: 'author', short: 'a', type: 'string', usage: 'Author (e.g., "John Hannibal Smith <hannibal@a-team.com>")' },
    { name: 'change', short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Commit message' },
    { name: 'pause', short: 'p', type: 'bool', usage: 'Pause container during commit', default: true },
  ],
  async run(ctx, [container, ref], f) {
    try {
      const id = ctx.engine.container.commit({ container, ref, author: f.author, message: f.message, changes: f.change, pause: f.pause });
      ctx.out(id + '\n');
    } catch (e) {
      if (e instanceof Error && e.name === 'InvalidReferenceError') throw new StatusError(`Error response from daemon: ${e.message}`, 1);
      if (!isDockerError(e)) throw e;
      throw new StatusError(`Error response from daemon: ${e.message}`, 1);
    }
  },
});
