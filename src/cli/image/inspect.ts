// docker image inspect: low-level JSON of images (or a -f template applied to it).
// docker/cli: cli/command/image/inspect.go
import { fromDaemon } from '../daemon-error';
import { checkPlatform } from '../opts/platform';
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { DockerError } from '../../engine/index';
import { inspectAll } from '../inspect';
import { imageJSON } from './inspect-json';
import { typedImageJSON } from '../inspect-schema';

/** The typed image inspect a template sees first: Config's port set and volumes hold empty structs. */
export function typedImage(raw: Record<string, unknown>): unknown {
  return typedImageJSON(raw);
}

export default defineCommand({
  name: 'inspect',
  use: 'inspect [OPTIONS] IMAGE [IMAGE...]',
  short: 'Display detailed information on one or more images',
  completeArgs: ['images'],
  inspectObject: { type: 'image', get: (ctx, ref) => imageJSON(ctx.engine.state, ctx.engine.image.get(ref)) },
  args: { min: 1 },
  flags: [
    INSPECT_FORMAT_FLAG,
    { name: 'platform', type: 'string', usage: 'Inspect a specific platform of the multi-platform image.' },
  ],
  async run(ctx, refs, f) {
    checkPlatform(f.platform);
    return inspectAll(ctx, refs, f.format, (ref) => {
      try {
        return imageJSON(ctx.engine.state, ctx.engine.image.get(ref));
      } catch (e) {
        if (e instanceof DockerError) throw new Error(fromDaemon(e));
        throw e;
      }
    }, typedImage);
  },
});
