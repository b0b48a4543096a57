// docker cp and docker exec at their edges, with the texts a real daemon printed (conformance 16-exec-options, 21-cp-edge).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const run = async (lines: string[]) => (await steps(['docker pull -q busybox >/dev/null', ...lines].join('\n'))).slice(1).map((s) => [s.stdout, s.stderr, s.exitCode]);

describe('docker cp edges', () => {
  it('checks the output path, refuses a file into a missing directory and a directory over a file, and follows -L', async () => {
    const r = await run([
      "docker run -d --name cpe busybox sh -c 'mkdir -p /work/sub && echo a > /work/sub/a.txt && ln -s sub/a.txt /work/link && sleep 1000' >/dev/null",
      'mkdir -p hostdir && echo h > hostdir/h.txt',
      'docker cp -q cpe:/work/sub/a.txt out4/',
      'docker cp -q cpe:/work/sub/a.txt nodir/x/y',
      'docker cp -q hostdir cpe:/work/sub/a.txt',
      'docker cp -q -L cpe:/work/link followed && cat followed',
      'docker cp -q cpe:/work/link kept && readlink kept',
    ]);
    expect(r.slice(2)).toEqual([
      ['', 'no such directory\n', 1],
      ['', 'invalid output path: directory "/root/nodir/x" does not exist\n', 1],
      ['', 'cannot copy directory\n', 1],
      ['a\n', '', 0],
      ['sub/a.txt\n', '', 0],
    ]);
  });
});

describe('docker exec edges', () => {
  it('an unknown user, a relative -w, -d with a missing command, and -t line endings (-it without a terminal: conformance 16-exec-options#37)', async () => {
    const r = await run([
      'docker run -d --name eo busybox sleep 1000 >/dev/null',
      'docker exec -u nosuchuser eo id',
      'docker exec -w relative eo pwd',
      'docker exec -d eo nonexistent-cmd',
      'docker exec -t eo echo tty',
    ]);
    expect(r.slice(1)).toEqual([
      ['unable to find user nosuchuser: no matching entries in passwd file\r\n', '', 126],
      ['OCI runtime exec failed: exec failed: Cwd must be an absolute path: unknown\r\n', '', 126],
      ['', 'Error response from daemon: OCI runtime exec failed: exec failed: unable to start container process: exec: "nonexistent-cmd": executable file not found in $PATH: unknown\n', 1],
      ['tty\r\n', '', 0],
    ]);
  });
});
