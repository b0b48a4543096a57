// docker inspect: any object by name or ID — container, then image, then network — as JSON or a template.
// docker/cli: cli/command/system/inspect.go (nothing matched: "Error: No such object: NAME")
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand, type CliContext } from '../command';
import { inspectAll } from '../inspect';
import { inspectContainer, typedContainer } from '../container/inspect';
import { imageJSON } from '../image/inspect-json';

/** Other object types (networks, volumes) register their lookups here. */
export const EXTRA_INSPECTORS: Record<string, (ctx: CliContext, ref: string) => unknown> = {};

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
    const lookups: [string, (ref: string) => unknown][] = [
      ['container', (ref) => inspectContainer(ctx, ref, f.size)],
      ['image', (ref) => imageJSON(ctx.engine.state, ctx.engine.image.get(ref))],
      ...Object.entries(EXTRA_INSPECTORS).map(([t, fn]) => [t, (ref: string) => fn(ctx, ref)] as [string, (ref: string) => unknown]),
    ];
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
        } catch {
          /* try the next type */
        }
      }
      throw new Error(`Error: No such ${type || 'object'}: ${ref}`);
    }, typedContainer); // only a container's JSON has a State (with its omitempty Health)
  },
});
