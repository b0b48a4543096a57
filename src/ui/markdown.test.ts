// The lesson markdown renderer escapes everything; only its own tags come out.
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, paragraphs, lists, code and emphasis', () => {
    expect(renderMarkdown('# Title\n\nSome **bold** and `code`.\n\n- one\n- two\n\n```\ndocker run <x>\n```\n')).toBe(
      '<h2>Title</h2>\n<p>Some <strong>bold</strong> and <code>code</code>.</p>\n<ul><li>one</li><li>two</li></ul>\n<pre><code>docker run &lt;x&gt;</code></pre>',
    );
  });

  it('never lets markup or script through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img|href="javascript/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps a fence language as a class (a mermaid block is then drawn by the lesson panel), its text escaped', () => {
    expect(renderMarkdown('``` mermaid\ngraph LR\n  A[<b>] --> B\n```')).toBe('<pre><code class="language-mermaid">graph LR\n  A[&lt;b&gt;] --&gt; B</code></pre>');
  });
});
