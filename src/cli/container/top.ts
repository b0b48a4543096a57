// docker container top / docker top: the container's processes as the host's `ps -ef` sees them.
// docker/cli: cli/command/container/top.go (tabwriter minwidth 20, padding 3)
import { defineCommand, type CliContext } from '../command';
import { tabwrite } from '../format';
import { cpuAllocation, DockerError, liveExecs, type Container } from '../../engine/index';
import { hostPid, processList } from './top-procs';

/** The daemon's top answer for a running container: ps -ef titles and one row per process. */
export function topRows(ctx: CliContext, c: Container): string[][] {
  const s = ctx.engine.state;
  const stime = new Date(c.state.startedAt).toISOString().slice(11, 16);
  const up = (s.clock - c.state.startedAt) / 1000;
  const share = cpuAllocation(s)[c.id] ?? 0;
  const cpuTime = (sec: number) => {
    const t = Math.floor(sec);
    return `${String(Math.floor(t / 3600)).padStart(2, '0')}:${String(Math.floor(t / 60) % 60).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
  };
  const rows = processList(c).map((p) => [p.user, String(hostPid(c, p.pid)), String(hostPid(c, p.ppid)), String(Math.round(share * 100 * p.cpu)), stime, p.tty ? 'pts/0' : '?', cpuTime(up * share * p.cpu), p.cmd]);
  // exec processes still running (a `docker exec -d` until its command ends) are the shim's children too
  const execs = Object.values(liveExecs(s, c)).map((e, i) => [c.config.User || 'root', String(hostPid(c, 100 + i)), String(hostPid(c, 0)), '0', new Date(e.started).toISOString().slice(11, 16), '?', '00:00:00', e.argv.join(' ')]);
  return [...rows, ...execs];
}

export const TOP_TITLES = ['UID', 'PID', 'PPID', 'C', 'STIME', 'TTY', 'TIME', 'CMD'];

export default defineCommand({
  name: 'top',
  use: 'top CONTAINER [ps OPTIONS]',
  aliasPaths: ['docker container top', 'docker top'],
  short: 'Display the running processes of a container',
  completeArgs: ['containers', 'none'],
  topLevel: { group: 'commands' },
  args: { min: 1 },
  interspersed: false,
  async run(ctx, [ref]) {
    const c: Container = ctx.engine.container.get(ref);
    if (c.state.status !== 'running' && c.state.status !== 'paused') throw new DockerError('Conflict', `container ${c.id} is not running`);
    const rows = topRows(ctx, c);
    ctx.out(tabwrite([TOP_TITLES, ...rows], { minwidth: 20 }));
  },
});
