// docker cp through a container's mounts (moby containerArchivePath/containerExtractToDir): volumes, binds, read-only mounts, tmpfs.
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps, transcript } from '../transcript';

/** The transcript from the first line after the pull (the pull's progress is not what these tests are about). */
const run = async (script: string) => {
  const out = normalizeIds(await transcript(`docker pull -q busybox\n${script}`));
  return out.slice(out.indexOf('\n$ ', out.indexOf('$ docker pull -q busybox')) + 1);
};

describe('docker cp into a container writes through its mounts', () => {
  it('a named volume gets the file: other containers see it, and it outlives the container', async () => {
    expect(
      await run(`docker run -d --name box -v data:/data busybox sleep 1000
echo hello > f.txt
docker cp f.txt box:/data/f.txt
docker run -d --name other -v data:/d busybox sleep 1000
docker exec other cat /d/f.txt
docker rm -f box other
docker run --rm -v data:/d busybox cat /d/f.txt`),
    ).toBe(`$ docker run -d --name box -v data:/data busybox sleep 1000
<id64>
$ echo hello > f.txt
$ docker cp f.txt box:/data/f.txt
Successfully copied 2.048kB to box:/data/f.txt
$ docker run -d --name other -v data:/d busybox sleep 1000
<id64>
$ docker exec other cat /d/f.txt
hello
$ docker rm -f box other
box
other
$ docker run --rm -v data:/d busybox cat /d/f.txt
hello
`);
  });

  it('a bind mount writes the host directory, keeping the mode; the writable layer only has the mount point', async () => {
    expect(
      await run(`mkdir app
docker run -d --name box -v /root/app:/app busybox sleep 1000
printf '#!/bin/sh\\necho hi\\n' > run.sh
chmod 755 run.sh
docker cp run.sh box:/app/
ls -l app
docker cp run.sh box:/app/copy.sh
docker exec box ls /app
docker diff box`),
    ).toBe(`$ mkdir app
$ docker run -d --name box -v /root/app:/app busybox sleep 1000
<id64>
$ printf '#!/bin/sh\\necho hi\\n' > run.sh
$ chmod 755 run.sh
$ docker cp run.sh box:/app/
Successfully copied 2.048kB to box:/app/
$ ls -l app
total 4
-rwxr-xr-x 1 root root 18 Nov 23 09:00 run.sh
$ docker cp run.sh box:/app/copy.sh
Successfully copied 2.048kB to box:/app/copy.sh
$ docker exec box ls /app
copy.sh
run.sh
$ docker diff box
A /app
`);
  });

  it('a read-only mount refuses the copy and changes nothing; so does a --read-only rootfs outside its mounts', async () => {
    const all = await steps(`docker pull -q busybox
mkdir site
echo one > f.txt
docker run -d --name ro -v data:/data:ro -v /root/site:/site:ro busybox sleep 1000
docker cp f.txt ro:/data/
docker cp f.txt ro:/site/new.txt
docker cp f.txt ro:/tmp/
ls site
docker run --rm -v data:/d busybox ls /d
docker run -d --name rofs --read-only -v data:/data busybox sleep 1000
docker cp f.txt rofs:/tmp/
docker cp f.txt rofs:/data/
docker run --rm -v data:/d busybox ls /d`);
    const shown = all.slice(4).map((s) => [s.line, s.stdout, s.stderr, s.exitCode]);
    expect(shown.filter((s) => String(s[0]).startsWith('docker cp') || String(s[0]).startsWith('ls') || String(s[0]).includes('ls /d'))).toEqual([
      ['docker cp f.txt ro:/data/', '', 'Error response from daemon: mounted volume is marked read-only\n', 1],
      ['docker cp f.txt ro:/site/new.txt', '', 'Error response from daemon: mounted volume is marked read-only\n', 1],
      ['docker cp f.txt ro:/tmp/', '', 'Successfully copied 2.048kB to ro:/tmp/\n', 0],
      ['ls site', '', '', 0],
      ['docker run --rm -v data:/d busybox ls /d', '', '', 0],
      ['docker cp f.txt rofs:/tmp/', '', 'Error response from daemon: container rootfs is marked read-only\n', 1],
      ['docker cp f.txt rofs:/data/', '', 'Successfully copied 2.048kB to rofs:/data/\n', 0],
      ['docker run --rm -v data:/d busybox ls /d', 'f.txt\n', '', 0],
    ]);
  });
});

describe('docker cp out of a container reads through its mounts', () => {
  it('volume and bind files, a directory holding a bind, and the host file as it is now', async () => {
    expect(
      await run(`mkdir site
echo v1 > site/index.html
docker run -d --name box -v /root/site:/srv/site -v data:/data busybox sh -c 'echo vol > /data/v.txt; sleep 1000'
echo v2 > site/index.html
docker cp box:/srv/site/index.html got.html
cat got.html
docker cp box:/data/v.txt .
cat v.txt
docker cp box:/srv out
find out`),
    ).toBe(`$ mkdir site
$ echo v1 > site/index.html
$ docker run -d --name box -v /root/site:/srv/site -v data:/data busybox sh -c 'echo vol > /data/v.txt; sleep 1000'
<id64>
$ echo v2 > site/index.html
$ docker cp box:/srv/site/index.html got.html
Successfully copied 2.048kB to got.html
$ cat got.html
v2
$ docker cp box:/data/v.txt .
Successfully copied 2.048kB to .
$ cat v.txt
vol
$ docker cp box:/srv out
Successfully copied 3.072kB to out
$ find out
out
out/site
out/site/index.html
`);
  });

  it('a tmpfs is not in docker cp\'s view: the rootfs under it shows (the mount point, empty)', async () => {
    expect(
      await run(`docker run -d --name box --tmpfs /cache busybox sh -c 'echo x > /cache/a; sleep 1000'
docker exec box cat /cache/a
docker cp box:/cache/a .
docker cp box:/cache cache
ls -A cache`),
    ).toBe(`$ docker run -d --name box --tmpfs /cache busybox sh -c 'echo x > /cache/a; sleep 1000'
<id64>
$ docker exec box cat /cache/a
x
$ docker cp box:/cache/a .
Error response from daemon: Could not find the file /cache/a in container box
$ docker cp box:/cache cache
Successfully copied 1.536kB to cache
$ ls -A cache
`);
  });
});
