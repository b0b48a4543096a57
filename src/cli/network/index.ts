// docker network: the network command group (ls, create, rm, inspect, connect, disconnect, prune).
// docker/cli: cli/command/network/cmd.go
import { defineCommand } from '../command';
import connect from './connect';
import create from './create';
import disconnect from './disconnect';
import inspect from './inspect';
import ls from './ls';
import prune from './prune';
import rm from './rm';

export const networkGroup = defineCommand({
  name: 'network',
  use: 'network',
  short: 'Manage networks',
  group: 'management',
  subcommands: [connect, create, disconnect, inspect, ls, prune, rm],
});
