// docker buildx: the BuildKit client plugin's command group (only `build`, the same builder as `docker build`).
// docker/cli: cmd/docker/builder.go (buildx plugin); docker/buildx: commands/root.go, commands/build.go
import { defineCommand } from '../command';
import build from '../image/build';

export const buildxGroup = defineCommand({
  name: 'buildx',
  use: 'buildx',
  short: 'Docker Buildx',
  group: 'management',
  // a CLI plugin: `docker --help` lists it as `buildx*`, which the root help does not mark yet
  hidden: true,
  subcommands: [{ ...build, aliases: ['b'], aliasPaths: ['docker buildx build', 'docker buildx b'], short: 'Start a build' }],
});
