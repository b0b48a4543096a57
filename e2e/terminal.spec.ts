// End-to-end: the page's xterm terminal runs docker commands, and line editing behaves like bash.
import { expect, test } from '@playwright/test';
import { LAB, lastRow, PROMPT, prompts, rows, run, screen } from './pages';

// the lesson panel sits above the terminal: a taller window keeps a whole hello-world greeting and both prompts in view
test.use({ viewport: { width: 1280, height: 1100 } });

test.beforeEach(async ({ page }) => {
  await page.goto(LAB);
  await expect(page.getByRole('heading', { name: 'Dockerlings' })).toBeVisible();
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
  await page.locator('.xterm').click();
});

test('docker run --rm hello-world prints the greeting and a new prompt', async ({ page }) => {
  await page.keyboard.type('docker run --rm hello-world');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} docker run --rm hello-world`);
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toContain('Hello from Docker!');
  const shown = await rows(page);
  expect(shown).toContain('This message shows that your installation appears to be working correctly.');
  await expect.poll(() => prompts(page)).toBe(2);
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
});

test('ArrowUp and ArrowDown walk the history', async ({ page }) => {
  await run(page, 'echo first');
  await run(page, 'echo second');
  await page.keyboard.type('echo draft');
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo second`);
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo first`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo draft`);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await rows(page)).filter((r) => r === 'first').length).toBe(2);
});

test('line editing: arrows, Home/End, Backspace, Ctrl+U/W', async ({ page }) => {
  await page.keyboard.type('eho hi');
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('c');
  await page.keyboard.press('End');
  await page.keyboard.type(' there');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo hi there`);
  await page.keyboard.press('Control+w');
  await page.keyboard.press('Backspace');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} echo hi`);
  await page.keyboard.press('Enter');
  await expect.poll(() => rows(page)).toContain('hi');
  await page.keyboard.type('discard me');
  await page.keyboard.press('Control+u');
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
});

test('Ctrl+C cancels the line being typed', async ({ page }) => {
  await page.keyboard.type('echo abandoned');
  await page.keyboard.press('Control+c');
  await expect.poll(() => rows(page)).toContain(`${PROMPT} echo abandoned^C`);
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
  expect(await rows(page)).not.toContain('abandoned');
});

test('Ctrl+L clears the screen and keeps the current line', async ({ page }) => {
  await run(page, 'echo old-output');
  await page.keyboard.type('echo kept');
  await page.keyboard.press('Control+l');
  await expect.poll(async () => (await rows(page)).filter((r) => r !== '')).toEqual([`${PROMPT} echo kept`]);
  await page.keyboard.press('Enter');
  await expect.poll(() => rows(page)).toContain('kept');
});

test('Tab completes a command name', async ({ page }) => {
  await page.keyboard.type('doc');
  await page.keyboard.press('Tab');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} docker`);
  await page.keyboard.type('--version'); // lands after the space that completion added
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} docker --version`);
});

test('Tab completes a network name after docker network rm', async ({ page }) => {
  await run(page, 'docker network create backend');
  await page.keyboard.type('docker network rm ba');
  await page.keyboard.press('Tab');
  await expect.poll(() => lastRow(page)).toBe(`${PROMPT} docker network rm backend`);
});

test('gzip and gunzip work in the browser (fflate behind node:zlib)', async ({ page }) => {
  await run(page, 'echo compressed words | gzip | gunzip');
  expect(await rows(page)).toContain('compressed words');
});

test('works on a phone-sized viewport', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
  await page.keyboard.type('docker run --rm hello-world');
  await page.keyboard.press('Enter');
  // ~40 columns: the greeting wraps and its top scrolls out of view; its last lines and the prompt stay.
  await expect.poll(() => rows(page)).toContain(' https://docs.docker.com/get-started/');
  await expect.poll(() => lastRow(page)).toBe(PROMPT);
  const box = await page.locator('.xterm').boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
});

test('docker exec -it into redis-cli shows its prompt, runs commands, and exit returns to the host', async ({ page }) => {
  await run(page, 'docker pull -q redis');
  await run(page, 'docker run -d --name cache redis');
  await page.keyboard.type('docker exec -it cache redis-cli');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(page)).toBe('127.0.0.1:6379>');
  await page.keyboard.type('INCR visits');
  await page.keyboard.press('Enter');
  await expect.poll(() => screen(page)).toContain('127.0.0.1:6379> INCR visits\n(integer) 1\n127.0.0.1:6379>');
  await page.keyboard.type('exit');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(page)).toBe(PROMPT.trimEnd());
});

test("Ctrl+D at a container's bash prints exit on the next line and returns to the host; the step reads Ctrl+D", async ({ page }) => {
  await run(page, 'docker pull -q ubuntu');
  await page.keyboard.type('docker run -it --name ub ubuntu bash');
  await page.keyboard.press('Enter');
  await expect.poll(() => lastRow(page)).toMatch(/^root@[0-9a-f]{12}:\/#$/);
  const inside = await lastRow(page);
  await page.keyboard.press('Control+D');
  await expect.poll(() => lastRow(page)).toBe(PROMPT.trimEnd());
  expect(await screen(page)).toContain(`${inside}\nexit\n${PROMPT.trimEnd()}`);
  await expect(page.getByTestId('step').last()).toContainText('Ctrl+D');
});
