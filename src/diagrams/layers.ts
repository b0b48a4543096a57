// Image layer stacks as mermaid: shared read-only layers (one node each), images, containers' writable layers on top.
import type { Container, EngineState } from '../engine/index';
import { diffUpper, lowerStack } from '../engine/index';
import { chainIds, humanLayerSize, parseRef, tagsOf } from './layers-support';
import { label, nodeId } from './mermaid';

export function layers(s: EngineState): string {
  const out = ['flowchart BT'];
  const drawn = new Set<string>();
  for (const img of Object.values(s.images).sort((a, b) => a.created - b.created)) {
    const chains = chainIds(img.diffIds);
    const steps = img.history.filter((h) => !h.emptyLayer);
    chains.forEach((c, i) => {
      if (drawn.has(c)) return;
      drawn.add(c);
      const by = (steps[i]?.createdBy ?? '').replace(/\s+/g, ' ');
      out.push(`  ${nodeId('l', c.slice(7, 19))}[${label(`${c.slice(7, 19)} ${humanLayerSize(s.layers[c]?.size ?? 0)}`, by.length > 40 ? by.slice(0, 39) + '…' : by)}]`);
      if (i > 0) out.push(`  ${nodeId('l', chains[i - 1].slice(7, 19))} --> ${nodeId('l', c.slice(7, 19))}`);
    });
    const names = tagsOf(s, img.id).map((t) => parseRef(t).familiarString);
    const iid = nodeId('i', img.id.slice(7, 19));
    out.push(`  ${iid}[/${label(names.length ? names.join(', ') : '<none>', img.id.slice(7, 19))}/]`);
    if (chains.length) out.push(`  ${nodeId('l', chains[chains.length - 1].slice(7, 19))} --> ${iid}`);
  }
  for (const id of s.containerOrder) {
    const c = s.containers[id];
    if (!c) continue;
    const changed = fileChanges(s, c);
    const shown = changed.slice(0, 4);
    out.push(`  ${nodeId('w', c.id.slice(0, 12))}[${label(`${c.name} (writable layer)`, ...(shown.length ? shown : ['no changes']), ...(changed.length > 4 ? [`… ${changed.length - 4} more`] : []))}]`);
    out.push(`  ${nodeId('i', c.imageId.slice(7, 19))} --> ${nodeId('w', c.id.slice(0, 12))}`);
  }
  return out.join('\n') + '\n';
}

/** The container's changed files as `docker diff` marks them: A added, C copied up from an image layer and changed, D deleted. */
export function fileChanges(s: EngineState, c: Container): string[] {
  return diffUpper(c.upper, lowerStack(s, c))
    .filter((d) => d.kind === 'D' || c.upper[d.path]?.type !== 'dir')
    .map((d) => `${d.kind} ${d.path}${d.kind === 'C' ? ' (copied up)' : d.kind === 'D' ? ' (whiteout)' : ''}`);
}
