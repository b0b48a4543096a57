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
import exec from './exec';
import attach from './attach';
import rename from './rename';
import wait from './wait';
import prune from './prune';
import inspect from './inspect';
import exportCmd from './export';
import stats from './stats';
import top from './top';
import { kill, pause, restart, unpause } from './simple';
import port from './port';
import commit from './commit';
import diff from './diff';

const subcommands: CommandDef[] = [attach, commit, create, diff, exec, exportCmd, inspect, kill, logs, ls, pause, port, prune, rename, restart, rm, run, start, stats, stop, top, unpause, wait];

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
  { ...exec, group: 'common' },
  { ...attach, group: 'commands' },
  { ...kill, group: 'commands' },
  { ...pause, group: 'commands' },
  { ...unpause, group: 'commands' },
  { ...restart, group: 'commands' },
  { ...rename, group: 'commands' },
  { ...wait, group: 'commands' },
  { ...exportCmd, group: 'commands' },
  { ...port, group: 'commands' },
  { ...stats, group: 'commands' },
  { ...top, group: 'commands' },
  { ...commit, group: 'commands' },
  { ...diff, group: 'commands' },
];
