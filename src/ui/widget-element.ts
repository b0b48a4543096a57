// <docker-lab>: a terminal with a goal checklist in Shadow DOM, for articles; every element runs its own simulated engine.
import xtermCss from '@xterm/xterm/css/xterm.css?inline';
import type { Lang } from '../lessons/format';
import { DIAGRAM_KINDS, type DiagramKind } from '../diagrams/kinds';
import type { DiagramModel, Layout } from '../diagrams/models';
import type { Target } from '../lessons/target';
import type { TargetView } from '../diagrams/target-overlay';
import { DIAGRAM_TEXT } from './diagram-text';
import { openTerminal, type OpenTerminal } from './term';
import type { Theme } from './theme';
import { WIDGET_CSS } from './widget-style';
import { createSimulator, type SessionClient } from './simulator';

interface Spec {
  title: string;
  setup: string[];
  goals: { check: string; text: string; problem: string | null }[];
  diagram: DiagramKind;
  /** A lesson's target picture (its goal `target-met` needs it; the picture draws it). */
  target?: Target;
}

const TEXT = {
  en: { ...DIAGRAM_TEXT.en, reset: 'Reset', starting: 'Starting the simulated Docker engine…', done: 'All goals met!', lab: 'Docker lab' },
  zh: { ...DIAGRAM_TEXT.zh, reset: '重置', starting: '正在启动模拟的 Docker 引擎…', done: '全部目标完成！', lab: 'Docker 实验' },
};

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
  /** This element's own simulator worker (engine, client and shell), started with the element. */
  private client: SessionClient | null = null;
  private kind: DiagramKind = 'topology';
  /** The network view's layout, as the picture last set it (lanes per row, Tidy's generation). */
  private layout: Layout | undefined;
  private ui = {
    title: el('span', { className: 'title' }),
    reset: el('button', { type: 'button' }),
    toggle: el('button', { type: 'button' }, { 'aria-pressed': 'false' }),
    term: el('div', { className: 'term' }, { 'data-testid': 'terminal' }),
    goals: el('ul', { className: 'goals' }),
    complete: el('p', { className: 'complete', hidden: true }, { 'data-testid': 'lab-complete' }),
    error: el('p', { className: 'error', hidden: true }, { role: 'alert', 'data-testid': 'lab-error' }),
    diagram: el('div', { className: 'diagram', hidden: true }, { 'data-testid': 'diagram-panel' }),
    /** Shown when the simulator takes longer than 300 ms to be ready (the prompt is already there). */
    loading: el('p', { className: 'status', hidden: true }, { 'data-testid': 'loading', role: 'status' }),
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
    this.client?.dispose();
    this.client = null;
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
    lab.append(bar, term, this.ui.loading, goals, complete, error, diagram);
    this.root.replaceChildren(lab);
    title.textContent = t.lab;
    term.replaceChildren(el('p', { className: 'status', textContent: t.starting }));
    // the simulator's worker loads in parallel with the lesson, after the terminal code has run
    this.client?.dispose();
    const client = (this.client = createSimulator());
    try {
      this.spec = await this.readSpec();
    } catch (e) {
      this.showError((e as Error).message);
    }
    if (this.spec.title) title.textContent = this.spec.title;
    this.kind = this.spec.diagram;
    goals.replaceChildren(...this.spec.goals.map((g) => el('li', { textContent: `☐ ${g.text}` }, { 'data-testid': 'goal', 'data-met': 'no' })));
    // goals are checked against the vocabulary in the worker once it has loaded; the terminal does not wait for that
    void client.checkProblems(this.spec.goals.map((g) => g.check)).then((problemsOf) => {
      if (client !== this.client) return; // removed meanwhile
      this.spec.goals.forEach((g, i) => (g.problem = problemsOf[i] ?? null));
      const problems = this.spec.goals.filter((g) => g.problem).map((g) => `${g.check}: ${g.problem}`);
      if (problems.length) this.showError(problems.join('; '));
      this.spec.goals.forEach((g, i) => goals.children[i]?.classList.toggle('bad', !!g.problem));
      void this.refresh();
    }, () => undefined);
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
      return { title: l.title[lang], setup: l.setup, goals: l.goals.map((g) => ({ check: g.check, text: g.text[lang], problem: null })), diagram: l.diagram === 'none' ? kind : l.diagram, ...(l.target ? { target: l.target } : {}) };
    }
    // Inline content is read as text, never run as page script: <script type="text/plain" data-setup> and [data-goal].
    const setup = [...this.querySelectorAll('script[data-setup]')].flatMap((s) => (s.textContent ?? '').split('\n')).map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));
    const goals = [...this.querySelectorAll('[data-goal]')].map((g) => {
      const check = g.getAttribute('data-goal') ?? '';
      return { check, text: g.textContent?.trim() || check, problem: null };
    });
    return { title: this.getAttribute('heading') ?? '', setup, goals, diagram: kind };
  }

  /** A new terminal on a fresh session: the setup typed silently (a line that waits gets Ctrl+C). */
  private async boot(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const gen = ++this.generation;
    this.term?.dispose();
    // the prompt comes at once: what is typed before the simulator is ready waits for it
    // (FitAddon sizes the terminal to its parent's content box, so the padded .term gets an unpadded host inside)
    const host = el('div', { className: 'host' });
    this.ui.term.replaceChildren(host);
    this.term = openTerminal(host, client, { theme: this.theme, onCommandDone: () => void this.refresh() });
    const { loading } = this.ui;
    loading.textContent = TEXT[this.language].starting;
    const slow = setTimeout(() => (loading.hidden = gen !== this.generation), 300);
    await client.start({ seed: 1, setup: this.spec.setup }).catch(() => undefined);
    clearTimeout(slow);
    if (gen !== this.generation) return;
    loading.hidden = true;
    void this.refresh();
  }

  private refreshSeq = 0;
  /** Goals and (when open) the diagram, from the worker after every command. */
  private async refresh(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const mine = ++this.refreshSeq;
    const open = !this.ui.diagram.hidden;
    const v = await client.view(null, open ? this.kind : null, this.spec.goals.map((g) => g.check), this.spec.target, this.layout).catch(() => null);
    if (!v || mine !== this.refreshSeq) return;
    const items = [...this.ui.goals.children];
    const met = this.spec.goals.map((g, i) => {
      const ok = !g.problem && v.met[i];
      items[i]?.setAttribute('data-met', ok ? 'yes' : 'no');
      items[i]?.replaceChildren(`${g.problem ? '⚠' : ok ? '☑' : '☐'} ${g.text}`);
      return ok;
    });
    this.ui.complete.textContent = TEXT[this.language].done;
    this.ui.complete.hidden = !(met.length > 0 && met.every(Boolean));
    if (open && v.diagram) await this.drawDiagram(v.diagram, v.target ?? null);
  }

  private toggleDiagram(): void {
    const open = this.ui.diagram.hidden;
    this.ui.diagram.hidden = !open;
    this.ui.toggle.setAttribute('aria-pressed', String(open));
    if (open) void this.refresh();
  }

  /** The picture's code is fetched the first time it is opened (mermaid only for the lifecycle view); the worker made the model. */
  private async drawDiagram(model: DiagramModel, target: TargetView | null): Promise<void> {
    const { renderDiagram } = await import('./widget-picture.svelte');
    renderDiagram(this.ui.diagram, model, this.kind, this.language, this.theme, (k) => {
      this.kind = k;
      void this.refresh();
    }, target, (l) => {
      this.layout = l;
      void this.refresh();
    });
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
