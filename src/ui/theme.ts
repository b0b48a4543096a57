// Light and dark themes: the learner's choice (saved), the resolved theme, and the terminal palettes for each.
import type { ITheme } from '@xterm/xterm';

export type ThemeChoice = 'auto' | 'light' | 'dark';
export type Theme = 'light' | 'dark';

const KEY = 'dockerlings.theme';

export function savedChoice(): ThemeChoice {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(KEY);
  return v === 'light' || v === 'dark' ? v : 'auto';
}

export function saveChoice(c: ThemeChoice): void {
  if (typeof localStorage !== 'undefined') localStorage.setItem(KEY, c);
}

/** auto follows the system (prefers-color-scheme). */
export function resolve(c: ThemeChoice, systemDark: boolean): Theme {
  return c === 'auto' ? (systemDark ? 'dark' : 'light') : c;
}

/** The next choice of the header's theme button: auto → light → dark → auto. */
export function nextChoice(c: ThemeChoice): ThemeChoice {
  return c === 'auto' ? 'light' : c === 'light' ? 'dark' : 'auto';
}

/** GitHub-dark-like: readable contrast for the prompt colours and docker's own output. */
const DARK: ITheme = {
  background: '#0d1117', foreground: '#e6edf3', cursor: '#58a6ff', cursorAccent: '#0d1117', selectionBackground: '#264f78',
  scrollbarSliderBackground: 'rgba(110, 118, 129, 0.25)', scrollbarSliderHoverBackground: 'rgba(110, 118, 129, 0.45)', scrollbarSliderActiveBackground: 'rgba(110, 118, 129, 0.6)',
  black: '#484f58', red: '#ff7b72', green: '#3fb950', yellow: '#d29922', blue: '#58a6ff', magenta: '#bc8cff', cyan: '#39c5cf', white: '#b1bac4',
  brightBlack: '#6e7681', brightRed: '#ffa198', brightGreen: '#56d364', brightYellow: '#e3b341', brightBlue: '#79c0ff', brightMagenta: '#d2a8ff', brightCyan: '#56d4dd', brightWhite: '#ffffff',
};

/** GitHub-light-like: every ANSI colour keeps at least 4.5:1 contrast on white (bold green prompts included). */
const LIGHT: ITheme = {
  background: '#ffffff', foreground: '#1f2328', cursor: '#0969da', cursorAccent: '#ffffff', selectionBackground: '#b6e3ff',
  scrollbarSliderBackground: 'rgba(31, 35, 40, 0.2)', scrollbarSliderHoverBackground: 'rgba(31, 35, 40, 0.35)', scrollbarSliderActiveBackground: 'rgba(31, 35, 40, 0.5)',
  black: '#24292f', red: '#cf222e', green: '#116329', yellow: '#7d4e00', blue: '#0969da', magenta: '#8250df', cyan: '#1b7c83', white: '#57606a',
  brightBlack: '#57606a', brightRed: '#a40e26', brightGreen: '#1a7f37', brightYellow: '#633c01', brightBlue: '#0550ae', brightMagenta: '#6639ba', brightCyan: '#1b7c83', brightWhite: '#24292f',
};

export const terminalTheme = (t: Theme): ITheme => (t === 'light' ? LIGHT : DARK);

/** mermaid's built-in theme for each. */
export const mermaidTheme = (t: Theme): 'dark' | 'default' => (t === 'light' ? 'default' : 'dark');
