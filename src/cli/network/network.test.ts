// docker network ls/create/inspect/rm/connect/disconnect/prune: full output text and exit codes.
import { describe, expect, it } from 'vitest';
import { createEngine, loadAllImageData } from '../../engine/index';
import { cli } from '../testing';

// these tests pull through the engine directly (synchronously): every catalog chunk is loaded first
await loadAllImageData();

const fresh = () => {
  const e = createEngine({ seed: 1 });
  e.image.pull('busybox');
  return e;
};
const ids = (e: ReturnType<typeof fresh>) => Object.fromEntries(e.network.list().map((n) => [n.name, n.id]));

describe('docker network ls', () => {
  it('lists the default networks sorted by name, then a new one; -q and --format', async () => {
    const e = fresh();
    const n = ids(e);
    expect((await cli('network ls', e)).stdout).toBe(
      `NETWORK ID     NAME      DRIVER    SCOPE\n${n.bridge.slice(0, 12)}   bridge    bridge    local\n${n.host.slice(0, 12)}   host      host      local\n${n.none.slice(0, 12)}   none      null      local\n`,
    );
    const created = await cli('network create --driver bridge my_net', e);
    expect(created).toMatchObject({ stdout: `${e.network.get('my_net').id}\n`, stderr: '', exitCode: 0 });
    expect((await cli('network ls --format {{.Name}}:{{.Driver}}', e)).stdout).toBe('bridge:bridge\nhost:host\nmy_net:bridge\nnone:null\n');
    expect((await cli('network ls -q --filter type=custom', e)).stdout).toBe(e.network.get('my_net').id.slice(0, 12) + '\n');
    expect((await cli('network ls --filter driver=null --no-trunc', e)).stdout).toBe(`NETWORK ID                                                         NAME      DRIVER    SCOPE\n${n.none}   none      null      local\n`);
  });
});

describe('docker network create / rm errors', () => {
  it('prints the real daemon and client errors', async () => {
    const e = fresh();
    await cli('network create my_net', e);
    expect(await cli('network create my_net', e)).toMatchObject({ stderr: 'Error response from daemon: network with name my_net already exists\n', exitCode: 1 });
    expect((await cli('network create bridge', e)).stderr).toBe('Error response from daemon: operation is not permitted on predefined bridge network\n');
    expect((await cli('network create --gateway 10.1.1.1 n2', e)).stderr).toBe('every ip-range or gateway must have a corresponding subnet\n');
    expect((await cli('network create --subnet 10.1.0.0/16 --gateway 10.2.0.1 n2', e)).stderr).toBe('no matching subnet for gateway 10.2.0.1\n');
    expect((await cli('network create --subnet 172.18.5.0/24 n2', e)).stderr).toBe('Error response from daemon: invalid pool request: Pool overlaps with other one on this address space\n');
    expect((await cli('network create -d overlay n2', e)).stderr).toBe('Error response from daemon: This node is not a swarm manager. Use "docker swarm init" or "docker swarm join" to connect this node to swarm and try again.\n');
    expect(await cli('network rm bridge nope my_net', e)).toMatchObject({ stdout: 'my_net\n', stderr: 'Error response from daemon: bridge is a pre-defined network and cannot be removed\nError response from daemon: network nope not found\n', exitCode: 1 });
    expect(await cli('network create', e)).toMatchObject({ stderr: '"docker network create" requires exactly 1 argument.\nSee \'docker network create --help\'.\n\nUsage:  docker network create [OPTIONS] NETWORK\n\nCreate a network\n', exitCode: 1 });
  });
});

describe('docker network inspect', () => {
  it('prints the Engine 27 shape with running containers, keyed by ID', async () => {
    const e = fresh();
    await cli('network create --subnet 172.22.1.0/24 --gateway 172.22.1.1 my_net2', e);
    const { id } = e.container.create({ image: 'busybox', name: 'b2', cmd: ['sleep', '99'], hostConfig: { NetworkMode: 'my_net2' }, networks: [{ name: 'my_net2', ip: '172.22.1.34' }] });
    e.container.start(id);
    const net = e.network.get('my_net2');
    const ep = e.container.get('b2').endpoints.my_net2;
    const r = await cli('network inspect my_net2', e);
    expect(r.stdout).toBe(`[
    {
        "Name": "my_net2",
        "Id": "${net.id}",
        "Created": "${r.stdout.match(/"Created": "([^"]+)"/)![1]}",
        "Scope": "local",
        "Driver": "bridge",
        "EnableIPv6": false,
        "IPAM": {
            "Driver": "default",
            "Options": {},
            "Config": [
                {
                    "Subnet": "172.22.1.0/24",
                    "Gateway": "172.22.1.1"
                }
            ]
        },
        "Internal": false,
        "Attachable": false,
        "Ingress": false,
        "ConfigFrom": {
            "Network": ""
        },
        "ConfigOnly": false,
        "Containers": {
            "${id}": {
                "Name": "b2",
                "EndpointID": "${ep.endpointId}",
                "MacAddress": "02:42:ac:16:01:22",
                "IPv4Address": "172.22.1.34/24",
                "IPv6Address": ""
            }
        },
        "Options": {},
        "Labels": {}
    }
]
`);
    expect(r.stdout).toMatch(/"Created": "2026-11-23T09:00:00\.\d{1,9}Z"/);
    expect((await cli(['network', 'inspect', '-f', '{{.Name}} {{range .IPAM.Config}}{{.Subnet}}{{end}} {{.Options}}', 'bridge'], e)).stdout).toBe(
      'bridge 172.17.0.0/16 map[com.docker.network.bridge.default_bridge:true com.docker.network.bridge.enable_icc:true com.docker.network.bridge.enable_ip_masquerade:true com.docker.network.bridge.host_binding_ipv4:0.0.0.0 com.docker.network.bridge.name:docker0 com.docker.network.driver.mtu:1500]\n',
    );
    expect(await cli('network inspect nope', e)).toMatchObject({ stdout: '[]\n', stderr: 'Error response from daemon: network nope not found\n', exitCode: 1 });
    expect((await cli(['inspect', '-f', '{{.Driver}}', 'my_net2'], e)).stdout).toBe('bridge\n');
  });
});

describe('connect, disconnect, prune', () => {
  it('connect/disconnect print nothing; errors come from the daemon', async () => {
    const e = fresh();
    await cli('network create my_net', e);
    const { id } = e.container.create({ image: 'busybox', name: 'c1', cmd: ['sleep', '99'] });
    e.container.start(id);
    expect(await cli('network connect my_net c1', e)).toMatchObject({ stdout: '', stderr: '', exitCode: 0 });
    expect(e.container.get('c1').endpoints.my_net).toMatchObject({ iface: 'eth1', ip: '172.18.0.2' });
    expect((await cli('network connect my_net c1', e)).stderr).toBe('Error response from daemon: endpoint with name c1 already exists in network my_net\n');
    expect((await cli('network connect --alias x bridge c1', e)).stderr).toBe('Error response from daemon: endpoint with name c1 already exists in network bridge\n');
    expect(await cli('network disconnect my_net c1', e)).toMatchObject({ stdout: '', exitCode: 0 });
    expect((await cli('network disconnect my_net c1', e)).stderr).toBe(`Error response from daemon: container ${id} is not connected to network my_net\n`);
    await cli('network create unused', e);
    await cli('network connect unused c1', e);
    const p = await cli('network prune -f', e);
    expect(p).toMatchObject({ stdout: 'Deleted Networks:\nmy_net\n\n', exitCode: 0 });
    expect((await cli('network prune -f', e)).stdout).toBe('');
  });
});
