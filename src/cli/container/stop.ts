// docker container stop / docker stop: StopSignal, then SIGKILL after the grace period.
// docker/cli: cli/command/container/stop.go
import { fromDaemon } from '../daemon-error';
import { defineCommand } from '../command';
import { isDockerError } from '../../engine/index';

export default defineCommand({
  name: 'stop',
  use: 'stop [OPTIONS] CONTAINER [CONTAINER...]',
  aliasPaths: ['docker container stop', 'docker stop'],
  short: 'Stop one or more running containers',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  flags: [
    { name: 'signal', short: 's', type: 'string', usage: 'Signal to send to the container' },
    { name: 'time', short: 't', type: 'int', usage: 'Seconds to wait before killing the container' },
  ],
  async run(ctx, args, f) {
    let failed = false;
    for (const ref of args) {
      try {
        ctx.engine.container.stop(ref, f.changed('time') ? f.time : undefined, f.signal);
      } catch (e) {
        if (!isDockerError(e)) throw e;
        if (e.kind !== 'NotModified') {
          ctx.err(`${fromDaemon(e)}\n`);
          failed = true;
          continue;
        }
      }
      ctx.out(ref + '\n');
    }
    return failed ? 1 : 0;
  },
});
