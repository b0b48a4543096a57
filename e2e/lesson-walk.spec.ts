// End-to-end: walk a whole lesson (networking isolation) by typing its solution, in English and in Chinese; the
// goals tick one by one and the packet and network diagrams follow each command.
import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { LAB, rows, typeStep as type } from './pages';

const ID = '04-networking/03-isolation-and-connect';
const front = parse(readFileSync(fileURLToPath(new URL(`../lessons/${ID}/lesson.md`, import.meta.url)), 'utf8').split('\n---\n')[0].replace(/^---\n/, '')) as {
  title: { en: string; zh: string };
  solution: string[];
  goals: { en: string; zh: string }[];
};

for (const lang of ['en', 'zh'] as const) {
  test(`the isolation lesson, walked end to end in ${lang === 'en' ? 'English' : 'Chinese'}`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('dockerlings.lang', l), lang);
    await page.goto(`${LAB}?lesson=${ID}`);
    await expect(page.getByRole('heading', { name: lang === 'en' ? 'Isolation, and crossing it on purpose' : '隔离，以及有意地跨越隔离' })).toBeVisible();
    await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
    const goals = page.getByTestId('goal');
    await expect(goals).toHaveCount(3);
    for (let i = 0; i < 3; i++) {
      await expect(goals.nth(i)).toHaveAttribute('data-met', 'no');
      await expect(goals.nth(i)).toContainText(front.goals[i][lang]);
    }
    // the lesson opens on the packet diagram: nothing sent yet
    const diagram = page.getByTestId('diagram');
    await expect(diagram).toContainText('no packet yet');
    await page.locator('.xterm').click();

    const [ping1, save, connect, ipa, ping2] = front.solution;
    await type(page, ping1);
    await expect.poll(async () => (await rows(page)).join('\n')).toContain('2 packets transmitted, 0 packets received, 100% packet loss');
    await expect(diagram).toContainText('DOCKER-ISOLATION-STAGE-2');
    await expect(diagram).toContainText('DROPPED');
    await expect(goals.nth(1)).toHaveAttribute('data-met', 'no');

    await type(page, save);
    await type(page, connect);
    await expect(goals.nth(0)).toHaveAttribute('data-met', 'yes');
    await expect(page.getByTestId('changes')).toContainText('my_net2');
    await expect(page.getByTestId('changes-strip').locator('summary')).toBeVisible();
    await expect(page.getByTestId('changes-strip').locator('summary')).toContainText(lang === 'en' ? 'What changed' : '刚才的变化');
    await type(page, ipa);
    await expect.poll(async () => (await rows(page)).join('\n')).toContain('inet 172.22.16.2/24');
    await type(page, ping2);
    await expect.poll(async () => (await rows(page)).join('\n')).toContain('2 packets transmitted, 2 packets received, 0% packet loss');
    await expect(diagram).toContainText('DELIVERED');
    for (let i = 0; i < 3; i++) await expect(goals.nth(i)).toHaveAttribute('data-met', 'yes');
    await expect(page.getByTestId('lesson-complete')).toHaveText(lang === 'en' ? 'Lesson complete!' : '本课完成！');

    // the network diagram shows box1 on both bridges
    await page.getByRole('tab', { name: lang === 'en' ? 'Network' : '网络' }).click();
    await expect(diagram).toContainText('my_net2');
    await expect(diagram).toContainText('172.22.16.2');
    await expect(diagram).toContainText(/veth[0-9a-f]{7}/);
    await expect(page.getByTestId('step')).toHaveCount(5);
  });
}
