// The target overlay (src/diagrams/target-overlay.ts) follows the live model's boxes: matched parts outlined solid, differing ones dashed, missing
// lanes to the right and missing containers below; the outline lists each part and what differs.
import { describe, expect, it } from 'vitest';
import { createSession } from '../shell/session';
import { parseTarget, type Target } from '../lessons/target';
import { networkModel } from '../diagrams/net-model';
import { layersModel } from '../diagrams/layers-model';
import { targetView } from '../diagrams/target-overlay';
import { lessons } from '../lessons/catalog';
import { WorkerClient } from './client';
import { localPort } from './local';

const target = (data: unknown): Target => {
  const r = parseTarget(data);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.target;
};

const ISOLATION = target({ networks: [{ name: 'my_net' }, { name: 'my_net2', subnet: '172.22.16.0/24' }], containers: [{ name: 'box1', image: 'busybox', networks: ['my_net'] }, { name: 'box2', image: 'busybox', networks: [{ name: 'my_net2', ip: '172.22.16.8' }] }] });

describe('target overlay (network view)', () => {
  it('outlines what exists, and places what is missing in a new lane to the right and below the live rows', async () => {
    const s = createSession({ headless: true });
    await s.run('docker network create my_net');
    await s.run('docker run -d --name box1 --network my_net busybox sleep 3600');
    const st = s.engine.state;
    const model = networkModel(st);
    const v = targetView(model, st, ISOLATION);
    expect(v.met).toBe(false);
    const o = v.overlay!;
    const box1 = model.nodes.find((n) => n.label === 'box1')!;
    const myNet = model.nodes.find((n) => n.kind === 'lane' && n.label === 'my_net')!;
    const ghost = (id: string) => o.nodes.find((n) => n.id === id)!;
    expect(ghost('t:net:my_net')).toMatchObject({ x: myNet.x, w: myNet.w, met: true, present: true });
    expect(ghost('t:c:box1')).toMatchObject({ x: box1.x - 4, y: box1.y - 4, w: box1.w + 8, h: box1.h + 8, met: true, present: true });
    expect(ghost('t:net:my_net2')).toMatchObject({ x: model.width, y: 0, h: o.height, present: false, lines: ['172.22.16.0/24', 'bridge'] });
    expect(ghost('t:c:box2')).toMatchObject({ x: model.width + 22, present: false, lines: ['busybox', 'my_net2', '172.22.16.8'] });
    expect(ghost('t:c:box2').y).toBeGreaterThanOrEqual(model.height);
    expect(o.width).toBe(model.width + model.nodes.find((n) => n.kind === 'host')!.w); // one new lane, as wide as the others
    expect(v.text.en).toEqual([{ text: 'Target: 2 of 4 parts match', children: [{ text: 'network my_net: matches' }, { text: 'network my_net2: missing' }, { text: 'container box1: matches' }, { text: 'container box2: missing' }] }]);
    expect(v.text.zh[0].text).toBe('目标：4 项中有 2 项符合');
  });

  it('draws volume parts: a missing volume as a faded box where the volumes column would go, a missing mount as a dashed link; once there, outlines over it', async () => {
    const s = createSession({ headless: true });
    await s.run('docker run -d --name web nginx');
    const t = target({ containers: [{ name: 'web', volumes: ['site:/usr/share/nginx/html'] }], volumes: ['site'] });
    let st = s.engine.state;
    let model = networkModel(st);
    let v = targetView(model, st, t);
    const web = model.nodes.find((n) => n.label === 'web')!;
    const ghost = (id: string) => v.overlay!.nodes.find((n) => n.id === id)!;
    expect(ghost('t:vol:site')).toMatchObject({ kind: 'volume', label: 'site', present: false, met: false });
    // in the first free cell, right of host and bridge: where `docker volume create site` puts it
    expect([ghost('t:vol:site').x, ghost('t:vol:site').y]).toEqual([260 + 16, 96 + 14]);
    expect(model.strip).toEqual({ x: 260, y: 110, step: 66 });
    await s.run('docker volume create site');
    expect(networkModel(s.engine.state).nodes.find((n) => n.id === 'vol:site')).toMatchObject({ x: ghost('t:vol:site').x, y: ghost('t:vol:site').y });
    await s.run('docker volume rm site');
    const link = v.overlay!.edges.find((e) => e.id === 't:mount:web:site:/usr/share/nginx/html')!;
    expect(link.points[0]).toEqual([web.x + web.w, web.y + web.h - 8]);
    expect(link.points[link.points.length - 1]).toEqual([ghost('t:vol:site').x, ghost('t:vol:site').y + ghost('t:vol:site').h / 2]);
    expect(v.overlay!.height).toBe(model.height);
    await s.run('docker rm -f web');
    await s.run('docker run -d --name web -v site:/usr/share/nginx/html nginx');
    st = s.engine.state;
    model = networkModel(st);
    v = targetView(model, st, t);
    const vol = model.nodes.find((n) => n.id === 'vol:site')!;
    expect(ghost('t:vol:site')).toMatchObject({ x: vol.x - 4, y: vol.y - 4, met: true, present: true });
    expect(v.overlay!.edges).toEqual([]);
    expect(v.met).toBe(true);
  });

  it('a missing volume takes the first free place of the volumes column, under the live ones; a missing container goes below everything', async () => {
    const s = createSession({ headless: true });
    await s.run('docker volume create old');
    const t = target({ containers: [{ name: 'db', image: 'busybox', volumes: ['data:/data'] }], volumes: ['data'] });
    const st = s.engine.state;
    const model = networkModel(st);
    const old = model.nodes.find((n) => n.id === 'vol:old')!;
    const o = targetView(model, st, t).overlay!;
    const ghost = (id: string) => o.nodes.find((n) => n.id === id)!;
    expect([ghost('t:vol:data').x, ghost('t:vol:data').y]).toEqual([old.x, old.y + 66]);
    expect(ghost('t:c:db').y).toBeGreaterThan(ghost('t:vol:data').y + ghost('t:vol:data').h);
    const link = o.edges.find((e) => e.id === 't:mount:db:data:/data')!;
    // from the right of the container's ghost, up the gap right of its lane, across under the volume (it is drawn past
    // the column's live end), up the column's free margin into the volume's side
    const g = ghost('t:c:db');
    const under = ghost('t:vol:data').y + ghost('t:vol:data').h + 18;
    expect(link.points).toEqual([[g.x + g.w, g.y + g.h - 8], [260, g.y + g.h - 8], [260, under], [268, under], [268, ghost('t:vol:data').y + 26], [ghost('t:vol:data').x, ghost('t:vol:data').y + 26]]);
  });

  it('a container collapsed into a group is outlined by its group box (met when all the target asks of the group is), not drawn missing', async () => {
    const s = createSession({ headless: true });
    await s.run('docker network create n0');
    await s.run('for i in 0 1 2 3 4 5; do docker run -d --name w$i --network n0 busybox sleep 3600; done > /dev/null');
    const t = target({ containers: [{ name: 'w1', image: 'busybox', networks: ['n0'] }, { name: 'w2', image: 'busybox', state: 'exited', networks: ['n0'] }] });
    let st = s.engine.state;
    let model = networkModel(st);
    const group = model.nodes.find((n) => n.kind === 'group')!;
    let o = targetView(model, st, t).overlay!;
    expect(o.nodes.map((n) => [n.id, n.met, n.present])).toEqual([[`t:group:${group.id}`, false, true]]);
    expect(o.nodes[0]).toMatchObject({ x: group.x - 4, y: group.y - 4, w: group.w + 8, h: group.h + 8, kind: 'container' });
    // w2 stopped is no longer alike: it gets its own box and outline; the group's outline is met for w1
    await s.run('docker stop w2');
    st = s.engine.state;
    model = networkModel(st);
    const v = targetView(model, st, t);
    o = v.overlay!;
    const w2 = model.nodes.find((n) => n.label === 'w2')!;
    expect(o.nodes.map((n) => [n.id, n.met])).toEqual([['t:c:w2', true], [`t:group:${model.nodes.find((n) => n.kind === 'group')!.id}`, true]]);
    expect(o.nodes[0]).toMatchObject({ x: w2.x - 4, y: w2.y - 4 });
    expect(v.met).toBe(true);
  });

  it('draws a missing network of a live container as a chip in that lane, and a missing port on the host edge; all solid once met', async () => {
    const s = createSession({ headless: true });
    await s.run('docker network create front');
    await s.run('docker network create back');
    await s.run('docker run -d --name proxy --network front nginx');
    const t = target({ containers: [{ name: 'proxy', networks: ['front', 'back'], ports: ['8080:80'] }] });
    let st = s.engine.state;
    const v = targetView(networkModel(st), st, t);
    const proxy = networkModel(st).nodes.find((n) => n.label === 'proxy')!;
    const back = networkModel(st).nodes.find((n) => n.label === 'back')!;
    expect(v.overlay!.nodes.map((n) => [n.id, n.kind, n.met, n.present])).toEqual([['t:c:proxy', 'container', false, true], ['t:ep:proxy:back', 'chip', false, false], ['t:port:proxy:8080:80', 'port', false, false]]);
    expect(v.overlay!.nodes[1]).toMatchObject({ x: back.x + 22, y: proxy.y });
    expect(v.text.en[0].children![0]).toEqual({ text: 'container proxy: differs', children: [{ text: 'container proxy is not on network back' }, { text: 'container proxy does not publish 8080:80' }] });
    await s.run('docker rm -f proxy');
    await s.run('docker run -d --name proxy --network front -p 8080:80 nginx');
    await s.run('docker network connect back proxy');
    st = s.engine.state;
    const done = targetView(networkModel(st), st, t);
    expect(done.met).toBe(true);
    expect(done.overlay!.nodes.map((n) => [n.id, n.met])).toEqual([['t:c:proxy', true]]);
  });
});

describe('target overlay (layers view)', () => {
  it('outlines a present image and draws a missing one dashed below', async () => {
    const s = createSession({ headless: true });
    await s.run('docker pull busybox');
    const st = s.engine.state;
    const model = layersModel(st);
    const v = targetView(model, st, target({ images: ['busybox', 'snap:v1'] }));
    expect(v.overlay!.nodes.map((n) => [n.id, n.met, n.present])).toEqual([['t:img:busybox', true, true], ['t:img:snap:v1', false, false]]);
    expect(v.overlay!.nodes[1].y).toBeGreaterThan(model.height);
  });

  it('draws nothing on the packet view', async () => {
    const s = createSession({ headless: true });
    expect(targetView({ kind: 'packet', width: 1, height: 1, nodes: [], edges: [], text: [] }, s.engine.state, ISOLATION).overlay).toBeNull();
  });
});

describe('the worker view of a puzzle', () => {
  it('sends the overlay, the outline and the score: docker commands until solved, looks not counted, later ones not either', async () => {
    const puzzle = lessons().find((l) => l.id === '06-challenges/01-rebuild-isolation')!;
    const c = new WorkerClient(localPort);
    await c.start({ seed: 1, setup: puzzle.setup });
    const ask = () => c.view(null, 'topology', puzzle.goals.map((g) => g.check), puzzle.target);
    let v = await ask();
    expect(v.met).toEqual([false]);
    expect(v.target).toMatchObject({ met: false, commands: 0, solvedIn: null });
    expect(v.target!.overlay!.nodes.filter((n) => !n.present).map((n) => n.id)).toEqual(['t:net:my_net', 't:net:my_net2', 't:c:box1', 't:c:box2']);
    for (const line of ['docker network create my_net', 'docker network ls', 'docker network create my_net3', 'docker network create --subnet 172.22.16.0/24 my_net2', 'docker run -d --name box1 --network my_net busybox sleep 3600', 'docker run -d --name box2 --network my_net2 --ip 172.22.16.8 busybox sleep 3600']) await c.run(line, () => undefined);
    v = await ask();
    expect(v.met).toEqual([true]);
    expect(v.target).toMatchObject({ met: true, commands: 5, solvedIn: 5 });
    expect(v.target!.text.en[0].text).toBe('Target: all 4 parts match');
    await c.run('docker network rm my_net3', () => undefined);
    v = await ask();
    expect(v.target).toMatchObject({ commands: 6, solvedIn: 5 });
    await c.run('docker stop box1', () => undefined);
    v = await ask();
    expect(v.target).toMatchObject({ met: false, commands: 7, solvedIn: null });
    expect(v.target!.text.en[0].children![2]).toEqual({ text: 'container box1: differs', children: [{ text: 'container box1 is exited, not running' }] });
  });
});
