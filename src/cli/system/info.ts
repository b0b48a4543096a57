// docker info / docker system info: client plugins and the daemon's configuration and counts (Engine 27 layout).
// docker/cli: cli/command/system/info.go (prettyPrintClientInfo, prettyPrintServerInfo)
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand, StatusError } from '../command';
import { parseTemplate, TemplateError } from '../format/template';
import { allContainers, daemonConfig, HOST, sha256Hex, VERSION } from '../../engine/index';
import { bytesSize } from '../format';
import { COMPOSE_VERSION } from '../compose/model';


/** A stable daemon ID in UUID form (daemon ID since Engine 23). */
function daemonId(): string {
  const h = sha256Hex('dockerlings daemon');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

export default defineCommand({
  name: 'info',
  use: 'info [OPTIONS]',
  short: 'Display system-wide information',
  group: 'common',
  args: { min: 0, max: 0 },
  flags: [INSPECT_FORMAT_FLAG],
  async run(ctx, _args, f) {
    const s = ctx.engine.state;
    const all = allContainers(s);
    const running = all.filter((c) => c.state.status === 'running' || c.state.status === 'restarting').length;
    const paused = all.filter((c) => c.state.status === 'paused').length;
    const v = VERSION;
    if (f.format) {
      // cli/command/system/info.go formatInfo: the template sees the daemon's system.Info plus ClientInfo
      const info = {
        ID: daemonId(), Containers: all.length, ContainersRunning: running, ContainersPaused: paused, ContainersStopped: all.length - running - paused,
        Images: Object.keys(s.images).length, Driver: 'overlay2', LoggingDriver: 'json-file', CgroupDriver: 'systemd', CgroupVersion: '2',
        KernelVersion: '6.8.0-49-generic', OperatingSystem: 'Ubuntu 24.04.1 LTS', OSVersion: '24.04', OSType: 'linux', Architecture: 'x86_64',
        NCPU: HOST.cpus, MemTotal: HOST.memory, DockerRootDir: '/var/lib/docker', Name: 'dockerlings', ServerVersion: v.version,
        DefaultRuntime: 'runc', LiveRestoreEnabled: false, Isolation: '', InitBinary: 'docker-init', Debug: false, ExperimentalBuild: false,
        SecurityOptions: ['name=apparmor', 'name=seccomp,profile=builtin', 'name=cgroupns'],
        ClientInfo: { Debug: false, Version: v.version, Context: 'default', Plugins: [{ Name: 'buildx', Vendor: 'Docker Inc.', Version: 'v0.20.0', ShortDescription: 'Docker Buildx', Path: '/usr/libexec/docker/cli-plugins/docker-buildx' }], Warnings: null },
      };
      let tmpl;
      try {
        tmpl = parseTemplate(f.format === 'json' ? '{{json .}}' : f.format);
      } catch (e) {
        throw new StatusError(`template parsing error: ${(e as Error).message}`, 64);
      }
      try {
        ctx.out(tmpl.execute(info, { missingKey: 'error' }) + '\n');
      } catch (e) {
        if (e instanceof TemplateError) throw new StatusError(e.message, 1);
        throw e;
      }
      return 0;
    }
    ctx.out(
      [
        'Client: Docker Engine - Community',
        ` Version:    ${v.version}`,
        ' Context:    default',
        ' Debug Mode: false',
        // the engine packages with the buildx and compose plugins (docker-buildx-plugin, docker-compose-plugin)
        ' Plugins:',
        '  buildx: Docker Buildx (Docker Inc.)',
        '    Version:  v0.20.0',
        '    Path:     /usr/libexec/docker/cli-plugins/docker-buildx',
        '  compose: Docker Compose (Docker Inc.)',
        `    Version:  v${COMPOSE_VERSION}`,
        '    Path:     /usr/libexec/docker/cli-plugins/docker-compose',
        '',
        'Server:',
      ].join('\n') + '\n',
    );
    if (ctx.unreachable) {
      // cli/command/system/info.go: the server part is an error, and the command fails after printing what it could
      ctx.out(`ERROR: ${ctx.unreachable}\n`);
      ctx.err('errors pretty printing info\n');
      return 1;
    }
    const conf = daemonConfig(s);
    ctx.out(
      [
        ` Containers: ${all.length}`,
        `  Running: ${running}`,
        `  Paused: ${paused}`,
        `  Stopped: ${all.length - running - paused}`,
        ` Images: ${Object.keys(s.images).length}`,
        ` Server Version: ${v.version}`,
        ' Storage Driver: overlay2',
        '  Backing Filesystem: extfs',
        '  Supports d_type: true',
        '  Using metacopy: false',
        '  Native Overlay Diff: true',
        '  userxattr: false',
        ' Logging Driver: json-file',
        ' Cgroup Driver: systemd',
        ' Cgroup Version: 2',
        ' Plugins:',
        '  Volume: local',
        '  Network: bridge host ipvlan macvlan null overlay',
        '  Log: awslogs fluentd gcplogs gelf journald json-file local splunk syslog',
        ' Swarm: inactive',
        ' Runtimes: io.containerd.runc.v2 runc',
        ' Default Runtime: runc',
        ' Init Binary: docker-init',
        ` containerd version: ${v.containerd.commit}`,
        ` runc version: ${v.runc.commit}`,
        ` init version: ${v.init.commit}`,
        ' Security Options:',
        '  apparmor',
        '  seccomp',
        '   Profile: builtin',
        '  cgroupns',
        ' Kernel Version: 6.8.0-49-generic',
        ' Operating System: Ubuntu 24.04.1 LTS',
        ' OSType: linux',
        ' Architecture: x86_64',
        ` CPUs: ${HOST.cpus}`,
        ` Total Memory: ${bytesSize(HOST.memory)}`,
        ' Name: dockerlings',
        ` ID: ${daemonId()}`,
        ' Docker Root Dir: /var/lib/docker',
        ' Debug Mode: false',
        ' Experimental: false',
        ' Insecure Registries:',
        ...conf.insecureRegistries.filter((r) => !/\/\d+$/.test(r)).map((r) => `  ${r}`),
        '  127.0.0.0/8',
        ...conf.insecureRegistries.filter((r) => /\/\d+$/.test(r)).map((r) => `  ${r}`),
        ...(conf.registryMirrors.length ? [' Registry Mirrors:', ...conf.registryMirrors.map((m) => `  ${m}`)] : []),
        ' Live Restore Enabled: false',
        '',
      ].join('\n'),
    );
  },
});
