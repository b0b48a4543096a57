// Health checks in the daemon: config merge and checks, the probe schedule, the status arithmetic, stop/pause/restart.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine, isDockerError, type Engine, type HealthConfig, type ProbeRun } from '../index';
import { goDuration, mergeHealthcheck } from './health';
import { containerById } from '../container-table';

const S = 1e9;
const fail: ProbeRun = { exitCode: 1, output: [{ offset: 0, text: 'nope\n' }], elapsed: 0 };
const ok: ProbeRun = { exitCode: 0, output: [], elapsed: 0 };

function started(healthcheck?: HealthConfig, image = 'busybox'): { e: Engine; id: string } {
  const e = createEngine();
  e.image.pull(image);
  const { id } = e.container.create({ image, cmd: ['sleep', '99999'], name: 'web', healthcheck });
  e.container.start(id);
  return { e, id };
}

/** What the shell does after time has passed: run each due probe once (here: a fixed outcome). */
function probeDue(e: Engine, id: string, run: ProbeRun) {
  const c = containerById(e.state, id)!;
  if (c?.health?.nextAt != null && c.health.nextAt <= e.now() && c.state.status === 'running') e.container.healthProbe(id, run);
}

describe('container health config', () => {
  it('merges unset --health-* fields from the image HEALTHCHECK (daemon/commit.go merge)', () => {
    const img: HealthConfig = { Test: ['CMD-SHELL', 'check'], Interval: 5 * S, Retries: 3 };
    expect(mergeHealthcheck({ Interval: 2 * S } as HealthConfig, img)).toEqual({ Test: ['CMD-SHELL', 'check'], Interval: 2 * S, Retries: 3 });
    expect(mergeHealthcheck({ Test: ['NONE'] }, img)).toEqual({ Test: ['NONE'], Interval: 5 * S, Retries: 3 });
    expect(mergeHealthcheck(undefined, img)).toEqual(img);
    expect(mergeHealthcheck(undefined, undefined)).toBeUndefined();
  });

  it('rejects durations under 1ms and negative retries with the daemon texts, changing nothing', () => {
    const e = createEngine();
    e.image.pull('busybox');
    const before = e.state;
    const err = (h: Partial<HealthConfig>) => {
      try {
        e.container.create({ image: 'busybox', healthcheck: { Test: ['CMD', 'true'], ...h } });
      } catch (x) {
        return isDockerError(x) ? `${x.kind}: ${x.message}` : String(x);
      }
    };
    expect(err({ Interval: 500e3 })).toBe('InvalidParameter: Interval in Healthcheck cannot be less than 1ms');
    expect(err({ Timeout: 1 })).toBe('InvalidParameter: Timeout in Healthcheck cannot be less than 1ms');
    expect(err({ Retries: -1 })).toBe('InvalidParameter: Retries in Healthcheck cannot be negative');
    expect(err({ StartPeriod: 10 })).toBe('InvalidParameter: StartPeriod in Healthcheck cannot be less than 1ms');
    expect(err({ StartInterval: 10 })).toBe('InvalidParameter: StartInterval in Healthcheck cannot be less than 1ms');
    expect(e.state).toBe(before);
  });

  it('formats timeouts like Go durations', () => {
    expect([30_000, 60_000, 1500, 500, 3_600_000, 150_000].map(goDuration)).toEqual(['30s', '1m0s', '1.5s', '500ms', '1h0m0s', '2m30s']);
  });
});

describe('the health monitor', () => {
  it('has no State.Health before the first start, nor for NONE / an empty Test', () => {
    const e = createEngine();
    e.image.pull('busybox');
    const { id } = e.container.create({ image: 'busybox', healthcheck: { Test: ['CMD', 'true'] } });
    expect(containerById(e.state, id)!.health).toBeUndefined();
    const none = started({ Test: ['NONE'] });
    expect(containerById(none.e.state, none.id)!.health).toBeUndefined();
    const x = started({ Interval: S } as HealthConfig);
    expect(containerById(x.e.state, x.id)!.health).toBeUndefined();
  });

  it('starts `starting`; first probe one Interval (default 30s) after start; healthy after a success', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'true'] });
    const c0 = containerById(e.state, id)!;
    expect(c0.health).toEqual({ status: 'starting', failingStreak: 0, log: [], nextAt: c0.state.startedAt + 30_000 });
    e.advance(29_000);
    probeDue(e, id, ok);
    expect(containerById(e.state, id)!.health!.status).toBe('starting');
    e.advance(1000);
    probeDue(e, id, ok);
    const h = containerById(e.state, id)!.health!;
    expect(h.status).toBe('healthy');
    expect(h.log).toHaveLength(1);
    expect(h.log[0].start).toBe(c0.state.startedAt + 30_000);
    // the next timer starts when the probe ends (exec latency included)
    expect(h.nextAt).toBe(h.log[0].end + 30_000);
  });

  it('turns unhealthy after Retries consecutive failures, keeps the last 5 results', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'exit 1'], Interval: 2 * S, Retries: 2 });
    e.advance(2000);
    probeDue(e, id, fail);
    expect(containerById(e.state, id)!.health).toMatchObject({ status: 'starting', failingStreak: 1 });
    e.advance(2200);
    probeDue(e, id, fail);
    expect(containerById(e.state, id)!.health).toMatchObject({ status: 'unhealthy', failingStreak: 2 });
    e.advance(3_600_000); // an hour of 2s probes in one go
    probeDue(e, id, fail);
    const h = containerById(e.state, id)!.health!;
    expect(h.status).toBe('unhealthy');
    expect(h.failingStreak).toBeGreaterThan(1700);
    expect(h.log.map((r) => [r.exitCode, r.output])).toEqual(Array(5).fill([1, 'nope\n']));
    expect(h.log[4].start).toBeLessThanOrEqual(e.now());
    expect(h.nextAt!).toBeGreaterThan(e.now());
    // a success clears the streak
    e.advance(h.nextAt! - e.now());
    probeDue(e, id, ok);
    expect(containerById(e.state, id)!.health).toMatchObject({ status: 'healthy', failingStreak: 0 });
  });

  it('a probe that outlives Timeout fails with -1 and "Health check exceeded timeout"', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'sleep 5; echo late'], Interval: S, Timeout: S });
    e.advance(1000);
    probeDue(e, id, { exitCode: 0, output: [{ offset: 500, text: 'early\n' }, { offset: 5000, text: 'late\n' }], elapsed: 5000 });
    const r = containerById(e.state, id)!.health!.log[0];
    expect([r.exitCode, r.output]).toEqual([-1, 'Health check exceeded timeout (1s): early\n']);
    expect(r.end - r.start).toBeGreaterThanOrEqual(1000);
    e.advance(3000);
    probeDue(e, id, { exitCode: 0, output: [], elapsed: null });
    expect(containerById(e.state, id)!.health!.log[1].output).toBe('Health check exceeded timeout (1s)');
  });

  it('caps the output at 4096 bytes plus "..."', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'yes'], Interval: S });
    e.advance(1000);
    probeDue(e, id, { exitCode: 0, output: [{ offset: 0, text: 'y\n'.repeat(3000) }], elapsed: 0 });
    expect(containerById(e.state, id)!.health!.log[0].output).toBe('y\n'.repeat(2048) + '...');
  });

  it('failures inside the start period do not count; StartInterval paces probes there', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'exit 1'], Interval: 10 * S, StartPeriod: 30 * S, StartInterval: 2 * S, Retries: 1 });
    const t0 = containerById(e.state, id)!.state.startedAt;
    expect(containerById(e.state, id)!.health!.nextAt).toBe(t0 + 2000);
    e.advance(29_000);
    probeDue(e, id, fail);
    const h = containerById(e.state, id)!.health!;
    expect(h).toMatchObject({ status: 'starting', failingStreak: 0 });
    expect(h.log[4].start).toBeLessThan(t0 + 30_000);
    e.advance(3000); // the first probe past the start period counts (Retries 1), then the interval is 10s
    probeDue(e, id, fail);
    const after = containerById(e.state, id)!.health!;
    expect(after).toMatchObject({ status: 'unhealthy', failingStreak: 1 });
    expect(after.nextAt).toBe(after.log[4].end + 10_000);
  });

  it('one run applied to a long jump equals running every probe (bulk arithmetic = step by step)', () => {
    const cfg = fc.record({
      interval: fc.integer({ min: 1, max: 20 }),
      startPeriod: fc.integer({ min: 0, max: 40 }),
      startInterval: fc.integer({ min: 1, max: 5 }),
      retries: fc.integer({ min: 0, max: 6 }),
      code: fc.constantFrom(0, 1),
      elapsed: fc.integer({ min: 0, max: 3000 }),
      jump: fc.integer({ min: 0, max: 200_000 }),
    });
    fc.assert(
      fc.property(cfg, (k) => {
        const hc: HealthConfig = { Test: ['CMD-SHELL', 'x'], Interval: k.interval * S, StartPeriod: k.startPeriod * S, StartInterval: k.startInterval * S, Retries: k.retries };
        const run: ProbeRun = { exitCode: k.code, output: [{ offset: 0, text: 'o' }], elapsed: k.elapsed };
        const a = started(hc);
        const b = started(hc);
        a.e.advance(k.jump);
        probeDue(a.e, a.id, run);
        for (let t = 0; t < k.jump; ) {
          const step = Math.min(k.jump - t, 250);
          b.e.advance(step);
          t += step;
          probeDue(b.e, b.id, run);
        }
        expect(containerById(a.e.state, a.id)!.health).toEqual(containerById(b.e.state, b.id)!.health);
      }),
      { numRuns: 50 },
    );
  });

  it('stop: overdue probes take the last result, then `unhealthy`; start again: `starting`, streak 0, Log kept', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'true'], Interval: 2 * S });
    e.advance(2000);
    probeDue(e, id, ok);
    e.container.stop(id, 10); // busybox sleep ignores SIGTERM: 10s pass inside the command
    const h = containerById(e.state, id)!.health!;
    expect(h).toMatchObject({ status: 'unhealthy', failingStreak: 0, nextAt: null });
    expect(h.log.length).toBe(5);
    expect(h.log[4].start).toBeLessThanOrEqual(containerById(e.state, id)!.state.finishedAt);
    e.container.start(id);
    expect(containerById(e.state, id)!.health).toMatchObject({ status: 'starting', failingStreak: 0, log: h.log });
  });

  it('pause stops the monitor (unhealthy, no probes); unpause resumes one Interval later', () => {
    const { e, id } = started({ Test: ['CMD-SHELL', 'true'], Interval: 2 * S });
    e.advance(2000);
    probeDue(e, id, ok);
    e.container.pause(id);
    expect(containerById(e.state, id)!.health).toMatchObject({ status: 'unhealthy', nextAt: null });
    e.advance(10_000);
    probeDue(e, id, ok);
    expect(containerById(e.state, id)!.health!.log).toHaveLength(1);
    e.container.unpause(id);
    expect(containerById(e.state, id)!.health).toMatchObject({ status: 'unhealthy', nextAt: e.now() + 2000 });
    e.advance(2000);
    probeDue(e, id, ok);
    expect(containerById(e.state, id)!.health!.status).toBe('healthy');
  });
});
