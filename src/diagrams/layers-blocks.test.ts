// The layers view's compact blocks: one-line layers, a run of pulled layers as one block, containers that changed
// nothing sharing a writable block once the band is full; each without moving what is drawn.
import { describe, expect, it } from 'vitest';
import { engineWith, startSleeper } from '../engine/test-support';
import { pictureModel as viewModel } from './models';
import type { ViewModel } from './view-types';
import { build, movedBetween, node } from './test-support';

const layers = (m: ViewModel) => m.nodes.filter((n) => n.kind === 'layer');

describe('layer blocks', () => {
  it('a layer is one line: its size, then the instruction that made it (RUN without /bin/sh -c)', () => {
    const e = engineWith(1, 'nginx');
    const m = viewModel('layers', e.state, null);
    const list = layers(m).map((n) => [n.label, n.lines, n.h, n.cls]);
    expect(list).toEqual([
      ['74.8MB', ['ADD rootfs.tar…'], 24, ['one-line']],
      ['5 layers', ['117MB'], 24, ['one-line', 'run']],
      ['4.62kB', ['COPY 30-tune-w…'], 24, ['one-line']],
    ]);
  });

  it('a RUN with build arguments keeps them and drops the shell, as the instruction was written', () => {
    const e = engineWith(1, 'busybox');
    build(e, 'FROM busybox\nARG V=1\nRUN echo $V\n', 'app', true);
    const m = viewModel('layers', e.state, null);
    expect(layers(m).map((n) => n.lines![0])).toEqual(['ADD file:7e900…', 'RUN |1 V=1 echo $V']);
  });

  it("a pulled image's middle layers are one block drawn as a pile, each layer in its facts; its base and top layers stand alone", () => {
    const e = engineWith(1, 'nginx');
    const m = viewModel('layers', e.state, null);
    const run = layers(m).find((n) => n.cls?.includes('run'))!;
    expect([run.id.startsWith('run:sha256:'), run.label, run.lines]).toEqual([true, '5 layers', ['117MB']]);
    expect(run.facts!.slice(0, 5).map(([, by]) => by)).toEqual([
      expect.stringMatching(/^RUN \/bin\/sh -c set -x && groupadd/),
      expect.stringMatching(/^COPY docker-entrypoint\.sh/),
      expect.stringMatching(/^COPY 10-listen-on-ipv6/),
      expect.stringMatching(/^COPY 15-local-resolvers/),
      expect.stringMatching(/^COPY 20-envsubst-on-templates/),
    ]);
    expect(run.facts![0][0]).toMatch(/^[0-9a-f]{12} · 117MB$/);
    expect(run.facts!.slice(5)).toEqual([['Size', '117MB'], ['Used by', 'nginx:latest']]);
    expect(run.inspect).toBe('docker history nginx:latest');
    // stacked: base under the run under the top layer under the image
    const [base, top] = [node(m, '74.8MB'), node(m, '4.62kB')];
    const img = node(m, 'nginx:latest', 'image');
    expect(base.y > run.y && run.y > top.y && top.y > img.y).toBe(true);
    // the outline still lists every layer
    expect(m.text[0].children).toHaveLength(7);
  });

  it("an image built on a pulled one: its own layers one by one (never a run), and the pulled run's block stays where it was", () => {
    const e = engineWith(1, 'nginx');
    const s0 = e.state;
    const m0 = viewModel('layers', s0, null);
    build(e, 'FROM nginx\nRUN echo 1\nRUN echo 2\nRUN echo 3\nRUN echo 4\n', 'app', true);
    const m1 = viewModel('layers', e.state, s0);
    expect(movedBetween(m0, m1)).toEqual([]);
    const own = layers(m1).filter((n) => n.mark === 'added');
    expect(own.map((n) => n.lines![0])).toEqual(['RUN echo 1', 'RUN echo 2', 'RUN echo 3', 'RUN echo 4']);
    // the run is now used by both images alike: still one block, now shared
    const run = layers(m1).find((n) => n.cls?.includes('run'))!;
    expect([run.id, run.cls]).toEqual([layers(m0).find((n) => n.cls?.includes('run'))!.id, ['shared', 'one-line', 'run']]);
  });
});

describe('writable blocks past the band', () => {
  it('past three containers, those of one image that changed nothing share a block at the first one\'s slot; one that changes a file steps out into a free slot', () => {
    const e = engineWith(1, 'busybox', 'nginx');
    startSleeper(e, 'web', { image: 'nginx' });
    startSleeper(e, 'ca');
    startSleeper(e, 'cb');
    let prev = e.state;
    const m0 = viewModel('layers', prev, null);
    const step = (fn: () => void) => {
      fn();
      const m = viewModel('layers', e.state, prev);
      prev = e.state;
      return m;
    };
    const m1 = step(() => startSleeper(e, 'cc'));
    expect(movedBetween(m0, m1)).toEqual([]);
    const quiet = node(m1, '3 writable layers', 'writable');
    expect([quiet.x, quiet.lines, quiet.facts, quiet.mark]).toEqual([node(m0, 'ca', 'writable').x, ['ca, cb, cc', 'no changes in any'], [['Containers', 'ca, cb, cc'], ['Changes', '0 each']], 'added']);
    // ca and cb are not gone: no ghosts of them
    expect(m1.nodes.filter((n) => n.mark === 'removed').map((n) => n.label)).toEqual([]);
    expect(node(m1, 'web', 'writable').x).toBe(node(m0, 'web', 'writable').x);
    expect(m1.text.at(-1)!.text).toBe('3 containers of busybox:latest, no changes in any: ca, cb, cc');
    // cb writes a file: it has a block of its own again, in the first free slot; the shared block keeps its place
    const m2 = step(() => e.container.writePath(e.container.get('cb').id, '/note', { '': { type: 'file', mode: 0o644, mtime: 1, content: 'x' } }));
    expect(movedBetween(m1, m2)).toEqual([]);
    expect([node(m2, '2 writable layers', 'writable').x, node(m2, '2 writable layers', 'writable').lines]).toEqual([quiet.x, ['ca, cc', 'no changes in any']]);
    expect(node(m2, 'cb', 'writable').x).toBe(node(m0, 'cb', 'writable').x);
    expect(m2.nodes.filter((n) => n.kind === 'file' && n.mark !== 'removed').map((n) => n.label)).toContain('A /note');
  });
});
