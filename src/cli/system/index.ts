// docker system: the system command group (df, info, prune, and the inspect/version it shares with the top level).
// docker/cli: cli/command/system/cmd.go
import { defineCommand } from '../command';
import df from './df';
import info from './info';
import prune from './prune';

export const systemGroup = defineCommand({
  name: 'system',
  use: 'system',
  short: 'Manage Docker',
  group: 'management',
  subcommands: [df, { ...info, aliasPaths: ['docker system info', 'docker info'] }, prune],
});
