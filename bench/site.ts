// `npm run bench`, site part: gzip size of each page's first-load JS (from dist/.vite/manifest.json) and the time from
// navigation to an interactive terminal in headless Chromium against `vite preview`. Figures only, no assertions.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Locator } from '@playwright/test';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PORT = Number(process.env.BENCH_PORT ?? 5198); // not the e2e tests' 5199 (BENCH_PORT when several checkouts share a machine)
const PROMPT = 'root@dockerlings:~#';

type Chunk = { file: string; imports?: string[]; css?: string[]; assets?: string[] };

/** The entry chunk and everything it imports statically: what a page downloads before its code runs. */
export function firstLoad(manifest: Record<string, Chunk>, key: string, seen = new Set<string>()): Set<string> {
  if (seen.has(key) || !manifest[key]) return seen;
  seen.add(key);
  for (const i of manifest[key].imports ?? []) firstLoad(manifest, i, seen);
  return seen;
}

/** gzip bytes of the first-load JS (and CSS) of each entry; with a third key, only what that entry did not load yet. */
export function sizes(dist: string, entries: [string, string, string?][]): void {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const gz = (f: string) => gzipSync(readFileSync(join(dist, f))).length;
  const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} kB`;
  for (const [label, key, after] of entries) {
    const had = after ? firstLoad(manifest, after) : new Set<string>();
    const chunks = [...firstLoad(manifest, key)].filter((k) => !had.has(k)).map((k) => manifest[k]);
    const js = chunks.map((c) => gz(c.file));
    const css = [...new Set(chunks.flatMap((c) => c.css ?? []))].reduce((n, f) => n + gz(f), 0);
    console.log(`${after ? 'then loads, gzip:   ' : 'first-load JS, gzip:'} ${label.padEnd(26)} ${kb(js.reduce((a, b) => a + b, 0))} in ${js.length} files (largest ${kb(Math.max(...js)).trim()}; CSS ${kb(css).trim()})`);
  }
}

/** The files a built ES module loads before it runs: itself and its static imports (`import … from "./x.js"`), not import(). */
export function staticFiles(dist: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(join(dist, file), 'utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  for (const m of text.matchAll(/(?:^|[;\n}])\s*(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']\.\/([\w.-]+\.js)["']/g)) staticFiles(dist, dir + m[1], seen);
  return seen;
}

/** gzip bytes of the simulator worker's first load (engine, docker client, just-bash: its entry and the chunks it imports
 *  statically; not the image data and programs it imports when an image needs them): loaded by the lab and each widget after first paint. */
export function workerSize(dist: string): void {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const files = [...new Set(Object.values(manifest).flatMap((c) => c.assets ?? []).filter((f) => /\/worker-[\w-]+\.js$/.test(f)))];
  for (const f of files) {
    const all = [...staticFiles(dist, f)];
    const gz = all.reduce((n, x) => n + gzipSync(readFileSync(join(dist, x))).length, 0);
    console.log(`then loads, gzip:    ${'simulator worker'.padEnd(26)} ${`${(gz / 1024).toFixed(1)} kB`.padStart(10)} in ${all.length} files (${f} and its static imports, in its own thread)`);
  }
}

/** Milliseconds from navigation to the prompt, and to the echo of a typed command, in the page's first terminal. */
export async function timeToTerminal(browser: Browser, url: string, scope: string): Promise<{ prompt: number; echo: number }> {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const rows = (s: Locator) => s.locator('.xterm-rows > div').allTextContents();
  const t0 = performance.now();
  await page.goto(url, { waitUntil: 'commit' });
  const box = page.locator(scope).first();
  await box.locator('.xterm-rows', { hasText: PROMPT }).waitFor({ timeout: 60_000 });
  const prompt = performance.now() - t0;
  await box.locator('.xterm').click();
  await page.keyboard.type('echo ready');
  await page.keyboard.press('Enter');
  while (!(await rows(box)).some((r) => r.replace(/\u00a0/g, ' ').trim() === 'ready')) await page.waitForTimeout(5);
  const echo = performance.now() - t0;
  await context.close();
  return { prompt, echo };
}

async function waitForServer(url: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not answer at ${url}`);
}

async function main() {
  // `tsx bench/site.ts --sizes [DIST]`: the sizes only, of a build in DIST (default dist/; e.g. `vite build --outDir /tmp/x`)
  const sizesOnly = process.argv.includes('--sizes');
  const dist = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(ROOT, 'dist');
  if (!existsSync(join(dist, '.vite/manifest.json'))) spawnSync(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], { cwd: ROOT, stdio: 'inherit' });
  sizes(dist, [
    ['home (index.html)', 'index.html'],
    ['site lab (lab.html)', 'lab.html'],
    ['widget (widget.js)', 'widget.ts'],
    ['widget picture (on open)', 'ui/widget-picture.svelte.ts', 'widget.ts'],
  ]);
  workerSize(dist);
  if (sizesOnly) return;

  const preview = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { cwd: ROOT, stdio: 'ignore' });
  const base = `http://127.0.0.1:${PORT}/`;
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    await waitForServer(base);
    for (const [label, path, scope] of [['lab.html', 'lab.html', 'body'], ['demo.html (1st widget)', 'demo.html', 'docker-lab']]) {
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await timeToTerminal(browser, base + path, scope));
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
      console.log(`time to interactive terminal: ${label.padEnd(22)} prompt ${median(runs.map((r) => r.prompt)).toFixed(0).padStart(5)} ms, first echo ${median(runs.map((r) => r.echo)).toFixed(0).padStart(5)} ms (median of 3, cold cache)`);
    }
  } finally {
    await browser.close();
    preview.kill();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
