// ps: procps-ng tables over the container's PID namespace and the host's process list; busybox's single format.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const outputs = async (lines: string[]) => (await steps(lines.join('\n'))).map((s) => s.output);
const INSTALL_PROCPS = 'apt-get update > /dev/null; apt-get install -y procps > /dev/null';

describe('ps in an Ubuntu container (procps-ng 4, after apt-get install procps)', () => {
  it('is missing until installed; then PID 1 is the shell and ps is its child', async () => {
    const out = await outputs(['docker pull -q ubuntu', 'docker run -it ubuntu bash', 'ps', INSTALL_PROCPS, 'ps', 'ps aux', 'ps -ef', 'ps -o pid,ppid,user,comm', 'ps -p 1']);
    expect(out[2]).toBe('bash: ps: command not found\n');
    expect(out.slice(4)).toEqual([
      '    PID TTY          TIME CMD\n      1 pts/0    00:00:00 bash\n      7 pts/0    00:00:00 ps\n',
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root           1  0.0  0.1   4588  3840 pts/0    Ss   09:00   0:00 bash\n' +
        'root           8  0.0  0.2   7888  4096 pts/0    R+   09:00   0:00 ps aux\n',
      'UID          PID    PPID  C STIME TTY          TIME CMD\nroot           1       0  0 09:00 pts/0    00:00:00 bash\nroot           9       1  0 09:00 pts/0    00:00:00 ps -ef\n',
      '    PID    PPID USER     COMMAND\n      1       0 root     bash\n     10       1 root     ps\n',
      '    PID TTY          TIME CMD\n      1 pts/0    00:00:00 bash\n',
    ]);
  });

  it('rejects unknown options with procps usage', async () => {
    const s = await steps(['docker pull -q ubuntu', 'docker run -it ubuntu bash', INSTALL_PROCPS, 'ps -Q'].join('\n'));
    expect([s[3].stderr, s[3].exitCode]).toEqual([
      "error: unsupported SysV option\n\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n",
      1,
    ]);
  });

  it('shows the daemon and its workers, and exec processes with their own PIDs', async () => {
    const out = await outputs([
      'docker run -d --name web nginx',
      `docker exec web sh -c '${INSTALL_PROCPS.replace(/'/g, '')}; ps aux'`,
      'docker exec -it web bash',
      'ps -ef',
    ]);
    expect(out[1]).toBe(
      'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\n' +
        'root           1  0.0  0.3  11404  7424 ?        Ss   09:00   0:00 nginx: master process nginx -g daemon off;\n' +
        'nginx         29  0.0  0.1  11872  2876 ?        S    09:00   0:00 nginx: worker process\n' +
        'nginx         30  0.0  0.1  11872  2876 ?        S    09:00   0:00 nginx: worker process\n' +
        'root          36  0.0  0.0   2800  1536 ?        Ss   09:00   0:00 sh -c apt-get update > /dev/null; apt-get install -y procps > /dev/null; ps aux\n' +
        'root          37  0.0  0.2   7888  4096 ?        R    09:00   0:00 ps aux\n',
    );
    // a terminal cuts ps -ef at 80 columns
    expect(out[3]).toBe(
      'UID          PID    PPID  C STIME TTY          TIME CMD\n' +
        'root           1       0  0 09:00 ?        00:00:00 nginx: master process nginx \n' +
        'nginx         29       1  0 09:00 ?        00:00:00 nginx: worker process\n' +
        'nginx         30       1  0 09:00 ?        00:00:00 nginx: worker process\n' +
        'root          38       0  0 09:00 pts/1    00:00:00 bash\n' +
        'root          39      38  0 09:00 pts/1    00:00:00 ps -ef\n',
    );
  });

  it('CentOS 7 ships procps-ng 3.3.10 with five-digit PID columns', async () => {
    const out = await outputs(['docker pull -q centos', 'docker run -it centos bash', 'ps', 'ps aux']);
    expect(out.slice(2)).toEqual([
      '  PID TTY          TIME CMD\n    1 pts/0    00:00:00 bash\n    7 pts/0    00:00:00 ps\n',
      'USER       PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND\nroot         1  0.0  0.1   4588  3840 pts/0    Ss   09:00   0:00 bash\nroot         8  0.0  0.2   7888  4096 pts/0    R+   09:00   0:00 ps aux\n',
    ]);
  });
});

describe('busybox ps (alpine)', () => {
  it('always lists every process in PID USER TIME COMMAND form', async () => {
    const out = await outputs(['docker pull -q alpine', 'docker run -it alpine', 'ps', 'ps aux', 'ps -o pid,comm', 'exit', 'docker run -d --name s1 alpine sleep 1000', 'docker exec s1 ps']);
    expect(out.slice(2, 5)).toEqual([
      'PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    7 root      0:00 ps\n',
      'PID   USER     TIME  COMMAND\n    1 root      0:00 /bin/sh\n    8 root      0:00 ps aux\n',
      'PID   COMMAND\n    1 sh\n    9 ps\n',
    ]);
    // docker exec runs ps as its own process (no shell in between)
    expect(out[7]).toBe('PID   USER     TIME  COMMAND\n    1 root      0:00 sleep 1000\n    7 root      0:00 ps\n');
  });
});

describe('ps on the Docker host', () => {
  it('shows containerd, dockerd, a shim per running container and the containers\' processes as host PIDs', async () => {
    const s = await steps(['docker run -d --name web -p 8080:80 nginx', 'ps -ef | grep -E "containerd|dockerd|docker-proxy|nginx"', 'ps'].join('\n'));
    const out = s.map((x) => x.output);
    const id = s[0].stdout.trim();
    expect(out[1]).toBe(
      [
        'root         612       1  0 08:13 ?        00:00:00 /usr/bin/containerd',
        'root         745       1  0 08:13 ?        00:00:00 /usr/bin/dockerd -H fd:// --containerd=/run/containerd/containerd.sock',
        'root         960     745  0 09:00 ?        00:00:00 /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 8080 -container-ip 172.17.0.2 -container-port 80',
        'root         961     745  0 09:00 ?        00:00:00 /usr/bin/docker-proxy -proto tcp -host-ip :: -host-port 8080 -container-ip 172.17.0.2 -container-port 80',
        `root        1000       1  0 09:00 ?        00:00:00 /usr/bin/containerd-shim-runc-v2 -namespace moby -id ${id} -address /run/containerd/containerd.sock`,
        'root        2000    1000  0 09:00 ?        00:00:00 nginx: master process nginx -g daemon off;',
        'nginx      30029    2000  0 09:00 ?        00:00:00 nginx: worker process',
        'nginx      30030    2000  0 09:00 ?        00:00:00 nginx: worker process',
        '',
      ].join('\n'),
    );
    expect(out[2]).toBe('    PID TTY          TIME CMD\n   1289 pts/0    00:00:00 bash\n   3128 pts/0    00:00:00 ps\n');
  });
});
