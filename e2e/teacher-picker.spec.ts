// End-to-end: the teacher's goal picker groups the checks by chapter, a search narrows every goal's list, and each
// check shows its argument form and description in the page's language; the page stays clean under axe while searching.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { TEACHER } from './pages';

test('goal picker: grouped by chapter, searchable, arguments and descriptions in both languages', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dockerlings.lang', 'en'));
  await page.goto(TEACHER);
  const check = page.getByTestId('ex-goal').first().getByTestId('ex-goal-check');
  // every chapter is a group of the list, in lesson order
  await expect(check.locator('optgroup')).toHaveCount(5);
  expect(await check.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['Basics', 'Building images', 'Data and registries', 'Networking', 'Docker Compose']);
  await expect(check.locator('optgroup[label="Docker Compose"] option')).toHaveText(['compose-project-up', 'compose-project-down', 'compose-service-replicas', 'compose-service-healthy', 'compose-volume']);
  await expect(page.getByTestId('check-count')).toHaveText('81 checks, grouped by chapter');

  // a search keeps the checks whose name, arguments or description match (and the goal's own choice)
  await page.getByTestId('check-search').fill('replicas');
  await expect(page.getByTestId('check-count')).toHaveText('1 of 81 checks match');
  await expect(check.locator('option')).toHaveText(['container-running', 'compose-service-replicas']);
  await check.selectOption('compose-service-replicas');
  const doc = page.getByTestId('ex-goal').first().getByTestId('ex-goal-doc');
  await expect(doc).toHaveText('PROJECT SERVICE N: exactly N containers of the service are running');
  await expect(page.getByTestId('ex-goal').first().getByTestId('ex-goal-args')).toHaveAttribute('placeholder', 'PROJECT SERVICE N');

  // a Chinese word finds checks too; the Chinese page shows the argument words and the description in Chinese
  await page.getByTestId('check-search').fill('健康');
  await expect(page.getByTestId('check-count')).toHaveText('2 of 81 checks match');
  await expect(check.locator('option')).toHaveText(['container-health', 'compose-service-replicas', 'compose-service-healthy']);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByTestId('check-count')).toHaveText('81 个检查项中有 2 个符合');
  await expect(check.locator('optgroup')).toHaveCount(2);
  expect(await check.locator('optgroup').evaluateAll((gs) => gs.map((g) => g.getAttribute('label')))).toEqual(['基础', 'Docker Compose']);
  await expect(doc).toHaveText('PROJECT SERVICE N（项目 服务 数量）：这个服务正好有 N 个容器在运行');

  // nothing serious for axe while a search is active, in either language
  for (const lang of ['中文', 'EN']) {
    await page.getByRole('button', { name: lang }).click();
    const result = await new AxeBuilder({ page }).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  }

  // clearing the search brings every check back
  await page.getByTestId('check-search').fill('');
  await expect(page.getByTestId('check-count')).toHaveText('81 checks, grouped by chapter');
  await expect(check.locator('option')).toHaveCount(81);
});
