// End-to-end: the blog-like demo page (two <docker-lab> widgets, one iframe), the home page, security (no foreign
// requests, no CSP violations) and offline use through the service worker.
import { expect, test, type Locator, type Page, type Response } from '@playwright/test';
import { DEMO, EMBED, HOME, LAB, PROMPT, screen, type } from './pages';

/** Click into a terminal (locators pierce the widget's open shadow root), type a line and wait for the next prompt. */
async function typeIn(page: Page, scope: Locator, line: string): Promise<void> {
  await scope.locator('.xterm').click();
  await type(page, line, scope);
}

/** Records every request leaving for another origin, and every CSP violation or console error, in all frames. */
async function watch(page: Page) {
  const origin = new URL(test.info().project.use.baseURL!).origin;
  const foreign: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => {
    if (/^(https?|wss?):/.test(r.url()) && new URL(r.url()).origin !== origin) foreign.push(r.url());
  });
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return { foreign, errors };
}

test('demo page: two widgets with their own engines, goals tick, the diagram loads on demand', async ({ page }) => {
  const seen = await watch(page);
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(DEMO);
  const [first, second] = [page.locator('docker-lab').nth(0), page.locator('docker-lab').nth(1)];
  await expect.poll(() => screen(first)).toContain(PROMPT);
  await expect.poll(() => screen(second)).toContain(PROMPT);
  await expect(first.getByTestId('goal')).toHaveCount(2);
  await expect(first.getByTestId('goal').first()).toHaveAttribute('data-met', 'no');
  await expect(second.locator('.title')).toHaveText('Isolation between networks, and docker network connect');
  await expect(second.getByTestId('goal')).toHaveCount(3);

  await typeIn(page, first, 'docker run -d --name web nginx');
  await expect(first.getByTestId('goal').first()).toHaveAttribute('data-met', 'yes');
  await expect(first.getByTestId('goal').nth(1)).toHaveAttribute('data-met', 'no');
  await typeIn(page, first, 'docker ps --format {{.Names}}');
  await expect.poll(() => screen(first)).toMatch(/^web$/m);

  // the second widget's engine never saw `web`: it has only its lesson's containers
  await typeIn(page, second, 'docker ps --format {{.Names}}');
  await expect.poll(() => screen(second)).toMatch(/^box1$/m);
  expect(await screen(second)).not.toMatch(/^web$/m);
  await expect(second.getByTestId('goal').first()).toHaveAttribute('data-met', 'no');

  // theme="light" on the second: its frame and its terminal are light, the first stays dark
  const bg = (w: typeof first, sel: string) => w.locator(sel).first().evaluate((e) => getComputedStyle(e).backgroundColor);
  expect(await bg(second, '.lab')).toBe('rgb(255, 255, 255)');
  expect(await bg(second, '.xterm-scrollable-element')).toBe('rgb(255, 255, 255)');
  expect(await bg(first, '.lab')).toBe('rgb(13, 17, 23)');
  expect(await bg(first, '.xterm-scrollable-element')).toBe('rgb(13, 17, 23)');

  // the picture's code is fetched only once a reader opens it, and mermaid (the library, mermaid.core) only for the
  // lifecycle view (its 1 kB loader, mermaid-render, may come with the picture's code)
  expect(requested.filter((u) => /mermaid|widget-picture/.test(u))).toEqual([]);
  await first.getByRole('button', { name: 'Diagram' }).click();
  await expect(first.getByTestId('diagram').locator('svg')).toBeVisible();
  await expect(first.getByTestId('diagram')).toContainText('web');
  expect(requested.some((u) => /widget-picture/.test(u))).toBe(true);
  expect(requested.filter((u) => /mermaid\.core/.test(u))).toEqual([]);
  await first.getByRole('tab', { name: 'Lifecycle' }).click();
  await expect(first.locator('[data-kind="lifecycle"] svg')).toContainText('running');
  expect(requested.some((u) => /mermaid\.core/.test(u))).toBe(true);

  // Reset gives the first widget a fresh engine again
  await first.getByRole('button', { name: 'Reset' }).click();
  await expect(first.getByTestId('goal').first()).toHaveAttribute('data-met', 'no');
  await expect.poll(() => screen(first)).toContain(PROMPT);

  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('xterm in the shadow root: focus follows the click, and the mouse selects text', async ({ page }) => {
  await page.goto(DEMO);
  const first = page.locator('docker-lab').nth(0);
  await expect.poll(() => screen(first)).toContain(PROMPT);
  await typeIn(page, first, 'echo selectable-words');
  const row = first.locator('.xterm-rows > div').nth(1);
  const box = (await row.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + 120, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(first.locator('.xterm-selection div').first()).toBeVisible();
  // keys typed now still reach this terminal, not the other widget
  await page.keyboard.type('echo still-here');
  await expect.poll(() => screen(first)).toContain(`${PROMPT} echo still-here`);
  expect(await screen(page.locator('docker-lab').nth(1))).not.toContain('still-here');
});

test('the iframe form runs a lesson, and inline goals with unknown checks are reported', async ({ page }) => {
  await page.goto(DEMO);
  const iframe = page.locator('iframe');
  await iframe.scrollIntoViewIfNeeded();
  const frame = page.frameLocator('iframe').locator('docker-lab');
  await expect.poll(() => screen(frame)).toContain(PROMPT);
  await frame.locator('.xterm').click();
  await page.keyboard.type('docker run hello-world');
  await page.keyboard.press('Enter');
  await expect(frame.getByTestId('goal').first()).toHaveAttribute('data-met', 'yes');
  await expect(frame.getByTestId('lab-complete')).toBeVisible();

  await page.goto(`${EMBED}?theme=light#setup=docker pull -q alpine&goal=container-flying web|Fly&goal=container-running web|Start web`);
  const lab = page.locator('docker-lab');
  await expect(lab).toHaveAttribute('theme', 'light');
  await expect.poll(() => lab.locator('.lab').evaluate((e) => getComputedStyle(e).backgroundColor)).toBe('rgb(255, 255, 255)');
  await expect(lab.getByTestId('lab-error')).toContainText('unknown check "container-flying"');
  await expect(lab.getByTestId('goal')).toHaveCount(2);
  await expect.poll(() => screen(lab)).toContain(PROMPT);
  await typeIn(page, lab, 'docker run -d --name web alpine sleep 100');
  await expect(lab.getByTestId('goal').nth(1)).toHaveAttribute('data-met', 'yes');
  await expect(lab.getByTestId('goal').nth(0)).toHaveAttribute('data-met', 'no');
});

test('a setup line that would wait (logs -f) is interrupted, so the widget still opens its prompt', async ({ page }) => {
  await page.goto(`${EMBED}#setup=docker run -d --name web nginx&setup=docker logs -f web&goal=container-running web|web runs`);
  const lab = page.locator('docker-lab');
  await expect.poll(() => screen(lab)).toContain(PROMPT);
  await expect(lab.getByTestId('goal').first()).toHaveAttribute('data-met', 'yes');
});

/** Open the hello-world lesson in the lab, run it, and wait for its layer diagram. */
async function helloWorldLesson(page: Page) {
  await page.goto(`${LAB}?lesson=01-basics/01-hello-world`);
  await expect.poll(async () => (await page.locator('.xterm-rows > div').allTextContents()).join('\n')).toContain(PROMPT);
  await page.locator('.xterm').click();
  await page.keyboard.type('docker run hello-world');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('diagram').locator('svg')).toBeVisible();
}

test('a lab session with a diagram makes no request to another origin and breaks no CSP rule', async ({ page }) => {
  const seen = await watch(page);
  await helloWorldLesson(page);
  await expect(page.getByTestId('diagram')).toContainText('hello-world:latest');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("script-src 'self'");
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test('home page: lessons by chapter with progress, no terminal code loaded', async ({ page }) => {
  const seen = await watch(page);
  const js: Promise<number>[] = [];
  const onResponse = (r: Response) => void (r.url().endsWith('.js') && js.push(r.body().then((b) => b.length)));
  page.on('response', onResponse);
  await page.addInitScript(() => localStorage.setItem('dockerlings.done', JSON.stringify(['01-basics/01-hello-world'])));
  await page.goto(HOME);
  await expect(page.getByRole('heading', { name: 'Dockerlings' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Networking' })).toBeVisible();
  const hello = page.getByTestId('home-lesson').filter({ hasText: 'Hello, world' });
  await expect(hello).toContainText('✓');
  await expect(page.getByTestId('progress')).toContainText('1 of');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('link', { name: '你好，世界' })).toBeVisible();
  await page.waitForLoadState('networkidle');
  page.off('response', onResponse);
  expect((await Promise.all(js)).reduce((a, b) => a + b, 0)).toBeLessThan(150_000); // the terminal (xterm + just-bash) alone is over 1.5 MB
  await page.getByRole('link', { name: '你好，世界' }).click();
  await expect(page).toHaveURL(/lab\.html\?lesson=01-basics%2F01-hello-world$/);
  await expect.poll(async () => (await page.locator('.xterm-rows > div').allTextContents()).join('\n')).toContain(PROMPT);
  expect(seen.foreign).toEqual([]);
  expect(seen.errors).toEqual([]);
});

test.describe('offline', () => {
  test.use({ serviceWorkers: 'allow' });

  test('after one visit the lab works with the network gone', async ({ page, context }) => {
    await page.goto(HOME);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await context.setOffline(true);
    await helloWorldLesson(page);
    await context.setOffline(false);
  });
});
