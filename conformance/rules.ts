// How the recorder's CLI 28.2.2 / Engine 20.10.24 texts become the v27 texts; each rule cites the v27 source that
// gives the text. A rule only rewrites text (never an exit code), and only the steps listed in differences.ts use it.
export interface Rule {
  what: string;
  source: string;
  apply(text: string, line: string): string;
}

const CLI = 'docker/cli v27.5.1';
const MOBY = 'moby/moby v27.5.1';

/** cobra `Short` of each command, as `Usage:` errors print it in v27 (docker/cli v27.5.1 cli/command/<file>:<line>). */
export const SHORT: Record<string, [string, string]> = {
  'docker run': ['Create and run a new container from an image', 'container/run.go:37'],
  'docker container run': ['Create and run a new container from an image', 'container/run.go:37'],
  'docker create': ['Create a new container', 'container/create.go:51'],
  'docker container create': ['Create a new container', 'container/create.go:51'],
  'docker rm': ['Remove one or more containers', 'container/rm.go:33'],
  'docker container rm': ['Remove one or more containers', 'container/rm.go:33'],
  'docker stop': ['Stop one or more running containers', 'container/stop.go:30'],
  'docker exec': ['Execute a command in a running container', 'container/exec.go:49'],
  'docker logs': ['Fetch the logs of a container', 'container/logs.go:32'],
  'docker cp': ['Copy files/folders between a container and the local filesystem', 'container/cp.go:131'],
  'docker start': ['Start one or more stopped containers', 'container/start.go:37'],
  'docker container start': ['Start one or more stopped containers', 'container/start.go:37'],
  'docker pause': ['Pause all processes within one or more containers', 'container/pause.go:26'],
  'docker unpause': ['Unpause all processes within one or more containers', 'container/unpause.go:26'],
  'docker wait': ['Block until one or more containers stop, then print their exit codes', 'container/wait.go:25'],
  'docker port': ['List port mappings or a specific mapping for the container', 'container/port.go:32'],
  'docker rename': ['Rename a container', 'container/rename.go:26'],
  'docker tag': ['Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', 'image/tag.go:23'],
  'docker image tag': ['Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE', 'image/tag.go:23'],
  'docker network create': ['Create a network', 'network/create.go:50'],
  'docker network connect': ['Connect a container to a network', 'network/connect.go:35'],
  'docker network disconnect': ['Disconnect a container from a network', 'network/disconnect.go:24'],
  'docker network rm': ['Remove one or more networks', 'network/remove.go:25'],
  'docker network inspect': ['Display detailed information on one or more networks', 'network/inspect.go:29'],
  'docker volume rm': ['Remove one or more volumes', 'volume/remove.go:27'],
  'docker volume inspect': ['Display detailed information on one or more volumes', 'volume/inspect.go:27'],
  'docker volume create': ['Create a volume', 'volume/create.go:50'],
  'docker image inspect': ['Display detailed information on one or more images', 'image/inspect.go:28'],
  'docker inspect': ['Return low-level information on Docker objects', 'system/inspect.go:35'],
  'docker commit': ['Create a new image from a container\'s changes', 'container/commit.go:31'],
  'docker rmi': ['Remove one or more images', 'image/remove.go:28'],
  'docker image rm': ['Remove one or more images', 'image/remove.go:28'],
  'docker kill': ['Kill one or more running containers', 'container/kill.go:27'],
  'docker restart': ['Restart one or more containers', 'container/restart.go:30'],
};

/** A command group's usage as v27 prints it (cli/cobra.go usageTemplate over the group's subcommands; the container
 *  group's list is docker/cli v27.5.1 cli/command/container/cmd.go:13-47, the same as CLI 28's). */
export const GROUP_USAGE: Record<string, string> = {
  'docker container': "Usage:  docker container COMMAND\n\nManage containers\n\nCommands:\n  attach      Attach local standard input, output, and error streams to a running container\n  commit      Create a new image from a container's changes\n  cp          Copy files/folders between a container and the local filesystem\n  create      Create a new container\n  diff        Inspect changes to files or directories on a container's filesystem\n  exec        Execute a command in a running container\n  export      Export a container's filesystem as a tar archive\n  inspect     Display detailed information on one or more containers\n  kill        Kill one or more running containers\n  logs        Fetch the logs of a container\n  ls          List containers\n  pause       Pause all processes within one or more containers\n  port        List port mappings or a specific mapping for the container\n  prune       Remove all stopped containers\n  rename      Rename a container\n  restart     Restart one or more containers\n  rm          Remove one or more containers\n  run         Create and run a new container from an image\n  start       Start one or more stopped containers\n  stats       Display a live stream of container(s) resource usage statistics\n  stop        Stop one or more running containers\n  top         Display the running processes of a container\n  unpause     Unpause all processes within one or more containers\n  update      Update configuration of one or more containers\n  wait        Block until one or more containers stop, then print their exit codes\n\nRun 'docker container COMMAND --help' for more information on a command.\n",
};

const trimDot = (s: string) => s.replace(/\.$/, '');

export const DECLARED_RULES = {
  'cli-run-error': {
    what: "CLI 28 ends `docker run/create` errors with a blank line and \"Run 'docker run --help' for more information\"; v27 adds a period and \"See 'docker run --help'.\"",
    source: `${CLI} cli/command/container/run.go:296-302 (reportError)`,
    apply: (t: string) => t.replace(/^docker: ([\s\S]*?)\n\nRun '(docker [\w -]+) --help' for more information\n$/, (_m, msg: string, cmd: string) => `docker: ${trimDot(msg)}.\nSee '${cmd} --help'.\n`),
  },
  'cli-run-start-error': {
    what: "CLI 28 adds \"Run 'docker run --help' for more information\" to a failed start; v27 prints the daemon's error with a period and no help line",
    source: `${CLI} cli/command/container/run.go:206 (reportError without help) and 296-302`,
    apply: (t: string) => t.replace(/^docker: ([\s\S]*?)\n\nRun 'docker (?:container )?run --help' for more information\n$/, (_m, msg: string) => `docker: ${trimDot(msg)}.\n`),
  },
  'cli-flag-error': {
    what: "CLI 28 follows a flag error with the usage line and \"Run '… --help' for more information\"; v27 prints \"See '… --help'.\" only",
    source: `${CLI} cli/cobra.go:89-103 (FlagErrorFunc)`,
    apply: (t: string) => t.replace(/^([\s\S]*?)\n\nUsage: {2}[\s\S]*?\n\nRun '(docker[\w -]*?) --help' for more information\n$/, (_m, msg: string, cmd: string) => `${msg}\nSee '${cmd} --help'.\n`),
  },
  'cli-arg-count': {
    what: "CLI 28 words argument-count errors \"docker: 'docker rm' requires at least 1 argument\" with the usage and a help hint last; v27 quotes the command, ends with a period, puts \"See '… --help'.\" first and the command's short description last",
    source: `${CLI} cli/required.go:29-96 (RequiresMinArgs, RequiresMaxArgs, RequiresRangeArgs, ExactArgs) and each command's Short`,
    apply: (t: string) =>
      t.replace(/^docker: '(docker [\w -]+)' requires (at least |at most |)(\d+(?: and at most \d+)?) (arguments?)\n\nUsage: {2}([\s\S]*?)\n\nS?(?:ee|Run) '[\w -]+ --help' for more information\n$/, (_m, cmd: string, how: string, n: string, word: string, use: string) => {
        const short = SHORT[cmd];
        if (!short) throw new Error(`no v27 Short for ${cmd}`);
        return `"${cmd}" requires ${how || 'exactly '}${n} ${word}.\nSee '${cmd} --help'.\n\nUsage:  ${use}\n\n${short[0]}\n`;
      }),
  },
  'cli-unknown-command': {
    what: "CLI 28: \"docker: unknown command: docker bogus\"; v27: \"docker: 'bogus' is not a docker command.\"",
    source: `${CLI} cmd/docker/docker.go:87`,
    apply: (t: string) => t.replace(/^docker: unknown command: docker (\S+)\n\nRun 'docker --help' for more information\n$/, "docker: '$1' is not a docker command.\nSee 'docker --help'\n"),
  },
  'engine-start-error': {
    what: "Engine 20.10 (containerd 1.6) reports a failed start without v27's \"failed to create task for container: \" wrapper and runc's \"error during container init: \"",
    source: `${MOBY} libcontainerd/remote/client.go:237 ("failed to create task for container"); runc 1.1 libcontainer/init_linux.go ("error during container init")`,
    apply: (t: string) => t.replace(/failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec:/g, 'failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec:'),
  },
  'engine-not-running': {
    what: 'Engine 20.10 capitalises "Container <id> is not running"; v27 writes "container <id> is not running"',
    source: `${MOBY} daemon/errors.go:19 (errNotRunning)`,
    apply: (t: string) => t.replace(/Container ([0-9a-f]{64}) is not running/g, 'container $1 is not running'),
  },
  'engine-kill': {
    what: 'Engine 20.10 wraps kill errors as "Cannot kill container: NAME"; v27 as "cannot kill container: NAME" (signal errors included)',
    source: `${MOBY} api/server/router/container/container_routes.go:262; daemon/kill.go:39-46 (signal parsed first)`,
    apply: (t: string, line: string) => {
      const name = line.trim().split(/\s+/).pop()!;
      return t.replace(/Cannot kill container: /g, 'cannot kill container: ').replace(/^Error response from daemon: Invalid signal: (.*)$/m, `Error response from daemon: cannot kill container: ${name}: Invalid signal: $1`);
    },
  },
  'engine-rm-running': {
    what: 'Engine 20.10: "You cannot remove a running container ID. Stop the container before attempting removal or force remove"; v27 names the container',
    source: `${MOBY} daemon/delete.go:96`,
    apply: (t: string, line: string) => {
      const name = line.trim().split(/\s+/).pop()!;
      return t.replace(/You cannot remove a running container [0-9a-f]{64}\. Stop the container before attempting removal or force remove/, `cannot remove container "/${name}": container is running: stop the container before removing or force remove`);
    },
  },
  'engine-invalid-filter': {
    what: 'Engine 20.10 capitalises "Invalid filter"; v27 writes "invalid filter"',
    source: `${MOBY} daemon/list.go:247; api/types/filters/errors.go:12`,
    apply: (t: string) => t.replace(/Invalid filter '/g, "invalid filter '"),
  },
  'cli-attach-detach': {
    what: 'CLI 28: "conflicting options: cannot specify both --attach and --detach"; v27: "Conflicting options: -a and -d"',
    source: `${CLI} cli/command/container/run.go:127`,
    apply: (t: string) => t.replace('conflicting options: cannot specify both --attach and --detach', 'Conflicting options: -a and -d'),
  },
  'cli-restart-rm': {
    what: 'CLI 28: "conflicting options: cannot specify both --restart and --rm"; v27: "Conflicting options: --restart and --rm"',
    source: `${CLI} cli/command/container/opts.go:707`,
    apply: (t: string) => t.replace('conflicting options: cannot specify both --restart and --rm', 'Conflicting options: --restart and --rm'),
  },
  'engine-restart-policy': {
    what: "Engine 20.10: \"invalid restart policy 'X'\"; v27 validates the policy in the API types: \"invalid restart policy: unknown policy 'X'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'\"",
    source: `${MOBY} api/types/container/hostconfig.go:343`,
    apply: (t: string) => t.replace(/invalid restart policy '([^']*)'/, "invalid restart policy: unknown policy '$1'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'"),
  },
  'engine-no-such-image': {
    what: 'Engine 20.10 wraps a missing image as "no such image: REF: No such image: REF:latest"; v27 returns GetImage\'s ErrImageDoesNotExist as it is',
    source: `${MOBY} daemon/images/image.go:30-36 (ErrImageDoesNotExist) and api/server/router/image/image_routes.go:306-308`,
    apply: (t: string) => t.replace(/no such image: [^:\n]+: (No such image: )/, '$1'),
  },
  'cli-group-unknown': {
    what: "CLI 28: \"docker: unknown command: docker container bogus\" with a short usage; v27: the group's Args is cli.NoArgs, which answers with a blank line and the group's full usage",
    source: `${CLI} cli/required.go:16-18 (NoArgs) and cmd/docker/docker.go:52-58`,
    apply: (t: string) =>
      t.replace(/^docker: unknown command: (docker \w+) \S+\n\nUsage: {2}docker \w+\n\nRun 'docker \w+ --help' for more information\n$/, (m, group: string) => {
        const usage = GROUP_USAGE[group];
        if (!usage) throw new Error(`no v27 usage for ${group}`);
        return '\n' + usage;
      }),
  },
  'cli-status-only': {
    what: 'CLI 28 prints "exit status 1" for a status error without text (network rm after its per-network errors); v27 prints nothing more',
    source: `${CLI} cli/command/network/remove.go:71 and cmd/docker/docker.go:52-53 (an empty Status is not printed)`,
    apply: (t: string) => t.replace(/exit status \d+\n$/, ''),
  },
  'env-pulled-busybox': {
    what: "The recorder's busybox was loaded from a tar (no RepoDigests); the simulator's was pulled, so removing its last busybox tag also untags its digest reference",
    source: `${MOBY} daemon/images/image_delete.go:114-131 (the repository's digest references go with its last tag)`,
    apply: (t: string) => t.replace(/^Untagged: busybox:latest\n/m, `Untagged: busybox:latest\nUntagged: busybox@sha256:${'0'.repeat(64)}\n`),
  },
  'engine-pool-overlap': {
    what: 'Engine 20.10: "Pool overlaps with other one on this address space"; v27 prefixes "invalid pool request: "',
    source: `${MOBY} libnetwork/ipams/defaultipam/allocator.go:173`,
    apply: (t: string) => t.replace(/Error response from daemon: Pool overlaps/, 'Error response from daemon: invalid pool request: Pool overlaps'),
  },
  'cli-inspect-type': {
    what: 'CLI 28: "unknown type: \\"bogus\\": must be one of …"; v27: "\\"bogus\\" is not a valid value for --type"',
    source: `${CLI} cli/command/system/inspect.go:57`,
    apply: (t: string) => t.replace(/^unknown type: ("[^"]*"): must be one of .*\n$/, '$1 is not a valid value for --type\n'),
  },
  'engine-network-mode': {
    what: 'Engine 20.10 keeps HostConfig.NetworkMode "default"; v27 stores the default network\'s name, "bridge"',
    source: `${MOBY} api/server/router/container/container_routes.go:504-505`,
    apply: (t: string) => t.replace(/^default$/m, 'bridge'),
  },
  'engine-validate-ipam': {
    what: 'Engine 20.10: "Invalid subnet X : invalid CIDR address: X"; v27 validates the IPAM config first: "invalid network config:\\ninvalid subnet X: invalid CIDR block notation"',
    source: `${MOBY} api/types/network/ipam.go:42-45,75-76`,
    apply: (t: string) => t.replace(/Invalid subnet (\S+) : invalid CIDR address: \S+/, 'invalid network config:\ninvalid subnet $1: invalid CIDR block notation'),
  },
  'engine-endpoint-settings': {
    what: 'Engine 20.10 reports a refused --ip alone; v27 reports every endpoint problem under "invalid config for network NAME: invalid endpoint settings:" (a list when there are several)',
    source: `${MOBY} daemon/create.go:344; daemon/container_operations.go:579-637; runconfig/errors.go:27-29; api/types/network/endpoint.go (IsInRange)`,
    apply: (t: string, line: string) => {
      const net = /--network (\S+)/.exec(line)?.[1] ?? '';
      const ip = /--ip (\S+)/.exec(line)?.[1] ?? '';
      return t
        .replace(/(user specified IP address is supported on user defined networks only)/, `invalid config for network ${net}: invalid endpoint settings:\n$1`)
        .replace(/(user specified IP address is supported only when connecting to networks with user configured subnets)/, `invalid config for network ${net}: invalid endpoint settings:\n* $1\n* no configured subnet or ip-range contain the IP address ${ip}`);
    },
  },
  'engine-commit-change': {
    what: 'Engine 20.10 lower-cases the instruction in "bogus is not a valid change command"; v27 keeps it as typed (buildkit\'s parser)',
    source: `${MOBY} builder/dockerfile/builder.go:342-345; vendor/github.com/moby/buildkit/frontend/dockerfile/parser/parser.go:239`,
    apply: (t: string, line: string) => {
      const word = /-c '(\S+)/.exec(line)?.[1] ?? '';
      return t.replace(/^(Error response from daemon: )\S+( is not a valid change command)$/m, `$1${word}$2`);
    },
  },
  'env-vfs-driver': {
    what: 'The recorder runs dockerd with the vfs storage driver (it needs no kernel overlay support); a v27 host picks overlay2',
    source: `${MOBY} daemon/graphdriver/driver_linux.go:53 (priority "overlay2,…,vfs")`,
    apply: (t: string) => t.replace(/^vfs$/m, 'overlay2'),
  },
  'env-fresh-docker0': {
    what: "Each recording starts dockerd in a new namespace where docker0 does not exist yet; a host where Docker ran before has docker0, and v27 then puts its address as the default bridge's IPAM Gateway",
    source: `${MOBY} daemon/daemon_unix.go:955-981 (initBridgeDriver)`,
    // the range's `Subnet Gateway` line, or the IPAM config printed as Go structs ({Subnet IPRange Gateway AuxAddress})
    apply: (t: string) => t.replace(/^172\.17\.0\.0\/16 ?$/m, '172.17.0.0/16 172.17.0.1').replace(/\{172\.17\.0\.0\/16 {3}map\[\]\}/g, '{172.17.0.0/16  172.17.0.1 map[]}'),
  },
  'engine-ipv6-lo': {
    what: "Engine 20.10 turned IPv6 off on every interface of a new container namespace, so lo had no ::1; v27 leaves the kernel's ::1 on lo (and detects IPv6 from it), so `ip -o addr` lists one line more",
    source: `${MOBY} libnetwork/osl/namespace_linux.go:547-549 (IPv6LoEnabled: '::1' is assigned by the kernel if IPv6 is enabled; 20.10's NewSandbox disabled it, v20.10.24 vendor/github.com/docker/libnetwork/osl/namespace_linux.go:282)`,
    apply: (t: string, line: string) => (/ip -o addr show \| wc -l$/.test(line) ? t.replace(/^(\d+)$/m, (_m, n: string) => String(Number(n) + 1)) : t),
  },
  'engine-aliases-short-id': {
    what: "Engine 20.10 adds the container's short ID to its Aliases on a user network; from API 1.45 (v27 speaks 1.47) Aliases hold only the aliases given, the short ID being among DNSNames",
    source: `${MOBY} daemon/inspect.go:31-40 (the short ID is appended only for API < 1.45)`,
    apply: (t: string) => t.replace(/^\[(.*) [0-9a-f]{12}\]$/m, '[$1]'),
  },
  'cli-group-help': {
    what: 'CLI 28 starts a command group\'s help with "Usage:"; v27\'s help template starts with a blank line',
    source: `${CLI} cli/cobra.go:524-525 (helpTemplate) and cli/command/cli.go:144-149 (ShowHelp, on stderr)`,
    apply: (t: string) => t.replace(/^Usage: {2}docker /, '\nUsage:  docker '),
  },
  'cli-stop-time': {
    what: 'CLI 28 renamed docker stop/restart\'s -t flag to --timeout; v27 calls it --time',
    source: `${CLI} cli/command/container/stop.go:45`,
    apply: (t: string) => t.replace('for "-t, --timeout" flag', 'for "-t, --time" flag'),
  },
} satisfies Record<string, Rule>;

export type RuleId = keyof typeof DECLARED_RULES;
