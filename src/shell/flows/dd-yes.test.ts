// dd and yes, as the seed uses them: dd's records and rate in GNU's and busybox's words, the time a write throttle
// (--device-write-bps) makes a direct write take, the file it leaves; yes feeding a pipe.
import { describe, expect, it } from 'vitest';
import { createSession } from '../session';

async function session() {
  const s = createSession({ headless: true });
  await s.run('docker pull -q ubuntu');
  await s.run('docker pull -q busybox');
  return s;
}

describe('dd', () => {
  it("copies from /dev/zero at the page cache's speed and reports as coreutils and busybox do", async () => {
    const s = await session();
    const gnu = await s.run('docker run --rm ubuntu dd if=/dev/zero of=/tmp/f bs=1M count=10');
    expect(gnu.stderr).toBe('10+0 records in\n10+0 records out\n10485760 bytes (10 MB, 10 MiB) copied, 0.00746256 s, 1.4 GB/s\n');
    expect(gnu.exitCode).toBe(0);
    expect((await s.run('docker run --rm busybox dd if=/dev/zero of=/tmp/f bs=1M count=10')).stderr).toBe('10+0 records in\n10+0 records out\n10485760 bytes (10.0MB) copied, 0.007463 seconds, 1.3GB/s\n');
    expect((await s.run('dd if=/dev/zero of=/tmp/x bs=512 count=1')).stderr).toBe('1+0 records in\n1+0 records out\n512 bytes copied, 0.000231353 s, 2.2 MB/s\n');
  });

  it('a direct write under --device-write-bps takes as long as the rate allows, in simulated time', async () => {
    const s = await session();
    const before = s.engine.now();
    const r = await s.run('docker run --rm --device-write-bps /dev/sda:1mb ubuntu dd if=/dev/zero of=/tmp/f bs=1M count=10 oflag=direct');
    expect(r.stderr).toBe('10+0 records in\n10+0 records out\n10485760 bytes (10 MB, 10 MiB) copied, 10.0002 s, 1.0 MB/s\n');
    expect(s.engine.now() - before).toBeGreaterThanOrEqual(10_000);
    // without direct I/O the page cache takes it at once
    expect((await s.run('docker run --rm --device-write-bps /dev/sda:1mb ubuntu dd if=/dev/zero of=/tmp/f bs=1M count=10')).stderr).toContain('copied, 0.00746256 s, 1.4 GB/s');
  });

  it('leaves a file of the size written, copies a file and stdin, and says when an operand is wrong', async () => {
    const s = await session();
    expect((await s.run('docker run --rm ubuntu sh -c "dd if=/dev/zero of=/tmp/big bs=1M count=100 2>/dev/null && stat -c %s /tmp/big"')).stdout).toBe('104857600\n');
    expect((await s.run('echo hello | dd 2>/dev/null')).stdout).toBe('hello\n');
    await s.run('printf abcdef > /tmp/in');
    expect((await s.run('dd if=/tmp/in of=/tmp/out bs=4 2>&1; cat /tmp/out')).stdout).toBe('1+1 records in\n1+1 records out\n6 bytes copied, 0.000231004 s, 26 kB/s\nabcdef');
    expect(await s.run('dd if=/nope of=/tmp/o')).toMatchObject({ stderr: "dd: failed to open '/nope': No such file or directory\n", exitCode: 1 });
    expect(await s.run('dd bogus')).toMatchObject({ stderr: "dd: unrecognized operand 'bogus'\nTry 'dd --help' for more information.\n", exitCode: 1 });
  });
});

describe('yes', () => {
  it('feeds a pipe as much as its reader takes, with its own word or y', async () => {
    const s = await session();
    expect((await s.run('yes | head -3')).stdout).toBe('y\ny\ny\n');
    expect((await s.run('yes no | head -n 2')).stdout).toBe('no\nno\n');
    expect((await s.run('yes | head -n 5000 | wc -l')).stdout).toBe('5000\n');
    expect((await s.run('docker run --rm busybox sh -c "yes ok | head -2"')).stdout).toBe('ok\nok\n');
  });
});
