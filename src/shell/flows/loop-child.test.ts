// A shell main process looping around `sleep N` waits on a sleep child: ps in the container, docker top and the host's
// ps -ef list it under the shell, and pids.current counts it; a plain sleep has no such child.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe("a loop's sleep child", () => {
  it('is listed by ps, docker top and the host ps -ef', async () => {
    const all = await steps(
      [
        'docker pull -q busybox >/dev/null',
        "docker run -d --name lp busybox sh -c 'while true; do echo x; sleep 5; done' >/dev/null",
        'docker exec lp ps',
        "docker top lp | awk 'NR > 1 { print $1, $8, $9, $10 }'",
        'docker exec lp cat /sys/fs/cgroup/pids.current',
        "ps -ef | grep -E 'sleep 5$' | awk '{ print $1, $8, $9 }'",
        'docker run -d --name one busybox sleep 100 >/dev/null',
        'docker exec one ps',
      ].join('\n'),
    );
    expect(all.slice(2).map((s) => s.stdout)).toEqual([
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sh -c while true; do echo x; sleep 5; done\n    6 root      0:00 sleep 5\n    7 root      0:00 ps\n',
      'root sh -c while\nroot sleep 5 \n',
      '3\n',
      'root sleep 5\n',
      '',
      'PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 100\n    7 root      0:00 ps\n',
    ]);
  });
});
