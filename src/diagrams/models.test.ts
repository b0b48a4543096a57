// The live picture's view models: engine state → lanes, boxes, links and marks; positions stable across commands.
import { describe, expect, it } from 'vitest';
import { engineWith, isolation, startSleeper } from '../engine/test-support';
import { tracePacket, type Engine, type EngineState, type PacketRecord } from '../engine/index';
import { pictureModel as viewModel } from './models';
import type { ViewModel } from './view-types';
import { byId, id, net, node, overlapping } from './test-support';

describe('network view model', () => {
  it('draws host, docker0 and each user bridge as lanes with subnet and gateway, in creation order', () => {
    const m = viewModel('topology', isolation().state, null);
    const lanes = m.nodes.filter((n) => n.kind === 'lane' || n.kind === 'host');
    expect(lanes.map((l) => [l.label, ...(l.lines ?? [])].join(' | '))).toEqual([
      'host | dockerlings | eth0 10.0.2.15',
      'bridge | docker0 | 172.17.0.0/16 | gw 172.17.0.1',
      expect.stringMatching(/^my_net \| br-[0-9a-f]{12} \| 172\.18\.0\.0\/16 \| gw 172\.18\.0\.1$/),
      expect.stringMatching(/^my_net2 \| br-[0-9a-f]{12} \| 172\.19\.0\.0\/16 \| gw 172\.19\.0\.1$/),
    ]);
    expect(lanes.map((l) => [l.x, l.y])).toEqual([[0, 0], [130, 0], [260, 0], [390, 0]]);
  });

  it('puts each container in the lane of its first network with its address and veth, a chip on every other network, ports on the host edge', () => {
    const e = isolation();
    const m = viewModel('topology', e.state, null);
    const n = byId(m);
    const box1 = n.get(`c:${id(e, 'box1')}`)!;
    expect(box1.x).toBeGreaterThan(n.get(`net:${net(e, 'my_net')}`)!.x);
    expect(box1.lines).toEqual(['running', 'eth0 172.18.0.2', `↔ ${e.container.get('box1').endpoints.my_net.veth}`]);
    const chip = n.get(`ep:${id(e, 'box1')}:${net(e, 'my_net2')}`)!;
    expect([chip.label, ...chip.lines!]).toEqual(['box1', 'eth1 172.19.0.3', `↔ ${e.container.get('box1').endpoints.my_net2.veth}`]);
    expect(chip.x).toBeGreaterThan(n.get(`net:${net(e, 'my_net2')}`)!.x);
    expect(chip.y).toBe(box1.y);
    const ports = m.nodes.filter((x) => x.kind === 'port').map((p) => `${p.label} ${p.lines![0]}`);
    expect(ports).toEqual(['0.0.0.0:8080 → web:80/tcp', '[::]:8080 → web:80/tcp']);
    expect(m.edges.filter((x) => x.id.startsWith('pub:'))).toHaveLength(2);
  });

  it('draws a joined container inside the namespace it shares; host and none modes as such', () => {
    const e = isolation();
    startSleeper(e, 'side', { hostConfig: { NetworkMode: `container:${id(e, 'web')}` } });
    startSleeper(e, 'hostly', { hostConfig: { NetworkMode: 'host' } });
    startSleeper(e, 'alone', { hostConfig: { NetworkMode: 'none' } });
    const m = viewModel('topology', e.state, null);
    const web = node(m, 'web');
    const side = node(m, 'side');
    expect(web.kind).toBe('netns');
    expect(side.lines).toEqual(['joined']);
    expect(side.x).toBeGreaterThan(web.x);
    expect(side.y).toBeGreaterThan(web.y);
    expect(side.y + side.h).toBeLessThanOrEqual(web.y + web.h);
    expect(node(m, 'hostly').x).toBeLessThan(130);
    expect(overlapping(m)).toEqual([]);
    expect(node(m, 'hostly').lines).toEqual(['running', 'host network']);
    const none = m.nodes.find((n) => n.label === 'none' && n.kind === 'lane')!;
    expect(node(m, 'alone').x).toBeGreaterThan(none.x);
    expect(node(m, 'alone').lines).toEqual(['running', 'lo only']);
    expect(m.text.find((t) => t.text.startsWith('network my_net:'))!.children!.find((c) => c.text.startsWith('container web'))!.children).toContainEqual({ text: "side (running) shares web's network namespace" });
  });

  it('a new container appears and nothing else moves; it and its links are marked added', () => {
    const e = isolation();
    const before = e.state;
    startSleeper(e, 'box3', { hostConfig: { NetworkMode: 'my_net2' } });
    const a = viewModel('topology', before, null);
    const b = viewModel('topology', e.state, before);
    const moved = a.nodes.filter((n) => {
      const m = byId(b).get(n.id)!;
      return n.kind !== 'lane' && n.kind !== 'host' && (m.x !== n.x || m.y !== n.y || m.w !== n.w || m.h !== n.h);
    });
    expect(moved).toEqual([]);
    expect(b.nodes.filter((n) => n.mark).map((n) => `${n.mark} ${n.label}`)).toEqual(['added box3']);
    expect(b.edges.filter((x) => x.mark).map((x) => x.id)).toEqual([`veth:${id(e, 'box3')}:${net(e, 'my_net2')}`]);
  });

  it('a removed container stays as a removed ghost at its place until the next command; a stopped one is changed', () => {
    const e = isolation();
    const s0 = e.state;
    e.container.stop('box2');
    const stopped = viewModel('topology', e.state, s0);
    expect(stopped.nodes.filter((n) => n.mark).map((n) => `${n.mark} ${n.label} ${n.lines!.join(', ')}`)).toEqual(['changed box2 exited (137), my_net2 —, no veth']);
    const s1 = e.state;
    e.container.remove('box2', false);
    const gone = viewModel('topology', e.state, s1);
    const ghost = gone.nodes.find((n) => n.mark === 'removed')!;
    expect([ghost.label, ghost.x, ghost.y]).toEqual(['box2', node(stopped, 'box2').x, node(stopped, 'box2').y]);
    expect(viewModel('topology', e.state, e.state).nodes.some((n) => n.label === 'box2')).toBe(false);
  });

  it('50 containers on 5 networks: lanes in two rows of four, alike containers collapsed with a count, no overlaps, small enough to read at fit', () => {
    const e = engineWith(1, 'busybox');
    for (let n = 0; n < 5; n++) e.network.create({ name: `net${n}` });
    for (let i = 0; i < 50; i++) startSleeper(e, `c${i}`, { hostConfig: { NetworkMode: `net${i % 5}` } });
    const m = viewModel('topology', e.state, null);
    const boxes = m.nodes.filter((n) => n.kind !== 'lane' && n.kind !== 'host');
    expect(boxes.filter((n) => n.kind === 'group').map((n) => `${n.label} | ${n.lines}`)).toEqual(['c0 … c45 | 10 running', 'c1 … c46 | 10 running', 'c2 … c47 | 10 running', 'c3 … c48 | 10 running', 'c4 … c49 | 10 running']);
    expect(m.nodes.filter((n) => n.kind === 'lane' || n.kind === 'host').map((n) => `${n.label} ${n.x},${n.y}`)).toEqual(['host 0,0', 'bridge 130,0', 'net0 260,0', 'net1 390,0', 'net2 0,172', 'net3 130,172', 'net4 260,172']);
    // the lab's picture pane at 1280×720 is about 530×340 units inside its margins: at fit, 11 px text stays 11 px
    expect([m.width, m.height]).toEqual([520, 312]);
    expect(node(m, 'c0 … c45').facts!.slice(0, 2)).toEqual([['c0', 'eth0 172.18.0.2'], ['c5', 'eth0 172.18.0.3']]);
    expect(overlapping(m)).toEqual([]);
    expect(m.text.find((t) => t.text.startsWith('network net0'))!.children![0].text).toBe('10 containers (running): c0, c5, c10, c15, c20, c25, c30, c35, c40, c45');
    // as the lab shows it, five networks then the 50 containers: the first row keeps the room for one box it had (a row
    // with a row under it does not shrink), and the whole still fits that pane at 1:1
    const e2 = engineWith(1, 'busybox');
    for (let n = 0; n < 5; n++) e2.network.create({ name: `net${n}` });
    const s0 = e2.state;
    viewModel('topology', s0, null);
    for (let i = 0; i < 50; i++) startSleeper(e2, `c${i}`, { hostConfig: { NetworkMode: `net${i % 5}` } });
    const m2 = viewModel('topology', e2.state, s0);
    expect([m2.width, m2.height]).toEqual([520, 336]);
    expect(node(m2, 'net2', 'lane').y).toBe(node(viewModel('topology', s0, null), 'net2', 'lane').y);
  });

  it('positions stay over add, remove and add: a removed container leaves a hole, the next new one fills it', () => {
    const e = isolation();
    const steps: EngineState[] = [e.state];
    const models: ViewModel[] = [viewModel('topology', e.state, null)];
    const step = (f: () => void) => {
      f();
      models.push(viewModel('topology', e.state, steps[steps.length - 1]));
      steps.push(e.state);
    };
    step(() => startSleeper(e, 'box3', { hostConfig: { NetworkMode: 'my_net' } }));
    step(() => startSleeper(e, 'box5', { hostConfig: { NetworkMode: 'my_net2' } }));
    step(() => e.container.remove('box2', true));
    step(() => e.network.create({ name: 'my_net3' }));
    step(() => startSleeper(e, 'box4', { hostConfig: { NetworkMode: 'my_net2' } }));
    const at = (m: ViewModel) => new Map(m.nodes.filter((n) => n.mark !== 'removed').map((n) => [n.id, `${n.x},${n.y},${n.w}`]));
    for (let i = 1; i < models.length; i++) {
      const a = at(models[i - 1]);
      const moved = [...at(models[i])].filter(([k, v]) => a.has(k) && a.get(k) !== v && !k.startsWith('net:'));
      expect(moved, `step ${i}`).toEqual([]);
    }
    // box4 takes the place box2 left in my_net2
    const box2 = node(models[1], 'box2');
    expect([node(models[5], 'box4').x, node(models[5], 'box4').y]).toEqual([box2.x, box2.y]);
    // laid out afresh (a reload), box5 would have moved up into box2's place
    expect(node(viewModel('topology', structuredClone(steps[3]), null), 'box5').y).toBeLessThan(node(models[3], 'box5').y);
  });

  it('Tidy: a new layout generation compacts the holes, then pins positions again', () => {
    const e = isolation();
    const s0 = e.state;
    viewModel('topology', s0, null);
    startSleeper(e, 'box5', { hostConfig: { NetworkMode: 'my_net2' } });
    const s1 = e.state;
    viewModel('topology', s1, s0);
    e.container.remove('box2', true);
    const s2 = e.state;
    const pinned = viewModel('topology', s2, s1);
    const tidy = { cols: 4, gen: 1 };
    const tidied = viewModel('topology', s2, s1, tidy);
    expect(node(tidied, 'box5').y).toBeLessThan(node(pinned, 'box5').y);
    expect(node(tidied, 'my_net2', 'lane').h).toBeLessThan(node(pinned, 'my_net2', 'lane').h);
    // the old generation is still what it was; the next command keeps the tidied places
    expect(node(viewModel('topology', s2, s1), 'box5').y).toBe(node(pinned, 'box5').y);
    startSleeper(e, 'box6', { hostConfig: { NetworkMode: 'my_net' } });
    const next = viewModel('topology', e.state, s2, tidy);
    expect([node(next, 'box5').x, node(next, 'box5').y]).toEqual([node(tidied, 'box5').x, node(tidied, 'box5').y]);
  });

  it('a portrait pane: lanes wrap two to a row', () => {
    const e = isolation();
    const m = viewModel('topology', e.state, null, { cols: 2, gen: 0 });
    const lanes = m.nodes.filter((n) => n.kind === 'lane' || n.kind === 'host');
    expect(lanes.map((l) => l.x)).toEqual([0, 130, 0, 130]);
    expect(lanes[2].y).toBeGreaterThan(lanes[0].y + lanes[0].h - 1);
    expect(m.width).toBe(260);
    expect(overlapping(m)).toEqual([]);
  });

  it('a removed box keeps its room: the lanes do not shrink under it (a fresh layout would)', () => {
    const e = isolation();
    const s0 = e.state;
    viewModel('topology', s0, null);
    startSleeper(e, 'last', { hostConfig: { NetworkMode: 'my_net2' } });
    const s1 = e.state;
    const m1 = viewModel('topology', s1, s0);
    e.container.remove('last', true);
    const m2 = viewModel('topology', e.state, s1);
    expect(node(m2, 'my_net2', 'lane').h).toBe(node(m1, 'my_net2', 'lane').h);
    expect(node(viewModel('topology', structuredClone(e.state), null), 'my_net2', 'lane').h).toBeLessThan(node(m1, 'my_net2', 'lane').h);
  });

  it('a fifth alike container in a lane collapses them into one box at the top, and the row gives their room back', () => {
    const e = engineWith(1, 'busybox');
    e.network.create({ name: 'n0' });
    let prev = e.state;
    let m = viewModel('topology', prev, null);
    const sizes: number[] = [];
    for (let i = 0; i < 5; i++) {
      startSleeper(e, `w${i}`, { hostConfig: { NetworkMode: 'n0' } });
      m = viewModel('topology', e.state, prev);
      prev = e.state;
      sizes.push(node(m, 'n0', 'lane').h);
    }
    expect(sizes[3]).toBeGreaterThan(sizes[0]);
    expect(sizes[4]).toBeLessThan(sizes[0]);
    const group = m.nodes.find((n) => n.kind === 'group')!;
    expect([group.label, group.lines, group.mark]).toEqual(['w0 … w4', ['5 running'], 'added']);
    expect(group.y).toBe(node(viewModel('topology', structuredClone(e.state), null), 'w0 … w4').y);
  });

  it('a compose project is one frame in its network\'s lane: services with replicas collapsed, its networks and volumes named', () => {
    const e = engineWith(1, 'busybox', 'nginx');
    e.network.create({ name: 'shop_default', labels: { 'com.docker.compose.project': 'shop', 'com.docker.compose.network': 'default' } });
    const labels = (service: string, n: number) => ({ 'com.docker.compose.project': 'shop', 'com.docker.compose.service': service, 'com.docker.compose.container-number': String(n) });
    for (let n = 1; n <= 3; n++) startSleeper(e, `shop-web-${n}`, { labels: labels('web', n), hostConfig: { NetworkMode: 'shop_default' } });
    startSleeper(e, 'shop-db-1', { labels: labels('db', 1), hostConfig: { NetworkMode: 'shop_default', Binds: ['shop_data:/var/lib/db'] } });
    startSleeper(e, 'loner');
    const m = viewModel('topology', e.state, null);
    const frame = m.nodes.find((n) => n.kind === 'project')!;
    expect([frame.label, ...frame.lines!]).toEqual(['shop', 'nets default', 'vols data']);
    const lane = m.nodes.find((n) => n.label === 'shop_default')!;
    expect(frame.x).toBeGreaterThan(lane.x);
    const inside = m.nodes.filter((n) => n.x > frame.x && n.y > frame.y && n.x + n.w < frame.x + frame.w && n.y + n.h <= frame.y + frame.h);
    expect(inside.map((n) => `${n.kind} ${n.label} | ${n.lines!.join(' | ')}`)).toEqual(['group web ×3 | shop-web-1 … 3', 'container shop-db-1 | 172.18.0.5']);
    expect(frame.facts).toEqual([['Project', 'shop'], ['Services', 'web ×3, db'], ['Networks', 'shop_default'], ['Volumes', 'shop_data']]);
    const text = m.text.find((t) => t.text.startsWith('network shop_default'))!.children!;
    expect(text.map((t) => t.text)).toEqual(['compose project shop: services web ×3, db; networks shop_default; volumes shop_data']);
    expect(text[0].children!.map((t) => t.text)).toEqual(['3 containers (running): shop-web-1, shop-web-2, shop-web-3', 'container shop-db-1 (running)']);
    expect(node(m, 'loner').x).toBeGreaterThanOrEqual(130);
    expect(overlapping(m)).toEqual([]);
  });

  it('is plain JSON (the worker posts it to the page)', () => {
    const m = viewModel('topology', isolation().state, null);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});

describe('layers view model', () => {
  function built() {
    const e = engineWith(3, 'nginx', 'httpd');
    const { id: web } = e.container.create({ image: 'nginx', name: 'web' });
    e.container.start(web);
    e.container.create({ image: 'httpd', name: 'idle' });
    return e;
  }

  it('draws the shared debian base layer once, linked to both images; each container has a writable layer with A/C/D files', () => {
    const e = built();
    const m = viewModel('layers', e.state, null);
    const shared = m.nodes.filter((n) => n.kind === 'layer' && n.cls?.includes('shared'));
    expect(shared).toHaveLength(1);
    expect(shared[0].facts!.find(([k]) => k === 'Used by')![1]).toBe('nginx:latest; httpd:latest');
    expect(m.nodes.filter((n) => n.kind === 'image').map((n) => n.label)).toEqual(['nginx:latest', 'httpd:latest']);
    expect(m.nodes.filter((n) => n.kind === 'file' && n.id.includes(id(e, 'web'))).map((n) => n.label)).toEqual(['C /etc/nginx/conf.d/de…', 'A /run/nginx.pid']);
    expect(node(m, 'idle', 'writable').lines).toEqual(['writable layer', 'no changes']);
    // each image sits above its own top layer; writable layers above everything
    const top = Math.min(...m.nodes.filter((n) => n.kind === 'image').map((n) => n.y));
    expect(node(m, 'web', 'writable').y + node(m, 'web', 'writable').h).toBeLessThan(top);
    expect(m.text[0].children![0].text).toMatch(/^layer [0-9a-f]{12} \S+, shared with httpd:latest$/);
  });

  it('a file a container first changes is marked added with kind C (copied up), and nothing else moves', () => {
    const e = built();
    const s0 = e.state;
    e.container.create({ image: 'nginx', name: 'web2' });
    const a = viewModel('layers', s0, null);
    const b = viewModel('layers', e.state, s0);
    for (const n of a.nodes) {
      const m = byId(b).get(n.id)!;
      expect([n.id, m.x, m.y]).toEqual([n.id, n.x, n.y]);
    }
    expect(b.nodes.filter((n) => n.mark).map((n) => `${n.mark} ${n.kind} ${n.label}`)).toEqual(['added writable web2']);
    const s1 = e.state;
    e.container.start('web2');
    const c = viewModel('layers', e.state, s1);
    expect(c.nodes.filter((n) => n.mark === 'added').map((n) => `${n.kind} ${n.cls?.join()} ${n.label}`)).toEqual(['file file-C C /etc/nginx/conf.d/de…', 'file file-A A /run/nginx.pid']);
  });
});

describe('layers view stability', () => {
  /** The places, before and after, of the boxes drawn in both (ghosts of removed ones left out). */
  const places = (a: ViewModel, b: ViewModel) => {
    const after = new Map(b.nodes.filter((n) => n.mark !== 'removed').map((n) => [n.id, `${n.x},${n.y}`]));
    const both = a.nodes.filter((n) => after.has(n.id));
    return [both.map((n) => `${n.id} ${n.x},${n.y}`), both.map((n) => `${n.id} ${after.get(n.id)}`)];
  };

  it('a new image sharing the base layer leaves every block where it was; its own blocks go beside them', () => {
    const e = engineWith(3, 'nginx');
    const s0 = e.state;
    const a = viewModel('layers', s0, null);
    e.image.pull('httpd');
    const b = viewModel('layers', e.state, s0);
    const moved = a.nodes.filter((n) => byId(b).get(n.id)!.x !== n.x || byId(b).get(n.id)!.y !== n.y).map((n) => n.id);
    expect(moved).toEqual([]);
    const base = b.nodes.find((n) => n.cls?.includes('shared'))!;
    expect(byId(a).get(base.id)).toBeDefined();
    const httpd = node(b, 'httpd:latest');
    expect(httpd.mark).toBe('added');
    expect(httpd.x).toBeGreaterThanOrEqual(Math.max(...a.nodes.map((n) => n.x + n.w)));
    // laid out afresh, dagre would have centred the shared base between the two stacks
    const fresh = viewModel('layers', structuredClone(e.state), null);
    expect(node(fresh, base.label).x).not.toBe(base.x);
  });

  it('removing a container keeps the other writable layers in their slots; the next container takes the hole', () => {
    const e = engineWith(3, 'busybox');
    for (const n of ['ca', 'cb', 'cc']) startSleeper(e, n);
    const s0 = e.state;
    const m0 = viewModel('layers', s0, null);
    e.container.remove('ca', true);
    const s1 = e.state;
    const m1 = viewModel('layers', s1, s0);
    const [before, after] = places(m0, m1);
    expect(after).toEqual(before);
    expect(after).toHaveLength(4);
    startSleeper(e, 'cd');
    const m2 = viewModel('layers', e.state, s1);
    expect(places(m1, m2)[1]).toEqual(places(m1, m2)[0]);
    expect(node(m2, 'cd', 'writable').x).toBe(node(m0, 'ca', 'writable').x);
  });
});

describe('packet view model', () => {
  function pinged(to: string): { e: Engine; s: EngineState; pk: PacketRecord } {
    const e = isolation();
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: id(e, 'box2') }, to, 'icmp'));
    return { e, s: e.state, pk };
  }

  it('a packet across the isolation rule ends at iptables, the DROP rule of DOCKER-ISOLATION-STAGE-2 flagged', () => {
    const { s, pk } = pinged('172.18.0.3');
    const m = viewModel('packet', s, null, undefined, pk);
    const p = m.packet!;
    expect(p.verdict).toMatch(/^DROPPED by filter DOCKER-ISOLATION-STAGE-2 rule \d+/);
    expect(p.endsAt).toBe('iptables');
    const ipt = node(m, 'iptables');
    expect(p.path[p.path.length - 1]).toEqual([ipt.x + ipt.w / 2, ipt.y + ipt.h / 2]);
    const decided = p.walk.filter((v) => v.decided);
    expect(decided.map((v) => v.chain)).toEqual(['filter DOCKER-ISOLATION-STAGE-2']);
    expect(decided[0].lines.filter((l) => l.decided).map((l) => l.text)).toEqual([expect.stringMatching(/^✖ \d+: -o br-[0-9a-f]{12} -j DROP$/)]);
    expect(ipt.cls).toContain('decided');
  });

  it('at scale, a packet from a collapsed container starts at its group box; Fit can frame just the path and its lanes', () => {
    const e = engineWith(1, 'busybox');
    for (let n = 0; n < 5; n++) e.network.create({ name: `net${n}` });
    for (let i = 0; i < 50; i++) startSleeper(e, `c${i}`, { hostConfig: { NetworkMode: `net${i % 5}` } });
    const pk = e.network.packetRecord(tracePacket(e.state, { kind: 'container', id: id(e, 'c0') }, '172.19.0.2', 'icmp'));
    const m = viewModel('packet', e.state, null, undefined, pk);
    const group = node(m, 'c0 … c45');
    expect(m.packet!.path[0]).toEqual([group.x + 12, group.y + 15]);
    expect(m.packet!.endsAt).toBe('iptables');
    const f = m.focus!;
    for (const [x, y] of m.packet!.path) expect(x >= f.x && x <= f.x + f.w && y >= f.y && y <= f.y + f.h).toBe(true);
    // from the host's iptables box to the sender's box, its lane's name included: not the receiver it never reached
    const ipt = node(m, 'iptables');
    const lane = node(m, 'net0', 'lane');
    expect(f).toEqual({ x: ipt.x, y: 0, w: lane.x + lane.w - ipt.x, h: group.y + group.h });
  });

  it('a delivered packet ends on the receiver, its last ACCEPT flagged; before any packet it says what to do', () => {
    const { e, s, pk } = pinged('172.19.0.3');
    const m = viewModel('packet', s, null, undefined, pk);
    expect(m.packet!.verdict).toBe('DELIVERED');
    expect(m.packet!.endsAt).toBe(`ep:${id(e, 'box1')}:${net(e, 'my_net2')}`);
    expect(m.packet!.walk.at(-1)!.lines.at(-1)!.decided).toBe(true);
    expect(viewModel('packet', engineWith(1).state, null).empty).toBe('no packet yet: try ping or curl');
  });
});
