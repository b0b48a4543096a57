// Container health checks (moby daemon/health.go, container/health.go): config merge and checks, the monitor's schedule and status arithmetic.
import { touch } from '../indexes';
import type { Container, EngineState, FileTable, HealthConfig, HealthResult, HealthState } from '../state';
import { invalid } from '../errors';
import { containerById } from '../container-table';

/*
 * How probes run without making typing slow, and stay deterministic.
 *
 * The engine is pure and cannot run a probe command: it only keeps State.Health and `nextAt`, the time the monitor's
 * timer fires next (startedAt + Interval, then the end of each probe + Interval, as moby's monitor resets its timer
 * after each probe). The shell (src/shell/health.ts) looks for due probes whenever simulated time has passed at a
 * point every replay reaches the same way (after each typed line's second, after `sleep`), runs the command ONCE in
 * the container, and hands the result to `recordProbe`. Nothing else changes the container while the clock jumps, so
 * that one result stands for every probe that fell due in the jump: `recordProbe` applies it to all of them,
 * one by one only where the outcome can differ (the start period, the first success), and arithmetically for a run
 * of identical probes (FailingStreak += n, the Log keeps the last 5). An hour of `sleep` with a 1s interval is one
 * shell and a few additions. When the container stops (or pauses) with probes overdue — time that passed inside a
 * command, such as `docker stop`'s grace period — the last result stands for them the same way, then the monitor
 * closes (status `unhealthy`, as moby's CloseMonitorChannel sets it "for compatibility reasons").
 */

/** moby daemon/health.go defaults (ms) and limits. */
const DEFAULTS = { interval: 30_000, timeout: 30_000, startPeriod: 0, startInterval: 5_000, retries: 3 };
const MAX_LOG = 5;
const MAX_OUTPUT = 4096;

/** api/types/container MinimumDuration (1ms), checked by the daemon on create (daemon/container.go validateHealthCheck). */
export function validateHealthcheck(h?: HealthConfig) {
  if (!h) return;
  const short = (ns?: number) => !!ns && ns < 1e6;
  if (short(h.Interval)) throw invalid('Interval in Healthcheck cannot be less than 1ms');
  if (short(h.Timeout)) throw invalid('Timeout in Healthcheck cannot be less than 1ms');
  if ((h.Retries ?? 0) < 0) throw invalid('Retries in Healthcheck cannot be negative');
  if (short(h.StartPeriod)) throw invalid('StartPeriod in Healthcheck cannot be less than 1ms');
  if (short(h.StartInterval)) throw invalid('StartInterval in Healthcheck cannot be less than 1ms');
}

/** The container's Healthcheck: the user's fields, unset ones (zero / empty Test) from the image (daemon/commit.go merge). */
export function mergeHealthcheck(user: HealthConfig | undefined, image: HealthConfig | undefined): HealthConfig | undefined {
  if (!image) return user && ordered(user);
  if (!user) return ordered(image);
  return ordered({
    Test: user.Test?.length ? user.Test : image.Test,
    Interval: user.Interval || image.Interval,
    Timeout: user.Timeout || image.Timeout,
    StartPeriod: user.StartPeriod || image.StartPeriod,
    StartInterval: user.StartInterval || image.StartInterval,
    Retries: user.Retries || image.Retries,
  });
}

/** container.HealthConfig's field order, every field omitempty. */
function ordered(h: HealthConfig): HealthConfig {
  const out: HealthConfig = {} as HealthConfig;
  if (h.Test?.length) out.Test = [...h.Test];
  for (const k of ['Interval', 'Timeout', 'StartPeriod', 'StartInterval', 'Retries'] as const) if (h[k]) out[k] = h[k];
  return out;
}

/** moby getProbe: only CMD and CMD-SHELL tests run (none, NONE or an empty Test: no monitor). */
export function hasProbe(h?: HealthConfig): boolean {
  return !!h?.Test?.length && (h.Test[0] === 'CMD' || h.Test[0] === 'CMD-SHELL');
}

/** What a probe execs: CMD's arguments, or CMD-SHELL's command under the image's SHELL (default /bin/sh -c). */
export function probeArgv(c: Container): string[] {
  const t = c.config.Healthcheck?.Test ?? [];
  return t[0] === 'CMD-SHELL' ? [...(c.config.Shell?.length ? c.config.Shell : ['/bin/sh', '-c']), ...t.slice(1)] : t.slice(1);
}

interface Timing {
  interval: number;
  timeout: number;
  startPeriod: number;
  startInterval: number;
  retries: number;
}

function timing(h: HealthConfig = { Test: [] }): Timing {
  const ms = (ns: number | undefined, d: number) => (ns ? Math.max(1, Math.round(ns / 1e6)) : d);
  return {
    interval: ms(h.Interval, DEFAULTS.interval),
    timeout: ms(h.Timeout, DEFAULTS.timeout),
    startPeriod: ms(h.StartPeriod, DEFAULTS.startPeriod),
    startInterval: ms(h.StartInterval, DEFAULTS.startInterval),
    retries: h.Retries && h.Retries > 0 ? h.Retries : DEFAULTS.retries,
  };
}

/** monitor's getInterval (Engine 27): the start interval while starting inside the start period, else Interval. */
function intervalAt(t: Timing, startedAt: number, at: number, status: HealthState['status']): number {
  if (at - startedAt >= t.startPeriod) return t.interval;
  return status === 'starting' ? t.startInterval : t.interval;
}

/** Time the daemon takes to start the exec and collect its exit (a fixed few tens of ms per container, from its ID). */
function execLatency(c: Container): number {
  return 20 + (parseInt(c.id.slice(0, 6), 16) % 60);
}

/** initHealthMonitor: a (re)started container's health is `starting` with no failing streak; the Log is kept. */
export function initHealth(c: Container) {
  if (!hasProbe(c.config.Healthcheck)) return;
  const h: HealthState = { status: 'starting', failingStreak: 0, log: c.health?.log ?? [], nextAt: null };
  h.nextAt = c.state.startedAt + intervalAt(timing(c.config.Healthcheck), c.state.startedAt, c.state.startedAt, 'starting');
  c.health = h;
}

/** The monitor stops (exit, pause): overdue probes take the last result, then the status is `unhealthy`. */
export function stopMonitor(c: Container, at: number) {
  const h = c.health;
  if (!h || h.nextAt === null) return;
  const last = h.log[h.log.length - 1];
  if (last && last.start >= c.state.startedAt && hasProbe(c.config.Healthcheck)) catchUp(c, h, at, { exitCode: last.exitCode, output: last.output, duration: last.end - last.start });
  h.nextAt = null;
  h.status = 'unhealthy';
}

/** updateHealthMonitor on unpause: the monitor runs again (its first probe one interval later); the status stays. */
export function resumeMonitor(s: EngineState, c: Container) {
  const h = c.health;
  if (!h || !hasProbe(c.config.Healthcheck) || h.nextAt !== null) return;
  h.nextAt = s.clock + intervalAt(timing(c.config.Healthcheck), c.state.startedAt, s.clock, h.status);
}

/** When the container's next probe was due, if it is due now (the shell then runs it and calls recordProbe). */
export function dueProbe(s: EngineState, c: Container): number | null {
  const at = c.health?.nextAt;
  return c.state.status === 'running' && at != null && at <= s.clock ? at : null;
}

/** What the runtime reports of one probe run: output chunks with their offsets, exit code, simulated run time. */
export interface ProbeRun {
  exitCode: number;
  output: { offset: number; text: string }[];
  /** Simulated ms the command ran; null = it was still running when the runtime gave up (a loop, a long sleep). */
  elapsed: number | null;
  /** The container's writable layer after the probe (probes are execs: what they write stays). */
  upper?: FileTable;
}

interface Outcome {
  exitCode: number;
  output: string;
  duration: number;
}

/** A probe run as moby records it: output capped at 4096 bytes + `...`; past Timeout it is killed (exit -1). */
function outcome(c: Container, t: Timing, run: ProbeRun): Outcome {
  const cap = (text: string) => (text.length > MAX_OUTPUT ? text.slice(0, MAX_OUTPUT) + '...' : text);
  const lat = execLatency(c);
  if (run.elapsed === null || run.elapsed > t.timeout) {
    const out = cap(run.output.filter((o) => o.offset <= t.timeout).map((o) => o.text).join(''));
    return { exitCode: -1, output: `Health check exceeded timeout (${goDuration(t.timeout)})${out ? ': ' + out : ''}`, duration: t.timeout + lat };
  }
  return { exitCode: run.exitCode, output: cap(run.output.map((o) => o.text).join('')), duration: Math.round(run.elapsed) + lat };
}

/** Record a probe run for every probe due by now (see the note at the top); one call is one daemon update. */
export function recordProbe(s: EngineState, id: string, run: ProbeRun) {
  const c = containerById(s, id);
  touch(id);
  if (!c?.health || dueProbe(s, c) === null || !hasProbe(c.config.Healthcheck)) return;
  if (run.upper) c.upper = run.upper;
  catchUp(c, c.health, s.clock, outcome(c, timing(c.config.Healthcheck), run));
}

/** Apply one outcome to the probes that start at or before `until` (handleProbeResult, n times). */
function catchUp(c: Container, h: HealthState, until: number, o: Outcome) {
  const t = timing(c.config.Healthcheck);
  const started = c.state.startedAt;
  const boundary = started + t.startPeriod;
  let at = h.nextAt;
  while (at !== null && at <= until) {
    apply(h, t, o, at, 1, 0, !(h.status === 'starting' && at < boundary));
    const end = at + o.duration;
    const gap = intervalAt(t, started, end, h.status);
    at = end + gap;
    if (at > until) break;
    const step = o.duration + gap;
    if (h.status !== 'starting' || end >= boundary) {
      // from here on the interval stays Interval and every probe counts: the rest in one go
      const n = Math.floor((until - at) / step) + 1;
      apply(h, t, o, at, n, step, true);
      at += n * step;
    } else if (o.exitCode !== 0) {
      // failing inside the start period: the status stays `starting` and nothing counts until a probe ends past it
      const n = Math.min(Math.floor((until - at) / step) + 1, Math.ceil((boundary - o.duration - at) / step)) - 1;
      if (n > 0) {
        apply(h, t, o, at, n, step, false);
        at += n * step;
      }
    }
  }
  h.nextAt = at;
}

/** `n` identical probes starting at `first`, `step` apart: status, streak and the last 5 log entries. */
function apply(h: HealthState, t: Timing, o: Outcome, first: number, n: number, step: number, counts: boolean) {
  if (o.exitCode === 0) {
    h.failingStreak = 0;
    h.status = 'healthy';
  } else if (counts) {
    h.failingStreak += n;
    if (h.failingStreak >= t.retries) h.status = 'unhealthy';
  }
  const log: HealthResult[] = [];
  for (let k = Math.max(0, n - MAX_LOG); k < n; k++) log.push({ start: first + k * step, end: first + k * step + o.duration, exitCode: o.exitCode, output: o.output });
  h.log = [...h.log, ...log].slice(-MAX_LOG);
}

/** Go time.Duration.String for whole milliseconds (`30s`, `1m0s`, `1.5s`, `500ms`). */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  let s = ms / 1000;
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  return `${h ? h + 'h' : ''}${h || m ? m + 'm' : ''}${+s.toFixed(3)}s`;
}

/** `health: starting`, `healthy`, `unhealthy` as `docker ps` shows them (container/health.go String). */
export function healthString(c: Container): string | null {
  if (!c.health) return null;
  return c.health.status === 'starting' ? 'health: starting' : c.health.status;
}

/** The `health` filter's value for a container (container/view.go: `none` without a monitor ever started). */
export function healthStatus(c: Container): string {
  return c.health?.status ?? 'none';
}
