// docker container inspect: low-level JSON of containers (or a -f template applied to it).
// docker/cli: cli/command/container/inspect.go
import { fromDaemon } from '../daemon-error';
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand, type CliContext } from '../command';
import { imageSize, tableSize, DockerError } from '../../engine/index';
import { inspectAll } from '../inspect';
import { containerJSON } from './inspect-json';
import { typedContainerParts } from '../inspect-typed';

/** The inspect object for a container reference, or the daemon's not-found error. */
export function inspectContainer(ctx: CliContext, ref: string, size: boolean) {
  const c = ctx.engine.container.get(ref);
  const s = ctx.engine.state;
  const rw = tableSize(c.upper);
  return containerJSON(s, c, size ? { rw, rootFs: rw + (s.images[c.imageId] ? imageSize(s, s.images[c.imageId]) : 0) } : undefined);
}

/** The typed ContainerJSON a template sees first: State.Health is a nil pointer when there is no healthcheck; port sets,
 *  port bindings and mount points are Go structs. */
export function typedContainer(raw: Record<string, unknown>): unknown {
  const state = raw.State as Record<string, unknown> | undefined;
  if (state && !('Health' in state)) state.Health = null;
  // HostConfig.Init is a *bool left out when unset: the struct's field is nil (not enumerable: json leaves it out)
  const host = raw.HostConfig as Record<string, unknown> | undefined;
  if (host && !('Init' in host)) Object.defineProperty(host, 'Init', { value: null, enumerable: false });
  typedContainerParts(raw);
  return raw;
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
