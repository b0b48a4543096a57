// End-to-end: goals reflect what the learner did (actions latch, state goals untick and say why); exercise goals
// sharing a check still make an exercise, and the student page says "exercise".
import { expect, test, type Page } from '@playwright/test';
import { LAB, typeStep as type } from './pages';

const metFlags = async (page: Page) => page.getByTestId('goal').evaluateAll((els) => els.map((e) => e.getAttribute('data-met')));

test('isolation lesson: connecting does not tick the ping goal, the ping does and it stays; disconnecting says what undid the rest', async ({ page }) => {
  await page.goto(`${LAB}?lesson=04-networking/03-isolation-and-connect`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await page.locator('.xterm').click();
  await type(page, 'docker network connect my_net2 box1');
  await expect.poll(() => metFlags(page)).toEqual(['yes', 'no', 'no']);
  await type(page, 'docker exec box1 ping -c 1 box2');
  await expect.poll(() => metFlags(page)).toEqual(['yes', 'yes', 'yes']);
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
  await type(page, 'docker network disconnect my_net2 box1');
  await expect.poll(() => metFlags(page)).toEqual(['no', 'yes', 'yes']);
  await expect(page.getByTestId('goal-undone')).toHaveText('— no longer true after docker network disconnect my_net2 box1');
});

test('an exercise whose two goals use the same check opens as an exercise, in exercise words', async ({ page, context }) => {
  await page.goto('teacher.html');
  await page.getByTestId('ex-title').fill('Two containers');
  await page.getByTestId('ex-text').fill('Run `a`.');
  const rows = page.getByTestId('ex-goal');
  await rows.nth(0).getByTestId('ex-goal-check').selectOption('container-running');
  await rows.nth(0).getByTestId('ex-goal-args').fill('a');
  await rows.nth(0).getByTestId('ex-goal-text').fill('a runs');
  await page.getByRole('button', { name: '+ Add a goal' }).click();
  await rows.nth(1).getByTestId('ex-goal-check').selectOption('container-running');
  await rows.nth(1).getByTestId('ex-goal-args').fill('a'); // the very same check twice
  await rows.nth(1).getByTestId('ex-goal-text').fill('a is up');
  await expect(page.getByTestId('exercise-errors')).toHaveCount(0);
  const link = await page.getByTestId('share-link').inputValue();
  const student = await context.newPage();
  await student.goto(link);
  await expect(student.getByRole('heading', { name: 'Two containers' })).toBeVisible();
  await expect(student.getByTestId('goal')).toHaveText(['☐ a runs', '☐ a is up']);
  await expect(student.getByRole('button', { name: 'Restart exercise' })).toBeVisible();
  await expect(student.getByRole('button', { name: 'Restart lesson' })).toHaveCount(0);
});
