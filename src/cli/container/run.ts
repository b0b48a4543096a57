// docker container run / docker run: create (pulling if needed), start, and attach or print the ID.
// docker/cli: cli/command/container/run.go (v27 error decoration: "docker: <msg>." + "See 'docker run --help'.")
import { fromDaemon } from '../daemon-error';
import { defineCommand, StatusError, type CliContext } from '../command';
import { FlagError, type Options } from '../flags';
import { isDockerError, parseRef, visibleLogs, containerById } from '../../engine/index';
import { CONTAINER_FLAGS, createOptions } from './create-flags';
import { OptError } from './net-flags';
import { prepared, resolveBindSources } from './mount-flags';
import { pullWithProgress } from '../image/pull';
import { withImageData } from '../image-data';
import { execHostNodes } from './host-nodes';
import { own } from '../../engine/index';

/** v≤27 decoration: strip one trailing '.', add one; optionally the help hint. */
export function decorate(msg: string, path: string, help: boolean, code = 125): StatusError {
  const m = msg.endsWith('.') ? msg.slice(0, -1) : msg;
  return new StatusError(`docker: ${m}.` + (help ? `\nSee '${path} --help'.` : ''), code);
}

const daemonMsg = (e: unknown) => (isDockerError(e) ? fromDaemon(e) : e instanceof Error ? e.message : String(e));

/**
 * Create a container, pulling the image first when it is missing (`Unable to find image … locally`).
 * `docker run` decorates daemon errors (`docker: …` + help hint, exit 125); `docker create` (v≤27) prints them plain, exit 1.
 */
export async function createWithPull(ctx: CliContext, image: string, cmd: string[], f: Options<typeof CONTAINER_FLAGS>, attach: boolean, path: string, started?: { program?: string }): Promise<string> {
  const forRun = path.endsWith(' run');
  const quiet = f.quiet; // only a pull prints anything to quiet
  const daemonFail = (e: unknown) => (!forRun && isDockerError(e) ? new StatusError(daemonMsg(e), 1) : decorate(daemonMsg(e), path, true));
  let ref;
  try {
    ref = parseRef(image);
  } catch (e) {
    throw decorate((e as Error).message, path, true);
  }
  let opts;
  try {
    opts = createOptions(image, cmd, f, attach);
  } catch (e) {
    if (e instanceof OptError) throw decorate(e.message, path, true); // -p/--expose parse errors
    throw e;
  }
  await resolveBindSources(ctx, opts); // ./dir sources, what the host has at each bind source
  // --env-file lines come first, -e values override them; a bare NAME takes the client's environment
  const fromFiles: string[] = [];
  for (const file of f.envFile) {
    // opts.ParseEnvFile: os.Open succeeds on a directory, the scanner's read does not
    if ((await ctx.host.stat(file))?.type === 'dir') throw decorate(`read ${file}: is a directory`, path, true);
    const text = await ctx.host.readFile(file);
    if (text === null) throw decorate(`open ${file}: no such file or directory`, path, true);
    for (const line of text.split('\n')) {
      const t = line.replace(/^\s+/, '');
      if (t && !t.startsWith('#')) fromFiles.push(t);
    }
  }
  opts.env = [...fromFiles, ...(opts.env ?? [])].flatMap((e) => (e.includes('=') ? [e] : own(ctx.env, e) !== undefined ? [`${e}=${ctx.env[e]}`] : []));
  const pullMode = f.pull;
  if (!['always', 'missing', 'never'].includes(pullMode)) throw decorate(`invalid pull option: '${pullMode}': must be one of "always", "missing" or "never"`, path, true);
  try {
    if (pullMode === 'always') await pullWithProgress(ctx, image, ctx.err, quiet);
    // docker run: create and start in one engine command when they can be (no bind mount, nothing fails)
    const both = started ? await withImageData(() => ctx.engine.container.createAndStart(opts)) : null; // (the program's code may load first)
    if (both && started) {
      started.program = both.program;
      return warned(ctx, both);
    }
    return await prepared(ctx, warned(ctx, ctx.engine.container.create(opts))); // + missing -v bind sources
  } catch (e) {
    if (!(isDockerError(e) && e.code === 'no-such-image') || pullMode === 'never') throw daemonFail(e);
  }
  if (!quiet) ctx.err(`Unable to find image '${ref.familiarTagged}' locally\n`);
  try {
    await pullWithProgress(ctx, image, ctx.err, quiet);
    return await prepared(ctx, warned(ctx, ctx.engine.container.create(opts)));
  } catch (e) {
    throw daemonFail(e);
  }
}

/** The daemon's create warnings go to stderr (`WARNING: Published ports are discarded when using host network mode`). */
function warned(ctx: CliContext, r: { id: string; warnings: string[] }): string {
  for (const w of r.warnings) ctx.err(`WARNING: ${w}\n`);
  return r.id;
}

/** Exit status for a start failure (runStartContainerErr): 127 not found, 126 permission denied. */
function startErrorCode(msg: string): number {
  if (msg.includes('executable file not found') || msg.includes('no such file or directory')) return 127;
  if (msg.includes('permission denied') || msg.includes('is a directory')) return 126;
  return 125;
}

/** Start a container and, when attached, stream its output until it exits (or the user interrupts: with sigProxy, Ctrl+C is sent on as SIGINT). */
export async function startAndAttach(ctx: CliContext, id: string, attach: boolean, path: string, how: 'run' | 'start' = 'run', sigProxy = true, streams?: Set<string>, startedAs?: string): Promise<number> {
  let program: string;
  try {
    // (startedAs: createWithPull already started it, in the command that created it)
    const host = startedAs ? undefined : await execHostNodes(ctx, id); // runc stats a bind-mounted executable on the host
    program = startedAs ?? (await withImageData(() => ctx.engine.container.start(id, host))).program;
  } catch (e) {
    if (isDockerError(e) && containerById(ctx.engine.state, id)) ctx.engine.container.recordStartError(id, e.message);
    // moby containerStart: a start that fails removes an AutoRemove (--rm) container (force, with its anonymous volumes)
    if (containerById(ctx.engine.state, id)?.hostConfig.AutoRemove) ctx.engine.container.remove(id, true, true);
    if (how === 'start') throw e; // `docker start -a` returns the daemon's error as it is: "Error response from daemon: …", exit 1
    const msg = daemonMsg(e);
    throw decorate(msg, path, false, startErrorCode(msg));
  }
  const get = () => containerById(ctx.engine.state, id) ?? ctx.engine.container.removed(id);
  const from = get()?.state.startedAt ?? ctx.engine.now();
  if (program === 'runtime') await ctx.runtime.runMain(id, { attached: attach, stdin: attach && containerById(ctx.engine.state, id)?.config.OpenStdin ? ctx.stdin : undefined });
  if (!attach) return 0;
  let c = get();
  if (c?.state.status === 'running' && c.process?.exitAt != null) {
    ctx.engine.advance(c.process.exitAt - ctx.engine.now()); // the user waits for it to finish
  }
  const tty = get()?.config.Tty ?? false;
  let printed = 0;
  const flush = () => {
    const cur = get();
    const logs = cur ? visibleLogs(ctx.engine.state, cur).filter((l) => l.time >= from) : [];
    for (const l of logs.slice(printed)) if (tty || !streams || streams.has(l.stream)) (l.stream === 'stderr' && !tty ? ctx.err : ctx.out)(tty ? l.text.replace(/\n/g, '\r\n').replace(/\r\r\n/g, '\r\n') : l.text);
    printed = logs.length;
    return cur;
  };
  c = flush();
  // an interactive shell or prompt: the terminal now talks to it (the session opens the container's prompt), after
  // what it printed first (Python's banner)
  if (c?.process?.program === 'interactive' && c.config.OpenStdin) return 0;
  // --rm containers are gone once they exit: remember the exit code from the last state we saw
  let exitCode = c?.state.exitCode ?? 0;
  if (c && c.state.status === 'running') {
    await ctx.follow(() => void flush()); // a server attached to the terminal keeps printing until Ctrl+C
    try {
      if (sigProxy) ctx.engine.container.kill(id, 'SIGINT'); // sig-proxy forwards Ctrl+C; without it the client only detaches
    } catch {
      /* already gone */
    }
    c = flush();
    if (c?.state.status === 'running') return 0;
    exitCode = c?.state.exitCode ?? 0;
  }
  return exitCode;
}

export default defineCommand({
  name: 'run',
  use: 'run [OPTIONS] IMAGE [COMMAND] [ARG...]',
  aliasPaths: ['docker container run', 'docker run'],
  short: 'Create and run a new container from an image',
  completeArgs: ['images', 'none'],
  topLevel: { group: 'common' },
  args: { min: 1 },
  interspersed: false,
  flags: [...CONTAINER_FLAGS, { name: 'detach', short: 'd', type: 'bool', usage: 'Run container in background and print container ID' }, { name: 'sig-proxy', type: 'bool', usage: 'Proxy received signals to the process', default: true }],
  async run(ctx, [image, ...cmd], f, path) {
    const { detach, sigProxy } = f;
    // -a: only the named streams reach the terminal (opts.go validateAttach: stdin, stdout, stderr in any case)
    const streams = f.attach.length ? new Set(f.attach.map((a) => a.toLowerCase())) : undefined;
    for (const a of streams ?? []) if (!['stdin', 'stdout', 'stderr'].includes(a)) throw new FlagError(`invalid argument "${f.attach.find((x) => x.toLowerCase() === a)}" for "-a, --attach" flag: valid streams are STDIN, STDOUT and STDERR`);
    // run.go:121-128 (v27.5.1): checked before anything is created
    if (detach && f.attach.length) throw new StatusError('Conflicting options: -a and -d', 1);
    if (!detach && f.interactive && f.tty && ctx.inIsTerminal === false) throw new StatusError('the input device is not a TTY', 1);
    const started: { program?: string } = {};
    const id = await createWithPull(ctx, image, cmd, f, !detach, path, started);
    if (detach) {
      ctx.out(id + '\n');
      await startAndAttach(ctx, id, false, path, 'run', true, undefined, started.program);
      return 0;
    }
    return startAndAttach(ctx, id, true, path, 'run', sigProxy, streams, started.program);
  },
});
