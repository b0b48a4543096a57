// docker compose: the Compose v2 CLI plugin — its global flags, and the dispatch to its own commands.
// docker/compose: cmd/compose/compose.go (RootCommand)
import { checkArgs, defineCommand, helpText, type CliContext, type CommandDef } from '../command';
import { bindOptions, defineFlags, FlagError, parseFlags, Refusal } from '../flags';
import type { ComposeContext, ProjectFlags } from './load';
import { PROGRESS_MODES, type ProgressMode } from './progress';

export type { ComposeContext };
import { COMPOSE_COMMANDS } from './commands';

export const COMPOSE_FLAGS = defineFlags([
  { name: 'all-resources', unsupported: true, type: 'bool', usage: 'Include all resources, even those not used by services' },
  { name: 'ansi', type: 'string', usage: 'Control when to print ANSI control characters ("never"|"always"|"auto")', default: 'auto' },
  { name: 'compatibility', unsupported: true, type: 'bool', usage: 'Run compose in backward compatibility mode' },
  { name: 'dry-run', unsupported: true, type: 'bool', usage: 'Execute command in dry run mode' },
  { name: 'env-file', type: 'list', valueName: 'stringArray', usage: 'Specify an alternate environment file' },
  { name: 'file', short: 'f', type: 'list', valueName: 'stringArray', usage: 'Compose configuration files' },
  { name: 'parallel', unsupported: true, type: 'int', usage: 'Control max parallelism, -1 for unlimited', default: '-1' },
  { name: 'profile', type: 'list', valueName: 'stringArray', usage: 'Specify a profile to enable' },
  { name: 'progress', type: 'string', usage: 'Set type of progress output (auto, tty, plain, json, quiet)', default: 'auto' },
  { name: 'project-directory', type: 'string', usage: 'Specify an alternate working directory\n(default: the path of the, first specified, Compose file)' },
  { name: 'project-name', short: 'p', type: 'string', usage: 'Project name' },
]);

const composeDef: CommandDef = defineCommand({
  name: 'compose',
  use: 'compose [OPTIONS] COMMAND',
  short: 'Docker Compose',
  long: 'Define and run multi-container applications with Docker',
  group: 'management',
  plugin: true,
  interspersed: false,
  flags: COMPOSE_FLAGS,
  pluginCommands: COMPOSE_COMMANDS,
  async run(ctx, args, f, path, trace) {
    // the project-selecting flags, read once for whichever command runs
    const project: ProjectFlags = { file: f.file, projectName: f.projectName, projectDirectory: f.projectDirectory, envFile: f.envFile, profile: f.profile };
    let progress: ProgressMode;
    try {
      progress = progressMode(f.progress, ctx.env.COMPOSE_ANSI !== undefined && !f.changed('ansi') ? ctx.env.COMPOSE_ANSI : f.ansi);
    } catch (e) {
      ctx.err(`${(e as Error).message}\n`);
      return 1;
    }
    const [name, ...rest] = args;
    const sub: CommandDef | undefined = COMPOSE_COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
    if (!sub) {
      if (name === undefined) {
        ctx.out(helpText(composeDef, path));
        return 0;
      }
      // cobra's unknown-command error, as the plugin prints it
      ctx.err(`unknown docker command: "compose ${name}"\n`);
      return 1;
    }
    const subPath = `${path} ${sub.name}`;
    let parsed;
    try {
      parsed = parseFlags(rest, sub.flags ?? [], sub.interspersed ?? true);
    } catch (e) {
      if (e instanceof Refusal) {
        ctx.err(`${e.message}\nSee '${subPath} --help'.\n`);
        return 125;
      }
      if (e instanceof FlagError) {
        ctx.err(`${e.message}\n`);
        return 1;
      }
      throw e;
    }
    if (parsed.help) {
      ctx.out(helpText(sub, subPath));
      return 0;
    }
    const argErr = checkArgs(sub, subPath, parsed.args);
    if (argErr) {
      ctx.err(argErr);
      return 1;
    }
    const cctx: ComposeContext = Object.assign(Object.create(ctx) as CliContext, { compose: project, progress });
    return (await sub.run!(cctx, parsed.args, bindOptions(sub.flags ?? [], parsed.flags, trace), subPath, trace)) ?? 0;
  },
});

/** How --progress and --ansi choose the progress writer (compose.go's PersistentPreRunE, in its order). */
function progressMode(progress: string, ansi: string): ProgressMode {
  let mode: ProgressMode = ansi === 'never' ? 'plain' : ansi === 'always' ? 'tty' : 'auto';
  if (progress === 'auto') return ansi === 'never' ? 'plain' : 'auto';
  if (progress === 'tty') {
    if (ansi === 'never') throw new Error("can't use --progress tty while ANSI support is disabled");
    mode = 'tty';
  } else if (progress === 'plain') {
    if (ansi === 'always') throw new Error("can't use --progress plain while ANSI support is forced");
    mode = 'plain';
  } else if (progress === 'none') mode = 'quiet';
  else if ((PROGRESS_MODES as readonly string[]).includes(progress)) mode = progress as ProgressMode;
  else throw new Error(`unsupported --progress value ${JSON.stringify(progress)}`);
  return mode;
}

export default composeDef;
