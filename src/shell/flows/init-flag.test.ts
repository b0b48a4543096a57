// docker run --init: docker-init is PID 1 and runs the command as its child (docker/cli v27.5.1
// cli/command/container/opts.go:318,711-713; HostConfig.Init is a *bool, left out when the flag is not given).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('docker run --init', () => {
  it('puts docker-init at PID 1, the command under it', async () => {
    const all = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run --rm --init busybox ps -o comm',
        "docker run -d --name in --init busybox sh -c 'while true; do sleep 2; done' >/dev/null",
        'docker exec in ps',
        "docker inspect -f '{{.HostConfig.Init}}' in",
        'docker run -d --name noin busybox sleep 9 >/dev/null',
        "docker inspect -f '{{json .HostConfig.Init}}' noin",
        "docker top in | awk 'NR > 1 { print $8, $9, $10 }'",
      ].join('\n'),
    );
    expect(all.slice(1).map((s) => s.stdout)).toEqual([
      'COMMAND\ndocker-init\nps\n',
      '',
      'PID   USER     TIME  COMMAND\n    1 root      0:00 /sbin/docker-init -- sh -c while true; do sleep 2; done\n    7 root      0:00 sh -c while true; do sleep 2; done\n   12 root      0:00 sleep 2\n   13 root      0:00 ps\n',
      'true\n',
      '',
      'null\n',
      '/sbin/docker-init -- sh\nsh -c while\nsleep 2 \n',
    ]);
  });

  it('docker top shows each process under its own parent, with the PIDs and PPIDs the host ps -ef shows', async () => {
    const all = await steps(
      [
        'docker pull -q busybox >/dev/null',
        "docker run -d --name in --init busybox sh -c 'while true; do sleep 2; done' >/dev/null",
        "docker top in | awk '{ print $1, $2, $3, $8, $9, $10 }'",
        "ps -ef | awk 'NR > 1 && ($2 == 1000 || $2 >= 2000 && $2 < 3000 || $2 > 30000) { print $1, $2, $3, $8, $9, $10 }'",
      ].join('\n'),
    );
    expect(all.slice(2).map((s) => s.stdout)).toEqual([
      'UID PID PPID CMD  \nroot 2000 1000 /sbin/docker-init -- sh\nroot 30007 2000 sh -c while\nroot 30012 30007 sleep 2 \n',
      'root 1000 1 /usr/bin/containerd-shim-runc-v2 -namespace moby\nroot 2000 1000 /sbin/docker-init -- sh\nroot 30007 2000 sh -c while\nroot 30012 30007 sleep 2 \n',
    ]);
  });
});
