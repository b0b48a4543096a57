// docker container logs / docker logs: what the container's process printed (json-file log driver).
// docker/cli: cli/command/container/logs.go
import { defineCommand, StatusError } from '../command';
import { visibleLogs, containerById } from '../../engine/index';
import { nanosOf, rfc3339Nano } from '../format';

/** Go durations (`1h30m`, `42m`, `10s`, `1.5h`) in ms, or null. */
export function goDuration(v: string): number | null {
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(v)) return null;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
  let ms = 0;
  for (const m of v.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) ms += parseFloat(m[1]) * unit[m[2]];
  return ms;
}

/** docker's --since/--until: a relative duration back from now, a Unix timestamp, or an RFC 3339 date/time. */
export function parseTimeArg(v: string, now: number, flag: string): number {
  const d = goDuration(v);
  if (d !== null) return now - d;
  if (/^\d+(\.\d+)?$/.test(v)) return parseFloat(v) * 1000;
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(v) ? v + 'T00:00:00Z' : v);
  if (!Number.isNaN(t)) return t;
  throw new StatusError(`invalid value for "${flag.slice(2)}": failed to parse value as time or duration: "${v}"`, 1);
}

export default defineCommand({
  name: 'logs',
  use: 'logs [OPTIONS] CONTAINER',
  aliasPaths: ['docker container logs', 'docker logs'],
  short: 'Fetch the logs of a container',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
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
    // the json-file driver keeps one entry per line, so --tail counts lines
    let logs = visibleLogs(ctx.engine.state, c).flatMap((l) => l.text.split(/(?<=\n)/).map((text) => ({ ...l, text })));
    const since = f.since;
    const until = f.until;
    if (since) logs = logs.filter((l) => l.time >= parseTimeArg(since, ctx.engine.now(), '--since'));
    if (until) logs = logs.filter((l) => l.time <= parseTimeArg(until, ctx.engine.now(), '--until'));
    const tail = f.tail;
    if (tail !== 'all' && /^\d+$/.test(tail)) logs = parseInt(tail, 10) === 0 ? [] : logs.slice(-parseInt(tail, 10));
    const ts = f.timestamps;
    // write_log_stream.go:51-53 (v27.5.1): --details puts the entry's attributes (none here) and a space first
    const details = f.details ? ' ' : '';
    for (const l of logs) {
      const text = ts ? `${rfc3339Nano(l.time, { nanos: nanosOf(l.time) })} ${details}${l.text}` : details + l.text;
      (l.stream === 'stderr' && !c.config.Tty ? ctx.err : ctx.out)(text);
    }
    if (f.follow && c.state.status === 'running') {
      // print what the process writes from now on, second by second, until Ctrl+C (or until it exits)
      let shown = visibleLogs(ctx.engine.state, c).length;
      await ctx.follow(() => {
        const now = containerById(ctx.engine.state, c.id);
        if (!now) return;
        const all = visibleLogs(ctx.engine.state, now);
        for (const l of all.slice(shown)) {
          const text = ts ? `${rfc3339Nano(l.time, { nanos: nanosOf(l.time) })} ${l.text}` : l.text;
          (l.stream === 'stderr' && !now.config.Tty ? ctx.err : ctx.out)(text);
        }
        shown = all.length;
      });
    }
  },
});
