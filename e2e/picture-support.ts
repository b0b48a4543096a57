// Helpers for the live picture's end-to-end tests: type a line and wait for its step, the seed's networking sequence.
import type { Page } from '@playwright/test';
import { typeStep } from './pages';

/** Focus the lab's terminal, type a line and wait until it has run (pictures may take a while to draw on a busy machine). */
export async function typeLine(page: Page, line: string) {
  await page.locator('.xterm-helper-textarea').focus();
  await typeStep(page, line, 20_000);
}

/** The seed's isolation layout: two user networks, a container on each, one on both, a published port. */
export const NETWORKING = [
  'docker network create my_net',
  'docker network create my_net2',
  'docker run -d --name box1 --network my_net busybox sleep 1000',
  'docker run -d --name box2 --network my_net2 busybox sleep 1000',
  'docker run -d --name web --network my_net -p 8080:80 nginx',
  'docker network connect my_net2 box1',
];
