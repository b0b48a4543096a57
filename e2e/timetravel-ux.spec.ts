// End-to-end: while a past step is viewed the terminal is dimmed under a banner, the step list keeps the step in sight,
// and typing asks before going back to now.
import { expect, test } from '@playwright/test';
import { LAB, lastRow, typeStep as type } from './pages';

test('a past view dims the terminal, keeps the step in sight, and typing asks first', async ({ page }) => {
  await page.goto(`${LAB}?lesson=`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await page.locator('.xterm').click();
  for (let i = 1; i <= 14; i++) await type(page, `echo ${i}`);
  await expect(page.getByTestId('past-banner')).toHaveCount(0);
  // step back to the start: the list scrolls to it
  await page.getByTestId('step').nth(13).scrollIntoViewIfNeeded();
  for (let i = 0; i < 14; i++) await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('viewing')).toHaveText('Viewing the state before your first command');
  await expect(page.locator('.timeline li.on')).toBeInViewport();
  await expect(page.getByTestId('past-banner')).toHaveText('Viewing the state before your first command (of 14 steps). The terminal is still at now; typing returns there.');
  await expect(page.locator('.wrap.past')).toHaveCount(1);
  // typing asks; "no" keeps the past view and drops the key
  page.once('dialog', (d) => void d.dismiss());
  await page.keyboard.type('x');
  await expect(page.getByTestId('viewing')).toBeVisible();
  expect(await lastRow(page)).toBe('root@dockerlings:~#');
  // "yes" goes back to now and the key is typed
  page.once('dialog', (d) => void d.accept());
  await page.keyboard.type('y');
  await expect(page.getByTestId('viewing')).toHaveCount(0);
  await expect(page.getByTestId('past-banner')).toHaveCount(0);
  await expect.poll(() => lastRow(page)).toBe('root@dockerlings:~# y');
});
