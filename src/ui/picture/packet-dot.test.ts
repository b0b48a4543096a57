// The packet's dot: its place along the path over its run, and one run per packet however many models of it arrive.
import { describe, expect, it } from 'vitest';
import { DotClock, dotAt, runTime, type Point } from './packet-dot';

// 300 units right, then 100 down: 400 in all, so the run takes 400 + 400 × 1.2 = 880 ms
const path: Point[] = [[0, 0], [300, 0], [300, 100]];

describe('the dot along its path', () => {
  it('takes longer over a longer path, between 0.4 and 1.6 s', () => {
    expect(runTime(path)).toBe(880);
    expect(runTime([[0, 0], [0, 0]])).toBe(400);
    expect(runTime([[0, 0], [5000, 0]])).toBe(1600);
  });

  it('starts at the sender, moves at an even speed over the segments, and stops at the end', () => {
    expect(dotAt(path, 0)).toEqual([0, 0]);
    expect(dotAt(path, -5)).toEqual([0, 0]);
    expect(dotAt(path, 880 * 0.5)).toEqual([200, 0]);
    expect(dotAt(path, 880 * 0.75)).toEqual([300, 0]);
    expect(dotAt(path, 880 * 0.875)).toEqual([300, 50]);
    expect(dotAt(path, 880)).toEqual([300, 100]);
    expect(dotAt(path, 5000)).toEqual([300, 100]);
  });

  it('a path of one point is its end at once', () => {
    expect(dotAt([[4, 5]], 0)).toEqual([4, 5]);
  });
});

describe('one run per packet', () => {
  it('a fresh model of the same packet keeps the run it is in: the dot goes on, it does not start over', () => {
    const c = new DotClock();
    expect(c.start(7, 1000)).toBe(1000);
    expect(c.start(7, 1300)).toBe(1000);
    expect(dotAt(path, 1300 - c.start(7, 1300))).toEqual(dotAt(path, 300));
  });

  it('another packet (the next ping, alike or not) starts its own run', () => {
    const c = new DotClock();
    c.start(7, 1000);
    expect(c.start(8, 1300)).toBe(1300);
    expect(c.start(7, 1500)).toBe(1500);
  });

  it('after a view without a packet, the packet shown again runs again', () => {
    const c = new DotClock();
    c.start(7, 1000);
    c.clear();
    expect(c.start(7, 2000)).toBe(2000);
  });
});
