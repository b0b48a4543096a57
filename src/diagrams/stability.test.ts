// Stable positions in the live picture: what is drawn stays where it is when something is added (rows of lanes, the
// layers graph); Tidy may lay out afresh.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../engine/test-support';
import type { Engine } from '../engine/index';
import { pictureModel as viewModel } from './models';
import type { VNode, ViewModel } from './view-types';

const node = (m: ViewModel, label: string, kind?: VNode['kind']) => m.nodes.find((n) => n.label === label && (!kind || n.kind === kind))!;
const net = (e: Engine, name: string) => e.network.get(name).id;
const overlapping = (m: ViewModel) => {
  const boxes = m.nodes.filter((n) => !['lane', 'host', 'project', 'netns'].includes(n.kind) && !n.cls?.includes('joined'));
  return boxes.flatMap((a, i) => boxes.slice(i + 1).filter((b) => !(a.x + a.w <= b.x || b.x + b.w <= a.x || a.y + a.h <= b.y || b.y + b.h <= a.y)).map((b) => `${a.id} overlaps ${b.id}`));
};
/** The IDs of nodes drawn in both models whose place differs. */
const movedBetween = (a: ViewModel, b: ViewModel) => {
  const was = new Map(a.nodes.map((n) => [n.id, `${n.x},${n.y}`]));
  return b.nodes.filter((n) => was.has(n.id) && was.get(n.id) !== `${n.x},${n.y}`).map((n) => n.id);
};

describe('network view rows', () => {
  it('5 networks: a box arriving in the upper row of lanes moves nothing, the row below included; when its room is used, the row grows by a box more', () => {
    const e = engineWith(1, 'busybox');
    for (let n = 0; n < 5; n++) e.network.create({ name: `net${n}` });
    let prev = e.state;
    const models: ViewModel[] = [viewModel('topology', prev, null)];
    const run = (name: string, n: string) => {
      startSleeper(e, name, { hostConfig: { NetworkMode: n } });
      models.push(viewModel('topology', e.state, prev));
      prev = e.state;
    };
    const moved = (i: number) => movedBetween(models[i - 1], models[i]);
    run('c_a', 'net0');
    run('c_b', 'net2');
    run('c_c', 'net1');
    run('c_d', 'bridge');
    run('c_f', 'net3');
    // net0, net1 and bridge are in the first row, net2 and net3 in the second: nothing already drawn moves, lanes included
    for (let i = 1; i < models.length; i++) expect(moved(i), `step ${i}`).toEqual([]);
    expect(node(models[5], 'net2', 'lane').y).toBe(node(models[0], 'net2', 'lane').y);
    // a second box in net0 uses the room: the second row moves down once, with a box of room to spare
    run('c_g', 'net0');
    expect(moved(6)).toContain(`net:${net(e, 'net2')}`);
    run('c_h', 'net1');
    expect(moved(7)).toEqual([]);
    expect(overlapping(models[7])).toEqual([]);
    // Tidy lays it out afresh: still with room for a box under the first row
    const tidied = viewModel('topology', e.state, prev, { cols: 4, gen: 1 });
    const row0 = Math.max(...tidied.nodes.filter((n) => n.kind === 'container' && n.x < 520 && n.y < node(tidied, 'net2', 'lane').y).map((n) => n.y + n.h));
    expect(node(tidied, 'net2', 'lane').y - row0).toBeGreaterThanOrEqual(86);
  });
});
