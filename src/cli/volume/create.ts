// docker volume create: create a local volume (named, or a generated 64-hex name) and print its name.
// docker/cli: cli/command/volume/create.go
import { defineCommand, StatusError } from '../command';
import { dict } from '../../engine/index';

/** opts.ConvertKVStringsToMap / MapOpts: `k=v` (or bare `k`) into a map. */
export function kvMap(list: string[]): Record<string, string> {
  const out: Record<string, string> = dict();
  for (const s of list) {
    const i = s.indexOf('=');
    out[i < 0 ? s : s.slice(0, i)] = i < 0 ? '' : s.slice(i + 1);
  }
  return out;
}

export default defineCommand({
  name: 'create',
  use: 'create [OPTIONS] [VOLUME]',
  short: 'Create a volume',
  completeArgs: ['none'],
  args: { max: 1 },
  flags: [
    { name: 'driver', short: 'd', type: 'string', usage: 'Specify volume driver name', default: 'local' },
    { name: 'label', type: 'list', usage: 'Set metadata for a volume' },
    { name: 'name', type: 'string', usage: 'Specify volume name', hidden: true },
    { name: 'opt', short: 'o', type: 'map', usage: 'Set driver specific options', default: 'map[]' },
  ],
  async run(ctx, args, f) {
    let name = f.name;
    if (args.length === 1) {
      if (name) throw new StatusError('conflicting options: either specify --name or provide positional arg, not both', 1);
      name = args[0];
    }
    // the client always sends label and option maps, so the volume shows `{}` rather than null
    ctx.out(ctx.engine.volume.create({ name, driver: f.driver, labels: kvMap(f.label), options: kvMap(f.opt) }) + '\n');
  },
});
