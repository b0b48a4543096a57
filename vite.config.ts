// Vite (site build: every src/*.html page plus the embeddable widget.js) and Vitest (unit tests) configuration.
import { defineConfig, type Plugin } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from './src/lessons/format.ts';

const shim = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const SRC = shim('./src');

// Vitest runs in Node: there just-bash resolves its node bundle and the real node:zlib must be used.
const underVitest = !!process.env.VITEST;

/** The policy written into every built page (xterm and mermaid inject <style> elements, hence 'unsafe-inline' for styles;
 *  'wasm-unsafe-eval' lets node's QuickJS WebAssembly compile where a session runs on the page itself, not in the worker). */
const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'";

/** Lesson files parsed at build time, so pages ship JSON and not the YAML parser: `lesson.md?lesson` is the whole
 *  Lesson (or `{error}`), `?lesson-meta` only id/chapter/chapterTitle/title; `?lesson-lazy` is `?lesson` under another module id
 *  (one chunk per lesson for the widget, while the lab keeps all of them in its own chunk). */
function lessonFiles(): Plugin {
  return {
    name: 'dockerlings-lessons',
    enforce: 'pre',
    load(id) {
      const m = /^(.*\/lessons\/([^/]+\/[^/]+)\/lesson\.md)\?lesson(-meta|-lazy)?$/.exec(id);
      if (!m) return null;
      this.addWatchFile(m[1]);
      let out: unknown;
      try {
        const l = parseLesson(m[2], readFileSync(m[1], 'utf8'));
        out = m[3] === '-meta' ? { id: l.id, chapter: l.chapter, ...(l.chapterTitle ? { chapterTitle: l.chapterTitle } : {}), title: l.title, description: l.description, minutes: l.minutes } : l;
      } catch (e) {
        out = { error: (e as Error).message };
      }
      return `export default ${JSON.stringify(out)};`;
    },
  };
}

/** A Content-Security-Policy <meta> in every built page (dev keeps Vite's inline HMR client working). */
function csp(): Plugin {
  return {
    name: 'dockerlings-csp',
    apply: 'build',
    transformIndexHtml: { order: 'post', handler: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' }] },
  };
}

/** Writes dist/sw.js: a cache-first service worker that precaches every built file (offline after the first visit). */
function offline(): Plugin {
  return {
    name: 'dockerlings-offline',
    apply: 'build',
    writeBundle(opts, bundle) {
      // the bundle, and what public/ copies beside it (the favicon)
      const copied = readdirSync(shim('./public')).filter((f) => !(f in bundle));
      const files = [...Object.keys(bundle), ...copied].filter((f) => !f.startsWith('.vite/') && !f.endsWith('.map')).sort();
      const hash = createHash('sha256');
      for (const f of files) hash.update(f).update(readFileSync(join(opts.dir!, f)));
      const sw = readFileSync(shim('./src/ui/sw-template.js'), 'utf8')
        .replace("'__VERSION__'", JSON.stringify(hash.digest('hex').slice(0, 12)))
        .replace('[/* __FILES__ */]', JSON.stringify(['./', ...files]));
      writeFileSync(join(opts.dir!, 'sw.js'), sw);
    },
  };
}

/** Every page in src/ (so a new src/*.html is built without touching this file), plus the widget script. */
const inputs = {
  ...Object.fromEntries(readdirSync(SRC).filter((f) => f.endsWith('.html')).map((f) => [f.replace(/\.html$/, ''), join(SRC, f)])),
  widget: join(SRC, 'widget.ts'),
};

export default defineConfig({
  root: 'src',
  base: './',
  publicDir: '../public',
  plugins: [lessonFiles(), svelte({ configFile: false }), csp(), offline()],
  resolve: {
    // just-bash's browser bundle imports node:zlib (gzip, gunzip, zcat, rg -z); the browser gets a pure-TS shim.
    alias: underVitest ? {} : { 'node:zlib': shim('./src/shell/zlib-shim.ts') },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    manifest: true, // dist/.vite/manifest.json: `npm run bench` sums each page's first-load chunks from it
    chunkSizeWarningLimit: 2048, // just-bash's browser bundle alone is ~1.2 MB
    rolldownOptions: {
      input: inputs,
      // `<script type="module" src=".../widget.js">` needs a name that stays the same across builds; the rest is hashed
      output: { entryFileNames: (c) => (c.name === 'widget' ? 'widget.js' : 'assets/[name]-[hash].js') },
    },
  },
  // the simulator's module worker (src/worker/worker.ts), split into chunks like the pages
  worker: { format: 'es', plugins: () => [lessonFiles()] },
  preview: { host: '127.0.0.1' },
  test: {
    root: '.',
    include: ['src/**/*.test.ts', 'conformance/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    environment: 'node',
    pool: 'threads',
    // tests assert behaviour, not speed: on a loaded 2-core machine a replay can take several seconds
    testTimeout: 60_000,
  },
});
