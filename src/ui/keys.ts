// The keystrokes the terminal's line editor understands (decoded by line-editor.ts, also read by reverse-search.ts).

/** One decoded keystroke (or a run of printable text, e.g. a paste). */
export type Key =
  | { kind: 'text'; text: string }
  | {
      kind:
        | 'enter' | 'backspace' | 'delete' | 'left' | 'right' | 'home' | 'end' | 'up' | 'down'
        | 'wordLeft' | 'wordRight' | 'killStart' | 'killEnd' | 'killWordBack' | 'killWordForward'
        | 'yank' | 'interrupt' | 'clear' | 'eof' | 'tab' | 'reverseSearch' | 'abort' | 'escape';
    };
