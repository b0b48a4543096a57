// docker volume: the volume command group (create, inspect, ls, prune, rm).
// docker/cli: cli/command/volume/cmd.go
import { defineCommand } from '../command';
import create from './create';
import inspect from './inspect';
import ls from './ls';
import prune from './prune';
import rm from './rm';

export const volumeGroup = defineCommand({
  name: 'volume',
  use: 'volume',
  short: 'Manage volumes',
  group: 'management',
  subcommands: [create, inspect, ls, prune, rm],
});
