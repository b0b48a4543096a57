// docker image push / docker push: send an image's layers and manifest to its registry.
// docker/cli: cli/command/image/push.go (TTY final frame: "<id>: Pushed ", "<tag>: digest: sha256:… size: N")
import { checkPlatform, checkContentTrust } from '../opts/platform';
import { defineCommand, StatusError } from '../command';
import { DockerError, parseRef } from '../../engine/index';
import { loggedInUser } from './auth';

export default defineCommand({
  name: 'push',
  use: 'push [OPTIONS] NAME[:TAG]',
  aliasPaths: ['docker image push', 'docker push'],
  short: 'Upload an image to a registry',
  completeArgs: ['images'],
  group: 'common',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'all-tags', unsupported: true, short: 'a', type: 'bool', usage: 'Push all tags of an image to the repository' },
    { name: 'disable-content-trust', type: 'bool', usage: 'Skip image signing', default: true },
    { name: 'platform', type: 'string', usage: 'Push a platform-specific manifest as a single-platform image to the registry.' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress verbose output' },
  ],
  async run(ctx, [ref], f) {
    checkPlatform(f.platform);
    checkContentTrust(f.disableContentTrust);
    const quiet = f.quiet;
    const r = parseRef(ref);
    // cli push.go prints the default tag, then the daemon (distribution/push.go:34) names the repository before it
    // finds there is nothing to push
    if (!r.tag && !quiet) ctx.out('Using default tag: latest\n');
    if (!quiet) ctx.out(`The push refers to repository [${r.fullName}]\n`);
    if (!ctx.engine.image.find(r.familiarTagged)) throw new StatusError(`An image does not exist locally with the tag: ${r.familiarName}`, 1);
    const user = await loggedInUser(ctx, r.domain);
    try {
      const rep = ctx.engine.image.push(ref, user);
      if (quiet) ctx.out(`${r.familiarTagged}\n`);
      else {
        for (const l of rep.layers) ctx.out(`${l.id}: ${l.status} \n`);
        ctx.out(`${rep.tag}: digest: ${rep.digest} size: ${rep.size}\n`);
      }
    } catch (e) {
      if (!(e instanceof DockerError)) throw e;
      if (e.kind === 'Forbidden') {
        const img = ctx.engine.image.get(r.familiarTagged);
        for (const d of [...img.diffIds].reverse()) ctx.out(`${d.slice(7, 19)}: Preparing \n`);
        throw new StatusError(e.message, 1);
      }
      throw e;
    }
  },
});
