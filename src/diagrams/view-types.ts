// The view models' shape: JSON-serialisable nodes, edges and a text outline, laid out in SVG units (no DOM).

/** What the last command did to an element: drawn highlighted until the next command. */
export type Mark = 'added' | 'changed' | 'removed';

/** A drawn box: a lane, a container, a port socket, a layer, an image, a file, a chain … */
export interface VNode {
  /** Stable key from the engine's own IDs (`c:<id>`, `net:<id>`, `layer:<chainId>` …). */
  id: string;
  kind: 'host' | 'lane' | 'container' | 'chip' | 'port' | 'netns' | 'group' | 'project' | 'layer' | 'image' | 'writable' | 'file' | 'iptables' | 'volume';
  x: number;
  y: number;
  w: number;
  h: number;
  /** First line (bold) and the lines under it. */
  label: string;
  lines?: string[];
  /** Extra classes for the renderer: stopped, shared, decided … */
  cls?: string[];
  mark?: Mark;
  /** The IDs of the boxes this one stands for (containers collapsed into a group): they are not gone, so no ghost. */
  members?: string[];
  /** Short inspect-like facts shown on hover/click, and the command that prints all of them. */
  facts?: [string, string][];
  inspect?: string;
}

export interface VEdge {
  id: string;
  /** Polyline points in SVG units. */
  points: [number, number][];
  label?: string;
  cls?: string[];
  mark?: Mark;
}

/** One entry of the accessible outline (a nested list read by screen readers). */
export interface TextItem {
  text: string;
  mark?: Mark;
  children?: TextItem[];
}

/** A packet's walk through iptables: one entry per chain visited, the deciding rule flagged. */
export interface ChainVisit {
  chain: string;
  lines: { text: string; decided: boolean }[];
  decided: boolean;
}

export interface PacketOverlay {
  /** Which packet this is: the same number in every model of one packet (the worker posts a fresh model for each view
   *  request), another for the next packet sent, even one alike (so the page animates each packet's dot once). */
  id: number;
  title: string;
  verdict: string;
  ok: boolean;
  /** The dot's path over the network view, ending where the packet's fate was decided. */
  path: [number, number][];
  /** The node the path ends at (the deciding rule's chain box, or the receiver). */
  endsAt: string;
  walk: ChainVisit[];
  /** Hops outside iptables (interfaces, NAT, proxy), in order. */
  hops: string[];
}

/** How the page wants the network view laid out: lanes per row (fewer in a portrait pane) and a generation that a
 *  Tidy bumps (a new generation lays out compactly, then pins positions again). */
export interface Layout {
  cols: number;
  gen: number;
}

export interface ViewModel {
  kind: 'topology' | 'layers' | 'packet';
  width: number;
  height: number;
  nodes: VNode[];
  edges: VEdge[];
  text: TextItem[];
  /** Shown when there is nothing to draw. */
  empty?: string;
  /** The picture's size laid out afresh (what Tidy would draw), when smaller than this one: holes left by removed or
   *  collapsed boxes, or room kept so that nothing moves. */
  tidied?: { width: number; height: number };
  packet?: PacketOverlay;
  /** Where the network view's next named volume goes (its cell's left edge and top) and the step down to the one after
   *  it: a target's missing volumes are drawn there. */
  strip?: { x: number; y: number; step: number };
  /** The part Fit frames when the whole would be drawn below its natural size (the packet's path). */
  focus?: { x: number; y: number; w: number; h: number };
}
