// docker container rename / docker rename: give a container a new name (prints nothing).
// docker/cli: cli/command/container/rename.go (v27: a second line "Error: failed to rename container named X")
import { defineCommand, StatusError } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'rename',
  use: 'rename CONTAINER NEW_NAME',
  aliasPaths: ['docker container rename', 'docker rename'],
  short: 'Rename a container',
  completeArgs: ['containers', 'none'],
  topLevel: { group: 'commands' },
  args: { min: 2, max: 2 },
  async run(ctx, [oldName, newName]) {
    if (!newName.trim()) throw new StatusError('Error: Neither old nor new names may be empty', 1);
    try {
      ctx.engine.container.rename(oldName, newName);
    } catch (e) {
      if (!isDockerError(e)) throw e;
      throw new StatusError(`Error response from daemon: ${e.message}\nError: failed to rename container named ${oldName}`, 1);
    }
  },
});
