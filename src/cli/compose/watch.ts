// docker compose watch: declared as Compose declares it, refused once the file asks for it. Watching needs files to
// change while the command runs, and the simulator's one terminal stays busy until Ctrl+C, so nothing could change.
// docker/compose: cmd/compose/watch.go, pkg/compose/watch.go
import { defineCommand, StatusError } from '../command';
import { namedProject } from './load';

export const watch = defineCommand({
  name: 'watch',
  use: 'watch [SERVICE...]',
  short: 'Watch build context for service and rebuild/refresh containers when files are updated',
  flags: [
    { name: 'no-up', unsupported: true, type: 'bool', usage: 'Do not build & start services before watching' },
    { name: 'prune', unsupported: true, type: 'bool', usage: 'Prune dangling images on rebuild' },
    { name: 'quiet', unsupported: true, type: 'bool', usage: 'hide build output' },
  ],
  async run(ctx, args) {
    const { named } = await namedProject(ctx, args);
    const watched = named.filter((s) => Array.isArray((s.raw.develop as { watch?: unknown } | undefined)?.watch));
    if (!watched.length) throw new StatusError("none of the selected services is configured for watch, consider setting an 'develop' section", 1);
    throw new StatusError("docker compose watch is not supported by this simulator: its one terminal stays busy while watch runs, so no file could change. Edit, then run `docker compose up -d --build` (rebuild) or `docker compose cp` (sync).", 1);
  },
});
