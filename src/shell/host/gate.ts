// Before the docker client runs on a bare host: is the CLI installed, which daemon socket (-H, DOCKER_HOST), may this user open it, is dockerd up.
import { cliInstalled, daemonUp, type Engine } from '../../engine/index';
import { hostUser } from './who';
import { startUnit } from './systemctl';

const LOCAL = ['unix:///var/run/docker.sock', 'unix:///run/docker.sock'];

export type Gate = { kind: 'missing' } | { kind: 'run'; argv: string[]; unreachable?: string };

/** The -H/--host values among docker's global flags (before the command name), and argv without them. */
function hostFlags(argv: string[]): { hosts: string[]; rest: string[] } {
  const hosts: string[] = [];
  const rest: string[] = [];
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    if (a === '-H' || a === '--host') hosts.push(argv[++i] ?? '');
    else if (a.startsWith('-H=') || a.startsWith('--host=')) hosts.push(a.slice(a.indexOf('=') + 1));
    else if (a.startsWith('-H')) hosts.push(a.slice(2));
    else rest.push(a);
  }
  return { hosts, rest: [...rest, ...argv.slice(i)] };
}

/** docker's ParseHost: `127.0.0.1:2375` → tcp://127.0.0.1:2375, `tcp://host` → port 2375. */
function normalise(h: string): string {
  if (/^unix:\/\//.test(h) || /^(ssh|fd|npipe):\/\//.test(h)) return h;
  const m = /^(?:tcp:\/\/)?([^:/]*)(?::(\d+))?$/.exec(h);
  return m ? `tcp://${m[1] || '127.0.0.1'}:${m[2] ?? '2375'}` : h;
}

const cannotConnect = (host: string) => `Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?`;

/**
 * What happens before the client's first request: the executable must exist; a socket other than the local one
 * has no daemon listening; the local socket belongs to root:docker (0660); a stopped dockerd whose docker.socket
 * still listens is started by systemd on the first connection (socket activation).
 */
export async function gateDocker(engine: Engine, argv: string[], env: Record<string, string>, daemonJson: () => Promise<string | null>): Promise<Gate> {
  if (!cliInstalled(engine.state)) return { kind: 'missing' };
  const { hosts, rest } = hostFlags(argv);
  const host = normalise(hosts[hosts.length - 1] ?? env.DOCKER_HOST ?? LOCAL[0]);
  if (!LOCAL.includes(host)) return { kind: 'run', argv: rest, unreachable: cannotConnect(host) };
  const h = engine.state.host;
  if (!h) return { kind: 'run', argv: rest };
  const socketUp = h.units['docker.socket']?.active === 'active' || daemonUp(engine.state);
  if (!socketUp) return { kind: 'run', argv: rest, unreachable: cannotConnect(host) };
  const user = hostUser(engine);
  if (user !== 'root' && !(h.dockerGroup && h.shellGroups.includes('docker'))) {
    const path = host.slice('unix://'.length);
    return { kind: 'run', argv: rest, unreachable: `permission denied while trying to connect to the Docker daemon socket at ${host}: Head "http://${encodeURIComponent(path)}/_ping": dial unix ${path}: connect: permission denied` };
  }
  if (!daemonUp(engine.state)) {
    const r = await startUnit(engine, 'docker.service', await daemonJson());
    if (!r.ok) return { kind: 'run', argv: rest, unreachable: cannotConnect(host) };
  }
  return { kind: 'run', argv: rest };
}
