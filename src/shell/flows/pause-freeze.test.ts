// docker pause freezes the processes (cgroup freezer): a paused container prints nothing and does not exit; after
// unpause it carries on where it stopped, its remaining output and its exit shifted by the time it was frozen.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('docker pause', () => {
  it('stops the output and the exit until unpause', async () => {
    const all = await steps(
      [
        'docker pull -q busybox >/dev/null',
        "docker run -d --name lp busybox sh -c 'i=0; while [ $i -lt 20 ]; do i=$((i+1)); echo $i; sleep 1; done' >/dev/null",
        'sleep 3',
        'docker pause lp >/dev/null; docker logs lp | tail -1',
        'sleep 30',
        'docker logs lp | tail -1',
        "docker ps -a --format '{{.State}}'",
        'docker unpause lp >/dev/null; sleep 2; docker logs lp | tail -1',
        'sleep 30',
        "docker ps -a --format '{{.State}}'; docker logs lp | tail -1",
      ].join('\n'),
    );
    expect(all.slice(3).map((s) => s.stdout)).toEqual(['6\n', '', '6\n', 'paused\n', '8\n', '', 'exited\n20\n']);
  });

  it('a paused container that is stopped thaws: it prints only during the grace period (one more line in one second)', async () => {
    const all = await steps(
      [
        'docker pull -q busybox >/dev/null',
        "docker run -d --name lp busybox sh -c 'i=0; while true; do i=$((i+1)); echo $i; sleep 1; done' >/dev/null",
        'sleep 2',
        'docker pause lp >/dev/null; docker logs lp | wc -l',
        'sleep 20; docker stop -t 1 lp >/dev/null; docker logs lp | wc -l',
      ].join('\n'),
    );
    expect(all.slice(3).map((s) => s.stdout)).toEqual(['5\n', '6\n']);
  });
});
