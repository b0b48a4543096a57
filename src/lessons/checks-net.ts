// Goal checks added for the net lessons (merged into CHECKS by checks.ts).
import type { Container, EngineState, Netns } from '../engine/index';
import { isRunning, netnsOf, resolveName, tracePacket } from '../engine/index';
import { byName, type Check } from './check-kit';


/** The namespace and resolver context of `host` or a running container. */
function origin(s: EngineState, who: string): { ns: Netns; c: Container | null } | null {
  if (who === 'host') return { ns: { kind: 'host' }, c: null };
  const c = byName(s, who);
  if (!c || !isRunning(c)) return null;
  const ns = netnsOf(s, c);
  return ns ? { ns, c } : null;
}

/** Does a new packet from `who` to `target` (address or name, resolved as `who` would) get delivered? */
function reaches(s: EngineState, who: string, target: string, proto: 'icmp' | 'tcp', port?: number): boolean {
  const o = origin(s, who);
  if (!o) return false;
  const r = resolveName(s, o.c, target);
  if (!r.ip) return false;
  return tracePacket(s, o.ns, r.ip, proto, port).verdict === 'delivered';
}

export const CHECKS_NET: Record<string, Check> = {
  'can-ping': { args: 'FROM TARGET', doc: 'an echo request from FROM (a running container or `host`) to TARGET (an address or a name FROM resolves) is delivered', zh: '从 FROM（一个运行中的容器或 `host`）向 TARGET（一个地址，或 FROM 能解析的名字）发出的 ping 请求能够送达', fn: (s, [f, t]) => reaches(s, f, t, 'icmp') },
  'cannot-ping': { args: 'FROM TARGET', doc: 'FROM is running but its echo request to TARGET is not delivered (dropped, unreachable or unresolvable)', zh: 'FROM 正在运行，但它发往 TARGET 的 ping 请求送不到（被丢弃、不可达或名字无法解析）', fn: (s, [f, t]) => !!origin(s, f) && !reaches(s, f, t, 'icmp') },
  'can-connect': { args: 'FROM TARGET PORT', doc: 'a TCP connection from FROM (a running container or `host`) to TARGET:PORT reaches a listener', zh: '从 FROM（一个运行中的容器或 `host`）到 TARGET:PORT 的 TCP 连接能连上正在监听的服务', fn: (s, [f, t, p]) => reaches(s, f, t, 'tcp', Number(p)) },
  'container-port-on': { args: 'NAME HOSTIP HOSTPORT', doc: 'the container publishes a port on this host address and port (0.0.0.0 = every address)', zh: '容器把端口发布到了这个主机地址和端口上（0.0.0.0 表示所有地址）', fn: (s, [n, ip, p]) => !!byName(s, n)?.ports.some((m) => m.hostIp === ip && String(m.hostPort) === p) },
  'name-resolves': { args: 'FROM NAME', doc: 'NAME resolves to an address inside the running container FROM', zh: '在运行中的容器 FROM 里，NAME 能解析出一个地址', fn: (s, [f, n]) => {
    const o = origin(s, f);
    return !!o && !!resolveName(s, o.c, n).ip;
  } },
};
