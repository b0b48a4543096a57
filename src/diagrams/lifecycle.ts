// Docker's container state machine as a mermaid state diagram, with each container of the engine state on its state.
import type { Container, ContainerStatus, EngineState } from '../engine/index';
import { containerById, allContainers } from '../engine/index';

/** The states as `docker ps -a` / inspect name them (moby container/state.go). */
export const STATES: ContainerStatus[] = ['created', 'running', 'paused', 'restarting', 'exited', 'removing', 'dead'];

/** The transitions and what causes them, as this simulator's daemon makes them (docker/cli commands, processes, policies). */
export const TRANSITIONS: [from: ContainerStatus | '[*]', to: ContainerStatus | '[*]', by: string][] = [
  ['[*]', 'created', 'docker create'],
  ['[*]', 'running', 'docker run'],
  ['created', 'running', 'docker start'],
  ['running', 'paused', 'docker pause'],
  ['paused', 'running', 'docker unpause'],
  ['running', 'exited', 'docker stop / docker kill / process exits'],
  ['running', 'restarting', 'process exits + restart policy'],
  ['restarting', 'running', 'restart policy'],
  ['restarting', 'exited', 'docker stop'],
  ['paused', 'exited', 'docker stop'],
  ['exited', 'running', 'docker start / docker restart'],
  ['created', 'removing', 'docker rm'],
  ['exited', 'removing', 'docker rm / --rm'],
  ['running', 'removing', 'docker rm -f'],
  ['removing', '[*]', ''],
  ['removing', 'dead', 'removal fails'],
  ['dead', '[*]', 'docker rm'],
];

/** How a container is listed on its state: its name, with the exit code once it exited (restarts so far while restarting). */
function entry(c: Container): string {
  if (c.state.status === 'exited') return `${c.name} (${c.state.exitCode})`;
  if (c.state.status === 'restarting') return `${c.name} (restarts: ${c.restartCount})`;
  return c.name;
}

export function lifecycle(s: EngineState): string {
  const out = ['stateDiagram-v2'];
  const on: Partial<Record<ContainerStatus, string[]>> = {};
  for (const c of allContainers(s)) {
    (on[c.state.status] ??= []).push(entry(c));
  }
  for (const [from, to, by] of TRANSITIONS) out.push(`  ${from} --> ${to}${by ? `: ${by}` : ''}`);
  // a state with descriptions shows the first as its title: the state's own name, then one line per container
  const used = STATES.filter((st) => on[st]?.length);
  for (const st of used) out.push(`  ${st}: ${st}`, ...on[st]!.map((name) => `  ${st}: ${name}`));
  out.push('  classDef occupied fill:#1f4b99,color:#ffffff');
  if (used.length) out.push(`  class ${used.join(',')} occupied`);
  return out.join('\n') + '\n';
}
