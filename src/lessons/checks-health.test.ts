// The container-health goal check follows the healthcheck's status on the engine state (for teachers' exercises).
import { describe, expect, it } from 'vitest';
import { createSession } from '../shell/session';
import { evaluate } from './checks';

describe('container-health', () => {
  it('is starting, then healthy; false for a stopped container or another status', async () => {
    const s = createSession({ headless: true });
    await s.run("docker run -d --name web --health-cmd 'curl -f http://localhost/ || exit 1' --health-interval 5s nginx");
    expect(evaluate(s.engine.state, 'container-health web starting')).toBe(true);
    expect(evaluate(s.engine.state, 'container-health web healthy')).toBe(false);
    await s.run('sleep 6');
    await s.run('true');
    expect(evaluate(s.engine.state, 'container-health web healthy')).toBe(true);
    await s.run('docker stop web');
    expect(evaluate(s.engine.state, 'container-health web unhealthy')).toBe(false);
    expect(evaluate(s.engine.state, 'container-health nobody healthy')).toBe(false);
  });
});
