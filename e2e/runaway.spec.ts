// End-to-end: the simulator runs in a worker: runaway commands are stopped or recovered from with the session intact,
// big output is never discarded by xterm, and the prompt takes input before the simulator has loaded.
import { exerciseLink } from '../src/classroom/exercise';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { EMBED, lastRow, LAB, PROMPT, prompts, run as runIn, screen } from './pages';

/** Type a line and wait for the next prompt (a replay after a restart can take a while). */
const run = (page: Page, scope: Locator, line: string) => runIn(page, line, scope, 30_000);

/** Type a runaway line, press Ctrl+C once it runs, and wait for the prompt to come back. */
async function runaway(page: Page, scope: Locator, line: string): Promise<void> {
  const before = await prompts(scope);
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(scope.locator('[data-running=yes]')).toHaveCount(1); // handed to the simulator
  await page.keyboard.press('Control+C');
  await expect.poll(() => prompts(scope), { timeout: 60_000 }).toBeGreaterThan(before);
  await expect.poll(() => lastRow(scope)).toBe(PROMPT);
}

function consoleWatch(page: Page): string[] {
  const said: string[] = [];
  page.on('console', (m) => said.push(m.text()));
  page.on('pageerror', (e) => said.push(e.message));
  return said;
}

test.describe('lab', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto(LAB + '?lesson=');
    await expect.poll(() => lastRow(page.locator('body'))).toBe(PROMPT);
    await page.locator('.xterm').click();
  });

  test('Ctrl+C stops `while true; do :; done`: the worker is replaced, the session rebuilt without the loop', async ({ page }) => {
    const body = page.locator('body');
    await run(page, body, 'docker run -d --name keep busybox sleep 1000');
    await runaway(page, body, 'while true; do :; done');
    expect(await screen(body)).toContain('^C');
    expect((await screen(body)).replace(/\n/g, '')).toContain('[dockerlings] The command did not stop within a second of Ctrl+C: the simulator was restarted and your session rebuilt without it.');
    await run(page, body, "docker ps -a --format '{{.Names}} {{.Status}}'");
    expect(await screen(body)).toMatch(/\nkeep Up \d+ seconds?\n/);
    // the timeline lists what was kept: the loop is not a step
    await expect(page.getByTestId('timeline')).toContainText('docker run -d --name keep busybox sleep 1000');
    await expect(page.getByTestId('timeline')).not.toContainText('while true');
  });

  test('a runaway template and a huge output end with a message, the terminal keeps working and xterm discards nothing', async ({ page }) => {
    const said = consoleWatch(page);
    const body = page.locator('body');
    await run(page, body, 'docker create --name web busybox');
    await run(page, body, "docker ps -a --format '{{range 1000000000}}x{{end}}'");
    expect((await screen(body)).replace(/\n/g, '')).toContain("executing \"\" at <{{range 1000000000}}x{{end}}>: range exceeds 1000000 iterations (the simulator's limit)");
    await page.keyboard.type('seq 1 400000');
    await page.keyboard.press('Enter');
    // the end of a long output: the scrollback holds the rest, the screen its last rows and the note
    await expect.poll(async () => (await screen(body)).replace(/\n/g, ''), { timeout: 60_000 }).toContain('[output truncated: 1.6MB more not shown; the terminal keeps 1.0MB per command]');
    await expect.poll(() => lastRow(body)).toBe(PROMPT);
    await run(page, body, 'docker ps -a --format {{.Names}}');
    expect(await screen(body)).toContain('\nweb\n');
    expect(said.filter((s) => /discarded|flow control/i.test(s))).toEqual([]);
  });

  test('a recursive function and `seq 1 100000000` stop with bash-like messages naming no library setting', async ({ page }) => {
    const body = page.locator('body');
    await run(page, body, 'f() { f; }; f');
    expect((await screen(body)).replace(/\n/g, '')).toContain('bash: f: maximum function nesting level exceeded (100)');
    await run(page, body, 'seq 1 100000000 | tail -1');
    expect(await screen(body)).not.toContain('executionLimits');
  });
});

test('the prompt appears before the simulator has loaded, and a line typed early runs once it has', async ({ page }) => {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/assets\/worker-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(LAB + '?lesson=');
  const body = page.locator('body');
  await expect.poll(() => lastRow(body)).toBe(PROMPT);
  await page.locator('.xterm').click();
  await page.keyboard.type('echo typed early');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('loading')).toBeVisible(); // the simulator is still on its way
  expect(await screen(body)).not.toContain('\ntyped early');
  release();
  await expect.poll(() => screen(body)).toContain('\ntyped early\n');
  await expect(page.getByTestId('loading')).toBeHidden();
});

test('a widget recovers from runaway commands: its session is intact', async ({ page }) => {
  test.setTimeout(120_000); // three runaways, each followed by a rebuild
  await page.goto(EMBED + '#setup=docker%20network%20create%20classnet');
  const lab = page.locator('docker-lab');
  await expect.poll(() => lastRow(lab)).toBe(PROMPT);
  await lab.locator('.xterm').click();
  await run(page, lab, 'docker create --name first busybox');
  await runaway(page, lab, 'while true; do :; done');
  expect((await screen(lab)).replace(/\n/g, '')).toContain('the simulator was restarted');
  await runaway(page, lab, 'docker run -d -p 1-65535:1-65535 nginx');
  await runaway(page, lab, 'for i in $(seq 1 2000); do docker run -d busybox true; done');
  await page.keyboard.type('clear');
  await page.keyboard.press('Enter');
  await expect.poll(() => prompts(lab)).toBe(1);
  await run(page, lab, "docker ps -a --format '{{.Names}}'; docker network ls --format '{{.Name}}' | grep classnet");
  expect(await screen(lab)).toContain('\nfirst\nclassnet\n');
});

test('an exercise link whose setup holds a runaway template opens, and its completion code verifies', async ({ page, context }) => {
  test.setTimeout(90_000);
  const setup = ['docker create --name web busybox', "docker ps -a --format '{{range 1000000000}}x{{end}}'"];
  // the teacher page tries the setup and will not share an exercise whose setup fails …
  await page.goto('teacher.html');
  await page.getByTestId('ex-title').fill('Hostile');
  await page.getByTestId('ex-text').fill('A setup line that would run away.');
  await page.getByTestId('ex-setup').fill(setup.join('\n'));
  await expect(page.getByText('Setup line 2 failed')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('share-link')).toHaveCount(0);
  // … but a link can be made by hand: it opens, and the teacher page verifies its code after loading that link
  const link = await exerciseLink({ v: 1, title: 'Hostile', text: 'A setup line that would run away.', setup, goals: [{ check: 'container-running web', text: 'web runs' }] });
  await page.getByText('Load an exercise file (.md) or a share link').click();
  await page.getByTestId('load-text').fill(link);
  await page.getByTestId('load-button').click();
  const student = await context.newPage();
  await student.goto(link);
  const body = student.locator('body');
  await expect.poll(() => lastRow(body), { timeout: 30_000 }).toBe(PROMPT);
  await student.locator('.xterm').click();
  await run(student, body, 'docker start web');
  await expect(student.getByTestId('goal')).toHaveAttribute('data-met', 'yes');
  await student.getByTestId('student-name').fill('Ada');
  const code = student.getByTestId('completion-code');
  await expect(code).toHaveValue(/^DL1-/);

  await page.getByTestId('verify-code').fill(await code.inputValue());
  await page.getByTestId('verify-button').click();
  await expect(page.getByTestId('verify-summary')).toContainText('1');
  await expect(page.getByTestId('verify-goal')).toHaveAttribute('data-met', 'yes');
});
