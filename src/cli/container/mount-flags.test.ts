// run/create storage flags (-v, --mount, --tmpfs, --volumes-from), rm -v, and the storage parts of container inspect / ps.
import { describe, expect, it } from 'vitest';
import { createEngine, containerIds, loadAllImageData } from '../../engine/index';
import { cli } from '../testing';

// these tests pull through the engine directly (synchronously): every catalog chunk is loaded first
await loadAllImageData();

const fresh = () => {
  const e = createEngine({ seed: 1 });
  e.image.pull('alpine');
  e.image.pull('redis');
  return e;
};

describe('client-side parse errors (nothing is created)', () => {
  it.each([
    [['run', '-v', 'a::b', 'alpine'], "docker: invalid spec: a::b: empty section between colons.\nSee 'docker run --help'.\n"],
    [['create', '-v', 'a:/b:ro:x', 'alpine'], "docker: invalid spec: a:/b:ro:x: too many colons.\nSee 'docker create --help'.\n"],
    [['run', '--mount', 'type=bind,target', 'alpine'], 'invalid argument "type=bind,target" for "--mount" flag: invalid field \'target\' must be a key=value pair\nSee \'docker run --help\'.\n'],
    [['run', '--mount', 'foo=bar', 'alpine'], 'invalid argument "foo=bar" for "--mount" flag: unexpected key \'foo\' in \'foo=bar\'\nSee \'docker run --help\'.\n'],
    [['run', '--mount', 'source=v', 'alpine'], 'invalid argument "source=v" for "--mount" flag: target is required\nSee \'docker run --help\'.\n'],
    [['run', '--mount', 'type=bind,src=/a,dst=/b,volume-nocopy', 'alpine'], 'invalid argument "type=bind,src=/a,dst=/b,volume-nocopy" for "--mount" flag: cannot mix \'volume-*\' options with mount type \'bind\'\nSee \'docker run --help\'.\n'],
    [['run', '--mount', 'target=/b,readonly=maybe', 'alpine'], 'invalid argument "target=/b,readonly=maybe" for "--mount" flag: invalid value for readonly: maybe\nSee \'docker run --help\'.\n'],
  ])('%j', async (argv, stderr) => {
    const e = fresh();
    expect(await cli(argv, e)).toMatchObject({ stdout: '', stderr, exitCode: 125 });
    expect(containerIds(e.state)).toEqual([]);
    expect(e.state.volumes).toEqual({});
  });
});

describe('daemon errors', () => {
  it('run decorates them; create prints them plain', async () => {
    const e = fresh();
    expect(await cli(['run', '-v', '/foo:rw', 'alpine'], e)).toMatchObject({ stderr: "docker: Error response from daemon: invalid volume specification: '/foo:rw'.\nSee 'docker run --help'.\n", exitCode: 125 });
    expect(await cli(['create', '--mount', 'type=bind,source=/src/webapp,target=/usr/share/nginx/html', 'alpine'], e)).toMatchObject({
      stderr: 'Error response from daemon: invalid mount config for type "bind": bind source path does not exist: /src/webapp\n',
      exitCode: 1,
    });
    expect(containerIds(e.state)).toEqual([]);
  });
});

describe('docker inspect: Mounts, HostConfig and Config.Volumes', () => {
  it('shows every kind of mount the way Engine 27 does', async () => {
    const e = fresh();
    const argv = ['create', '--name', 'box', '-v', 'data:/data', '-v', './src:/app:ro', '-v', '/scratch', '--mount', 'type=volume,src=v2,dst=/v2,volume-label=a=b', '--mount', 'type=tmpfs,dst=/cache,tmpfs-size=64m', '--tmpfs', '/run:size=1m', 'alpine'];
    const { stdout } = await cli(argv, e);
    const c = e.container.get('box');
    expect(stdout).toBe(c.id + '\n');
    const scratch = c.mounts.find((m) => m.destination === '/scratch')!.name;
    const q = async (t: string) => (await cli(['inspect', '-f', t, 'box'], e)).stdout;
    expect(await q('{{json .HostConfig.Binds}}')).toBe('["data:/data","/root/src:/app:ro"]\n');
    expect(await q('{{json .HostConfig.Mounts}}')).toBe('[{"Type":"volume","Source":"v2","Target":"/v2","VolumeOptions":{"Labels":{"a":"b"},"DriverConfig":{}}},{"Type":"tmpfs","Target":"/cache","TmpfsOptions":{"SizeBytes":67108864}}]\n');
    expect(await q('{{json .HostConfig.Tmpfs}} {{json .Config.Volumes}} {{json .HostConfig.VolumesFrom}}')).toBe('{"/run":"size=1m"} {"/scratch":{}} null\n');
    expect(await q('{{json .Mounts}}')).toBe(
      JSON.stringify([
        { Type: 'volume', Name: 'data', Source: '/var/lib/docker/volumes/data/_data', Destination: '/data', Driver: 'local', Mode: 'z', RW: true, Propagation: '' },
        { Type: 'bind', Source: '/root/src', Destination: '/app', Mode: 'ro', RW: false, Propagation: 'rprivate' },
        { Type: 'volume', Name: 'v2', Source: '/var/lib/docker/volumes/v2/_data', Destination: '/v2', Driver: 'local', Mode: 'z', RW: true, Propagation: '' },
        { Type: 'tmpfs', Source: '', Destination: '/cache', Mode: '', RW: true, Propagation: '' },
        { Type: 'volume', Name: scratch, Source: `/var/lib/docker/volumes/${scratch}/_data`, Destination: '/scratch', Driver: 'local', Mode: '', RW: true, Propagation: '' },
      ]) + '\n',
    );
    expect((await cli(['ps', '-a', '--format', '{{.Mounts}} {{.LocalVolumes}}'], e)).stdout).toBe(`data,/root/src,v2,,${scratch.slice(0, 14)}… 3\n`);
    expect(e.state.volumes.v2.labels).toEqual({ a: 'b' });
  });

  it('a container without mounts keeps the plain shape', async () => {
    const e = fresh();
    await cli('create --name plain alpine', e);
    expect((await cli(['inspect', '-f', '{{json .Mounts}} {{json .HostConfig.Binds}} {{json .Config.Volumes}}', 'plain'], e)).stdout).toBe('[] null null\n');
  });
});

describe('--volumes-from and rm -v', () => {
  it('shares the other container volumes; rm -v removes only anonymous ones nobody else uses', async () => {
    const e = fresh();
    await cli('create --name db -v named:/named redis', e);
    await cli('create --name app --volumes-from db:ro alpine', e);
    const anon = e.container.get('db').mounts.find((m) => m.destination === '/data')!.name;
    expect((await cli(['inspect', '-f', '{{range .Mounts}}{{.Destination}} {{.Mode}} {{.RW}};{{end}} {{json .HostConfig.VolumesFrom}}', 'app'], e)).stdout).toBe('/named  false;/data  false; ["db:ro"]\n');
    expect(await cli('rm -v db', e)).toMatchObject({ stdout: 'db\n', exitCode: 0 });
    expect(Object.keys(e.state.volumes).sort()).toEqual([anon, 'named'].sort());
    expect(await cli('rm -v app', e)).toMatchObject({ stdout: 'app\n', exitCode: 0 });
    expect(Object.keys(e.state.volumes)).toEqual(['named']);
  });
});
