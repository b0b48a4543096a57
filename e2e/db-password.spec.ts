// End-to-end: mysql -p in the lab: the password typed at "Enter password:" is not echoed and not recalled with ↑.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LAB } from './pages';

const PROMPT = 'root@dockerlings:~#';
const screen = async (scope: Locator) => (await scope.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
const lastRow = async (scope: Locator) => (await screen(scope)).split('\n').filter(Boolean).pop() ?? '';

async function line(page: Page, scope: Locator, text: string, until: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(scope), { timeout: 30_000 }).toBe(until);
}

test('mysql -p: Enter password: hides what is typed; the mysql> prompt follows; ↑ does not bring the password back', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(LAB + '?lesson=');
  const body = page.locator('body');
  await expect.poll(() => lastRow(body)).toBe(PROMPT);
  await page.locator('.xterm').click();
  await line(page, body, 'docker run -d --name db -e MYSQL_ROOT_PASSWORD=hunter2 mysql', PROMPT);
  await line(page, body, 'sleep 10', PROMPT);
  await page.keyboard.type('docker exec -it db mysql -uroot -p');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(body), { timeout: 30_000 }).toBe('Enter password:');
  await line(page, body, 'hunter2', 'mysql>');
  const shown = await screen(body);
  expect(shown).toContain('Enter password:\nWelcome to the MySQL monitor.');
  expect(shown).not.toContain('Enter password: hunter2');
  await line(page, body, 'exit', PROMPT);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastRow(body)).toBe(`${PROMPT} exit`);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastRow(body)).toBe(`${PROMPT} docker exec -it db mysql -uroot -p`);
});
