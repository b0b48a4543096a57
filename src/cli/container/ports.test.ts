// Ports on the client side: DisplayablePorts (ps PORTS), docker port, -p/--expose errors and the host-mode warning.
import { describe, expect, it } from 'vitest';
import { createEngine, loadAllImageData } from '../../engine/index';
import { cli } from '../testing';
import { displayablePorts, type ApiPort } from './ports-format';

// these tests pull through the engine directly (synchronously): every catalog chunk is loaded first
await loadAllImageData();

const P = (PrivatePort: number, Type = 'tcp', IP = '', PublicPort = 0): ApiPort => ({ IP, PrivatePort, PublicPort, Type });

describe('DisplayablePorts (CLI 27)', () => {
  it('matches formats.md §2', () => {
    expect(displayablePorts([P(80, 'tcp', '0.0.0.0', 8080), P(80, 'tcp', '::', 8080)])).toBe('0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(displayablePorts([P(80, 'tcp', '0.0.0.0', 80), P(80, 'tcp', '::', 80)])).toBe('0.0.0.0:80->80/tcp, :::80->80/tcp');
    expect(displayablePorts([P(80, 'tcp', '127.0.0.1', 8080)])).toBe('127.0.0.1:8080->80/tcp');
    expect(displayablePorts([P(443), P(80)])).toBe('80/tcp, 443/tcp');
    expect(displayablePorts([P(443), P(80, 'tcp', '0.0.0.0', 8080), P(80, 'tcp', '::', 8080)])).toBe('443/tcp, 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp');
    expect(displayablePorts([7000, 7001, 7002, 7005].map((p) => P(p, 'tcp', '0.0.0.0', p)))).toBe('0.0.0.0:7000-7002->7000-7002/tcp, 0.0.0.0:7005->7005/tcp');
    expect(displayablePorts([P(53, 'udp'), P(53)])).toBe('53/tcp, 53/udp');
    expect(displayablePorts([])).toBe('');
  });
});

async function withNginx() {
  const e = createEngine({ seed: 1 });
  e.image.pull('nginx');
  e.image.pull('busybox');
  return e;
}

describe('docker run -p / docker port / docker ps', () => {
  it('publishes, lists and refuses a port that is taken', async () => {
    const e = await withNginx();
    const r = await cli('run -d -p 8080:80 --name web nginx', e);
    expect(r).toMatchObject({ stderr: '', exitCode: 0 });
    expect((await cli('port web', e)).stdout).toBe('80/tcp -> 0.0.0.0:8080\n80/tcp -> [::]:8080\n');
    expect((await cli('port web 80/tcp', e)).stdout).toBe('0.0.0.0:8080\n[::]:8080\n');
    expect(await cli('port web 7890/udp', e)).toMatchObject({ stdout: '', stderr: "Error: No public port '7890/udp' published for web\n", exitCode: 1 });
    expect(await cli('port nope', e)).toMatchObject({ stderr: 'Error response from daemon: No such container: nope\n', exitCode: 1 });
    expect((await cli(['ps', '--format', '{{.Names}} {{.Ports}}'], e)).stdout).toBe('web 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n');
    const busy = await cli('run -d -p 8080:80 --name web2 nginx', e);
    const id2 = e.container.get('web2').id;
    const epId = /\(([0-9a-f]{64})\)/.exec(busy.stderr)![1];
    expect(busy).toMatchObject({ stdout: `${id2}\n`, stderr: `docker: Error response from daemon: driver failed programming external connectivity on endpoint web2 (${epId}): Bind for 0.0.0.0:8080 failed: port is already allocated.\n`, exitCode: 125 });
    expect(e.container.get('web2').state.status).toBe('created');
    await cli('run -d -P --expose 443 --name all nginx', e);
    expect((await cli(['ps', '--format', '{{.Names}}: {{.Ports}}'], e)).stdout).toBe('all: 0.0.0.0:32768->80/tcp, [::]:32768->80/tcp, 0.0.0.0:32769->443/tcp, [::]:32769->443/tcp\nweb: 0.0.0.0:8080->80/tcp, [::]:8080->80/tcp\n');
    await cli('run -d -p 127.0.0.1::80 --name lo nginx', e);
    expect((await cli('port lo', e)).stdout).toBe('80/tcp -> 127.0.0.1:32770\n');
  });

  it('client-side -p/--expose errors are decorated like run errors', async () => {
    const e = await withNginx();
    expect(await cli('run -p abc nginx', e)).toMatchObject({ stderr: "docker: invalid containerPort: abc.\nSee 'docker run --help'.\n", exitCode: 125 });
    expect((await cli('run -p 8080-8081:80-82 nginx', e)).stderr).toBe("docker: invalid ranges specified for container and host Ports: 80-82 and 8080-8081.\nSee 'docker run --help'.\n");
    expect((await cli('create --expose 1:2 nginx', e)).stderr).toBe("docker: invalid port format for --expose: 1:2.\nSee 'docker create --help'.\n");
    expect((await cli('run --network-alias x nginx', e)).stderr).toBe("docker: network-scoped aliases are only supported for user-defined networks.\nSee 'docker run --help'.\n");
    expect((await cli('run --network nope nginx', e)).stderr).toBe("docker: Error response from daemon: network nope not found.\nSee 'docker run --help'.\n");
  });

  it('host networking discards published ports with a warning; container:X refuses them', async () => {
    const e = await withNginx();
    const r = await cli('run -d --network host -p 80:80 --name hh nginx', e);
    expect(r.stderr).toBe('WARNING: Published ports are discarded when using host network mode\n');
    expect((await cli('port hh', e)).stdout).toBe('');
    expect((await cli('run --network container:hh -p 1:1 busybox', e)).stderr).toBe("docker: Error response from daemon: conflicting options: port publishing and the container type network mode.\nSee 'docker run --help'.\n");
  });
});
