// `npm run bench`, picture part: the live picture at scale (50 containers on 5 networks, 20 images sharing layers):
// view-model time per kind in Node, and main-thread work per picture update in the lab (headless Chromium's counters).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { createSession } from '../src/shell/session';
import { pictureModel, PICTURE_KINDS } from '../src/diagrams/models';
import { SCALE } from './picture-scale';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 5197); // several checkouts on one machine each take their own
const PROMPT = 'root@dockerlings:~#';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const spread = (xs: number[]) => `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)}`;

async function models() {
  const s = createSession({ headless: true });
  for (const l of SCALE) await s.run(l);
  const now = s.engine.state;
  await s.run('docker run -d --name extra --network net1 busybox sleep 1000');
  const after = s.engine.state;
  for (const kind of PICTURE_KINDS) {
    const runs: number[] = [];
    for (let i = 0; i < 15; i++) {
      // fresh copies: models are made once per state object, and this measures making them (now and before)
      const [a, b] = [structuredClone(after), structuredClone(now)];
      const t0 = performance.now();
      pictureModel(kind, a, b);
      runs.push(performance.now() - t0);
    }
    const m = pictureModel(kind, after, now);
    console.log(`picture model (Node): ${kind.padEnd(9)} ${median(runs).toFixed(1).padStart(6)} ms median (${spread(runs)}), ${m.nodes.length} nodes, ${m.width}×${m.height} units`);
  }
}

async function lab() {
  const preview = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const base = `http://127.0.0.1:${PORT}/`;
    for (let i = 0; i < 200 && !(await fetch(base).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 100));
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(base + 'lab.html?lesson=');
    await page.locator('.xterm-rows', { hasText: PROMPT }).waitFor({ timeout: 60_000 });
    await page.locator('.xterm').click();
    for (const l of SCALE) {
      const n = await page.getByTestId('step').count();
      await page.keyboard.type(l);
      await page.keyboard.press('Enter');
      await page.getByTestId('step').nth(n).waitFor({ timeout: 120_000 });
    }
    // main-thread work, read from Chromium's own counters (CDP Performance.getMetrics): the time its main thread spent
    // in tasks, and in script, style and layout, from the click until the worker's new picture is drawn; then the work of
    // the frames that animate it (the whole page's, idle ones included)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value * 1000]));
    /** One picture update per call of `step` (i: its index), measured 10 times after two to warm up. */
    const measure = async (name: string, step: (i: number) => string) => {
      const runs: number[] = [];
      const anim: number[] = [];
      // the main thread's CPU time over the same span: a task's wall time grows whenever other processes take the core,
      // its CPU time hardly (on a shared machine the medians of wall time swung by a factor of two from run to run)
      const cpu: number[] = [];
      const parts: Record<'Script' | 'Style' | 'Layout', number[]> = { Script: [], Style: [], Layout: [] };
      for (let i = 0; i < 12; i++) {
        const m0 = await metrics();
        await page.evaluate(async (selector) => {
          // the whole picture, not only its canvas: a step whose drawing is the same as the one before (the builds, in
          // the network view) changes only the "what changed" line, and waiting for the canvas then timed out (2 s)
          const picture = document.querySelector('[data-testid="picture"]')!;
          const drawn = new Promise((r) => {
            const o = new MutationObserver(() => (o.disconnect(), r(null)));
            o.observe(picture, { subtree: true, childList: true, attributes: true, characterData: true });
            setTimeout(() => (o.disconnect(), r(null)), 2000);
          });
          document.querySelector<HTMLButtonElement>(selector)!.click();
          await drawn;
          // the frame that shows it: style, layout and paint happen before the second callback
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(null))));
        }, step(i));
        const m1 = await metrics();
        // then its animations (marks at most 400 ms; the packet's dot up to 1.6 s), frame by frame
        await page.evaluate(() => new Promise((r) => setTimeout(r, 1700)));
        const m2 = await metrics();
        if (i < 2) continue;
        anim.push(m2.TaskDuration - m1.TaskDuration);
        runs.push(m1.TaskDuration - m0.TaskDuration);
        cpu.push(m1.ThreadTime - m0.ThreadTime);
        parts.Script.push(m1.ScriptDuration - m0.ScriptDuration);
        parts.Style.push(m1.RecalcStyleDuration - m0.RecalcStyleDuration);
        parts.Layout.push(m1.LayoutDuration - m0.LayoutDuration);
      }
      // the size each label is drawn at: its font size times the picture's scale at fit
      const labels = await page.locator('[data-testid="canvas"] text').evaluateAll((ts) => Math.min(...ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a)));
      const split = Object.entries(parts).map(([k, xs]) => `${k.toLowerCase()} ${median(xs).toFixed(1)}`).join(', ');
      console.log(`picture update in the lab (main-thread work): ${name.padEnd(16)} ${median(runs).toFixed(1).padStart(6)} ms median (${spread(runs)}; ${split}; main-thread CPU ${median(cpu).toFixed(1)}), then ${median(anim).toFixed(1)} ms in the next 1.7 s (its animation and the page's idle work); smallest label ${labels.toFixed(1)} px at fit`);
    };
    const button = (label: string) => `[data-testid="timeline"] button[aria-label="${label}"]`;
    for (const kind of ['Network', 'Layers', 'Packet']) {
      await page.getByTestId('picture').getByRole('tab', { name: kind }).click();
      // the tab's own picture arrives from the worker after the click: let it settle, so the first update measured is
      // not charged for it (it was, and it made most of the peaks)
      await page.waitForTimeout(500);
      // one picture update = the timeline scrubbed one step (a new state and a new "before"): script, style, layout
      await measure(kind, (i) => button(i % 2 === 0 ? 'Step back' : 'Step forward'));
    }
    // updates with news to animate: the steps that created the 5 networks and ran the 50 containers, viewed in turn
    // (each marks what it added, which pops in)
    await page.getByTestId('picture').getByRole('tab', { name: 'Network' }).click();
    await page.waitForTimeout(500);
    await measure('Network, news', (i) => `[data-testid="timeline"] li:nth-of-type(${i % 2 === 0 ? 2 : 3}) button.step`);
  } finally {
    await browser.close();
    preview.kill();
  }
}

await models();
await lab();
