// The check vocabulary: every check says what it means in English and Chinese, and reads sizes as docker run does.
import { describe, expect, it } from 'vitest';
import { createSession } from '../shell/session';
import { CHECKS, evaluate } from './checks';

describe('check vocabulary', () => {
  it('every check declares its arguments and an en and a zh description in its own definition', () => {
    const lacking = Object.entries(CHECKS)
      .filter(([, c]) => typeof c.args !== 'string' || !c.doc || !c.zh)
      .map(([name]) => name);
    expect(lacking).toEqual([]);
  });

  it("byte sizes are the CLI's: a 1.5g or 200M memory limit set with -m meets the goal that names it", async () => {
    const s = createSession({ headless: true });
    await s.run('docker run -d --name web -m 1.5g nginx');
    await s.run('docker run -d --name db -m 200M --memory-swap 1g nginx');
    expect(evaluate(s.engine.state, 'container-memory web 1.5g')).toBe(true);
    expect(evaluate(s.engine.state, 'container-memory web 1536m')).toBe(true);
    expect(evaluate(s.engine.state, 'container-memory web 1g')).toBe(false);
    expect(evaluate(s.engine.state, 'container-memory db 200M')).toBe(true);
    expect(evaluate(s.engine.state, 'container-memory-swap db 1g')).toBe(true);
    expect(evaluate(s.engine.state, 'container-memory db lots')).toBe(false);
  });
});
