// docker image load / docker load: read images from a `docker save` archive (file or STDIN).
// docker/cli: cli/command/image/load.go (layer lines are jsonmessage progress: "[====>]  77.88MB/77.88MB")
import { checkPlatform } from '../opts/platform';
import { defineCommand } from '../command';
import { humanSize } from '../format';
import { bodyReadError, isDir } from '../host-paths';

/** The final frame of a finished progress bar, as jsonmessage draws it on a terminal. */
export function doneBar(total: number): string {
  const size = humanSize(total);
  return `[${'='.repeat(50)}>] ${`${size}`.padStart(8)}/${size}`;
}

export default defineCommand({
  name: 'load',
  use: 'load [OPTIONS]',
  aliasPaths: ['docker image load', 'docker load'],
  short: 'Load an image from a tar archive or STDIN',
  topLevel: { group: 'commands' },
  args: { min: 0, max: 0 },
  flags: [
    { name: 'input', complete: 'files', short: 'i', type: 'string', usage: 'Read from tar archive file, instead of STDIN' },
    { name: 'platform', type: 'string', usage: 'Load only the given platform variant. Formatted as "os[/arch[/variant]]" (e.g., "linux/amd64")' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the load output' },
  ],
  async run(ctx, _args, f) {
    checkPlatform(f.platform);
    const { input, quiet } = f;
    let bytes: Uint8Array | null = ctx.stdinBytes;
    if (input) {
      if (await isDir(ctx, input)) {
        ctx.err(bodyReadError('/images/load', { quiet: quiet ? '1' : '0' }, input) + '\n');
        return 1;
      }
      bytes = await ctx.host.readBytes(input);
      if (!bytes) {
        ctx.err(`open ${input}: no such file or directory\n`);
        return 1;
      }
    } else if (!bytes.length) {
      ctx.err('requested load from stdin, but stdin is empty\n');
      return 1;
    }
    const rep = ctx.engine.image.load(bytes);
    if (!quiet) for (const l of rep.layers) ctx.out(`${l.id}: Loading layer ${doneBar(l.size)}\n`);
    for (const line of rep.loaded) ctx.out(line + '\n');
  },
});
