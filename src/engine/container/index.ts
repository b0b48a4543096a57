// Containers (engine entry for container/): lifecycle, exec, health checks, simulated programs, resources, docker cp.
export * as containers from './containers';
export { resolveExecutable, visibleLogs } from './containers';
export type { CreateOptions, RuntimeResult } from './containers';
export * as copy from './copy';
export type { HostWrite } from './copy';
export * as exec from './exec';
export * as health from './health';
export { dueProbe, healthStatus, healthString, probeArgv } from './health';
export type { ProbeRun } from './health';
export * as lifecycle from './lifecycle';
export * as updates from './update';
export type { UpdateOptions } from './update';
export { pause, unpause } from './lifecycle';
export { execHostPaths } from './lookpath';
export { HOST, cgroupFiles, cpuAllocation, cpuWeight, loopChild, memoryLimit, memoryUsage, pidCount } from './resources';
