// docker volume create/ls/inspect/rm/prune: full output text, exit codes and the volume store afterwards.
import { describe, expect, it } from 'vitest';
import { createEngine, type Engine, loadAllImageData } from '../../engine/index';
import { cli } from '../testing';

// these tests pull through the engine directly (synchronously): every catalog chunk is loaded first
await loadAllImageData();

const fresh = () => {
  const e = createEngine({ seed: 1 });
  e.image.pull('alpine');
  return e;
};
const user = (e: Engine, vol: string) => e.container.create({ image: 'alpine', cmd: ['true'], hostConfig: { Binds: [`${vol}:/data`] } }).id;

describe('docker volume create / inspect', () => {
  it('prints the name; inspect shows the Engine 27 JSON with {} labels and options', async () => {
    const e = fresh();
    expect(await cli('volume create my-vol', e)).toMatchObject({ stdout: 'my-vol\n', stderr: '', exitCode: 0 });
    expect((await cli('volume inspect my-vol', e)).stdout).toBe(`[
    {
        "CreatedAt": "2026-11-23T09:00:00Z",
        "Driver": "local",
        "Labels": {},
        "Mountpoint": "/var/lib/docker/volumes/my-vol/_data",
        "Name": "my-vol",
        "Options": {},
        "Scope": "local"
    }
]
`);
    expect(Object.keys(e.state.volumes)).toEqual(['my-vol']);
  });

  it('--label, -o, --name; no name gives a 64-hex anonymous volume; creating again is no error', async () => {
    const e = fresh();
    await cli('volume create --label env=dev -o type=tmpfs -o device=tmpfs -o o=size=100m --name tmp', e);
    expect((await cli(['volume', 'inspect', '-f', '{{json .Labels}} {{json .Options}}', 'tmp'], e)).stdout).toBe('{"env":"dev"} {"device":"tmpfs","o":"size=100m","type":"tmpfs"}\n');
    const anon = await cli('volume create', e);
    expect(anon.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    expect(e.state.volumes[anon.stdout.trim()].labels).toEqual({ 'com.docker.volume.anonymous': '' });
    expect(await cli('volume create tmp', e)).toMatchObject({ stdout: 'tmp\n', exitCode: 0 });
    expect(e.state.volumes.tmp.labels).toEqual({ env: 'dev' });
  });

  it('errors: --name with an argument, bad names, unknown driver, a missing volume', async () => {
    const e = fresh();
    expect(await cli('volume create --name a1 a2', e)).toMatchObject({ stderr: 'conflicting options: either specify --name or provide positional arg, not both\n', exitCode: 1 });
    expect((await cli('volume create x', e)).stderr).toBe('Error response from daemon: create x: volume name is too short, names should be at least two alphanumeric characters\n');
    expect((await cli('volume create -d nfs v1', e)).stderr).toBe('Error response from daemon: create v1: error looking up volume plugin nfs: plugin "nfs" not found\n');
    expect((await cli('volume create a b', e)).stderr).toBe('"docker volume create" requires at most 1 argument.\nSee \'docker volume create --help\'.\n\nUsage:  docker volume create [OPTIONS] [VOLUME]\n\nCreate a volume\n');
    expect(await cli('volume inspect nope', e)).toMatchObject({ stdout: '[]\n', stderr: 'Error response from daemon: get nope: no such volume\n', exitCode: 1 });
    expect(await cli('inspect nope', e)).toMatchObject({ stdout: '[]\n', stderr: 'Error: No such object: nope\n', exitCode: 1 });
    expect(e.state.volumes).toEqual({});
  });

  it('docker inspect NAME finds volumes too', async () => {
    const e = fresh();
    await cli('volume create web-data', e);
    expect((await cli(['inspect', '-f', '{{.Mountpoint}}', 'web-data'], e)).stdout).toBe('/var/lib/docker/volumes/web-data/_data\n');
    expect((await cli(['inspect', '--type', 'volume', '-f', '{{.Driver}}', 'web-data'], e)).stdout).toBe('local\n');
  });
});

describe('docker volume ls', () => {
  it('natural name order, -q, filters, --format', async () => {
    const e = fresh();
    for (const n of ['vol10', 'vol2', 'db-data']) await cli(`volume create --label tier=${n === 'db-data' ? 'back' : 'front'} ${n}`, e);
    user(e, 'db-data');
    expect((await cli('volume ls', e)).stdout).toBe('DRIVER    VOLUME NAME\nlocal     db-data\nlocal     vol2\nlocal     vol10\n');
    expect((await cli('volume ls -q', e)).stdout).toBe('db-data\nvol2\nvol10\n');
    expect((await cli('volume ls -f dangling=true -q', e)).stdout).toBe('vol2\nvol10\n');
    expect((await cli('volume ls --filter name=vol1 --filter label=tier=front', e)).stdout).toBe('DRIVER    VOLUME NAME\nlocal     vol10\n');
    expect((await cli(['volume', 'ls', '--format', 'table {{.Name}}\t{{.Mountpoint}}\t{{.Label "tier"}}', '-f', 'name=db'], e)).stdout).toBe(
      'VOLUME NAME   MOUNTPOINT                              tier\ndb-data       /var/lib/docker/volumes/db-data/_data   back\n',
    );
    expect((await cli(['volume', 'ls', '--format', 'json', '-f', 'name=vol2'], e)).stdout).toBe(
      '{"Availability":"N/A","Driver":"local","Group":"N/A","Labels":"tier=front","Links":"N/A","Mountpoint":"/var/lib/docker/volumes/vol2/_data","Name":"vol2","Scope":"local","Size":"N/A","Status":"N/A"}\n',
    );
  });

  it('filter errors: client-side format, daemon-side names and values', async () => {
    const e = fresh();
    expect(await cli('volume ls -f dangling', e)).toMatchObject({ stderr: 'invalid argument "dangling" for "-f, --filter" flag: bad format of filter (expected name=value)\nSee \'docker volume ls --help\'.\n', exitCode: 125 });
    expect(await cli('volume ls -f foo=bar', e)).toMatchObject({ stderr: "Error response from daemon: invalid filter 'foo'\n", exitCode: 1 });
    expect((await cli('volume ls -f dangling=maybe', e)).stderr).toBe("Error response from daemon: invalid filter 'dangling=[maybe]'\n");
  });
});

describe('docker volume rm / prune', () => {
  it('rm prints each removed name; in-use and missing volumes are reported at the end', async () => {
    const e = fresh();
    await cli('volume create used', e);
    await cli('volume create free', e);
    const id = user(e, 'used');
    expect(await cli('volume rm used nope free', e)).toMatchObject({
      stdout: 'free\n',
      stderr: `Error response from daemon: remove used: volume is in use - [${id}]\nError response from daemon: get nope: no such volume\n`,
      exitCode: 1,
    });
    expect(await cli('volume rm -f nope', e)).toMatchObject({ stdout: 'nope\n', stderr: '', exitCode: 0 });
    expect(Object.keys(e.state.volumes)).toEqual(['used']);
  });

  it('prune: the prompt (answered no), -f anonymous only, -a all unused, with the reclaimed size', async () => {
    const e = fresh();
    const anon = e.volume.create({ labels: {}, options: {} });
    e.volume.create({ name: 'named', labels: {}, options: {} });
    e.volume.store('', { volumes: { named: { '/f': { type: 'file', mode: 0o644, mtime: 0, content: 'hello world\n' } } } });
    expect(await cli('volume prune', e)).toMatchObject({ stdout: 'WARNING! This will remove anonymous local volumes not used by at least one container.\nAre you sure you want to continue? [y/N] \n', exitCode: 0 });
    expect(Object.keys(e.state.volumes)).toHaveLength(2);
    expect((await cli('volume prune -f', e)).stdout).toBe(`Deleted Volumes:\n${anon}\n\nTotal reclaimed space: 0B\n`);
    expect((await cli('volume prune -f', e)).stdout).toBe('Total reclaimed space: 0B\n');
    expect((await cli('volume prune -a -f', e)).stdout).toBe('Deleted Volumes:\nnamed\n\nTotal reclaimed space: 12B\n');
    expect(e.state.volumes).toEqual({});
    expect((await cli('volume prune -a -f --filter all=1', e)).stderr).toBe('conflicting options: cannot specify both --all and --filter all=1\n');
  });
});
