// docker cp details from the v27 client and daemon (docker/cli v27.5.1 cli/command/container/cp.go:257,352-356;
// moby pkg/archive PrepareArchiveCopy, container.ResolvePath, daemon/containerfs_linux.go): the generated /etc files,
// a symlink copied as a link, tar streams on stdout and stdin, a file into a directory that does not exist.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker pull -q busybox', 'docker run -d --name cp1 --hostname box1 busybox sleep 1000', ...lines].join('\n'));
  return all.slice(2).map((s) => [s.stdout, s.stderr.replace(/time="[^"]+"/g, 'time="T"'), s.exitCode]);
}

describe('docker cp', () => {
  it('reads the /etc/hostname, /etc/hosts and /etc/resolv.conf the daemon made for the container', async () => {
    expect(await run(['docker cp -q cp1:/etc/hostname hn', 'cat hn', 'docker cp -q cp1:/etc etc', 'ls etc | grep -E "^(hostname|hosts|resolv.conf)$"', 'cat etc/hostname'])).toEqual([
      ['', '', 0],
      ['box1\n', '', 0],
      ['', '', 0],
      ['hostname\nhosts\nresolv.conf\n', '', 0],
      ['box1\n', '', 0],
    ]);
  });

  it('copies a symlink as a link (the last path element is not followed)', async () => {
    expect(await run(['docker cp -q cp1:/bin/sh sh-link', 'ls -l sh-link | cut -c1', 'readlink sh-link'])).toEqual([
      ['', '', 0],
      ['l\n', '', 0],
      ['/bin/busybox\n', '', 0],
    ]);
  });

  it('"-" writes a tar stream to stdout and extracts one from stdin into a directory', async () => {
    expect(
      await run([
        "docker exec cp1 sh -c 'mkdir -p /tmp/d && echo hi > /tmp/d/a.txt && echo c > /tmp/c.txt'",
        'docker cp cp1:/tmp/c.txt - | tar -t',
        'docker cp cp1:/tmp/d - | tar -t',
        'docker cp cp1:/tmp/d - | docker cp - cp1:/root',
        'docker exec cp1 cat /root/d/a.txt',
        'docker cp - cp1:/tmp/c.txt </dev/null',
        'echo x | docker cp - cp1:/tmp',
      ]),
    ).toEqual([
      ['', '', 0],
      ['c.txt\n', '', 0],
      ['d/\nd/a.txt\n', '', 0],
      ['', '', 0],
      ['hi\n', '', 0],
      ['', 'destination "cp1:/tmp/c.txt" must be a directory\n', 1],
      ['', 'Error response from daemon: unexpected EOF\n', 1],
    ]);
  });

  it('a file cannot go into a directory that does not exist (ErrDirNotExists); nothing is written', async () => {
    expect(await run(['echo hostfile > hf.txt', 'docker cp hf.txt cp1:/tmp/newdir/', 'docker exec cp1 ls /tmp'])).toEqual([
      ['', '', 0],
      ['', 'time="T" level=error msg="Can\'t add file /root/hf.txt to tar: io: read/write on closed pipe"\ntime="T" level=error msg="Can\'t close tar writer: io: read/write on closed pipe"\nno such directory\n', 1],
      ['', '', 0],
    ]);
  });
});
