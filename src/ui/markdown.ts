// Lesson markdown → HTML with markdown-it, raw HTML off: lesson text can never inject markup; code blocks get buttons.
import MarkdownIt from 'markdown-it';
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

export interface MarkdownOptions {
  /** Language of the button labels. */
  lang?: 'en' | 'zh';
  /** Give shell code blocks a ▶ button (the lab, where a terminal can run them). */
  runnable?: boolean;
}

const md = new MarkdownIt({ html: false, linkify: false, typographer: false });
md.disable('image'); // no picture requests leave the page, and none is needed in a lesson
// only web links (markdown-it already refuses javascript:, vbscript:, file: and data:)
md.validateLink = (url) => /^https?:\/\//i.test(url.trim());

// A lesson's "# Title" is the panel's h2 (the page has its own h1)
md.core.ruler.push('shift_headings', (state) => {
  for (const t of state.tokens) if (/^h[1-5]$/.test(t.tag)) t.tag = `h${Number(t.tag[1]) + 1}`;
});

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, opts, _env, self) => self.renderToken(tokens, idx, opts));
md.renderer.rules.link_open = (tokens, idx, opts, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, opts, env, self);
};

/** Wide East Asian characters and their punctuation: a line break between two of them is no space. */
const CJK = /[\u1100-\u115f\u2e80-\u303e\u3040-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/** The text next to token `idx` on one side (skipping emphasis markers, which have no text). */
function neighbour(tokens: Token[], idx: number, step: -1 | 1): string {
  for (let i = idx + step; i >= 0 && i < tokens.length; i += step) {
    const c = tokens[i].content;
    if (c) return step < 0 ? c[c.length - 1] : c[0];
    if (tokens[i].type === 'softbreak' || tokens[i].type === 'hardbreak') return '';
  }
  return '';
}

// Chinese lines joined by a soft break stay joined, as a browser would not know to drop the space
md.renderer.rules.softbreak = (tokens, idx) =>
  CJK.test(neighbour(tokens, idx, -1)) && CJK.test(neighbour(tokens, idx, 1)) ? '' : '\n';

const LABELS = {
  en: { copy: 'Copy', run: 'Run in the terminal' },
  zh: { copy: '复制', run: '在终端中运行' },
};

/** A code block is a command to run unless it says otherwise (a fence language) or is a Dockerfile (FROM …). */
export function isRunnable(info: string, code: string): boolean {
  const lang = info.trim().split(/\s+/)[0] ?? '';
  if (lang && !['sh', 'bash', 'shell', 'console'].includes(lang)) return false;
  const first = code.split('\n').find((l) => l.trim() !== '') ?? '';
  return first !== '' && !/^[A-Z]{2,}\b/.test(first.trim());
}

md.renderer.rules.fence = (tokens, idx, _opts, envIn) => {
  const env = (envIn ?? {}) as MarkdownOptions;
  const t = tokens[idx];
  const code = t.content.replace(/\n$/, '');
  const l = LABELS[env.lang ?? 'en'];
  const lang = t.info.trim().split(/\s+/)[0];
  const cls = lang ? ` class="language-${md.utils.escapeHtml(lang)}"` : '';
  const run = env.runnable && isRunnable(t.info, code)
    ? `<button type="button" class="code-run" data-code-run title="${l.run}" aria-label="${l.run}">▶</button>`
    : '';
  return `<div class="code-block"><pre><code${cls}>${md.utils.escapeHtml(code)}</code></pre>` +
    `<span class="code-actions"><button type="button" class="code-copy" data-code-copy title="${l.copy}" aria-label="${l.copy}">⧉</button>${run}</span></div>\n`;
};
md.renderer.rules.code_block = md.renderer.rules.fence;

/** Markdown → HTML. Raw HTML in the source comes out as text; links open web pages only. */
export function renderMarkdown(source: string, opts: MarkdownOptions = {}): string {
  return md.render(source, { ...opts }).trimEnd();
}
