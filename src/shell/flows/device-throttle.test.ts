// --device-read-bps / --device-write-bps / --device-read-iops / --device-write-iops: the client's checks
// (docker/cli v27.5.1 opts/throttledevice.go:16-55), HostConfig.BlkioDevice*, and the cgroup's io.max in the container.
import { describe, expect, it } from 'vitest';
import { steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker pull -q busybox >/dev/null', ...lines].join('\n'));
  return all.slice(1).map((s) => [s.stdout, s.stderr, s.exitCode]);
}

describe('block device throttles', () => {
  it('are kept in HostConfig and written to io.max', async () => {
    expect(
      await run([
        'docker run -d --name io --device-read-bps /dev/sda:1mb --device-write-bps /dev/sda:512kb --device-write-iops /dev/sda:100 busybox sleep 100 >/dev/null',
        "docker inspect -f '{{json .HostConfig.BlkioDeviceReadBps}} {{json .HostConfig.BlkioDeviceWriteBps}} {{json .HostConfig.BlkioDeviceReadIOps}} {{json .HostConfig.BlkioDeviceWriteIOps}}' io",
        'docker exec io cat /sys/fs/cgroup/io.max',
      ]),
    ).toEqual([
      ['', '', 0],
      ['[{"Path":"/dev/sda","Rate":1048576}] [{"Path":"/dev/sda","Rate":524288}] [] [{"Path":"/dev/sda","Rate":100}]\n', '', 0],
      ['8:0 rbps=1048576 wbps=524288 riops=max wiops=100\n', '', 0],
    ]);
  });

  it('a malformed value is a flag error (exit 125) and creates nothing', async () => {
    const tail = "\nSee 'docker run --help'.\n";
    expect(await run(['docker run --rm --device-read-bps sda:1mb busybox true', 'docker run --rm --device-read-bps /dev/sda busybox true', 'docker run --rm --device-write-bps /dev/sda:x busybox true', 'docker run --rm --device-read-iops /dev/sda:1k busybox true', 'docker ps -aq'])).toEqual([
      ['', 'invalid argument "sda:1mb" for "--device-read-bps" flag: bad format for device path: sda:1mb' + tail, 125],
      ['', 'invalid argument "/dev/sda" for "--device-read-bps" flag: bad format: /dev/sda' + tail, 125],
      ['', 'invalid argument "/dev/sda:x" for "--device-write-bps" flag: invalid rate for device: /dev/sda:x. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb' + tail, 125],
      ['', 'invalid argument "/dev/sda:1k" for "--device-read-iops" flag: invalid rate for device: /dev/sda:1k. The correct format is <device-path>:<number>. Number must be a positive integer' + tail, 125],
      ['', '', 0],
    ]);
  });
});
