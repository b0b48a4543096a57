// docker image pull / docker pull: fetch an image, printing per-layer status lines as a terminal shows them.
// docker/cli: cli/command/image/pull.go (+ jsonmessage TTY display: "Pull complete " keeps its trailing space)
import { checkPlatform, checkContentTrust } from '../opts/platform';
import { defineCommand, type CliContext } from '../command';
import { parseRef } from '../../engine/index';
import { withImageData } from '../image-data';

/** Pull and print progress to `write`; returns the canonical reference. Shared by pull, run and create. */
export async function pullWithProgress(ctx: CliContext, ref: string, write: (s: string) => void, quiet = false): Promise<string> {
  const rep = await withImageData(() => ctx.engine.image.pull(ref));
  if (!quiet) {
    write(`${rep.tag}: Pulling from ${rep.repository}\n`);
    for (const l of rep.layers) write(l.status === 'Pull complete' ? `${l.id}: Pull complete \n` : `${l.id}: Already exists\n`);
    write(`Digest: ${rep.digest}\n`);
    write(rep.upToDate ? `Status: Image is up to date for ${rep.familiar}\n` : `Status: Downloaded newer image for ${rep.familiar}\n`);
  }
  return rep.canonical;
}

export default defineCommand({
  name: 'pull',
  use: 'pull [OPTIONS] NAME[:TAG|@DIGEST]',
  aliasPaths: ['docker image pull', 'docker pull'],
  short: 'Download an image from a registry',
  completeArgs: ['images'],
  topLevel: { group: 'common' },
  args: { min: 1, max: 1 },
  flags: [
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image verification', default: true },
    { name: 'platform', type: 'string', usage: 'Set platform if server is multi-platform capable' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  async run(ctx, [ref], f) {
    checkPlatform(f.platform);
    checkContentTrust(f.disableContentTrust);
    const r = parseRef(ref);
    const quiet = f.quiet;
    if (!r.tag && !r.digest && !quiet) ctx.out('Using default tag: latest\n');
    const canonical = await pullWithProgress(ctx, ref, ctx.out, quiet);
    ctx.out(canonical + '\n');
  },
});
