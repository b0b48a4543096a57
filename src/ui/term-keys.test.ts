// Copy/paste shortcuts follow VS Code's terminal; the phone's Ctrl latch makes control characters.
import { describe, expect, it } from 'vitest';
import { clipboardAction, ctrlOf } from './term-keys';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean }> = {}) => ({
  type: 'keydown', key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods,
});

describe('clipboardAction', () => {
  it('Ctrl+C copies a selection and otherwise leaves the interrupt to the terminal', () => {
    expect(clipboardAction(key('c', { ctrlKey: true }), false, true)).toBe('copy');
    expect(clipboardAction(key('c', { ctrlKey: true }), false, false)).toBe(null);
    expect(clipboardAction(key('C', { ctrlKey: true, shiftKey: true }), false, false)).toBe('copy');
  });
  it('Ctrl+V and Ctrl+Shift+V paste; plain keys and Alt combinations do not', () => {
    expect(clipboardAction(key('v', { ctrlKey: true }), false, false)).toBe('paste');
    expect(clipboardAction(key('V', { ctrlKey: true, shiftKey: true }), false, false)).toBe('paste');
    expect(clipboardAction(key('v'), false, false)).toBe(null);
    expect(clipboardAction(key('v', { ctrlKey: true, altKey: true }), false, false)).toBe(null);
  });
  it('macOS uses Cmd, and Ctrl+C always interrupts there', () => {
    expect(clipboardAction(key('c', { metaKey: true }), true, true)).toBe('copy');
    expect(clipboardAction(key('v', { metaKey: true }), true, false)).toBe('paste');
    expect(clipboardAction(key('c', { ctrlKey: true }), true, true)).toBe(null);
    expect(clipboardAction(key('v', { ctrlKey: true }), true, false)).toBe(null);
    expect(clipboardAction(key('v', { metaKey: true }), false, false)).toBe(null);
  });
});

describe('ctrlOf', () => {
  it('turns a letter into its control character and leaves the rest', () => {
    expect(ctrlOf('c')).toBe('\x03');
    expect(ctrlOf('R')).toBe('\x12');
    expect(ctrlOf('1')).toBe('1');
    expect(ctrlOf('ab')).toBe('ab');
  });
});
