// The widget's diagram panel, loaded only when a reader opens it: the worker's diagram model → mermaid SVG (strict security level).
import mermaid from 'mermaid';
import { mermaidTheme, type Theme } from './theme';
import { DIAGRAM_KINDS, type DiagramKind } from '../diagrams/kinds';
import type { DiagramModel } from '../diagrams/models';

export type { DiagramKind };

let seq = 0;
const latest = new WeakMap<HTMLElement, number>();

/** Draws the diagram of `state` into `box` under a switch of kinds; an older render never overwrites a newer one. */
export async function renderDiagram(box: HTMLElement, model: DiagramModel, kind: DiagramKind, labels: Record<DiagramKind, string>, theme: Theme, onKind: (k: DiagramKind) => void): Promise<void> {
  // widgets of both themes can share a page: set mermaid's theme for each render
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: mermaidTheme(theme), flowchart: { htmlLabels: false } });
  const n = ++seq;
  latest.set(box, n);
  let body: Node;
  try {
    if (model.format === 'error') throw new Error(model.message);
    const { svg } = await mermaid.render(`dl-widget-diagram-${n}`, model.text);
    body = Object.assign(document.createElement('div'), { innerHTML: svg, className: 'svg' });
  } catch (e) {
    body = Object.assign(document.createElement('p'), { className: 'error', textContent: (e as Error).message });
  }
  if (latest.get(box) !== n) return;
  const kinds = Object.assign(document.createElement('div'), { className: 'kinds' });
  for (const k of DIAGRAM_KINDS) {
    const b = Object.assign(document.createElement('button'), { type: 'button', textContent: labels[k], onclick: () => onKind(k) });
    b.setAttribute('aria-pressed', String(k === kind));
    kinds.append(b);
  }
  box.replaceChildren(kinds, body);
}
