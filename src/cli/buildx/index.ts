// docker buildx: the BuildKit client plugin's command group (`build`, the same builder as `docker build`, and `version`).
// docker/cli: cmd/docker/builder.go (buildx plugin); docker/buildx: commands/root.go, commands/build.go
import { defineCommand } from '../command';
import build from '../image/build';

/** `docker buildx version`: the plugin that Docker Engine 27.5.1's packages ship (buildx v0.20.0). */
const version = defineCommand({
  name: 'version',
  use: 'version',
  short: 'Show buildx version information',
  args: { max: 0 },
  async run(ctx) {
    ctx.out('github.com/docker/buildx v0.20.0 8e30c46\n');
  },
});

export const buildxGroup = defineCommand({
  name: 'buildx',
  use: 'buildx',
  short: 'Docker Buildx',
  group: 'management',
  plugin: true, // `docker --help` lists it as `buildx*`
  subcommands: [{ ...build, aliases: ['b'], aliasPaths: ['docker buildx build', 'docker buildx b'], short: 'Start a build' }, version],
});
