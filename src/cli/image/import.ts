// docker image import / docker import: make a one-layer image from a flat tar (a file or - for STDIN).
// docker/cli: cli/command/image/import.go (prints the new image ID with its sha256: prefix)
import { checkPlatform } from '../opts/platform';
import { defineCommand } from '../command';
import { bodyReadError, isDir } from '../host-paths';

export default defineCommand({
  name: 'import',
  use: 'import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]',
  aliasPaths: ['docker image import', 'docker import'],
  short: 'Import the contents from a tarball to create a filesystem image',
  completeArgs: ['files', 'none'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 2 },
  flags: [
    { name: 'change', unsupported: true, short: 'c', type: 'list', usage: 'Apply Dockerfile instruction to the created image' },
    { name: 'message', short: 'm', type: 'string', usage: 'Set commit message for imported image' },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
  ],
  async run(ctx, [source, ref], f) {
    checkPlatform(f.platform);
    let bytes: Uint8Array | null;
    if (source === '-') bytes = ctx.stdinBytes;
    else if (/^https?:\/\//.test(source)) {
      ctx.err(`Error response from daemon: Get "${source}": dial tcp: lookup ${new URL(source).hostname}: no such host\n`);
      return 1;
    } else {
      if (await isDir(ctx, source)) {
        // client/image_import.go: fromSrc, message, repo, tag (no tag option from the CLI)
        ctx.err(bodyReadError('/images/create', { fromSrc: '-', message: f.message, repo: ref ?? '', tag: '' }, source) + '\n');
        return 1;
      }
      bytes = await ctx.host.readBytes(source);
      if (!bytes) {
        ctx.err(`open ${source}: no such file or directory\n`);
        return 1;
      }
    }
    // the client streams a file to the daemon, so the daemon only ever sees "-" (cli/command/image/import.go)
    ctx.out(ctx.engine.image.importTar(bytes, ref, '-', f.message) + '\n');
  },
});
