// Go time.ParseDuration: values in nanoseconds and Go's error texts (pflag Duration flags such as --health-interval).
import { describe, expect, it } from 'vitest';
import { parseGoDuration } from './go-duration';

describe('parseGoDuration', () => {
  it.each([
    ['0', 0],
    ['30s', 30e9],
    ['1m30s', 90e9],
    ['1.5h', 5400e9],
    ['500ms', 5e8],
    ['250us', 25e4],
    ['-1s', -1e9],
    ['+2m', 120e9],
    ['.5s', 5e8],
    ['5.s', 5e9],
  ])('%s → %d ns', (v, ns) => expect(parseGoDuration(v)).toBe(ns));

  it.each([
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['5', 'time: missing unit in duration "5"'],
    ['1h5', 'time: missing unit in duration "1h5"'],
    ['5x', 'time: unknown unit "x" in duration "5x"'],
    ['5sec', 'time: unknown unit "sec" in duration "5sec"'],
    ['.s', 'time: invalid duration ".s"'],
  ])('%j fails: %s', (v, msg) => expect(() => parseGoDuration(v)).toThrow(msg));
});
