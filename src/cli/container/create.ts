// docker container create / docker create: create a container (pulling the image if needed) and print its ID.
// docker/cli: cli/command/container/create.go
import { defineCommand } from '../command';
import { CONTAINER_FLAGS } from './create-flags';
import { createWithPull } from './run';

export default defineCommand({
  name: 'create',
  use: 'create [OPTIONS] IMAGE [COMMAND] [ARG...]',
  aliasPaths: ['docker container create', 'docker create'],
  short: 'Create a new container',
  completeArgs: ['images', 'none'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  interspersed: false,
  flags: CONTAINER_FLAGS,
  async run(ctx, [image, ...cmd], f, path) {
    ctx.out((await createWithPull(ctx, image, cmd, f, false, path)) + '\n');
  },
});
