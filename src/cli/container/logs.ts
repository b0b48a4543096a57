// docker container logs / docker logs: what the container's process printed (json-file log driver).
// docker/cli: cli/command/container/logs.go
import { defineCommand } from '../command';
import { visibleLogs } from '../../engine/index';
import { nanosOf, rfc3339Nano } from '../format';

export default defineCommand({
  name: 'logs',
  use: 'logs [OPTIONS] CONTAINER',
  aliasPaths: ['docker container logs', 'docker logs'],
  short: 'Fetch the logs of a container',
  args: { min: 1, max: 1 },
  flags: [
    { name: 'details', type: 'bool', usage: 'Show extra details provided to logs' },
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs', default: 'all' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. "2013-01-02T13:23:37Z") or relative (e.g. "42m" for 42 minutes)' },
  ],
  async run(ctx, [ref], f) {
    const c = ctx.engine.container.get(ref);
    let logs = visibleLogs(ctx.engine.state, c);
    const tail = f.string('tail');
    if (tail !== 'all' && /^\d+$/.test(tail)) logs = parseInt(tail, 10) === 0 ? [] : logs.slice(-parseInt(tail, 10));
    const ts = f.bool('timestamps');
    for (const l of logs) {
      const text = ts ? `${rfc3339Nano(l.time, { nanos: nanosOf(l.time) })} ${l.text}` : l.text;
      (l.stream === 'stderr' && !c.config.Tty ? ctx.err : ctx.out)(text);
    }
    if (f.bool('follow') && c.state.status === 'running') await ctx.interrupted();
  },
});
