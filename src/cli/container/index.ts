// docker container: the container command group and its top-level aliases (docker ps, docker run …).
// docker/cli: cli/command/container/cmd.go
import { defineCommand, type CommandDef } from '../command';
import create from './create';
import logs from './logs';
import ls from './ls';
import rm from './rm';
import run from './run';
import start from './start';
import stop from './stop';

const subcommands: CommandDef[] = [create, logs, ls, rm, run, start, stop];

export const containerGroup = defineCommand({
  name: 'container',
  use: 'container',
  short: 'Manage containers',
  group: 'management',
  subcommands,
});

/** Top-level spellings: `docker ps` is `docker container ls`, and so on. */
export const containerAliases: CommandDef[] = [
  { ...run, group: 'common' },
  { ...ls, name: 'ps', aliases: [], group: 'common' },
  { ...create, group: 'commands' },
  { ...logs, group: 'commands' },
  { ...rm, aliases: [], group: 'commands' },
  { ...start, group: 'commands' },
  { ...stop, group: 'commands' },
];
