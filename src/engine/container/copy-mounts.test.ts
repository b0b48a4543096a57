// docker cp and exec lookup through mounts, at the daemon API: what lands where, and the texts of the refusals.
import { describe, expect, it } from 'vitest';
import { createEngine, type CreateOptions, type Engine, type FileTable } from '../index';
import { daemonError } from '../test-support';
import { containerById } from '../container-table';

const F = (content: string, mode = 0o644): FileTable[string] => ({ type: 'file', mode, mtime: 0, content });

function setup(o: Partial<CreateOptions> = {}): { e: Engine; id: string } {
  const e = createEngine({ seed: 3 });
  e.image.pull('busybox');
  const { id } = e.container.create({ image: 'busybox', cmd: ['/app/run.sh'], hostConfig: { Binds: ['data:/data', '/root/app:/srv/app', 'ro:/ro:ro'] }, ...o });
  return { e, id };
}

const err = daemonError;

describe('writePath through mounts', () => {
  it('a volume gets the file, a bind becomes a host write, the rootfs keeps only what is outside mounts', () => {
    const { e, id } = setup();
    const upper = containerById(e.state, id)!.upper;
    expect(e.container.writePath(id, '/data/a.txt', { '': F('a') })).toEqual([]);
    expect(e.state.volumes.data.files['/a.txt']).toEqual(F('a'));
    expect(e.container.writePath(id, '/srv/app/run.sh', { '': F('x', 0o755) }, { '/root/app': { type: 'dir', mode: 0o755, mtime: 0 } })).toEqual([{ path: '/root/app/run.sh', node: F('x', 0o755) }]);
    expect(containerById(e.state, id)!.upper).toBe(upper);
    expect(e.container.writePath(id, '/srv', { '': { type: 'dir', mode: 0o755, mtime: 0 }, 'app/b': F('b'), c: F('c') }, { '/root/app': { type: 'dir', mode: 0o755, mtime: 0 } })).toEqual([{ path: '/root/app/b', node: F('b') }]);
    expect(Object.keys(containerById(e.state, id)!.upper).sort()).toEqual(['/srv', '/srv/c']);
  });

  it('read-only mount, --read-only rootfs, and a missing parent on a bind: refused with nothing changed', () => {
    const { e, id } = setup({ hostConfig: { Binds: ['ro:/ro:ro', '/root/app:/srv/app'], ReadonlyRootfs: true } });
    const before = e.state;
    expect(err(() => e.container.writePath(id, '/ro/a', { '': F('a') }))).toBe('InvalidParameter: mounted volume is marked read-only');
    expect(err(() => e.container.writePath(id, '/tmp/a', { '': F('a') }))).toBe('InvalidParameter: container rootfs is marked read-only');
    expect(err(() => e.container.writePath(id, '/srv/app/x/y', { '': F('a') }, {}))).toBe('NotFound: Could not find the file /srv/app/x in container ' + id);
    expect(e.state).toBe(before);
  });
});

describe('readPath and pathKind through mounts', () => {
  it('a directory holding a volume and a bind shows their content, not the rootfs under them', () => {
    const { e, id } = setup({ hostConfig: { Binds: ['data:/srv/data', '/root/app:/srv/app'] } });
    e.container.writePath(id, '/srv/data/v', { '': F('v') });
    const host = { '/root/app': { type: 'dir', mode: 0o755, mtime: 0 }, '/root/app/h': F('h') } as const;
    expect(e.container.cpHostReads(id, '/srv')).toEqual([{ path: '/root/app', tree: true }]);
    expect(Object.keys(e.container.readPath(id, '/srv', host)).sort()).toEqual(['', 'app', 'app/h', 'data', 'data/v']);
    expect(e.container.pathKind(id, '/srv/app/h', host)).toBe('file');
    expect(e.container.pathKind(id, '/srv/app/h', {})).toBe(null);
  });
});

describe('the executable on a mount (runc LookPath at start)', () => {
  it('bind nodes decide: missing, not executable, executable; the host paths to read come from the engine', () => {
    const { e, id } = setup();
    expect(e.container.execHostPaths(id)).toEqual([]);
    const { e: e2, id: id2 } = setup({ cmd: ['/srv/app/run.sh'] });
    expect(e2.container.execHostPaths(id2)).toEqual(['/root/app/run.sh']);
    expect(err(() => e2.container.start(id2, {}))).toContain('exec: "/srv/app/run.sh": stat /srv/app/run.sh: no such file or directory: unknown');
    expect(err(() => e2.container.start(id2, { '/root/app/run.sh': F('echo') }))).toContain('exec: "/srv/app/run.sh": permission denied: unknown');
    expect(e2.container.start(id2, { '/root/app/run.sh': F('#!/bin/sh\necho', 0o755) }).program).toBe('runtime');
    expect(err(() => e.container.start(id))).toContain('exec: "/app/run.sh": stat /app/run.sh: no such file or directory: unknown');
  });
});
