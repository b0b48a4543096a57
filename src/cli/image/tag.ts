// docker image tag / docker tag: add a name to an image (prints nothing).
// docker/cli: cli/command/image/tag.go
import { defineCommand, StatusError } from '../command';
import { parseRef } from '../../engine/index';

export default defineCommand({
  name: 'tag',
  use: 'tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]',
  aliasPaths: ['docker image tag', 'docker tag'],
  short: 'Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE',
  completeArgs: ['images'],
  topLevel: { group: 'commands' },
  args: { min: 2, max: 2 },
  async run(ctx, [source, target]) {
    try {
      parseRef(target);
    } catch (e) {
      throw new StatusError(`Error parsing reference: "${target}" is not a valid repository/tag: ${(e as Error).message}`, 1);
    }
    ctx.engine.image.tag(source, target);
  },
});
