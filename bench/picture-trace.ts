// A Chromium trace of four picture updates with news (the timeline scrubbed between the steps that made 5 networks and
// ran 50 containers, each popping in what it added): main-thread time per trace event, to find what an update costs.
// Needs the built site served (`npx vite preview --port $BENCH_PORT`): `BENCH_PORT=5182 npx tsx bench/picture-trace.ts`;
// `TRACE_VIEW=Packet` traces the packet view instead, scrubbed between the ping and the step before it.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { SCALE } from './picture-scale';

const PORT = Number(process.env.BENCH_PORT ?? 5197);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`http://127.0.0.1:${PORT}/lab.html?lesson=`);
  await page.locator('.xterm-rows', { hasText: 'root@dockerlings:~#' }).waitFor({ timeout: 60_000 });
  await page.locator('.xterm').click();
  const view = process.env.TRACE_VIEW ?? 'Network';
  for (const l of view === 'Packet' ? [SCALE[0], SCALE[1], SCALE[3]] : SCALE.slice(0, 2)) {
    const n = await page.getByTestId('step').count();
    await page.keyboard.type(l);
    await page.keyboard.press('Enter');
    await page.getByTestId('step').nth(n).waitFor({ timeout: 120_000 });
  }
  await page.getByTestId('picture').getByRole('tab', { name: view }).click();
  await page.waitForTimeout(800);
  const path = '/tmp/dockerlings-picture-trace.json';
  await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8'] });
  for (let i = 0; i < 4; i++) {
    await page.evaluate(async (b) => {
      document.querySelector<HTMLButtonElement>(`[data-testid="timeline"] button[aria-label="${b ? 'Step back' : 'Step forward'}"]`)!.click();
      await new Promise((r) => setTimeout(r, 500));
    }, i % 2 === 0);
  }
  await browser.stopTracing();
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: { name: string; tid: number; ph: string; dur?: number }[] }).traceEvents;
  // the renderer's main thread: the one that lays out
  const count = new Map<number, number>();
  for (const e of events) if (e.name === 'Layout') count.set(e.tid, (count.get(e.tid) ?? 0) + 1);
  const main = [...count.entries()].sort((a, b) => b[1] - a[1])[0][0];
  const total = new Map<string, number>();
  for (const e of events) if (e.tid === main && e.ph === 'X' && e.dur) total.set(e.name, (total.get(e.name) ?? 0) + e.dur / 1000);
  for (const name of ['RunTask', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'InlineNode::FindSvgTextChunks', 'Paint']) console.log(`${name.padEnd(30)} ${(total.get(name) ?? 0).toFixed(1).padStart(7)} ms over 4 updates`);
} finally {
  await browser.close();
}
