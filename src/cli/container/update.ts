// docker container update / docker update: change a container's resource limits and restart policy.
// docker/cli: cli/command/container/update.go (v27); daemon side: engine/container/update.ts
import { defineCommand, StatusError } from '../command';
import { isDockerError, type UpdateOptions } from '../../engine/index';
import { FlagError } from '../flags';
import { nanoCpus } from '../opts/cpus';
import { parseRestartPolicy } from '../opts/restart';
import { parseBytes } from '../opts/bytes';

export default defineCommand({
  name: 'update',
  use: 'update [OPTIONS] CONTAINER [CONTAINER...]',
  aliasPaths: ['docker container update', 'docker update'],
  short: 'Update configuration of one or more containers',
  args: { min: 1 },
  completeArgs: ['containers'],
  topLevel: { group: 'commands' },
  flags: [
    { name: 'blkio-weight', type: 'uint', valueName: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
    { name: 'cpu-period', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) period' },
    { name: 'cpu-quota', type: 'int', usage: 'Limit CPU CFS (Completely Fair Scheduler) quota' },
    { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
    { name: 'cpus', type: 'string', valueName: 'decimal', usage: 'Number of CPUs' },
    { name: 'cpuset-cpus', type: 'string', usage: 'CPUs in which to allow execution (0-3, 0,1)' },
    { name: 'memory', short: 'm', type: 'string', valueName: 'bytes', usage: 'Memory limit' },
    { name: 'memory-reservation', type: 'string', valueName: 'bytes', usage: 'Memory soft limit' },
    { name: 'memory-swap', type: 'string', valueName: 'bytes', usage: "Swap limit equal to memory plus swap: -1 to enable unlimited swap" },
    { name: 'pids-limit', type: 'int', usage: 'Tune container pids limit (set -1 for unlimited)' },
    { name: 'restart', type: 'string', usage: 'Restart policy to apply when a container exits' },
  ],
  async run(ctx, refs, f) {
    // opts.MemBytes / MemSwapBytes: go-units RAMInBytes, "-1" for unlimited swap
    const bytes = (flag: 'memory' | 'memory-reservation' | 'memory-swap', raw: string): number => {
      if (!f.changed(flag)) return 0;
      if (flag === 'memory-swap' && raw === '-1') return -1;
      const n = parseBytes(raw);
      if (n === null) throw new FlagError(`invalid argument "${raw}" for "${flag === 'memory' ? '-m, --memory' : '--' + flag}" flag: invalid size: '${raw}'`);
      return n;
    };
    const opts: UpdateOptions = {
      BlkioWeight: f.blkioWeight,
      CpuShares: f.cpuShares,
      NanoCpus: f.changed('cpus') ? nanoCpus(f.cpus) : 0,
      CpuPeriod: f.cpuPeriod,
      CpuQuota: f.cpuQuota,
      CpusetCpus: f.cpusetCpus,
      Memory: bytes('memory', f.memory),
      MemoryReservation: bytes('memory-reservation', f.memoryReservation),
      MemorySwap: bytes('memory-swap', f.memorySwap),
      ...(f.pidsLimit !== 0 ? { PidsLimit: f.pidsLimit } : {}),
    };
    const changed = (['blkio-weight', 'cpu-period', 'cpu-quota', 'cpu-shares', 'cpus', 'cpuset-cpus', 'memory', 'memory-reservation', 'memory-swap', 'pids-limit', 'restart'] as const).some((n) => f.changed(n));
    if (!changed) throw new StatusError('you must provide one or more flags when using this command', 1);
    if (f.restart !== '') {
      try {
        opts.RestartPolicy = parseRestartPolicy(f.restart);
      } catch (e) {
        throw new StatusError((e as Error).message, 1);
      }
    }
    const errs: string[] = [];
    const warns: string[] = [];
    for (const ref of refs) {
      try {
        warns.push(...ctx.engine.container.update(ref, opts).warnings);
        ctx.out(ref + '\n');
      } catch (e) {
        if (!isDockerError(e)) throw e;
        errs.push(`Error response from daemon: ${e.message}`);
      }
    }
    if (warns.length) ctx.out(warns.join('\n') + '\n');
    if (errs.length) throw new StatusError(errs.join('\n'), 1);
    return 0;
  },
});
