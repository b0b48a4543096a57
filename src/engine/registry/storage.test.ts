// Registry storage: the config and manifest blobs a push sends, and the tree a registry:2 container keeps in its volume.
import { describe, expect, it } from 'vitest';
import { createEngine, sha256Hex, type Engine } from '../index';
import { imageConfigText, imageManifest } from './manifest';
import { registryBinds, registryTree } from './storage';

function registry(e: Engine, binds: string[]) {
  const { id } = e.container.create({ image: 'registry:2', name: 'registry', hostConfig: { Binds: binds, PortBindings: { '5000/tcp': [{ HostIp: '', HostPort: '5000' }] } } });
  e.container.start(id);
  return id;
}

function engineWith(...images: string[]): Engine {
  const e = createEngine({ seed: 5 });
  for (const i of ['registry:2', ...images]) e.image.pull(i);
  return e;
}

describe('what a push uploads', () => {
  it('the config blob is the text the image ID is the digest of (pulled and committed images)', () => {
    const e = engineWith('busybox');
    const pulled = e.image.get('busybox');
    expect('sha256:' + sha256Hex(imageConfigText(pulled))).toBe(pulled.id);
    const { id } = e.container.create({ image: 'busybox', name: 'box' });
    const committed = e.image.get(e.container.commit({ container: id, ref: 'me/box:1', author: 'me', changes: ['CMD ["sh"]'] }));
    expect(committed.parent).toBe(pulled.id);
    expect('sha256:' + sha256Hex(imageConfigText(committed))).toBe(committed.id);
  });

  it('the manifest names no registry: its digest is the sha256 of its text, the same for every push', () => {
    const e = engineWith('busybox');
    registry(e, []);
    e.image.tag('busybox', 'localhost:5000/a/b:v1');
    e.image.tag('busybox', 'localhost:5000/c:latest');
    const one = e.image.push('localhost:5000/a/b:v1', null);
    const two = e.image.push('localhost:5000/c:latest', null);
    const m = imageManifest(e.image.get('busybox'), [e.state.layers[e.image.get('busybox').diffIds[0]]]);
    expect(one.digest).toBe('sha256:' + sha256Hex(m.text));
    expect(two.digest).toBe(one.digest);
    expect(one.size).toBe(m.text.length);
  });
});

describe('the registry:2 storage tree', () => {
  it('a named volume at /var/lib/registry gets the tree; pushing again keeps every mtime', () => {
    const e = engineWith('busybox');
    registry(e, ['regdata:/var/lib/registry']);
    e.image.tag('busybox', 'localhost:5000/a/b:v1');
    e.image.push('localhost:5000/a/b:v1', null);
    const first = e.state.volumes.regdata.files;
    expect(first).toEqual(registryTree(e.state, e.container.get('registry'), first['/docker'].mtime));
    expect(first['/docker/registry/v2/repositories/a/b/_uploads']).toEqual({ type: 'dir', mode: 0o755, mtime: e.now() });
    e.advance(60_000);
    e.image.push('localhost:5000/a/b:v1', null);
    expect(e.state.volumes.regdata.files).toEqual(first);
    e.image.tag('busybox', 'localhost:5000/a/b:v2');
    e.image.push('localhost:5000/a/b:v2', null);
    const tags = '/docker/registry/v2/repositories/a/b/_manifests/tags';
    const after = e.state.volumes.regdata.files;
    expect([after[tags].mtime, after[`${tags}/v1`].mtime, after[`${tags}/v2`].mtime]).toEqual([e.now(), first[tags].mtime, e.now()]);
  });

  it('a failed push leaves the volume alone', () => {
    const e = engineWith('busybox');
    registry(e, ['regdata:/var/lib/registry']);
    const before = e.state;
    expect(() => e.image.push('localhost:5000/nothing:v1', null)).toThrow('No such image: localhost:5000/nothing:v1');
    expect(e.state.volumes).toBe(before.volumes);
  });

  it('a bind mount is left to the shell: registryBinds names the host directory and its tree', () => {
    const e = engineWith('busybox');
    registry(e, ['/srv/registry:/var/lib/registry']);
    expect(registryBinds(e.state)).toEqual([]);
    e.image.tag('busybox', 'localhost:5000/a/b:v1');
    e.image.push('localhost:5000/a/b:v1', null);
    const [b] = registryBinds(e.state);
    expect(b.source).toBe('/srv/registry');
    expect(b.files['/docker/registry/v2/repositories/a/b/_manifests/tags/v1/current/link']).toMatchObject({ type: 'file', content: e.image.get('busybox').repoDigests[1].split('@')[1] });
  });
});
