// Makes the pictures of the product (run with SCREENSHOTS=1): the lab for the home page and the README, the home page,
// the teacher page. Skipped in the normal e2e run.
import { expect, test } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { HOME, LAB, TEACHER, typeStep as type } from './pages';

const out = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
test.skip(!process.env.SCREENSHOTS, 'set SCREENSHOTS=1 to remake docs/*.png and public/lab-preview.jpg');
test.use({ viewport: { width: 1280, height: 800 } });

test('lab', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dockerlings.lang', 'en'));
  await page.goto(`${LAB}?lesson=04-networking/03-isolation-and-connect`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await page.locator('.xterm').click();
  await type(page, 'docker network connect my_net2 box1');
  await type(page, 'docker exec box1 ping -c 2 box2');
  await expect(page.getByTestId('diagram')).toContainText('DELIVERED');
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page.getByTestId('diagram').locator('svg')).toBeVisible();
  await page.locator('.xterm').click();
  await page.screenshot({ path: out('docs/lab.png') });
  await page.screenshot({ path: out('public/lab-preview.jpg'), type: 'jpeg', quality: 70 });
});

test('home', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('dockerlings.done', '["01-basics/01-hello-world","01-basics/02-containers-vs-vms"]'));
  await page.goto(HOME);
  await expect(page.getByTestId('home-lesson').first()).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 1100 });
  await page.screenshot({ path: out('docs/home.png') });
});

test('teacher', async ({ page }) => {
  await page.goto(TEACHER);
  await page.getByTestId('ex-title').fill('Publish a web server');
  await page.getByTestId('ex-text').fill('Start **nginx** in a container named `web`, on the network `classnet`.');
  await page.getByTestId('ex-setup').fill('docker network create classnet');
  const rows = page.getByTestId('ex-goal');
  await rows.nth(0).getByTestId('ex-goal-check').selectOption('container-running');
  await rows.nth(0).getByTestId('ex-goal-args').fill('web');
  await rows.nth(0).getByTestId('ex-goal-text').fill('A container named web is running');
  await expect(page.getByTestId('share-link')).toBeVisible();
  await page.screenshot({ path: out('docs/teacher.png') });
});
