// Network topology as mermaid: the host, its bridges (docker0, br-…), containers with their addresses, published ports.
import type { EngineState } from '../engine/index';
import { HOST_IF } from '../engine/index';
import { label, nodeId } from './mermaid';

const live = (status: string) => status === 'running' || status === 'paused' || status === 'restarting';

export function topology(s: EngineState): string {
  const out = ['flowchart TB', `  host[${label('host dockerlings', `${HOST_IF.name} ${HOST_IF.ip}`)}]`];
  const bridges = Object.values(s.networks)
    .filter((n) => n.driver === 'bridge')
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const n of bridges) {
    const cfg = n.ipam.config[0];
    out.push(`  ${nodeId('net', n.id)}{{${label(`${n.bridge} (${n.name})`, cfg ? `${cfg.Gateway} ${cfg.Subnet}` : '')}}}`);
    out.push(`  host --- ${nodeId('net', n.id)}`);
  }
  for (const id of s.containerOrder) {
    const c = s.containers[id];
    if (!c) continue;
    const up = live(c.state.status);
    const addrs = Object.entries(c.endpoints).map(([net, ep]) => `${ep.iface || net} ${up && ep.ip ? ep.ip : '—'}`);
    const mode = c.hostConfig.NetworkMode;
    // the daemon stores container:NAME as container:<full id>: show the name
    const joined = mode.startsWith('container:') ? Object.values(s.containers).find((o) => o.id === mode.slice(10) || o.name === mode.slice(10)) : undefined;
    const extra = mode === 'host' ? ['network: host'] : mode === 'none' ? ['network: none (lo only)'] : mode.startsWith('container:') ? [`network: container:${joined?.name ?? mode.slice(10)}`] : [];
    const cid = nodeId('c', c.id.slice(0, 12));
    out.push(`  ${cid}(${label(c.name, c.state.status, ...addrs, ...extra)})`);
    for (const ep of Object.values(c.endpoints)) {
      const net = s.networks[ep.networkId];
      // a running container's end of the link is eth0/eth1…, the bridge's end its veth on the host
      if (net?.driver === 'bridge') out.push(`  ${nodeId('net', net.id)} ${up && ep.veth ? `---|${label(ep.veth)}|` : '-.-'} ${cid}`);
    }
    if (mode === 'host') out.push(`  host -.- ${cid}`);
    if (mode.startsWith('container:')) {
      const ref = mode.slice('container:'.length);
      const target = Object.values(s.containers).find((o) => o.id === ref || o.name === ref || (ref.length >= 12 && o.id.startsWith(ref)));
      if (target) out.push(`  ${cid} -.-|${label('same network namespace')}| ${nodeId('c', target.id.slice(0, 12))}`);
    }
    for (const p of up ? c.ports : []) out.push(`  host -- ${label(`${p.hostIp === '::' ? '[::]' : p.hostIp}:${p.hostPort} → ${p.containerPort}/${p.proto}`)} --> ${cid}`);
    if (!up) out.push(`  class ${cid} stopped`);
  }
  out.push('  classDef stopped stroke-dasharray: 4 4,opacity:0.6');
  return out.join('\n') + '\n';
}
