// docker container stats / docker stats: CPU, memory, network, block I/O and PIDs per running container.
// docker/cli: cli/command/container/stats.go, formatter_stats.go (CPU %/MEM % two decimals, BytesSize memory)
import { FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { bytesSize, humanSizeWithPrecision, tabwriteText } from '../format';
import { renderFormat } from '../format/template';
import { cpuAllocation, memoryLimit, memoryUsage, pidCount, type Container, type EngineState } from '../../engine/index';

const DEFAULT = 'table {{.ID}}\t{{.Name}}\t{{.CPUPerc}}\t{{.MemUsage}}\t{{.MemPerc}}\t{{.NetIO}}\t{{.BlockIO}}\t{{.PIDs}}';
const HEADER = { Container: 'CONTAINER', ID: 'CONTAINER ID', Name: 'NAME', CPUPerc: 'CPU %', MemUsage: 'MEM USAGE / LIMIT', MemPerc: 'MEM %', NetIO: 'NET I/O', BlockIO: 'BLOCK I/O', PIDs: 'PIDS' };

function row(s: EngineState, c: Container, cpu: Record<string, number>, noTrunc: boolean) {
  const live = c.state.status === 'running' || c.state.status === 'paused';
  const used = memoryUsage(c);
  const limit = memoryLimit(c);
  const up = live ? Math.max(0, (s.clock - c.state.startedAt) / 1000) : 0;
  // a container on a bridge hears some broadcast traffic (ARP, IPv6 router solicitations)
  const rx = live && Object.keys(c.endpoints).some((n) => n !== 'host' && n !== 'none') ? Math.min(Math.floor(up / 3), 12) * 78 + 866 : 0;
  return {
    Container: c.id.slice(0, 12),
    ID: noTrunc ? c.id : c.id.slice(0, 12),
    Name: c.name,
    CPUPerc: `${((cpu[c.id] ?? 0) * 100).toFixed(2)}%`,
    MemUsage: live ? `${bytesSize(used)} / ${bytesSize(limit)}` : '0B / 0B',
    MemPerc: `${live ? ((used / limit) * 100).toFixed(2) : '0.00'}%`,
    NetIO: `${humanSizeWithPrecision(rx, 3)} / 0B`,
    BlockIO: '0B / 0B',
    PIDs: String(pidCount(c, s.clock)),
  };
}

export default defineCommand({
  name: 'stats',
  use: 'stats [OPTIONS] [CONTAINER...]',
  aliasPaths: ['docker container stats', 'docker stats'],
  short: 'Display a live stream of container(s) resource usage statistics',
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  flags: [
    { name: 'all', short: 'a', type: 'bool', usage: 'Show all containers (default shows just running)' },
    FORMAT_FLAG,
    { name: 'no-stream', type: 'bool', usage: 'Disable streaming stats and only pull the first result' },
    { name: 'no-trunc', type: 'bool', usage: "Don't truncate output" },
  ],
  async run(ctx, refs, f) {
    const { all, noTrunc } = f;
    const frame = () => {
      const s = ctx.engine.state;
      const list = refs.length ? refs.map((r) => ctx.engine.container.get(r)) : ctx.engine.container.list(all);
      const cpu = cpuAllocation(s);
      const items = list.map((c) => row(s, c, cpu, noTrunc));
      try {
        const text = renderFormat(f.format || DEFAULT, items, { defaultTableFormat: DEFAULT, header: HEADER });
        return f.format ? text : tabwriteText(text.replace(/\n$/, '')) + '\n';
      } catch (e) {
        throw new StatusError((e as Error).message, 1);
      }
    };
    ctx.out(frame());
    // the live view redraws every second (clear screen, cursor home) until Ctrl+C
    if (!f.noStream) await ctx.follow(() => ctx.out('\x1b[2J\x1b[H' + frame()));
  },
});
