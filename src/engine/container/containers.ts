// The container lifecycle state machine: create, start, exit, stop, kill, remove, logs (moby daemon semantics).
import { validateRestartPolicy, verifyResources } from './update';
import { dueContainers, nameHolder, noteName, touch } from '../indexes';
import { dict } from '../dict';
import { clone } from '../clone';
import type { Container, ContainerConfig, EngineState, FileTable, HostConfig, LogEntry } from '../state';
import { conflict, DockerError, invalid, notModified, system } from '../errors';
import { generateName, randomId, validContainerName } from '../ids';
import { releaseHeldImage } from '../image';
import { findContainer, getImage } from '../lookup';
import { isProgram, programNamed, SIGNALS } from './programs';
import { networks } from '../network';
import type { NetCreateOptions } from '../network-types';
import { mounts } from '../storage';
import type { MountCreateOptions } from '../volume-types';
import * as health from './health';
import { route, type HostNodes } from '../storage';
import { lookPath, programOf } from './lookpath';
import { execTarget, unknownUser } from './start-checks';

export { recordStartError, resolveExecutable, unknownUser } from './start-checks';
import { makeServerDir, readServerFile, writeServerFile } from '../server-files';
import { validSignal } from './signals';
import { scriptProcess } from './program';
import { containerById, putContainer, dropContainer } from '../container-table';
import { noteRemoved } from '../removals';

export interface CreateOptions {
  image: string; // as typed
  name?: string;
  cmd?: string[];
  entrypoint?: string[]; // --entrypoint; [''] clears the image's
  env?: string[];
  workdir?: string;
  user?: string;
  hostname?: string;
  tty?: boolean;
  openStdin?: boolean;
  attach?: boolean; // attached run (AttachStdout/err)
  labels?: Record<string, string>;
  hostConfig?: Partial<HostConfig>;
  /** Extra network attachments requested at create (--network NAME gives the first; --ip/--alias go with it). */
  networks?: { name: string; ip?: string; aliases?: string[] }[];
  /** --expose and --mac-address (../network-types.ts). */
  net?: NetCreateOptions;
  /** anonymous `-v /path` and what the host has at bind sources (Binds/Mounts/Tmpfs/VolumesFrom ride in hostConfig). */
  mounts?: MountCreateOptions;
  /** --health-* / --no-healthcheck (unset fields are taken from the image's HEALTHCHECK). */
  healthcheck?: ContainerConfig['Healthcheck'];
  /** --stop-signal / --stop-timeout (Config.StopSignal / Config.StopTimeout). */
  stopSignal?: string;
  stopTimeout?: number;
}

const DEFAULT_HOST: HostConfig = {
  AutoRemove: false,
  NetworkMode: 'bridge',
  RestartPolicy: { Name: 'no', MaximumRetryCount: 0 },
  PortBindings: {},
  PublishAllPorts: false,
  Privileged: false,
  ReadonlyRootfs: false,
  Binds: null,
  Memory: 0,
  MemorySwap: 0,
  CpuShares: 0,
  NanoCpus: 0,
  BlkioWeight: 0,
};

function nameConflict(s: EngineState, name: string): DockerError | null {
  const holder = nameHolder(s, name);
  return holder
    ? conflict(`Conflict. The container name "/${name}" is already in use by container "${holder}". You have to remove (or rename) that container to be able to reuse that name.`)
    : null;
}

/** Create a container from a local image (the CLI pulls first when the image is missing). */
export function create(s: EngineState, o: CreateOptions): { id: string; warnings: string[] } {
  health.validateHealthcheck(o.healthcheck); // daemon/container.go validateContainerConfig comes first
  mounts.validateMountSpecs(o.hostConfig, o.mounts); // before the image lookup, as the daemon does
  const hc = o.hostConfig ?? {};
  // daemon/container.go verifyContainerSettings: the config (WorkingDir), the host config (restart policy), then resources
  if (o.workdir && !o.workdir.startsWith('/')) throw invalid(`the working directory '${o.workdir}' is invalid, it needs to be an absolute path`);
  // daemon/container.go:258-262 validateContainerConfig (a plain error: the daemon answers 500)
  if (o.stopSignal && !validSignal(o.stopSignal)) throw system(`invalid signal: ${o.stopSignal}`);
  if (hc.RestartPolicy) validateRestartPolicy(hc.RestartPolicy);
  const sw = hc.MemorySwappiness;
  if (sw !== undefined && sw !== null && (sw < 0 || sw > 100)) throw invalid(`Invalid value: ${sw}, valid memory swappiness range is 0-100`);
  if (hc.NanoCpus) verifyResources({ NanoCpus: hc.NanoCpus });
  // daemon/daemon_unix.go verifyPlatformContainerResources / adaptContainerSettings
  if (hc.Memory && hc.Memory < 6 * 1024 * 1024) throw invalid('Minimum memory limit allowed is 6MB');
  if (hc.MemorySwap && hc.MemorySwap > 0 && !hc.Memory) throw invalid('You should always set the Memory limit when using Memoryswap limit, see usage');
  if (hc.Memory && hc.MemorySwap && hc.MemorySwap > 0 && hc.MemorySwap < hc.Memory) throw invalid('Minimum memoryswap limit should be larger than memory limit, see usage');
  if (hc.BlkioWeight && (hc.BlkioWeight < 10 || hc.BlkioWeight > 1000)) throw invalid('Range of blkio weight is from 10 to 1000');
  const img = getImage(s, o.image);
  if (o.name !== undefined) {
    if (!validContainerName(o.name)) throw invalid(`Invalid container name (${o.name}), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed`);
    const e = nameConflict(s, o.name);
    if (e) throw e;
  }
  const entrypoint = o.entrypoint ? (o.entrypoint.length === 1 && o.entrypoint[0] === '' ? null : o.entrypoint) : img.config.Entrypoint;
  const cmd = o.cmd && o.cmd.length ? o.cmd : o.entrypoint ? null : img.config.Cmd;
  const argv = [...(entrypoint ?? []), ...(cmd ?? [])];
  if (argv.length === 0) throw invalid('no command specified');
  const id = randomId(s.rng);
  const name = o.name ?? generateName(s.rng, (n) => !!nameHolder(s, n), id.slice(0, 12)); // (nameConflict's test, without its error)
  const env = mergeEnv(img.config.Env, o.env ?? []);
  const config: ContainerConfig = {
    ...clone(img.config),
    Hostname: o.hostname ?? id.slice(0, 12),
    User: o.user ?? img.config.User,
    AttachStdin: !!(o.attach && o.openStdin),
    AttachStdout: !!o.attach,
    AttachStderr: !!o.attach,
    Tty: !!o.tty,
    OpenStdin: !!o.openStdin,
    StdinOnce: !!(o.attach && o.openStdin),
    Env: env,
    Cmd: cmd ? [...cmd] : null,
    Image: o.image,
    WorkingDir: o.workdir ?? img.config.WorkingDir,
    Entrypoint: entrypoint ? [...entrypoint] : null,
    Labels: dict(img.config.Labels, o.labels),
    ...(o.stopSignal ? { StopSignal: o.stopSignal } : {}),
    ...(o.stopTimeout !== undefined ? { StopTimeout: o.stopTimeout } : {}),
  };
  const healthcheck = health.mergeHealthcheck(o.healthcheck, img.config.Healthcheck);
  if (healthcheck) config.Healthcheck = healthcheck;
  else delete config.Healthcheck;
  const c: Container = {
    id,
    seq: s.containerSeq++,
    name,
    created: s.clock,
    path: argv[0],
    args: argv.slice(1),
    imageId: img.id,
    config,
    hostConfig: { ...clone(DEFAULT_HOST), ...clone(hc), ...(hc.Memory && !hc.MemorySwap ? { MemorySwap: hc.Memory * 2 } : {}) },
    state: { status: 'created', pid: 0, exitCode: 0, error: '', oomKilled: false, startedAt: 0, finishedAt: 0 },
    restartCount: 0,
    upper: {},
    logs: [],
    process: null,
    script: null,
    manuallyStopped: false,
    restartAt: 0,
    execIds: [],
    endpoints: dict(),
    ports: [],
    mounts: [],
  };
  putContainer(s, c);
  noteName(name, id);
  touch(id);
  const draft = containerById(s, id)!;
  mounts.registerMounts(s, draft, o.mounts);
  const warnings = networks.attachOnCreate(s, draft, o.networks ?? [], o.net ?? {}, o.hostname !== undefined); // mode checks, warnings
  return { id, warnings };
}

/** The user's variables as given, then the image's that they do not set (moby daemon/commit.go merge). */
function mergeEnv(base: string[], extra: string[]): string[] {
  if (!extra.length) return [...base];
  const keys = new Set(extra.map((e) => e.split('=')[0]));
  return [...extra, ...base.filter((e) => !keys.has(e.split('=')[0]))];
}

/** Start a created or exited container. Returns the program to run; 'runtime' means the shell runtime must run it. */
export function start(s: EngineState, ref: string, host?: HostNodes): { id: string; program: string } {
  const c = findContainer(s, ref);
  if (c.state.status === 'running') throw notModified('container is already running');
  if (c.state.status === 'paused') throw conflict('cannot start a paused container, try unpause instead');
  // createSpec resolves Config.User in the container's /etc/passwd and /etc/group before runc looks for the command
  const userError = unknownUser(s, c, c.config.User, host);
  if (userError) throw system(userError);
  const found = lookPath(s, c, c.path, host); // the mounts are in place before runc looks
  if ('error' in found) {
    throw system(`failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: ${found.error}: unknown`);
  }
  const exe = found.path;
  const own = programOf(s, c, exe, c.path, host);
  const program = isProgram(own) ? own : (execTarget(s, c, exe, host) ?? own);
  networks.connectOnStart(s, c);
  mounts.createMountpoints(s, c);
  launch(s, c, program);
  return { id: c.id, program: c.process?.program === 'runtime' ? 'runtime' : program };
}

/** Put the main process in place at the current time (start, restart policy). */
export function launch(s: EngineState, c: Container, program: string, replay = false) {
  touch(c.id);
  c.manuallyStopped = false;
  c.state = { ...c.state, status: 'running', pid: s.nextPid++, exitCode: 0, error: '', startedAt: s.clock, finishedAt: 0 };
  health.initHealth(c);
  const p = programNamed(program);
  if (p && !p.inRuntime?.(c.args)) {
    const time = new Date(s.clock).toISOString();
    // what the process finds at start, through its mounts (a volume from an earlier container keeps a database)
    const read = (path: string) => readServerFile(s, c, path);
    const ctx = { time, pid: c.state.pid, hostname: c.config.Hostname, memory: c.hostConfig.Memory, memorySwap: c.hostConfig.MemorySwap, env: c.config.Env, tty: c.config.Tty, read, ip: Object.values(c.endpoints).find((e) => e.ip)?.ip, privileged: c.hostConfig.Privileged, bound: (p: string) => route(s, c, p, 'exec').mount?.type === 'bind' };
    const files = p.startFiles?.(read, c.args, ctx) ?? [];
    const data = p.startData?.(c.args, ctx);
    for (const l of p.startLogs(c.args, ctx)) c.logs.push({ time: s.clock + l.delay, stream: l.stream, text: l.text });
    for (const f of files) {
      if (f.dir) makeServerDir(s, c, f.path);
      else writeServerFile(s, c, f.path, f.content ?? '');
    }
    const dur = p.runsFor(c.args, ctx);
    const end = p.exitCodeFor?.(c.args, ctx) ?? { code: p.exitCode, oom: false };
    c.process = { kind: 'program', program, exitAt: dur === null ? null : s.clock + dur, exitCode: end.code, ...(end.oom ? { oom: true } : {}), ...(data !== undefined ? { data } : {}) };
  } else if (replay && c.script) {
    for (const o of c.script.output) c.logs.push({ time: s.clock + o.offset, stream: o.stream, text: o.text });
    c.process = scriptProcess(c.script, s.clock); // a server script listens again (and traps its signals again)
  } else c.process = { kind: 'runtime', program: 'runtime', exitAt: null, exitCode: 0 };
}

export interface RuntimeResult {
  output: { offset: number; stream: 'stdout' | 'stderr'; text: string }[];
  exitCode: number;
  elapsed: number | null; // simulated ms the process ran; null = still running (a loop with no end)
  upper: FileTable;
  /** TCP ports a server script listens on (it keeps running; the shell runtime answers its requests). */
  listens?: number[];
  /** Signals the script set handlers for. */
  traps?: string[];
}

/** The shell runtime reports what a script process did; the engine records logs, files and the exit time. */
export function processDone(s: EngineState, id: string, r: RuntimeResult) {
  const c = containerById(s, id);
  touch(id);
  if (!c || c.state.status !== 'running' || c.process?.program !== 'runtime') return;
  const start = c.state.startedAt;
  for (const o of r.output) c.logs.push({ time: start + o.offset, stream: o.stream, text: o.text } satisfies LogEntry);
  c.upper = r.upper;
  c.script = { output: r.output, elapsed: r.elapsed, exitCode: r.exitCode, ...(r.listens?.length ? { listens: [...r.listens] } : {}), ...(r.traps?.length ? { traps: [...r.traps] } : {}) };
  c.process = scriptProcess(c.script, start);
}

/** Restart policy decision when a process exits by itself (moby restartmanager). */
function shouldRestart(c: Container, code: number): boolean {
  const p = c.hostConfig.RestartPolicy;
  if (c.manuallyStopped) return false;
  if (p.Name === 'always' || p.Name === 'unless-stopped') return true;
  if (p.Name === 'on-failure') return code !== 0 && (p.MaximumRetryCount === 0 || c.restartCount < p.MaximumRetryCount);
  return false;
}

export function exit(s: EngineState, c: Container, code: number, at: number, manual = false) {
  touch(c.id);
  health.stopMonitor(c, at); // handleContainerExit stops the health monitor (overdue probes first)
  c.state = { ...c.state, status: 'exited', pid: 0, exitCode: code, finishedAt: at, oomKilled: !manual && c.process?.kind === 'program' && !!c.process.oom };
  networks.releaseOnStop(s, c);
  mounts.clearTmpfs(c);
  c.execIds = [];
  delete c.execProcs;
  const was = c.process;
  c.process = null;
  if (manual) c.manuallyStopped = true;
  if (!manual && was && shouldRestart(c, code)) {
    // backoff: 100ms doubling per consecutive restart, capped at one minute
    c.state.status = 'restarting';
    c.restartAt = at + Math.min(60_000, 100 * 2 ** Math.min(c.restartCount, 10));
    // the same process again once the backoff has passed
    c.process = was.kind === 'program' ? { kind: 'program', program: was.program, exitAt: null, exitCode: code } : { ...was, exitAt: null, exitCode: code };
    return;
  }
  if (c.hostConfig.AutoRemove) {
    removeNow(s, c.id, true); // --rm also removes anonymous volumes
    noteRemoved(c);
  }
}

/** The main process ended now with `code` (restart policy and --rm apply). */
export function exitProcess(s: EngineState, c: Container, code: number) {
  exit(s, c, code, s.clock);
}

/** Apply the passage of time: processes exit when their time comes, restart policies restart them, --rm removes. */
export function reconcile(s: EngineState) {
  const now = s.clock;
  // only containers with something due (indexes.ts); for the others the loop below would do nothing
  for (const id of dueContainers(s, now)) {
    for (let guard = 0; guard < 10_000; guard++) {
      const c = containerById(s, id);
      const p = c?.process;
      if (!c || !p) break;
      if (c.state.status === 'running' && p.exitAt !== null && p.exitAt <= now) exit(s, c, p.exitCode, p.exitAt);
      else if (c.state.status === 'restarting' && c.restartAt <= now) {
        const at = s.clock;
        s.clock = c.restartAt;
        c.restartCount++;
        try {
          networks.connectOnStart(s, c); // a restarted container gets its addresses and ports back
        } catch {
          /* e.g. its port was taken meanwhile: it runs without them */
        }
        launch(s, c, p.program === 'script' || p.program === 'runtime' ? 'script' : p.program, true);
        s.clock = at;
      } else break;
    }
  }
}

/** Send a signal; the program decides whether it dies. Returns whether it exited. */
export function signal(s: EngineState, c: Container, sig: string, manual = false): boolean {
  const prog = c.process ? programNamed(c.process.program) : undefined;
  // a script without a handler is PID 1 with no default action: it ignores the signal; with one, its handler ends it
  const res = sig === 'SIGKILL' ? 137 : prog ? prog.onSignal(sig) : c.process?.kind === 'script' && c.process.traps?.includes(sig) ? 0 : 'ignore';
  if (res === 'ignore') return false;
  if (sig !== 'SIGKILL' && prog?.onStop) {
    const read = (path: string) => readServerFile(s, c, path);
    const ctx = { time: new Date(s.clock).toISOString(), pid: c.state.pid, hostname: c.config.Hostname, memory: c.hostConfig.Memory, memorySwap: c.hostConfig.MemorySwap, env: c.config.Env, read, signal: sig };
    const stop = prog.onStop(c.args, ctx, c.process?.kind === 'program' ? c.process.data : undefined);
    for (const l of stop.logs) c.logs.push({ time: s.clock + l.delay, stream: l.stream, text: l.text });
    for (const f of stop.files) writeServerFile(s, c, f.path, f.content);
  }
  exit(s, c, res, s.clock, manual);
  return true;
}

/** The freezer lets go: what the processes would have printed or done after the pause happens that much later. */
export function thaw(s: EngineState, c: Container) {
  const at = c.state.pausedAt;
  delete c.state.pausedAt;
  if (at === undefined) return;
  const d = s.clock - at;
  if (d <= 0) return;
  for (const l of c.logs) if (l.time > at) l.time += d;
  if (c.process && c.process.exitAt !== null && c.process.exitAt > at) c.process.exitAt += d;
}

/** `docker stop`: StopSignal, then SIGKILL after the timeout (the clock advances by it when ignored). */
export function stop(s: EngineState, ref: string, timeout?: number, stopSignal?: string) {
  const c = findContainer(s, ref);
  if (c.state.status !== 'running' && c.state.status !== 'paused' && c.state.status !== 'restarting') throw notModified('container is already stopped');
  const sig = normSignal(stopSignal || c.config.StopSignal || 'SIGTERM');
  if (c.state.status === 'paused') thaw(s, c); // the signal reaches a frozen process when it thaws
  if (c.state.status === 'restarting') {
    exit(s, c, c.state.exitCode, s.clock, true);
    return;
  }
  if (!signal(s, c, sig, true)) {
    // container.StopTimeout(): -t, else Config.StopTimeout, else 10 (moby container/container.go:577)
    s.clock += (timeout ?? c.config.StopTimeout ?? 10) * 1000;
    exit(s, c, 137, s.clock, true);
  }
}

/** `docker kill -s SIG`: the signal is checked first, then the container (daemon/kill.go:34-51, v27.5.1); every error
 *  is wrapped as "cannot kill container: REF: …" (container_routes.go:262). */
export function kill(s: EngineState, ref: string, sig = 'SIGKILL') {
  if (!validSignal(sig)) throw new DockerError('InvalidParameter', `cannot kill container: ${ref}: Invalid signal: ${sig}`);
  let c: Container;
  try {
    c = findContainer(s, ref);
  } catch (e) {
    if (e instanceof DockerError) throw new DockerError(e.kind, `cannot kill container: ${ref}: ${e.message}`);
    throw e;
  }
  if (c.state.status !== 'running') throw conflict(`cannot kill container: ${ref}: container ${c.id} is not running`);
  signal(s, c, normSignal(sig), true);
}

/** 'term', 'TERM', 'SIGTERM', '15' → 'SIGTERM'. */
export function normSignal(sig: string): string {
  if (/^\d+$/.test(sig)) return Object.entries(SIGNALS).find(([, n]) => n === parseInt(sig, 10))?.[0] ?? 'SIGTERM';
  const up = sig.toUpperCase();
  return up.startsWith('SIG') ? up : 'SIG' + up;
}

function removeNow(s: EngineState, id: string, removeVolumes = false) {
  const c = containerById(s, id);
  if (c) networks.detachOnRemove(s, c);
  if (c) noteName(c.name, null);
  touch(id);
  dropContainer(s, id);
  if (c) mounts.releaseMounts(s, c, removeVolumes);
  if (c) releaseHeldImage(s, c.imageId);
}

/** `docker rm [-f] [-v]` (Engine 27 texts); `removeVolumes` also removes the container's anonymous volumes. */
export function remove(s: EngineState, ref: string, force: boolean, removeVolumes = false) {
  const c = findContainer(s, ref);
  if (c.state.status === 'paused' && !force) throw conflict(`cannot remove container "/${c.name}": container is paused and must be unpaused first`);
  if (c.state.status === 'running' && !force) throw conflict(`cannot remove container "/${c.name}": container is running: stop the container before removing or force remove`);
  // moby daemon/delete.go (delete_test.go "restarting container")
  if (c.state.status === 'restarting' && !force) throw conflict(`cannot remove container "/${c.name}": container is restarting: stop the container before removing or force remove`);
  if (c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting') exit(s, c, 137, s.clock, true);
  removeNow(s, c.id, removeVolumes);
}

/** Log entries visible now (the process may have been scheduled to print later). */
export function visibleLogs(s: EngineState, c: Container): LogEntry[] {
  const upTo = c.state.status === 'paused' && c.state.pausedAt !== undefined ? Math.min(s.clock, c.state.pausedAt) : s.clock;
  return c.logs.filter((l) => l.time <= upTo);
}
