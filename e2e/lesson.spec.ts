// End-to-end: pick a lesson, its goals tick after the learner's command, it is marked complete; language switch.
import { expect, test } from '@playwright/test';
import { LAB, PROMPT, screen } from './pages';

test('the hello-world lesson: goals tick live, the lesson completes, Chinese text on demand', async ({ page }) => {
  await page.goto(`${LAB}?lesson=01-basics/01-hello-world`);
  await expect(page.getByRole('heading', { name: 'Hello, world' })).toBeVisible();
  const goals = page.getByTestId('goal');
  await expect(goals).toHaveCount(2);
  await expect(goals.first()).toHaveAttribute('data-met', 'no');
  await expect.poll(() => screen(page)).toContain(PROMPT);
  await page.locator('.xterm').click();
  await page.keyboard.type('docker run hello-world');
  await page.keyboard.press('Enter');
  await expect(goals.nth(0)).toHaveAttribute('data-met', 'yes');
  await expect(goals.nth(1)).toHaveAttribute('data-met', 'yes');
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
  // the diagrams follow the engine: the layer stack now has hello-world's image and container, and the change list says so
  await expect(page.getByTestId('changes')).toContainText('+ container');
  await expect(page.getByTestId('changes')).toContainText('tag hello-world:latest');
  await expect(page.getByTestId('diagram').locator('svg')).toBeVisible();
  await expect(page.getByTestId('diagram')).toContainText('hello-world:latest');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { name: '你好，世界' })).toBeVisible();
  await expect(goals.first()).toContainText('本地镜像库里有了 hello-world 镜像');
  // progress is remembered: after a reload the lesson list marks it done
  await page.reload();
  await expect(page.getByTestId('lesson-select').locator('option', { hasText: '✓' })).toHaveCount(1);
});
