// The simulated network tools for the host shell and for container shells (only those the image really has).
import { defineCommand, type CommandContext, type CustomCommand, type IFileSystem } from 'just-bash';
import { findContainer, lookup, lowerStack, netnsOf, resolveName, tracePacket, traceText, type Engine, containerById } from '../engine/index';
import { ping } from './net-ping';
import { curl } from './net-http';
import { busyboxWget, gnuWget } from './net-wget';
import { hostname, nc, nslookup } from './net-dns';
import { iptables, iptablesSave } from './net-iptables';
import { brctlCmd, ifconfigCmd, ipCmd, routeCmd, sysctlCmd, type IpFlavor } from './net-iface-cmds';
import { containerIfaces, containerRoutes, hostIfaces, hostRoutes } from './net-ifaces';
import { lastTraces, notePacket, toolFlavor, type ExecResult, type NetPlace } from './net-util';

type Run = (args: string[], ctx: CommandContext) => Promise<ExecResult> | ExecResult;

const cmd = (name: string, run: Run): CustomCommand => defineCommand(name, async (args, ctx) => run(args, ctx));

/** `trace SOURCE DEST [PORT[/tcp|/udp]]`: the path a new packet takes and the rule that decides it (host tool). */
function traceCmd(engine: Engine, args: string[]): ExecResult {
  const [from, to, port] = args;
  const last = lastTraces.get(engine);
  if (!from && last) return { stdout: last.map(traceText).join(''), stderr: '', exitCode: 0 };
  if (!from || !to) return { stdout: '', stderr: 'usage: trace [SOURCE DEST [PORT[/tcp|/udp]]]\n  without arguments: the packets of the last ping, curl, wget or nc\n  SOURCE: host or a container; DEST: an address, a name SOURCE can resolve, or host\n  e.g. trace web 172.18.0.3    trace host localhost 8080    trace c1 c2 80/tcp\n', exitCode: 2 };
  const s = engine.state;
  let c = null;
  if (from !== 'host') {
    try {
      c = findContainer(s, from);
    } catch {
      return { stdout: '', stderr: `trace: no such container: ${from}\n`, exitCode: 1 };
    }
  }
  const ns = c ? netnsOf(s, c) : { kind: 'host' as const };
  const ip = to === 'host' ? '10.0.2.15' : resolveName(s, c, to).ip;
  if (!ip) return { stdout: '', stderr: `trace: ${from} cannot resolve ${to}\n`, exitCode: 1 };
  if (!ns) return { stdout: `packet: from ${from} (no network namespace)\nverdict: NO ROUTE\n`, stderr: '', exitCode: 0 };
  const [p, proto] = port ? port.split('/') : [];
  const t = tracePacket(s, ns, ip, port ? ((proto as 'tcp' | 'udp') ?? 'tcp') : 'icmp', port ? parseInt(p, 10) : undefined);
  notePacket(engine, t); // the packet diagram draws what was traced
  return { stdout: traceText(t), stderr: '', exitCode: 0 };
}

/** Tools on the Docker host (Ubuntu 24.04: iputils ping, curl 8.5.0, GNU wget, iproute2, iptables-nft, bridge-utils, procps). */
export function hostNetCommands(engine: Engine, host?: IFileSystem): CustomCommand[] {
  const place: NetPlace = { engine, host };
  return [
    cmd('ping', (a, ctx) => ping(place, 'iputils', a, ctx)),
    cmd('curl', (a, ctx) => curl(place, a, ctx, '8.5.0')),
    cmd('wget', (a, ctx) => gnuWget(place, a, ctx)),
    cmd('nc', (a, ctx) => nc(place, a, ctx, 'openbsd')),
    cmd('nslookup', (a) => nslookup(place, a, 'bind9')),
    cmd('ip', (a) => ipCmd(a, hostIfaces(engine.state), hostRoutes(engine.state), 'iproute2')),
    cmd('ifconfig', () => ifconfigCmd(hostIfaces(engine.state), 'net-tools')),
    cmd('route', (a) => routeCmd(a, hostRoutes(engine.state), 'net-tools')),
    cmd('brctl', (a) => brctlCmd(a, hostIfaces(engine.state))),
    cmd('sysctl', (a) => sysctlCmd(a, engine.state.hostNet.sysctl, (k, v) => engine.network.sysctl(k, v))),
    cmd('iptables', (a) => iptables(engine, a)),
    cmd('iptables-save', (a) => iptablesSave(engine, a)),
    cmd('hostname', (a) => hostname(place, a)),
    cmd('trace', (a) => traceCmd(engine, a)),
  ];
}

/** Tools inside a container, each only if the image has that executable (busybox applets or real packages). */
export function containerNetCommands(engine: Engine, containerId: string, host?: IFileSystem): CustomCommand[] {
  const place: NetPlace = { engine, containerId, host };
  if (!containerById(engine.state, containerId)) return [];
  // the namespace is looked up when the tool runs: a joined container follows its target, a stopped one has only lo
  const ns = () => {
    const me = containerById(engine.state, containerId);
    return me ? netnsOf(engine.state, me) : null;
  };
  const nsc = () => {
    const o = ns();
    return o?.kind === 'container' ? (containerById(engine.state, o.id) ?? null) : null;
  };
  const ifs = () => (ns()?.kind === 'host' ? hostIfaces(engine.state) : containerIfaces(engine.state, nsc()));
  const routes = () => (ns()?.kind === 'host' ? hostRoutes(engine.state) : containerRoutes(engine.state, nsc()));
  const out: CustomCommand[] = [];
  const flavorOf = (name: string) => toolFlavor(engine, containerId, name);
  const musl = flavorOf('sh') === 'busybox' && !!flavorOf('apk');
  const add = (name: string, make: (flavor: string) => Run) => {
    const f = flavorOf(name);
    if (f) out.push(cmd(name, make(f)));
  };
  add('ping', (f) => (a, ctx) => ping(place, f === 'busybox' ? 'busybox' : 'iputils', a, ctx));
  add('curl', () => (a, ctx) => curl(place, a, ctx, musl ? '8.9.1' : '7.88.1'));
  add('wget', (f) => (a, ctx) => (f === 'busybox' ? busyboxWget(place, a, ctx) : gnuWget(place, a, ctx)));
  add('nc', (f) => (a, ctx) => nc(place, a, ctx, f === 'busybox' ? 'busybox' : 'openbsd'));
  add('nslookup', (f) => (a) => nslookup(place, a, f === 'busybox' ? 'busybox' : 'bind9'));
  add('ip', (f) => (a) => ipCmd(a, ifs(), routes(), (f === 'busybox' ? (musl ? 'busybox-musl' : 'busybox') : 'iproute2') as IpFlavor));
  add('ifconfig', (f) => () => ifconfigCmd(ifs(), f === 'busybox' ? 'busybox' : 'net-tools'));
  add('route', (f) => (a) => routeCmd(a, routes(), f === 'busybox' ? 'busybox' : 'net-tools'));
  add('hostname', () => (a) => hostname(place, a));
  return out;
}

/** Names of this container's network tools that live outside /bin and /usr/bin (UnionFs.shims: just-bash finds them). */
export function netToolShims(engine: Engine, containerId: string): string[] {
  const c = containerById(engine.state, containerId);
  if (!c) return [];
  const stack = [c.upper, ...lowerStack(engine.state, c)];
  return containerNetCommands(engine, containerId)
    .map((x) => x.name)
    .filter((n) => !lookup(stack, `/bin/${n}`) && !lookup(stack, `/usr/bin/${n}`));
}
