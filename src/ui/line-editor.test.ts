// Unit tests for the DOM-free line editor: key decoding, editing, history, layout and rendering.
import { describe, expect, it } from 'vitest';
import {
  LineEditor, charWidth, commonPrefix, formatColumns, layout, parseKeys, renderLine, stringWidth, stripAnsi,
} from './line-editor';

const kinds = (data: string) => parseKeys(data).map((k) => (k.kind === 'text' ? `text:${k.text}` : k.kind));

function typed(...data: string[]): LineEditor {
  const ed = new LineEditor();
  for (const d of data) for (const k of parseKeys(d)) ed.apply(k);
  return ed;
}

describe('parseKeys', () => {
  it('decodes control keys and escape sequences', () => {
    expect(kinds('\r')).toEqual(['enter']);
    expect(kinds('\x7f\x1b[3~\t\x03\x0c\x04')).toEqual(['backspace', 'delete', 'tab', 'interrupt', 'clear', 'eof']);
    expect(kinds('\x1b[A\x1b[B\x1b[C\x1b[D')).toEqual(['up', 'down', 'right', 'left']);
    expect(kinds('\x1bOA\x1bOH\x1bOF\x1b[H\x1b[F\x1b[1~\x1b[4~')).toEqual(['up', 'home', 'end', 'home', 'end', 'home', 'end']);
    expect(kinds('\x01\x05\x15\x0b\x17\x19')).toEqual(['home', 'end', 'killStart', 'killEnd', 'killWordBack', 'yank']);
    expect(kinds('\x1b[1;5D\x1b[1;5C\x1bb\x1bf\x1bd')).toEqual(['wordLeft', 'wordRight', 'wordLeft', 'wordRight', 'killWordForward']);
  });

  it('keeps pasted text together and splits it at newlines', () => {
    expect(kinds('docker ps -a')).toEqual(['text:docker ps -a']);
    expect(kinds('echo one\recho two\r\nls')).toEqual(['text:echo one', 'enter', 'text:echo two', 'enter', 'text:ls']);
    expect(kinds('echo 你好')).toEqual(['text:echo 你好']);
  });

  it('drops unknown sequences and stray control characters', () => {
    expect(kinds('\x1b[15~a\x00\x1b[200~b')).toEqual(['text:a', 'text:b']);
  });
});

describe('LineEditor', () => {
  it('inserts at the cursor and moves with arrows, Home and End', () => {
    const ed = typed('dockr', '\x1b[D', 'e');
    expect(ed.text).toBe('docker');
    expect(ed.cursor).toBe(5);
    ed.home();
    ed.insert('sudo ');
    expect(ed.text).toBe('sudo docker');
    ed.end();
    expect(ed.cursor).toBe(ed.text.length);
  });

  it('deletes with Backspace and Delete', () => {
    const ed = typed('abcd', '\x1b[D\x1b[D', '\x7f', '\x1b[3~');
    expect(ed.text).toBe('ad');
    expect(ed.cursor).toBe(1);
    ed.home();
    ed.backspace();
    expect(ed.text).toBe('ad');
    ed.end();
    ed.delete();
    expect(ed.text).toBe('ad');
  });

  it('kills with Ctrl+U, Ctrl+K, Ctrl+W and yanks back with Ctrl+Y', () => {
    const ed = typed('docker run --rm alpine');
    ed.killWordBack();
    expect(ed.text).toBe('docker run --rm ');
    ed.killWordBack();
    expect(ed.text).toBe('docker run ');
    ed.yank();
    expect(ed.text).toBe('docker run --rm ');
    ed.home();
    ed.wordRight();
    ed.killEnd();
    expect(ed.text).toBe('docker');
    ed.home();
    ed.killStart();
    expect(ed.text).toBe('docker');
    ed.end();
    ed.killStart();
    expect([ed.text, ed.cursor]).toEqual(['', 0]);
  });

  it('moves by words', () => {
    const ed = typed('docker image ls');
    ed.wordLeft();
    expect(ed.cursor).toBe(13);
    ed.wordLeft();
    expect(ed.cursor).toBe(7);
    ed.wordRight();
    expect(ed.cursor).toBe(12);
  });

  it('steps over surrogate pairs and combining marks as one character', () => {
    const ed = typed('a😀e\u0301');
    ed.left();
    expect(ed.cursor).toBe(3);
    ed.left();
    expect(ed.cursor).toBe(1);
    ed.right();
    expect(ed.cursor).toBe(3);
    ed.end();
    ed.backspace();
    expect(ed.text).toBe('a😀');
  });

  it('walks history and keeps the unsent line and edits as drafts', () => {
    const history = ['docker ps', 'docker images'];
    const ed = typed('dock');
    expect(ed.historyUp(history)).toBe(true);
    expect(ed.text).toBe('docker images');
    ed.insert(' -a');
    expect(ed.historyUp(history)).toBe(true);
    expect(ed.text).toBe('docker ps');
    expect(ed.historyUp(history)).toBe(false);
    expect(ed.text).toBe('docker ps');
    ed.historyDown();
    expect(ed.text).toBe('docker images -a');
    ed.historyDown();
    expect([ed.text, ed.cursor]).toEqual(['dock', 4]);
    expect(ed.historyDown()).toBe(false);
    ed.reset();
    ed.historyUp(history);
    expect(ed.text).toBe('docker images');
  });

  it('does nothing on Up with empty history', () => {
    const ed = typed('x');
    expect(ed.historyUp([])).toBe(false);
    expect(ed.text).toBe('x');
  });

  it('reports non-edit keys as unhandled', () => {
    const ed = new LineEditor();
    expect(ed.apply({ kind: 'enter' })).toBe(false);
    expect(ed.apply({ kind: 'tab' })).toBe(false);
  });
});

describe('widths and layout', () => {
  it('measures CJK as two cells and combining marks as none', () => {
    expect(charWidth('a'.codePointAt(0)!)).toBe(1);
    expect(charWidth('你'.codePointAt(0)!)).toBe(2);
    expect(charWidth(0x301)).toBe(0);
    expect(stringWidth('ab你好e\u0301')).toBe(7);
    expect(stripAnsi('\x1b[1;32mroot@x\x1b[0m:~# ')).toBe('root@x:~# ');
  });

  it('places the cursor after the prompt and wraps long lines', () => {
    expect(layout('$ ', 'abc', 1, 80)).toEqual({ cursorRow: 0, cursorCol: 3, endRow: 0, endCol: 5 });
    expect(layout('$ ', 'abcdefgh', 8, 5)).toEqual({ cursorRow: 2, cursorCol: 0, endRow: 1, endCol: 5 });
    expect(layout('$ ', 'abcdefgh', 3, 5)).toEqual({ cursorRow: 1, cursorCol: 0, endRow: 1, endCol: 5 });
  });

  it('wraps a wide character that does not fit in the last column', () => {
    expect(layout('$ ', 'ab你', 4, 5)).toEqual({ cursorRow: 1, cursorCol: 2, endRow: 1, endCol: 2 });
  });

  it('lays out recalled multi-line entries with the continuation prompt', () => {
    expect(layout('$ ', 'cat <<EOF\nhi\nEOF', 16, 80)).toEqual({ cursorRow: 2, cursorCol: 5, endRow: 2, endCol: 5 });
  });
});

describe('renderLine', () => {
  it('redraws from the prompt row and parks the cursor', () => {
    expect(renderLine('$ ', 'abc', 1, 80, 0).out).toBe('\r\x1b[J$ abc\r\x1b[3C');
    const r = renderLine('$ ', 'abcdefgh', 8, 5, 1);
    expect(r).toEqual({ out: '\x1b[1A\r\x1b[J$ abcdefgh \r\r', cursorRow: 2 });
  });
});

describe('completion helpers', () => {
  it('finds the common prefix', () => {
    expect(commonPrefix(['container', 'context', 'commit'])).toBe('co');
    expect(commonPrefix(['run'])).toBe('run');
    expect(commonPrefix([])).toBe('');
  });

  it('lists candidates in columns, top to bottom', () => {
    expect(formatColumns(['attach', 'build', 'commit', 'cp', 'create'], 20)).toEqual([
      'attach  cp',
      'build   create',
      'commit',
    ]);
    expect(formatColumns(['a', 'b'], 80)).toEqual(['a  b']);
  });
});
