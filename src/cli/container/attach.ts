// docker container attach / docker attach: connect the terminal to a container's main process.
// docker/cli: cli/command/container/attach.go
import { defineCommand, StatusError } from '../command';
import { visibleLogs, containerById } from '../../engine/index';

export default defineCommand({
  name: 'attach',
  use: 'attach [OPTIONS] CONTAINER',
  aliasPaths: ['docker container attach', 'docker attach'],
  short: 'Attach local standard input, output, and error streams to a running container',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 1 },
  flags: [
    { name: 'detach-keys', unsupported: true, type: 'string', usage: 'Override the key sequence for detaching a container' },
    { name: 'no-stdin', unsupported: true, type: 'bool', usage: 'Do not attach STDIN' },
    { name: 'sig-proxy', type: 'bool', usage: 'Proxy all received signals to the process', default: true },
  ],
  async run(ctx, [ref], f) {
    const sigProxy = f.sigProxy;
    const c = ctx.engine.container.get(ref);
    if (c.state.status === 'paused') throw new StatusError('You cannot attach to a paused container, unpause it first', 1);
    if (c.state.status === 'restarting') throw new StatusError('You cannot attach to a restarting container, wait until it is running', 1);
    if (c.state.status !== 'running') throw new StatusError('You cannot attach to a stopped container, start it first', 1);
    if (ctx.runtime.attach(c.id)) return 0;
    // a non-interactive process: follow its output until it exits or the user presses Ctrl+C
    const seen = visibleLogs(ctx.engine.state, c).length;
    await ctx.interrupted();
    const now = containerById(ctx.engine.state, c.id);
    if (now) for (const l of visibleLogs(ctx.engine.state, now).slice(seen)) (l.stream === 'stderr' ? ctx.err : ctx.out)(l.text);
    try {
      if (sigProxy) ctx.engine.container.kill(c.id, 'SIGINT'); // Ctrl+C is forwarded; without sig-proxy it only detaches
    } catch {
      /* it already exited */
    }
    return containerById(ctx.engine.state, c.id)?.state.status === 'running' ? 0 : (containerById(ctx.engine.state, c.id)?.state.exitCode ?? 0);
  },
});
