// Named volumes in the network view: a column in the first free cell of a row of lanes, or a strip under full rows;
// their mounts linked through the gaps; each volume keeps its place.
import { describe, expect, it } from 'vitest';
import { engineWith, isolation, startSleeper } from '../engine/test-support';
import { pictureModel as viewModel } from './models';
import { byId, id, node, overlapping } from './test-support';

describe('named volumes in the network view', () => {
  it('draws named volumes in a strip under full rows of lanes with their mounts, a link from each container mounting them, and lists them', () => {
    const e = isolation();
    e.volume.create({ name: 'data', labels: {}, options: {} });
    e.volume.create({ name: 'spare', labels: {}, options: {} });
    startSleeper(e, 'db', { hostConfig: { NetworkMode: 'my_net', Binds: ['data:/var/lib/db'] } });
    startSleeper(e, 'backup', { hostConfig: { NetworkMode: 'my_net2', Binds: ['data:/backup'] } });
    const m = viewModel('topology', e.state, null);
    const data = byId(m).get('vol:data')!;
    expect([data.kind, data.label, ...data.lines!]).toEqual(['volume', 'data', 'db:/var/lib/db', 'backup:/backup']);
    expect(data.inspect).toBe('docker volume inspect data');
    expect([node(m, 'spare', 'volume').lines, node(m, 'spare', 'volume').x - data.x, node(m, 'spare', 'volume').y - data.y]).toEqual([['not mounted'], 0, 66]);
    // host, bridge, my_net and my_net2 fill the first row: the volumes open a strip under it (no lane takes its cells)
    expect(byId(m).get('volumes')).toBeUndefined();
    const myNet = node(m, 'my_net', 'lane');
    expect([data.x, data.y]).toEqual([16, myNet.y + myNet.h + 8]);
    expect(m.height).toBe(data.y + 66 + data.h);
    expect(m.edges.filter((x) => x.id.startsWith('mount:')).map((x) => x.id).sort()).toEqual([`mount:c:${id(e, 'backup')}:data`, `mount:c:${id(e, 'db')}:data`].sort());
    const link = m.edges.find((x) => x.id === `mount:c:${id(e, 'db')}:data`)!;
    const db = node(m, 'db');
    // out of db's right side, down the gap right of its lane, along the gap above the strip, down its free left margin
    expect(link.points).toEqual([[db.x + db.w, db.y + db.h - 8], [db.x - 16 + 130, db.y + db.h - 8], [db.x - 16 + 130, data.y - 4], [8, data.y - 4], [8, data.y + 26], [data.x, data.y + 26]]);
    expect(m.text[m.text.length - 1]).toEqual({ text: 'volumes: 2', children: [{ text: 'volume data: mounted by db at /var/lib/db, backup at /backup' }, { text: 'volume spare, not mounted' }] });
    expect(overlapping(m)).toEqual([]);
  });

  it('with a free cell in a row of lanes the volumes are a column there, named; a volume keeps its place, a removed one leaves a hole the next fills', () => {
    const e = isolation();
    for (const v of ['va', 'vb', 'vc']) e.volume.create({ name: v, labels: {}, options: {} });
    const s0 = e.state;
    const m0 = viewModel('topology', s0, null);
    const lone = engineWith(1, 'busybox');
    lone.volume.create({ name: 'v1', labels: {}, options: {} });
    const column = byId(viewModel('topology', lone.state, null)).get('volumes')!;
    expect([column.kind, column.label, column.lines, column.x, column.y, node(viewModel('topology', lone.state, null), 'v1', 'volume').x]).toEqual(['lane', 'volumes', ['1 named'], 260, 0, 276]);
    // a container in the same row mounting it: out of its side into the gap beside its lane, across into the volume's side
    startSleeper(lone, 'user', { hostConfig: { Binds: ['v1:/v'] } });
    const lm = viewModel('topology', lone.state, null);
    const [user, v1] = [node(lm, 'user'), node(lm, 'v1', 'volume')];
    expect(lm.edges.find((x) => x.id === `mount:c:${id(lone, 'user')}:v1`)!.points).toEqual([[user.x + user.w, user.y + user.h - 8], [260, user.y + user.h - 8], [260, v1.y + 26], [276, v1.y + 26]]);
    e.volume.remove('va');
    const s1 = e.state;
    const m1 = viewModel('topology', s1, s0);
    expect([node(m1, 'vb', 'volume').x, node(m1, 'vb', 'volume').y]).toEqual([node(m0, 'vb', 'volume').x, node(m0, 'vb', 'volume').y]);
    e.volume.create({ name: 'vd', labels: {}, options: {} });
    const m2 = viewModel('topology', e.state, s1);
    expect([node(m2, 'vd', 'volume').x, node(m2, 'vd', 'volume').y]).toEqual([node(m0, 'va', 'volume').x, node(m0, 'va', 'volume').y]);
  });
});
