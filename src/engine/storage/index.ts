// Volumes and mounts (engine entry for storage/): the volume store, a container's mounts and the file view through them, disk usage.
export { cpHostReads, hostPathOf, route, viewNode, viewTree } from './mount-view';
export type { HostNodes, HostRead } from './mount-view';
export * as mounts from './mounts';
export { diskUsage } from './usage';
export type { DiskUsage } from './usage';
export * as volumes from './volumes';
export { ANONYMOUS_LABEL, labelsMatch, mountpointOf, parseFilters, volumeUsage, volumeUsers } from './volumes';
export type { Filters, VolumeCreateOptions } from './volumes';
