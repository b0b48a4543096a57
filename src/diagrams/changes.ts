// "What changed": the engine-state differences one command made, as short lines for the learner.
import type { EngineState, PacketRecord } from '../engine/index';
import { parseRef, containerChanges } from '../engine/index';
import { verdictText } from './packet';

export interface Change {
  kind: 'added' | 'removed' | 'changed';
  what: string;
}

const tagName = (t: string) => {
  try {
    return parseRef(t).familiarString;
  } catch {
    return t;
  }
};

/** Containers, images/tags, networks, volumes and layers that appeared, went away or changed state; a packet sent
 *  (`pkt`: the last packet sent after the step, `prevPkt`: before it; a new record is a packet the step sent). */
export function changes(prev: EngineState, next: EngineState, prevPkt?: PacketRecord, pkt?: PacketRecord): Change[] {
  const out: Change[] = [];
  const moved = containerChanges(prev, next);
  for (const { before: p, after: c } of moved) {
    if (!c) continue;
    if (!p) out.push({ kind: 'added', what: `container ${c.name} (${c.state.status})` });
    else {
      if (p.state.status !== c.state.status) out.push({ kind: 'changed', what: `container ${c.name}: ${p.state.status} → ${c.state.status}` });
      if (p.name !== c.name) out.push({ kind: 'changed', what: `container ${p.name} renamed to ${c.name}` });
      const pu = Object.keys(p.upper).length;
      const nu = Object.keys(c.upper).length;
      if (pu !== nu) out.push({ kind: 'changed', what: `container ${c.name}: writable layer ${pu} → ${nu} entries` });
      for (const net of Object.keys(c.endpoints)) if (!p.endpoints[net]) out.push({ kind: 'added', what: `container ${c.name} joined network ${net}` });
      for (const net of Object.keys(p.endpoints)) if (!c.endpoints[net]) out.push({ kind: 'removed', what: `container ${c.name} left network ${net}` });
    }
  }
  for (const { before: c, after } of moved) if (c && !after) out.push({ kind: 'removed', what: `container ${c.name}` });
  for (const id of Object.keys(next.images)) if (!prev.images[id]) out.push({ kind: 'added', what: `image ${id.slice(7, 19)}` });
  for (const id of Object.keys(prev.images)) if (!next.images[id]) out.push({ kind: 'removed', what: `image ${id.slice(7, 19)}` });
  for (const [t, id] of Object.entries(next.tags)) if (prev.tags[t] !== id) out.push({ kind: 'added', what: `tag ${tagName(t)} → ${id.slice(7, 19)}` });
  for (const t of Object.keys(prev.tags)) if (!(t in next.tags)) out.push({ kind: 'removed', what: `tag ${tagName(t)}` });
  const layersAdded = Object.keys(next.layers).filter((l) => !prev.layers[l]).length;
  const layersGone = Object.keys(prev.layers).filter((l) => !next.layers[l]).length;
  if (layersAdded) out.push({ kind: 'added', what: `${layersAdded} layer${layersAdded > 1 ? 's' : ''}` });
  if (layersGone) out.push({ kind: 'removed', what: `${layersGone} layer${layersGone > 1 ? 's' : ''}` });
  for (const n of Object.values(next.networks)) if (!prev.networks[n.id]) out.push({ kind: 'added', what: `network ${n.name} (${n.ipam.config[0]?.Subnet ?? n.driver})` });
  for (const n of Object.values(prev.networks)) if (!next.networks[n.id]) out.push({ kind: 'removed', what: `network ${n.name}` });
  for (const v of Object.keys(next.volumes ?? {})) if (!prev.volumes?.[v]) out.push({ kind: 'added', what: `volume ${v.length > 20 ? v.slice(0, 12) + '…' : v}` });
  for (const v of Object.keys(prev.volumes ?? {})) if (!next.volumes?.[v]) out.push({ kind: 'removed', what: `volume ${v.length > 20 ? v.slice(0, 12) + '…' : v}` });
  if (pkt && pkt !== prevPkt) {
    const port = pkt.dport ? `:${pkt.dport}` : '';
    out.push({ kind: 'changed', what: `packet ${pkt.proto} ${pkt.from || '?'} → ${pkt.dst}${port}: ${verdictText(pkt).split(':')[0]}` });
  }
  return out;
}
