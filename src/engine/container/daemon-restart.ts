// The daemon stopping and starting (systemctl on the bare host): running containers stop with it, and restart
// policies start them again when it comes back (moby's restore).
import type { EngineState } from '../state';
import { programNamed } from './programs';
import { ImageDataNeeded } from '../lazy';
import { allContainers, containerById } from '../container-table';
import { exit, launch, normSignal, start } from './containers';

/**
 * dockerd stopping (live-restore off): each running container gets its stop signal (SIGKILL after the shutdown
 * timeout when it ignores it). Restart policies do not act now; they act when the daemon starts again.
 */
export function daemonShutdown(s: EngineState) {
  for (const c of allContainers(s)) {
    if (c.state.status !== 'running' && c.state.status !== 'paused' && c.state.status !== 'restarting') continue;
    const keep = c.manuallyStopped;
    const prog = c.process ? programNamed(c.process.program) : undefined;
    const res = c.state.status === 'restarting' ? c.state.exitCode : prog ? prog.onSignal(normSignal(c.config.StopSignal || 'SIGTERM')) : 'ignore';
    exit(s, c, res === 'ignore' ? 137 : res, s.clock, true);
    c.manuallyStopped = keep;
  }
}

/** dockerd starting: containers whose restart policy says so start again (moby restore: always; unless-stopped and on-failure unless stopped by hand). */
export function daemonStartup(s: EngineState) {
  for (const c of allContainers(s)) {
    if (c.state.status !== 'exited' || !c.state.startedAt) continue;
    const p = c.hostConfig.RestartPolicy.Name;
    const again = p === 'always' || (p === 'unless-stopped' && !c.manuallyStopped) || (p === 'on-failure' && !c.manuallyStopped && c.state.exitCode !== 0);
    if (!again) continue;
    try {
      const r = start(s, c.id);
      if (r.program === 'runtime' && c.script) launch(s, containerById(s, c.id)!, 'script', true); // what the script did last time, again
    } catch (e) {
      if (e instanceof ImageDataNeeded) throw e; // its program's code first (the caller loads it and runs this again)
      /* it cannot start (its port is taken, its executable is gone): it stays exited */
    }
  }
}
