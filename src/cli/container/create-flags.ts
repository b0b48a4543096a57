// The container-config flags shared by `docker run` and `docker create`, and their translation to engine options.
// docker/cli: cli/command/container/opts.go
import { defineFlags, FlagError, type Options } from '../flags';
import type { CreateOptions, RestartPolicy, ThrottleDevice } from '../../engine/index';
import { StatusError } from '../command';
import { NET_FLAGS, netOptions } from './net-flags';
import { MOUNT_FLAGS, mountOptions } from './mount-flags';
import { HEALTH_FLAGS, healthOptions } from './health-flags';
import { parseBytes, sizeError } from '../opts/bytes';
import { dict } from '../../engine/index';
import { nanoCpus } from '../opts/cpus';
import { parseRestartPolicy } from '../opts/restart';
import { OptError } from './net-flags';

export const CONTAINER_FLAGS = defineFlags([
  { name: 'attach', short: 'a', type: 'list', usage: 'Attach to STDIN, STDOUT or STDERR' },
  { name: 'blkio-weight', type: 'uint', valueName: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
  { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
  { name: 'cpus', type: 'string', valueName: 'decimal', usage: 'Number of CPUs' },
  { name: 'device-read-bps', type: 'list', usage: 'Limit read rate (bytes per second) from a device' },
  { name: 'device-read-iops', type: 'list', usage: 'Limit read rate (IO per second) from a device' },
  { name: 'device-write-bps', type: 'list', usage: 'Limit write rate (bytes per second) to a device' },
  { name: 'device-write-iops', type: 'list', usage: 'Limit write rate (IO per second) to a device' },
  { name: 'entrypoint', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'env-file', complete: 'files', type: 'list', usage: 'Read in a file of environment variables' },
  { name: 'hostname', short: 'h', type: 'string', usage: 'Container host name' },
  { name: 'init', type: 'bool', usage: 'Run an init inside the container that forwards signals and reaps processes' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  { name: 'label', short: 'l', type: 'list', usage: 'Set meta data on a container' },
  { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
  { name: 'memory-swappiness', type: 'int', usage: 'Tune container memory swappiness (0 to 100) (default -1)' },
  { name: 'memory-swap', type: 'bytes', usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
  { name: 'name', type: 'string', usage: 'Assign a name to the container' },
  { name: 'privileged', type: 'bool', usage: 'Give extended privileges to this container' },
  { name: 'pull', complete: ['always', 'missing', 'never'], type: 'string', usage: 'Pull image before running ("always", "missing", "never")', default: 'missing' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the pull output' },
  { name: 'read-only', type: 'bool', usage: "Mount the container's root filesystem as read only" },
  { name: 'restart', complete: ['no', 'always', 'unless-stopped', 'on-failure'], type: 'string', usage: 'Restart policy to apply when a container exits', default: 'no' },
  { name: 'rm', type: 'bool', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { name: 'stop-signal', type: 'string', usage: 'Signal to stop the container' },
  { name: 'stop-timeout', type: 'int', usage: 'Timeout (in seconds) to stop a container' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
  { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ...NET_FLAGS, // -p/-P/--network/--ip/--dns … (net-flags.ts)
  ...MOUNT_FLAGS, // -v/--mount/--tmpfs/--volumes-from (mount-flags.ts)
  ...HEALTH_FLAGS, // --health-*, --no-healthcheck (health-flags.ts)
]);

function restartPolicy(v: string): RestartPolicy {
  try {
    return parseRestartPolicy(v) as RestartPolicy;
  } catch (e) {
    throw new OptError((e as Error).message);
  }
}

/** opts.ValidateThrottleBpsDevice / ValidateThrottleIOpsDevice (docker/cli v27.5.1 opts/throttledevice.go:16-55): a
 *  flag value error, so FlagErrorFunc adds the See line (exit 125). */
function throttles(flag: string, values: string[], bps: boolean): ThrottleDevice[] {
  return values.map((val) => {
    const i = val.indexOf(':');
    const fail = (msg: string) => new FlagError(`invalid argument "${val}" for "--${flag}" flag: ${msg}`);
    if (i <= 0) throw fail(`bad format: ${val}`);
    const path = val.slice(0, i);
    const v = val.slice(i + 1);
    if (!path.startsWith('/dev/')) throw fail(`bad format for device path: ${val}`);
    const rate = bps ? parseBytes(v) : /^\d+$/.test(v) ? Number(v) : null;
    if (rate === null || rate < 0) {
      throw fail(bps ? `invalid rate for device: ${val}. The correct format is <device-path>:<number>[<unit>]. Number must be a positive integer. Unit is optional and can be kb, mb, or gb` : `invalid rate for device: ${val}. The correct format is <device-path>:<number>. Number must be a positive integer`);
    }
    return { Path: path, Rate: rate };
  });
}

/** Build engine create options from parsed flags (errors are client-side usage errors). */
export function createOptions(image: string, cmd: string[], f: Options<typeof CONTAINER_FLAGS>, attach: boolean): CreateOptions {
  const bytes = (flag: 'memory' | 'memory-swap', v: string) => {
    if (!f.changed(flag)) return 0;
    if (v === '-1' && flag === 'memory-swap') return -1;
    const n = parseBytes(v);
    // a flag value error (opts.MemBytes.Set): FlagErrorFunc adds the See line, exit 125
    if (n === null) throw new FlagError(`invalid argument "${v}" for "${flag === 'memory' ? '-m, --memory' : '--' + flag}" flag: ${sizeError(v)}`);
    return n;
  };
  const labels: Record<string, string> = dict();
  for (const l of f.label) {
    const i = l.indexOf('=');
    labels[i < 0 ? l : l.slice(0, i)] = i < 0 ? '' : l.slice(i + 1);
  }
  const net = netOptions(f);
  const storage = mountOptions(f);
  const healthcheck = healthOptions(f);
  const policy = restartPolicy(f.restart);
  // cli/command/container/opts.go:706 (v27)
  if (f.rm && policy.Name !== 'no' && (policy.Name as string) !== '') throw new OptError('Conflicting options: --restart and --rm');
  return {
    image,
    cmd,
    networks: net.networks,
    net: net.net,
    mounts: storage.mounts,
    ...(healthcheck ? { healthcheck } : {}),
    ...(f.changed('name') ? { name: f.name } : {}),
    ...(f.changed('entrypoint') ? { entrypoint: [f.entrypoint] } : {}),
    env: f.env,
    ...(f.changed('workdir') ? { workdir: f.workdir } : {}),
    ...(f.changed('user') ? { user: f.user } : {}),
    ...(f.changed('hostname') ? { hostname: f.hostname } : {}),
    ...(f.stopSignal ? { stopSignal: f.stopSignal } : {}),
    ...(f.changed('stop-timeout') ? { stopTimeout: f.stopTimeout } : {}),
    tty: f.tty,
    openStdin: f.interactive,
    attach,
    labels,
    hostConfig: {
      AutoRemove: f.rm,
      RestartPolicy: policy,
      Privileged: f.privileged,
      ReadonlyRootfs: f.readOnly,
      Memory: bytes('memory', f.memory),
      MemorySwap: bytes('memory-swap', f.memorySwap),
      CpuShares: f.cpuShares,
      NanoCpus: f.changed('cpus') ? nanoCpus(f.cpus) : 0,
      // pflag default -1 means unset (cli/command/container/opts.go swappiness)
      MemorySwappiness: f.changed('memory-swappiness') && f.memorySwappiness !== -1 ? f.memorySwappiness : null,
      BlkioWeight: f.blkioWeight,
      ...(f.changed('init') ? { Init: f.init } : {}), // opts.go:711-713: only when given
      ...(f.deviceReadBps.length ? { BlkioDeviceReadBps: throttles('device-read-bps', f.deviceReadBps, true) } : {}),
      ...(f.deviceWriteBps.length ? { BlkioDeviceWriteBps: throttles('device-write-bps', f.deviceWriteBps, true) } : {}),
      ...(f.deviceReadIops.length ? { BlkioDeviceReadIOps: throttles('device-read-iops', f.deviceReadIops, false) } : {}),
      ...(f.deviceWriteIops.length ? { BlkioDeviceWriteIOps: throttles('device-write-iops', f.deviceWriteIops, false) } : {}),
      ...net.hostConfig,
      ...storage.hostConfig, // Binds, Mounts, Tmpfs, VolumesFrom
    },
  };
}
