// Resource model of the simulated host: CPU time split by cgroup shares/quotas, memory use, process counts.
import type { Container, EngineState, HostConfig } from '../state';
import { stressPlan } from './stress-plan';
import { allContainers, containerById } from '../container-table';

/** The host the daemon runs on: one vCPU and 2 GB, like the small VMs the tutorials use. */
export const HOST = { cpus: 1, memory: 2_096_087_040 } as const;

const MiB = 1024 * 1024;

/** Resident memory of a running program in bytes (vm hogs hold what they allocate, up to the limit). */
export function memoryUsage(c: Container): number {
  if (c.state.status !== 'running' && c.state.status !== 'paused') return 0;
  const prog = c.process?.program ?? '';
  const base: Record<string, number> = { nginx: 7.1 * MiB, httpd: 6.6 * MiB, 'redis-server': 3.4 * MiB, registry: 4.2 * MiB, mongod: 35.2 * MiB, interactive: 0.9 * MiB, sleep: 0.4 * MiB, script: 0.6 * MiB };
  if (prog === 'stress') {
    const p = stressPlan(c.args);
    const want = 0.7 * MiB + p.vm * p.vmBytes;
    return c.hostConfig.Memory ? Math.min(want, c.hostConfig.Memory) : want;
  }
  return base[prog] ?? 0.5 * MiB;
}

/** The memory limit `docker stats` shows: the cgroup limit, or the host's memory. */
export function memoryLimit(c: Container): number {
  return c.hostConfig.Memory || HOST.memory;
}

/** Cores a running container would use if nothing held it back. */
export function cpuDemand(c: Container): number {
  if (c.state.status !== 'running') return 0;
  const prog = c.process?.program ?? '';
  if (prog === 'stress') {
    const p = stressPlan(c.args);
    return p.cpu + p.vm + 0.1 * p.io + 0.5 * p.hdd;
  }
  if (prog === 'script') return c.process?.exitAt === null ? 0.001 : 0;
  return 0;
}

/**
 * CFS: under contention each container gets CPU in proportion to its cpu-shares (default 1024), never more
 * than it wants or its --cpus quota; what one leaves over goes to the others (water-filling).
 */
export function cpuAllocation(s: EngineState): Record<string, number> {
  // it depends on the containers only: a committed (frozen) containers map is worked out once (every file stat in a
  // container reads the cgroup files, and with them this)
  const frozen = Object.isFrozen(s.containers);
  const known = frozen ? allocations.get(s.containers) : undefined;
  if (known) return known;
  const out = allocate(s);
  if (frozen) allocations.set(s.containers, Object.freeze(out));
  return out;
}

const allocations = new WeakMap<object, Record<string, number>>();

function allocate(s: EngineState): Record<string, number> {
  const out: Record<string, number> = {};
  const live = allContainers(s).filter((c) => cpuDemand(c) > 0);
  let left = HOST.cpus;
  let active = live.map((c) => ({ id: c.id, w: c.hostConfig.CpuShares || 1024, cap: Math.min(cpuDemand(c), c.hostConfig.NanoCpus ? c.hostConfig.NanoCpus / 1e9 : Infinity, HOST.cpus) }));
  for (const c of allContainers(s)) out[c.id] = 0;
  while (active.length && left > 1e-9) {
    const total = active.reduce((n, a) => n + a.w, 0);
    const capped = active.filter((a) => (left * a.w) / total >= a.cap);
    if (!capped.length) {
      for (const a of active) out[a.id] = (left * a.w) / total;
      break;
    }
    for (const a of capped) {
      out[a.id] = a.cap;
      left -= a.cap;
    }
    active = active.filter((a) => !capped.includes(a));
  }
  return out;
}

/** Processes in the container's PID namespace (nginx: master + one worker per CPU; httpd's threads count too). */
/** A shell main process that loops around `sleep N` is, at almost any moment, waiting on that sleep: its child
 *  process (`sleep N`, as argv), or null. `ps -ef` and `docker top` list it under the shell. */
export function loopChild(c: Container): string[] | null {
  if (c.state.status !== 'running' && c.state.status !== 'paused') return null;
  if (c.process?.program !== 'runtime' && c.process?.program !== 'script') return null;
  if (c.process.exitAt !== null) return null; // a script that ends is not looping forever
  const ci = c.args.indexOf('-c');
  const script = ci >= 0 ? (c.args[ci + 1] ?? '') : '';
  if (!/\b(while|until|for)\b/.test(script)) return null;
  const m = /(?:^|[;&|\s])sleep\s+([\w.]+)/.exec(script);
  return m ? ['sleep', m[1]] : null;
}

/** The processes in a container at simulated time `now`: its main program's, plus the execs still running (a detached
 *  exec leaves the count when its command has ended). */
export function pidCount(c: Container, now: number): number {
  if (c.state.status !== 'running' && c.state.status !== 'paused') return 0;
  const prog = c.process?.program ?? '';
  if (prog === 'stress') {
    const p = stressPlan(c.args);
    return 1 + p.cpu + p.io + p.vm + p.hdd;
  }
  const n: Record<string, number> = { nginx: 1 + HOST.cpus, httpd: 82, 'redis-server': 6, registry: 7, mongod: 31 };
  const execs = (c.execIds ?? []).filter((x) => {
    const p = c.execProcs?.[x];
    return !p || p.until === null || p.until > now;
  });
  return (n[prog] ?? 1) + (loopChild(c) ? 1 : 0) + execs.length;
}

/** cgroup v2 cpu.weight from cpu-shares (runc's conversion). */
export function cpuWeight(shares: number): number {
  return shares ? 1 + Math.floor(((shares - 2) * 9999) / 262142) : 100;
}

/**
 * The container's cgroup v2 files as it sees them (cgroupns=private: its own cgroup is the root of /sys/fs/cgroup),
 * with the limits runc wrote from -m/--memory-swap/--cpus/--cpu-shares/--blkio-weight.
 */
/** Major:minor of the block devices the simulated host has (lsblk). */
const BLOCK_DEVICES: Record<string, string> = { '/dev/sda': '8:0', '/dev/sda1': '8:1', '/dev/sda15': '8:15', '/dev/sdb': '8:16', '/dev/vda': '253:0', '/dev/nvme0n1': '259:0' };

/** cgroup v2 io.max: one line per throttled device, the limits not set are "max" (runc's blkio translation). */
function ioMax(h: HostConfig): string {
  const lines = new Map<string, Record<string, string>>();
  const add = (list: { Path: string; Rate: number }[] | undefined, key: string) => {
    for (const t of list ?? []) {
      const dev = BLOCK_DEVICES[t.Path];
      if (!dev) continue;
      const row = lines.get(dev) ?? { rbps: 'max', wbps: 'max', riops: 'max', wiops: 'max' };
      row[key] = String(t.Rate);
      lines.set(dev, row);
    }
  };
  add(h.BlkioDeviceReadBps, 'rbps');
  add(h.BlkioDeviceWriteBps, 'wbps');
  add(h.BlkioDeviceReadIOps, 'riops');
  add(h.BlkioDeviceWriteIOps, 'wiops');
  return [...lines].map(([dev, r]) => `${dev} rbps=${r.rbps} wbps=${r.wbps} riops=${r.riops} wiops=${r.wiops}\n`).join('');
}

export function cgroupFiles(s: EngineState, id: string): Record<string, string> {
  const c = containerById(s, id);
  if (!c) return {};
  const h = c.hostConfig;
  const d = '/sys/fs/cgroup/';
  const swap = h.MemorySwap === -1 || !h.Memory ? 'max' : String(Math.max(0, h.MemorySwap - h.Memory));
  // cpu.max "QUOTA PERIOD": from --cpus over the default 100ms period, or --cpu-quota/--cpu-period as given
  const period = h.CpuPeriod || 100000;
  const quota = h.NanoCpus ? `${Math.round(h.NanoCpus / 10_000)} 100000` : `${(h.CpuQuota ?? 0) > 0 ? h.CpuQuota : 'max'} ${period}`;
  return {
    [d + 'cgroup.controllers']: 'cpuset cpu io memory hugetlb pids rdma misc\n',
    [d + 'cgroup.procs']: '1\n',
    [d + 'cgroup.type']: 'domain\n',
    [d + 'cpu.max']: quota + '\n',
    [d + 'cpu.weight']: `${cpuWeight(h.CpuShares)}\n`,
    [d + 'cpu.stat']: `usage_usec ${Math.round((cpuAllocation(s)[id] ?? 0) * Math.max(0, s.clock - c.state.startedAt) * 1000)}\nuser_usec 0\nsystem_usec 0\nnr_periods 0\nnr_throttled 0\nthrottled_usec 0\n`,
    [d + 'cpuset.cpus.effective']: `0${HOST.cpus > 1 ? '-' + (HOST.cpus - 1) : ''}\n`,
    [d + 'io.weight']: `default ${h.BlkioWeight || 100}\n`,
    [d + 'io.max']: ioMax(h),
    [d + 'memory.current']: `${Math.round(memoryUsage(c))}\n`,
    [d + 'memory.max']: (h.Memory ? String(h.Memory) : 'max') + '\n',
    [d + 'memory.swap.max']: swap + '\n',
    [d + 'memory.oom.group']: '1\n',
    [d + 'pids.current']: `${pidCount(c, s.clock)}\n`,
    [d + 'pids.max']: 'max\n',
    '/proc/1/cgroup': '0::/\n',
    '/proc/self/cgroup': '0::/\n',
  };
}
