// `docker --help`: the top-level usage page (docker/cli cli/cobra.go usage template, v27 groups).
import type { CommandDef } from './command';
import { flagUsages, type FlagDef } from './flags';

/** docker/cli lists common commands in this fixed order (cli/command/commands/commands.go). */
const COMMON_ORDER = ['run', 'exec', 'ps', 'build', 'pull', 'push', 'images', 'login', 'logout', 'search', 'version', 'info'];

export function rootHelp(cmds: CommandDef[], global: readonly FlagDef[]): string {
  const visible = cmds.filter((c) => !c.hidden);
  const section = (title: string, list: CommandDef[]) => (list.length ? `\n${title}:\n${list.map((c) => `  ${(c.plugin ? c.name + '*' : c.name).padEnd(11)} ${c.short}`).join('\n')}\n` : '');
  const common = visible.filter((c) => c.group === 'common').sort((a, b) => COMMON_ORDER.indexOf(a.name) - COMMON_ORDER.indexOf(b.name));
  const byName = (a: CommandDef, b: CommandDef) => (a.name < b.name ? -1 : 1);
  const mgmt = visible.filter((c) => c.group === 'management').sort(byName);
  const other = visible.filter((c) => c.group === 'commands').sort(byName);
  return (
    '\nUsage:  docker [OPTIONS] COMMAND\n\nA self-sufficient runtime for containers\n' +
    section('Common Commands', common) +
    section('Management Commands', mgmt) +
    section('Commands', other) +
    `\nGlobal Options:\n${flagUsages(global)}\n\nRun 'docker COMMAND --help' for more information on a command.\n\nFor more help on how to use Docker, head to https://docs.docker.com/go/guides/\n`
  );
}
