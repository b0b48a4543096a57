// umask in a container's shell: kept from line to line at its prompt, and new files and folders take it (in `sh -c` too).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

describe('umask in containers', () => {
  it('lasts across prompt lines and masks the files and folders made after it', async () => {
    const s = await steps(
      [
        'docker pull -q busybox >/dev/null',
        'docker run -d --name bb busybox sleep 1000 >/dev/null',
        'docker exec -it bb sh',
        'umask',
        'umask 077; touch /tmp/a; mkdir /tmp/d',
        'umask',
        'touch /tmp/b; ls -ld /tmp/a /tmp/b /tmp/d',
        'exit',
        "docker exec bb sh -c 'umask; umask 027; echo x > /tmp/c; mkdir /tmp/e; ls -ld /tmp/c /tmp/e'",
        "docker exec bb sh -c 'touch /tmp/f; ls -l /tmp/f'",
      ].join('\n'),
    );
    expect(s.slice(3).map((x) => [x.stdout, x.stderr, x.exitCode])).toEqual([
      ['0022\n', '', 0],
      ['', '', 0],
      ['0077\n', '', 0],
      ['-rw-------    1 root     root             0 Nov 23 09:00 /tmp/a\n-rw-------    1 root     root             0 Nov 23 09:00 /tmp/b\ndrwx------    2 root     root          4096 Nov 23 09:00 /tmp/d\n', '', 0],
      ['', '', 0],
      ['0022\n-rw-r-----    1 root     root             2 Nov 23 09:00 /tmp/c\ndrwxr-x---    2 root     root          4096 Nov 23 09:00 /tmp/e\n', '', 0],
      ['-rw-r--r--    1 root     root             0 Nov 23 09:00 /tmp/f\n', '', 0],
    ]);
  });
});
