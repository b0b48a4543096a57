// <docker-lab>: a terminal with a goal checklist in Shadow DOM, for articles; every element runs its own simulated engine.
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import type { Lang } from '../lessons/format';
import type { EngineState } from '../engine/index';
import { DIAGRAM_KINDS, type DiagramKind } from '../diagrams/kinds';
import { DIAGRAM_TEXT } from './diagram-text';
import { openTerminal, type OpenTerminal } from './term';
import type { Theme } from './theme';
import { WIDGET_CSS } from './widget-style';

interface Spec {
  title: string;
  setup: string[];
  goals: { check: string; text: string; problem: string | null }[];
  diagram: DiagramKind;
}

const TEXT = {
  en: { ...DIAGRAM_TEXT.en, reset: 'Reset', starting: 'Starting the simulated Docker engine…', done: 'All goals met!', lab: 'Docker lab' },
  zh: { ...DIAGRAM_TEXT.zh, reset: '重置', starting: '正在启动模拟的 Docker 引擎…', done: '全部目标完成！', lab: 'Docker 实验' },
};

type Engine = typeof import('./widget-engine');
let engine: Promise<Engine> | null = null;
/** The engine and shell (most of the bytes) load in parallel with the lesson, after the terminal code has run. */
const loadEngine = () => (engine ??= import('./widget-engine'));

let sheets: CSSStyleSheet[] | null = null;
function styles(): CSSStyleSheet[] {
  return (sheets ??= [xtermCss, WIDGET_CSS].map((css) => {
    const s = new CSSStyleSheet();
    s.replaceSync(css);
    return s;
  }));
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, attrs: Record<string, string> = {}): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export class DockerLab extends HTMLElement {
  private readonly root = this.attachShadow({ mode: 'open' });
  private spec: Spec = { title: '', setup: [], goals: [], diagram: 'topology' };
  private generation = 0;
  private term: OpenTerminal | null = null;
  private engine: Engine | null = null;
  private state: (() => EngineState) | null = null;
  /** Releases the current session's waiting command (docker logs -f, a question) when the widget resets or leaves. */
  private release: (() => void) | null = null;
  private kind: DiagramKind = 'topology';
  private ui = {
    title: el('span', { className: 'title' }),
    reset: el('button', { type: 'button' }),
    toggle: el('button', { type: 'button' }, { 'aria-pressed': 'false' }),
    term: el('div', { className: 'term' }, { 'data-testid': 'terminal' }),
    goals: el('ul', { className: 'goals' }),
    complete: el('p', { className: 'complete', hidden: true }, { 'data-testid': 'lab-complete' }),
    error: el('p', { className: 'error', hidden: true }, { role: 'alert', 'data-testid': 'lab-error' }),
    diagram: el('div', { className: 'diagram', hidden: true }, { 'data-testid': 'diagram-panel' }),
  };

  /** `theme="light"`, `theme="auto"` (the reader's system setting) or dark, the default. */
  private get theme(): Theme {
    const t = this.getAttribute('theme');
    return t === 'light' || (t === 'auto' && !matchMedia('(prefers-color-scheme: dark)').matches) ? 'light' : 'dark';
  }

  /** `lang="zh"` (or zh-CN…, on the element or an ancestor) for Chinese goals and labels; English otherwise. */
  private get language(): Lang {
    return (this.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh') ? 'zh' : 'en';
  }

  connectedCallback(): void {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => this.isConnected && void this.start(), { once: true });
    else void this.start();
  }

  disconnectedCallback(): void {
    this.generation++;
    this.release?.();
    this.release = null;
    this.term?.dispose();
    this.term = null;
  }

  private async start(): Promise<void> {
    const t = TEXT[this.language];
    const { title, reset, toggle, term, goals, complete, error, diagram } = this.ui;
    this.root.adoptedStyleSheets = styles();
    this.dataset.theme = this.theme;
    const height = this.getAttribute('height') ?? '';
    if (/^\d+(\.\d+)?(px|rem|em|vh)?$/.test(height)) term.style.height = /\d$/.test(height) ? height + 'px' : height;
    reset.textContent = t.reset;
    toggle.textContent = t.diagram;
    reset.onclick = () => void this.boot();
    toggle.onclick = () => this.toggleDiagram();
    const bar = el('div', { className: 'bar' });
    bar.append(title, el('span', { className: 'brand', textContent: '▣ Dockerlings' }), reset, toggle);
    const lab = el('div', { className: 'lab' });
    lab.append(bar, term, goals, complete, error, diagram);
    this.root.replaceChildren(lab);
    title.textContent = t.lab;
    term.replaceChildren(el('p', { className: 'status', textContent: t.starting }));
    const loading = loadEngine();
    try {
      this.spec = await this.readSpec();
    } catch (e) {
      this.showError((e as Error).message);
    }
    if (this.spec.title) title.textContent = this.spec.title;
    this.kind = this.spec.diagram;
    goals.replaceChildren(...this.spec.goals.map((g) => el('li', { textContent: `☐ ${g.text}` }, { 'data-testid': 'goal', 'data-met': 'no' })));
    this.engine = await loading;
    for (const g of this.spec.goals) g.problem = this.engine.checkProblem(g.check);
    const problems = this.spec.goals.filter((g) => g.problem).map((g) => `${g.check}: ${g.problem}`);
    if (problems.length) this.showError(problems.join('; '));
    this.spec.goals.forEach((g, i) => goals.children[i]?.classList.toggle('bad', !!g.problem));
    if (this.isConnected) await this.boot();
  }

  /** Goals and setup from a lesson (`lesson="basics/hello-world"`) or from the element's own children. */
  private async readSpec(): Promise<Spec> {
    const lang = this.language;
    const name = this.getAttribute('lesson');
    const kind = DIAGRAM_KINDS.find((k) => k === this.getAttribute('diagram')) ?? 'topology';
    if (name) {
      const { loadLesson } = await import('../lessons/lazy');
      const l = await loadLesson(name);
      return { title: l.title[lang], setup: l.setup, goals: l.goals.map((g) => ({ check: g.check, text: g.text[lang], problem: null })), diagram: l.diagram === 'none' ? kind : l.diagram };
    }
    // Inline content is read as text, never run as page script: <script type="text/plain" data-setup> and [data-goal].
    const setup = [...this.querySelectorAll('script[data-setup]')].flatMap((s) => (s.textContent ?? '').split('\n')).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const goals = [...this.querySelectorAll('[data-goal]')].map((g) => {
      const check = g.getAttribute('data-goal') ?? '';
      return { check, text: g.textContent?.trim() || check, problem: null };
    });
    return { title: this.getAttribute('heading') ?? '', setup, goals, diagram: kind };
  }

  /** A fresh engine: the setup typed silently, then a new terminal. */
  private async boot(): Promise<void> {
    if (!this.engine) return; // Reset pressed while the engine still loads
    const gen = ++this.generation;
    this.term?.dispose();
    this.term = null;
    this.ui.term.replaceChildren(el('p', { className: 'status', textContent: TEXT[this.language].starting }));
    this.release?.();
    const session = this.engine.createSession();
    this.release = () => session.interrupt();
    await this.engine.runSetup(session, this.spec.setup); // a setup line that waits for an answer or Ctrl+C gets Ctrl+C
    if (gen !== this.generation) return;
    // FitAddon sizes the terminal to its parent's content box, so the padded .term gets an unpadded host inside
    const host = el('div', { className: 'host' });
    this.ui.term.replaceChildren(host);
    this.state = () => session.engine.state;
    this.term = openTerminal(host, session, { theme: this.theme, onCommandDone: () => this.refresh() });
    this.refresh();
  }

  private refresh(): void {
    const state = this.state?.();
    if (!state) return;
    const items = [...this.ui.goals.children];
    const met = this.spec.goals.map((g, i) => {
      const ok = !g.problem && this.engine!.evaluate(state, g.check);
      items[i]?.setAttribute('data-met', ok ? 'yes' : 'no');
      items[i]?.replaceChildren(`${g.problem ? '⚠' : ok ? '☑' : '☐'} ${g.text}`);
      return ok;
    });
    this.ui.complete.textContent = TEXT[this.language].done;
    this.ui.complete.hidden = !(met.length > 0 && met.every(Boolean));
    if (!this.ui.diagram.hidden) void this.drawDiagram();
  }

  private toggleDiagram(): void {
    const open = this.ui.diagram.hidden;
    this.ui.diagram.hidden = !open;
    this.ui.toggle.setAttribute('aria-pressed', String(open));
    if (open) void this.drawDiagram();
  }

  /** The picture's code is fetched the first time it is opened (mermaid only for the lifecycle view). */
  private async drawDiagram(): Promise<void> {
    const state = this.state?.();
    if (!state) return;
    const { renderDiagram } = await import('./widget-picture.svelte');
    renderDiagram(this.ui.diagram, state, this.kind, this.language, this.theme);
  }

  private showError(message: string): void {
    this.ui.error.textContent = `⚠ ${message}`;
    this.ui.error.hidden = false;
  }
}

/** Registers <docker-lab> (once, however many scripts load it). */
export function defineDockerLab(): void {
  if (!customElements.get('docker-lab')) customElements.define('docker-lab', DockerLab);
}
