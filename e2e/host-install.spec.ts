// End-to-end: the install lesson starts on a host without Docker (a learner's prompt, no docker command) and its goals
// tick as Docker is installed, started and the learner joins the docker group; time travel keeps the bare host.
import { expect, test, type Page } from '@playwright/test';
import { LAB } from './pages';

const rows = async (page: Page) => (await page.locator('.xterm-rows > div').allTextContents()).map((r) => r.replace(/\u00a0/g, ' ').trimEnd()).join('\n');
async function type(page: Page, line: string) {
  const before = await page.getByTestId('step').count();
  await page.keyboard.type(line);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step')).toHaveCount(before + 1, { timeout: 20_000 });
}

test('the install lesson: a bare Ubuntu host, Docker installed from its repository, the docker group joined', async ({ page }) => {
  await page.goto(`${LAB}?lesson=01-basics/07-install-docker`);
  await expect(page.getByRole('heading', { name: 'Installing Docker on an Ubuntu server' })).toBeVisible();
  await expect.poll(() => rows(page)).toContain('learner@dockerlings:~$');
  const goals = page.getByTestId('goal');
  await expect(goals).toHaveCount(5);
  await page.locator('.xterm').click();
  await type(page, 'docker ps');
  await expect.poll(() => rows(page)).toContain('bash: docker: command not found');
  await type(page, 'curl -fsSL https://download.docker.com/linux/ubuntu/gpg | sudo gpg --dearmor -o /usr/share/keyrings/docker-archive-keyring.gpg');
  await type(page, 'echo "deb [signed-by=/usr/share/keyrings/docker-archive-keyring.gpg] https://download.docker.com/linux/ubuntu $(lsb_release -cs) stable" | sudo tee /etc/apt/sources.list.d/docker.list');
  await type(page, 'sudo apt-get update -qq');
  // without -y apt asks on the terminal and waits; Enter answers yes
  const before = await page.getByTestId('step').count();
  await page.keyboard.type('sudo apt-get install docker-ce docker-ce-cli containerd.io');
  await page.keyboard.press('Enter');
  await expect.poll(() => rows(page)).toContain('After this operation, 479 MB of additional disk space will be used.\nDo you want to continue? [Y/n]');
  await expect(goals.nth(0)).toHaveAttribute('data-met', 'no');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('step')).toHaveCount(before + 1, { timeout: 20_000 });
  await expect.poll(() => rows(page)).toContain('Setting up docker-ce (5:27.5.1-1~ubuntu.24.04~noble) ...');
  await expect(goals.nth(0)).toHaveAttribute('data-met', 'yes');
  await expect(goals.nth(1)).toHaveAttribute('data-met', 'yes');
  await type(page, 'docker ps');
  await expect.poll(() => rows(page)).toContain('permission denied while trying to connect to the Docker daemon socket');
  await type(page, 'sudo usermod -aG docker $USER');
  await expect(goals.nth(2)).toHaveAttribute('data-met', 'yes');
  await type(page, 'newgrp docker');
  await type(page, 'docker run --rm hello-world');
  await expect(goals.nth(3)).toHaveAttribute('data-met', 'yes');
  await expect(goals.nth(4)).toHaveAttribute('data-met', 'yes');
  await expect(page.getByTestId('lesson-complete')).toBeVisible();
});
