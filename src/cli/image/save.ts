// docker image save / docker save: write images (with their layers and tags) as a tar archive.
// docker/cli: cli/command/image/save.go
import { checkPlatform } from '../opts/platform';
import { defineCommand, StatusError } from '../command';
import { copyToFile, outArchive } from '../host-paths';
import { imageSize } from '../../engine/index';

export default defineCommand({
  name: 'save',
  use: 'save [OPTIONS] IMAGE [IMAGE...]',
  aliasPaths: ['docker image save', 'docker save'],
  short: 'Save one or more images to a tar archive (streamed to STDOUT by default)',
  completeArgs: ['images'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  flags: [
    { name: 'output', complete: 'files', short: 'o', type: 'string', usage: 'Write to a file, instead of STDOUT' },
    { name: 'platform', type: 'string', usage: 'Save only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
  ],
  async run(ctx, refs, f) {
    checkPlatform(f.platform);
    const bytes = ctx.engine.image.save(refs);
    // at least the images' own sizes (their layers' files, which stand-ins hold in a few bytes)
    const ids = new Set<string>();
    for (const r of refs) {
      try {
        ids.add(ctx.engine.image.get(r).id);
      } catch {
        /* a bare repository name: every tag of it was saved; its tags' sizes are left out of the floor */
      }
    }
    const floor = [...ids].reduce((n, id) => n + (ctx.engine.state.images[id] ? imageSize(ctx.engine.state, ctx.engine.state.images[id]) : 0), 0);
    const out = f.output;
    if (!out) outArchive(ctx, bytes, floor);
    else {
      const failed = await copyToFile(ctx, out, bytes, 'save image', floor);
      if (failed) throw new StatusError(failed, 1);
    }
  },
});
