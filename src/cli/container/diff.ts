// docker container diff / docker diff: A/C/D lines for the container's writable layer.
// docker/cli: cli/command/container/diff.go (format `{{.Type}} {{.Path}}`); moby pkg/archive/changes.go
import { defineCommand } from '../command';
import { diffUpper, lowerStack } from '../../engine/index';

export default defineCommand({
  name: 'diff',
  use: 'diff CONTAINER',
  aliasPaths: ['docker container diff', 'docker diff'],
  short: "Inspect changes to files or directories on a container's filesystem",
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 1 },
  async run(ctx, [ref]) {
    const c = ctx.engine.container.get(ref);
    for (const ch of diffUpper(c.upper, lowerStack(ctx.engine.state, c))) ctx.out(`${ch.kind} ${ch.path}\n`);
  },
});
