// Pure key rules around the terminal: which shortcut copies or pastes (as VS Code's terminal), and the phone key row.

/** The fields of a KeyboardEvent the rules read. */
export interface KeyLike {
  type: string;
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * What a key does to the clipboard, or null when the terminal handles it.
 * Elsewhere: Ctrl+C copies when text is selected (otherwise it interrupts), Ctrl+Shift+C copies,
 * Ctrl+V and Ctrl+Shift+V paste. macOS: Cmd+C and Cmd+V, and Ctrl+C always interrupts.
 */
export function clipboardAction(e: KeyLike, mac: boolean, hasSelection: boolean): 'copy' | 'paste' | null {
  if (e.altKey) return null;
  const mod = mac ? e.metaKey && !e.ctrlKey : e.ctrlKey && !e.metaKey;
  if (!mod) return null;
  const k = e.key.toLowerCase();
  if (k === 'v') return 'paste';
  if (k === 'c' && hasSelection) return 'copy';
  if (k === 'c' && !mac && e.shiftKey) return 'copy'; // Ctrl+Shift+C never interrupts, even with nothing selected
  return null;
}

/** The extra keys a phone's keyboard lacks, and what each sends to the terminal. Ctrl is a latch (see ctrlOf). */
export const EXTRA_KEYS: { label: string; name: string; data?: string }[] = [
  { label: 'Esc', name: 'Escape', data: '\x1b' },
  { label: 'Tab', name: 'Tab', data: '\t' },
  { label: 'Ctrl', name: 'Control' },
  { label: '←', name: 'Left arrow', data: '\x1b[D' },
  { label: '↑', name: 'Up arrow', data: '\x1b[A' },
  { label: '↓', name: 'Down arrow', data: '\x1b[B' },
  { label: '→', name: 'Right arrow', data: '\x1b[C' },
];

/** Input typed while Ctrl is latched: a letter (or @[\]^_) becomes its control character; anything else is unchanged. */
export function ctrlOf(data: string): string {
  if (data.length !== 1) return data;
  const c = data.toUpperCase().charCodeAt(0);
  return c >= 0x40 && c <= 0x5f ? String.fromCharCode(c - 0x40) : data;
}
