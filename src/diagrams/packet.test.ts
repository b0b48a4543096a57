// The packet diagram: the last packet a tool sent (EngineState.lastPacket), drawn hop by hop and chain by chain, with its fate.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../engine/test-support';
import { createEngine, tracePacket, type Engine } from '../engine/index';
import { packet } from './packet';
import { changes } from './changes';

const engine = (): Engine => engineWith(1, 'busybox', 'nginx');
const start = startSleeper;

const CLASSES = `  classDef chain stroke:#d29922
  classDef decided stroke:#f85149,stroke-width:3px
  classDef delivered stroke:#3fb950,stroke-width:3px
  classDef failed stroke:#f85149,stroke-width:3px
`;

describe('packet diagram', () => {
  it('before any packet: a placeholder that says what to do', () => {
    expect(packet(createEngine({ seed: 1 }).state)).toBe('flowchart TB\n  none["no packet yet: try ping or curl"]\n');
  });

  it('ping delivered on one bridge: veth, bridge, the FORWARD visits in order, the ACCEPT that decided it', () => {
    const e = engine();
    e.network.create({ name: 'my_net' });
    const b1 = start(e, 'b1', { hostConfig: { NetworkMode: 'my_net' } });
    start(e, 'b2', { hostConfig: { NetworkMode: 'my_net' } });
    e.network.recordPacket(tracePacket(e.state, { kind: 'container', id: b1 }, '172.18.0.3', 'icmp'));
    const br = e.network.get('my_net').bridge;
    const [v1, v2] = ['b1', 'b2'].map((n) => e.container.get(n).endpoints.my_net.veth);
    expect(packet(e.state)).toBe(`flowchart TB
  p0(["b1 (container network namespace)<br/>icmp echo 172.18.0.2 → 172.18.0.3"])
  p1("b1 eth0 (172.18.0.2)")
  p0 --> p1
  p2("${v1}")
  p1 --> p2
  p3{{"bridge ${br}"}}
  p2 --> p3
  p4["filter FORWARD<br/>1: -j DOCKER-USER"]
  p3 --> p4
  p5["filter DOCKER-USER<br/>1: -j RETURN"]
  p4 --> p5
  p6["filter FORWARD<br/>2: -j DOCKER-ISOLATION-STAGE-1"]
  p5 --> p6
  p7["filter DOCKER-ISOLATION-STAGE-1<br/>3: -j RETURN"]
  p6 --> p7
  p8["filter FORWARD<br/>4: -o ${br} -j DOCKER"]
  p7 --> p8
  p9["filter DOCKER<br/>no rule matched: back to FORWARD"]
  p8 --> p9
  p10["filter FORWARD<br/>✔ 6: -i ${br} -o ${br} -j ACCEPT"]
  p9 --> p10
  p11{{"bridge ${br}"}}
  p10 --> p11
  p12("${v2}")
  p11 --> p12
  p13("b2 eth0 (172.18.0.3)")
  p12 --> p13
  p14(["delivered to b2 (172.18.0.3)<br/>verdict: DELIVERED"])
  p13 --> p14
${CLASSES}  class p4,p5,p6,p7,p8,p9,p10 chain
  class p14 delivered
`);
  });

  it('ping dropped by DOCKER-ISOLATION between two user networks: the deciding rule and the verdict in red', () => {
    const e = engine();
    e.network.create({ name: 'my_net' });
    e.network.create({ name: 'my_net2', subnet: '172.22.1.0/24', gateway: '172.22.1.1' });
    const b1 = start(e, 'busybox_1', { hostConfig: { NetworkMode: 'my_net' } });
    start(e, 'busybox_2', { hostConfig: { NetworkMode: 'my_net2' }, networks: [{ name: 'my_net2', ip: '172.22.1.34' }] });
    e.network.recordPacket(tracePacket(e.state, { kind: 'container', id: b1 }, '172.22.1.34', 'icmp'));
    const [br1, br2] = ['my_net', 'my_net2'].map((n) => e.network.get(n).bridge);
    const v1 = e.container.get('busybox_1').endpoints.my_net.veth;
    expect(packet(e.state)).toBe(`flowchart TB
  p0(["busybox_1 (container network namespace)<br/>icmp echo 172.18.0.2 → 172.22.1.34"])
  p1("busybox_1 eth0 (172.18.0.2)")
  p0 --> p1
  p2("${v1}")
  p1 --> p2
  p3{{"bridge ${br1}"}}
  p2 --> p3
  p4("gateway 172.18.0.1")
  p3 --> p4
  p5["nat PREROUTING<br/>✔ policy ACCEPT"]
  p4 --> p5
  p6("host routes 172.22.1.34 out of ${br2}")
  p5 --> p6
  p7["filter FORWARD<br/>1: -j DOCKER-USER"]
  p6 --> p7
  p8["filter DOCKER-USER<br/>1: -j RETURN"]
  p7 --> p8
  p9["filter FORWARD<br/>2: -j DOCKER-ISOLATION-STAGE-1"]
  p8 --> p9
  p10["filter DOCKER-ISOLATION-STAGE-1<br/>2: -i ${br1} ! -o ${br1} -j DOCKER-ISOLATION-STAGE-2"]
  p9 --> p10
  p11["filter DOCKER-ISOLATION-STAGE-2<br/>✖ 1: -o ${br2} -j DROP"]
  p10 --> p11
  p12(["verdict: DROPPED by filter DOCKER-ISOLATION-STAGE-2 rule 1: no answer, the sender times out"])
  p11 --> p12
${CLASSES}  class p5,p7,p8,p9,p10 chain
  class p11 decided
  class p12 failed
`);
  });

  it('curl to a published port from the host: nat OUTPUT → DOCKER DNAT, then docker0 to the web server', () => {
    const e = engine();
    const web = start(e, 'web', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
    e.network.recordPacket(e.network.http({ kind: 'host' }, '10.0.2.15', 8080, 'GET', '/', 'curl/8.5.0').trace);
    const veth = e.state.containers[web].endpoints.bridge.veth;
    expect(packet(e.state)).toBe(`flowchart TB
  p0(["host dockerlings (host network namespace)<br/>tcp 10.0.2.15 → 10.0.2.15:8080"])
  p1["nat OUTPUT<br/>1: ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER"]
  p0 --> p1
  p2["nat DOCKER<br/>✔ 2: ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80"]
  p1 --> p2
  p3[/"DNAT 10.0.2.15:8080 → 172.17.0.2:80"/]
  p2 --> p3
  p4("host route 172.17.0.0/16 dev docker0")
  p3 --> p4
  p5["filter OUTPUT<br/>✔ policy ACCEPT"]
  p4 --> p5
  p6{{"docker0"}}
  p5 --> p6
  p7("${veth}")
  p6 --> p7
  p8("web eth0 (172.17.0.2)")
  p7 --> p8
  p9(["web: nginx accepts on 172.17.0.2:80<br/>verdict: DELIVERED"])
  p8 --> p9
${CLASSES}  class p1,p2,p5 chain
  class p9 delivered
`);
  });

  it('the reply check is drawn only when it dropped the packet', () => {
    const e = engine();
    const a = start(e, 'aa');
    start(e, 'bb');
    e.network.iptablesEdit({ table: 'filter', op: 'I', chain: 'DOCKER-USER', pos: 1, rule: { ctstate: 'ESTABLISHED', target: 'DROP' } });
    e.network.recordPacket(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.3', 'icmp'));
    const d = packet(e.state);
    expect(d).toContain('["filter FORWARD<br/>✔ 6: -i docker0 -o docker0 -j ACCEPT"]');
    expect(d).toMatch(/ (p\d+)\["reply: filter DOCKER-USER<br\/>✖ 1: -m conntrack --ctstate ESTABLISHED -j DROP"\]\n[\s\S]*  class \1 decided\n/);
    expect(d).toContain('(["verdict: DROPPED by filter DOCKER-USER rule 1: no answer, the sender times out"])');
  });

  it('the record is plain data (survives JSON), and sending the same packet again changes nothing', () => {
    const e = engine();
    const a = start(e, 'aa');
    const t = tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.1', 'icmp');
    e.network.recordPacket(t);
    const s = e.state;
    expect(JSON.parse(JSON.stringify(s.lastPacket))).toEqual(s.lastPacket);
    expect(s.lastPacket).toMatchObject({ sender: { kind: 'container', id: a, name: 'aa' }, from: '172.17.0.2', dst: '172.17.0.1', verdict: 'delivered', to: { kind: 'host' } });
    e.network.recordPacket(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.1', 'icmp'));
    expect(e.state).toBe(s);
  });
});

describe('what changed: a packet', () => {
  it('names the packet a command sent and its fate; the same packet again is no change', () => {
    const e = engine();
    e.network.create({ name: 'n1' });
    e.network.create({ name: 'n2' });
    const a = start(e, 'aa', { hostConfig: { NetworkMode: 'n1' } });
    start(e, 'bb', { hostConfig: { NetworkMode: 'n2' } });
    const before = e.state;
    e.network.recordPacket(tracePacket(e.state, { kind: 'container', id: a }, '172.19.0.2', 'icmp'));
    expect(changes(before, e.state)).toEqual([{ kind: 'changed', what: 'packet icmp 172.18.0.2 → 172.19.0.2: DROPPED by filter DOCKER-ISOLATION-STAGE-2 rule 1' }]);
    const after = e.state;
    e.network.recordPacket(tracePacket(e.state, { kind: 'container', id: a }, '172.19.0.2', 'icmp'));
    expect(changes(after, e.state)).toEqual([]);
  });
});
