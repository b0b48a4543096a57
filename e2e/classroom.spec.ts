// End-to-end: a teacher writes an exercise and shares its link, a student completes it, the teacher verifies the completion code.
import { expect, test } from '@playwright/test';
import { LAB, PROMPT, screen, TEACHER, type } from './pages';

test('a shared exercise link, completed end to end', async ({ page, context }) => {
  test.setTimeout(60_000); // two pages, two replays
  // the teacher writes the exercise in the form; what is missing is listed as they type
  await page.goto(TEACHER);
  await page.getByTestId('ex-title').fill('Publish a web server');
  await page.getByTestId('ex-text').fill('Start **nginx** in a container named `web`, on the network `classnet`.');
  await page.getByTestId('ex-setup').fill('docker network create classnet');
  const rows = page.getByTestId('ex-goal');
  await rows.nth(0).getByTestId('ex-goal-check').selectOption('container-running');
  await expect(page.getByTestId('exercise-errors')).toContainText('"container-running" takes an argument: NAME (got 0)');
  await rows.nth(0).getByTestId('ex-goal-args').fill('web');
  await expect(page.getByTestId('exercise-errors')).toHaveText('Goal 1 text: must not be empty');
  await rows.nth(0).getByTestId('ex-goal-text').fill('A container named web is running');
  await page.getByRole('button', { name: '+ Add a goal' }).click();
  await rows.nth(1).getByTestId('ex-goal-check').selectOption('container-on-network');
  await rows.nth(1).getByTestId('ex-goal-args').fill('web classnet');
  await rows.nth(1).getByTestId('ex-goal-text').fill('It is attached to classnet');
  await expect(page.getByTestId('exercise-errors')).toHaveCount(0);
  const share = page.getByTestId('share-link');
  await expect(share).toHaveValue(/\/lab\.html#exercise=[A-Za-z0-9_-]+$/);
  const link = await share.inputValue();

  // the student opens the link: the exercise shows like a lesson, its setup ran, no goal is met yet
  const student = await context.newPage();
  await student.goto(link);
  await expect(student.getByRole('heading', { name: 'Publish a web server' })).toBeVisible();
  const goals = student.getByTestId('goal');
  await expect(goals).toHaveText(['☐ A container named web is running', '☐ It is attached to classnet']);
  await expect.poll(() => screen(student)).toContain(PROMPT);
  await student.locator('.xterm').click();
  await type(student, 'docker network ls --format {{.Name}}');
  await expect.poll(() => screen(student)).toContain('classnet');
  await expect(student.getByTestId('completion')).toHaveCount(0);
  await type(student, 'docker run -d --name web --network classnet nginx');
  await expect(goals.nth(0)).toHaveAttribute('data-met', 'yes');
  await expect(goals.nth(1)).toHaveAttribute('data-met', 'yes');

  // every goal met: the student enters a name and gets the completion code
  await student.getByTestId('student-name').fill('Ada Lovelace');
  const codeBox = student.getByTestId('completion-code');
  await expect(codeBox).toHaveValue(/^DL1-[A-Za-z0-9_-]+$/);
  const code = await codeBox.inputValue();
  // the student's page and the teacher's say which version of the exercise the code is for
  const version = (await student.getByTestId('completion-version').textContent())!.replace('exercise version ', '');
  expect(version).toMatch(/^[0-9a-f]{8}$/);
  await expect(page.getByTestId('exercise-version')).toHaveText(`version ${version}`);

  // the teacher pastes it: the replay meets both goals, with the student's name and commands
  await page.bringToFront();
  await page.getByTestId('verify-code').fill(code);
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-summary')).toHaveText('2 of 2 goals met');
  await expect(page.getByTestId('verify-name')).toHaveText('Ada Lovelace');
  await expect(page.getByTestId('verify-goal')).toHaveText(['☑ A container named web is running', '☑ It is attached to classnet']);
  await expect(page.getByTestId('verify-commands')).toHaveText('docker network ls --format {{.Name}}\ndocker run -d --name web --network classnet nginx');

  // a code for a changed exercise is refused
  await page.getByTestId('ex-goal-text').nth(1).fill('It is on classnet');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-result')).toHaveText(/^This code is for a different exercise \(or a different version of this one\): the code is for version [0-9a-f]{8}, this exercise is version [0-9a-f]{8}\.$/);

  // loading the shared link back restores that exact exercise, and the code verifies again
  await page.getByText('Load an exercise file (.md) or a share link').click();
  await page.getByTestId('load-text').fill(link);
  await page.getByTestId('load-button').click();
  await expect(page.getByTestId('ex-goal-text').nth(1)).toHaveValue('It is attached to classnet');
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-summary')).toHaveText('2 of 2 goals met');
});

test('the teacher page switches to Chinese and remembers it', async ({ page }) => {
  await page.goto(TEACHER);
  await expect(page.getByRole('button', { name: '+ Add a goal', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '中文', exact: true }).click();
  const chinese = async () => {
    await expect(page.getByRole('heading', { name: '1 · 编写练习', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: '+ 添加目标', exact: true })).toBeVisible();
    await expect(page.getByTestId('verify-button')).toHaveText('核验');
    await expect(page.getByTestId('ex-goal').locator('small')).toHaveText('NAME（名称）：容器正在运行'); // the argument form, its words in Chinese, the description
  };
  await chinese();
  await page.reload();
  await chinese();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('an invalid exercise link shows why, and runs nothing', async ({ page }) => {
  await page.goto(`${LAB}#exercise=bm90IGFuIGV4ZXJjaXNl`);
  await expect(page.getByRole('heading', { name: 'This exercise link cannot be used' })).toBeVisible();
  await expect(page.locator('article')).toContainText('This exercise link cannot be read: it is damaged');
  await expect(page.getByTestId('goal')).toHaveCount(0);
  await expect.poll(() => screen(page)).toContain(PROMPT);
  // choosing the free sandbox leaves the exercise link behind
  await page.getByTestId('lesson-select').selectOption('');
  await expect(page).toHaveURL(/lab\.html\?lesson=$/);
  await expect(page.getByRole('heading', { name: 'Getting started' })).toBeVisible();
});

test('a session saved to a file and loaded back is rebuilt (exercise and goals included)', async ({ page }) => {
  await page.goto(`${LAB}#exercise=${await exerciseData()}`);
  await expect(page.getByTestId('goal')).toHaveCount(1);
  await expect.poll(() => screen(page)).toContain(PROMPT);
  await page.locator('.xterm').click();
  await type(page, 'docker run -d --name web --network classnet nginx');
  await expect(page.getByTestId('goal')).toHaveAttribute('data-met', 'yes');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('session-save').click()]);
  expect(download.suggestedFilename()).toMatch(/^dockerlings-exercise-[0-9a-f]{8}-\d{4}-\d\d-\d\d\.json$/);
  const file = await download.path();

  await page.reload();
  await expect(page.getByTestId('goal')).toHaveAttribute('data-met', 'no');
  await page.getByTestId('session-file').setInputFiles(file);
  await expect(page.getByTestId('goal')).toHaveAttribute('data-met', 'yes');
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect.poll(() => screen(page)).toContain('docker run -d --name web --network classnet nginx');

  // the same file is refused in another place (the free sandbox)
  await page.goto(`${LAB}?lesson=`);
  await expect.poll(() => screen(page)).toContain(PROMPT);
  await page.getByTestId('session-file').setInputFiles(file);
  await expect(page.getByRole('alert')).toHaveText('This session was saved in a shared exercise; you are in the free sandbox. Open that first, then load the file.');
});

test('an exercise written in Chinese opens the lab in Chinese, unless the learner chose a language before', async ({ page }) => {
  const data = await exerciseData({ lang: 'zh', title: '网页服务', text: '在 classnet 上运行名为 web 的 nginx。', goals: [{ check: 'container-running web', text: 'web 正在运行' }] });
  await page.goto(`${LAB}#exercise=${data}`);
  await expect(page.getByTestId('goal')).toHaveText('☐ web 正在运行');
  await expect(page.getByTestId('pane-terminal')).toHaveText('终端');
  await page.getByRole('button', { name: 'EN' }).click(); // a choice of its own wins from now on
  await page.reload();
  await expect(page.getByTestId('pane-terminal')).toHaveText('Terminal');
});

/** A link's data made in this process (Node has CompressionStream too), for tests that need an exercise without the form. */
async function exerciseData(extra: Record<string, unknown> = {}): Promise<string> {
  const json = JSON.stringify({ v: 1, title: 'Web', text: 'Run nginx as web on classnet.', setup: ['docker network create classnet'], goals: [{ check: 'container-running web', text: 'web runs' }], ...extra });
  const stream = new Blob([json]).stream().pipeThrough(new CompressionStream('deflate-raw'));
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  return Buffer.from(bytes).toString('base64url');
}
