// ls inside containers: GNU coreutils (Ubuntu) and busybox (busybox, alpine) listings, pinned to real output formats.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

/** What the terminal shows for each typed line. */
const outputs = async (lines: string[]) => (await steps(lines.join('\n'))).map((s) => s.output);

describe('ls in an Ubuntu container (GNU coreutils)', () => {
  it('ls -la / shows .dockerenv, merged overlay dirs with one link, the mounted /dev, /proc and /sys', async () => {
    const [, , out] = await outputs(['docker pull -q ubuntu', 'docker run -it ubuntu bash', 'ls -la /']);
    expect(out).toBe(
      [
        'total 56',
        'drwxr-xr-x   1 root root 4096 Nov 23 09:00 .',
        'drwxr-xr-x   1 root root 4096 Nov 23 09:00 ..',
        '-rwxr-xr-x   1 root root    0 Nov 23 09:00 .dockerenv',
        'lrwxrwxrwx   1 root root    7 Oct 11  2024 bin -> usr/bin',
        'drwxr-xr-x   2 root root 4096 Oct 11  2024 boot',
        'drwxr-xr-x   5 root root  360 Nov 23 09:00 dev',
        'drwxr-xr-x   1 root root 4096 Nov 23 09:00 etc',
        'drwxr-xr-x   3 root root 4096 Oct 11  2024 home',
        'lrwxrwxrwx   1 root root    7 Oct 11  2024 lib -> usr/lib',
        'lrwxrwxrwx   1 root root    9 Oct 11  2024 lib64 -> usr/lib64',
        'drwxr-xr-x   2 root root 4096 Oct 11  2024 media',
        'drwxr-xr-x   2 root root 4096 Oct 11  2024 mnt',
        'drwxr-xr-x   2 root root 4096 Oct 11  2024 opt',
        'dr-xr-xr-x 176 root root    0 Nov 23 09:00 proc',
        'drwx------   2 root root 4096 Oct 11  2024 root',
        'drwxr-xr-x   3 root root 4096 Oct 11  2024 run',
        'lrwxrwxrwx   1 root root    8 Oct 11  2024 sbin -> usr/sbin',
        'drwxr-xr-x   2 root root 4096 Oct 11  2024 srv',
        'dr-xr-xr-x  13 root root    0 Nov 23 09:00 sys',
        'drwxrwxrwt   2 root root 4096 Oct 11  2024 tmp',
        'drwxr-xr-x  12 root root 4096 Oct 11  2024 usr',
        'drwxr-xr-x  11 root root 4096 Oct 11  2024 var',
        '',
      ].join('\n'),
    );
  });

  it('prints columns on the terminal and one name per line into a pipe', async () => {
    const out = await outputs(['docker pull -q ubuntu', 'docker run -it ubuntu bash', 'ls /', 'ls /etc/apt | cat', 'ls -A /root', 'ls -p /etc/apt']);
    expect(out.slice(2)).toEqual([
      'bin   dev  home  lib64  mnt  proc  run   srv  tmp  var\nboot  etc  lib   media  opt  root  sbin  sys  usr\n',
      'apt.conf.d\nkeyrings\npreferences.d\nsources.list\nsources.list.d\ntrusted.gpg.d\n',
      '.bashrc  .profile\n',
      'apt.conf.d/  preferences.d/  sources.list.d/\nkeyrings/    sources.list    trusted.gpg.d/\n',
    ]);
  });

  it('lists files before directories, sorts by size or time, sizes -h and -s, owners from /etc/passwd', async () => {
    const out = await outputs([
      'docker pull -q ubuntu', 'docker run -it ubuntu bash',
      'ls -lh /usr/bin/bash /etc/passwd /etc/apt', 'ls -lS /usr/bin | head -3', 'ls -s /usr/bin/bash', 'ls -n /home', 'ls -l /home',
    ]);
    expect(out.slice(2)).toEqual([
      [
        '-rw-r--r-- 1 root root  888 Oct 11  2024 /etc/passwd',
        '-rwxr-xr-x 1 root root 1.3M Oct 11  2024 /usr/bin/bash',
        '',
        '/etc/apt:',
        'total 24K',
        'drwxr-xr-x 2 root root 4.0K Oct 11  2024 apt.conf.d',
        'drwxr-xr-x 2 root root 4.0K Oct 11  2024 keyrings',
        'drwxr-xr-x 2 root root 4.0K Oct 11  2024 preferences.d',
        '-rw-r--r-- 1 root root  270 Oct 11  2024 sources.list',
        'drwxr-xr-x 2 root root 4.0K Oct 11  2024 sources.list.d',
        'drwxr-xr-x 2 root root 4.0K Oct 11  2024 trusted.gpg.d',
        '',
      ].join('\n'),
      'total 17496\n-rwxr-xr-x 1 root root 3951016 Oct 11  2024 perl\n-rwxr-xr-x 1 root root 1265648 Oct 11  2024 bash\n',
      '1236 /usr/bin/bash\n',
      'total 4\ndrwxr-x--- 2 1000 1000 4096 Oct 11  2024 ubuntu\n',
      'total 4\ndrwxr-x--- 2 ubuntu ubuntu 4096 Oct 11  2024 ubuntu\n',
    ]);
  });

  it('shows docker\'s /dev with device numbers, and new files with the simulated time', async () => {
    const out = await outputs(['docker pull -q ubuntu', 'docker run -it ubuntu bash', 'ls -l /dev', "touch /tmp/a '/tmp/my file'", 'ls /tmp', 'ls -l /tmp']);
    expect(out[2]).toBe(
      [
        'total 0',
        'crw--w---- 1 root tty  136, 0 Nov 23 09:00 console',
        'lrwxrwxrwx 1 root root     11 Nov 23 09:00 core -> /proc/kcore',
        'lrwxrwxrwx 1 root root     13 Nov 23 09:00 fd -> /proc/self/fd',
        'crw-rw-rw- 1 root root   1, 7 Nov 23 09:00 full',
        'drwxrwxrwt 2 root root     40 Nov 23 09:00 mqueue',
        'crw-rw-rw- 1 root root   1, 3 Nov 23 09:00 null',
        'lrwxrwxrwx 1 root root      8 Nov 23 09:00 ptmx -> pts/ptmx',
        'drwxr-xr-x 2 root root      0 Nov 23 09:00 pts',
        'crw-rw-rw- 1 root root   1, 8 Nov 23 09:00 random',
        'drwxrwxrwt 2 root root     40 Nov 23 09:00 shm',
        'lrwxrwxrwx 1 root root     15 Nov 23 09:00 stderr -> /proc/self/fd/2',
        'lrwxrwxrwx 1 root root     15 Nov 23 09:00 stdin -> /proc/self/fd/0',
        'lrwxrwxrwx 1 root root     15 Nov 23 09:00 stdout -> /proc/self/fd/1',
        'crw-rw-rw- 1 root root   5, 0 Nov 23 09:00 tty',
        'crw-rw-rw- 1 root root   1, 9 Nov 23 09:00 urandom',
        'crw-rw-rw- 1 root root   1, 5 Nov 23 09:00 zero',
        '',
      ].join('\n'),
    );
    // GNU quotes names with spaces on a terminal and indents the others to keep them aligned
    expect(out.slice(4)).toEqual([" a  'my file'\n", "total 0\n-rw-r--r-- 1 root root 0 Nov 23 09:00  a\n-rw-r--r-- 1 root root 0 Nov 23 09:00 'my file'\n"]);
  });

  it('reports missing files and bad options like coreutils (exit 2)', async () => {
    const s = await steps(['docker pull -q ubuntu', 'docker run -it ubuntu bash', 'ls -d /etc /nope', 'ls --bogus', 'ls -y'].join('\n'));
    expect(s.slice(2).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['/etc\n', "ls: cannot access '/nope': No such file or directory\n", 2],
      ['', "ls: unrecognized option '--bogus'\nTry 'ls --help' for more information.\n", 2],
      ['', "ls: invalid option -- 'y'\nTry 'ls --help' for more information.\n", 2],
    ]);
  });

  it('docker run without -t is not a terminal: one name per line', async () => {
    const out = await outputs(['docker pull -q ubuntu', 'docker run --rm ubuntu ls /etc/apt', 'docker run --rm -t ubuntu ls /etc/apt']);
    expect(out[1]).toBe('apt.conf.d\nkeyrings\npreferences.d\nsources.list\nsources.list.d\ntrusted.gpg.d\n');
    expect(out[2]).toBe('apt.conf.d  preferences.d  sources.list.d\r\nkeyrings    sources.list   trusted.gpg.d\r\n');
  });
});

describe('ls in busybox and alpine', () => {
  it('busybox ls -l uses fixed widths and symlinks to the busybox binary', async () => {
    const out = await outputs(['docker pull -q busybox', 'docker run -it busybox', 'ls -la /root', 'ls -l /bin/ls /etc/passwd', 'ls -lh /bin/busybox']);
    expect(out.slice(2)).toEqual([
      'total 8\ndrwx------    2 root     root          4096 Jul 18  2023 .\ndrwxr-xr-x    1 root     root          4096 Nov 23 09:00 ..\n',
      'lrwxrwxrwx    1 root     root            12 Jul 18  2023 /bin/ls -> /bin/busybox\n-rw-r--r--    1 root     root           340 Jul 18  2023 /etc/passwd\n',
      '-rwxr-xr-x    1 root     root      1.1M Jul 18  2023 /bin/busybox\n',
    ]);
  });

  it('alpine lays columns out with one width; errors use busybox wording (exit 1)', async () => {
    const s = await steps(['docker pull -q alpine', 'docker run -it alpine', 'ls /', 'ls /nope', 'ls -z'].join('\n'));
    expect(s[2].output).toBe('bin    etc    lib    mnt    proc   run    srv    tmp    var\ndev    home   media  opt    root   sbin   sys    usr\n');
    expect([s[3].stderr, s[3].exitCode]).toEqual(['ls: /nope: No such file or directory\n', 1]);
    expect(s[4].stderr).toBe('ls: unrecognized option: z\nBusyBox v1.36.1 multi-call binary.\n\nUsage: ls [-1AaCxdLHRFplinshrSXvctu] [-w WIDTH] [FILE]...\n');
  });
});
