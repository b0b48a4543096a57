// docker network disconnect: detach a container from a network; prints nothing.
// docker/cli: cli/command/network/disconnect.go
import { defineCommand } from '../command';

export default defineCommand({
  name: 'disconnect',
  use: 'disconnect [OPTIONS] NETWORK CONTAINER',
  short: 'Disconnect a container from a network',
  completeArgs: ['networks', 'containers'],
  args: { min: 2, max: 2 },
  flags: [{ name: 'force', short: 'f', type: 'bool', usage: 'Force the container to disconnect from a network' }],
  async run(ctx, [net, container], f) {
    ctx.engine.network.disconnect(net, container, f.force);
  },
});
