// `time` reports simulated time: the same in every replay, and what sleep advanced (on the host and in a container).
import { describe, expect, it } from 'vitest';
import { steps } from './transcript';

describe('time', () => {
  it('measures the simulated clock', async () => {
    const all = await steps('time sleep 2\ntime echo hi\ndocker pull -q busybox >/dev/null\ndocker run --rm busybox sh -c "time sleep 3"');
    expect(all.map((s) => s.stderr)).toEqual([
      '\nreal\t0m2.000s\nuser\t0m0.000s\nsys\t0m0.000s\n',
      '\nreal\t0m0.000s\nuser\t0m0.000s\nsys\t0m0.000s\n',
      '',
      '\nreal\t0m3.000s\nuser\t0m0.000s\nsys\t0m0.000s\n',
    ]);
  });
});
