// End-to-end: lesson text as a learner uses it: ▶ runs a code block in the terminal, copy buttons, tables, CJK text.
import { expect, test } from '@playwright/test';
import { LAB, rows } from './pages';

const ISOLATION = '04-networking/03-isolation-and-connect';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('▶ types a code block into the terminal and runs it; the copy button copies it', async ({ page }) => {
  await page.goto(`${LAB}?lesson=${ISOLATION}`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  const block = page.locator('.code-block').filter({ hasText: 'docker network connect my_net2 box1' });
  await block.getByRole('button', { name: 'Run in the terminal' }).click();
  await expect.poll(async () => (await rows(page)).join('\n')).toContain('root@dockerlings:~# docker network connect my_net2 box1');
  await expect.poll(async () => (await rows(page)).join('\n')).toContain('inet 172.22.16.2/24');
  await expect(page.getByTestId('step')).toHaveCount(2);
  // the keyboard is the terminal's again
  await page.keyboard.type('echo typed');
  await expect.poll(async () => (await rows(page)).filter((r) => r !== '').pop()).toBe('root@dockerlings:~# echo typed');
  await page.locator('.code-block').first().getByRole('button', { name: 'Copy' }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe('docker exec box1 ping -c 2 172.22.16.8');
  // a Dockerfile block can be copied but not run
  await page.goto(`${LAB}?lesson=02-building/04-dockerfile-instructions`);
  const dockerfile = page.locator('.code-block').filter({ hasText: /^FROM alpine/ });
  await expect(dockerfile).toHaveCount(1);
  await expect(dockerfile.getByRole('button', { name: 'Copy' })).toBeVisible();
  await expect(dockerfile.getByRole('button', { name: 'Run in the terminal' })).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true });
  test('▶ in the lesson pane switches to the terminal, where the output is', async ({ page }) => {
    await page.goto(`${LAB}?lesson=${ISOLATION}`);
    await page.getByTestId('pane-lesson').click();
    await expect(page.getByTestId('terminal')).toBeHidden();
    const block = page.locator('.code-block').filter({ hasText: 'docker network connect my_net2 box1' });
    await block.getByRole('button', { name: 'Run in the terminal' }).click();
    await expect(page.getByTestId('terminal')).toBeVisible();
    await expect(page.locator('aside.side')).toBeHidden();
    await expect(page.getByTestId('pane-terminal')).toHaveClass(/on/);
    // the phone's terminal is narrow: the line wraps, so compare without the row breaks
    await expect.poll(async () => (await rows(page)).join('')).toContain('root@dockerlings:~# docker network connect my_net2 box1');
    await expect(page.getByTestId('terminal')).toBeInViewport();
  });
});

test('tables render, long code lines wrap, Chinese lines join without spaces, the hint bulb sits in its sentence', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dockerlings.lang', 'zh'));
  await page.goto(`${LAB}?lesson=01-basics/02-containers-vs-vms`);
  await expect(page.locator('article.body table')).toBeVisible();
  await expect(page.locator('article.body')).not.toContainText('|---');
  const text = await page.locator('article.body p').allTextContents();
  expect(text.filter((p) => /[\u4e00-\u9fff][\n ][\u4e00-\u9fff]/.test(p))).toEqual([]);
  // no code block scrolls sideways
  const overflow = await page.locator('article.body pre').evaluateAll((els) => els.filter((e) => e.scrollWidth > e.clientWidth + 1).length);
  expect(overflow).toBe(0);
  await page.getByRole('button', { name: '显示提示' }).click();
  const hint = page.locator('.hint p').first();
  await expect(hint).toContainText('💡');
  expect(((await hint.textContent()) ?? '').startsWith('💡 ')).toBe(true);
});
