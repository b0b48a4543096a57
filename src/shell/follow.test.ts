// In the terminal, commands that follow (logs -f, stats, an attached server) run on with the wall clock until Ctrl+C.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSession } from './session';

afterEach(() => {
  vi.useRealTimers();
});

describe('following output in the terminal', () => {
  it('docker logs -f shows each new line as simulated seconds pass, and stops on Ctrl+C', async () => {
    const s = createSession({ seed: 1 });
    await s.run("docker run -d --name loop busybox sh -c 'i=0; while true; do echo tick $i; i=$((i+1)); sleep 1; done'");
    vi.useFakeTimers();
    const seen: string[] = [];
    const done = s.run('docker logs -f loop', (text) => seen.push(text));
    await vi.advanceTimersByTimeAsync(10);
    expect(seen.join('')).toBe('tick 0\ntick 1\n');
    await vi.advanceTimersByTimeAsync(3000);
    expect(seen.join('')).toBe('tick 0\ntick 1\ntick 2\ntick 3\ntick 4\n');
    s.interrupt();
    const r = await done;
    expect(r.exitCode).toBe(0);
    expect(seen.join('')).toBe('tick 0\ntick 1\ntick 2\ntick 3\ntick 4\n');
  });

  it('headless sessions do not wait', async () => {
    const s = createSession({ seed: 1, headless: true });
    await s.run("docker run -d --name loop busybox sh -c 'while true; do echo x; sleep 1; done'");
    expect((await s.run('docker logs -f loop')).stdout).toBe('x\nx\n');
  });
});
