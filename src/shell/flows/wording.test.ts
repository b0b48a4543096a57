// Wording and exit codes checked against the v27 sources (docker/cli v27.5.1, moby v27.5.1; file:line in each test).
import { describe, expect, it } from 'vitest';
import { normalizeIds, steps } from '../transcript';

/** [stdout, stderr, exit] of each line after the first `setup` lines (ids normalised). */
async function out(lines: string[], setup = 0) {
  return (await steps(lines.join('\n'))).slice(setup).map((s) => [normalizeIds(s.stdout), normalizeIds(s.stderr), s.exitCode]);
}
const help = "\nSee 'docker run --help'.\n";

describe('docker run option errors', () => {
  it('restart policies: the daemon refuses an unknown name (api/types/container/hostconfig.go:343), the client a bad count (opts/parse.go:90) and --rm with a policy (cli/command/container/opts.go:706)', async () => {
    expect(await out(['docker run --restart bogus busybox true', 'docker run --restart on-failure:x busybox true', 'docker run --rm --restart always busybox true'])).toEqual([
      ['', "docker: Error response from daemon: invalid restart policy: unknown policy 'bogus'; use one of 'no', 'always', 'on-failure', or 'unless-stopped'." + help, 125],
      ['', 'docker: invalid restart policy format: maximum retry count must be an integer.' + help, 125],
      ['', 'docker: Conflicting options: --restart and --rm.' + help, 125],
    ]);
  });

  it('flag value errors end with the help line: --cpus abc (opts/opts.go NanoCPUs.Set), -m zz', async () => {
    expect(await out(['docker run --cpus abc busybox true', 'docker run -m zz busybox true'])).toEqual([
      ['', 'invalid argument "abc" for "--cpus" flag: failed to parse abc as a rational number' + help, 125],
      ['', 'invalid argument "zz" for "-m, --memory" flag: invalid size: \'zz\'' + help, 125],
    ]);
  });

  it('the daemon range errors: --cpus above the CPU count, --memory-swappiness (daemon/daemon_unix.go:431,497), -w relative (daemon/container.go)', async () => {
    expect(await out(['docker run --cpus 2 busybox true', 'docker run --memory-swappiness 200 busybox true', 'docker run -w relative busybox true'])).toEqual([
      ['', 'docker: Error response from daemon: range of CPUs is from 0.01 to 1.00, as there are only 1 CPUs available.' + help, 125],
      ['', 'docker: Error response from daemon: Invalid value: 200, valid memory swappiness range is 0-100.' + help, 125],
      ['', "docker: Error response from daemon: the working directory 'relative' is invalid, it needs to be an absolute path." + help, 125],
    ]);
  });

  it('--memory-swappiness in range is kept (HostConfig.MemorySwappiness)', async () => {
    const all = await out(['docker run -d --name sw --memory-swappiness 10 busybox sleep 9', 'docker inspect -f "{{.HostConfig.MemorySwappiness}}" sw'], 1);
    expect(all).toEqual([['10\n', '', 0]]);
  });
});

describe('daemon and client wording', () => {
  it('--network container:NAME is stored as container:<full id> (daemon/daemon_unix.go adaptSharedNamespaceContainer)', async () => {
    const all = await steps('docker run -d --name base busybox sleep 1000\ndocker run -d --name joined --network container:base busybox sleep 1000\ndocker inspect -f "{{.HostConfig.NetworkMode}}" joined');
    expect(all[2].stdout).toBe(`container:${all[0].stdout.trim()}\n`);
  });

  it('docker port echoes the port as typed (cli/command/container/port.go)', async () => {
    expect(await out(['docker run -d --name web -p 8080:80 nginx', 'docker port web 81', 'docker port web 80'], 1)).toEqual([
      ['', "Error: No public port '81' published for web\n", 1],
      ['0.0.0.0:8080\n[::]:8080\n', '', 0],
    ]);
  });

  it('docker kill of a missing container (api/server/router/container/container_routes.go:262)', async () => {
    expect(await out(['docker kill nope'])).toEqual([['', 'Error response from daemon: cannot kill container: nope: No such container: nope\n', 1]]);
  });

  it('docker rmi -f of a missing image prints the error and exits 0 (cli/command/image/remove.go runRemove)', async () => {
    expect(await out(['docker rmi -f missing', 'docker rmi missing'])).toEqual([
      ['', 'Error response from daemon: No such image: missing:latest\n', 0],
      ['', 'Error response from daemon: No such image: missing:latest\n', 1],
    ]);
  });

  it('a network made with only --subnet has no Gateway in its IPAM config', async () => {
    expect(await out(['docker network create --subnet 10.9.0.0/24 sn', 'docker network inspect -f "{{json .IPAM.Config}}" sn', 'docker network create --subnet 10.8.0.0/24 --gateway 10.8.0.254 gw', 'docker network inspect -f "{{json .IPAM.Config}}" gw'])).toEqual([
      ['<id64>\n', '', 0],
      ['[{"Subnet":"10.9.0.0/24"}]\n', '', 0],
      ['<id64>\n', '', 0],
      ['[{"Subnet":"10.8.0.0/24","Gateway":"10.8.0.254"}]\n', '', 0],
    ]);
  });

  it('docker info --format (cli/command/system/info.go formatInfo)', async () => {
    expect(await out(["docker info --format '{{.ServerVersion}} {{.NCPU}} {{.Containers}} {{.ClientInfo.Context}}'", "docker info --format '{{'"])).toEqual([
      ['27.5.1 1 0 default\n', '', 0],
      ['', 'template parsing error: template: :1: unclosed action\n', 64],
    ]);
  });

  it('docker logout when not logged in (cli/command/registry/logout.go) and the --password warning first (login.go:84)', async () => {
    expect(await out(['docker logout', 'docker login -u bob -p secret --password-stdin'])).toEqual([
      ['Removing login credentials for https://index.docker.io/v1/\n', '', 0],
      ['', 'WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n--password and --password-stdin are mutually exclusive\n', 1],
    ]);
  });

  it('the push of a missing image names the tag and the repository first (distribution/push.go:34)', async () => {
    expect(await out(['docker push missing'])).toEqual([['Using default tag: latest\nThe push refers to repository [docker.io/library/missing]\n', 'An image does not exist locally with the tag: missing\n', 1]]);
  });

  it('a full user network (libnetwork/endpoint.go:1156)', async () => {
    const all = await steps('docker network create --subnet 10.10.0.0/30 tiny\ndocker run -d --network tiny busybox sleep 100\ndocker run -d --network tiny busybox sleep 100');
    const id = all[0].stdout.trim();
    expect([all[2].stderr.split('\n').slice(-2)[0], all[2].exitCode]).toEqual([`docker: Error response from daemon: no available IPv4 addresses on this network's address pools: tiny (${id}).`, 125]);
  });
});
