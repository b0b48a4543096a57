// iptables as data (networking.md §5a–5c) and packets decided by it: isolation, DOCKER-USER, DNAT, user edits.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../test-support';
import { createEngine, iptablesRules, ruleLine, tracePacket, type Engine, type Tables } from '../index';

const lines = (t: Tables, table: 'filter' | 'nat') => t[table].flatMap((c) => c.rules.map((r) => ruleLine(c.name, r)));

const engine = (): Engine => engineWith(1, 'busybox', 'nginx');
const start = startSleeper;

describe('rules docker installs (Engine 27)', () => {
  it('fresh daemon: exactly the 5a rule set', () => {
    const t = iptablesRules(createEngine({ seed: 1 }).state);
    expect(lines(t, 'filter')).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -o docker0 -j DOCKER',
      '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
      '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
      '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
      '-A DOCKER-USER -j RETURN',
    ]);
    expect(lines(t, 'nat')).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A DOCKER -i docker0 -j RETURN',
    ]);
    expect(t.filter.map((c) => `${c.name}:${c.policy ?? '-'}`)).toEqual(['INPUT:ACCEPT', 'FORWARD:DROP', 'OUTPUT:ACCEPT', 'DOCKER:-', 'DOCKER-ISOLATION-STAGE-1:-', 'DOCKER-ISOLATION-STAGE-2:-', 'DOCKER-USER:-']);
  });

  it('a user bridge goes above docker0 (5b) and a published port adds the 5c rules', () => {
    const e = engine();
    e.network.create({ name: 'mynet' });
    const B = e.network.get('mynet').bridge;
    start(e, 'web', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
    start(e, 'lo', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8081' }] } } });
    const t = iptablesRules(e.state);
    expect(lines(t, 'filter')).toEqual([
      '-A FORWARD -j DOCKER-USER',
      '-A FORWARD -j DOCKER-ISOLATION-STAGE-1',
      `-A FORWARD -o ${B} -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`,
      `-A FORWARD -o ${B} -j DOCKER`,
      `-A FORWARD -i ${B} ! -o ${B} -j ACCEPT`,
      `-A FORWARD -i ${B} -o ${B} -j ACCEPT`,
      '-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT',
      '-A FORWARD -o docker0 -j DOCKER',
      '-A FORWARD -i docker0 ! -o docker0 -j ACCEPT',
      '-A FORWARD -i docker0 -o docker0 -j ACCEPT',
      '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      '-A DOCKER -d 172.17.0.3/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT',
      `-A DOCKER-ISOLATION-STAGE-1 -i ${B} ! -o ${B} -j DOCKER-ISOLATION-STAGE-2`,
      '-A DOCKER-ISOLATION-STAGE-1 -i docker0 ! -o docker0 -j DOCKER-ISOLATION-STAGE-2',
      '-A DOCKER-ISOLATION-STAGE-1 -j RETURN',
      `-A DOCKER-ISOLATION-STAGE-2 -o ${B} -j DROP`,
      '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP',
      '-A DOCKER-ISOLATION-STAGE-2 -j RETURN',
      '-A DOCKER-USER -j RETURN',
    ]);
    expect(lines(t, 'nat')).toEqual([
      '-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER',
      '-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER',
      `-A POSTROUTING -s 172.18.0.0/16 ! -o ${B} -j MASQUERADE`,
      '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      '-A POSTROUTING -s 172.17.0.3/32 -d 172.17.0.3/32 -p tcp -m tcp --dport 80 -j MASQUERADE',
      `-A DOCKER -i ${B} -j RETURN`,
      '-A DOCKER -i docker0 -j RETURN',
      '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80',
      '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8081 -j DNAT --to-destination 172.17.0.3:80',
    ]);
    e.container.stop('web', 0);
    expect(lines(iptablesRules(e.state), 'nat').filter((l) => l.includes('172.17.0.2'))).toEqual([]);
  });

  it('keeps user edits on top of what docker derives; a bad -D changes nothing', () => {
    const e = engine();
    expect(e.network.iptablesEdit({ table: 'filter', op: 'I', chain: 'DOCKER-USER', pos: 1, rule: { src: '10.9.0.0/16', target: 'DROP' } })).toBeNull();
    e.network.create({ name: 'later' });
    expect(iptablesRules(e.state).filter.find((c) => c.name === 'DOCKER-USER')!.rules.map((r) => ruleLine('DOCKER-USER', r))).toEqual(['-A DOCKER-USER -s 10.9.0.0/16 -j DROP', '-A DOCKER-USER -j RETURN']);
    const before = e.state;
    expect(e.network.iptablesEdit({ table: 'filter', op: 'D', chain: 'DOCKER-USER', rule: { src: '10.8.0.0/16', target: 'DROP' } })).toBe('iptables: Bad rule (does a matching rule exist in that chain?).');
    expect(e.state).toBe(before);
    expect(e.network.iptablesEdit({ table: 'filter', op: 'I', chain: 'DOCKER-USER', pos: 9, rule: { target: 'DROP' } })).toBe('iptables: Index of insertion too big.');
  });
});

describe('packets decided by the rules', () => {
  it('isolates bridges until network connect; the trace names the deciding rule', () => {
    const e = engine();
    e.network.create({ name: 'my_net' });
    e.network.create({ name: 'my_net2', subnet: '172.22.1.0/24', gateway: '172.22.1.1' });
    const b1 = start(e, 'busybox_1', { hostConfig: { NetworkMode: 'my_net' } });
    start(e, 'busybox_2', { hostConfig: { NetworkMode: 'my_net2' }, networks: [{ name: 'my_net2', ip: '172.22.1.34' }] });
    const t1 = tracePacket(e.state, { kind: 'container', id: b1 }, '172.22.1.34', 'icmp');
    expect(t1.verdict).toBe('dropped');
    expect(t1.decidedBy).toMatchObject({ table: 'filter', chain: 'DOCKER-ISOLATION-STAGE-2', num: 1, rule: `-A DOCKER-ISOLATION-STAGE-2 -o ${e.network.get('my_net2').bridge} -j DROP` });
    e.network.connect('my_net2', 'busybox_1');
    const t2 = tracePacket(e.state, { kind: 'container', id: b1 }, '172.22.1.34', 'icmp');
    expect([t2.verdict, t2.from, t2.to, t2.replyTtl]).toEqual(['delivered', '172.22.1.2', { kind: 'container', id: e.container.get('busybox_2').id }, 64]);
    // the host reaches every bridge directly; a stopped target has no address any more
    expect(tracePacket(e.state, { kind: 'host' }, '172.18.0.2', 'icmp').verdict).toBe('delivered');
    e.container.stop('busybox_2', 0);
    expect(tracePacket(e.state, { kind: 'container', id: b1 }, '172.22.1.34', 'icmp').verdict).toBe('unreachable');
  });

  it('DOCKER-USER drops forwarded traffic, even on one bridge; deleting the rule lets it through', () => {
    const e = engine();
    const a = start(e, 'aa');
    start(e, 'bb');
    e.network.iptablesEdit({ table: 'filter', op: 'I', chain: 'DOCKER-USER', pos: 1, rule: { proto: 'icmp', target: 'DROP' } });
    const t = tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.3', 'icmp');
    expect([t.verdict, t.decidedBy?.rule]).toEqual(['dropped', '-A DOCKER-USER -p icmp -j DROP']);
    e.network.iptablesEdit({ table: 'filter', op: 'D', chain: 'DOCKER-USER', rule: { proto: 'icmp', target: 'DROP' } });
    expect(tracePacket(e.state, { kind: 'container', id: a }, '172.17.0.3', 'icmp').verdict).toBe('delivered');
  });

  it('published ports: DNAT from a host address, docker-proxy for localhost, RST when nothing listens', () => {
    const e = engine();
    const web = start(e, 'web', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
    const viaIp = tracePacket(e.state, { kind: 'host' }, '10.0.2.15', 'tcp', 8080);
    expect([viaIp.verdict, viaIp.to, viaIp.listener?.container.name]).toEqual(['delivered', { kind: 'container', id: web }, 'web']);
    expect(viaIp.steps.some((s) => s.kind === 'nat' && s.text === 'DNAT 10.0.2.15:8080 → 172.17.0.2:80')).toBe(true);
    const viaLo = tracePacket(e.state, { kind: 'host' }, '127.0.0.1', 'tcp', 8080);
    expect([viaLo.verdict, viaLo.steps.some((s) => s.kind === 'proxy')]).toEqual(['delivered', true]);
    expect(tracePacket(e.state, { kind: 'host' }, '127.0.0.1', 'tcp', 8081).verdict).toBe('refused');
    expect(tracePacket(e.state, { kind: 'host' }, '172.17.0.2', 'tcp', 81).verdict).toBe('refused');
    e.network.sysctl('net.ipv4.ip_forward', '0');
    const out = tracePacket(e.state, { kind: 'container', id: web }, '93.184.215.14', 'icmp');
    expect([out.verdict, out.steps.at(-1)?.text]).toEqual(['dropped', 'the host does not forward packets (net.ipv4.ip_forward = 0)']);
  });
});
