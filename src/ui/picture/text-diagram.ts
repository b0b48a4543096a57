// Text diagrams (mermaid, loaded on first use) rendered to SVG with the strict security level: the lifecycle view and lessons.
import { mermaidTheme, type Theme } from '../theme';

type Mermaid = typeof import('mermaid').default;
let mermaid: Promise<Mermaid> | null = null;
let seq = 0;

export async function renderMermaid(text: string, theme: Theme): Promise<string> {
  mermaid ??= import('mermaid').then((m) => m.default);
  const m = await mermaid;
  m.initialize({ startOnLoad: false, securityLevel: 'strict', theme: mermaidTheme(theme), flowchart: { htmlLabels: false } });
  return (await m.render(`dl-mermaid-${++seq}`, text)).svg;
}
