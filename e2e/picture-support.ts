// Helpers for the live picture's end-to-end tests: type a line and wait for its step, the seed's networking sequence.
import { expect, type Page } from '@playwright/test';
import { LAB, typeStep } from './pages';

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

/** The lab with no lesson, its terminal ready. */
export async function openLab(page: Page) {
  await page.goto(`${LAB}?lesson=`);
  await expect(page.locator('.xterm-rows')).toContainText('root@dockerlings:~#');
}
export const tab = (page: Page, name: string) => page.getByTestId('picture').getByRole('tab', { name });
export const canvas = (page: Page) => page.getByTestId('canvas');

/** Every node's place in the picture (its transform), by ID, leaving out the ghosts of removed ones. */
export const places = (page: Page) => page.locator('.node:not(.mark-removed)').evaluateAll((gs) => Object.fromEntries(gs.map((g) => [g.getAttribute('data-id'), (g as SVGGElement).style.transform])));
/** Types each line, waits for what it adds (a node with that text, marked added or changed) and checks that nothing drawn
 *  before it moved. */
export async function nothingMoves(page: Page, steps: [line: string, adds: string][]) {
  let before = await places(page);
  for (const [line, adds] of steps) {
    await typeLine(page, line);
    await expect(page.locator('.node.mark-added, .node.mark-changed', { hasText: adds }).first()).toBeVisible();
    const after = await places(page);
    expect(Object.entries(before).filter(([id, t]) => after[id] !== undefined && after[id] !== t), line).toEqual([]);
    before = after;
  }
}
