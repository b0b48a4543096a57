// `sh -c SCRIPT NAME ARGS…` as a container's command: $0 is NAME (the shell as invoked when there is none), $1… the rest;
// and HOME as runc sets it (the user's home in /etc/passwd unless the image or -e set it).
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';
import { createSession } from '../session';

describe('sh -c with arguments in a container', () => {
  it('sets $0 and the positional parameters', async () => {
    const all = await steps(["docker pull -q busybox >/dev/null", "docker run --rm busybox sh -c 'echo $0 $# $1' a b", "docker run --rm busybox sh -c 'echo $0 $#'", "docker run --rm busybox /bin/sh -c 'echo $0; for x in \"$@\"; do echo [$x]; done' n 'p q' r"].join('\n'));
    expect(all.slice(1).map((s) => s.stdout)).toEqual(['a 1 b\n', 'sh 0\n', 'n\n[p q]\n[r]\n']);
  });

  it('HOME is the user\'s home from /etc/passwd, "/" for a user it does not list, unless -e sets it', async () => {
    const all = await steps(['docker pull -q busybox >/dev/null', "docker run --rm -u www-data busybox sh -c 'echo $HOME'", "docker run --rm -u 1234 busybox sh -c 'echo $HOME'", "docker run --rm busybox sh -c 'echo $HOME'", "docker run --rm -e HOME=/x -u www-data busybox sh -c 'echo $HOME'"].join('\n'));
    expect(all.slice(1).map((s) => s.stdout)).toEqual(['/var/www\n', '/\n', '/root\n', '/x\n']);
  });

  it('docker exec -u takes HOME from the container\'s /etc/passwd too, in a script and in an interactive shell', async () => {
    const all = await steps(['docker pull -q busybox >/dev/null', 'docker run -d --name c1 busybox sleep 1000 >/dev/null', "docker exec -u www-data c1 sh -c 'echo $HOME'", "docker exec -u 1234 c1 sh -c 'echo $HOME'", "docker exec c1 sh -c 'echo $HOME'", "docker exec -u nobody c1 sh -c 'echo $HOME'", "docker exec -e HOME=/x -u www-data c1 sh -c 'echo $HOME'"].join('\n'));
    expect(all.slice(2).map((s) => s.stdout)).toEqual(['/var/www\n', '/\n', '/root\n', '/home\n', '/x\n']);
    const s = createSession({ headless: true });
    await s.run('docker pull -q busybox');
    await s.run('docker run -d --name c2 -u www-data busybox sleep 1000');
    await s.run('docker exec -it -u nobody c2 sh');
    expect((await s.run('echo $HOME')).output).toBe('/home\n');
    await s.run('exit');
    await s.run('docker exec -it c2 sh');
    expect((await s.run('echo $HOME')).output).toBe('/var/www\n');
  });
});
