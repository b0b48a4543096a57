// Theme choice cycling and resolution, and that both terminal palettes keep ANSI colours readable.
import { describe, expect, it } from 'vitest';
import { nextChoice, resolve, terminalTheme } from './theme';

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

describe('theme', () => {
  it('cycles auto → light → dark → auto and resolves auto from the system', () => {
    expect([nextChoice('auto'), nextChoice('light'), nextChoice('dark')]).toEqual(['light', 'dark', 'auto']);
    expect([resolve('auto', true), resolve('auto', false), resolve('light', true), resolve('dark', false)]).toEqual(['dark', 'light', 'light', 'dark']);
  });

  it.each(['light', 'dark'] as const)('the %s palette keeps every text colour at 4.5:1 or more against its background', (t) => {
    const p = terminalTheme(t);
    const colours = ['foreground', 'red', 'green', 'yellow', 'blue', 'magenta', 'cyan', 'brightRed', 'brightGreen', 'brightBlue'] as const;
    const low = colours.filter((c) => contrast(p[c] as string, p.background as string) < 4.5);
    expect(low).toEqual([]);
  });
});
