// docker container export / docker export: the container's filesystem as a flat tar (to -o or STDOUT).
// docker/cli: cli/command/container/export.go
import { defineCommand, StatusError } from '../command';
import { copyToFile, outArchive } from '../host-paths';
import { imageSize, tableSize } from '../../engine/index';

export default defineCommand({
  name: 'export',
  use: 'export [OPTIONS] CONTAINER',
  aliasPaths: ['docker container export', 'docker export'],
  short: "Export a container's filesystem as a tar archive",
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 1 },
  flags: [{ name: 'output', complete: 'files', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' }],
  async run(ctx, [ref], f) {
    const bytes = ctx.engine.container.export(ref);
    const c = ctx.engine.container.get(ref);
    const img = ctx.engine.state.images[c.imageId];
    const floor = (img ? imageSize(ctx.engine.state, img) : 0) + tableSize(c.upper);
    const out = f.output;
    if (!out) outArchive(ctx, bytes, floor);
    else {
      const failed = await copyToFile(ctx, out, bytes, 'export container', floor);
      if (failed) throw new StatusError(failed, 1);
    }
  },
});
