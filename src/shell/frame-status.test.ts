// `$?` in a container's interactive shell is the status of the line before, as in any shell.
import { describe, expect, it } from 'vitest';
import { lineSession } from './test-support';

describe('$? in a container shell', () => {
  it('bash (docker exec -it) and busybox sh (docker run -it) carry the last status to the next line', async () => {
    const { line } = lineSession();
    await line('docker run -d --name box ubuntu sleep 1000 2>/dev/null');
    await line('docker exec -it box bash');
    await line('false');
    expect(await line('echo $?')).toEqual(['1\n', '', 0]);
    await line('ls /nope');
    expect(await line('echo $?')).toEqual(['2\n', '', 0]);
    expect(await line('echo $?')).toEqual(['0\n', '', 0]);
    await line('exit');
    await line('docker run -it --rm alpine sh 2>/dev/null');
    await line('grep -q x /etc/hostname');
    expect(await line('echo $?')).toEqual(['1\n', '', 0]);
  });
});
