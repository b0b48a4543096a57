// End-to-end: clipboard shortcuts (VS Code's rules), focus coming back to the terminal, Ctrl+R, the phone key row.
import { expect, test, type Page } from '@playwright/test';
import { EMBED, LAB, lastRow, PROMPT, rows, run } from './pages';

/** Double-click the first word of the row showing exactly `text` (xterm selects the word). */
async function selectWord(page: Page, text: string): Promise<void> {
  const box = await page.locator('.xterm-rows > div').filter({ hasText: new RegExp(`^${text}\\s*$`) }).first().boundingBox();
  if (!box) throw new Error(`no row ${text}`);
  await page.mouse.dblclick(box.x + 12, box.y + box.height / 2);
}
const focusedInTerminal = (page: Page) =>
  page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea') ?? false);

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test.describe('lab terminal', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(`${LAB}?lesson=`);
    await expect.poll(() => lastRow(page)).toBe(PROMPT);
    await page.locator('.xterm').click();
  });

  test('Ctrl+C copies the selection, and interrupts when nothing is selected', async ({ page }) => {
    await run(page, 'echo copyme');
    await selectWord(page, 'copyme');
    await page.keyboard.press('Control+c');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('copyme');
    await expect.poll(() => lastRow(page)).toBe(PROMPT); // no ^C was sent
    await page.keyboard.type('sleep 5');
    await page.keyboard.press('Control+c');
    await expect.poll(() => rows(page)).toContain(`${PROMPT} sleep 5^C`);
  });

  test('Ctrl+V and Ctrl+Shift+V paste into the line', async ({ page }) => {
    await page.evaluate(() => navigator.clipboard.writeText('echo pasted'));
    await page.keyboard.press('Control+v');
    await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo pasted`);
    await page.keyboard.press('Control+u');
    await page.evaluate(() => navigator.clipboard.writeText('echo again'));
    await page.keyboard.press('Control+Shift+v');
    await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo again`);
  });

  test('clicking a control gives the keyboard back to the terminal', async ({ page }) => {
    await page.getByRole('button', { name: '☀' }).or(page.locator('header button').first()).first().click();
    await expect.poll(() => focusedInTerminal(page)).toBe(true);
    await page.keyboard.type('echo still here');
    await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo still here`);
    // a control that takes input keeps the keyboard
    await page.getByTestId('lesson-select').click();
    await expect.poll(() => focusedInTerminal(page)).toBe(false);
  });

  test('Ctrl+R searches the history backwards like bash', async ({ page }) => {
    await run(page, 'echo alpha');
    await run(page, 'echo beta');
    await page.keyboard.press('Control+r');
    await expect.poll(() => lastRow(page)).toBe("(reverse-i-search)`':");
    await page.keyboard.type('alp');
    await expect.poll(() => lastRow(page)).toBe("(reverse-i-search)`alp': echo alpha");
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await rows(page)).filter((r) => r === 'alpha').length).toBe(2);
    await page.keyboard.press('Control+r');
    await page.keyboard.type('zzz');
    await expect.poll(() => lastRow(page)).toBe("(failed reverse-i-search)`zzz':");
    await page.keyboard.press('Control+g');
    await expect.poll(() => lastRow(page)).toBe(PROMPT);
  });
});

test('the iframe widget copies and pastes with the same keys', async ({ page }) => {
  await page.goto(`${EMBED}?lesson=basics/hello-world`);
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
  await page.locator('.xterm').click();
  await page.evaluate(() => navigator.clipboard.writeText('echo from-clipboard'));
  await page.keyboard.press('Control+v');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo from-clipboard`);
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
  await selectWord(page, 'from-clipboard');
  await page.keyboard.press('Control+c');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('from-clipboard');
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a row of extra keys sends Tab, arrows and a latched Ctrl', async ({ page }) => {
    await page.goto(`${LAB}?lesson=`);
    await expect.poll(() => lastRow(page)).toBe(PROMPT);
    const keys = page.getByRole('toolbar', { name: 'Terminal keys' });
    await expect(keys.getByRole('button')).toHaveText(['Esc', 'Tab', 'Ctrl', '←', '↑', '↓', '→']);
    await page.locator('.xterm').tap();
    await page.keyboard.type('echo one');
    await page.keyboard.press('Enter');
    await expect.poll(() => lastRow(page)).toBe(PROMPT);
    await keys.getByRole('button', { name: 'Up arrow' }).tap();
    await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo one`);
    await keys.getByRole('button', { name: 'Control' }).tap();
    await page.keyboard.type('u'); // Ctrl then u: kills the line
    await expect.poll(() => lastRow(page)).toBe(PROMPT);
    await page.keyboard.type('doc');
    await keys.getByRole('button', { name: 'Tab' }).tap();
    await expect.poll(() => lastRow(page)).toBe(`${PROMPT} docker`);
  });
});
