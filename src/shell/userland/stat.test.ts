// stat as GNU coreutils (host, Debian/Ubuntu images) and busybox (alpine, busybox) print it; the layouts were checked
// against GNU stat 9.1 and busybox 1.35 on a Linux machine (same formats as the 9.4 and 1.36 the images ship).
import { describe, expect, it } from 'vitest';
import { lineSession } from '../test-support';

describe('stat on the host (GNU)', () => {
  it('reports a file, a symlink, a folder and a device in the default layout', async () => {
    const { line } = lineSession();
    const [out, err, code] = await line('stat /usr/bin/dash /bin/sh /tmp /dev/null');
    expect([err, code]).toEqual(['', 0]);
    const blocks = out.split(/(?=^ {2}File: )/m);
    expect(blocks[0].replace(/Inode: \d+ +/, 'Inode: N  ')).toBe(
      '  File: /usr/bin/dash\n  Size: 125560    \tBlocks: 248        IO Block: 4096   regular file\nDevice: 8,1\tInode: N  Links: 1\n' +
        'Access: (0755/-rwxr-xr-x)  Uid: (    0/    root)   Gid: (    0/    root)\nAccess: 2024-10-11 03:41:29.000000000 +0000\n' +
        'Modify: 2024-10-11 03:41:29.000000000 +0000\nChange: 2024-10-11 03:41:29.000000000 +0000\n Birth: 2024-10-11 03:41:29.000000000 +0000\n',
    );
    expect(blocks[1].split('\n').slice(0, 2)).toEqual(['  File: /bin/sh -> dash', '  Size: 4         \tBlocks: 0          IO Block: 4096   symbolic link']);
    expect(blocks[1]).toContain('Access: (0777/lrwxrwxrwx)');
    expect(blocks[2].split('\n').slice(0, 4)).toEqual([
      '  File: /tmp',
      '  Size: 4096      \tBlocks: 8          IO Block: 4096   directory',
      expect.stringMatching(/^Device: 8,1\tInode: \d+ +Links: 2$/),
      'Access: (1777/drwxrwxrwt)  Uid: (    0/    root)   Gid: (    0/    root)',
    ]);
    expect(blocks[3].split('\n').slice(0, 4)).toEqual([
      '  File: /dev/null',
      '  Size: 0         \tBlocks: 0          IO Block: 4096   character special file',
      expect.stringMatching(/^Device: 0,5\tInode: \d+ +Links: 1     Device type: 1,3$/),
      'Access: (0666/crw-rw-rw-)  Uid: (    0/    root)   Gid: (    0/    root)',
    ]);
  });

  it('says "regular empty file", and prints times from the simulated clock', async () => {
    const { line } = lineSession();
    const [out] = await line('touch "/tmp/a b"; stat "/tmp/a b"');
    expect(out.split('\n')).toEqual([
      '  File: /tmp/a b',
      '  Size: 0         \tBlocks: 0          IO Block: 4096   regular empty file',
      expect.stringMatching(/^Device: 8,1\tInode: \d+ +Links: 1$/),
      'Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)',
      'Access: 2026-11-23 09:00:01.000000000 +0000',
      'Modify: 2026-11-23 09:00:01.000000000 +0000',
      'Change: 2026-11-23 09:00:01.000000000 +0000',
      ' Birth: 2026-11-23 09:00:01.000000000 +0000',
      '',
    ]);
  });

  it('-c/--format/--printf directives, -t, -L and the errors', async () => {
    const { line } = lineSession();
    expect(await line('stat -c "%n %s %a %A %U %G %F %y" /usr/bin/env')).toEqual(['/usr/bin/env 47472 755 -rwxr-xr-x root root regular file 2024-10-11 03:41:29.000000000 +0000\n', '', 0]);
    expect(await line('stat --format=%N /bin/sh')).toEqual(['/bin/sh -> dash\n', '', 0]);
    expect(await line("stat --printf='%s\\t%U\\n' /usr/bin/env")).toEqual(['47472\troot\n', '', 0]);
    expect(await line('stat -L -c %F /bin/sh')).toEqual(['regular file\n', '', 0]);
    expect(await line('stat -c "%5a|%-6U|%Y" /tmp')).toEqual([' 1777|root  |1795424400\n', '', 0]);
    expect((await line('stat -t /usr/bin/env'))[0]).toMatch(/^\/usr\/bin\/env 47472 96 81ed 0 0 801 \d+ 1 0 0 1728618089 1728618089 1728618089 1728618089 4096\n$/);
    expect(await line('stat /nope')).toEqual(['', "stat: cannot statx '/nope': No such file or directory\n", 1]);
    expect(await line('stat')).toEqual(['', "stat: missing operand\nTry 'stat --help' for more information.\n", 1]);
    expect(await line('stat -q /tmp')).toEqual(['', "stat: invalid option -- 'q'\nTry 'stat --help' for more information.\n", 1]);
  });
});

describe('stat in containers', () => {
  it('busybox quotes names and prints the device in hex, with no Birth line', async () => {
    const { line } = lineSession();
    await line('docker pull -q alpine');
    const [out] = await line('docker run --rm alpine stat /bin/sh /etc/passwd');
    const [sh, passwd] = out.split(/(?=^ {2}File: )/m);
    expect(sh.split('\n')[0]).toBe("  File: '/bin/sh' -> '/bin/busybox'");
    expect(passwd.split('\n')).toEqual([
      "  File: '/etc/passwd'",
      expect.stringMatching(/^ {2}Size: \d+ +\tBlocks: 8 +IO Block: 4096   regular file$/),
      expect.stringMatching(/^Device: [0-9a-f]+h\/\d+d\tInode: \d+ +Links: 1$/),
      'Access: (0644/-rw-r--r--)  Uid: (    0/    root)   Gid: (    0/    root)',
      expect.stringMatching(/^Access: 2024-\d\d-\d\d \d\d:\d\d:\d\d\.000000000 \+0000$/),
      expect.stringMatching(/^Modify: /),
      expect.stringMatching(/^Change: /),
      '',
    ]);
    expect(await line('docker run --rm alpine stat /nope')).toEqual(['', "stat: can't stat '/nope': No such file or directory\n", 1]);
  });

  it('GNU stat in an Ubuntu container: an overlay device and no birth time', async () => {
    const { line } = lineSession();
    await line('docker pull -q ubuntu');
    const [out] = await line('docker run --rm ubuntu stat /etc/passwd');
    expect(out.split('\n')[2]).toMatch(/^Device: 0,\d+\tInode: \d+ +Links: 1$/);
    expect(out.split('\n')[7]).toBe(' Birth: -');
  });
});
