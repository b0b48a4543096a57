// The packet view: the last packet a tool sent (the session keeps it per step), its path, chain walk and fate.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../engine/test-support';
import { createEngine, tracePacket, type Engine, type EngineState, type PacketRecord, containerById, samePacket } from '../engine/index';
import { packetModel } from './packet-model';
import { changes } from './changes';

const engine = (): Engine => engineWith(1, 'busybox', 'nginx');
const start = startSleeper;

/** The packet view's chain walk and path as lines: `chain: rule | rule`, the deciding rule marked ◀, then hops and verdict. */
function walkOf(s: EngineState, pk: PacketRecord): string[] {
  const m = packetModel(s, null, undefined, pk);
  const p = m.packet!;
  return [p.title, ...p.walk.map((v) => `${v.chain}: ${v.lines.map((l) => l.text + (l.decided ? ' ◀' : '')).join(' | ')}`), ...p.hops.map((h) => `hop ${h}`), `verdict ${p.verdict}`];
}

describe('packet view: path and chain walk', () => {
  it('each packet has its own id, the same in every model of it: a second ping alike gets another', () => {
    const e = engine();
    e.network.create({ name: 'my_net' });
    const b1 = start(e, 'b1', { hostConfig: { NetworkMode: 'my_net' } });
    start(e, 'b2', { hostConfig: { NetworkMode: 'my_net' } });
    const ping = () => e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: b1 }, '172.18.0.3', 'icmp'));
    const [first, second] = [ping(), ping()];
    const id = packetModel(e.state, null, undefined, first).packet!.id;
    expect(packetModel(e.state, e.state, undefined, first).packet!.id).toBe(id);
    const again = packetModel(e.state, null, undefined, second).packet!;
    expect(again.id).not.toBe(id);
    expect({ ...again, id }).toEqual(packetModel(e.state, null, undefined, first).packet);
  });

  it('before any packet: a placeholder that says what to do', () => {
    expect(packetModel(createEngine({ seed: 1 }).state).empty).toBe('no packet yet: try ping or curl');
  });

  it('ping delivered on one bridge: veth, bridge, the FORWARD visits in order, the ACCEPT that decided it', () => {
    const e = engine();
    e.network.create({ name: 'my_net' });
    const b1 = start(e, 'b1', { hostConfig: { NetworkMode: 'my_net' } });
    start(e, 'b2', { hostConfig: { NetworkMode: 'my_net' } });
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: b1 }, '172.18.0.3', 'icmp'));
    const br = e.network.get('my_net').bridge;
    const [v1, v2] = ['b1', 'b2'].map((n) => e.container.get(n).endpoints.my_net.veth);
    expect(walkOf(e.state, pk)).toEqual([
      'icmp echo 172.18.0.2 → 172.18.0.3',
      'filter FORWARD: 1: -j DOCKER-USER',
      'filter DOCKER-USER: 1: -j RETURN',
      'filter FORWARD: 2: -j DOCKER-ISOLATION-STAGE-1',
      'filter DOCKER-ISOLATION-STAGE-1: 3: -j RETURN',
      `filter FORWARD: 4: -o ${br} -j DOCKER`,
      'filter DOCKER: no rule matched: back to FORWARD',
      `filter FORWARD: ✔ 6: -i ${br} -o ${br} -j ACCEPT ◀`,
      `hop b1 eth0 (172.18.0.2) → ${v1} → bridge ${br}`,
      `hop bridge ${br} → ${v2} → b2 eth0 (172.18.0.3)`,
      'hop delivered to b2 (172.18.0.3)',
      'verdict DELIVERED',
    ]);
  });

  it('ping dropped by DOCKER-ISOLATION between two user networks: the deciding rule and the verdict', () => {
    const e = engine();
    e.network.create({ name: 'my_net' });
    e.network.create({ name: 'my_net2', subnet: '172.22.1.0/24', gateway: '172.22.1.1' });
    const b1 = start(e, 'busybox_1', { hostConfig: { NetworkMode: 'my_net' } });
    start(e, 'busybox_2', { hostConfig: { NetworkMode: 'my_net2' }, networks: [{ name: 'my_net2', ip: '172.22.1.34' }] });
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: b1 }, '172.22.1.34', 'icmp'));
    const [br1, br2] = ['my_net', 'my_net2'].map((n) => e.network.get(n).bridge);
    const v1 = e.container.get('busybox_1').endpoints.my_net.veth;
    expect(walkOf(e.state, pk)).toEqual([
      'icmp echo 172.18.0.2 → 172.22.1.34',
      'nat PREROUTING: ✔ policy ACCEPT',
      'filter FORWARD: 1: -j DOCKER-USER',
      'filter DOCKER-USER: 1: -j RETURN',
      'filter FORWARD: 2: -j DOCKER-ISOLATION-STAGE-1',
      `filter DOCKER-ISOLATION-STAGE-1: 2: -i ${br1} ! -o ${br1} -j DOCKER-ISOLATION-STAGE-2`,
      `filter DOCKER-ISOLATION-STAGE-2: ✖ 1: -o ${br2} -j DROP ◀`,
      `hop busybox_1 eth0 (172.18.0.2) → ${v1} → bridge ${br1} → gateway 172.18.0.1`,
      `hop host routes 172.22.1.34 out of ${br2}`,
      'hop dropped by filter DOCKER-ISOLATION-STAGE-2',
      'verdict DROPPED by filter DOCKER-ISOLATION-STAGE-2 rule 1: no answer, the sender times out',
    ]);
    expect(packetModel(e.state, null, undefined, pk).packet!.endsAt).toBe('iptables');
  });

  it('curl to a published port from the host: nat OUTPUT → DOCKER DNAT, then docker0 to the web server', () => {
    const e = engine();
    const web = start(e, 'web', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
    const pk = e.network.packetRecord(e.network.http({ kind: 'host' }, '10.0.2.15', 8080, 'GET', '/', 'curl/8.5.0').trace);
    const veth = containerById(e.state, web)!.endpoints.bridge.veth;
    expect(walkOf(e.state, pk)).toEqual([
      'tcp 10.0.2.15 → 10.0.2.15:8080',
      'nat OUTPUT: 1: ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      'nat DOCKER: ✔ 2: ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      'filter OUTPUT: ✔ policy ACCEPT ◀',
      'hop DNAT 10.0.2.15:8080 → 172.17.0.2:80',
      'hop host route 172.17.0.0/16 dev docker0',
      `hop docker0 → ${veth} → web eth0 (172.17.0.2)`,
      'hop web: nginx accepts on 172.17.0.2:80',
      'verdict DELIVERED',
    ]);
    expect(packetModel(e.state, null, undefined, pk).packet!.endsAt).toBe(`c:${web}`);
  });

  it('the reply check is listed only when it dropped the packet', () => {
    const e = engine();
    const a = start(e, 'aa');
    start(e, 'bb');
    e.network.iptablesEdit({ table: 'filter', op: 'I', chain: 'DOCKER-USER', pos: 1, rule: { ctstate: 'ESTABLISHED', target: 'DROP' } });
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.3', 'icmp'));
    const w = walkOf(e.state, pk);
    expect(w).toContain('filter FORWARD: ✔ 6: -i docker0 -o docker0 -j ACCEPT');
    expect(w).toContain('reply: filter DOCKER-USER: ✖ 1: -m conntrack --ctstate ESTABLISHED -j DROP ◀');
    expect(w.at(-1)).toBe('verdict DROPPED by filter DOCKER-USER rule 1: no answer, the sender times out');
  });

  it('the record is plain data (survives JSON), making it changes no state, and the same packet again is the same record', () => {
    const e = engine();
    const a = start(e, 'aa');
    const s = e.state;
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.1', 'icmp'));
    expect(e.state).toBe(s);
    expect(JSON.parse(JSON.stringify(pk))).toEqual(pk);
    expect(pk).toMatchObject({ sender: { kind: 'container', id: a, name: 'aa' }, from: '172.17.0.2', dst: '172.17.0.1', verdict: 'delivered', to: { kind: 'host' } });
    expect(samePacket(pk, e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.1', 'icmp')))).toBe(true);
    expect(samePacket(pk, e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.3', 'icmp')))).toBe(false);
  });
});

describe('what changed: a packet', () => {
  it('names the packet a command sent and its fate; the same record again is no change', () => {
    const e = engine();
    e.network.create({ name: 'n1' });
    e.network.create({ name: 'n2' });
    const a = start(e, 'aa', { hostConfig: { NetworkMode: 'n1' } });
    start(e, 'bb', { hostConfig: { NetworkMode: 'n2' } });
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: a }, '172.19.0.2', 'icmp'));
    expect(changes(e.state, e.state, undefined, pk)).toEqual([{ kind: 'changed', what: 'packet icmp 172.18.0.2 → 172.19.0.2: DROPPED by filter DOCKER-ISOLATION-STAGE-2 rule 1' }]);
    // a step that sent no packet (or a tool repeating one within a step) keeps the earlier record: no change
    expect(changes(e.state, e.state, pk, pk)).toEqual([]);
  });
});
