// docker volume inspect: volumes as an indented JSON array (API key order), or through a -f template.
// docker/cli: cli/command/volume/inspect.go
import { fromDaemon } from '../daemon-error';
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { typedVolumeJSON } from '../inspect-schema';
import { defineCommand } from '../command';
import { isDockerError, mountpointOf, type Volume } from '../../engine/index';
import { inspectAll } from '../inspect';
import { rfc3339Nano } from '../format';
import { sortedMap } from '../container/inspect-mounts';

/** api/types/volume.Volume as the daemon sends it; CreatedAt is RFC 3339 to the second (the volume directory's ctime). */
export function volumeJSON(v: Volume) {
  return {
    CreatedAt: rfc3339Nano(Math.floor(v.created / 1000) * 1000),
    Driver: v.driver,
    Labels: sortedMap(v.labels),
    Mountpoint: mountpointOf(v.name),
    Name: v.name,
    Options: sortedMap(v.options),
    Scope: 'local',
  };
}

export default defineCommand({
  name: 'inspect',
  use: 'inspect [OPTIONS] VOLUME [VOLUME...]',
  short: 'Display detailed information on one or more volumes',
  completeArgs: ['volumes'],
  inspectObject: { type: 'volume', get: (ctx, ref) => volumeJSON(ctx.engine.volume.get(ref)) },
  args: { min: 1 },
  flags: [
    INSPECT_FORMAT_FLAG,
  ],
  async run(ctx, names, f) {
    return inspectAll(ctx, names, f.format, (name) => {
      try {
        return volumeJSON(ctx.engine.volume.get(name));
      } catch (e) {
        if (isDockerError(e)) throw new Error(fromDaemon(e));
        throw e;
      }
    }, typedVolumeJSON);
  },
});
