// The host's own commands for a lesson that starts before Docker: sudo, systemctl, journalctl, the docker group, lsb_release, gpg, dpkg.
import { defineCommand, type CustomCommand } from 'just-bash';
import type { Engine } from '../../engine/index';
import { sudo } from './sudo';
import { groupadd, gpasswd, newgrp, usermod } from './accounts';
import { journalctl, service, systemctl } from './systemctl';
import { dpkg, getent, gpg, lsbRelease } from './tools';
import { dockerlingsHost } from './bare';

export { gateDocker } from './gate';
export { syncDockerRoot } from './docker-root';
export { hostMay } from './who';
export { takeLogin, LOGIN_USER } from './bare';
export { hostUser } from './who';

export function hostCommands(engine: Engine): CustomCommand[] {
  return [
    defineCommand('sudo', (a, ctx) => sudo(engine, a, ctx)),
    defineCommand('systemctl', (a, ctx) => systemctl(engine, a, ctx)),
    defineCommand('journalctl', (a) => journalctl(engine, a)),
    defineCommand('service', (a, ctx) => service(engine, a, ctx)),
    defineCommand('groupadd', (a, ctx) => groupadd(engine, a, ctx)),
    defineCommand('usermod', (a, ctx) => usermod(engine, a, ctx)),
    defineCommand('gpasswd', (a, ctx) => gpasswd(engine, a, ctx)),
    defineCommand('newgrp', (a, ctx) => newgrp(engine, a, ctx)),
    defineCommand('lsb_release', (a, ctx) => lsbRelease(a, ctx)),
    defineCommand('gpg', (a, ctx) => gpg(engine, a, ctx)),
    defineCommand('dpkg', (a, ctx) => dpkg(a, ctx)),
    defineCommand('getent', (a, ctx) => getent(a, ctx)),
    defineCommand('dockerlings-host', (a, ctx) => dockerlingsHost(engine, a, ctx)),
  ];
}
