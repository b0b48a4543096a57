// Stable positions in the live picture: what is drawn stays where it is when something is added (containers, networks,
// volumes in rows of lanes; images and builds in the layers graph); Tidy may lay out afresh.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../engine/test-support';
import { tracePacket, type Engine } from '../engine/index';
import { pictureModel as viewModel } from './models';
import type { ViewModel } from './view-types';
import { build, movedBetween, net, node, overlapping } from './test-support';

/** Runs steps on an engine, each step's model pinned to the one before (as the lab shows them), and says what moved. */
function stepper(e: Engine, kind: 'topology' | 'layers' = 'topology') {
  let prev = e.state;
  const models: ViewModel[] = [viewModel(kind, prev, null)];
  return {
    models,
    /** Runs `fn` as one command; returns the IDs of nodes drawn before and after it whose place changed. */
    step(fn: () => void) {
      fn();
      models.push(viewModel(kind, e.state, prev));
      prev = e.state;
      return movedBetween(models[models.length - 2], models[models.length - 1]);
    },
    get last() {
      return models[models.length - 1];
    },
  };
}

describe('network view rows', () => {
  it('5 networks: boxes arriving in the upper row move nothing, the row below included; past its room the lane continues in a free cell', () => {
    const e = engineWith(1, 'busybox');
    for (let n = 0; n < 5; n++) e.network.create({ name: `net${n}` });
    const pic = stepper(e);
    const lane0 = node(pic.last, 'net2', 'lane');
    // net0, net1 and bridge are in the first row, net2 and net3 in the second
    for (const [name, n] of [['c_a', 'net0'], ['c_b', 'net2'], ['c_c', 'net1'], ['c_d', 'bridge'], ['c_f', 'net3'], ['c_g', 'net0'], ['c_h', 'net0'], ['c_i', 'net0'], ['c_j', 'net1']]) {
      expect(pic.step(() => startSleeper(e, name, { hostConfig: { NetworkMode: n } })), `${name} on ${n}`).toEqual([]);
      expect(overlapping(pic.last), name).toEqual([]);
    }
    expect(node(pic.last, 'net2', 'lane').y).toBe(lane0.y);
    // the first row kept room for one box: c_a took it, so c_g, c_h and c_i continue net0 in the first free cell (the second
    // row's fourth), drawn as a lane of its own that says so
    const more = pic.last.nodes.filter((n) => n.cls?.includes('continued'));
    expect(more.map((n) => [n.id, n.label, n.lines, n.x, n.y])).toEqual([
      [`net:${net(e, 'net0')}#1`, 'net0', ['continued'], 390, lane0.y],
      [`net:${net(e, 'net1')}#1`, 'net1', ['continued'], 0, expect.any(Number)],
    ]);
    for (const c of ['c_g', 'c_h', 'c_i']) expect([node(pic.last, c).x, node(pic.last, c).y > lane0.y]).toEqual([390 + 16, true]);
    // net1's continuation opened a third row; the second row is now fixed: a box arriving in it moves nothing either
    expect(node(pic.last, 'c_j').y).toBeGreaterThan(node(pic.last, 'c_g').y);
    expect(pic.step(() => startSleeper(e, 'c_k', { hostConfig: { NetworkMode: 'net2' } }))).toEqual([]);
    // Tidy lays it out afresh: no continuations, room for a box under the first row
    const tidied = viewModel('topology', e.state, null, { cols: 4, gen: 1 });
    expect(tidied.nodes.filter((n) => n.cls?.includes('continued'))).toEqual([]);
    const row0 = Math.max(...tidied.nodes.filter((n) => n.kind === 'container' && n.y < node(tidied, 'net2', 'lane').y).map((n) => n.y + n.h));
    expect(node(tidied, 'net2', 'lane').y - row0).toBeGreaterThanOrEqual(72);
    // a fifth alike container in net0 collapses them into one box with a count, in net0's first cell; the continuation
    // left empty goes, and nothing else moves
    expect(pic.step(() => startSleeper(e, 'c_l', { hostConfig: { NetworkMode: 'net0' } }))).toEqual([]);
    expect(overlapping(pic.last)).toEqual([]);
    expect([node(pic.last, 'c_a … c_l', 'group').x, node(pic.last, 'c_a … c_l', 'group').y]).toEqual([276, 110]);
    expect(pic.last.nodes.filter((n) => n.cls?.includes('continued') && n.mark !== 'removed').map((n) => n.id)).toEqual([`net:${net(e, 'net1')}#1`]);
  });

  it('a packet from a box in a continued lane leaves along that cell\'s bus, not the first cell\'s', () => {
    const e = engineWith(1, 'busybox');
    for (let n = 0; n < 5; n++) e.network.create({ name: `net${n}` });
    const pic = stepper(e);
    pic.step(() => startSleeper(e, 'c_a', { hostConfig: { NetworkMode: 'net0' } }));
    const s1 = e.state;
    pic.step(() => startSleeper(e, 'c_g', { hostConfig: { NetworkMode: 'net0' } }));
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: e.container.get('c_g').id }, '172.18.0.2', 'icmp'));
    const m = viewModel('packet', e.state, s1, undefined, pk);
    const [from, to] = [node(m, 'c_g'), node(m, 'c_a')];
    expect(from.x).toBe(390 + 16);
    const cont = m.nodes.find((n) => n.cls?.includes('continued'))!;
    const ipt = node(m, 'iptables');
    // up its cell's bus to the top, through iptables, down net0's own bus in the first row to c_a
    expect(m.packet!.path).toEqual([[from.x + 12, from.y + 15], [390 + 12, from.y + 15], [390 + 12, cont.y + 62], [ipt.x + ipt.w / 2, ipt.y + ipt.h / 2], [260 + 12, 96 - 4], [260 + 12, to.y + 15], [to.x + 12, to.y + 15]]);
  });

  it('networks and volumes created along the way, containers mounting them: nothing already drawn ever moves', () => {
    const e = engineWith(1, 'busybox');
    const pic = stepper(e);
    const vol = (name: string) => () => e.volume.create({ name, labels: {}, options: {} });
    const run = (name: string, n: string, binds: string[] = []) => () => startSleeper(e, name, { hostConfig: { NetworkMode: n, Binds: binds } });
    const steps: [string, () => void][] = [
      ['net front', () => e.network.create({ name: 'front' })],
      ['web', run('web', 'front')],
      ['api', run('api', 'front')],
      ['net back', () => e.network.create({ name: 'back' })],
      ['db with a volume', run('db', 'back', ['dbdata:/data'])],
      ['a second volume', vol('logs')],
      ['worker mounting it', run('worker', 'back', ['logs:/logs'])],
      ['net extra', () => e.network.create({ name: 'extra' })],
      ['cache on front', run('cache', 'front')],
      ['queue on front', run('queue', 'front')],
      ['third volume', vol('spare')],
      ['job on extra', run('job', 'extra', ['spare:/spare'])],
      ['net more', () => e.network.create({ name: 'more' })],
      ['x1 on more', run('x1', 'more')],
      ['x2 on back', run('x2', 'back')],
      ['x3 on back', run('x3', 'back')],
      ['fourth volume', vol('v4')],
      ['fifth volume', vol('v5')],
    ];
    for (const [what, fn] of steps) {
      expect(pic.step(fn), what).toEqual([]);
      expect(overlapping(pic.last), what).toEqual([]);
    }
    // the four lanes of the time filled the first row: the volumes opened a strip under it (no lane takes its cells, so
    // extra and more went to the row after it). The strip has rows under it: it does not grow, each volume past its
    // height continues in its next free cell, side by side
    const m = pic.last;
    const lanesAt = (y: number) => m.nodes.filter((n) => (n.kind === 'lane' || n.kind === 'host') && n.y === y).map((n) => `${n.label}${n.cls?.includes('continued') ? '+' : ''}`);
    const strip = node(m, 'dbdata', 'volume');
    expect(m.nodes.filter((n) => n.kind === 'volume').map((v) => [v.label, v.x, v.y - strip.y])).toEqual([['dbdata', 16, 0], ['logs', 16, 66], ['spare', 146, 0], ['v4', 146, 66], ['v5', 276, 0]]);
    expect(m.nodes.some((n) => n.label === 'volumes')).toBe(false);
    expect(lanesAt(0)).toEqual(['host', 'bridge', 'front', 'back']);
    expect(lanesAt(node(m, 'extra', 'lane').y)).toEqual(['extra', 'front+', 'more', 'back+']);
    expect(node(m, 'extra', 'lane').y).toBe(strip.y + 66 + 52 + 8);
    // every volume is linked to the container that mounts it
    expect(pic.last.edges.filter((x) => x.id.startsWith('mount:')).length).toBe(3);
  });
});

describe('network view: boxes that gain containers', () => {
  it('containers joining a namespace are drawn inside its box, which keeps its size and place: nothing moves', () => {
    const e = engineWith(1, 'busybox');
    const pic = stepper(e);
    pic.step(() => startSleeper(e, 'web'));
    expect(pic.step(() => startSleeper(e, 'below'))).toEqual([]);
    const before = node(pic.last, 'web');
    expect(pic.step(() => startSleeper(e, 'side', { hostConfig: { NetworkMode: 'container:web' } }))).toEqual([]);
    const web = node(pic.last, 'web', 'netns');
    expect([web.x, web.y, web.w, web.h, web.lines, web.mark]).toEqual([before.x, before.y, before.w, before.h, ['eth0 172.17.0.2'], 'changed']);
    const side = node(pic.last, 'side');
    expect([side.kind, side.lines, side.cls, side.mark]).toEqual(['container', ['joined'], ['joined'], 'added']);
    expect(side.x > web.x && side.y > web.y + 30 && side.x + side.w < web.x + web.w && side.y + side.h < web.y + web.h).toBe(true);
    // a second and third joiner share one box with a count, at the first one's place; each is in its facts
    expect(pic.step(() => startSleeper(e, 'side2', { hostConfig: { NetworkMode: 'container:web' } }))).toEqual([]);
    expect(pic.step(() => startSleeper(e, 'side3', { hostConfig: { NetworkMode: 'container:web' } }))).toEqual([]);
    const joined = pic.last.nodes.find((n) => n.id === side.id)!;
    expect([joined.kind, joined.label, joined.lines, joined.x, joined.y, joined.mark]).toEqual(['group', 'side … side3', ['3 joined'], side.x, side.y, 'changed']);
    expect(joined.facts).toEqual([['side', 'running, joined'], ['side2', 'running, joined'], ['side3', 'running, joined']]);
    expect(pic.step(() => e.container.stop(e.container.get('side2').id))).toEqual([]);
    expect(pic.last.nodes.find((n) => n.id === side.id)!.lines).toEqual(['3 joined, 2 up']);
    expect(overlapping(pic.last)).toEqual([]);
  });

  it('a compose frame gaining a service grows into the room it keeps under it: nothing moves', () => {
    const e = engineWith(1, 'busybox');
    e.network.create({ name: 'shop_default', labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'default' } });
    const labels = (service: string) => ({ 'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, 'com.docker.compose.container-number': '1' });
    const svc = (name: string) => () => startSleeper(e, `shop-${name}-1`, { labels: labels(name), hostConfig: { NetworkMode: 'shop_default' } });
    const pic = stepper(e);
    pic.step(svc('web'));
    const frame0 = pic.last.nodes.find((n) => n.kind === 'project')!;
    expect(pic.step(() => startSleeper(e, 'loner', { hostConfig: { NetworkMode: 'shop_default' } }))).toEqual([]);
    // the box placed after the frame leaves one service's room under it
    expect(node(pic.last, 'loner').y).toBe(frame0.y + frame0.h + 48 + 14);
    expect(pic.step(svc('cache'))).toEqual([]);
    const frame = pic.last.nodes.find((n) => n.kind === 'project')!;
    expect([frame.h - frame0.h, frame.mark, frame.facts![1]]).toEqual([48, 'changed', ['Services', 'web, cache']]);
    expect(node(pic.last, 'shop-cache-1').y + node(pic.last, 'shop-cache-1').h).toBeLessThanOrEqual(frame.y + frame.h);
    expect(frame.y + frame.h).toBeLessThan(node(pic.last, 'loner').y);
    expect(overlapping(pic.last)).toEqual([]);
  });
});

describe('network view: a long lane', () => {
  it("in a landscape pane the lowest row's lane continues beside itself past three boxes; alike containers collapsing leave no ghosts", () => {
    const e = engineWith(1, 'busybox');
    const pic = stepper(e);
    for (const n of ['a1', 'a2', 'a3']) expect(pic.step(() => startSleeper(e, n)), n).toEqual([]);
    const lane = node(pic.last, 'bridge', 'lane');
    expect(pic.last.nodes.filter((n) => n.cls?.includes('continued'))).toEqual([]);
    // the fourth would take the row past three boxes while cells are free: bridge continues in the next one
    expect(pic.step(() => startSleeper(e, 'a4'))).toEqual([]);
    const more = pic.last.nodes.find((n) => n.cls?.includes('continued'))!;
    expect([more.label, more.x, more.y, node(pic.last, 'a4').x]).toEqual(['bridge', lane.x + 130, lane.y, lane.x + 130 + 16]);
    expect(pic.last.height).toBeLessThan(lane.y + 96 + 14 + 4 * 86);
    // a portrait pane (two lanes to a row) lets the lane grow down instead
    const tall = viewModel('topology', e.state, null, { cols: 2, gen: 0 });
    expect([tall.nodes.filter((n) => n.cls?.includes('continued')).length, tall.nodes.filter((n) => n.kind === 'container').length]).toEqual([0, 4]);
    // a fifth alike one collapses them into one box at a1's place: the others are not gone, so no ghosts
    expect(pic.step(() => startSleeper(e, 'a5'))).toEqual([]);
    const group = node(pic.last, 'a1 … a5', 'group');
    expect(group.members).toHaveLength(5);
    expect(pic.last.nodes.filter((n) => n.mark === 'removed')).toEqual([]);
  });
});

describe('network view: a tall compose frame', () => {
  it('stays in its own lane, however tall: the lowest row only keeps new boxes from going down past three boxes', () => {
    const e = engineWith(1, 'busybox');
    e.network.create({ name: 'big_default', labels: { 'com.docker.compose.project': 'big', 'com.docker.compose.network': 'default' } });
    for (const sv of ['a', 'b', 'c', 'd', 'e', 'f']) startSleeper(e, `big-${sv}-1`, { labels: { 'com.docker.compose.project': 'big', 'com.docker.compose.service': sv, 'com.docker.compose.container-number': '1' }, hostConfig: { NetworkMode: 'big_default' } });
    const m = viewModel('topology', e.state, null);
    const frame = m.nodes.find((n) => n.kind === 'project')!;
    const lane = node(m, 'big_default', 'lane');
    expect([frame.x > lane.x && frame.x < lane.x + lane.w, frame.h > 3 * 86]).toEqual([true, true]);
    expect(m.nodes.filter((n) => n.cls?.includes('continued'))).toEqual([]);
  });
});

describe('network view: a container leaving its first network', () => {
  it('its box takes the place of its chip on the network that becomes its home; nothing else moves', () => {
    const e = engineWith(1, 'busybox');
    e.network.create({ name: 'front' });
    const pic = stepper(e);
    pic.step(() => startSleeper(e, 'web'));
    pic.step(() => startSleeper(e, 'gone', { hostConfig: { NetworkMode: 'front' } }));
    pic.step(() => startSleeper(e, 'other', { hostConfig: { NetworkMode: 'front' } }));
    pic.step(() => e.network.connect('front', 'web', {}));
    // a hole above the chip: the first free place in front's lane is no longer the chip's
    pic.step(() => e.container.remove('gone', true));
    const chip = pic.last.nodes.find((n) => n.id === `ep:${e.container.get('web').id}:${net(e, 'front')}`)!;
    expect(pic.step(() => e.network.disconnect('bridge', 'web', false))).toEqual([`c:${e.container.get('web').id}`]);
    const web = node(pic.last, 'web', 'container');
    expect([web.x, web.y, web.lines]).toEqual([chip.x, chip.y, ['running', 'eth1 172.18.0.4', expect.stringMatching(/^↔ veth/)]]);
    expect(chip.y).toBeGreaterThan(node(pic.last, 'front', 'lane').y + 100);
    expect(overlapping(pic.last)).toEqual([]);
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
  });

  it('builds deeper than the tallest stack and its room move nothing: the new stack is drawn lower, beside the rest, linked up to its base', () => {
    const e = engineWith(1, 'busybox');
    startSleeper(e, 'box1');
    const pic = stepper(e, 'layers');
    const runs = (n: number, tag: string) => Array.from({ length: n }, (_, i) => `RUN echo ${tag}${i}`).join('\n');
    expect(pic.step(() => build(e, `FROM busybox\n${runs(2, 'a')}\n`, 'app'))).toEqual([]);
    const top = Math.min(...pic.last.nodes.filter((n) => n.kind === 'layer' || n.kind === 'image').map((n) => n.y));
    expect(pic.step(() => build(e, `FROM app\n${runs(4, 'b')}\n`, 'deep'))).toEqual([]);
    expect(pic.step(() => build(e, `FROM deep\n${runs(5, 'c')}\n`, 'deeper'))).toEqual([]);
    expect(pic.step(() => startSleeper(e, 'box2', { image: 'deeper' }))).toEqual([]);
    expect(pic.step(() => e.image.pull('nginx'))).toEqual([]);
    const m = pic.last;
    expect(overlapping(m)).toEqual([]);
    // the graph's top did not rise: the deep stacks reach below the bottom row instead
    expect(Math.min(...m.nodes.filter((n) => n.kind === 'layer' || n.kind === 'image').map((n) => n.y))).toBe(top);
    const deeper = node(m, 'deeper:latest', 'image');
    const base = node(m, 'busybox:latest', 'image');
    expect(deeper.x).toBeGreaterThan(base.x);
    expect(m.height).toBeGreaterThan(base.y + base.h + 42);
    // a lowered block's link leaves the top of the block under it and comes up into its bottom
    const low = m.edges.filter((x) => x.id.startsWith('stack:') && x.points.length === 6);
    expect(low.length).toBeGreaterThan(0);
    for (const l of low) expect(l.points[5][1]).toBeGreaterThan(l.points[0][1]);
  });

  it('a container changing files does not move the image graph', () => {
    const e = engineWith(1, 'nginx');
    const { id } = e.container.create({ image: 'nginx', name: 'web' });
    const s0 = e.state;
    const m0 = viewModel('layers', s0, null);
    e.container.start(id);
    const m1 = viewModel('layers', e.state, s0);
    expect(m1.nodes.filter((n) => n.kind === 'file').length).toBeGreaterThan(0);
    expect(movedBetween(m0, m1)).toEqual([]);    // files changed later are listed after the ones already there (in path order they would come first): none moves
    const pic = stepper(e, 'layers');
    const file = (path: string) => () => e.container.writePath(id, path, { '': { type: 'file', mode: 0o644, mtime: 1, content: 'x' } });
    expect(pic.step(file('/aaa.txt'))).toEqual([]);
    expect(pic.step(file('/abc.txt'))).toEqual([]);
    const listed = pic.last.nodes.filter((n) => n.kind === 'file').map((n) => n.label);
    expect(listed.slice(-2)).toEqual(['A /aaa.txt', 'A /abc.txt']);
    expect(pic.step(file('/000.txt'))).toEqual([]);
    expect(pic.last.nodes.filter((n) => n.kind === 'file').map((n) => n.label)).toEqual(['C /etc/nginx/conf.d/de…', 'A /run/nginx.pid', 'A /aaa.txt', 'A /abc.txt', '… 1 more']);
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

describe('what Tidy would give', () => {
  it('a picture with holes left by removals carries the size a fresh layout would have; one without holes does not', () => {
    const e = engineWith(1, 'busybox', 'nginx', 'httpd');
    const s0 = e.state;
    const m0 = viewModel('layers', s0, null);
    expect(m0.tidied).toBeUndefined();
    e.image.remove('nginx', true);
    e.image.remove('busybox', true);
    const m1 = viewModel('layers', e.state, s0);
    const fresh = viewModel('layers', structuredClone(e.state), null);
    expect(m1.tidied).toEqual({ width: fresh.width, height: fresh.height });
    expect(m1.tidied!.width).toBeLessThan(m1.width);
    // after Tidy (a new generation) the picture is the fresh one: nothing to gain
    expect(viewModel('layers', e.state, s0, { cols: 4, gen: 1 }).tidied).toBeUndefined();
  });
});
