// Container mounts at create/start/stop/rm: -v binds, --mount, --tmpfs, --volumes-from, image VOLUMEs (moby texts).
import { describe, expect, it } from 'vitest';
import { diffUpper, lowerStack, type CreateOptions, type Engine } from '../index';
import { daemonError, engineWith as withImages } from '../test-support';
import { containerById, containerIds } from '../container-table';

const engineWith = (...images: string[]): Engine => withImages(3, ...images);

const err = daemonError;

const create = (e: Engine, o: CreateOptions) => {
  const { id } = e.container.create(o);
  return containerById(e.state, id)!;
};

describe('named volumes (-v name:/path, --mount source=)', () => {
  it('-v creates the volume, copies the image files into it and mounts it with mode z', () => {
    const e = engineWith('nginx');
    const c = create(e, { image: 'nginx', hostConfig: { Binds: ['site:/usr/share/nginx/html'] } });
    expect(c.mounts).toEqual([{ type: 'volume', name: 'site', source: '/var/lib/docker/volumes/site/_data', destination: '/usr/share/nginx/html', driver: 'local', mode: 'z', rw: true, propagation: '', named: true }]);
    const v = e.state.volumes.site;
    expect({ labels: v.labels, options: v.options }).toEqual({ labels: null, options: null });
    expect(Object.keys(v.files).sort()).toEqual(['/50x.html', '/index.html']);
    expect(v.files['/index.html']).toMatchObject({ type: 'file', content: expect.stringContaining('<h1>Welcome to nginx!</h1>') });
  });

  it('a volume that already has files is not filled again', () => {
    const e = engineWith('nginx', 'alpine');
    create(e, { image: 'alpine', hostConfig: { Binds: ['site:/etc/apk'] } });
    const before = Object.keys(e.state.volumes.site.files).sort();
    create(e, { image: 'nginx', hostConfig: { Binds: ['site:/usr/share/nginx/html:ro'] } });
    expect(Object.keys(e.state.volumes.site.files).sort()).toEqual(before);
    expect(before).toContain('/repositories');
  });

  it('--mount volumes: mode z too; volume-label / volume-opt set the new volume; nocopy leaves it empty', () => {
    const e = engineWith('nginx');
    const c = create(e, { image: 'nginx', hostConfig: { Mounts: [{ Type: 'volume', Source: 'v2', Target: '/usr/share/nginx/html', ReadOnly: true, VolumeOptions: { NoCopy: true, Labels: { a: 'b' }, DriverConfig: {} } }] } });
    expect(c.mounts[0]).toMatchObject({ type: 'volume', name: 'v2', mode: 'z', rw: false, named: true });
    expect(e.state.volumes.v2).toMatchObject({ labels: { a: 'b' }, options: null, files: {} });
  });
});

describe('anonymous volumes (image VOLUME, -v /path, --mount without source)', () => {
  it('redis gets a 64-hex volume on /data with the anonymous label and mode ""', () => {
    const e = engineWith('redis');
    const c = create(e, { image: 'redis' });
    expect(c.mounts).toHaveLength(1);
    const m = c.mounts[0];
    expect(m).toMatchObject({ type: 'volume', destination: '/data', driver: 'local', mode: '', rw: true, named: false });
    expect(m.name).toMatch(/^[0-9a-f]{64}$/);
    expect(e.state.volumes[m.name].labels).toEqual({ 'com.docker.volume.anonymous': '' });
  });

  it('-v /path adds to Config.Volumes; a bind on an image VOLUME path replaces the anonymous volume', () => {
    const e = engineWith('redis');
    const c = create(e, { image: 'redis', mounts: { anonymous: ['/cache'] }, hostConfig: { Binds: ['/srv/redis:/data'] } });
    expect(c.config.Volumes).toEqual({ '/data': {}, '/cache': {} });
    expect(c.mounts.map((m) => [m.type, m.destination, m.named])).toEqual([
      ['bind', '/data', true],
      ['volume', '/cache', false],
    ]);
    expect(Object.keys(e.state.volumes)).toHaveLength(1);
  });

  it('rm -v removes anonymous volumes only; rm without -v keeps them; --rm removes them', () => {
    const e = engineWith('redis', 'alpine');
    const a = create(e, { image: 'redis', hostConfig: { Binds: ['named:/srv'] } });
    const anonA = a.mounts.find((m) => !m.named)!.name;
    e.container.remove(a.id, false, true);
    expect(Object.keys(e.state.volumes)).toEqual(['named']);
    const b = create(e, { image: 'redis' });
    e.container.remove(b.id, false);
    expect(Object.keys(e.state.volumes)).toEqual(['named', b.mounts[0].name]);
    const c = create(e, { image: 'alpine', cmd: ['true'], mounts: { anonymous: ['/x'] }, hostConfig: { AutoRemove: true } });
    e.container.start(c.id);
    e.container.processDone(c.id, { output: [], exitCode: 0, elapsed: 0, upper: {} });
    e.advance(1000);
    expect(containerById(e.state, c.id)).toBeUndefined();
    expect(Object.keys(e.state.volumes)).toEqual(['named', b.mounts[0].name]);
    expect(anonA).not.toBe(b.mounts[0].name);
  });
});

describe('binds and tmpfs', () => {
  it('-v /host:/path[:ro]: rprivate propagation, the mode as typed', () => {
    const e = engineWith('ubuntu');
    const c = create(e, { image: 'ubuntu', hostConfig: { Binds: ['/root/src:/opt/webapp:ro', '/root/.bash_history:/root/.bash_history'] }, mounts: { hostPaths: { '/root/src': null, '/root/.bash_history': 'file' } } });
    expect(c.mounts).toEqual([
      { type: 'bind', name: '', source: '/root/src', destination: '/opt/webapp', driver: '', mode: 'ro', rw: false, propagation: 'rprivate', named: true },
      { type: 'bind', name: '', source: '/root/.bash_history', destination: '/root/.bash_history', driver: '', mode: '', rw: true, propagation: 'rprivate', named: true, file: true },
    ]);
  });

  it('--mount type=bind needs an existing source; failed creates change nothing', () => {
    const e = engineWith('ubuntu');
    const before = e.state;
    const o: CreateOptions = { image: 'ubuntu', name: 'web', hostConfig: { Mounts: [{ Type: 'bind', Source: '/src/webapp', Target: '/usr/share/nginx/html' }] }, mounts: { hostPaths: { '/src/webapp': null } } };
    expect(err(() => e.container.create(o))).toBe('InvalidParameter: invalid mount config for type "bind": bind source path does not exist: /src/webapp');
    expect(e.state).toBe(before);
  });

  it('start creates missing mount points in the upper layer (docker diff shows them); tmpfs empties when it stops', () => {
    const e = engineWith('alpine');
    const c = create(e, { image: 'alpine', cmd: ['sleep', '100'], hostConfig: { Binds: ['vol:/srv/data', '/root/f:/etc/f'], Tmpfs: { '/run': '' } }, mounts: { hostPaths: { '/root/f': 'file' } } });
    e.container.start(c.id);
    const after = containerById(e.state, c.id)!;
    expect(diffUpper(after.upper, lowerStack(e.state, after))).toEqual([
      { kind: 'C', path: '/etc' },
      { kind: 'A', path: '/etc/f' },
      { kind: 'C', path: '/srv' },
      { kind: 'A', path: '/srv/data' },
    ]);
    e.volume.store(c.id, { tmpfs: { '/run': { '/x': { type: 'file', mode: 0o644, mtime: 0, content: 'x' } } } });
    expect(containerById(e.state, c.id)!.mounts.find((m) => m.type === 'tmpfs')).toMatchObject({ tmpfsFlag: true, files: { '/x': { content: 'x' } } });
    e.container.stop(c.id);
    expect(containerById(e.state, c.id)!.mounts.find((m) => m.type === 'tmpfs')!.files).toEqual({});
  });
});

describe('daemon errors for bad specs', () => {
  const e = engineWith('alpine');
  const binds = (b: string) => err(() => e.container.create({ image: 'alpine', hostConfig: { Binds: [b] } }));
  it.each([
    ['/foo:rw', "InvalidParameter: invalid volume specification: '/foo:rw'"],
    ['a:/b:/c:d', "InvalidParameter: invalid volume specification: 'a:/b:/c:d'"],
    ['v:/d:xx', 'InvalidParameter: invalid mode: xx'],
    ['v:data', `InvalidParameter: invalid volume specification: 'v:data': invalid mount config for type "volume": invalid mount path: 'data' mount path must be absolute`],
    ['v:/', `InvalidParameter: invalid volume specification: 'v:/': invalid mount config for type "volume": invalid specification: destination can't be '/'`],
    ['v:/d:rshared', `InvalidParameter: invalid volume specification: 'v:/d:rshared': invalid mount config for type "volume": field BindOptions must not be specified`],
    ['x:/d', 'InvalidParameter: create x: volume name is too short, names should be at least two alphanumeric characters'],
  ])('-v %s', (b, want) => expect(binds(b)).toBe(want));

  it('duplicate mount points, tmpfs paths, volumes-from of a missing container', () => {
    expect(err(() => e.container.create({ image: 'alpine', hostConfig: { Binds: ['a1:/d', 'a2:/d/'] } }))).toBe('InvalidParameter: Duplicate mount point: /d');
    expect(err(() => e.container.create({ image: 'alpine', hostConfig: { Binds: ['a1:/d'], Mounts: [{ Type: 'volume', Target: '/d/' }] } }))).toBe('InvalidParameter: Duplicate mount point: /d/');
    expect(err(() => e.container.create({ image: 'alpine', hostConfig: { Tmpfs: { run: '' } } }))).toBe("InvalidParameter: invalid mount path: 'run' mount path must be absolute");
    expect(err(() => e.container.create({ image: 'alpine', hostConfig: { VolumesFrom: ['nope'] } }))).toBe('InvalidParameter: No such container: nope');
    expect(err(() => e.container.create({ image: 'alpine', hostConfig: { Mounts: [{ Type: 'volume', Target: '/d', ReadOnly: true }] } }))).toBe(
      'InvalidParameter: invalid mount config for type "volume": must not set ReadOnly mode when using anonymous volumes',
    );
    expect(containerIds(e.state)).toEqual([]);
    expect(e.state.volumes).toEqual({});
  });
});

describe('--volumes-from', () => {
  it('copies the other container mount points (mode "", rw unless :ro); the volume is shared', () => {
    const e = engineWith('redis', 'alpine');
    const src = create(e, { image: 'redis', name: 'db', hostConfig: { Binds: ['/backup:/backup'] } });
    const c = create(e, { image: 'alpine', hostConfig: { VolumesFrom: ['db:ro'] } });
    expect(c.mounts).toEqual(src.mounts.map((m) => ({ ...m, mode: '', rw: false })));
    const vol = src.mounts.find((m) => m.type === 'volume')!.name;
    expect(err(() => e.volume.remove(vol))).toBe(`Conflict: remove ${vol}: volume is in use - [${src.id}, ${c.id}]`);
  });
});
