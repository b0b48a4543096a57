// Pure, DOM-free line editing for the terminal: key decoding, buffer + cursor, history, screen layout.
// The xterm addon (shell-addon.ts) only wires this to a Terminal; everything here runs in plain Node.
import { ReverseSearch } from './reverse-search';

/** One decoded keystroke (or a run of printable text, e.g. a paste). */
export type Key =
  | { kind: 'text'; text: string }
  | {
      kind:
        | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' | 'up' | 'down'
        | 'wordLeft' | 'wordRight' | 'killStart' | 'killEnd' | 'killWordBack' | 'killWordForward'
        | 'yank' | 'interrupt' | 'clear' | 'eof' | 'tab' | 'reverseSearch' | 'abort' | 'escape';
    };

const CONTROL: Record<string, Key['kind']> = {
  '\r': 'enter', '\n': 'enter', '\x7f': 'backspace', '\x08': 'backspace', '\t': 'tab',
  '\x01': 'home', '\x05': 'end', '\x02': 'left', '\x06': 'right', '\x10': 'up', '\x0e': 'down',
  '\x15': 'killStart', '\x0b': 'killEnd', '\x17': 'killWordBack', '\x19': 'yank',
  '\x03': 'interrupt', '\x0c': 'clear', '\x04': 'eof', '\x12': 'reverseSearch', '\x07': 'abort',
};

// Final bytes / tilde codes of the escape sequences xterm sends (normal and application cursor mode).
const CSI_FINAL: Record<string, Key['kind']> = { A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end' };
const TILDE: Record<string, Key['kind']> = { '1': 'home', '7': 'home', '4': 'end', '8': 'end', '3': 'delete' };

/** Split what xterm's onData delivered (one key, or pasted text) into keys. Unknown sequences are dropped. */
export function parseKeys(data: string): Key[] {
  const keys: Key[] = [];
  let text = '';
  const flush = () => {
    if (text) keys.push({ kind: 'text', text });
    text = '';
  };
  for (let i = 0; i < data.length; ) {
    const ch = data[i];
    if (ch === '\x1b') {
      flush();
      const csi = /^\x1b(?:\[|O)([0-9;]*)([A-Za-z~])/.exec(data.slice(i));
      if (csi) {
        const [seq, params, final] = csi;
        const ctrlOrAlt = /;[35]$/.test(params);
        let kind: Key['kind'] | undefined =
          final === '~' ? TILDE[params.split(';')[0]] : CSI_FINAL[final];
        if (ctrlOrAlt && kind === 'left') kind = 'wordLeft';
        if (ctrlOrAlt && kind === 'right') kind = 'wordRight';
        if (kind) keys.push({ kind } as Key);
        i += seq.length;
        continue;
      }
      const alt = data[i + 1];
      const altKind = alt === 'b' ? 'wordLeft' : alt === 'f' ? 'wordRight' : alt === 'd' ? 'killWordForward'
        : alt === '\x7f' ? 'killWordBack' : undefined;
      if (altKind) keys.push({ kind: altKind });
      if (alt === undefined) keys.push({ kind: 'escape' });
      i += alt === undefined ? 1 : 2;
      continue;
    }
    if (ch === '\r' && data[i + 1] === '\n') i++; // CRLF in a paste is one Enter
    const control = CONTROL[ch];
    if (control) {
      flush();
      keys.push({ kind: control } as Key);
    } else if (ch >= ' ') {
      text += ch;
    }
    i++;
  }
  flush();
  return keys;
}

/** Display width of one code point in a terminal cell grid (matches xterm's default Unicode 6 tables closely). */
export function charWidth(cp: number): 0 | 1 | 2 {
  if (cp < 32 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (
    (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x483 && cp <= 0x489) || (cp >= 0x591 && cp <= 0x5bd) ||
    (cp >= 0x200b && cp <= 0x200f) || (cp >= 0x20d0 && cp <= 0x20ff) || (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) || (cp >= 0xe0100 && cp <= 0xe01ef)
  ) return 0;
  if (
    (cp >= 0x1100 && cp < 0x1160) || cp === 0x2329 || cp === 0x232a ||
    (cp >= 0x2e80 && cp < 0xa4d0 && cp !== 0x303f) || (cp >= 0xac00 && cp < 0xd7a4) ||
    (cp >= 0xf900 && cp < 0xfb00) || (cp >= 0xfe10 && cp < 0xfe1a) || (cp >= 0xfe30 && cp < 0xfe70) ||
    (cp >= 0xff00 && cp < 0xff61) || (cp >= 0xffe0 && cp < 0xffe7) ||
    (cp >= 0x20000 && cp <= 0x2fffd) || (cp >= 0x30000 && cp <= 0x3fffd)
  ) return 2;
  return 1;
}

/** Display width of a string (no escape sequences). */
export function stringWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Remove ANSI escape sequences (CSI/OSC) so a coloured prompt can be measured. */
export function stripAnsi(s: string): string {
  return s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g, '');
}

/** Where every character of prompt + text lands on a grid `cols` wide. Row 0 is the prompt's first row. */
export interface Layout {
  cursorRow: number;
  cursorCol: number;
  endRow: number;
  /** Column after the last character; equals `cols` when the text exactly fills its last row (pending wrap). */
  endCol: number;
}

/** Lay out `prompt` + `text` (which may hold '\n': later lines start with `contPrompt`) and find the cursor. */
export function layout(prompt: string, text: string, cursor: number, cols: number, contPrompt = '> '): Layout {
  cols = Math.max(1, cols);
  let row = 0;
  let col = 0;
  const put = (s: string) => {
    for (const ch of s) {
      const w = charWidth(ch.codePointAt(0)!);
      if (w === 0) continue;
      if (col + w > cols) {
        row++;
        col = 0;
      }
      col += w;
    }
  };
  const here = () => (col >= cols ? { r: row + 1, c: 0 } : { r: row, c: col });
  put(stripAnsi(prompt));
  let cur = here();
  let i = 0;
  for (const ch of text) {
    if (i === cursor) cur = here();
    if (ch === '\n') {
      row++;
      col = 0;
      put(contPrompt);
    } else {
      put(ch);
    }
    i += ch.length;
  }
  if (cursor >= text.length) cur = here();
  return { cursorRow: cur.r, cursorCol: cur.c, endRow: row, endCol: col };
}

/**
 * Escape sequence that redraws prompt + text in place and leaves the terminal cursor at `cursor`.
 * `fromRow` is how many rows below the prompt's first row the terminal cursor is now.
 */
export function renderLine(
  prompt: string, text: string, cursor: number, cols: number, fromRow: number, contPrompt = '> ',
): { out: string; cursorRow: number } {
  const l = layout(prompt, text, cursor, cols, contPrompt);
  let out = (fromRow > 0 ? `\x1b[${fromRow}A` : '') + '\r\x1b[J' + prompt + text.replace(/\n/g, '\r\n' + contPrompt);
  let endRow = l.endRow;
  if (l.endCol >= cols) {
    // Text fills the last row exactly: force the wrap now (as readline does) so positions are unambiguous.
    out += ' \r';
    endRow++;
  }
  const up = endRow - l.cursorRow;
  out += (up > 0 ? `\x1b[${up}A` : '') + '\r' + (l.cursorCol > 0 ? `\x1b[${l.cursorCol}C` : '');
  return { out, cursorRow: l.cursorRow };
}

/** Longest common prefix of some strings. */
export function commonPrefix(items: string[]): string {
  if (items.length === 0) return '';
  let p = items[0];
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Lay candidates out in columns (filled top to bottom, like bash's completion listing). */
export function formatColumns(items: string[], cols: number): string[] {
  if (items.length === 0) return [];
  const width = Math.max(...items.map(stringWidth)) + 2;
  const perRow = Math.max(1, Math.floor((cols + 2) / width));
  const rows = Math.ceil(items.length / perRow);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) break;
      const isLast = c === perRow - 1 || (c + 1) * rows + r >= items.length;
      line += isLast ? item : item + ' '.repeat(width - stringWidth(item));
    }
    lines.push(line);
  }
  return lines;
}

const isSpace = (ch: string | undefined) => ch === ' ' || ch === '\t' || ch === '\n';
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}_]/u.test(ch);

/** The line being typed: text, cursor (a UTF-16 index), a kill buffer, and history navigation. */
export class LineEditor {
  text = '';
  cursor = 0;
  private killed = '';
  private histIndex: number | null = null;
  private histSnapshot: string[] = [];
  private drafts = new Map<number, string>();
  /** Ctrl+R in progress (bash's reverse incremental search), or null. */
  search: ReverseSearch | null = null;

  /** The prompt bash's reverse search shows in place of the shell prompt. */
  searchPrompt(): string {
    return this.search?.prompt() ?? '';
  }

  /** Ctrl+R: start searching the history backwards, or, while searching, find the next older match. */
  reverseSearch(history: readonly string[]): void {
    if (this.search) this.search.older(this);
    else this.search = new ReverseSearch(this, history);
  }

  /** A key typed while searching: true when the search took it; false when it ended the search (see ReverseSearch.key). */
  searchKey(key: Key): boolean {
    if (!this.search) return false;
    const r = this.search.key(key, this);
    if (r !== 'search') this.search = null;
    return r !== 'ended';
  }

  /** Start a fresh line (after Enter or Ctrl+C): forgets history navigation and edits to recalled entries. */
  reset(text = ''): void {
    this.text = text;
    this.cursor = text.length;
    this.histIndex = null;
    this.drafts.clear();
    this.search = null;
  }

  insert(s: string): void {
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  /** Replace text[from, to) and put the cursor after the replacement. */
  replace(from: number, to: number, s: string): void {
    this.text = this.text.slice(0, from) + s + this.text.slice(to);
    this.cursor = from + s.length;
  }

  private prevIndex(i: number): number {
    if (i <= 0) return 0;
    let j = i - 1;
    if (j > 0 && /[\udc00-\udfff]/.test(this.text[j]) && /[\ud800-\udbff]/.test(this.text[j - 1])) j--;
    // step over combining marks so the cursor never lands inside a grapheme
    while (j > 0 && charWidth(this.text.codePointAt(j)!) === 0 && this.text[j] !== '\n') j--;
    return j;
  }

  private nextIndex(i: number): number {
    if (i >= this.text.length) return this.text.length;
    let j = i + (this.text.codePointAt(i)! > 0xffff ? 2 : 1);
    while (j < this.text.length && charWidth(this.text.codePointAt(j)!) === 0 && this.text[j] !== '\n') {
      j += this.text.codePointAt(j)! > 0xffff ? 2 : 1;
    }
    return j;
  }

  left(): void { this.cursor = this.prevIndex(this.cursor); }
  right(): void { this.cursor = this.nextIndex(this.cursor); }
  home(): void { this.cursor = 0; }
  end(): void { this.cursor = this.text.length; }

  backspace(): void {
    const from = this.prevIndex(this.cursor);
    this.text = this.text.slice(0, from) + this.text.slice(this.cursor);
    this.cursor = from;
  }

  delete(): void {
    this.text = this.text.slice(0, this.cursor) + this.text.slice(this.nextIndex(this.cursor));
  }

  /** Ctrl+A..Ctrl+U: kill from line start to cursor. */
  killStart(): void {
    this.kill(0, this.cursor);
  }

  /** Ctrl+K: kill from cursor to line end. */
  killEnd(): void {
    this.kill(this.cursor, this.text.length);
  }

  /** Ctrl+W (readline unix-word-rubout): kill the whitespace-delimited word before the cursor. */
  killWordBack(): void {
    let i = this.cursor;
    while (i > 0 && isSpace(this.text[i - 1])) i--;
    while (i > 0 && !isSpace(this.text[i - 1])) i--;
    this.kill(i, this.cursor);
  }

  /** Alt+D: kill the word after the cursor. */
  killWordForward(): void {
    this.kill(this.cursor, this.wordEnd(this.cursor));
  }

  /** Ctrl+Y: paste the last killed text. */
  yank(): void {
    this.insert(this.killed);
  }

  private kill(from: number, to: number): void {
    if (to <= from) return;
    this.killed = this.text.slice(from, to);
    this.text = this.text.slice(0, from) + this.text.slice(to);
    this.cursor = from;
  }

  private wordEnd(i: number): number {
    while (i < this.text.length && !isWordChar(this.text[i])) i++;
    while (i < this.text.length && isWordChar(this.text[i])) i++;
    return i;
  }

  /** Alt+B / Ctrl+Left: to the start of the previous word. */
  wordLeft(): void {
    let i = this.cursor;
    while (i > 0 && !isWordChar(this.text[i - 1])) i--;
    while (i > 0 && isWordChar(this.text[i - 1])) i--;
    this.cursor = i;
  }

  /** Alt+F / Ctrl+Right: to the end of the next word. */
  wordRight(): void {
    this.cursor = this.wordEnd(this.cursor);
  }

  /**
   * Up arrow: recall the previous history entry. `history` is oldest first; the unsent line is kept
   * as a draft (and so are edits to recalled entries) until the line is submitted. False when at the top.
   */
  historyUp(history: readonly string[]): boolean {
    if (this.histIndex === null) {
      this.histSnapshot = [...history];
      this.histIndex = this.histSnapshot.length;
    }
    if (this.histIndex === 0) return false;
    this.go(this.histIndex - 1);
    return true;
  }

  /** Down arrow: the next history entry, and finally the line that was being typed. False when at the bottom. */
  historyDown(): boolean {
    if (this.histIndex === null || this.histIndex >= this.histSnapshot.length) return false;
    this.go(this.histIndex + 1);
    return true;
  }

  private go(index: number): void {
    this.drafts.set(this.histIndex!, this.text);
    this.histIndex = index;
    this.text = this.drafts.get(index) ?? this.histSnapshot[index] ?? '';
    this.cursor = this.text.length;
  }

  /** Apply one editing key. Returns false for keys that are not pure edits (enter, tab, interrupt, …). */
  apply(key: Key, history: readonly string[] = []): boolean {
    switch (key.kind) {
      case 'text': this.insert(key.text); return true;
      case 'backspace': this.backspace(); return true;
      case 'delete': this.delete(); return true;
      case 'left': this.left(); return true;
      case 'right': this.right(); return true;
      case 'home': this.home(); return true;
      case 'end': this.end(); return true;
      case 'wordLeft': this.wordLeft(); return true;
      case 'wordRight': this.wordRight(); return true;
      case 'killStart': this.killStart(); return true;
      case 'killEnd': this.killEnd(); return true;
      case 'killWordBack': this.killWordBack(); return true;
      case 'killWordForward': this.killWordForward(); return true;
      case 'yank': this.yank(); return true;
      case 'up': this.historyUp(history); return true;
      case 'down': this.historyDown(); return true;
      case 'reverseSearch': this.reverseSearch(history); return true;
      default: return false;
    }
  }
}
