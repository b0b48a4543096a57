// Stand-in executables: programs found outside /bin and /usr/bin, busybox applets by name, and honest refusals.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

const run = async (lines: string[]) => steps(lines.join('\n'));

describe('running stand-in executables', () => {
  it('a program in /sbin runs (apk), by name or by path; busybox runs its applets', async () => {
    const s = await run(['docker pull -q alpine', 'docker pull -q busybox', 'docker run --rm alpine /sbin/apk info -q | tail -1', "docker run --rm busybox sh -c 'busybox ls /etc; busybox'"]);
    expect(s[2].stdout).toBe('zlib\n');
    expect(s[3].stdout).toBe('group\nlocaltime\nnetwork\nnsswitch.conf\npasswd\nshadow\nBusyBox v1.36.1 (2024-06-10 07:11:47 UTC) multi-call binary.\nUsage: busybox [function [arguments]...]\n');
  });

  it('a shell installed by the same script runs its -c script', async () => {
    const s = await run(['docker pull -q alpine', `docker run --rm alpine sh -c 'apk add -q bash && bash -c "echo hi from \\$0"'`]);
    expect(s[1].stdout).toBe('hi from bash\n');
  });

  it('programs Dockerlings does not simulate say so (exit 126); installed interpreters run; missing ones are not found', async () => {
    const s = await run([
      'docker pull -q alpine', 'docker pull -q ubuntu', 'docker run -d --name web nginx', 'docker exec web nginx -v',
      `docker run --rm alpine sh -c 'apk add -q python3; python3 -c "print(1)"; echo $?'`, 'docker run -it ubuntu bash', 'python3',
    ]);
    expect([s[3].stderr, s[3].exitCode]).toEqual(['nginx: cannot run here: Dockerlings has this program\'s file but does not simulate nginx (package nginx)\n', 126]);
    // a python3 that apk installed runs code (Dockerlings' Python subset, src/shell/lang)
    expect([s[4].stdout, s[4].stderr]).toEqual(['1\n0\n', '']);
    expect([s[6].stderr, s[6].exitCode]).toEqual(['bash: python3: command not found\n', 127]);
  });

  it('a busybox image has no package manager: apt-get is not found even where /usr/bin is missing', async () => {
    const s = await run(['docker pull -q busybox', 'docker run -it busybox', 'apt-get update', 'ls /usr']);
    expect([s[2].stderr, s[2].exitCode]).toEqual(['sh: apt-get: not found\n', 127]);
    expect(s[3].stdout).toBe('sbin\n');
  });
});
