// docker build / docker image build / docker buildx build: send the context, drive the builder, print BuildKit or classic output.
// docker/cli: cli/command/image/build.go, cmd/docker/builder.go; docker/buildx: commands/build.go
import { fromDaemon } from '../daemon-error';
import { checkPlatform } from '../opts/platform';
import { defineCommand, StatusError, type CliContext } from '../command';
import { refuseValue, type Options } from '../flags';
import { parseRef, type BuildJob, type BuildOptions } from '../../engine/index';
import { humanSize } from '../format';
import { prepareInput } from './build-context';
import { plainProgress, ttyFrame } from './build-progress';
import { errorLogs, sourceExcerpt, warningsText } from './build-errors';
import { BUILD_FLAGS } from './build-flags';
import { dict, own } from '../../engine/index';
import { withImageData } from '../image-data';

const DEPRECATED = 'DEPRECATED: The legacy builder is deprecated and will be removed in a future release.\n            BuildKit is currently disabled; enable it by removing the DOCKER_BUILDKIT=0\n            environment-variable.\n\n';

/** DOCKER_BUILDKIT parsed like strconv.ParseBool; unset means BuildKit. */
function classicMode(ctx: CliContext, path: string): boolean {
  if (path.startsWith('docker buildx')) return false;
  const v = ctx.env.DOCKER_BUILDKIT;
  return v !== undefined && ['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(v);
}

/** Run the job to its end, handing each pending RUN to the runtime; classic output streams as it comes. */
async function drive(ctx: CliContext, opts: BuildOptions, quiet: boolean): Promise<BuildJob> {
  const io = { context: opts.context, archives: opts.archives };
  let job = await withImageData(() => ctx.engine.build.start(opts));
  let printed = 0;
  const flush = () => {
    if (job.classic && !quiet) ctx.out(job.out.slice(printed));
    printed = job.out.length;
  };
  flush();
  while (job.pending) {
    const p = job.pending;
    const r = await ctx.runtime.runBuild({ upper: {}, lower: ctx.engine.build.stack(p.diffIds), env: p.env, workdir: p.workdir, hostname: p.hostname, user: p.user, startedAt: p.startedAt }, p.argv);
    const prev = job;
    job = await withImageData(() => ctx.engine.build.continue(prev, io, { output: r.output, exitCode: r.exitCode, elapsed: r.elapsed, upper: r.upper }));
    flush();
  }
  return job;
}

async function run(ctx: CliContext, args: string[], f: Options<typeof BUILD_FLAGS>, path: string): Promise<number> {
  const classic = classicMode(ctx, path);
  checkPlatform(f.platform);
  // the docker driver's defaults are all the simulator does: its one builder, loading the result into the image store
  // (--load asks for that again), and removing each step's container (--rm, --force-rm)
  if (!f.rm) throw refuseValue('rm', 'false', 'it keeps no intermediate containers');
  void f.load;
  void f.forceRm;
  if (f.builder !== 'default') throw new StatusError(`ERROR: no builder ${JSON.stringify(f.builder)} found`, 1);
  if (args.length !== 1) {
    const p = classic ? path : 'docker buildx build';
    throw new StatusError(`${classic ? '' : 'ERROR: '}"${p}" requires exactly 1 argument.\nSee '${p} --help'.\n\nUsage:  ${p} [OPTIONS] PATH | URL | -\n\n${classic ? 'Build an image from a Dockerfile' : 'Start a build'}`, 1);
  }
  const quiet = f.quiet;
  const fail = (msg: string) => new StatusError(classic ? msg : `ERROR: ${msg}`, 1);
  for (const t of f.tag) {
    try {
      parseRef(t);
    } catch (e) {
      throw classic ? new StatusError(`invalid argument "${t}" for "-t, --tag" flag: ${(e as Error).message}\nSee '${path} --help'.`, 125) : fail(`invalid tag ${JSON.stringify(t)}: ${(e as Error).message}`);
    }
  }
  if (classic) ctx.err(DEPRECATED);
  const input = await prepareInput(ctx, args[0], f.file, classic);
  if (typeof input === 'string') throw fail(input);
  const { dockerfile, dfName, data, dir } = input;
  if (classic && !quiet) ctx.out(`Sending build context to Docker daemon  ${humanSize(data.tarSize).padStart(7)}\n`);
  const buildArgs: Record<string, string> = dict();
  for (const a of f.buildArg) {
    const eq = a.indexOf('=');
    if (eq >= 0) buildArgs[a.slice(0, eq)] = a.slice(eq + 1);
    else if (own(ctx.env, a) !== undefined) buildArgs[a] = ctx.env[a];
  }
  const labels: Record<string, string> = dict();
  for (const l of f.label) labels[l.split('=')[0]] = l.includes('=') ? l.slice(l.indexOf('=') + 1) : '';
  const opts: BuildOptions = {
    dockerfile: dockerfile ?? '', dockerfileName: dfName, context: data.files, archives: data.archives, dockerignore: data.ignoreSize,
    buildArgs, target: f.target, noCache: f.noCache, pull: f.pull, tags: f.tag, labels, classic, contextKey: dir || '-',
  };
  if (dockerfile === null) return missingDockerfile(ctx, opts, quiet, f);
  const job = await drive(ctx, opts, quiet);
  if (classic) return finishClassic(ctx, job, quiet);
  const progress = f.progress;
  if (!quiet && progress !== 'quiet') ctx.err(progress === 'plain' ? plainProgress(job) : ttyFrame(job, width(ctx)));
  if (!quiet && progress !== 'quiet') ctx.err(errorLogs(job) + warningsText(job.warnings));
  if (job.error) {
    const e = job.error;
    ctx.err((e.line ? sourceExcerpt(job.dockerfileName, job.source, e.line, e.endLine) : '') + `ERROR: failed to solve: ${e.message}\n`);
    return 1;
  }
  if (quiet) ctx.out(job.imageId + '\n');
  if (f.iidfile) await ctx.host.writeFile(f.iidfile, job.imageId);
  return 0;
}

function finishClassic(ctx: CliContext, job: BuildJob, quiet: boolean): number {
  if (job.error) {
    ctx.err(`${job.error.api ? fromDaemon(job.error) : job.error.message}\n`);
    return job.error.exitCode;
  }
  if (quiet) ctx.out(job.imageId + '\n');
  return 0;
}

/** BuildKit reads the Dockerfile in the build: the definition step runs, then `failed to read dockerfile`. */
function missingDockerfile(ctx: CliContext, opts: BuildOptions, quiet: boolean, f: Options<typeof BUILD_FLAGS>): number {
  const job = ctx.engine.build.start({ ...opts, dockerfile: '' });
  job.vertices = job.vertices.slice(0, 1);
  job.vertices[0].statuses[0].current = 2;
  if (!quiet) ctx.err(f.progress === 'plain' ? plainProgress(job) : ttyFrame(job, width(ctx)));
  ctx.err(`ERROR: failed to solve: failed to read dockerfile: open ${opts.dockerfileName}: no such file or directory\n`);
  return 1;
}

/** The terminal's width (COLUMNS when the terminal says; 80 otherwise, like a console that reports no size). */
function width(ctx: CliContext): number {
  if (ctx.terminalWidth && ctx.terminalWidth > 20) return ctx.terminalWidth;
  const n = parseInt(ctx.env.COLUMNS ?? '', 10);
  return Number.isFinite(n) && n > 20 ? n : 80;
}

export default defineCommand({
  name: 'build',
  use: 'build [OPTIONS] PATH | URL | -',
  aliasPaths: ['docker image build', 'docker build', 'docker builder build'],
  short: 'Build an image from a Dockerfile',
  completeArgs: ['files'],
  topLevel: { group: 'common' },
  flags: BUILD_FLAGS,
  run,
});
