// A service's `build:` section run through the docker build command, as Compose hands its builds to BuildKit.
import { StatusError, type CliContext } from '../command';
import { bindOptions, parseFlags } from '../flags';
import buildCommand from '../image/build';
import { BUILD_FLAGS } from '../image/build-flags';
import { imageOf } from './containers';
import { COMPOSE_VERSION, LABEL, type Project, type Service } from './model';

/** Build the service's image (`<project>-<service>` unless it names one), labelled as Compose labels it. */
export async function buildServiceImage(ctx: CliContext, project: Project, s: Service): Promise<void> {
  const b = s.build!;
  const argv = ['-t', imageOf(project, s), '--label', `${LABEL.project}=${project.name}`, '--label', `${LABEL.service}=${s.name}`, '--label', `${LABEL.version}=${COMPOSE_VERSION}`];
  if (b.dockerfile) argv.push('-f', b.dockerfile.startsWith('/') ? b.dockerfile : `${b.context}/${b.dockerfile}`);
  for (const [k, v] of b.args) argv.push('--build-arg', `${k}=${v}`);
  if (b.target) argv.push('--target', b.target);
  argv.push(b.context);
  const parsed = parseFlags(argv, BUILD_FLAGS, true);
  const code = await buildCommand.run!(ctx, parsed.args, bindOptions(BUILD_FLAGS, parsed.flags) as never, 'docker buildx build');
  if (code) throw new StatusError('', code); // the build already printed its error
}
