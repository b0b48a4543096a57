// Concept diagrams in lesson text: each ```mermaid block is replaced by its drawing (mermaid is loaded only when one exists).
import { renderMermaid } from './picture/text-diagram';

export async function drawMermaidBlocks(root: HTMLElement): Promise<void> {
  const blocks = [...root.querySelectorAll<HTMLElement>('pre > code.language-mermaid')];
  const theme = document.documentElement.dataset.theme === 'light' ? 'light' : 'dark';
  for (const code of blocks) {
    // the whole block goes, with its copy button
    const pre = code.closest('.code-block') ?? code.parentElement!;
    try {
      const svg = await renderMermaid(code.textContent ?? '', theme);
      if (!pre.isConnected) continue; // the lesson changed meanwhile
      const figure = document.createElement('figure');
      figure.className = 'mermaid';
      figure.setAttribute('role', 'img');
      figure.setAttribute('aria-label', code.textContent ?? '');
      figure.innerHTML = svg;
      pre.replaceWith(figure);
    } catch {
      // a block mermaid cannot parse stays as its source text
    }
  }
}
