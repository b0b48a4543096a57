// Lookups kept up to date across states (containerKeys): names and the embedded DNS answer as a scan of every
// container would, in whatever order the states are visited (time travel goes back and forth).
import { describe, expect, it } from 'vitest';
import { createEngine, resolveName, type Container, type EngineState } from './index';
import { allContainers, containerNamed } from './container-table';
import { dnsNames, isRunning } from './network';

/** The embedded DNS answer by a scan (what resolveName did before it had an index). */
function scanDns(s: EngineState, netId: string, lower: string): string | null {
  for (const other of allContainers(s)) {
    if (!isRunning(other)) continue;
    const oep = Object.values(other.endpoints).find((e) => e.networkId === netId && e.ip);
    if (oep && dnsNames(other, oep.aliases).map((n) => n.toLowerCase()).includes(lower)) return oep.ip;
  }
  return null;
}

describe('containerKeys', () => {
  it('names and embedded DNS match a scan in every state, visited out of order', () => {
    const e = createEngine({ seed: 3 });
    e.image.pull('busybox');
    const app = e.network.create({ name: 'app' });
    const states: EngineState[] = [e.state];
    const run = (name: string, aliases: string[] = []) => {
      const { id } = e.container.create({ image: 'busybox', name, cmd: ['sleep', '1000'], hostConfig: { NetworkMode: 'app' }, networks: aliases.length ? [{ name: 'app', aliases }] : [] });
      e.container.start(id);
      states.push(e.state);
      return id;
    };
    const a = run('aa', ['shared', 'Web']);
    run('bb', ['shared']);
    run('cc');
    e.container.stop('aa', 0);
    states.push(e.state);
    e.container.rename('cc', 'dd');
    states.push(e.state);
    e.container.remove('bb', true);
    states.push(e.state);
    run('cc', ['aa']);
    e.container.start(a);
    states.push(e.state);
    e.network.connect('bridge', 'aa', {});
    states.push(e.state);
    const names = ['aa', 'bb', 'cc', 'dd', 'shared', 'web', 'WEB', 'nobody'];
    const web = (s: EngineState): Container | null => allContainers(s).find((c) => isRunning(c)) ?? null;
    const order = [6, 0, 3, 9, 1, 7, 2, 5, 4, 8, 0, 9, 3];
    expect(states.length).toBe(10);
    for (const i of order) {
      const s = states[i];
      for (const n of names) {
        expect(containerNamed(s, n)?.id, `state ${i} name ${n}`).toBe(allContainers(s).find((c) => c.name === n)?.id);
        const from = web(s);
        if (from) expect(resolveName(s, from, n).ip, `state ${i} dns ${n}`).toBe(scanDns(s, app, n.toLowerCase()) ?? null);
      }
    }
  });
});
