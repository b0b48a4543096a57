// What the end-to-end specs share: the built pages they open, and reading and typing into a page's xterm terminal.
import { expect, type Locator, type Page } from '@playwright/test';

export const HOME = './';
export const LAB = 'lab.html';
export const DEMO = 'demo.html';
export const EMBED = 'embed.html';
export const TEACHER = 'teacher.html';

/** The lab's shell prompt (without the space after it). */
export const PROMPT = 'root@dockerlings:~#';

/** A page, or the part of it holding one terminal (a widget, an iframe's body). */
type Scope = Page | Locator;

/** The terminal's visible rows as text (xterm's DOM renderer), trailing blanks trimmed. */
export async function rows(scope: Scope): Promise<string[]> {
  return (await scope.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd());
}

/** The visible rows joined with newlines. */
export const screen = async (scope: Scope): Promise<string> => (await rows(scope)).join('\n');

/** The last non-empty row: where the prompt and the line being typed are. */
export const lastRow = async (scope: Scope): Promise<string> => (await rows(scope)).filter(Boolean).pop() ?? '';

/** How many prompts the terminal shows. */
export const prompts = async (scope: Scope): Promise<number> => (await screen(scope)).split(PROMPT).length - 1;

/** Type a line (keyboard focus must be in the terminal) and wait until a new prompt appears after it. */
export async function type(page: Page, line: string, scope: Scope = page, timeout?: number): Promise<void> {
  const before = await prompts(scope);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => prompts(scope), { timeout }).toBeGreaterThan(before);
}

/** Type a line, wait for the new prompt, and for it to be the last row (the command has finished printing). */
export async function run(page: Page, line: string, scope: Scope = page, timeout?: number): Promise<void> {
  await type(page, line, scope, timeout);
  await expect.poll(() => lastRow(scope)).toBe(PROMPT);
}

/** Type a line and wait until it has run: the time-travel list gets one more step (prompts may scroll away). */
export async function typeStep(page: Page, line: string, timeout?: number): Promise<void> {
  const before = await page.getByTestId('step').count();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step')).toHaveCount(before + 1, { timeout });
}
