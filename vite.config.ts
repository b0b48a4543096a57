// Vite (site build) and Vitest (unit tests) configuration for Dockerlings.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const shim = (p: string) => fileURLToPath(new URL(p, import.meta.url));

// Vitest runs in Node: there just-bash resolves its node bundle and the real node:zlib must be used.
const underVitest = !!process.env.VITEST;

export default defineConfig({
  root: 'src',
  base: './',
  publicDir: '../public',
  plugins: [svelte({ configFile: false })],
  resolve: {
    // just-bash's browser bundle imports node:zlib (gzip, gunzip, zcat, rg -z); the browser gets a pure-TS shim.
    alias: underVitest ? {} : { 'node:zlib': shim('./src/shell/zlib-shim.ts') },
  },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2048, // just-bash's browser bundle alone is ~1.2 MB
  },
  preview: { host: '127.0.0.1' },
  test: {
    root: '.',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
  },
});
