// Processes inside a running container besides PID 1: exec bookkeeping, interactive main shells, file changes from the runtime.
import { touch } from '../indexes';
import type { Container, EngineState, FileTable, LogEntry } from '../state';
import { conflict, containerNotRunning, execStartFailed, system } from '../errors';
import { unknownUser } from './start-checks';
import { exitProcess } from './containers';
import { findContainer } from '../lookup';
import { lookPath } from './lookpath';
import type { HostNodes } from '../storage';
import { randomId } from '../ids';
import { containerById } from '../container-table';

/** POST /containers/{id}/exec + start: check the container can run it; returns the exec ID. */
export function execCreate(s: EngineState, ref: string, argv: string[], host?: HostNodes, user?: string): { id: string; execId: string } {
  const c = findContainer(s, ref);
  if (c.state.status === 'paused') throw conflict(`Container ${ref} is paused, unpause the container before exec`); // daemon/exec.go errExecPaused(name as typed)
  if (c.state.status !== 'running') throw containerNotRunning(c.id);
  // daemon/exec.go execSetPlatformOpt: the user must be in the container's /etc/passwd before the process starts
  const noUser = user ? unknownUser(s, c, user, host) : null;
  if (noUser) throw system(noUser, 'exec-start-failed');
  const found = lookPath(s, c, argv[0], host); // through the container's mounts
  if ('error' in found) throw execStartFailed(found.error);
  const execId = randomId(s.rng);
  const live = liveExecs(s, c); // detached execs whose command has ended leave both lists
  c.execIds = [...(c.execIds ?? []).filter((x) => !c.execProcs?.[x] || live[x]), execId];
  c.execProcs = { ...live, [execId]: { argv: [...argv], started: s.clock, until: null } };
  return { id: c.id, execId };
}

/** An exec process ended; a detached one (`until`: when its run ends, null for never) keeps running until then. */
export function execDone(s: EngineState, id: string, execId: string, until?: number | null) {
  const c = containerById(s, id);
  touch(id);
  if (!c) return;
  const procs = liveExecs(s, c);
  if (until !== undefined && procs[execId] && (until === null || until > s.clock)) procs[execId] = { ...procs[execId], until };
  else delete procs[execId];
  c.execIds = (c.execIds ?? []).filter((x) => (x === execId || c.execProcs?.[x] ? procs[x] !== undefined : true));
  c.execProcs = procs;
}

/** The exec processes of a container still running now (detached ones whose time has not come yet), by exec ID. */
export function liveExecs(s: Pick<EngineState, 'clock'>, c: Pick<Container, 'execProcs'>): Record<string, { argv: string[]; started: number; until: number | null }> {
  const out: Record<string, { argv: string[]; started: number; until: number | null }> = Object.create(null);
  for (const [id, p] of Object.entries(c.execProcs ?? {})) if (p.until === null || p.until > s.clock) out[id] = p;
  return out;
}

/** Record file changes a process made in the container's writable layer. */
export function setUpper(s: EngineState, id: string, upper: FileTable) {
  const c = containerById(s, id);
  touch(id);
  if (c) c.upper = upper;
}

/** The main process is an interactive shell: it runs until the user exits it. */
export function processInteractive(s: EngineState, id: string) {
  const c = containerById(s, id);
  touch(id);
  if (c && c.state.status === 'running') c.process = { kind: 'interactive', program: 'interactive', exitAt: null, exitCode: 0 };
}

/** Append what an attached terminal showed to the container's log (tty containers log the terminal). */
export function appendLog(s: EngineState, id: string, entries: Omit<LogEntry, 'time'>[]) {
  const c = containerById(s, id);
  touch(id);
  if (c) for (const e of entries) c.logs.push({ time: s.clock, ...e });
}

/** The main process exited by itself (e.g. `exit 3` typed in the container's shell). */
export function mainExited(s: EngineState, id: string, code: number) {
  const c = containerById(s, id);
  touch(id);
  if (c && (c.state.status === 'running' || c.state.status === 'paused')) exitProcess(s, c, code);
}
