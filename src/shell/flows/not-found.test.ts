// A missing command inside a container reads the way that image's shell says it, for sh -c, bash -c, exec and prompts.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

describe('command not found, per shell', () => {
  it('busybox/alpine ash, Debian dash and bash each word it their own way; pwd is there in busybox', async () => {
    const s = createSession({ headless: true });
    for (const i of ['busybox', 'alpine', 'ubuntu']) await s.run(`docker pull -q ${i}`);
    const err = async (line: string) => (await s.run(line)).stderr;
    expect(await err('docker run --rm busybox sh -c nosuch')).toBe('sh: nosuch: not found\n');
    expect(await err('docker run --rm alpine /bin/sh -c nosuch')).toBe('/bin/sh: nosuch: not found\n');
    expect(await err('docker run --rm ubuntu sh -c nosuch')).toBe('sh: 1: nosuch: not found\n');
    expect(await err('docker run --rm ubuntu bash -c nosuch')).toBe('bash: line 1: nosuch: command not found\n');
    expect((await s.run('docker run --rm busybox sh -c nosuch; echo $?')).stdout).toBe('127\n');
    await s.run('docker run -d --name box busybox sleep 600');
    expect(await err('docker exec box sh -c "nosuch"')).toBe('sh: nosuch: not found\n');
    expect((await s.run('docker run --rm -w /tmp busybox pwd')).stdout).toBe('/tmp\n');
    // at an interactive prompt bash leaves out the line number
    await s.run('docker run -it --name u ubuntu bash');
    expect((await s.run('nosuch')).stderr).toBe('bash: nosuch: command not found\n');
  });
});

describe('docker save of an image that is not there (moby v27.5.1 image/tarexport/save.go parseNames, reference/store.go:19)', () => {
  it('a tag is looked up in the reference store, a bare name or ID in the image store; nothing is written', async () => {
    const s = createSession({ headless: true });
    const r = async (line: string) => {
      const x = await s.run(line);
      return [x.stdout, x.stderr, x.exitCode];
    };
    expect(await r('docker save nosuch:latest')).toEqual(['', 'Error response from daemon: reference does not exist\n', 1]);
    expect(await r('docker save nosuch')).toEqual(['', 'Error response from daemon: No such image: nosuch\n', 1]);
    expect(await r('docker save -o x.tar nosuch@sha256:' + 'a'.repeat(64))).toEqual(['', 'Error response from daemon: reference does not exist\n', 1]);
    expect(await r('ls x.tar')).toEqual(['', "ls: cannot access 'x.tar': No such file or directory\n", 2]);
  });
});
