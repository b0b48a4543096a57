// docker network inspect: networks as an indented JSON array, or through a -f template.
// docker/cli: cli/command/network/inspect.go
import { fromDaemon } from '../daemon-error';
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { typedNetworkJSON } from '../inspect-schema';
import { defineCommand } from '../command';
import { isDockerError } from '../../engine/index';
import { inspectAll } from '../inspect';
import { networkJSON } from './inspect-json';

/** The typed network.Inspect a template sees first: each IPAM config has its Subnet, IPRange and Gateway fields even
 *  when the JSON leaves them out (api/types/network/ipam.go IPAMConfig, omitempty strings), Created is a time.Time. */
export function typedNetwork(raw: Record<string, unknown>): unknown {
  return typedNetworkJSON(raw);
}

export default defineCommand({
  name: 'inspect',
  use: 'inspect [OPTIONS] NETWORK [NETWORK...]',
  short: 'Display detailed information on one or more networks',
  completeArgs: ['networks'],
  inspectObject: { type: 'network', get: (ctx, ref) => networkJSON(ctx.engine.state, ctx.engine.network.get(ref)) },
  args: { min: 1 },
  flags: [
    INSPECT_FORMAT_FLAG,
    { name: 'verbose', unsupported: true, short: 'v', type: 'bool', usage: 'Verbose output for diagnostics' },
  ],
  async run(ctx, refs, f) {
    return inspectAll(ctx, refs, f.format, (ref) => {
      try {
        return networkJSON(ctx.engine.state, ctx.engine.network.get(ref));
      } catch (e) {
        if (isDockerError(e)) throw new Error(fromDaemon(e));
        throw e;
      }
    }, typedNetwork);
  },
});
