// MountFs / MountSet: paths under mount points go to volume tables, tmpfs or the host; read-only mounts refuse writes.
import { describe, expect, it } from 'vitest';
import { Bash, InMemoryFs } from 'just-bash';
import type { FileTable, Mount } from '../engine/index';
import { UnionFs } from './container-fs';
import { MountSet } from './mount-fs';

const dir = { type: 'dir' as const, mode: 0o755, mtime: 0 };
const file = (content: string) => ({ type: 'file' as const, mode: 0o644, mtime: 0, content });
const image: FileTable = { '/etc': dir, '/etc/os-release': file('alpine\n'), '/run': dir, '/var': dir, '/var/run': { type: 'symlink', target: '../run', mtime: 0 }, '/data': dir, '/app': dir, '/ro': dir };

const vol = (name: string, destination: string, rw = true): Mount => ({ type: 'volume', name, source: `/var/lib/docker/volumes/${name}/_data`, destination, driver: 'local', mode: 'z', rw, propagation: '', named: true });
const bind = (source: string, destination: string, rw = true, fileBind = false): Mount => ({ type: 'bind', name: '', source, destination, driver: '', mode: '', rw, propagation: 'rprivate', named: true, ...(fileBind ? { file: true } : {}) });

async function setup(mounts: Mount[], volumes: Record<string, { files: FileTable }> = {}) {
  const host = new InMemoryFs();
  await host.mkdir('/root/src', { recursive: true });
  await host.writeFile('/root/src/a.txt', 'from host\n');
  await host.writeFile('/root/.bash_history', 'ls\n');
  const upper: FileTable = {};
  const set = new MountSet(mounts, volumes, host);
  const fs = set.wrap(new UnionFs(upper, [image], () => 5000), () => 7000);
  const bash = new Bash({ fs, cwd: '/' });
  return { host, upper, set, fs, run: (l: string) => bash.exec(l) };
}

describe('volume mounts', () => {
  it('writes land in the volume table, not in the upper layer; writes() hands back the new content', async () => {
    const t = await setup([vol('data', '/data')], { data: { files: { '/old.txt': file('old\n') } } });
    expect((await t.run('echo new > /data/new.txt; mkdir /data/sub; cat /data/old.txt /data/new.txt; ls /data')).stdout).toBe('old\nnew\nnew.txt\nold.txt\nsub\n');
    expect(t.upper).toEqual({});
    expect(t.set.writes()).toEqual({ volumes: { data: { '/old.txt': file('old\n'), '/new.txt': { type: 'file', mode: 0o644, mtime: 7000, content: 'new\n' }, '/sub': { type: 'dir', mode: 0o755, mtime: 7000 } } } });
  });

  it('rm -r of the mount point empties the volume and fails with EBUSY; touching it changes nothing', async () => {
    const t = await setup([vol('data', '/data')], { data: { files: { '/a': file('a'), '/d': dir, '/d/b': file('b') } } });
    const r = await t.run('touch /data; rm -r /data; ls -A /data');
    expect(r.stderr).toBe("rm: cannot remove '/data': Device or resource busy\n");
    expect(r.stdout).toBe('');
    expect(t.set.writes()).toEqual({ volumes: { data: {} } });
  });

  it('reads alone write nothing; the mount point itself is the volume root', async () => {
    const t = await setup([vol('data', '/data')], { data: { files: {} } });
    expect((await t.run('ls -d /data && mkdir -p /data && cat /data/nope')).stderr).toBe('cat: /data/nope: No such file or directory\n');
    expect(t.set.writes()).toBeNull();
  });

  it('mount points behind image symlinks are reached through them (/var/run → /run)', async () => {
    const t = await setup([vol('sock', '/var/run/app')], { sock: { files: {} } });
    await t.run('mkdir -p /run/app; echo s > /var/run/app/s');
    expect(t.set.writes()).toEqual({ volumes: { sock: { '/s': { type: 'file', mode: 0o644, mtime: 7000, content: 's\n' } } } });
    expect((await t.run('ls /run')).stdout).toBe('app\n');
  });
});

describe('read-only mounts', () => {
  it('refuse every write with EROFS; the rest of the filesystem stays writable', async () => {
    const t = await setup([vol('data', '/ro', false)], { data: { files: { '/f': file('f\n') } } });
    const r = await t.run('touch /ro/x; mkdir /ro/d; rm /ro/f; cat /ro/f; touch /ok');
    expect(r.stderr).toBe("touch: cannot touch '/ro/x': Read-only file system\nmkdir: cannot create directory '/ro/d': Read-only file system\nrm: cannot remove '/ro/f': Read-only file system\n");
    expect(r.stdout).toBe('f\n');
    expect(Object.keys(t.upper)).toEqual(['/ok']);
    await expect(t.fs.writeFile('/ro/y', 'y')).rejects.toMatchObject({ code: 'EROFS', message: 'Read-only file system', path: '/ro/y' });
    expect(t.set.writes()).toBeNull();
  });
});

describe('bind mounts', () => {
  it('a host directory: reads and writes go to the host at once, errors name the container path', async () => {
    const t = await setup([bind('/root/src', '/app')]);
    const r = await t.run('cat /app/a.txt; echo back > /app/b.txt; cat /app/missing');
    expect(r.stdout).toBe('from host\n');
    expect(r.stderr).toBe('cat: /app/missing: No such file or directory\n');
    expect(await t.host.readFile('/root/src/b.txt')).toBe('back\n');
    await expect(t.fs.readFile('/app/missing')).rejects.toThrow("'/app/missing'");
    expect(t.set.writes()).toBeNull();
  });

  it('a single host file, read-only bind directories', async () => {
    const t = await setup([bind('/root/.bash_history', '/root/.bash_history', true, true), bind('/root/src', '/ro', false)]);
    await t.run('echo pwd >> /root/.bash_history');
    expect(await t.host.readFile('/root/.bash_history')).toBe('ls\npwd\n');
    expect((await t.run('touch /ro/n')).stderr).toBe("touch: cannot touch '/ro/n': Read-only file system\n");
    expect(await t.host.exists('/root/src/n')).toBe(false);
  });
});

describe('across mounts', () => {
  it('cp and mv between the image, a volume and the host copy the content', async () => {
    const t = await setup([vol('data', '/data'), bind('/root/src', '/app')], { data: { files: {} } });
    const r = await t.run('cp /etc/os-release /data/os; cp /app/a.txt /data/a; mv /data/a /app/moved; ls /data; cat /app/moved');
    expect(r.stdout).toBe('os\nfrom host\n');
    expect(await t.host.readFile('/root/src/moved')).toBe('from host\n');
    expect(Object.keys(t.set.writes()!.volumes!.data)).toEqual(['/os']);
  });

  it('tmpfs mounts keep their files by destination', async () => {
    const tmp: Mount = { type: 'tmpfs', name: '', source: '', destination: '/run', driver: '', mode: '', rw: true, propagation: '', named: true, tmpfsFlag: true, files: {} };
    const t = await setup([tmp]);
    await t.run('echo 1 > /run/pid');
    expect(t.set.writes()).toEqual({ tmpfs: { '/run': { '/pid': { type: 'file', mode: 0o644, mtime: 7000, content: '1\n' } } } });
  });
});
