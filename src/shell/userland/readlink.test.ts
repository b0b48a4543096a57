// readlink and realpath as GNU coreutils prints them (checked against coreutils 9.1 on a Linux machine), and busybox's.
import { describe, expect, it } from 'vitest';
import { lineSession } from '../test-support';

describe('readlink and realpath on the host (GNU)', () => {
  it('follow every link component by component: /bin/sh is /usr/bin/dash on a merged-/usr system', async () => {
    const { line } = lineSession();
    expect(await line('readlink -f /bin/sh; realpath /bin/sh; readlink -e /bin/sh')).toEqual(['/usr/bin/dash\n/usr/bin/dash\n/usr/bin/dash\n', '', 0]);
    expect(await line('cd /usr/bin && readlink -f ../../bin/sh && realpath ../../bin')).toEqual(['/usr/bin/dash\n/usr/bin\n', '', 0]);
    expect(await line('readlink /bin/sh /bin')).toEqual(['dash\nusr/bin\n', '', 0]);
  });

  it('how much must exist: -f all but the last name, -e all, -m none; errors as coreutils words them', async () => {
    const { line } = lineSession();
    expect(await line('readlink -f /tmp/nope')).toEqual(['/tmp/nope\n', '', 0]);
    expect(await line('readlink -f /nope/x')).toEqual(['', '', 1]);
    expect(await line('readlink -e /tmp/nope')).toEqual(['', '', 1]);
    expect(await line('realpath -m /nope/x/../y; readlink -m /etc/passwd/x')).toEqual(['/nope/y\n/etc/passwd/x\n', '', 0]);
    expect(await line('realpath /nope/x')).toEqual(['', 'realpath: /nope/x: No such file or directory\n', 1]);
    expect(await line('realpath /etc/passwd/x')).toEqual(['', 'realpath: /etc/passwd/x: Not a directory\n', 1]);
    expect(await line('realpath -q /nope/x')).toEqual(['', '', 1]);
    expect(await line('readlink -v /etc/hostname')).toEqual(['', 'readlink: /etc/hostname: Invalid argument\n', 1]);
    expect(await line('readlink -v /nope')).toEqual(['', 'readlink: /nope: No such file or directory\n', 1]);
    expect(await line('readlink -n /bin /bin')).toEqual(['usr/bin\nusr/bin\n', 'readlink: ignoring --no-newline with multiple arguments\n', 0]);
    expect(await line('readlink -n /bin')).toEqual(['usr/bin', '', 0]);
    expect(await line('realpath')).toEqual(['', "realpath: missing operand\nTry 'realpath --help' for more information.\n", 1]);
    expect(await line('readlink -x /bin')).toEqual(['', "readlink: invalid option -- 'x'\nTry 'readlink --help' for more information.\n", 1]);
  });

  it('in containers: GNU in ubuntu, busybox in alpine', async () => {
    const { line } = lineSession();
    await line('docker pull -q ubuntu > /dev/null; docker pull -q alpine > /dev/null');
    expect(await line('docker run --rm ubuntu readlink -f /bin/sh')).toEqual(['/usr/bin/dash\n', '', 0]);
    expect(await line('docker run --rm alpine realpath /bin/../etc')).toEqual(['/etc\n', '', 0]);
    expect(await line('docker run --rm alpine realpath /nope/x')).toEqual(['', 'realpath: /nope/x: No such file or directory\n', 1]);
  });
});
