// Ctrl+R in the line editor behaves like bash's reverse-i-search: incremental, older matches, Ctrl+G restores.
import { describe, expect, it } from 'vitest';
import { LineEditor, parseKeys } from './line-editor';

const HISTORY = ['docker ps', 'docker run -d --name web nginx', 'echo hello', 'docker network ls'];

/** Feed keys (as xterm would send them) to an editor; returns the editor. */
function typeInto(ed: LineEditor, data: string): LineEditor {
  for (const k of parseKeys(data)) if (!(ed.search && ed.searchKey(k))) ed.apply(k, HISTORY);
  return ed;
}

describe('reverse-i-search', () => {
  it('Ctrl+R shows the empty search prompt and keeps the line', () => {
    const ed = typeInto(new LineEditor(), 'abc\x12');
    expect(ed.searchPrompt()).toBe("(reverse-i-search)`': ");
    expect(ed.text).toBe('abc');
  });

  it('typing finds the newest entry holding the query, the cursor on the match', () => {
    const ed = typeInto(new LineEditor(), '\x12dock');
    expect(ed.searchPrompt()).toBe("(reverse-i-search)`dock': ");
    expect(ed.text).toBe('docker network ls');
    expect(ed.cursor).toBe(0);
    typeInto(ed, 'er r');
    expect(ed.text).toBe('docker run -d --name web nginx');
  });

  it('Ctrl+R again goes further back; past the oldest it fails and keeps the last match', () => {
    const ed = typeInto(new LineEditor(), '\x12docker\x12');
    expect(ed.text).toBe('docker run -d --name web nginx');
    typeInto(ed, '\x12');
    expect(ed.text).toBe('docker ps');
    typeInto(ed, '\x12');
    expect(ed.searchPrompt()).toBe("(failed reverse-i-search)`docker': ");
    expect(ed.text).toBe('docker ps');
  });

  it('a query nothing holds fails; Backspace recovers', () => {
    const ed = typeInto(new LineEditor(), '\x12hellx');
    expect(ed.searchPrompt()).toBe("(failed reverse-i-search)`hellx': ");
    typeInto(ed, '\x7f');
    expect(ed.searchPrompt()).toBe("(reverse-i-search)`hell': ");
    expect(ed.text).toBe('echo hello');
    expect(ed.cursor).toBe(5);
  });

  it('Ctrl+G (or Esc) restores the line typed before the search', () => {
    const ed = typeInto(new LineEditor(), 'draft\x12web\x07');
    expect(ed.search).toBe(null);
    expect(ed.text).toBe('draft');
    typeInto(ed, '\x12web\x1b');
    expect(ed.text).toBe('draft');
  });

  it('an editing key ends the search with the match as the line, then acts on it', () => {
    const ed = typeInto(new LineEditor(), '\x12web\x1b[C');
    expect(ed.search).toBe(null);
    expect(ed.text).toBe('docker run -d --name web nginx');
    expect(ed.cursor).toBe(22);
    typeInto(ed, '\x05 -p 80:80');
    expect(ed.text).toBe('docker run -d --name web nginx -p 80:80');
  });

  it('Enter is left to the caller (it runs the matched line): the search ends', () => {
    const ed = new LineEditor();
    typeInto(ed, '\x12hello');
    expect(ed.searchKey({ kind: 'enter' })).toBe(false);
    expect(ed.search).toBe(null);
    expect(ed.text).toBe('echo hello');
  });
});
