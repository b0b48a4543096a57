// docker image save / docker save: write images (with their layers and tags) as a tar archive.
// docker/cli: cli/command/image/save.go
import { checkPlatform } from '../opts/platform';
import { defineCommand, StatusError } from '../command';
import { copyToFile } from '../host-paths';

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
    const out = f.output;
    if (!out) ctx.outBytes(bytes);
    else {
      const failed = await copyToFile(ctx, out, bytes, 'save image');
      if (failed) throw new StatusError(failed, 1);
    }
  },
});
