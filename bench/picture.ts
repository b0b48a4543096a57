// `npm run bench`, picture part: the live picture at scale (50 containers on 5 networks, 20 images sharing layers):
// view-model time per kind in Node, and main-thread time per picture update in the lab (headless Chromium).
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
    for (const kind of ['Network', 'Layers', 'Packet']) {
      await page.getByTestId('picture').getByRole('tab', { name: kind }).click();
      // one picture update = the timeline scrubbed one step (a new state and a new "before"): script, style, layout
      const runs: number[] = [];
      for (let i = 0; i < 8; i++) {
        const back = i % 2 === 0;
        runs.push(await page.evaluate(async (b) => {
          const button = document.querySelector<HTMLButtonElement>(`[data-testid="timeline"] button[aria-label="${b ? 'Step back' : 'Step forward'}"]`)!;
          const t0 = performance.now();
          button.click();
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          return performance.now() - t0;
        }, back));
      }
      // the size each label is drawn at: its font size times the picture's scale at fit
      const labels = await page.locator('[data-testid="canvas"] text').evaluateAll((ts) => Math.min(...ts.map((t) => parseFloat(getComputedStyle(t).fontSize) * (t as SVGGraphicsElement).getScreenCTM()!.a)));
      console.log(`picture update in the lab (main thread): ${kind.padEnd(8)} ${median(runs).toFixed(1).padStart(6)} ms median (${spread(runs)}), smallest label ${labels.toFixed(1)} px at fit`);
    }
  } finally {
    await browser.close();
    preview.kill();
  }
}

await models();
await lab();
