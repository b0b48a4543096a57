// End-to-end: light/dark theme (page, terminal, saved across reloads) and the phone layout (lesson and terminal take turns).
import { expect, test } from '@playwright/test';
import { LAB } from './pages';

import type { Locator } from '@playwright/test';

/** The computed background of `sel` inside the located element (or of the element itself). */
const bg = (l: Locator, sel = '') => l.evaluate((el, s) => getComputedStyle((s && el.querySelector(s)) || el).backgroundColor, sel);

test('the theme button switches light and dark for the page and the terminal, and is remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${LAB}?lesson=01-basics/01-hello-world`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => bg(page.locator('aside.side'))).toBe('rgb(13, 17, 23)');
  await page.getByTestId('theme').click(); // system → light
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await expect.poll(() => bg(page.locator('aside.side'))).toBe('rgb(255, 255, 255)');
  await expect.poll(() => bg(page.locator('.xterm'), '.xterm-scrollable-element')).toBe('rgb(255, 255, 255)');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.getByTestId('theme').click(); // light → dark
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(() => bg(page.locator('.xterm'), '.xterm-scrollable-element')).toBe('rgb(13, 17, 23)');
  await page.getByTestId('theme').click(); // dark → system, which is light now
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the terminal and the lesson take turns; the lesson tab counts goals met', async ({ page }) => {
    await page.goto(`${LAB}?lesson=01-basics/01-hello-world`);
    await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
    await expect(page.locator('aside.side')).toBeHidden();
    const box = await page.locator('section.terminal-panel').boundingBox();
    expect(box!.width).toBeGreaterThan(370);
    expect(box!.height).toBeGreaterThan(600);
    await expect(page.getByTestId('pane-lesson')).toHaveText(/Lesson\s+0\/2/);
    await page.locator('.xterm').click();
    await page.keyboard.type('docker run hello-world');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('pane-lesson')).toHaveText(/Lesson\s+2\/2/);
    await page.getByTestId('pane-lesson').click();
    await expect(page.locator('section.terminal-panel')).toBeHidden();
    await expect(page.getByTestId('lesson-complete')).toBeVisible();
    // nothing is wider than the screen
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.getByTestId('pane-terminal').click();
    await expect(page.locator('.xterm-rows')).toContainText('Hello from Docker!');
  });

  test('the home, teacher and demo pages fit the screen', async ({ page }) => {
    for (const url of ['./', 'teacher.html', 'demo.html']) {
      await page.goto(url);
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth), url).toBeLessThanOrEqual(390);
    }
  });
});
