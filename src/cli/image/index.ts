// docker image: the image command group and its top-level aliases (docker images, docker pull, docker rmi …).
// docker/cli: cli/command/image/cmd.go
import { defineCommand, topLevelAliases, type CommandDef } from '../command';
import ls from './ls';
import pull from './pull';
import rm from './rm';
import tag from './tag';
import inspect from './inspect';
import save from './save';
import load from './load';
import importCmd from './import';
import prune from './prune';
import push from '../registry/push';
import build from './build';
import history from './history';

const subcommands = [build, history, importCmd, inspect, load, ls, prune, pull, push, rm, save, tag];

export const imageGroup = defineCommand({
  name: 'image',
  use: 'image',
  short: 'Manage images',
  group: 'management',
  subcommands,
});

/** Top-level spellings each subcommand declares (docker images, docker pull, docker rmi …). */
export const imageAliases: CommandDef[] = topLevelAliases(subcommands);
