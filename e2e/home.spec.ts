// End-to-end: the home page shows the product (a picture of the lab), each lesson's description and duration, and
// progress per chapter.
import { expect, test } from '@playwright/test';
import { HOME } from './pages';

test('home page: a picture of the lab, one-line descriptions with durations, progress per chapter', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dockerlings.done', '["01-basics/01-hello-world"]'));
  await page.goto(HOME);
  const shot = page.getByRole('img', { name: /^The lab: a terminal running docker commands/ });
  await expect(shot).toBeVisible();
  expect(await shot.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1280);
  const first = page.getByTestId('home-lesson').first();
  await expect(first).toContainText('Hello, world — is Docker working?');
  await expect(first).toContainText('5 min');
  await expect(first.getByTestId('lesson-description')).toHaveText('Run your first container and see what docker run does step by step.');
  await expect(page.getByTestId('chapter-progress').first()).toHaveText('1/7 done');
  await expect(page.getByTestId('chapter-progress').nth(1)).toHaveText('0/5 done');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(first.getByTestId('lesson-description')).toHaveText('运行第一个容器，一步步看清 docker run 做了什么。');
  await expect(first).toContainText('5 分钟');
  await expect(page.getByTestId('chapter-progress').first()).toHaveText('已完成 1/7');
});
