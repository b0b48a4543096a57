// docker container inspect: low-level JSON of containers (or a -f template applied to it).
// docker/cli: cli/command/container/inspect.go
import { fromDaemon } from '../daemon-error';
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand, type CliContext } from '../command';
import { imageSize, tableSize, DockerError } from '../../engine/index';
import { inspectAll } from '../inspect';
import { containerJSON } from './inspect-json';
import { typedContainerJSON } from '../inspect-schema';

/** The inspect object for a container reference, or the daemon's not-found error. */
export function inspectContainer(ctx: CliContext, ref: string, size: boolean) {
  const c = ctx.engine.container.get(ref);
  const s = ctx.engine.state;
  const rw = tableSize(c.upper);
  return containerJSON(s, c, size ? { rw, rootFs: rw + (s.images[c.imageId] ? imageSize(s, s.images[c.imageId]) : 0) } : undefined);
}

/** The typed ContainerJSON a template sees first: Go structs in field order, nil pointers (a missing State.Health,
 *  HostConfig.Init) and zero values of omitted fields, pointers that print as addresses (inspect-schema.ts). */
export function typedContainer(raw: Record<string, unknown>): unknown {
  return typedContainerJSON(raw);
}

export default defineCommand({
  name: 'inspect',
  use: 'inspect [OPTIONS] CONTAINER [CONTAINER...]',
  short: 'Display detailed information on one or more containers',
  completeArgs: ['containers'],
  inspectObject: { type: 'container', get: inspectContainer },
  args: { min: 1 },
  flags: [
    INSPECT_FORMAT_FLAG,
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes' },
  ],
  async run(ctx, refs, f) {
    return inspectAll(ctx, refs, f.format, (ref) => {
      try {
        return inspectContainer(ctx, ref, f.size);
      } catch (e) {
        if (e instanceof DockerError) throw new Error(fromDaemon(e));
        throw e;
      }
    }, typedContainer);
  },
});
