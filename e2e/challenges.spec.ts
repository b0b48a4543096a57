// End-to-end: a challenge's target picture: dashed ghosts behind the live picture that turn solid as parts match
// (screenshots), the target outline listing what is missing, the score and "Solved in N commands (par M)", and axe.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { LAB } from './pages';
import { typeLine } from './picture-support';

const PUZZLE = '06-challenges/01-rebuild-isolation';
const canvas = (page: Page) => page.getByTestId('canvas');
const outline = (page: Page) => page.getByTestId('target-outline');

async function openPuzzle(page: Page, id = PUZZLE) {
  await page.goto(`${LAB}?lesson=${id}`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await expect(outline(page)).toBeVisible();
}

test.describe('still pictures', () => {
  test.use({ reducedMotion: 'reduce' });

  test('the target is drawn as dashed ghosts, matched parts turn solid; the outline says what is missing', async ({ page }) => {
    await openPuzzle(page);
    await expect(outline(page).locator('li').first()).toContainText('Target: 0 of 4 parts match');
    await expect(outline(page)).toContainText('network my_net2: missing');
    await expect(outline(page)).toContainText('container box2: missing');
    await expect(page.locator('.ghost[data-state="missing"]')).toHaveCount(4);
    await expect(page.getByTestId('score')).toHaveText('0 commands so far (par 4)');
    await expect(canvas(page)).toHaveScreenshot('target-start.png', { animations: 'disabled' });

    await typeLine(page, 'docker network create my_net');
    await typeLine(page, 'docker run -d --name box1 --network my_net busybox sleep 3600');
    await typeLine(page, 'docker network create my_net2');
    await expect(outline(page).locator('li').first()).toContainText('Target: 2 of 4 parts match');
    await expect(outline(page)).toContainText('network my_net2: differs');
    await expect(outline(page)).toContainText('network my_net2 has subnet 172.19.0.0/16, the target pins 172.22.16.0/24');
    await expect(page.locator('.ghost[data-id="t:c:box1"]')).toHaveAttribute('data-state', 'met');
    await expect(page.locator('.ghost[data-id="t:net:my_net2"]')).toHaveAttribute('data-state', 'differs');
    await expect(page.getByTestId('score')).toHaveText('3 commands so far (par 4)');
    await expect(canvas(page)).toHaveScreenshot('target-partial.png', { animations: 'disabled' });
  });

  test('an image target on the Layers view: the committed image outlined, the missing tag dashed', async ({ page }) => {
    await openPuzzle(page, '06-challenges/05-commit-and-tag');
    await typeLine(page, 'docker commit base snapshot:v1');
    await expect(page.locator('.ghost[data-id="t:img:snapshot:latest"]')).toHaveAttribute('data-state', 'missing');
    await expect(canvas(page)).toHaveScreenshot('target-layers.png', { animations: 'disabled' });
  });
});

test('solving the puzzle says "Solved in N commands (par M)"; looking is free', async ({ page }) => {
  await openPuzzle(page);
  await typeLine(page, 'docker network create my_net');
  await typeLine(page, 'docker network ls');
  await typeLine(page, 'docker network create --subnet 172.22.16.0/24 my_net2');
  await typeLine(page, 'docker run -d --name box1 --network my_net busybox sleep 3600');
  await expect(page.getByTestId('current-goal')).not.toContainText('All goals met!');
  await typeLine(page, 'docker run -d --name box2 --network my_net2 --ip 172.22.16.8 busybox sleep 3600');
  await expect(page.getByTestId('solved')).toHaveText('Solved in 4 commands (par 4)');
  await expect(page.getByTestId('current-goal')).toContainText('All goals met!');
  await expect(outline(page).locator('li').first()).toContainText('Target: all 4 parts match');
  await expect(page.locator('.ghost:not([data-state="met"])')).toHaveCount(0);
  // more commands after solving do not change the score
  await typeLine(page, 'docker run -d --name extra busybox sleep 3600');
  await expect(page.getByTestId('solved')).toHaveText('Solved in 4 commands (par 4)');
});

test('an image target on the Layers view, and the outline in Chinese', async ({ page }) => {
  await openPuzzle(page, '06-challenges/05-commit-and-tag');
  await expect(page.getByTestId('diagram')).toHaveAttribute('data-kind', 'layers');
  await expect(page.locator('.ghost[data-id="t:img:snapshot:v1"]')).toHaveAttribute('data-state', 'missing');
  await typeLine(page, 'docker commit base snapshot:v1');
  await expect(page.locator('.ghost[data-id="t:img:snapshot:v1"]')).toHaveAttribute('data-state', 'met');
  await expect(outline(page)).toContainText('image snapshot:latest: missing');
  await page.getByRole('button', { name: '中文', exact: true }).click();
  await expect(outline(page)).toContainText('镜像 snapshot:latest：缺少');
  await expect(page.getByTestId('score')).toHaveText('已用 1 条命令（标准杆 3）');
});

test('the lab with a target picture has no serious axe violations, in both themes', async ({ page }) => {
  await openPuzzle(page);
  await typeLine(page, 'docker network create my_net2');
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const r = await new AxeBuilder({ page }).include('[data-testid="picture"]').include('.strip').analyze();
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
});

test("a teacher's exercise with a target: the form takes it as YAML, the student's picture draws it", async ({ page, context }) => {
  await page.goto('teacher.html');
  await page.getByTestId('ex-title').fill('Publish web');
  await page.getByTestId('ex-text').fill('Run nginx as `web`, published on port 8080.');
  await page.getByTestId('ex-target').fill('containers:\n  - name: web\n    image: nginx\n    colour: red\n');
  await expect(page.getByTestId('exercise-errors')).toContainText('target.containers[0]: unknown key "colour"');
  await page.getByTestId('ex-target').fill('containers:\n  - name: web\n    image: nginx\n    ports: ["8080:80"]\n');
  await expect(page.getByTestId('exercise-errors')).toHaveCount(0);
  const link = await page.getByTestId('share-link').inputValue();
  const student = await context.newPage();
  await student.goto(link);
  await expect(student.getByTestId('goal')).toHaveText(['☐ The live picture matches the target']);
  await expect(student.getByTestId('target-outline')).toContainText('container web: missing');
  await expect(student.locator('.ghost[data-id="t:c:web"]')).toHaveAttribute('data-state', 'missing');
  await student.locator('.xterm-helper-textarea').focus();
  await student.keyboard.type('docker run -d --name web -p 8080:80 nginx');
  await student.keyboard.press('Enter');
  await expect(student.getByTestId('goal')).toHaveAttribute('data-met', 'yes');
  await expect(student.locator('.ghost[data-id="t:c:web"]')).toHaveAttribute('data-state', 'met');
});

test('a challenge in the embeddable widget (embed.html): the target goal ticks and the picture draws the target', async ({ page }) => {
  await page.goto('embed.html?lesson=06-challenges/07-none-host-bridge');
  const lab = page.locator('docker-lab');
  await expect(lab.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
  await expect(lab.getByTestId('goal')).toHaveText(['☐ The live picture matches the target']);
  await lab.getByRole('button', { name: 'Diagram' }).click();
  await expect(lab.locator('.ghost[data-id="t:c:vault"]')).toHaveAttribute('data-state', 'missing');
  await expect(lab.getByTestId('target-outline')).toContainText('Target: 0 of 3 parts match');
  await lab.locator('.xterm-helper-textarea').focus();
  for (const line of ['docker run -d --name vault --network none busybox sleep 3600', 'docker run -d --name hostweb --network host httpd', 'docker run -d --name web -p 8000:80 nginx']) {
    await page.keyboard.type(line);
    await page.keyboard.press('Enter');
    // done when the last line on screen is a bare prompt again (a pull's output may scroll the typed line away)
    await expect.poll(async () => (await lab.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trim()).filter(Boolean).pop()).toBe('root@dockerlings:~#');
  }
  await expect(lab.getByTestId('goal')).toHaveAttribute('data-met', 'yes');
  await expect(lab.getByTestId('target-outline')).toContainText('Target: all 3 parts match');
});

test("the teacher's preview draws the target over what the setup leaves and says whether it is met there, as the lab does", async ({ page }) => {
  await page.goto('teacher.html');
  await page.getByTestId('ex-title').fill('Publish web');
  await page.getByTestId('ex-text').fill('Publish `web` on port 8080 too.');
  await page.getByTestId('ex-setup').fill('docker network create front\ndocker run -d --name web --network front nginx');
  await page.getByTestId('ex-target').fill('networks:\n  - name: front\ncontainers:\n  - name: web\n    image: nginx\n    networks: [front]\n    ports: ["8080:80"]\n');
  await page.locator('details.preview summary').click();
  const preview = page.getByTestId('target-preview');
  await expect(preview.getByTestId('target-preview-status')).toHaveAttribute('data-met', 'no');
  await expect(preview.getByTestId('target-preview-status')).toContainText('Not met after the setup (1 of 2 parts match)');
  await expect(preview.getByTestId('target-outline')).toContainText('container web: differs');
  await expect(preview.locator('.ghost[data-id="t:net:front"]')).toHaveAttribute('data-state', 'met');
  await expect(preview.locator('.ghost[data-id="t:port:web:8080:80"]')).toHaveAttribute('data-state', 'missing');
  await expect(preview.getByTestId('canvas')).toHaveScreenshot('teacher-preview.png', { animations: 'disabled' });
  for (const colorScheme of ['dark', 'light'] as const) {
    await page.emulateMedia({ colorScheme });
    const r = await new AxeBuilder({ page }).include('[data-testid="target-preview"]').analyze();
    expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${colorScheme} ${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
  }
  // a setup that already publishes the port leaves the student nothing to do: the preview says so
  await page.getByTestId('ex-setup').fill('docker network create front\ndocker run -d --name web --network front -p 8080:80 nginx');
  await expect(preview.getByTestId('target-preview-status')).toHaveAttribute('data-met', 'yes');
  await expect(preview.getByTestId('target-preview-status')).toHaveText('Already met after the setup: the student would have nothing to do.');
  await expect(preview.getByTestId('target-outline')).toContainText('Target: all 2 parts match');
});

test.describe('still pictures of volumes and groups', () => {
  test.use({ reducedMotion: 'reduce' });

  test("a missing volume's ghost sits in the volumes column; a container collapsed into a group is outlined by the group's box", async ({ page }) => {
    await page.goto('teacher.html');
    await page.getByTestId('ex-title').fill('Data for w1');
    await page.getByTestId('ex-text').fill('Give `w1` a volume.');
    await page.getByTestId('ex-setup').fill('docker volume create old\ndocker network create n0\nfor i in 0 1 2 3 4 5; do docker run -d --name w$i --network n0 busybox sleep 3600; done');
    await page.getByTestId('ex-target').fill('volumes: [data]\ncontainers:\n  - name: w1\n    image: busybox\n    networks: [n0]\n');
    await page.locator('details.preview summary').click();
    const preview = page.getByTestId('target-preview');
    await expect(preview.getByTestId('target-preview-status')).toContainText('1 of 2 parts match');
    const vol = preview.locator('.ghost[data-id="t:vol:data"]');
    await expect(vol).toHaveAttribute('data-state', 'missing');
    // under the live volume "old", in the volumes column
    const at = (l: typeof vol) => l.evaluate((g) => (g as SVGGElement).style.transform.match(/([-\d.]+)px,\s*([-\d.]+)px/)!.slice(1).map(Number));
    const [[x, y], [oldX, oldY]] = [await at(vol), await at(preview.locator('.node.volume[data-id="vol:old"]'))];
    expect([x, y - oldY]).toEqual([oldX, 66]);
    await expect(preview.locator('.ghost[data-id^="t:group:"]')).toHaveAttribute('data-state', 'met');
    await expect(preview.locator('.ghost[data-id="t:c:w1"]')).toHaveCount(0);
    await expect(preview.getByTestId('canvas')).toHaveScreenshot('target-volume-group.png', { animations: 'disabled' });
  });
});
