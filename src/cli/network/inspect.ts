// docker network inspect: networks as an indented JSON array, or through a -f template.
// docker/cli: cli/command/network/inspect.go
import { defineCommand } from '../command';
import { isDockerError } from '../../engine/index';
import { inspectAll } from '../inspect';
import { networkJSON } from './inspect-json';

export default defineCommand({
  name: 'inspect',
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  args: { min: 1 },
  flags: [
    { name: 'format', short: 'f', type: 'string', usage: "Format output using a custom template:\n'json':             Print in JSON format\n'TEMPLATE':         Print output using the given Go template.\nRefer to https://docs.docker.com/go/formatting/ for more information about formatting output with templates" },
    { name: 'verbose', short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  async run(ctx, refs, f) {
    return inspectAll(ctx, refs, f.string('format'), (ref) => {
      try {
        return networkJSON(ctx.engine.state, ctx.engine.network.get(ref));
      } catch (e) {
        if (isDockerError(e)) throw new Error(`Error response from daemon: ${e.message}`);
        throw e;
      }
    });
  },
});
