// POST /containers/{id}/update (docker update): new resource limits and restart policy for a container, as moby
// daemon/update.go, container/container_unix.go UpdateContainer and daemon_unix.go verifyPlatformContainerResources.
import type { EngineState, RestartPolicy } from '../state';
import { DockerError, invalid } from '../errors';
import { findContainer } from '../lookup';
import { HOST } from './resources';

export interface UpdateOptions {
  Memory?: number;
  MemorySwap?: number;
  MemoryReservation?: number;
  NanoCpus?: number;
  CpuPeriod?: number;
  CpuQuota?: number;
  CpuShares?: number;
  CpusetCpus?: string;
  BlkioWeight?: number;
  /** undefined: unchanged; 0 or less: unlimited. */
  PidsLimit?: number;
  /** Name '' = unchanged. */
  RestartPolicy?: RestartPolicy | { Name: string; MaximumRetryCount: number };
}

const MIN_MEMORY = 6 * 1024 * 1024; // linuxMinMemory

/** api/types/container ValidateRestartPolicy (hostconfig.go): the daemon's check of a policy name and count. */
export function validateRestartPolicy(p: { Name: string; MaximumRetryCount: number }): void {
  switch (p.Name) {
    case 'always':
    case 'unless-stopped':
    case 'no':
      if (p.MaximumRetryCount !== 0) throw invalid(`invalid restart policy: maximum retry count can only be used with 'on-failure'${p.MaximumRetryCount < 0 ? ' and cannot be negative' : ''}`);
      return;
    case 'on-failure':
      if (p.MaximumRetryCount < 0) throw invalid('invalid restart policy: maximum retry count cannot be negative');
      return;
    case '':
      return;
    default:
      throw invalid(`invalid restart policy: unknown policy '${p.Name}'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'`);
  }
}

/** pkg/parsers ParseUintListMaximum, then sysinfo isCpusetListAvailable against the host's CPUs (0..n-1). */
function checkCpuset(list: string): void {
  const bad = (why: string) => invalid(`Invalid value ${list} for cpuset cpus: ${why}`);
  const picked = new Set<number>();
  if (list === '') return;
  for (const part of list.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) throw bad(`invalid format: ${list}`);
    const lo = parseInt(m[1], 10);
    const hi = m[2] === undefined ? lo : parseInt(m[2], 10);
    if (hi < lo) throw bad(`invalid format: ${list}`);
    if (hi > 8192) throw bad('value of out range, maximum is 8192');
    for (let i = lo; i <= hi; i++) picked.add(i);
  }
  const available = HOST.cpus > 1 ? `0-${HOST.cpus - 1}` : '0';
  for (const c of picked) if (c >= HOST.cpus) throw invalid(`Requested CPUs are not available - requested ${list}, available: ${available}`);
}

/** verifyPlatformContainerResources (update = true): the resource values themselves. */
export function verifyResources(r: UpdateOptions): void {
  const mem = r.Memory ?? 0;
  const swap = r.MemorySwap ?? 0;
  const resv = r.MemoryReservation ?? 0;
  if (mem !== 0 && mem < MIN_MEMORY) throw invalid('Minimum memory limit allowed is 6MB');
  if (mem > 0 && swap > 0 && swap < mem) throw invalid('Minimum memoryswap limit should be larger than memory limit, see usage');
  if (resv > 0 && resv < MIN_MEMORY) throw invalid('Minimum memory reservation allowed is 6MB');
  if (mem > 0 && resv > 0 && mem < resv) throw invalid('Minimum memory limit can not be less than memory reservation limit, see usage');
  const nano = r.NanoCpus ?? 0;
  if (nano !== 0 && (nano < 0 || nano > HOST.cpus * 1e9)) throw invalid(`range of CPUs is from 0.01 to ${HOST.cpus}.00, as there are only ${HOST.cpus} CPUs available`);
  // daemon_unix.go verifyPlatformContainerResources: NanoCPUs exclude period and quota; the CFS bounds
  const period = r.CpuPeriod ?? 0;
  const quota = r.CpuQuota ?? 0;
  if (nano > 0 && period > 0) throw invalid('Conflicting options: Nano CPUs and CPU Period cannot both be set');
  if (nano > 0 && quota > 0) throw invalid('Conflicting options: Nano CPUs and CPU Quota cannot both be set');
  if (period !== 0 && (period < 1000 || period > 1000000)) throw invalid('CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)');
  if (quota > 0 && quota < 1000) throw invalid('CPU cfs quota can not be less than 1ms (i.e. 1000)');
  if (r.CpusetCpus) checkCpuset(r.CpusetCpus);
  const blkio = r.BlkioWeight ?? 0;
  if (blkio > 0 && (blkio < 10 || blkio > 1000)) throw invalid('Range of blkio weight is from 10 to 1000');
}

/** ContainerUpdate: validate, then UpdateContainer; a conflict with what is already set is "Cannot update container ID: …". */
export function update(s: EngineState, ref: string, r: UpdateOptions): { warnings: string[] } {
  if (r.RestartPolicy) validateRestartPolicy(r.RestartPolicy);
  verifyResources(r);
  const c = findContainer(s, ref);
  const cannot = (why: string) => new DockerError('InvalidParameter', `Cannot update container ${c.id}: ${why}`);
  if (c.state.status === 'removing' || c.state.status === 'dead') throw new DockerError('System', `Cannot update container ${c.id}: container is marked for removal and cannot be "update"`);
  const h = c.hostConfig;
  const mem = r.Memory ?? 0;
  const swap = r.MemorySwap ?? 0;
  if (mem !== 0 && mem > h.MemorySwap && swap === 0) throw cannot('Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time');
  const policy = r.RestartPolicy;
  if (policy && policy.Name !== '' && policy.Name !== 'no' && h.AutoRemove) throw cannot('Restart policy cannot be updated because AutoRemove is enabled for the container');
  // container_unix.go UpdateContainer: NanoCPUs and the CFS period/quota each block the other once set
  const conflict = (why: string) => new DockerError('Conflict', `Cannot update container ${c.id}: Conflicting options: ${why}`);
  if ((r.NanoCpus ?? 0) > 0 && (h.CpuPeriod ?? 0) > 0) throw conflict('Nano CPUs cannot be updated as CPU Period has already been set');
  if ((r.NanoCpus ?? 0) > 0 && (h.CpuQuota ?? 0) > 0) throw conflict('Nano CPUs cannot be updated as CPU Quota has already been set');
  if ((r.CpuPeriod ?? 0) > 0 && h.NanoCpus > 0) throw conflict('CPU Period cannot be updated as NanoCPUs has already been set');
  if ((r.CpuQuota ?? 0) > 0 && h.NanoCpus > 0) throw conflict('CPU Quota cannot be updated as NanoCPUs has already been set');
  if (r.CpuPeriod) h.CpuPeriod = r.CpuPeriod;
  if (r.CpuQuota) h.CpuQuota = r.CpuQuota;
  if (r.BlkioWeight) h.BlkioWeight = r.BlkioWeight;
  if (r.CpuShares) h.CpuShares = r.CpuShares;
  if (r.NanoCpus) h.NanoCpus = r.NanoCpus;
  if (r.CpusetCpus) h.CpusetCpus = r.CpusetCpus;
  if (mem) h.Memory = mem;
  if (swap) h.MemorySwap = swap;
  if (r.MemoryReservation) h.MemoryReservation = r.MemoryReservation;
  if (r.PidsLimit !== undefined) h.PidsLimit = r.PidsLimit > 0 ? r.PidsLimit : r.PidsLimit;
  if (policy && policy.Name !== '') h.RestartPolicy = policy as RestartPolicy;
  return { warnings: [] };
}
