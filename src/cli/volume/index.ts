// docker volume: the volume command group (create, inspect, ls, prune, rm); `docker inspect NAME` falls back to volumes.
// docker/cli: cli/command/volume/cmd.go
import { defineCommand } from '../command';
import { EXTRA_INSPECTORS } from '../system/inspect';
import create from './create';
import inspect, { volumeJSON } from './inspect';
import ls from './ls';
import prune from './prune';
import rm from './rm';

// docker/cli system/inspect.go tries volumes after containers, images and networks
EXTRA_INSPECTORS.volume = (ctx, ref) => volumeJSON(ctx.engine.volume.get(ref));

export const volumeGroup = defineCommand({
  name: 'volume',
  use: 'volume',
  short: 'Manage volumes',
  group: 'management',
  subcommands: [create, inspect, ls, prune, rm],
});
