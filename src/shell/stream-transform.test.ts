// Container process output: pipes, substitutions and the script's redirections work; output keeps its timing.
import { describe, expect, it } from 'vitest';
import { steps } from './transcript';

describe('process output streams', () => {
  it('keeps pipes, $(...), groups, functions and 2>&1 intact', async () => {
    const all = await steps(
      [
        `docker run --rm busybox sh -c "echo hi | tr a-z A-Z"`,
        `docker run --rm busybox sh -c 'for i in 1 2 3; do echo $i; done | sort -r'`,
        `docker run --rm busybox sh -c '{ echo a; echo b; } > /tmp/f; cat /tmp/f; f() { echo fn; }; f | tr a-z A-Z; echo $(echo sub)'`,
        `docker run --rm busybox sh -c 'ls /nope 2>&1 | wc -l; echo err >&2'`,
        `echo abc | docker run -i --rm busybox sh -c 'cat | tr a-z A-Z'`,
        `echo abc | docker run --rm busybox sh -c 'cat'`,
      ].join('\n'),
    );
    expect(all.map((s) => s.stdout)).toEqual(['HI\n', '3\n2\n1\n', 'a\nb\nFN\nsub\n', '1\n', 'ABC\n', '']);
    expect(all[3].stderr).toBe('err\n');
  });

  it('each command of a loop is logged when it runs', async () => {
    const all = await steps("docker run -d --name loop busybox sh -c 'i=0; while [ $i -lt 3 ]; do echo tick $i; i=$((i+1)); sleep 10; done'\nsleep 15\ndocker logs loop\nsleep 30\ndocker logs -t loop");
    expect(all[2].stdout).toBe('tick 0\ntick 1\n');
    expect(all[4].stdout.split('\n').map((l) => l.slice(11, 19))).toEqual(['09:00:01', '09:00:11', '09:00:21', '']);
  });
});
