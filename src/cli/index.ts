// runDocker: the docker client's entry — global flags, command lookup, --help, usage errors, daemon errors → exit codes.
import { fromDaemon } from './daemon-error';
import { isDockerError } from '../engine/index';
import { checkArgs, helpText, StatusError, type CliContext, type CommandDef } from './command';
import { bindOptions, FlagError, parseFlags, type FlagDef, type FlagTrace } from './flags';
import { rootHelp } from './root-help';
import { COMMANDS } from './registry';

export type { CliContext, Runtime, HostFiles } from './command';

const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'config', unsupported: true, type: 'string', usage: 'Location of client config files', default: '/root/.docker' },
  { name: 'context', unsupported: true, short: 'c', type: 'string', usage: 'Name of the context to use to connect to the daemon (overrides DOCKER_HOST env var and default context set with "docker context use")' },
  { name: 'debug', unsupported: true, short: 'D', type: 'bool', usage: 'Enable debug mode' },
  { name: 'host', unsupported: true, short: 'H', type: 'list', usage: 'Daemon socket to connect to' },
  { name: 'log-level', unsupported: true, short: 'l', type: 'string', usage: 'Set the logging level ("debug", "info", "warn", "error", "fatal")', default: 'info' },
  { name: 'tls', unsupported: true, type: 'bool', usage: 'Use TLS; implied by --tlsverify' },
  { name: 'version', short: 'v', type: 'bool', usage: 'Print version information and quit' },
];

export { GLOBAL_FLAGS };

/** Where a simulator bug (an exception that is not a docker error) is reported besides the one-line message the
 *  learner sees: the browser console by default; the headless runner turns it off so no stack trace is printed. */
let reportInternalError: (e: unknown) => void = (e) => console.error('dockerlings: internal simulator error', e);
export function setInternalErrorReporter(fn: (e: unknown) => void): void {
  reportInternalError = fn;
}

/** Commands that work (or report the daemon themselves) without reaching the daemon. */
const OFFLINE = new Set(['docker version', 'docker info', 'docker context', 'docker context ls', 'docker context show', 'docker compose version', 'docker buildx version', 'docker logout']);

/** Find a command by name or alias among siblings. */
function find(list: CommandDef[], name: string): CommandDef | undefined {
  return list.find((c) => c.name === name || c.aliases?.includes(name));
}

/** Run `docker <argv>`; never throws for bad input: returns the exit code, output goes to ctx.out/err. */
export function runDocker(argv: string[], ctx: CliContext): Promise<number> {
  return runDockerTraced(argv, ctx);
}

const PLUGINS = new Set(['compose', 'buildx']);

/** runDocker, recording in `trace` which of the command's flags were set and which its code read. */
export async function runDockerTraced(argv: string[], ctx: CliContext, trace?: FlagTrace): Promise<number> {
  let path = 'docker';
  try {
    const root = parseFlags(argv, GLOBAL_FLAGS, false);
    if (root.flags.bool('version')) {
      ctx.out('Docker version 27.5.1, build 9f9e405\n');
      return 0;
    }
    if (root.args.length === 0) {
      ctx.out(rootHelp(COMMANDS, GLOBAL_FLAGS));
      return 0;
    }
    const [name, ...rest] = root.args;
    const top = find(COMMANDS, name);
    if (!top) {
      ctx.err(`docker: '${name}' is not a docker command.\nSee 'docker --help'\n`);
      return 1;
    }
    let cmd: CommandDef = top;
    path = `docker ${cmd.name}`;
    let args = rest;
    while (cmd.subcommands?.length) {
      const pre = parseFlags(args, cmd.flags ?? [], false);
      const sub: CommandDef | undefined = pre.args[0] !== undefined ? find(cmd.subcommands, pre.args[0]) : undefined;
      if (!sub) {
        if (pre.args.length) {
          // a group's Args is cli.NoArgs: an unknown subcommand is answered with the group's usage, exit 1
          // (cli/required.go:16-18, v27.5.1); the plugins (compose, buildx) keep their own wording
          if (PLUGINS.has(top.name)) ctx.err(`docker: '${pre.args[0]}' is not a docker command.\nSee 'docker --help'\n`);
          else ctx.err(helpText(cmd, path));
          return 1;
        }
        // a group typed alone shows its help on stderr (command.ShowHelp, cli/command/cli.go:144-149 v27.5.1)
        ctx.err(helpText(cmd, path));
        return 0;
      }
      cmd = sub;
      path = `${path} ${sub.name}`;
      args = pre.args.slice(1);
    }
    const parsed = parseFlags(args, cmd.flags ?? [], cmd.interspersed ?? true);
    if (parsed.help) {
      ctx.out(helpText(cmd, path));
      return 0;
    }
    const argErr = checkArgs(cmd, path, parsed.args);
    if (argErr) {
      ctx.err(argErr);
      return 1;
    }
    if (ctx.unreachable && !OFFLINE.has(path)) {
      // the client pings the daemon before its first request (client.checkVersion); `run` adds its usage hint
      if (path === 'docker run' || path === 'docker create') {
        ctx.err(`docker: ${ctx.unreachable}.\nSee '${path} --help'.\n`);
        return 125;
      }
      ctx.err(ctx.unreachable + '\n');
      return 1;
    }
    const code = await cmd.run!(ctx, parsed.args, bindOptions(cmd.flags ?? [], parsed.flags, trace), path, trace);
    return code ?? 0;
  } catch (e) {
    if (e instanceof FlagError) {
      ctx.err(`${e.message}\nSee '${path} --help'.\n`);
      return 125;
    }
    if (e instanceof StatusError) {
      if (e.message) ctx.err(e.message.endsWith('\n') ? e.message : e.message + '\n');
      return e.status;
    }
    if (isDockerError(e)) {
      ctx.err(`${fromDaemon(e)}\n`);
      return 1;
    }
    if (e instanceof Error && e.name === 'InvalidReferenceError') {
      ctx.err(`${e.message}\n`);
      return 1;
    }
    reportInternalError(e);
    ctx.err(`internal simulator error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
