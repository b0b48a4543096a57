// docker container: the container command group and its top-level aliases (docker ps, docker run …).
// docker/cli: cli/command/container/cmd.go
import { defineCommand, topLevelAliases, type CommandDef } from '../command';
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
import cp from './cp';
import { kill, pause, restart, unpause } from './simple';
import port from './port';
import commit from './commit';
import diff from './diff';
import update from './update';

/** Every `docker container` subcommand; keep this the one list to add to. */
const subcommands: CommandDef[] = [attach, commit, cp, create, diff, exec, exportCmd, inspect, kill, logs, ls, pause, port, prune, rename, restart, rm, run, start, stats, stop, top, unpause, update, wait].sort((a, b) => (a.name < b.name ? -1 : 1));

export const containerGroup = defineCommand({
  name: 'container',
  use: 'container',
  short: 'Manage containers',
  group: 'management',
  subcommands,
});

/** Top-level spellings each subcommand declares: `docker ps` is `docker container ls`, `docker rm` is `docker container rm` … */
export const containerAliases: CommandDef[] = topLevelAliases(subcommands);
