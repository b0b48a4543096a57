// A detached exec counts among a container's processes while its command runs, and leaves the count when it ends.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('PIDs of detached execs', () => {
  it('docker stats and pids.current drop once a `docker exec -d` command has ended', async () => {
    const s = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run -d --name ex busybox sleep 1000 >/dev/null',
        'docker exec -d ex sleep 5',
        "docker stats --no-stream --format '{{.PIDs}}' ex",
        'docker exec ex cat /sys/fs/cgroup/pids.current',
        'sleep 6',
        "docker stats --no-stream --format '{{.PIDs}}' ex",
        'docker exec ex cat /sys/fs/cgroup/pids.current',
      ].join('\n'),
    );
    // pids.current counts the `cat` reading it
    expect(s.slice(2).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['', '', 0],
      ['2\n', '', 0],
      ['3\n', '', 0],
      ['', '', 0],
      ['1\n', '', 0],
      ['2\n', '', 0],
    ]);
  });
});
