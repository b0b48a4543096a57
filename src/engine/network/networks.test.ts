// Networks and IPAM in the engine: default networks, first-fit subnets, lowest-free addresses, MACs, modes, errors (errors.md §F).
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../index';
import { allContainers, containerById } from '../container-table';

function engineWith(...images: string[]): Engine {
  const e = createEngine({ seed: 1 });
  for (const i of images) e.image.pull(i);
  return e;
}

const run = (e: Engine, name: string, o: Partial<Parameters<Engine['container']['create']>[0]> = {}) => {
  const { id } = e.container.create({ image: 'busybox', name, cmd: ['sleep', '1000'], ...o });
  e.container.start(id);
  return containerById(e.state, id);
};

const ep = (e: Engine, name: string, net: string) => e.container.get(name).endpoints[net];

describe('default networks', () => {
  it('bridge (docker0, 172.17.0.0/16), host and none exist from the start', () => {
    const e = createEngine({ seed: 1 });
    const nets = e.network.list().map((n) => [n.name, n.driver, n.bridge, n.ipam.config]);
    expect(nets).toEqual([
      ['bridge', 'bridge', 'docker0', [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }]],
      ['host', 'host', '', []],
      ['none', 'null', '', []],
    ]);
    expect(e.network.get('bridge').options['com.docker.network.bridge.name']).toBe('docker0');
  });

  it('cannot be removed or re-created', () => {
    const e = createEngine({ seed: 1 });
    expect(() => e.network.remove('bridge')).toThrow('bridge is a pre-defined network and cannot be removed');
    expect(() => e.network.remove('none')).toThrow('none is a pre-defined network and cannot be removed');
    expect(() => e.network.create({ name: 'host' })).toThrow('operation is not permitted on predefined host network');
  });
});

describe('IPAM', () => {
  it('hands out subnets first-fit from the default pools (Engine 27): a released one is reused', () => {
    const e = createEngine({ seed: 1 });
    const subnet = (n: string) => e.network.get(n).ipam.config[0];
    e.network.create({ name: 'n1' });
    e.network.create({ name: 'n2' });
    expect([subnet('n1'), subnet('n2')]).toEqual([{ Subnet: '172.18.0.0/16', Gateway: '172.18.0.1' }, { Subnet: '172.19.0.0/16', Gateway: '172.19.0.1' }]);
    e.network.remove('n1');
    e.network.create({ name: 'n3' });
    expect(subnet('n3').Subnet).toBe('172.18.0.0/16');
    expect(e.network.get('n3').bridge).toBe('br-' + e.network.get('n3').id.slice(0, 12));
  });

  it('moves on to 192.168.0.0/20 after 172.31 and says when all pools are used', () => {
    const e = createEngine({ seed: 1 });
    for (let i = 18; i <= 31; i++) e.network.create({ name: `n${i}` });
    e.network.create({ name: 'a' });
    e.network.create({ name: 'b' });
    expect([e.network.get('a').ipam.config[0].Subnet, e.network.get('b').ipam.config[0].Subnet]).toEqual(['192.168.0.0/20', '192.168.16.0/20']);
    for (let i = 2; i < 16; i++) e.network.create({ name: `c${i}` });
    expect(() => e.network.create({ name: 'full' })).toThrow('all predefined address pools have been fully subnetted');
  });

  it('checks a user subnet: overlap, host bits, gateway outside', () => {
    const e = createEngine({ seed: 1 });
    e.network.create({ name: 'n1', subnet: '172.22.1.0/24', gateway: '172.22.1.1' });
    expect(() => e.network.create({ name: 'n2', subnet: '172.22.0.0/16' })).toThrow('invalid pool request: Pool overlaps with other one on this address space');
    expect(() => e.network.create({ name: 'n3', subnet: '172.17.5.0/24' })).toThrow('invalid pool request: Pool overlaps with other one on this address space');
    // api/types/network/ipam.go ValidateIPAM (v27.5.1:35-79): all problems under one heading
    expect(() => e.network.create({ name: 'n4', subnet: '10.9.1.5/24' })).toThrow('invalid network config:\ninvalid subnet 10.9.1.5/24: it should be 10.9.1.0/24');
    expect(() => e.network.create({ name: 'n4', subnet: 'bogus' })).toThrow('invalid network config:\ninvalid subnet bogus: invalid CIDR block notation');
    expect(() => e.network.create({ name: 'n4', subnet: '10.40.0.0/24', gateway: '10.50.0.1' })).toThrow("invalid network config:\ninvalid gateway 10.50.0.1: parent subnet 10.40.0.0/24 doesn't contain this address");
    expect(() => e.network.create({ name: 'n4', subnet: '10.9.1.5/24', gateway: 'x' })).toThrow('invalid network config:\ninvalid subnet 10.9.1.5/24: it should be 10.9.1.0/24\ninvalid gateway x: invalid address');
    expect(Object.values(e.state.networks).some((n) => n.name === 'n4')).toBe(false);
    expect(() => e.network.create({ name: 'n1' })).toThrow('network with name n1 already exists');
    expect(e.network.create({ name: 'n5', subnet: '10.10.0.0/24' })).toMatch(/^[0-9a-f]{64}$/);
    expect(e.network.get('n5').ipam.config[0].Gateway).toBe('10.10.0.1');
  });

  it('gives the lowest free address, releases it on stop, and derives the MAC from it (02:42 + IPv4)', () => {
    const e = engineWith('busybox');
    run(e, 'a1');
    run(e, 'a2');
    expect([ep(e, 'a1', 'bridge').ip, ep(e, 'a2', 'bridge').ip]).toEqual(['172.17.0.2', '172.17.0.3']);
    expect(ep(e, 'a2', 'bridge').mac).toBe('02:42:ac:11:00:03');
    e.container.stop('a1', 0);
    expect(ep(e, 'a1', 'bridge')).toMatchObject({ ip: '', endpointId: '', mac: '' });
    run(e, 'a3');
    expect(ep(e, 'a3', 'bridge').ip).toBe('172.17.0.2');
    e.container.start('a1');
    expect(ep(e, 'a1', 'bridge').ip).toBe('172.17.0.4');
  });

  it('a restart policy restart gets an address again', () => {
    const e = engineWith('busybox');
    const { id } = e.container.create({ image: 'busybox', name: 'rr', cmd: ['sleep', '1'], hostConfig: { RestartPolicy: { Name: 'always', MaximumRetryCount: 0 } } });
    e.container.start(id);
    e.advance(1050);
    expect([containerById(e.state, id)!.state.status, containerById(e.state, id)!.endpoints.bridge.ip]).toEqual(['restarting', '']);
    e.advance(500);
    expect([containerById(e.state, id)!.state.status, containerById(e.state, id)!.endpoints.bridge.ip, containerById(e.state, id)!.restartCount]).toEqual(['running', '172.17.0.2', 1]);
  });

  it('--ip on a user subnet; the errors of #46–#49', () => {
    const e = engineWith('busybox');
    e.network.create({ name: 'my_net' });
    e.network.create({ name: 'my_net2', subnet: '172.22.1.0/24', gateway: '172.22.1.1' });
    run(e, 'b2', { hostConfig: { NetworkMode: 'my_net2' }, networks: [{ name: 'my_net2', ip: '172.22.1.34' }] });
    expect(ep(e, 'b2', 'my_net2')).toMatchObject({ ip: '172.22.1.34', mac: '02:42:ac:16:01:22', iface: 'eth0', ipamAddress: '172.22.1.34' });
    const mk = (name: string, mode: string, ip: string) => () => e.container.create({ image: 'busybox', name, hostConfig: { NetworkMode: mode }, networks: [{ name: mode === 'default' ? 'bridge' : mode, ip }] });
    expect(mk('x1', 'default', '172.17.0.9')).toThrow('invalid config for network bridge: invalid endpoint settings:\nuser specified IP address is supported on user defined networks only');
    expect(mk('x2', 'default', '10.1.1.1')).toThrow('invalid endpoint settings:\n* user specified IP address is supported on user defined networks only\n* no configured subnet or ip-range contain the IP address 10.1.1.1');
    expect(mk('x3', 'my_net', '172.18.0.9')).toThrow('invalid config for network my_net: invalid endpoint settings:\nuser specified IP address is supported only when connecting to networks with user configured subnets');
    expect(mk('x4', 'my_net2', '10.9.9.9')).toThrow('invalid endpoint settings:\nno configured subnet or ip-range contain the IP address 10.9.9.9');
    expect(mk('x5', 'my_net2', '300.1.1.1')).toThrow('invalid endpoint settings:\ninvalid IPv4 address: 300.1.1.1');
    expect(allContainers(e.state).map((c) => c.name)).toEqual(['b2']);
    const { id } = e.container.create({ image: 'busybox', name: 'dup', cmd: ['sleep', '9'], hostConfig: { NetworkMode: 'my_net2' }, networks: [{ name: 'my_net2', ip: '172.22.1.34' }] });
    expect(() => e.container.start(id)).toThrow('Address already in use');
    expect(containerById(e.state, id)!.state.status).toBe('created');
  });
});

describe('connect, disconnect, modes', () => {
  it('connect adds the next ethN at once on a running container; disconnect frees it', () => {
    const e = engineWith('busybox');
    e.network.create({ name: 'my_net' });
    e.network.create({ name: 'my_net2', subnet: '172.22.1.0/24' });
    run(e, 'busybox_1', { hostConfig: { NetworkMode: 'my_net' } });
    e.network.connect('my_net2', 'busybox_1');
    expect(Object.entries(e.container.get('busybox_1').endpoints).map(([k, v]) => [k, v.iface, v.ip])).toEqual([
      ['my_net', 'eth0', '172.18.0.2'],
      ['my_net2', 'eth1', '172.22.1.2'],
    ]);
    expect(() => e.network.connect('my_net2', 'busybox_1')).toThrow('endpoint with name busybox_1 already exists in network my_net2');
    expect(() => e.network.connect('nope', 'busybox_1')).toThrow('network nope not found');
    e.network.disconnect('my_net2', 'busybox_1');
    expect(() => e.network.disconnect('my_net2', 'busybox_1')).toThrow(`container ${e.container.get('busybox_1').id} is not connected to network my_net2`);
    expect(Object.keys(e.container.get('busybox_1').endpoints)).toEqual(['my_net']);
  });

  it('host/none/container: modes refuse other networks (runconfig errors)', () => {
    const e = engineWith('busybox');
    e.network.create({ name: 'n' });
    run(e, 'hh', { hostConfig: { NetworkMode: 'host' } });
    run(e, 'zz', { hostConfig: { NetworkMode: 'none' } });
    run(e, 'jj', { hostConfig: { NetworkMode: 'container:hh' } });
    expect(e.container.get('hh').config.Hostname).toBe('dockerlings');
    expect(e.container.get('jj').config.Hostname).toBe('dockerlings');
    expect(() => e.network.connect('n', 'hh')).toThrow('container cannot be disconnected from host network or connected to host network');
    expect(() => e.network.connect('n', 'zz')).toThrow('container cannot be connected to multiple networks with one of the networks in private (none) mode');
    expect(() => e.network.connect('n', 'jj')).toThrow('container sharing network namespace with another container or host cannot be connected to any other network');
    const c = (o: Parameters<Engine['container']['create']>[0]) => () => e.container.create(o);
    expect(c({ image: 'busybox', hostname: 'x', hostConfig: { NetworkMode: 'container:hh' } })).toThrow('conflicting options: hostname and the network mode');
    expect(c({ image: 'busybox', hostConfig: { NetworkMode: 'container:hh', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '80' }] } } })).toThrow('conflicting options: port publishing and the container type network mode');
    expect(c({ image: 'busybox', hostConfig: { NetworkMode: 'container:hh', Dns: ['1.1.1.1'] } })).toThrow('conflicting options: dns and the network mode');
    expect(c({ image: 'busybox', hostConfig: { NetworkMode: 'container:' } })).toThrow('Invalid network mode: invalid container format container:<name|id>');
    expect(e.container.create({ image: 'busybox', hostConfig: { NetworkMode: 'host', PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '80' }] } } }).warnings).toEqual(['Published ports are discarded when using host network mode']);
    const { id } = e.container.create({ image: 'busybox', cmd: ['sleep', '9'], hostConfig: { NetworkMode: 'container:nosuch' } });
    expect(() => e.container.start(id)).toThrow('No such container: nosuch');
  });

  it('network rm refuses active endpoints (full ID), prune removes unused user networks only', () => {
    const e = engineWith('busybox');
    const id = e.network.create({ name: 'mynet' });
    e.network.create({ name: 'idle' });
    run(e, 'web', { hostConfig: { NetworkMode: 'mynet' } });
    expect(() => e.network.remove('mynet')).toThrow(`error while removing network: network mynet id ${id} has active endpoints`);
    expect(() => e.network.remove('nope')).toThrow('network nope not found');
    expect(e.network.prune()).toEqual(['idle']);
    e.container.stop('web', 0);
    e.network.remove(id.slice(0, 5));
    expect(() => e.container.start('web')).toThrow(`network ${id} not found`);
  });
});

describe('ports', () => {
  it('publishes on 0.0.0.0 and ::, allocates ephemeral ports sequentially and refuses a taken port', () => {
    const e = engineWith('nginx');
    const bind = (p: string, hp = '') => ({ [p]: [{ HostIp: '', HostPort: hp }] });
    run(e, 'web', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: bind('80/tcp', '8080') } });
    expect(e.container.get('web').ports).toEqual([
      { containerPort: 80, proto: 'tcp', hostIp: '0.0.0.0', hostPort: 8080 },
      { containerPort: 80, proto: 'tcp', hostIp: '::', hostPort: 8080 },
    ]);
    run(e, 'p1', { image: 'nginx', cmd: undefined, hostConfig: { PublishAllPorts: true } });
    run(e, 'p2', { image: 'nginx', cmd: undefined, hostConfig: { PortBindings: bind('80/tcp') } });
    expect([e.container.get('p1').ports[0].hostPort, e.container.get('p2').ports[0].hostPort]).toEqual([32768, 32769]);
    e.container.stop('p1', 0);
    run(e, 'p3', { image: 'nginx', cmd: undefined, hostConfig: { PublishAllPorts: true } });
    expect(e.container.get('p3').ports[0].hostPort).toBe(32770);
    const { id } = e.container.create({ image: 'nginx', name: 'web2', hostConfig: { PortBindings: bind('80/tcp', '8080') } });
    const ep2 = () => e.container.start(id);
    expect(ep2).toThrow(/^driver failed programming external connectivity on endpoint web2 \([0-9a-f]{64}\): Bind for 0\.0\.0\.0:8080 failed: port is already allocated$/);
    expect(containerById(e.state, id)!.state.status).toBe('created');
    expect(containerById(e.state, id)!.endpoints.bridge.ip).toBe('');
  });
});
