// Health-check probes: when simulated time has passed, run each container's due HEALTHCHECK command once, like an exec.
// The engine decides what is due and what one run means for the probes it stands for (src/engine/container/health.ts).
import type { IFileSystem } from 'just-bash';
import { dueProbe, probeArgv, resolveExecutable, type Engine, type FileTable, type ProbeRun, containerById } from '../engine/index';
import { runInContainer } from './runtime';
import { mountSet, storeMountWrites } from './mount-fs';

/**
 * Run the probes that are due now, one run per container, each reported in one engine update. Called at the points
 * where time has passed that every replay of a journal reaches the same way (a typed line's second, `sleep`), so the
 * same seed and lines give the same results.
 */
export async function runDueProbes(engine: Engine, host?: IFileSystem): Promise<void> {
  for (const id of engine.probesDue()) {
    const c = containerById(engine.state, id);
    const at = c ? dueProbe(engine.state, c) : null;
    if (at === null) continue;
    engine.container.healthProbe(id, await probe(engine, id, at, host));
  }
}

/** Time runs a second at a time, with the probes that fall due, until the container is healthy or unhealthy (compose's depends_on: service_healthy). */
export async function waitHealthy(engine: Engine, id: string, seconds: number, host?: IFileSystem): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    const c = containerById(engine.state, id);
    if (!c || c.state.status !== 'running' || c.health?.status !== 'starting') return;
    engine.advance(1000);
    await runDueProbes(engine, host);
  }
}

/** One probe run: the command as a non-tty exec (container env, user, workdir) with stdout and stderr together. */
async function probe(engine: Engine, id: string, at: number, host?: IFileSystem): Promise<ProbeRun> {
  const c = containerById(engine.state, id)!;
  const argv = probeArgv(c);
  if (!argv.length || !resolveExecutable(engine.state, c, argv[0])) {
    // the exec fails to start: moby records the error as the output, exit code -1
    const msg = `OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0] ?? ''}": executable file not found in $PATH: unknown`;
    return { exitCode: -1, output: [{ offset: 0, text: msg }], elapsed: 0 };
  }
  const mounts = mountSet(engine, id, host);
  const r = await runInContainer(engine, id, argv, at, undefined, { tty: false }, mounts, host);
  storeMountWrites(engine, id, mounts);
  const changed = !sameTable(containerById(engine.state, id)?.upper ?? {}, r.upper);
  // runInContainer already words a missing command the way the image's shell does
  return { exitCode: r.exitCode, output: r.output.map((o) => ({ offset: o.offset, text: o.text })), elapsed: r.forever ? null : r.elapsed, ...(changed ? { upper: r.upper } : {}) };
}

/** Whether a probe left the writable layer as it was (most do: the state then keeps sharing the old table). */
function sameTable(a: FileTable, b: FileTable): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    const x = a[k] as Record<string, unknown>;
    const y = b[k] as Record<string, unknown> | undefined;
    return !!y && Object.keys(x).length === Object.keys(y).length && Object.keys(x).every((f) => x[f] === y[f]);
  });
}
