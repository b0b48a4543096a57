// docker network connect: attach a container to a network (it gets the next ethN when running); prints nothing.
// docker/cli: cli/command/network/connect.go
import { defineCommand } from '../command';

export default defineCommand({
  name: 'connect',
  use: 'connect [OPTIONS] NETWORK CONTAINER',
  short: 'Connect a container to a network',
  completeArgs: ['networks', 'containers'],
  args: { min: 2, max: 2 },
  flags: [
    { name: 'alias', type: 'stringSlice', usage: 'Add network-scoped alias for the container' },
    { name: 'driver-opt', unsupported: true, type: 'stringSlice', usage: 'driver options for the network' },
    { name: 'ip', type: 'string', usage: 'IPv4 address (e.g., "172.30.100.104")' },
    { name: 'ip6', unsupported: true, type: 'string', usage: 'IPv6 address (e.g., "2001:db8::33")' },
    { name: 'link', unsupported: true, type: 'list', usage: 'Add link to another container' },
    { name: 'link-local-ip', unsupported: true, type: 'stringSlice', usage: 'Add a link-local address for the container' },
  ],
  async run(ctx, [net, container], f) {
    const aliases = f.alias.flatMap((a) => a.split(',')).filter(Boolean);
    ctx.engine.network.connect(net, container, { ...(f.changed('ip') ? { ip: f.ip } : {}), ...(aliases.length ? { aliases } : {}) });
  },
});
