// docker version: client and server versions (Engine 27.5.1), values aligned by docker's tabwriter (minwidth 20).
// docker/cli: cli/command/system/version.go
import { INSPECT_FORMAT_FLAG } from '../flag-texts';
import { defineCommand } from '../command';
import { VERSION } from '../../engine/index';

const row = (key: string, value: string) => `${key.padEnd(19)} ${value}\n`;

export default defineCommand({
  name: 'version',
  use: 'version [OPTIONS]',
  short: 'Show the Docker version information',
  group: 'common',
  args: { min: 0, max: 0 },
  flags: [{ ...INSPECT_FORMAT_FLAG, unsupported: true }],
  async run(ctx) {
    const v = VERSION;
    ctx.out(
      'Client: Docker Engine - Community\n' +
        row(' Version:', v.version) +
        row(' API version:', v.apiVersion) +
        row(' Go version:', v.goVersion) +
        row(' Git commit:', v.cliCommit) +
        row(' Built:', v.built) +
        row(' OS/Arch:', `${v.os}/${v.arch}`) +
        row(' Context:', 'default'),
    );
    if (ctx.unreachable) {
      ctx.err(ctx.unreachable + '\n');
      return 1;
    }
    ctx.out(
        '\nServer: Docker Engine - Community\n Engine:\n' +
        row('  Version:', v.version) +
        row('  API version:', `${v.apiVersion} (minimum version ${v.minApiVersion})`) +
        row('  Go version:', v.goVersion) +
        row('  Git commit:', v.gitCommit) +
        row('  Built:', v.built) +
        row('  OS/Arch:', `${v.os}/${v.arch}`) +
        row('  Experimental:', 'false') +
        ' containerd:\n' +
        row('  Version:', v.containerd.version) +
        row('  GitCommit:', v.containerd.commit) +
        ' runc:\n' +
        row('  Version:', v.runc.version) +
        row('  GitCommit:', v.runc.commit) +
        ' docker-init:\n' +
        row('  Version:', v.init.version) +
        row('  GitCommit:', v.init.commit),
    );
  },
});
