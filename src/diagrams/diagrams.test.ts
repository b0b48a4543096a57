// Diagram helpers: a container's changed files as docker diff marks them, what one command changed.
import { describe, expect, it } from 'vitest';
import { createEngine, allContainers, containerById } from '../engine/index';
import { diffOf } from './layers-model';
import { lowerStack, removeNode, writeNode } from '../engine/index';

function world() {
  const e = createEngine({ seed: 3 });
  e.image.pull('nginx');
  e.image.pull('httpd');
  const { id } = e.container.create({ image: 'nginx', name: 'web', hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
  e.container.start(id);
  e.container.create({ image: 'httpd', name: 'idle' });
  return e;
}

describe('writable layer files', () => {
  it('marks copied-up files, added files and whiteouts in the writable layer, in docker diff order', () => {
    const e = world();
    const id = allContainers(e.state).find((c) => c.name === 'web')!.id;
    const c = containerById(e.state, id)!;
    const lower = lowerStack(e.state, c);
    const upper = { ...c.upper };
    writeNode(upper, lower, '/etc/nginx/nginx.conf', { type: 'file', content: 'changed', mode: 0o644, mtime: 1, uid: 0, gid: 0 } as never);
    writeNode(upper, lower, '/new.txt', { type: 'file', content: 'x', mode: 0o644, mtime: 1, uid: 0, gid: 0 } as never);
    removeNode(upper, lower, '/etc/nginx/mime.types', 1);
    const changed = diffOf({ ...e.state }, { ...c, upper }).map((d) => `${d.kind} ${d.path}`);
    // docker diff's order: a lexical walk of the upper layer
    expect(changed).toEqual(['C /etc/nginx/conf.d/default.conf', 'D /etc/nginx/mime.types', 'C /etc/nginx/nginx.conf', 'A /new.txt', 'A /run/nginx.pid']);
  });
});

describe('what changed', () => {
  it('lists what one command added, removed and changed', async () => {
    const { changes } = await import('./changes');
    const e = createEngine({ seed: 3 });
    const s0 = e.state;
    e.image.pull('nginx');
    const s1 = e.state;
    expect(changes(s0, s1)).toEqual([
      { kind: 'added', what: expect.stringMatching(/^image [0-9a-f]{12}$/) },
      { kind: 'added', what: expect.stringMatching(/^tag nginx:latest → [0-9a-f]{12}$/) },
      { kind: 'added', what: '7 layers' },
    ]);
    const { id } = e.container.create({ image: 'nginx', name: 'web' });
    e.container.start(id);
    const c = changes(s1, e.state).map((x) => `${x.kind} ${x.what}`);
    expect(c).toEqual(['added container web (running)']);
    const s2 = e.state;
    e.container.stop('web');
    // a stopped container keeps its endpoint (it only loses the address), so only its state changed
    expect(changes(s2, e.state).map((x) => `${x.kind} ${x.what}`)).toEqual(['changed container web: running → exited']);
    const s3 = e.state;
    e.container.remove('web', false);
    expect(changes(s3, e.state).map((x) => `${x.kind} ${x.what}`)).toEqual(['removed container web']);
  });
});
