// Property test: random daemon command sequences keep the engine's invariants, and a failed command changes nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainIds, createEngine, isDockerError, type Engine, type EngineState } from './index';
import { checkIndexes, indexDifference } from './indexes';
import { allContainers, containerIds, containerCount } from './container-table';

const IMAGES = ['hello-world', 'busybox', 'alpine', 'nginx', 'httpd', 'ubuntu:18.04', 'ubuntu:bionic', 'redis:alpine'];
const NAMES = ['web', 'db', 'cache', 'a1', 'b2'];

type Step = (e: Engine) => unknown;

const ref = fc.constantFrom(...IMAGES, 'mybox:1', 'nosuch');
const cname = fc.constantFrom(...NAMES, 'ghost');
/** A container reference: a name, or whatever the n-th container is (by ID prefix). */
const target = fc.oneof(cname, fc.nat(6).map((n) => (e: Engine) => containerIds(e.state)[n]?.slice(0, 12) ?? 'nope'));
const resolve = (e: Engine, t: string | ((e: Engine) => string)) => (typeof t === 'string' ? t : t(e));

const step: fc.Arbitrary<[string, Step]> = fc.oneof(
  ref.map((r) => [`pull ${r}`, (e: Engine) => e.image.pull(r)] as [string, Step]),
  fc.tuple(ref, fc.option(cname, { nil: undefined }), fc.boolean()).map(([r, n, rm]) => [`create ${r} ${n ?? ''}${rm ? ' --rm' : ''}`, (e: Engine) => e.container.create({ image: r, name: n, hostConfig: { AutoRemove: rm } })] as [string, Step]),
  target.map((t) => ['start', (e: Engine) => e.container.start(resolve(e, t))] as [string, Step]),
  fc.tuple(target, fc.constantFrom(0, 1, 10)).map(([t, s]) => ['stop', (e: Engine) => e.container.stop(resolve(e, t), s)] as [string, Step]),
  target.map((t) => ['kill', (e: Engine) => e.container.kill(resolve(e, t))] as [string, Step]),
  fc.tuple(target, fc.boolean()).map(([t, f]) => [`rm${f ? ' -f' : ''}`, (e: Engine) => e.container.remove(resolve(e, t), f)] as [string, Step]),
  target.map((t) => ['pause', (e: Engine) => e.container.pause(resolve(e, t))] as [string, Step]),
  target.map((t) => ['unpause', (e: Engine) => e.container.unpause(resolve(e, t))] as [string, Step]),
  target.map((t) => ['restart', (e: Engine) => e.container.restart(resolve(e, t), 1)] as [string, Step]),
  fc.tuple(target, cname).map(([t, n]) => ['rename', (e: Engine) => e.container.rename(resolve(e, t), n)] as [string, Step]),
  // by tag only: `rmi -f <id>` may legitimately leave a stopped container pointing at a deleted image
  fc.tuple(ref, fc.boolean()).map(([r, f]) => [`rmi ${r}`, (e: Engine) => e.image.remove(r, f)] as [string, Step]),
  ref.map((r) => [`tag ${r}`, (e: Engine) => e.image.tag(r, 'mybox:1')] as [string, Step]),
  fc.boolean().map((a) => ['image prune', (e: Engine) => e.image.prune(a)] as [string, Step]),
  fc.constant(['container prune', (e: Engine) => e.container.prune()] as [string, Step]),
  fc.integer({ min: 0, max: 120_000 }).map((ms) => [`advance ${ms}`, (e: Engine) => e.advance(ms)] as [string, Step]),
  // health checks: --health-* (some below the daemon's 1ms minimum) and a probe result for whatever is due
  fc.tuple(ref, fc.option(cname, { nil: undefined }), fc.constantFrom(0, 5e5, 2e9), fc.constantFrom(-1, 0, 2)).map(([r, n, iv, retries]) => [`create ${r} --health-interval ${iv}`, (e: Engine) => e.container.create({ image: r, name: n, healthcheck: { Test: ['CMD-SHELL', 'true'], Interval: iv, Retries: retries } })] as [string, Step]),
  fc.tuple(fc.nat(6), fc.constantFrom(0, 1)).map(([n, code]) => ['probe', (e: Engine) => e.container.healthProbe(containerIds(e.state)[n] ?? 'nope', { exitCode: code, output: [], elapsed: 0 })] as [string, Step]),
);

function invariants(s: EngineState) {
  const names = allContainers(s).map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  // creation numbers are unique and below the next one handed out
  const seqs = allContainers(s).map((c) => c.seq);
  expect(new Set(seqs).size).toBe(containerCount(s));
  expect(seqs.every((q) => q < s.containerSeq)).toBe(true);
  for (const c of allContainers(s)) {
    expect(s.images[c.imageId], `image of ${c.name}`).toBeDefined();
    const live = c.state.status === 'running' || c.state.status === 'paused';
    expect(c.state.pid > 0).toBe(live);
    // a health monitor runs exactly while the container runs (not paused, not stopped)
    if (c.health) expect(c.health.nextAt !== null).toBe(c.state.status === 'running');
    if (c.health) expect(c.health.log.length).toBeLessThanOrEqual(5);
  }
  const used = new Set<string>();
  for (const img of Object.values(s.images)) for (const ch of chainIds(img.diffIds)) {
    expect(s.layers[ch], `layer ${ch} of ${img.id}`).toBeDefined();
    used.add(ch);
  }
  // refcounts: no layer is kept that no image needs
  expect(Object.keys(s.layers).filter((l) => !used.has(l))).toEqual([]);
  for (const [t, id] of Object.entries(s.tags)) expect(s.images[id], `tag ${t}`).toBeDefined();
}

describe('engine invariants under random command sequences', () => {
  it('hold after every command; failed commands leave the state untouched', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
        const e = createEngine({ seed });
        for (const [, run] of steps) {
          const before = e.state;
          try {
            run(e);
          } catch (err) {
            if (!isDockerError(err) && !(err instanceof Error && err.name === 'InvalidReferenceError')) throw err;
            expect(e.state).toBe(before);
          }
          invariants(e.state);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// networks and published ports, for the indexes (addresses in use per network, host ports in use)
const netSteps: fc.Arbitrary<[string, Step]> = fc.oneof(
  fc.tuple(ref, fc.option(cname, { nil: undefined }), fc.constantFrom('8080', '8081', '')).map(([r, n, port]) => [`create ${r} -p ${port}:80`, (e: Engine) => e.container.create({ image: r, name: n, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: port }] } } })] as [string, Step]),
  fc.constantFrom('lab', 'other').map((n) => [`network create ${n}`, (e: Engine) => e.network.create({ name: n })] as [string, Step]),
  fc.tuple(fc.constantFrom('lab', 'other', 'bridge'), target).map(([n, t]) => [`network connect ${n}`, (e: Engine) => e.network.connect(n, resolve(e, t))] as [string, Step]),
  fc.tuple(fc.constantFrom('lab', 'other', 'bridge'), target).map(([n, t]) => [`network disconnect ${n}`, (e: Engine) => e.network.disconnect(n, resolve(e, t))] as [string, Step]),
  fc.constantFrom('lab', 'other').map((n) => [`network rm ${n}`, (e: Engine) => e.network.remove(n)] as [string, Step]),
);

describe('engine indexes under random command sequences', () => {
  it('agree with a fresh scan of the state after every command (names, addresses, ports, due processes and probes)', () => {
    checkIndexes(true); // each command also checks itself and throws on a difference
    try {
      fc.assert(
        fc.property(fc.array(fc.oneof(step, netSteps), { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 1000 }), (steps, seed) => {
          const e = createEngine({ seed });
          for (const [, run] of steps) {
            try {
              run(e);
            } catch (err) {
              if (!isDockerError(err) && !(err instanceof Error && err.name === 'InvalidReferenceError')) throw err;
            }
            const { held, fresh } = e.indexes();
            expect(indexDifference(held, fresh)).toBeNull();
          }
        }),
        { numRuns: 150 },
      );
    } finally {
      checkIndexes(false);
    }
  });

  it('finds containers by ID, name and unique ID prefix exactly as docker does, ambiguity included', () => {
    const e = createEngine({ seed: 1 });
    e.image.pull('busybox');
    const ids = Array.from({ length: 40 }, (_, i) => e.container.create({ image: 'busybox', name: `c${i}` }).id);
    // two IDs that share a first hex digit (40 random IDs over 16 digits always have one)
    const first = ids.find((id) => ids.some((o) => o !== id && o[0] === id[0]))!;
    expect(() => e.container.get(first[0])).toThrow(`multiple IDs found with provided prefix: ${first[0]}`);
    expect(e.container.get(first.slice(0, 12)).id).toBe(first);
    expect(e.container.get('c7').id).toBe(ids[7]);
    expect(e.container.get('/c7').id).toBe(ids[7]);
    expect(() => e.container.get('nosuch')).toThrow('No such container: nosuch');
    // a name wins over an ID prefix that is also a name, and a rename frees the old name at once
    e.container.rename('c3', ids[5].slice(0, 6));
    expect(e.container.get(ids[5].slice(0, 6)).id).toBe(ids[3]);
    expect(() => e.container.get('c3')).toThrow('No such container: c3');
    expect(() => e.container.rename('c4', 'c7')).toThrow('Conflict. The container name "/c7" is already in use by container "' + ids[7] + '"');
    e.container.remove('c7', false);
    e.container.rename('c4', 'c7');
    expect(e.container.get('c7').id).toBe(ids[4]);
  });
});
