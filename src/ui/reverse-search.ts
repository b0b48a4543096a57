// Ctrl+R: bash's reverse incremental history search over the line editor's text and cursor (no DOM).
import type { Key } from './line-editor';

/** The part of the line editor a search reads and writes. */
interface Line {
  text: string;
  cursor: number;
}

export class ReverseSearch {
  query = '';
  /** The history entry shown (null: none matched yet). */
  at: number | null = null;
  failed = false;
  private readonly saved: Line;
  private readonly history: string[];

  constructor(line: Line, history: readonly string[]) {
    this.saved = { text: line.text, cursor: line.cursor };
    this.history = [...history];
  }

  /** `(reverse-i-search)`query': `, or bash's `(failed reverse-i-search)…` when nothing matches. */
  prompt(): string {
    return `(${this.failed ? 'failed ' : ''}reverse-i-search)\`${this.query}': `;
  }

  /** Ctrl+R again: the next older entry holding the query. */
  older(line: Line): void {
    if (this.query) this.find(line, this.at === null ? this.history.length - 1 : this.at - 1);
  }

  /** Look for the query in entries from `from` back to the oldest; show the match with the cursor on it, or fail. */
  private find(line: Line, from: number): void {
    for (let i = Math.min(from, this.history.length - 1); i >= 0; i--) {
      const pos = this.history[i].lastIndexOf(this.query);
      if (pos >= 0) {
        this.at = i;
        this.failed = false;
        line.text = this.history[i];
        line.cursor = pos;
        return;
      }
    }
    this.failed = true;
  }

  /**
   * One key while searching. Text and Backspace edit the query, Ctrl+R looks further back ('search': keep searching);
   * Ctrl+G or Esc give up and restore the line ('cancelled'); any other key leaves the match as the line ('ended')
   * and is then handled as usual (Enter runs it, arrows move in it), as in bash.
   */
  key(key: Key, line: Line): 'search' | 'cancelled' | 'ended' {
    switch (key.kind) {
      case 'text':
        this.query += key.text;
        this.find(line, this.at ?? this.history.length - 1);
        return 'search';
      case 'backspace':
        this.query = this.query.slice(0, -1);
        if (this.query) this.find(line, this.history.length - 1);
        else this.failed = false;
        return 'search';
      case 'reverseSearch':
        this.older(line);
        return 'search';
      case 'abort':
      case 'escape':
        line.text = this.saved.text;
        line.cursor = this.saved.cursor;
        return 'cancelled';
      default:
        return 'ended';
    }
  }
}
