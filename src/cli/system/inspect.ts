// docker inspect: any object by name or ID — container, then image, then network — as JSON or a template.
// docker/cli: cli/command/system/inspect.go (nothing matched: "Error: No such object: NAME")
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { fromDaemon } from '../daemon-error';
import { isDockerError } from '../../engine/index';
import { inspectAll } from '../inspect';
import containerInspect from '../container/inspect';
import { typedAny } from '../inspect-schema';
import imageInspect from '../image/inspect';
import networkInspect from '../network/inspect';
import volumeInspect from '../volume/inspect';

/** The object types `docker inspect` tries, in docker/cli's order (system/inspect.go), each as its own inspect command declares it. */
const OBJECTS = [containerInspect, imageInspect, networkInspect, volumeInspect].map((c) => c.inspectObject!);

export default defineCommand({
  name: 'inspect',
  use: 'inspect [OPTIONS] NAME|ID [NAME|ID...]',
  short: 'Return low-level information on Docker objects',
  completeArgs: ['objects'],
  group: 'commands',
  args: { min: 1 },
  flags: [
    INSPECT_FORMAT_FLAG,
    { name: 'size', short: 's', type: 'bool', usage: 'Display total file sizes if the type is container' },
    { name: 'type', type: 'string', usage: 'Return JSON for specified type' },
  ],
  async run(ctx, refs, f) {
    const type = f.type;
    const size = f.size;
    const lookups = OBJECTS.map((o): [string, (ref: string) => unknown] => [o.type, (ref) => o.get(ctx, ref, size)]);
    const known = lookups.map(([t]) => t);
    if (type && !known.includes(type)) {
      ctx.err(`"${type}" is not a valid value for --type\n`);
      return 1;
    }
    return inspectAll(ctx, refs, f.format, (ref) => {
      for (const [t, fn] of lookups) {
        if (type && t !== type) continue;
        try {
          return fn(ref);
        } catch (e) {
          // with --type the object's own error is the answer (system/inspect.go inspectAll: only an unconstrained
          // lookup skips a not-found and tries the next type)
          if (type && isDockerError(e)) throw new Error(fromDaemon(e));
          /* try the next type */
        }
      }
      throw new Error(`Error: No such ${type || 'object'}: ${ref}`);
    }, typedAny); // each kind as its own struct
  },
});
