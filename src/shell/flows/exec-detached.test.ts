// docker exec -d: the client returns at once, and the process runs on in the container (ps, docker top) until it ends.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('docker exec -d', () => {
  it('takes no time, and its process is listed by ps, docker top and ExecIDs while it runs, then no longer', async () => {
    const s = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run -d --name s1 busybox sleep 1000 >/dev/null',
        'a=$(date +%s); docker exec -d s1 sleep 500; b=$(date +%s); echo $((b - a))',
        "docker top s1 | awk '{print $1, $8, $9}'",
        'docker exec s1 ps -o pid,comm',
        "docker inspect -f '{{len .ExecIDs}}' s1",
        'sleep 600',
        "docker top s1 | awk '{print $1, $8, $9}'",
        'docker exec s1 ps -o pid,comm',
        "docker inspect -f '{{.ExecIDs}}' s1",
      ].join('\n'),
    );
    expect(s.slice(2).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['0\n', '', 0],
      ['UID CMD \nroot sleep 1000\nroot sleep 500\n', '', 0],
      ['PID   COMMAND\n    1 sleep\n    7 sleep\n    8 ps\n', '', 0],
      ['1\n', '', 0],
      ['', '', 0],
      ['UID CMD \nroot sleep 1000\n', '', 0],
      ['PID   COMMAND\n    1 sleep\n    9 ps\n', '', 0],
      ['[]\n', '', 0],
    ]);
  });
});
