// The lesson markdown renderer (markdown-it, raw HTML off) escapes everything; only its own tags come out.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isRunnable, renderMarkdown } from './markdown';

const COPY = '<button type="button" class="code-copy" data-code-copy title="Copy" aria-label="Copy">⧉</button>';
const RUN = '<button type="button" class="code-run" data-code-run title="Run in the terminal" aria-label="Run in the terminal">▶</button>';

describe('renderMarkdown', () => {
  it('renders headings (one level down), paragraphs, lists, code and emphasis', () => {
    expect(renderMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n```\ndocker run <x>\n```\n')).toBe(
      '<h2>Title</h2>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n' +
        `<div class="code-block"><pre><code>docker run &lt;x&gt;</code></pre><span class="code-actions">${COPY}</span></div>`,
    );
  });

  it('never lets markup or script through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)> ![i](http://evil/x.png)\n\n<div onclick="x">');
    expect(html).not.toMatch(/<script|<img|<div onclick|href="javascript/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&lt;div onclick=&quot;x&quot;&gt;');
  });

  it('web links open in a new tab; other schemes are not links', () => {
    expect(renderMarkdown('[docs](https://docs.docker.com/) [f](file:///etc/passwd) [d](data:text/html,x)')).toBe(
      '<p><a href="https://docs.docker.com/" target="_blank" rel="noopener noreferrer">docs</a> [f](file:///etc/passwd) [d](data:text/html,x)</p>',
    );
  });

  it('renders tables', () => {
    expect(renderMarkdown('| a | b |\n|---|---|\n| 1 | 2 |')).toBe(
      '<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>',
    );
  });

  it('joins Chinese lines without a space, and keeps the space next to Latin text', () => {
    expect(renderMarkdown('容器是一个\n进程，它运行在\n`docker` 之上。\nDocker\n很好')).toBe(
      '<p>容器是一个进程，它运行在\n<code>docker</code> 之上。\nDocker\n很好</p>',
    );
  });

  it('gives code blocks a copy button, and shell blocks a ▶ button where they can run (labels in the language)', () => {
    expect(renderMarkdown('```\ndocker ps\n```', { runnable: true })).toBe(
      `<div class="code-block"><pre><code>docker ps</code></pre><span class="code-actions">${COPY}${RUN}</span></div>`,
    );
    expect(renderMarkdown('```\nFROM alpine\nRUN true\n```', { runnable: true })).not.toContain('code-run');
    expect(renderMarkdown('```\ndocker ps\n```', { runnable: true, lang: 'zh' })).toContain('aria-label="在终端中运行"');
  });

  it('every lesson table renders as a table', () => {
    const md = readFileSync(new URL('../../lessons/01-basics/02-containers-vs-vms/lesson.md', import.meta.url), 'utf8');
    const zh = md.split('::: zh')[1];
    expect(renderMarkdown(zh)).toContain('<table>');
    expect(renderMarkdown(zh)).not.toMatch(/<p>\|/);
  });
});

describe('isRunnable', () => {
  it('shell commands run; Dockerfiles, other languages and mermaid do not', () => {
    expect(isRunnable('', 'docker run -d nginx')).toBe(true);
    expect(isRunnable('sh', 'ip a')).toBe(true);
    expect(isRunnable('', 'FROM alpine')).toBe(false);
    expect(isRunnable('dockerfile', 'RUN true')).toBe(false);
    expect(isRunnable('mermaid', 'graph TD')).toBe(false);
    expect(isRunnable('', '')).toBe(false);
  });

  it('keeps a fence language as a class (a mermaid block is then drawn by the lesson panel), its text escaped', () => {
    expect(renderMarkdown('``` mermaid\ngraph LR\n  A[<b>] --> B\n```')).toContain('<pre><code class="language-mermaid">graph LR\n  A[&lt;b&gt;] --&gt; B</code></pre>');
  });
});
