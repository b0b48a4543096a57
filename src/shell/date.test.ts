// date on the simulated clock: default GNU layout and +FORMAT specifiers.
import { describe, expect, it } from 'vitest';
import { strftime } from './date';
import { createSession } from './session';

describe('date', () => {
  const t = Date.parse('2026-11-23T09:05:07.250Z');
  it('formats like GNU date in UTC', () => {
    expect(strftime('%a %b %e %H:%M:%S %Z %Y', t)).toBe('Mon Nov 23 09:05:07 UTC 2026');
    expect(strftime('%F %T %s %j %%', t)).toBe('2026-11-23 09:05:07 1795424707 327 %');
    expect(strftime('%e|%d', Date.parse('2026-01-05T00:00:00Z'))).toBe(' 5|05');
  });
  it('reads the session clock, which advances a second per line and by sleep', async () => {
    const s = createSession({ headless: true });
    const a = (await s.run('date +%s')).stdout;
    await s.run('sleep 10');
    const b = (await s.run('date +%s')).stdout;
    expect(Number(b) - Number(a)).toBe(12);
    expect((await s.run('date')).stdout).toMatch(/^Mon Nov 23 09:00:1\d UTC 2026\n$/);
  });
});
