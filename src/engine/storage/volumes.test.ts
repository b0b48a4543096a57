// The volume store: create (named, anonymous, validation), get, list filters, remove (in use), prune, usage.
import { describe, expect, it } from 'vitest';
import type { Engine } from '../index';
import { daemonError, engineWith as withImages } from '../test-support';

const engineWith = (...images: string[]): Engine => withImages(7, ...images);

const err = daemonError;

describe('volume create / get', () => {
  it('a named volume: local driver, mountpoint, labels and options as sent, creation time', () => {
    const e = engineWith();
    e.volume.create({ name: 'my-vol', labels: {}, options: {} });
    expect(e.volume.get('my-vol')).toEqual({ name: 'my-vol', driver: 'local', created: e.now(), labels: {}, options: {}, files: {} });
  });

  it('no name: a 64-hex name and the anonymous label', () => {
    const e = engineWith();
    const name = e.volume.create({ labels: {}, options: {} });
    expect(name).toMatch(/^[0-9a-f]{64}$/);
    expect(e.state.volumes[name].labels).toEqual({ 'com.docker.volume.anonymous': '' });
  });

  it('re-creating an existing volume returns it unchanged (no error)', () => {
    const e = engineWith();
    e.volume.create({ name: 'data', labels: { a: '1' } });
    e.advance(5000);
    expect(e.volume.create({ name: 'data', labels: { b: '2' } })).toBe('data');
    expect(e.state.volumes.data).toMatchObject({ labels: { a: '1' }, created: e.now() - 5000 });
  });

  it('the local driver rejects bad names and options; other drivers do not exist', () => {
    const e = engineWith();
    expect(err(() => e.volume.create({ name: 'a' }))).toBe('InvalidParameter: create a: volume name is too short, names should be at least two alphanumeric characters');
    expect(err(() => e.volume.create({ name: 'my vol' }))).toBe(
      'InvalidParameter: create my vol: "my vol" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path',
    );
    expect(err(() => e.volume.create({ name: 'v1', options: { foo: 'bar' } }))).toBe('InvalidParameter: create v1: invalid option: "foo"');
    expect(err(() => e.volume.create({ name: 'v1', options: { type: 'tmpfs' } }))).toBe('InvalidParameter: create v1: missing required option: "device"');
    expect(err(() => e.volume.create({ name: 'v1', driver: 'nfs' }))).toBe('NotFound: create v1: error looking up volume plugin nfs: plugin "nfs" not found');
    expect(e.state.volumes).toEqual({});
  });

  it('get needs the exact name', () => {
    const e = engineWith();
    e.volume.create({ name: 'my-vol' });
    expect(err(() => e.volume.get('my'))).toBe('NotFound: get my: no such volume');
  });
});

describe('volume rm / prune / list', () => {
  it('a volume used by a container (even stopped) cannot be removed', () => {
    const e = engineWith('alpine');
    e.volume.create({ name: 'data' });
    const a = e.container.create({ image: 'alpine', hostConfig: { Binds: ['data:/data'] } }).id;
    const b = e.container.create({ image: 'alpine', hostConfig: { Binds: ['data:/srv'] } }).id;
    expect(err(() => e.volume.remove('data'))).toBe(`Conflict: remove data: volume is in use - [${a}, ${b}]`);
    expect(err(() => e.volume.remove('data', true))).toBe(`Conflict: remove data: volume is in use - [${a}, ${b}]`);
    e.container.remove(a, false);
    e.container.remove(b, false);
    e.volume.remove('data');
    expect(e.state.volumes).toEqual({});
  });

  it('rm of a missing volume: not found, forgiven with force', () => {
    const e = engineWith();
    expect(err(() => e.volume.remove('nope'))).toBe('NotFound: get nope: no such volume');
    expect(err(() => e.volume.remove('nope', true))).toBe('no error');
  });

  it('prune removes unused anonymous volumes; all=true every unused one; label filters', () => {
    const e = engineWith('alpine');
    const anon = e.volume.create({});
    e.volume.create({ name: 'keep', labels: { env: 'dev' } });
    e.volume.create({ name: 'other', labels: {} });
    e.volume.create({ name: 'used' });
    e.container.create({ image: 'alpine', hostConfig: { Binds: ['used:/u'] } });
    expect(e.volume.prune()).toEqual({ deleted: [anon], reclaimed: 0 });
    expect(e.volume.prune({ all: ['true'], 'label!': ['env=dev'] })).toEqual({ deleted: ['other'], reclaimed: 0 });
    expect(Object.keys(e.state.volumes).sort()).toEqual(['keep', 'used']);
    expect(err(() => e.volume.prune({ dangling: ['true'] }))).toBe("InvalidParameter: invalid filter 'dangling'");
  });

  it('list filters: dangling, name (substring), label, driver; bad filters are errors', () => {
    const e = engineWith('alpine');
    e.volume.create({ name: 'web-data', labels: { tier: 'front' } });
    e.volume.create({ name: 'db-data', labels: { tier: 'back' } });
    e.container.create({ image: 'alpine', hostConfig: { Binds: ['db-data:/d'] } });
    const names = (f: Record<string, string[]>) => e.volume.list(f).map((v) => v.name).sort();
    expect(names({ dangling: ['true'] })).toEqual(['web-data']);
    expect(names({ dangling: ['false'] })).toEqual(['db-data']);
    expect(names({ name: ['web'] })).toEqual(['web-data']);
    expect(names({ label: ['tier=back'] })).toEqual(['db-data']);
    expect(names({ label: ['tier'] })).toEqual(['db-data', 'web-data']);
    expect(names({ driver: ['local'] })).toEqual(['db-data', 'web-data']);
    expect(err(() => e.volume.list({ foo: ['x'] }))).toBe("InvalidParameter: invalid filter 'foo'");
    expect(err(() => e.volume.list({ dangling: ['maybe'] }))).toBe("InvalidParameter: invalid filter 'dangling=[maybe]'");
  });
});
