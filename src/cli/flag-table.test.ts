// docs/flags.md is generated from the flag tables: every command's flags, and whether the simulator models each one.
import { expect, it } from 'vitest';
import type { FlagDef } from './flags';
import { GLOBAL_FLAGS } from './index';
import { leafCommands } from './tree';

const row = (f: FlagDef) => `| ${f.short ? `\`-${f.short}\`, ` : ''}\`--${f.name}\`${f.hidden ? ' (hidden)' : ''} | ${f.unsupported ? 'refused' : 'yes'} |`;

function section(title: string, flags: readonly FlagDef[], aliases: string[] = []): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : 1));
  const also = aliases.length ? `\nAlso: ${aliases.map((a) => `\`${a}\``).join(', ')}.\n` : '';
  return `## \`${title}\`\n${also}\n| flag | supported |\n|---|---|\n${sorted.map(row).join('\n')}\n`;
}

function table(): string {
  // a plugin's own commands (docker compose up …) follow the plugin
  const entries = leafCommands()
    .flatMap((e) => [e, ...(e.def.pluginCommands ?? []).map((def) => ({ path: `${e.path} ${def.name}`, def }))])
    .filter(({ def }) => def.flags?.length);
  const all = [{ flags: GLOBAL_FLAGS }, ...entries.map((e) => e.def)].flatMap((d) => d.flags ?? []);
  const refused = all.filter((f) => f.unsupported).length;
  return [
    '<!-- Generated from the flag tables in src/cli by src/cli/flag-table.test.ts: run `npx vitest run src/cli/flag-table.test.ts -u` after changing a flag. -->\n',
    '# Docker CLI flags in the simulator\n',
    `The simulator declares every flag docker 27 has for its commands. Of these ${all.length} flag declarations (run and create count apart), ${all.length - refused} are modelled and ${refused} are refused.`,
    "A refused flag is listed in the command's `--help` with *(not supported by this simulator)*; using it is a usage error",
    "(exit 125), never silently ignored: `docker: --volume-driver is not supported by this simulator.` then `See 'docker run --help'.`",
    'Some supported flags take only the values the simulator can honour (`--platform linux/amd64`, `--builder default`) and refuse others the same way.\n',
    section('docker (global options)', GLOBAL_FLAGS),
    ...entries.map(({ path, def }) => section(path, def.flags!, (def.aliasPaths ?? []).filter((p) => p !== path))),
  ].join('\n');
}

it('docs/flags.md lists every declared flag and whether it is supported', async () => {
  await expect(table()).toMatchFileSnapshot('../../docs/flags.md');
});
