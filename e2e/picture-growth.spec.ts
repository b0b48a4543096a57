// End-to-end: boxes that grow in the live picture (containers joining a namespace, a service added to a compose project)
// move nothing, and Tidy says how much larger it would draw a picture that removals left gaps in.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { canvas, nothingMoves, openLab, tab, typeLine } from './picture-support';

test('containers joining a namespace and a service added to a compose project grow their boxes in place: nothing moves', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page);
  const sleeper = (name: string, net: string): [string, string] => [`docker run -d --name ${name} --network ${net} busybox sleep 1000`, name];
  await typeLine(page, 'docker run -d --name web nginx');
  await typeLine(page, `mkdir -p /root/shop && printf 'services:\n  web:\n    image: nginx\n  db:\n    image: busybox\n    command: sleep 1000\n' > /root/shop/compose.yaml`);
  await typeLine(page, 'cd /root/shop && docker compose up -d');
  await expect(page.locator('.node.project')).toContainText('shop');
  await nothingMoves(page, [
    sleeper('below', 'bridge'),
    sleeper('loner', 'shop_default'),
    sleeper('side', 'container:web'),
    sleeper('side2', 'container:web'),
  ]);
  const web = page.locator('.node.netns', { hasText: 'web' });
  await expect(web).toContainText('eth0 172.17.0.2');
  const joined = page.locator('.node.group.joined');
  await expect(joined).toContainText('side, side2');
  await expect(joined).toContainText('2 joined');
  // a service added to the file: the frame grows into the room it kept under it
  await typeLine(page, `printf '  cache:\n    image: busybox\n    command: sleep 1000\n' >> compose.yaml`);
  await nothingMoves(page, [['docker compose up -d', 'shop-cache-1']]);
  await expect(page.locator('.node.project.mark-changed')).toHaveCount(1);
  await expect(canvas(page)).toHaveScreenshot('grown-in-place.png', { animations: 'disabled' });
});

test('when removals leave the picture much smaller than a fresh layout, Tidy says how much larger it would draw it', async ({ page }) => {
  test.setTimeout(90_000);
  await openLab(page);
  await tab(page, 'Layers').click();
  for (const img of ['alpine', 'busybox', 'httpd', 'ubuntu:18.04']) await typeLine(page, `docker pull -q ${img}`);
  const tidy = page.getByTestId('tidy');
  await expect(tidy).not.toHaveClass(/suggest/);
  await typeLine(page, 'docker rmi -f alpine busybox httpd > /dev/null');
  await expect(tidy).toHaveClass(/suggest/);
  await expect(tidy).toHaveAttribute('title', /^Tidy would close the gaps and draw it \d\.\d× as large$/);
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const axe = await new AxeBuilder({ page }).include('[data-testid="tidy"]').analyze();
    expect(axe.violations.map((v) => `${colorScheme} ${v.id}`)).toEqual([]);
  }
  const width = () => canvas(page).locator('.node.image:not(.mark-removed)').evaluate((g) => g.getBoundingClientRect().width);
  const small = await width();
  await tidy.click();
  await expect(tidy).not.toHaveClass(/suggest/);
  await expect.poll(width).toBeGreaterThan(small * 1.15);
});
