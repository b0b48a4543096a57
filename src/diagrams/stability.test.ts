// Stable positions in the live picture: what is drawn stays where it is when something is added (rows of lanes, the
// layers graph); Tidy may lay out afresh.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../engine/test-support';
import type { BuildOptions, Engine, RunOutput } from '../engine/index';
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

/** Builds `dockerfile` with a runtime stand-in whose every RUN writes /ran. */
function build(e: Engine, dockerfile: string, tag: string) {
  const o: BuildOptions = { dockerfile, dockerfileName: 'Dockerfile', context: {}, dockerignore: null, buildArgs: {}, target: '', noCache: false, pull: false, tags: [tag], labels: {}, classic: false, contextKey: '/root/app' };
  const ran: RunOutput = { output: [], exitCode: 0, elapsed: 0, upper: { '/ran': { type: 'file', mode: 0o644, mtime: 1, content: 'x' } } };
  let job = e.build.start(o);
  while (job.pending) job = e.build.continue(job, { context: o.context, archives: o.archives }, ran);
}

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

describe('layers view stability', () => {
  it('a build that adds layers on top of a pulled image moves no block already drawn; the writable layers stay too', () => {
    const e = engineWith(1, 'busybox');
    startSleeper(e, 'box1');
    const s0 = e.state;
    const m0 = viewModel('layers', s0, null);
    build(e, 'FROM busybox\nRUN echo one\nRUN echo two\n', 'app');
    const m1 = viewModel('layers', e.state, s0);
    expect(movedBetween(m0, m1)).toEqual([]);
    const app = node(m1, 'app:latest', 'image');
    expect([app.mark, app.y >= 0]).toEqual(['added', true]);
    expect(node(m1, 'app:latest', 'image').y).toBeLessThan(node(m1, 'busybox:latest', 'image').y);
    // a deeper stack than the room above the tallest one grows the graph once, then there is room again
    const s1 = e.state;
    build(e, `FROM app\n${['a', 'b', 'c'].map((x) => `RUN echo ${x}`).join('\n')}\n`, 'deep');
    const m2 = viewModel('layers', e.state, s1);
    expect(movedBetween(m1, m2).length).toBeGreaterThan(0);
    const s2 = e.state;
    build(e, 'FROM deep\nRUN echo more\n', 'deeper');
    expect(movedBetween(m2, viewModel('layers', e.state, s2))).toEqual([]);
  });

  it('a container changing files does not move the image graph', () => {
    const e = engineWith(1, 'nginx');
    const { id } = e.container.create({ image: 'nginx', name: 'web' });
    const s0 = e.state;
    const m0 = viewModel('layers', s0, null);
    e.container.start(id);
    const m1 = viewModel('layers', e.state, s0);
    expect(m1.nodes.filter((n) => n.kind === 'file').length).toBeGreaterThan(0);
    expect(movedBetween(m0, m1)).toEqual([]);
  });

  it('Tidy lays the layers out afresh (the shared base centred under its images), then pins the new places', () => {
    const e = engineWith(3, 'nginx');
    const s0 = e.state;
    viewModel('layers', s0, null);
    e.image.pull('httpd');
    const s1 = e.state;
    const pinnedM = viewModel('layers', s1, s0);
    const tidy = { cols: 4, gen: 1 };
    const tidied = viewModel('layers', s1, s0, tidy);
    const base = pinnedM.nodes.find((n) => n.cls?.includes('shared'))!;
    expect(node(tidied, base.label).x).not.toBe(base.x);
    e.container.create({ image: 'nginx', name: 'late' });
    const next = viewModel('layers', e.state, s1, tidy);
    expect(movedBetween(tidied, next)).toEqual([]);
  });
});
