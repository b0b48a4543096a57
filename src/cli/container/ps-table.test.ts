// The default docker ps table written from cached cells is byte for byte what its template through the tabwriter prints.
import { describe, expect, it } from 'vitest';
import { createEngine, loadAllImageData } from '../../engine/index';
import { cli } from '../testing';

await loadAllImageData();

/** The default columns as an explicit --format, which goes through the template and the tabwriter. */
const TEMPLATE = 'table {{.ID}}\\t{{.Image}}\\t{{.Command}}\\t{{.RunningFor}}\\t{{.Status}}\\t{{.Ports}}\\t{{.Names}}';

async function both(e: ReturnType<typeof createEngine>, extra: string[] = []) {
  const fast = await cli(['ps', ...extra], e);
  const slow = await cli(['ps', ...extra, '--format', TEMPLATE], e);
  expect(fast.exitCode).toBe(0);
  expect(slow.exitCode).toBe(0);
  expect(fast.stdout).toBe(slow.stdout);
  return fast.stdout;
}

describe('docker ps default table', () => {
  it('prints the header alone when nothing runs', async () => {
    const e = createEngine({ seed: 1 });
    expect(await both(e)).toBe('CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n');
  });

  it('matches the template for every kind of row, before and after time passes, truncated and in full', async () => {
    const e = createEngine({ seed: 1 });
    e.image.pull('nginx');
    e.image.pull('busybox');
    const id = e.image.find('busybox')!.id;
    const runs = [
      ['run', '-d', '--name', 'web', '-p', '8080:80', 'nginx'],
      ['run', '-d', '--name', 'long', 'busybox', 'sh', '-c', 'while true; do echo a very long command line; sleep 1; done'],
      ['run', '-d', '--name', 'whale', 'busybox', 'sleep', '🐳🐳🐳 ü', '100000'],
      ['run', '-d', '--name', 'wide', 'busybox', 'sleep', '漢字漢字漢字漢字漢字漢字漢字', '100000'],
      ['run', '-d', '--name', 'tab', 'busybox', 'sleep', 'a\tb', '100000'],
      ['run', '-d', '--name', 'health', '--health-cmd', 'true', '--health-interval', '1s', 'busybox', 'sleep', '100000'],
      ['run', '-d', '--name', 'paused', 'busybox', 'sleep', '100000'],
      ['run', '-d', '--name', 'byid', id, 'sleep', '100000'],
      ['run', '--name', 'done', 'busybox', 'true'],
      ['create', '--name', 'fresh', 'busybox'],
      ['run', '-d', '--name', 'exposed', '--expose', '9000-9002/udp', 'busybox', 'sleep', '100000'],
    ];
    for (const argv of runs) expect((await cli(argv, e)).exitCode).toBe(0);
    await cli('pause paused', e);
    const first = await both(e, ['-a']);
    expect(first.split('\n')).toHaveLength(runs.length + 2);
    expect(first.split('\n')[0]).toBe(`CONTAINER ID   IMAGE          COMMAND                  CREATED                  STATUS${' '.repeat(37)}PORTS${' '.repeat(37)}NAMES`);
    expect(first).toContain('\n48d92769e523   busybox        "sleep 漢字漢字漢字…"          Less than a second ago   Exited (0) Less than a second ago');
    expect(first).toContain('"sleep \'🐳🐳🐳 ü\' 10…"      Less');
    e.advance(3_600_000);
    await both(e);
    await both(e, ['-a']); // cached cells, new durations
    await both(e, ['-a', '--no-trunc']);
    await both(e, ['-a', '--no-trunc']);
    await both(e, ['-a', '--format', 'table']);
    // a tag moved to another image (tags change, images do not) and a removed image: the IMAGE column shows the ID
    expect((await cli('tag busybox nginx', e)).exitCode).toBe(0);
    expect(await both(e, ['-a'])).toContain(`${e.container.get('web').imageId.slice(7, 19)}   "/docker-entrypoint.…"`);
    expect((await cli('tag busybox nginx:other', e)).exitCode).toBe(0);
    expect((await cli('rmi -f nginx', e)).exitCode).toBe(0);
    expect(await both(e, ['-a'])).toContain(`${e.container.get('web').imageId.slice(7, 19)}   "/docker-entrypoint.…"`);
  });
});
