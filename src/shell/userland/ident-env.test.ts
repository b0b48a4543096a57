// whoami, id, groups, uname, nproc, env, printenv and touch: coreutils and busybox wording, docker's process environment.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const run = async (lines: string[]) => steps(lines.join('\n'));
const KERNEL = '6.8.0-49-generic #49-Ubuntu SMP PREEMPT_DYNAMIC Mon Nov  4 02:06:24 UTC 2024';

describe('identity and machine', () => {
  it('root in Ubuntu; --user resolves through the image\'s /etc/passwd', async () => {
    const s = await run([
      'docker pull -q ubuntu',
      "docker run --rm ubuntu sh -c 'whoami; id; groups; uname; uname -a; uname -r; uname -m; nproc'",
      "docker run --rm -u 1000 ubuntu sh -c 'whoami; id'",
      "docker run --rm -u 4242:4242 ubuntu sh -c 'whoami; id'",
      'docker run --rm ubuntu id -u nosuch',
      'docker run --rm ubuntu uname -x',
    ]);
    const id = s[1].stdout.split('\n')[4].split(' ')[1];
    expect(s[1].stdout).toBe(`root\nuid=0(root) gid=0(root) groups=0(root)\nroot\nLinux\nLinux ${id} ${KERNEL} x86_64 x86_64 x86_64 GNU/Linux\n6.8.0-49-generic\nx86_64\n1\n`);
    expect(s[2].stdout).toBe('ubuntu\nuid=1000(ubuntu) gid=1000(ubuntu) groups=1000(ubuntu)\n');
    expect([s[3].stdout, s[3].stderr]).toEqual(['uid=4242 gid=4242 groups=4242\n', 'whoami: cannot find name for user ID 4242\n']);
    expect([s[4].stderr, s[4].exitCode]).toEqual(["id: 'nosuch': no such user\n", 1]);
    expect(s[5].stderr).toBe("uname: invalid option -- 'x'\nTry 'uname --help' for more information.\n");
  });

  it('busybox: root\'s supplementary groups come from /etc/group; Alpine says "Linux", the busybox image "GNU/Linux"', async () => {
    const s = await run(['docker pull -q alpine', 'docker pull -q busybox', "docker run --rm --hostname a1 alpine sh -c 'id; uname -a'", "docker run --rm --hostname b1 busybox sh -c 'id; uname -a'"]);
    expect(s[2].stdout).toBe(`uid=0(root) gid=0(root) groups=0(root),1(bin),2(daemon),3(sys),4(adm),6(disk),10(wheel),11(floppy),20(dialout),26(tape),27(video)\nLinux a1 ${KERNEL} x86_64 Linux\n`);
    expect(s[3].stdout).toBe(`uid=0(root) gid=0(root) groups=0(root),10(wheel)\nLinux b1 ${KERNEL} x86_64 GNU/Linux\n`);
  });

  it('the host is root on an Ubuntu machine named dockerlings with the CPUs docker info reports', async () => {
    const s = await run(['whoami; id; uname -n; nproc']);
    expect(s[0].stdout).toBe('root\nuid=0(root) gid=0(root) groups=0(root)\ndockerlings\n1\n');
  });
});

describe('env and printenv', () => {
  it('an interactive bash lists its environment in bash\'s order; busybox ash in its own', async () => {
    const s = await run(['docker pull -q ubuntu', 'docker pull -q alpine', 'docker run -it --hostname u1 ubuntu bash', 'env', 'export GREETING=hi; printenv GREETING HOME', 'exit', 'docker run -it --hostname a1 alpine', 'env']);
    expect(s[3].stdout).toBe('HOSTNAME=u1\nPWD=/\nHOME=/root\nTERM=xterm\nSHLVL=1\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\n_=/usr/bin/env\n');
    expect(s[4].stdout).toBe('hi\n/root\n');
    expect(s[7].stdout).toBe('HOSTNAME=a1\nSHLVL=1\nHOME=/root\nTERM=xterm\nPATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nPWD=/\n');
  });

  it('a process docker starts gets PATH, HOSTNAME, TERM (with -t), -e variables, then HOME', async () => {
    const s = await run(['docker pull -q ubuntu', 'docker run --rm --hostname h1 -e FOO=bar ubuntu env', 'docker run --rm -t --hostname h2 ubuntu env', 'docker run --rm ubuntu printenv NOPE']);
    expect(s[1].stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=h1\nFOO=bar\nHOME=/root\n');
    expect(s[2].stdout).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\r\nHOSTNAME=h2\r\nTERM=xterm\r\nHOME=/root\r\n');
    expect([s[3].stdout, s[3].exitCode]).toEqual(['', 1]);
  });
});

describe('touch', () => {
  it('uses the simulated clock and coreutils errors', async () => {
    const s = await run(['docker pull -q ubuntu', 'docker run -it ubuntu bash', 'touch /tmp/a /nope/b', "touch -d '2024-01-02 03:04:05' /tmp/b", 'ls -l /tmp']);
    expect([s[2].stderr, s[2].exitCode]).toEqual(["touch: cannot touch '/nope/b': No such file or directory\n", 1]);
    expect(s[4].stdout).toBe('total 0\n-rw-r--r-- 1 root root 0 Nov 23 09:00 a\n-rw-r--r-- 1 root root 0 Jan  2  2024 b\n');
  });
});
