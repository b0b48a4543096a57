// Marks what one command changed between two view models: new elements `added`, redrawn ones `changed`, and the
// elements that disappeared kept (at their old place) as `removed` ghosts until the next command.
import type { Mark, TextItem, VEdge, VNode, ViewModel } from './view-types';

/** Alike: same text, kind and classes, and same size (a compose frame that grew is changed), but for lanes, which grow
 *  with their row whenever a box lands low in it. */
const sameNode = (a: VNode, b: VNode) => a.label === b.label && a.kind === b.kind && (a.lines ?? []).join('\n') === (b.lines ?? []).join('\n') && (a.cls ?? []).join() === (b.cls ?? []).join() && (a.kind === 'lane' || a.kind === 'host' || (a.w === b.w && a.h === b.h));

/** Things drawn behind others (lanes, the host) are not ghosted: their removal shows as the lane's absence (nor is the
 *  layers view's "no containers yet" placeholder: the first container takes its place). */
const GHOSTED = new Set<VNode['kind']>(['container', 'netns', 'group', 'chip', 'port', 'image', 'layer', 'writable', 'file']);

export function markChanges(now: ViewModel, prev: ViewModel | null): ViewModel {
  if (!prev) return now;
  const before = new Map(prev.nodes.map((n) => [n.id, n]));
  const after = new Set(now.nodes.map((n) => n.id));
  const nodes: VNode[] = now.nodes.map((n) => {
    const p = before.get(n.id);
    const mark: Mark | undefined = !p ? 'added' : sameNode(p, n) ? undefined : 'changed';
    return mark ? { ...n, mark } : n;
  });
  // a box now collapsed into a group (or a joined box, a shared writable block) is not gone: no ghost for it, nor for
  // what was drawn inside or beside it (its files, its chips)
  const standIn = new Set(now.nodes.flatMap((n) => n.members ?? []));
  const within = (id: string) => {
    if (standIn.has(id)) return true;
    const [kind, owner] = id.split(':');
    return (kind === 'file' || kind === 'more') ? standIn.has(`rw:${owner}`) : kind === 'ep' ? standIn.has(`c:${owner}`) : false;
  };
  for (const n of prev.nodes) if (!after.has(n.id) && GHOSTED.has(n.kind) && !n.cls?.includes('placeholder') && !(standIn.size && within(n.id))) nodes.push({ ...n, mark: 'removed', inspect: undefined });
  const prevEdges = new Set(prev.edges.map((e) => e.id));
  const nowEdges = new Set(now.edges.map((e) => e.id));
  const edges: VEdge[] = now.edges.map((e) => (prevEdges.has(e.id) ? e : { ...e, mark: 'added' }));
  for (const e of prev.edges) if (!nowEdges.has(e.id)) edges.push({ ...e, mark: 'removed' });
  const oldText = new Set(flatText(prev.text));
  const text = markText(now.text, oldText);
  const width = Math.max(now.width, ...nodes.map((n) => n.x + n.w));
  const height = Math.max(now.height, ...nodes.map((n) => n.y + n.h));
  return { ...now, nodes, edges, text, width, height };
}

function flatText(items: TextItem[]): string[] {
  return items.flatMap((i) => [i.text, ...flatText(i.children ?? [])]);
}

function markText(items: TextItem[], old: Set<string>): TextItem[] {
  return items.map((i) => ({ ...i, ...(old.has(i.text) ? {} : { mark: 'added' as const }), ...(i.children ? { children: markText(i.children, old) } : {}) }));
}
