// docker update: restart policy and resource limits of existing containers, with the client's and the daemon's errors
// (docker/cli v27 cli/command/container/update.go; moby v27 daemon/update.go, container/container_unix.go:260
// UpdateContainer, daemon/daemon_unix.go:402 verifyPlatformContainerResources, api/types/container/hostconfig.go:321).
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

async function run(lines: string[]) {
  const all = await steps(['docker run -d --name u1 busybox sleep 1000', ...lines].join('\n'));
  return all.slice(1).map((s) => [s.stdout, normalizeIds(s.stderr), s.exitCode]);
}

const NOFLAG = 'you must provide one or more flags when using this command\n';

describe('docker update', () => {
  it('changes the restart policy and the limits, echoing each container', async () => {
    expect(
      await run([
        'docker update --restart always u1',
        'docker update -m 100m --memory-swap 200m --memory-reservation 50m --cpus 0.5 -c 512 --cpuset-cpus 0 --pids-limit 100 u1',
        "docker inspect -f '{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}} {{.HostConfig.MemorySwap}} {{.HostConfig.MemoryReservation}} {{.HostConfig.NanoCpus}} {{.HostConfig.CpuShares}} {{.HostConfig.CpusetCpus}} {{.HostConfig.PidsLimit}}' u1",
      ]),
    ).toEqual([
      ['u1\n', '', 0],
      ['u1\n', '', 0],
      ['always 104857600 209715200 52428800 500000000 512 0 100\n', '', 0],
    ]);
  });

  it('client errors: no flag, a bad restart format, a bad size, --cpus that is not a number', async () => {
    expect(await run(['docker update u1', 'docker update --restart on-failure:x u1', 'docker update -m zz u1', 'docker update --cpus abc u1'])).toEqual([
      ['', NOFLAG, 1],
      ['', 'invalid restart policy format: maximum retry count must be an integer\n', 1],
      ['', 'invalid argument "zz" for "-m, --memory" flag: invalid size: \'zz\'\nSee \'docker update --help\'.\n', 125],
      ['', 'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number\nSee \'docker update --help\'.\n', 125],
    ]);
  });

  it('daemon errors: unknown policy, limits out of range, CPUs the host lacks', async () => {
    expect(await run(['docker update --restart bogus u1', 'docker update -m 3m u1', 'docker update --cpus 2 u1', 'docker update --cpuset-cpus 1 u1', 'docker update --cpuset-cpus x u1'])).toEqual([
      ['', "Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\n", 1],
      ['', 'Error response from daemon: Minimum memory limit allowed is 6MB\n', 1],
      ['', 'Error response from daemon: range of CPUs is from 0.01 to 1.00, as there are only 1 CPUs available\n', 1],
      ['', 'Error response from daemon: Requested CPUs are not available - requested 1, available: 0\n', 1],
      ['', 'Error response from daemon: Invalid value x for cpuset cpus: invalid format: x\n', 1],
    ]);
  });

  it('conflicts with what is set: memory above the swap limit, a restart policy on a --rm container', async () => {
    expect(await run(['docker update -m 100m u1', 'docker run -d --rm --name u2 busybox sleep 1000', 'docker update --restart always u2'])).toEqual([
      ['', 'Error response from daemon: Cannot update container <id64>: Memory limit should be smaller than already set memoryswap limit, update the memoryswap at the same time\n', 1],
      [expect.stringMatching(/^[0-9a-f]{64}\n$/), '', 0],
      ['', 'Error response from daemon: Cannot update container <id64>: Restart policy cannot be updated because AutoRemove is enabled for the container\n', 1],
    ]);
  });

  it('updates the containers it can and reports the others', async () => {
    expect(await run(['docker update --restart always nope u1'])).toEqual([['u1\n', 'Error response from daemon: No such container: nope\n', 1]]);
  });

  it('--cpu-period and --cpu-quota: stored, written to cpu.max, bounded, and exclusive with --cpus (as recorded on a real daemon)', async () => {
    expect(
      await run([
        'docker update --cpu-period 50000 --cpu-quota 25000 u1',
        "docker inspect -f '{{.HostConfig.CpuPeriod}} {{.HostConfig.CpuQuota}}' u1",
        'docker exec u1 cat /sys/fs/cgroup/cpu.max',
        'docker update --cpus 1 u1',
        'docker update --cpu-period 10 u1',
        'docker update --cpu-quota 10 u1',
        'docker update --cpus 0.5 --cpu-period 100000 u1',
        'docker run -d --name u2 --cpus 0.5 busybox sleep 1000 >/dev/null',
        'docker update --cpu-quota 50000 u2',
      ]),
    ).toEqual([
      ['u1\n', '', 0],
      ['50000 25000\n', '', 0],
      ['25000 50000\n', '', 0],
      ['', 'Error response from daemon: Cannot update container <id64>: Conflicting options: Nano CPUs cannot be updated as CPU Period has already been set\n', 1],
      ['', 'Error response from daemon: CPU cfs period can not be less than 1ms (i.e. 1000) or larger than 1s (i.e. 1000000)\n', 1],
      ['', 'Error response from daemon: CPU cfs quota can not be less than 1ms (i.e. 1000)\n', 1],
      ['', 'Error response from daemon: Conflicting options: Nano CPUs and CPU Period cannot both be set\n', 1],
      ['', '', 0],
      ['', 'Error response from daemon: Cannot update container <id64>: Conflicting options: CPU Quota cannot be updated as NanoCPUs has already been set\n', 1],
    ]);
  });
});
