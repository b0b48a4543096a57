// docker pause/unpause/kill/restart: commands that act on each named container and echo the argument.
// docker/cli: cli/command/container/{pause,unpause,kill,restart}.go
import { fromDaemon } from '../daemon-error';
import { defineCommand, type CliContext, type CommandDef } from '../command';
import { isDockerError } from '../../engine/index';
import { withImageData } from '../image-data';
import type { FlagDef, Options } from '../flags';

type Act<F extends readonly FlagDef[]> = (ctx: CliContext, ref: string, f: Options<F>) => Promise<void> | void;

function eachContainer<const F extends readonly FlagDef[] = []>(name: string, short: string, act: Act<F>, flags?: F): CommandDef {
  return defineCommand<F>({
    name,
    use: `${name} ${flags?.length ? '[OPTIONS] ' : ''}CONTAINER [CONTAINER...]`,
    aliasPaths: [`docker container ${name}`, `docker ${name}`],
    short,
    completeArgs: ['containers'],
    topLevel: { group: 'commands' },
    args: { min: 1 },
    flags: flags ?? ([] as unknown as F),
    async run(ctx, args, f) {
      let failed = false;
      for (const ref of args) {
        try {
          await act(ctx, ref, f);
          ctx.out(ref + '\n');
        } catch (e) {
          if (!isDockerError(e)) throw e;
          ctx.err(`${fromDaemon(e)}\n`);
          failed = true;
        }
      }
      return failed ? 1 : 0;
    },
  });
}

export const pause = eachContainer('pause', 'Pause all processes within one or more containers', (ctx, ref) => ctx.engine.container.pause(ref));
export const unpause = eachContainer('unpause', 'Unpause all processes within one or more containers', (ctx, ref) => ctx.engine.container.unpause(ref));
export const kill = eachContainer('kill', 'Kill one or more running containers', (ctx, ref, f) => ctx.engine.container.kill(ref, f.signal || 'SIGKILL'), [
  { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
]);
export const restart = eachContainer(
  'restart',
  'Restart one or more containers',
  async (ctx, ref, f) => {
    const { id, program } = await withImageData(() => ctx.engine.container.restart(ref, f.changed('time') ? f.time : undefined, f.signal));
    if (program === 'runtime') await ctx.runtime.runMain(id);
  },
  [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { name: 'time', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
);
