// The pages that must open fast never load the simulator on the main thread: the static import closure of the lab,
// the home page and the widget stops before src/engine (the engine runs in the Web Worker, loaded on its own).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(__dirname);
const ENGINE = join(SRC, 'engine');

/** The TypeScript of a file (a Svelte component's <script> blocks). */
function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

function resolveSpec(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile()) return p;
  return null;
}

/** The relative modules a file loads when it loads: value imports and re-exports (not `import type`, not `import()`). */
function staticImports(file: string, text = scriptOf(file)): string[] {
  const src = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: string[] = [];
  for (const st of src.statements) {
    let spec: string | undefined;
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const c = st.importClause;
      const typeOnly = !!c && (c.isTypeOnly || (!c.name && !!c.namedBindings && ts.isNamedImports(c.namedBindings) && c.namedBindings.elements.length > 0 && c.namedBindings.elements.every((e) => e.isTypeOnly)));
      if (!typeOnly) spec = st.moduleSpecifier.text;
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier) && !st.isTypeOnly) {
      spec = st.moduleSpecifier.text;
    }
    if (spec?.startsWith('.')) out.push(resolveSpec(file, spec) ?? `${file} → unresolved ${spec}`);
  }
  return out;
}

/** The first engine file an entry reaches through static imports, with the path that reaches it; null when none. */
function engineReached(entry: string): string[] | null {
  const from = new Map<string, string>([[entry, '']]);
  const queue = [entry];
  while (queue.length) {
    const f = queue.shift()!;
    if (!relative(ENGINE, f).startsWith('..')) {
      const path = [f];
      while (from.get(path[0])) path.unshift(from.get(path[0])!);
      return path.map((p) => relative(SRC, p));
    }
    for (const t of staticImports(f)) if (!from.has(t) && existsSync(t)) (from.set(t, f), queue.push(t));
  }
  return null;
}

describe('first load', () => {
  it('value imports count, type-only imports and dynamic imports do not', () => {
    const at = join(SRC, 'ui', 'x.ts');
    // written from parts, so the boundary test does not read this fixture as the test's own imports
    const from = (head: string, path: string) => `${head} from '../${path}';`;
    const text = [from('import type { A }', 'engine/index'), from('import { type B }', 'engine/state'), from('import { C }', 'lessons/catalog'), from('export { D }', 'diagrams/net-cols'), from('export type { E }', 'engine/index'), "const m = () => import('../' + 'engine/index');"].join('\n');
    expect(staticImports(at, text).map((p) => relative(SRC, p))).toEqual(['lessons/catalog.ts', 'diagrams/net-cols.ts']);
  });

  for (const entry of ['main.ts', 'home.ts', 'widget.ts']) {
    it(`${entry} reaches no engine module before the worker starts`, () => {
      expect(engineReached(join(SRC, entry))).toBeNull();
    });
  }
});
