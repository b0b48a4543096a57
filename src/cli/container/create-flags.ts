// The container-config flags shared by `docker run` and `docker create`, and their translation to engine options.
// docker/cli: cli/command/container/opts.go
import { defineFlags, type Options } from '../flags';
import type { CreateOptions, RestartPolicy } from '../../engine/index';
import { StatusError } from '../command';
import { NET_FLAGS, netOptions } from './net-flags';
import { MOUNT_FLAGS, mountOptions } from './mount-flags';
import { HEALTH_FLAGS, healthOptions } from './health-flags';
import { dict } from '../../engine/index';

export const CONTAINER_FLAGS = defineFlags([
  { name: 'attach', unsupported: true, short: 'a', type: 'list', usage: 'Attach to STDIN, STDOUT or STDERR' },
  { name: 'blkio-weight', type: 'uint', valueName: 'uint16', usage: 'Block IO (relative weight), between 10 and 1000, or 0 to disable (default 0)' },
  { name: 'cpu-shares', short: 'c', type: 'int', usage: 'CPU shares (relative weight)' },
  { name: 'cpus', type: 'float', valueName: 'decimal', usage: 'Number of CPUs' },
  { name: 'entrypoint', type: 'string', usage: 'Overwrite the default ENTRYPOINT of the image' },
  { name: 'env', short: 'e', type: 'list', usage: 'Set environment variables' },
  { name: 'env-file', complete: 'files', type: 'list', usage: 'Read in a file of environment variables' },
  { name: 'hostname', short: 'h', type: 'string', usage: 'Container host name' },
  { name: 'interactive', short: 'i', type: 'bool', usage: 'Keep STDIN open even if not attached' },
  { name: 'label', short: 'l', type: 'list', usage: 'Set meta data on a container' },
  { name: 'memory', short: 'm', type: 'bytes', usage: 'Memory limit' },
  { name: 'memory-swap', type: 'bytes', usage: "Swap limit equal to memory plus swap: '-1' to enable unlimited swap" },
  { name: 'name', type: 'string', usage: 'Assign a name to the container' },
  { name: 'privileged', type: 'bool', usage: 'Give extended privileges to this container' },
  { name: 'pull', complete: ['always', 'missing', 'never'], type: 'string', usage: 'Pull image before running ("always", "missing", "never")', default: 'missing' },
  { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress the pull output' },
  { name: 'read-only', type: 'bool', usage: "Mount the container's root filesystem as read only" },
  { name: 'restart', complete: ['no', 'always', 'unless-stopped', 'on-failure'], type: 'string', usage: 'Restart policy to apply when a container exits', default: 'no' },
  { name: 'rm', type: 'bool', usage: 'Automatically remove the container and its associated anonymous volumes when it exits' },
  { name: 'tty', short: 't', type: 'bool', usage: 'Allocate a pseudo-TTY' },
  { name: 'user', short: 'u', type: 'string', usage: 'Username or UID (format: <name|uid>[:<group|gid>])' },
  { name: 'workdir', short: 'w', type: 'string', usage: 'Working directory inside the container' },
  ...NET_FLAGS, // -p/-P/--network/--ip/--dns … (net-flags.ts)
  ...MOUNT_FLAGS, // -v/--mount/--tmpfs/--volumes-from (mount-flags.ts)
  ...HEALTH_FLAGS, // --health-*, --no-healthcheck (health-flags.ts)
]);

/** go-units RAMInBytes: `512m`, `1g`, `100k`, plain bytes. */
export function parseBytes(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)b?$/i.exec(v.trim());
  if (!m) return null;
  const mult = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 }[m[2].toLowerCase() as '' | 'k'];
  return Math.round(parseFloat(m[1]) * mult);
}

function restartPolicy(v: string): RestartPolicy {
  const [name, count] = v.split(':');
  if (!['no', 'always', 'unless-stopped', 'on-failure'].includes(name)) throw new StatusError(`invalid restart policy format: ${v}`, 125);
  if (count !== undefined && name !== 'on-failure') throw new StatusError(`invalid restart policy format: maximum retry count can only be used with 'on-failure'`, 125);
  return { Name: name as RestartPolicy['Name'], MaximumRetryCount: count ? parseInt(count, 10) : 0 };
}

/** Build engine create options from parsed flags (errors are client-side usage errors). */
export function createOptions(image: string, cmd: string[], f: Options<typeof CONTAINER_FLAGS>, attach: boolean): CreateOptions {
  const bytes = (flag: 'memory' | 'memory-swap', v: string) => {
    if (!f.changed(flag)) return 0;
    if (v === '-1' && flag === 'memory-swap') return -1;
    const n = parseBytes(v);
    if (n === null) throw new StatusError(`invalid argument "${v}" for "${flag === 'memory' ? '-m, --memory' : '--' + flag}" flag: invalid size: '${v}'`, 125);
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
    tty: f.tty,
    openStdin: f.interactive,
    attach,
    labels,
    hostConfig: {
      AutoRemove: f.rm,
      RestartPolicy: restartPolicy(f.restart),
      Privileged: f.privileged,
      ReadonlyRootfs: f.readOnly,
      Memory: bytes('memory', f.memory),
      MemorySwap: bytes('memory-swap', f.memorySwap),
      CpuShares: f.cpuShares,
      NanoCpus: f.changed('cpus') ? Math.round(f.cpus * 1e9) : 0,
      BlkioWeight: f.blkioWeight,
      ...net.hostConfig,
      ...storage.hostConfig, // Binds, Mounts, Tmpfs, VolumesFrom
    },
  };
}
