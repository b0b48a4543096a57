// Container state transitions beyond create/start: pause, unpause, restart, rename, wait, prune (moby daemon texts).
import { nameHolder, noteName, touch } from '../indexes';
import type { EngineState } from '../state';
import { conflict, containerNotRunning, DockerError, invalid, noSuchContainer } from '../errors';
import { remove, start, stop, thaw } from './containers';
import { findContainer } from '../lookup';
import { tableSize } from '../layers';
import { validContainerName } from '../ids';
import { pruneMatcher } from '../prune-filter';
import type { Filters } from '../prune-filter';
import { resumeMonitor, stopMonitor } from './health';
import { containerById, containerIds } from '../container-table';

/** `docker pause`: freeze the processes (cgroup freezer). */
export function pause(s: EngineState, ref: string) {
  const c = findContainer(s, ref);
  if (c.state.status === 'paused') throw conflict(`Container ${c.id} is already paused`);
  if (c.state.status !== 'running') throw containerNotRunning(c.id);
  c.state.status = 'paused';
  c.state.pausedAt = s.clock;
  touch(c.id);
  stopMonitor(c, s.clock); // updateHealthMonitor: no probes while paused (the status turns unhealthy)
}

/** `docker unpause`. */
export function unpause(s: EngineState, ref: string) {
  const c = findContainer(s, ref);
  if (c.state.status !== 'paused') throw conflict(`Container ${c.id} is not paused`);
  thaw(s, c);
  c.state.status = 'running';
  touch(c.id);
  resumeMonitor(s, c);
}

/** `docker restart`: stop (if running) then start; returns the program to run like start. */
export function restart(s: EngineState, ref: string, timeout?: number, sig?: string): { id: string; program: string } {
  const c = findContainer(s, ref);
  try {
    if (c.state.status === 'running' || c.state.status === 'paused') {
      if (c.state.status === 'paused') {
        thaw(s, c);
        c.state.status = 'running';
      }
      stop(s, c.id, timeout, sig);
    }
    // a --rm container that stopped is gone; docker reports the restart failure the same way
    if (!containerById(s, c.id)) throw noSuchContainer(ref);
    c.restartCount = 0;
    return start(s, c.id);
  } catch (e) {
    if (e instanceof DockerError && e.kind !== 'NotFound' && e.kind !== 'NotModified') throw new DockerError(e.kind, `Cannot restart container ${ref}: ${e.message}`);
    throw e;
  }
}

/** `docker rename OLD NEW`. */
export function rename(s: EngineState, ref: string, name: string) {
  const c = findContainer(s, ref);
  const newName = name.replace(/^\//, '');
  if (!newName) throw invalid('Neither old nor new names may be empty');
  if (c.name === newName) throw invalid('Renaming a container with the same name as its current name');
  if (!validContainerName(newName)) throw invalid(`Invalid container name (${newName}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
  const holder = nameHolder(s, newName);
  if (holder) throw conflict(`Error when allocating new name: Conflict. The container name "/${newName}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`);
  noteName(c.name, null);
  noteName(newName, c.id);
  c.name = newName;
}

/** `docker wait`: the exit code if the container has stopped; null while it is still running. */
export function waitResult(s: EngineState, ref: string): number | null {
  const c = findContainer(s, ref);
  if (c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting') return null;
  return c.state.exitCode;
}

/** `docker container prune`: remove every stopped container; IDs and the space reclaimed. */
export function prune(s: EngineState, filters: Filters = {}): { deleted: string[]; reclaimed: number } {
  const matches = pruneMatcher(filters, ['label', 'label!', 'until']);
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const id of containerIds(s)) {
    const c = containerById(s, id)!;
    touch(id);
    if (c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting') continue;
    if (!matches(c.created, c.config.Labels)) continue;
    reclaimed += tableSize(c.upper);
    remove(s, id, false);
    deleted.push(id);
  }
  return { deleted, reclaimed };
}

