// Indexed lookups by address and by namespace (packets, wordpress, services) answer as a scan did, in states visited out of order.
import { describe, expect, it } from 'vitest';
import { createEngine, loadAllImageData, type Container, type EngineState } from '../index';
import { allContainers } from '../container-table';
import { endpointAt } from './packets';
import { runningContainerAt } from './wordpress';
import { isRunning, netnsOf, type Listener, type Netns, listeners } from './index';
import { programPorts } from './services';

await loadAllImageData();

/** The scans the indexes replaced. */
const scanEndpointAt = (s: EngineState, netId: string, ip: string) => allContainers(s).find((c) => Object.values(c.endpoints).some((e) => e.networkId === netId && e.ip === ip));
const scanRunningAt = (s: EngineState, ip: string) => allContainers(s).find((x) => x.state.status === 'running' && Object.values(x.endpoints).some((e) => e.ip === ip));
function scanListeners(s: EngineState, ns: Netns): Listener[] {
  const out: Listener[] = [];
  for (const c of allContainers(s)) {
    if (c.state.status !== 'running' || !c.process) continue;
    const own = netnsOf(s, c);
    const here = own && own.kind === ns.kind && (ns.kind === 'host' || (own.kind === 'container' && own.id === ns.id));
    if (here) for (const p of programPorts(c)) out.push({ port: p.port, proto: p.proto, ip: '0.0.0.0', container: c });
    if (ns.kind === 'host' && isRunning(c)) {
      for (const m of c.ports) {
        if (m.hostIp.includes(':')) continue;
        const ep = Object.values(c.endpoints).find((e) => e.ip && s.networks[e.networkId]?.driver === 'bridge');
        if (ep) out.push({ port: m.hostPort, proto: m.proto, ip: m.hostIp, container: c, proxyTo: { ip: ep.ip, port: m.containerPort } });
      }
    }
  }
  return out;
}

const brief = (l: Listener[]) => l.map((x) => `${x.container.name} ${x.ip}:${x.port}/${x.proto}${x.proxyTo ? ` -> ${x.proxyTo.ip}:${x.proxyTo.port}` : ''}`);

describe('address and namespace indexes', () => {
  it('match a scan in every state, visited out of order', () => {
    const e = createEngine({ seed: 5 });
    e.image.pull('nginx');
    e.image.pull('busybox');
    const app = e.network.create({ name: 'app', subnet: '10.9.0.0/24' });
    const states: EngineState[] = [e.state];
    const run = (name: string, image: string, hostConfig: Partial<Container['hostConfig']> = {}, networks: { name: string; ip?: string }[] = []) => {
      const { id } = e.container.create({ image, name, cmd: image === 'busybox' ? ['sleep', '100000'] : undefined, hostConfig, networks });
      e.container.start(id);
      states.push(e.state);
      return id;
    };
    run('web', 'nginx', { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } });
    run('api', 'nginx', { NetworkMode: 'app' }, [{ name: 'app', ip: '10.9.0.50' }]);
    run('hosted', 'nginx', { NetworkMode: 'host' });
    const plain = run('plain', 'busybox');
    run('side', 'nginx', { NetworkMode: 'container:plain' });
    e.network.connect('app', 'plain', {});
    states.push(e.state);
    e.container.stop('web', 0);
    states.push(e.state);
    e.container.remove('api', true);
    states.push(e.state);
    run('api', 'nginx', { NetworkMode: 'app' }, [{ name: 'app', ip: '10.9.0.50' }]);
    e.container.start('web');
    states.push(e.state);
    e.container.pause('plain');
    states.push(e.state);
    e.network.disconnect('app', 'plain', true);
    states.push(e.state);
    expect(states.length).toBe(13);
    const order = [12, 0, 4, 9, 1, 7, 2, 11, 5, 3, 10, 8, 6, 0, 12, 3];
    let listening = 0;
    for (const i of order) {
      const s = states[i];
      const nets = Object.values(s.networks).map((n) => n.id);
      const ips = new Set(['10.9.0.50', '172.17.0.2', '172.17.0.3', '10.9.0.2', '10.9.0.3', '']);
      for (const c of allContainers(s)) for (const ep of Object.values(c.endpoints)) ips.add(ep.ip);
      for (const ip of ips) {
        expect(runningContainerAt(s, ip)?.id, `state ${i} running at ${ip}`).toBe(scanRunningAt(s, ip)?.id);
        for (const net of nets) expect(endpointAt(s, s.networks[net], ip)?.id, `state ${i} ${net} ${ip}`).toBe(scanEndpointAt(s, net, ip)?.id);
      }
      const spaces: Netns[] = [{ kind: 'host' }, ...allContainers(s).map((c) => ({ kind: 'container' as const, id: c.id })), { kind: 'container', id: 'nope' }];
      for (const ns of spaces) {
        const want = brief(scanListeners(s, ns));
        listening += want.length;
        expect(brief(listeners(s, ns)), `state ${i} ${JSON.stringify(ns)}`).toEqual(want);
      }
    }
    // the states do have listeners: host mode, a published port, a joined namespace
    expect(listening).toBeGreaterThan(20);
    const last = states[12];
    expect(brief(listeners(last, { kind: 'host' }))).toEqual(['web 0.0.0.0:8080/tcp -> 172.17.0.2:80', 'hosted 0.0.0.0:80/tcp']);
    expect(brief(listeners(states[6], { kind: 'container', id: plain }))).toEqual(['side 0.0.0.0:80/tcp']);
  });
});
