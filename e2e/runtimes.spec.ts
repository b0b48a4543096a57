// End-to-end: language runtimes in the browser's worker: node's QuickJS wasm chunk and the Python chunk load on first use.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { LAB } from './pages';

const PROMPT = 'root@dockerlings:~#';
const screen = async (scope: Locator) => (await scope.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
const lastRow = async (scope: Locator) => (await screen(scope)).split('\n').filter(Boolean).pop() ?? '';

/** Type a line and wait for `expected` on screen, then for the prompt (pull output scrolls earlier prompts away). */
async function run(page: Page, scope: Locator, line: string, expected: string): Promise<void> {
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(scope), { timeout: 30_000 }).toContain(expected);
  await expect.poll(() => lastRow(scope)).toBe(PROMPT);
}

test('node -e and python3 -c run code in the lab (interpreters loaded lazily in the worker)', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(LAB + '?lesson=');
  const body = page.locator('body');
  await expect.poll(() => lastRow(body)).toBe(PROMPT);
  await page.locator('.xterm').click();
  await run(page, body, `docker run --rm node -e 'console.log("answer", 6 * 7)'`, '\nanswer 42\n');
  await run(page, body, `docker run --rm python python3 -c 'print(sum(range(10)))'`, '\n45\n');
  expect(errors).toEqual([]);
});

test("docker run -it python and node: the language's prompt in the lab's terminal, then back at the host prompt", async ({ page }) => {
  await page.goto(LAB + '?lesson=');
  const body = page.locator('body');
  await expect.poll(() => lastRow(body)).toBe(PROMPT);
  await page.locator('.xterm').click();
  const typeUntil = async (line: string, last: string) => {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    await expect.poll(() => lastRow(body), { timeout: 30_000 }).toBe(last);
  };
  await typeUntil('docker run -it --rm python', '>>>');
  expect(await screen(body)).toContain('Type "help", "copyright", "credits" or "license" for more information.\n>>>');
  // an open bracket continues at ... (the page does not take it for an unfinished shell line)
  await typeUntil('(6 *', '...');
  await typeUntil(' 7)', '>>>');
  expect(await screen(body)).toContain('>>> (6 *\n...  7)\n42\n>>>');
  await typeUntil('exit()', PROMPT);
  await typeUntil('docker run -it --rm node', '>');
  await typeUntil('[1, 2].map((x) => x * 21)', '>');
  expect(await screen(body)).toContain('> [1, 2].map((x) => x * 21)\n[ 21, 42 ]\n>');
  await typeUntil('.exit', PROMPT);
});
