// The shape of the code: no import cycle anywhere in src, engine folders entered only through their index.ts, the engine facade's exports,
// pages that open fast (lab, home, widget) reaching no engine module through static imports (the engine loads in the worker),
// and a worker that reaches no image's files or programs through static imports (they load when an image needs them).
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = dirname(new URL(import.meta.url).pathname);
const ENGINE = join(SRC, 'engine');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
  });
}

/** The script part of a file (a .svelte file's <script> blocks). */
function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.svelte')) return text;
  return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** A relative specifier as the bundler resolves it: the file itself, with .ts or .svelte, or the folder's index.ts. */
function resolveSpec(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec);
  for (const p of [base, `${base}.ts`, `${base}.svelte`, join(base, 'index.ts')]) if (existsSync(p) && statSync(p).isFile()) return p;
  return null;
}

/**
 * Every file's relative imports: import and export-from declarations (type-only ones included, since they tie the
 * modules together for a reader just as much), dynamic imports and import types.
 */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of sourceFiles(SRC)) {
    const specs = ts.preProcessFile(scriptOf(f), true, true).importedFiles.map((i) => i.fileName);
    const targets = specs.filter((s) => s.startsWith('.')).map((s) => resolveSpec(f, s) ?? `${f} → unresolved ${s}`);
    // a Svelte component that draws a tree imports itself (Svelte 5's recursion): that is not a cycle between modules
    graph.set(f, [...new Set(targets)].filter((t) => !(t === f && f.endsWith('.svelte'))));
  }
  return graph;
}

/** Strongly connected components of more than one file (or a file importing itself): Tarjan's algorithm. */
function cycles(graph: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) out.push(scc.map((f) => relative(SRC, f)).sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** One concrete loop inside a strongly connected component (shortest from its first file back to it), to read in a failure. */
function loopIn(graph: Map<string, string[]>, scc: string[]): string[] {
  const inScc = new Set(scc.map((f) => resolve(SRC, f)));
  const start = resolve(SRC, scc[0]);
  const prev = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!inScc.has(w) || prev.has(w)) continue;
      prev.set(w, v);
      if (w === start) {
        const between: string[] = [];
        for (let x = v; x !== start; x = prev.get(x)!) between.unshift(x);
        return [start, ...between, start].map((f) => relative(SRC, f));
      }
      queue.push(w);
    }
  }
  return [];
}

/** The engine folder a file belongs to (`network`, `seed` …), or null for the engine's top level and files outside it. */
function engineFolder(file: string): string | null {
  const rel = relative(ENGINE, file);
  return !rel.startsWith('..') && rel.includes('/') ? rel.split('/')[0] : null;
}

const graph = importGraph();

describe('architecture', () => {
  it('every relative import resolves to a file', () => {
    expect([...graph.values()].flat().filter((t) => t.includes('unresolved'))).toEqual([]);
  });

  it('no import cycle anywhere in src', () => {
    const found = cycles(graph).map((files) => `cycle of ${files.length} files: ${files.join(', ')}; for example ${loopIn(graph, files).join(' → ')}`);
    expect(found).toEqual([]);
  });

  it('the cycle finder finds a cycle and a loop in it', () => {
    const at = (x: string) => join(SRC, x);
    const g = new Map([[at('a'), [at('b')]], [at('b'), [at('c'), at('d')]], [at('c'), [at('a')]], [at('d'), [at('a')]], [at('e'), [at('e')]], [at('f'), [at('a')]]]);
    const found = cycles(g);
    expect(found).toEqual([['a', 'b', 'c', 'd'], ['e']]);
    expect(loopIn(g, found[0])).toEqual(['a', 'b', 'c', 'a']);
  });

  it('engine folders are entered only through their index.ts (from other folders and from the top level)', () => {
    const bad: string[] = [];
    for (const [from, targets] of graph) {
      if (relative(ENGINE, from).startsWith('..')) continue;
      for (const to of targets) {
        const folder = engineFolder(to);
        if (folder && folder !== engineFolder(from) && to !== join(ENGINE, folder, 'index.ts')) bad.push(`${relative(SRC, from)} → ${relative(SRC, to)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the rest of src enters the engine through src/engine/index.ts (tests may use its test-support and seed)', () => {
    const allowed = new Set(['index.ts', 'test-support.ts', 'seed/index.ts']);
    const bad: string[] = [];
    for (const [from, targets] of graph) {
      if (!relative(ENGINE, from).startsWith('..')) continue;
      for (const to of targets) {
        const rel = relative(ENGINE, to);
        if (rel.startsWith('..') || (allowed.has(rel) && (rel === 'index.ts' || from.endsWith('.test.ts')))) continue;
        bad.push(`${relative(SRC, from)} → ${relative(SRC, to)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('the engine facade exports exactly the names in engine-exports.txt (change it on purpose: npx vitest run src/architecture.test.ts -u)', async () => {
    const file = join(ENGINE, 'index.ts');
    const program = ts.createProgram([file], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, noEmit: true, skipLibCheck: true, types: [] });
    const checker = program.getTypeChecker();
    const mod = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    const names = checker.getExportsOfModule(mod).map((sym) => {
      const target = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
      return `${target.flags & ts.SymbolFlags.Value ? 'value' : 'type'} ${sym.name}`;
    });
    await expect(names.sort().join('\n') + '\n').toMatchFileSnapshot('./engine/engine-exports.txt');
  }, 60_000);
});

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

/** Every file an entry loads through static imports (itself included). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length) for (const t of staticImports(queue.shift()!)) if (!seen.has(t) && existsSync(t) && /\.(ts|svelte)$/.test(t)) (seen.add(t), queue.push(t));
  return seen;
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

  it('the worker loads the catalog index only: image files and histories are chunks imported when an image is pulled', () => {
    const loaded = staticClosure(join(SRC, 'worker', 'worker.ts'));
    const seed = join(ENGINE, 'seed');
    // the always-loaded side of seed/: the index, the chunk loaders, the types and hello-world (its message is a program's output)
    const upFront = new Set(['index.ts', 'catalog-index.ts', 'catalog-data.ts', 'chunks.ts', 'types.ts', 'hello.ts', 'fs.ts'].map((f) => join(seed, f)));
    const chunkModules = [...readFileSync(join(seed, 'chunks.ts'), 'utf8').matchAll(/import\('(\.\/[\w-]+)'\)/g)].map((m) => resolveSpec(join(seed, 'chunks.ts'), m[1]));
    expect(chunkModules.length).toBeGreaterThan(15);
    expect(chunkModules.filter((f) => !f || upFront.has(f))).toEqual([]);
    expect([...loaded].filter((f) => f.startsWith(seed + '/') && !upFront.has(f)).map((f) => relative(SRC, f))).toEqual([]);
    expect(loaded.has(join(seed, 'catalog-index.ts'))).toBe(true); // the walk does reach the seed (not vacuous)
  });
});

/** The relative modules a file imports with import() (not `typeof import(…)` types), resolved. */
function dynamicImports(file: string): string[] {
  return [...scriptOf(file).matchAll(/(?<!typeof\s*)\bimport\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) => resolveSpec(file, m[1]) ?? `${file} → unresolved ${m[1]}`);
}

describe('image programs load when they first run', () => {
  const loaded = staticClosure(join(SRC, 'worker', 'worker.ts'));
  const rel = (f: string) => relative(SRC, f);

  it('the worker reaches no module that the engine, the shell or the docker client import with import()', () => {
    const lazy = new Set(['engine', 'shell', 'cli'].flatMap((l) => sourceFiles(join(SRC, l))).filter((f) => !f.endsWith('.test.ts')).flatMap(dynamicImports));
    expect([...lazy].filter((f) => f.includes('unresolved'))).toEqual([]);
    expect(lazy.size).toBeGreaterThan(40); // the catalog's chunks, the programs, the clients, the package managers, the languages
    expect([...lazy].filter((f) => loaded.has(f)).map(rel)).toEqual([]);
  });

  it("no image's program is in the worker's first load: databases, redis, services, languages, stress, WordPress, clients, package managers", () => {
    const programs = [
      'engine/container/programs-db.ts', 'engine/container/programs-mysql.ts', 'engine/container/programs-redis.ts', 'engine/container/programs-services.ts',
      'engine/container/programs-wordpress.ts', 'engine/container/programs-lang.ts', 'engine/container/stress.ts', 'engine/container/redis.ts',
      'engine/container/mongo.ts', 'engine/container/sql/server.ts', 'engine/network/wordpress.ts', 'engine/network/wordpress-install.ts', 'engine/network/py-http.ts',
      'shell/userland/db-repl.ts', 'shell/userland/psql.ts', 'shell/userland/mysql-cli.ts', 'shell/userland/mongosh.ts', 'shell/userland/redis-cli.ts',
      'shell/userland/db-admin.ts', 'shell/userland/apt.ts', 'shell/userland/yum.ts', 'shell/userland/apk.ts',
      'shell/lang/node.ts', 'shell/lang/python.ts', 'shell/lang/npm.ts', 'shell/lang/pip.ts',
    ];
    expect(programs.filter((f) => !existsSync(join(SRC, f)))).toEqual([]);
    expect(programs.filter((f) => loaded.has(join(SRC, f)))).toEqual([]);
    expect([...loaded].filter((f) => f.startsWith(join(ENGINE, 'container', 'sql') + '/')).map(rel)).toEqual([]);
    expect(loaded.has(join(ENGINE, 'container', 'programs.ts'))).toBe(true); // the walk does reach the programs' names (not vacuous)
  });

  it("of the languages (src/shell/lang) only the commands' table, banners and request plumbing load up front: a new language's command is a lazyImpl in lang/index.ts", () => {
    const lang = join(SRC, 'shell', 'lang');
    const upFront = new Set(['index.ts', 'common.ts', 'others.ts', 'app-requests.ts'].map((f) => join(lang, f)));
    expect([...loaded].filter((f) => f.startsWith(lang + '/') && !upFront.has(f)).map(rel)).toEqual([]);
    expect(loaded.has(join(lang, 'index.ts'))).toBe(true);
  });
});
