// Trying an exercise's setup: each line's output and exit status, so a broken setup is seen before the link is shared.
import { describe, expect, it } from 'vitest';
import { trySetup } from './setup';

describe('trySetup', () => {
  it('reports every line, a failing one with docker’s error and exit status', async () => {
    const r = await trySetup(['docker network create classnet', 'docker run -d --name web --network nonet nginx', 'echo ok']);
    expect(r.map((x) => [x.line, x.exitCode])).toEqual([
      ['docker network create classnet', 0],
      ['docker run -d --name web --network nonet nginx', 125],
      ['echo ok', 0],
    ]);
    expect(r[0].output).toMatch(/^[0-9a-f]{64}\n$/);
    expect(r[1].output).toContain('docker: Error response from daemon: network nonet not found');
    expect(r[2].output).toBe('ok\n');
  });
});
