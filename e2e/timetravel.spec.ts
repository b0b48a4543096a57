// End-to-end: step back through the session (diagrams show the past), branch from an earlier step, switch back.
import { expect, test } from '@playwright/test';
import { LAB, screen, type } from './pages';

test('time travel: step back, see the earlier state, branch from it, and switch back to the other branch', async ({ page }) => {
  await page.goto(`${LAB}?lesson=`);
  await expect.poll(() => screen(page)).toContain('root@dockerlings:~#');
  await page.locator('.xterm').click();
  await type(page, 'docker network create lab');
  await type(page, 'docker run -d --name alpha --network lab busybox sleep 600');
  await type(page, 'docker run -d --name beta --network lab busybox sleep 600');
  const steps = page.getByTestId('step');
  await expect(steps).toHaveCount(3);
  await expect(page.getByTestId('diagram')).toContainText('beta');

  // one step back: the diagram shows the state before beta existed, and says what step 2 changed
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('viewing')).toHaveText('Viewing the state after step 2/3');
  await expect(page.getByTestId('diagram')).toContainText('alpha');
  await expect(page.getByTestId('diagram')).not.toContainText('beta');
  await expect(page.getByTestId('changes')).toContainText('+ container alpha');

  // branch from step 1: a live session where only the network exists; the terminal shows that step
  await steps.nth(0).click();
  await expect(page.getByTestId('viewing')).toHaveText('Viewing the state after step 1/3');
  await page.getByTestId('branch').click();
  await expect(steps).toHaveCount(1);
  await expect(page.getByTestId('viewing')).toHaveCount(0);
  await expect.poll(() => screen(page)).toMatch(/root@dockerlings:~# docker network create lab\n[0-9a-f]{64}\n/);
  await page.locator('.xterm').click();
  await type(page, 'docker ps -a --format "{{.Names}}" | wc -l');
  await expect.poll(() => screen(page)).toMatch(/wc -l\n0\n/);
  await type(page, 'docker run -d --name gamma --network lab busybox sleep 600');
  await expect(page.getByTestId('diagram')).toContainText('gamma');
  await expect(page.getByTestId('diagram')).not.toContainText('alpha');

  // the first branch was kept: switch back to it
  await page.getByTestId('switch-branch').click();
  await expect(steps).toHaveCount(3);
  await expect(page.getByTestId('diagram')).toContainText('beta');
  await expect(page.getByTestId('diagram')).not.toContainText('gamma');
  await page.locator('.xterm').click();
  await type(page, 'docker ps --format "{{.Names}}"');
  await expect.poll(() => screen(page)).toMatch(/\nbeta\nalpha\n/);
});
