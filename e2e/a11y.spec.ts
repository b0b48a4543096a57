// Accessibility: an axe-core scan of every page in both themes and both languages finds no serious or critical
// violation; xterm's screen-reader mode sits behind a visible toggle.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DEMO, HOME, LAB, lastRow } from './pages';

const PAGES: [string, string, (p: Page) => Promise<void>][] = [
  ['home', HOME, async (p) => void (await expect(p.getByTestId('home-lesson').first()).toBeVisible())],
  ['lab', `${LAB}?lesson=04-networking/03-isolation-and-connect`, async (p) => void (await expect(p.locator('.xterm-rows')).toContainText('root@dockerlings:~#'))],
  ['sandbox', `${LAB}?lesson=`, async (p) => void (await expect(p.locator('.xterm-rows')).toContainText('root@dockerlings:~#'))],
  ['teacher', 'teacher.html', async (p) => void (await expect(p.getByTestId('ex-title')).toBeVisible())],
  ['demo', DEMO, async (p) => void (await expect(p.locator('docker-lab').first()).toBeVisible())],
];

for (const [name, url, ready] of PAGES) {
  for (const theme of ['dark', 'light'] as const) {
    for (const lang of ['en', 'zh'] as const) {
      test(`axe: ${name}, ${theme}, ${lang}`, async ({ page }) => {
        await page.addInitScript(([t, l]) => {
          localStorage.setItem('dockerlings.theme', t);
          localStorage.setItem('dockerlings.lang', l);
        }, [theme, lang]);
        await page.goto(url);
        await ready(page);
        const result = await new AxeBuilder({ page }).exclude('.xterm-helper-textarea').analyze();
        const bad = result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
        expect(bad).toEqual([]);
      });
    }
  }
}

test('the screen-reader toggle turns on xterm’s screen-reader mode and is remembered', async ({ page }) => {
  await page.goto(`${LAB}?lesson=`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  const toggle = page.getByRole('button', { name: 'Screen reader mode' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('.xterm-accessibility-tree')).toHaveCount(1);
  await page.keyboard.type('echo spoken');
  await page.keyboard.press('Enter');
  await expect(page.locator('.xterm-accessibility-tree')).toContainText('spoken');
  await page.reload();
  await expect(page.getByRole('button', { name: 'Screen reader mode' })).toHaveAttribute('aria-pressed', 'true');
});

test('the keyboard leaves the terminal (Shift+Tab, or Esc then Tab) and reaches and uses the lesson controls', async ({ page }) => {
  await page.goto(`${LAB}?lesson=01-basics/01-hello-world`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await page.locator('.xterm').click();
  const inTerminal = () => page.evaluate(() => document.activeElement?.classList.contains('xterm-helper-textarea') ?? false);
  await page.keyboard.press('Shift+Tab');
  expect(await inTerminal()).toBe(false);
  await page.locator('.xterm').click();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Tab');
  expect(await inTerminal()).toBe(false);
  // Tab onwards until "Show a hint" has the focus, then Enter uses it
  for (let i = 0; i < 40; i++) {
    if (await page.getByRole('button', { name: 'Show a hint' }).evaluate((b) => b === document.activeElement)) break;
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(page.locator('.hint')).toHaveCount(1);
  expect(await inTerminal()).toBe(false); // keyboard activation leaves the focus where the learner put it
  // plain Tab in the terminal still completes
  await page.locator('.xterm').click();
  await page.keyboard.type('doc');
  await page.keyboard.press('Tab');
  await expect.poll(() => lastRow(page)).toBe('root@dockerlings:~# docker');
});
