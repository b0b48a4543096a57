// docker compose logs, and the attached output of `up`: each line prefixed with its container, one colour each.
// docker/compose: cmd/compose/logs.go, cmd/formatter/logs.go (logConsumer), cmd/formatter/colors.go (rainbow)
import { rfc3339Nano, nanosOf } from '../format';
import { visibleLogs, type Container, type LogEntry, containerById } from '../../engine/index';
import { defineCommand } from '../command';
import { parseTimeArg } from '../container/logs';
import type { ComposeContext } from './load';
import { namedProject } from './load';
import { LABEL } from './model';
import { projectContainers } from './containers';
import { report } from './progress';

const RAINBOW = ['36', '33', '32', '35', '34', '36;1', '33;1', '32;1', '35;1', '34;1'];
const RESET_LINE = '\r\x1b[K';

/** compose getContainerNameWithoutProject: `web-1`, or a custom container_name as it is. */
export function shortName(c: Container): string {
  const l = c.config.Labels ?? {};
  const project = l[LABEL.project] ?? '';
  const dflt = `${project}-${l[LABEL.service]}-${l[LABEL.number]}`;
  return c.name === dflt ? c.name.slice(project.length + 1) : c.name;
}

interface LogOptions {
  color: boolean;
  prefix: boolean;
  timestamps: boolean;
  /** `up` attached: say what it attaches to, report exits, stop everything on Ctrl+C. */
  attach: boolean;
  tail?: string;
  follow?: boolean;
  until?: number;
}

type Painter = (s: string) => string;

function painters(list: Container[], color: boolean): Map<string, Painter> {
  const out = new Map<string, Painter>();
  list.forEach((c, i) => {
    const code = RAINBOW[i % RAINBOW.length];
    out.set(c.id, color ? (s) => `\x1b[${code}m${s}\x1b[0m` : (s) => s);
  });
  return out;
}

/** Print the containers' log lines since `from`, then follow them (until Ctrl+C, or until every one has exited). */
export async function followLogs(ctx: ComposeContext, list: Container[], o: LogOptions, from = 0): Promise<void> {
  const sorted = [...list].sort((a, b) => (a.name < b.name ? -1 : 1));
  const paint = painters(sorted, o.color);
  const width = Math.max(0, ...sorted.map((c) => shortName(c).length)) + 1;
  const prefixOf = (c: Container) => (o.prefix ? paint.get(c.id)!(`${shortName(c).padEnd(width)} | `) : '');
  if (o.attach) ctx.out(`Attaching to ${sorted.map(shortName).join(', ')}\n`);
  const shown = new Map<string, number>();
  const exited = new Set<string>();
  const current = (c: Container) => containerById(ctx.engine.state, c.id) ?? ctx.engine.container.removed(c.id);
  const linesOf = (c: Container): LogEntry[] => {
    const now = current(c);
    if (!now) return [];
    let logs = visibleLogs(ctx.engine.state, now).filter((l) => l.time >= from && (o.until === undefined || l.time <= o.until));
    if (o.tail && o.tail !== 'all' && /^\d+$/.test(o.tail) && !shown.has(c.id)) logs = Number(o.tail) === 0 ? [] : logs.slice(-Number(o.tail));
    return logs;
  };
  const flush = () => {
    const batch: { c: Container; l: LogEntry; i: number }[] = [];
    for (const c of sorted) {
      const logs = linesOf(c);
      const start = shown.get(c.id) ?? 0;
      logs.slice(start).forEach((l, i) => batch.push({ c, l, i: start + i }));
      shown.set(c.id, logs.length);
    }
    batch.sort((a, b) => a.l.time - b.l.time || a.i - b.i);
    for (const { c, l } of batch) {
      const ts = o.timestamps ? `${rfc3339Nano(l.time, { nanos: nanosOf(l.time) })} ` : '';
      for (const line of l.text.replace(/\r?\n$/, '').split(/\r?\n/)) ctx.out(`${prefixOf(c)}${ts}${line}\n`);
    }
    if (!o.attach) return;
    for (const c of sorted) {
      const now = current(c);
      if (!now || exited.has(c.id) || now.state.status === 'running' || now.state.status === 'restarting') continue;
      exited.add(c.id);
      ctx.out(paint.get(c.id)!(`${RESET_LINE}${shortName(c)} exited with code ${now.state.exitCode}\n`));
    }
  };
  // processes that end by themselves are run to their end first, as the user would wait for them
  const ends = sorted.map((c) => current(c)?.process?.exitAt).filter((t): t is number => typeof t === 'number');
  const forever = sorted.some((c) => current(c)?.state.status === 'running' && current(c)?.process?.exitAt == null);
  if (o.attach && !forever && ends.length) ctx.engine.advance(Math.max(0, Math.max(...ends) - ctx.engine.now()));
  flush();
  const running = () => sorted.some((c) => current(c)?.state.status === 'running');
  if (!(o.attach || o.follow) || !running()) return;
  await ctx.follow(flush);
  flush();
  if (!o.attach) return;
  ctx.out('Gracefully stopping... (press Ctrl+C again to force)\n');
  const events = sorted
    .filter((c) => current(c)?.state.status === 'running')
    .map((c) => {
      ctx.engine.container.stop(c.id);
      return { id: `Container ${c.name}`, status: 'done' as const, text: 'Stopped', seconds: 0.3 };
    });
  report(ctx, 'Stopping', events);
}

export const logs = defineCommand({
  name: 'logs',
  use: 'logs [OPTIONS] [SERVICE...]',
  short: 'View output from containers',
  flags: [
    { name: 'follow', short: 'f', type: 'bool', usage: 'Follow log output' },
    { name: 'index', type: 'int', usage: 'index of the container if service has multiple replicas' },
    { name: 'no-color', type: 'bool', usage: 'Produce monochrome output' },
    { name: 'no-log-prefix', type: 'bool', usage: "Don't print prefix in logs" },
    { name: 'since', type: 'string', usage: 'Show logs since timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
    { name: 'tail', short: 'n', type: 'string', usage: 'Number of lines to show from the end of the logs for each container', default: 'all' },
    { name: 'timestamps', short: 't', type: 'bool', usage: 'Show timestamps' },
    { name: 'until', type: 'string', usage: 'Show logs before a timestamp (e.g. 2013-01-02T13:23:37Z) or relative (e.g. 42m for 42 minutes)' },
  ],
  async run(ctx, args, f) {
    const { c, project } = await namedProject(ctx, args);
    let list = projectContainers(ctx.engine, project.name, { services: args });
    if (f.index) list = list.filter((x) => x.config.Labels?.[LABEL.number] === String(f.index));
    const now = ctx.engine.now();
    const from = f.since ? parseTimeArg(f.since, now, '--since') : 0;
    const until = f.until ? parseTimeArg(f.until, now, '--until') : undefined;
    await followLogs(c, list, { color: !f.noColor, prefix: !f.noLogPrefix, timestamps: f.timestamps, attach: false, tail: f.tail, follow: f.follow, until }, from);
    return 0;
  },
});
