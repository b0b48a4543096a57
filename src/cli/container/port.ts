// docker container port / docker port: the host addresses a container's ports are published on.
// docker/cli: cli/command/container/port.go (natural sort; "Error: No public port '80' published for web", the port as typed)
import { defineCommand, StatusError } from '../command';
import { isRunning } from '../../engine/index';
import { naturalLess } from '../network/ls';

const joinHostPort = (ip: string, port: number) => (ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`);

export default defineCommand({
  name: 'port',
  use: 'port CONTAINER [PRIVATE_PORT[/PROTO]]',
  aliasPaths: ['docker container port', 'docker port'],
  short: 'List port mappings or a specific mapping for the container',
  completeArgs: ['containers', 'none'],
  topLevel: { group: 'commands' },
  args: { min: 1, max: 2 },
  async run(ctx, [ref, spec]) {
    const c = ctx.engine.container.get(ref);
    const ports = isRunning(c) ? c.ports : [];
    const out: string[] = [];
    if (spec !== undefined) {
      let [port, proto] = [spec, 'tcp'];
      const i = spec.indexOf('/');
      if (i >= 0 && spec.slice(i + 1) !== '') [port, proto] = [spec.slice(0, i), spec.slice(i + 1)];
      else if (i >= 0) port = spec.slice(0, i);
      if (!/^\d+$/.test(port)) throw new StatusError(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: invalid syntax`, 1);
      if (Number(port) > 65535) throw new StatusError(`Error: invalid port (${port}): strconv.ParseUint: parsing ${JSON.stringify(port)}: value out of range`, 1);
      const hits = ports.filter((m) => m.containerPort === Number(port) && m.proto === proto.toLowerCase());
      if (!hits.length) throw new StatusError(`Error: No public port '${spec}' published for ${ref}`, 1); // port.go: opts.port as typed
      for (const m of hits) out.push(joinHostPort(m.hostIp, m.hostPort));
    } else {
      for (const m of ports) out.push(`${m.containerPort}/${m.proto} -> ${joinHostPort(m.hostIp, m.hostPort)}`);
    }
    out.sort((a, b) => (naturalLess(a, b) ? -1 : naturalLess(b, a) ? 1 : 0));
    if (out.length) ctx.out(out.join('\n') + '\n');
  },
});
