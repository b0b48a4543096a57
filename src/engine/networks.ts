// Networks and IPAM: default bridge/host/none, endpoints allocated on start and released on stop.
// (First version: container lifecycle hooks. The networking issue grows this into the full model.)
import type { Container, EngineState } from './state';

/** Called when a container is created: record which networks it will join (HostConfig.NetworkMode). */
export function attachOnCreate(_s: EngineState, _c: Container, _extra: { name: string; ip?: string; aliases?: string[] }[]) {}

/** Called when a container starts: allocate addresses and publish ports (may throw: port already allocated). */
export function connectOnStart(_s: EngineState, _c: Container) {}

/** Called when the main process ends: release addresses and published ports. */
export function releaseOnStop(_s: EngineState, _c: Container) {}

/** Called when a container is removed: drop its endpoints. */
export function detachOnRemove(_s: EngineState, _c: Container) {}
