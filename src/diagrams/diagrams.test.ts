// Diagrams are pure text from the engine state: topology (bridges, addresses, ports) and layer stacks.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/index';
import { fileChanges, layers } from './layers';
import { lowerStack, removeNode, writeNode } from '../engine/index';
import { topology } from './topology';
import { label } from './mermaid';

function world() {
  const e = createEngine({ seed: 3 });
  e.image.pull('nginx');
  e.image.pull('httpd');
  const { id } = e.container.create({ image: 'nginx', name: 'web', hostConfig: { PortBindings: { '80/tcp': [{ HostIp: '', HostPort: '8080' }] } } });
  e.container.start(id);
  e.container.create({ image: 'httpd', name: 'idle' });
  return e;
}

describe('topology', () => {
  it('draws docker0 with the running container, its address and its published port; stopped ones dashed', () => {
    const t = topology(world().state);
    expect(t.split('\n')[0]).toBe('flowchart TB');
    expect(t).toContain('host["host dockerlings<br/>eth0 10.0.2.15"]');
    expect(t).toMatch(/net_\w+\{\{"docker0 \(bridge\)<br\/>172\.17\.0\.1 172\.17\.0\.0\/16"\}\}/);
    expect(t).toMatch(/c_\w+\("web<br\/>running<br\/>eth0 172\.17\.0\.2"\)/);
    expect(t).toMatch(/host -- "0\.0\.0\.0:8080 → 80\/tcp" --> c_\w+/);
    expect(t).toMatch(/class c_\w+ stopped/);
  });

  it('labels each running link with its host-side veth, and draws a joined container beside its target', () => {
    const e = world();
    const web = Object.values(e.state.containers).find((c) => c.name === 'web')!;
    const { id } = e.container.create({ image: 'nginx', name: 'side', hostConfig: { NetworkMode: `container:${web.id}` } });
    e.container.start(id);
    const t = topology(e.state);
    const veth = web.endpoints.bridge.veth!;
    expect(veth).toMatch(/^veth[0-9a-f]{7}$/);
    expect(t).toContain(`---|"${veth}"| c_${web.id.slice(0, 12)}`);
    expect(t).toContain(`c_${id.slice(0, 12)} -.-|"same network namespace"| c_${web.id.slice(0, 12)}`);
    expect(t).toContain(`c_${id.slice(0, 12)}("side<br/>running<br/>network: container:web")`); // NetworkMode holds the full id; the picture names the container
    // the created (never started) container has no veth: a dotted, unlabelled link
    const idle = Object.values(e.state.containers).find((c) => c.name === 'idle')!;
    expect(t).toMatch(new RegExp(`net_\\w+ -\\.- c_${idle.id.slice(0, 12)}`));
  });
});

describe('layers', () => {
  it('draws the shared debian base layer once and both images on top of it, and the writable layer of each container', () => {
    const l = layers(world().state);
    const baseNodes = l.split('\n').filter((x) => /^\s+l_\w+\[.*rootfs\.tar\.xz/.test(x));
    expect(baseNodes).toHaveLength(1);
    expect(l).toContain('[/"nginx:latest<br/>');
    expect(l).toContain('[/"httpd:latest<br/>');
    expect(l).toMatch(/w_\w+\["web \(writable layer\)<br\/>C \/etc\/nginx\/conf\.d\/default\.conf \(copied up\)<br\/>A \/run\/nginx\.pid"\]/);
    expect(l).toMatch(/w_\w+\["idle \(writable layer\)<br\/>no changes"\]/);
  });

  it('marks copied-up files, added files and whiteouts in the writable layer', () => {
    const e = world();
    const id = Object.values(e.state.containers).find((c) => c.name === 'web')!.id;
    const c = e.state.containers[id];
    const lower = lowerStack(e.state, c);
    const upper = { ...c.upper };
    writeNode(upper, lower, '/etc/nginx/nginx.conf', { type: 'file', content: 'changed', mode: 0o644, mtime: 1, uid: 0, gid: 0 } as never);
    writeNode(upper, lower, '/new.txt', { type: 'file', content: 'x', mode: 0o644, mtime: 1, uid: 0, gid: 0 } as never);
    removeNode(upper, lower, '/etc/nginx/mime.types', 1);
    const changed = fileChanges({ ...e.state }, { ...c, upper });
    // docker diff's order: a lexical walk of the upper layer
    expect(changed).toEqual(['C /etc/nginx/conf.d/default.conf (copied up)', 'D /etc/nginx/mime.types (whiteout)', 'C /etc/nginx/nginx.conf (copied up)', 'A /new.txt', 'A /run/nginx.pid']);
  });
});

describe('labels', () => {
  it('escape quotes and angle brackets', () => {
    expect(label('a "b" <c>', 'd')).toBe('"a #quot;b#quot; #lt;c#gt;<br/>d"');
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
