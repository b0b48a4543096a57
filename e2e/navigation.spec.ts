// End-to-end: the address follows the lesson (reload, Back, shared links), where-am-I navigation, and saved
// progress that survives corrupt values and two open tabs.
import { expect, test, type Page } from '@playwright/test';
import { HOME, LAB, typeStep } from './pages';

const HELLO = '01-basics/01-hello-world';
const VMS = '01-basics/02-containers-vs-vms';
const lessonParam = (page: Page) => new URL(page.url()).searchParams.get('lesson');

async function typeLine(page: Page, line: string) {
  await page.locator('.xterm').click();
  await typeStep(page, line);
}

test('the address follows the lesson: next, the chooser, Back, Forward and reload land where the learner is', async ({ page }) => {
  await page.goto(`${LAB}?lesson=${HELLO}`);
  await expect(page.getByRole('heading', { name: 'Hello, world' })).toBeVisible();
  await expect(page.getByTestId('lesson-position')).toHaveText(/^Lesson 1 of \d+ · Basics$/);
  await expect(page.getByTestId('lesson-prev')).toHaveCount(0);
  await page.getByTestId('lesson-next').click();
  await expect(page.getByTestId('lesson-position')).toHaveText(/^Lesson 2 of \d+ · Basics$/);
  expect(lessonParam(page)).toBe(VMS);
  await page.getByTestId('lesson-select').selectOption('04-networking/05-ports');
  await expect(page.getByTestId('lesson-position')).toHaveText(/· Networking$/);
  expect(lessonParam(page)).toBe('04-networking/05-ports');
  await page.goBack();
  await expect(page.getByTestId('lesson-position')).toHaveText(/^Lesson 2 of/);
  expect(lessonParam(page)).toBe(VMS);
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Hello, world' })).toBeVisible();
  await page.goForward();
  await expect(page.getByTestId('lesson-position')).toHaveText(/^Lesson 2 of/);
  await page.reload();
  await expect(page.getByTestId('lesson-position')).toHaveText(/^Lesson 2 of/);
  // the lab without a lesson in its address opens the last lesson and says so in the address
  await page.goto(LAB);
  await expect(page.getByTestId('lesson-position')).toHaveText(/^Lesson 2 of/);
  expect(lessonParam(page)).toBe(VMS);
  // Chinese
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('lesson-position')).toHaveText(/^第 2 课，共 \d+ 课 · 基础$/);
});

for (const corrupt of ['{', '5', '{"a":1}', '["01-basics/01-hello-world", 7]']) {
  test(`a corrupt saved progress (${corrupt}) leaves the lab and the home page working`, async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript((v) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('dockerlings.done', v);
        localStorage.setItem('dockerlings.lesson', v);
        sessionStorage.setItem('seeded', '1');
      }
    }, corrupt);
    await page.goto(HOME);
    await expect(page.getByTestId('home-lesson').first()).toBeVisible();
    await expect(page.getByTestId('progress')).toHaveText(corrupt.includes('hello') ? /^1 of/ : /^0 of/);
    await page.goto(LAB);
    await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
    await page.goto(`${LAB}?lesson=${HELLO}`);
    await typeLine(page, 'docker run hello-world');
    await expect(page.getByTestId('lesson-complete')).toBeVisible();
    const saved = (await page.evaluate(() => JSON.parse(localStorage.getItem('dockerlings.done')!))) as unknown[];
    expect(saved.filter((x) => typeof x === 'string')).toEqual([HELLO]);
    expect(errors).toEqual([]);
  });
}

test('two tabs: progress made in one shows in the other and neither erases the other', async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  const home = await context.newPage();
  await a.goto(`${LAB}?lesson=${HELLO}`);
  await b.goto(`${LAB}?lesson=${VMS}`);
  await home.goto(HOME);
  await expect(home.getByTestId('progress')).toHaveText(/^0 of/);
  await expect(b.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await typeLine(a, 'docker run hello-world');
  await expect(a.getByTestId('lesson-complete')).toBeVisible();
  // the other tabs hear of it without a reload
  await expect(home.getByTestId('progress')).toHaveText(/^1 of/);
  await expect(b.getByTestId('lesson-select').locator('option', { hasText: '✓' })).toHaveCount(1);
  for (const line of ['docker run -d --name one busybox sleep 3600', 'docker run -d --name two busybox sleep 3600', 'docker exec one touch /tmp/mark', 'docker exec two ls /tmp']) {
    await typeLine(b, line);
  }
  await expect(b.getByTestId('lesson-complete')).toBeVisible();
  await expect(home.getByTestId('progress')).toHaveText(/^2 of/);
  expect((await a.evaluate(() => JSON.parse(localStorage.getItem('dockerlings.done')!) as string[])).sort()).toEqual([HELLO, VMS]);
});
