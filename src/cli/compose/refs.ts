// Compose files that refer to other files: `include` (compose-go loader/include.go) and `extends` (loader/extends.go),
// with the relative paths of a file from another directory made absolute against that directory.
import { StatusError } from '../command';
import { absPath, dirname } from './paths';

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v));

/** Reads one compose file (parsed, interpolated with `env`, validated unless told not to) as a mapping. */
export type ReadDoc = (path: string, env: (name: string) => string | undefined, validate: boolean) => Promise<Raw>;
/** Merges an override mapping into a base (the same rules as override files). */
export type Merge = (base: unknown, over: unknown) => unknown;

const local = (p: string) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(p) && !p.startsWith('/');
const resolve = (dir: string, p: string) => (local(p) ? absPath(dir, p.replace(/^~(?=\/|$)/, '/root')) : p.replace(/^~(?=\/|$)/, '/root'));

/** paths.ResolveRelativePaths: build contexts, env files, bind sources, extends files, secret and config files. */
export function resolveRelativePaths(doc: Raw, dir: string): void {
  for (const svc of Object.values(isMap(doc.services) ? doc.services : {})) {
    if (!isMap(svc)) continue;
    if (typeof svc.build === 'string') svc.build = resolve(dir, svc.build);
    else if (isMap(svc.build)) svc.build.context = resolve(dir, str(svc.build.context) || '.');
    if (typeof svc.env_file === 'string') svc.env_file = resolve(dir, svc.env_file);
    else if (Array.isArray(svc.env_file)) svc.env_file = svc.env_file.map((e) => (isMap(e) ? { ...e, path: resolve(dir, str(e.path)) } : resolve(dir, str(e))));
    if (Array.isArray(svc.volumes)) {
      svc.volumes = svc.volumes.map((v) => {
        if (isMap(v)) return v.type === 'bind' && typeof v.source === 'string' ? { ...v, source: resolve(dir, v.source) } : v;
        const [src, ...rest] = str(v).split(':');
        return rest.length && (src.startsWith('.') || src.startsWith('~')) ? [resolve(dir, src), ...rest].join(':') : v;
      });
    }
    if (isMap(svc.extends) && typeof svc.extends.file === 'string') svc.extends = { ...svc.extends, file: resolve(dir, svc.extends.file) };
  }
  for (const key of ['secrets', 'configs']) {
    for (const o of Object.values(isMap(doc[key]) ? (doc[key] as Raw) : {})) if (isMap(o) && typeof o.file === 'string') o.file = resolve(dir, o.file);
  }
}

/**
 * Apply a file's `include` list: each entry's files (the first one's folder is the included project's directory,
 * the others override it) are loaded with that folder's `.env` or the entry's env_file, their paths resolved there,
 * and their services, networks, volumes, secrets and configs added to the model (a different one of the same name is
 * an error). `included` is the chain of files that led here, to report cycles.
 */
export async function applyInclude(model: Raw, workingDir: string, env: (n: string) => string | undefined, included: string[], io: { read: ReadDoc; readText: (p: string) => Promise<string | null>; merge: Merge; dotenv: (text: string, env: (n: string) => string | undefined) => [string, string][] }): Promise<void> {
  const list = model.include;
  delete model.include;
  if (!Array.isArray(list)) return;
  for (const entry of list) {
    const r: Raw = isMap(entry) ? entry : { path: entry };
    const paths = (Array.isArray(r.path) ? r.path : [r.path]).map((p) => absPath(workingDir, str(p)));
    const projectDir = r.project_directory === undefined ? dirname(paths[0]) : absPath(workingDir, str(r.project_directory));
    if (included.includes(paths[0])) throw new StatusError(`include cycle detected:\n${included[0]}\n include ${[...included.slice(1), paths[0]].join('\n include ')}`, 1);
    const envFiles = r.env_file === undefined ? [absPath(projectDir, '.env')] : (Array.isArray(r.env_file) ? r.env_file : [r.env_file]).map((f) => absPath(workingDir, str(f)));
    const fromFiles = new Map<string, string>();
    for (const f of envFiles) {
      const text = await io.readText(f);
      if (text === null) {
        if (r.env_file !== undefined) throw new StatusError(`stat ${f}: no such file or directory`, 1);
        continue;
      }
      for (const [k, v] of io.dotenv(text, env)) fromFiles.set(k, v);
    }
    // the project's environment wins over the included project's .env
    const lookup = (n: string) => env(n) ?? fromFiles.get(n);
    let imported: Raw = Object.create(null);
    for (const p of paths) {
      const one = await io.read(p, lookup, true);
      await applyInclude(one, projectDir, lookup, [...included, paths[0]], io);
      imported = io.merge(imported, one) as Raw;
    }
    resolveRelativePaths(imported, projectDir);
    for (const key of ['services', 'volumes', 'networks', 'secrets', 'configs']) {
      const from = imported[key];
      if (!isMap(from)) continue;
      const to: Raw = isMap(model[key]) ? (model[key] as Raw) : (model[key] = Object.create(null) as Raw);
      for (const [name, v] of Object.entries(from)) {
        if (name in to) {
          if (JSON.stringify(to[name]) === JSON.stringify(v)) continue;
          throw new StatusError(`${key}.${name} conflicts with imported resource`, 1);
        }
        to[name] = v;
      }
    }
  }
}

/**
 * Apply every service's `extends`: the base service (from this file, or from `file` whose paths are resolved against
 * its own folder) with the service's own settings merged over it, recursively; compose-go's errors for a missing
 * service or file and for a circular chain.
 */
export async function applyExtends(doc: Raw, file: string, env: (n: string) => string | undefined, io: { read: ReadDoc; merge: Merge }): Promise<void> {
  const services = isMap(doc.services) ? doc.services : null;
  if (!services) return;
  const done = new Map<string, Raw>();
  const cache = new Map<string, Raw>();
  const otherFile = async (path: string): Promise<Raw> => {
    let d = cache.get(path);
    if (!d) {
      d = await io.read(path, env, false);
      resolveRelativePaths(d, dirname(path));
      cache.set(path, d);
    }
    return d;
  };
  const extend = async (name: string, pool: Raw, poolFile: string, chain: [string, string][]): Promise<Raw | null> => {
    const svc = pool[name];
    if (!isMap(svc)) return null;
    if (!('extends' in svc)) return svc;
    const key = `${poolFile}\0${name}`;
    if (pool === services && done.has(key)) return done.get(key)!;
    if (chain.some(([f, s]) => f === poolFile && s === name)) {
      const all = [...chain, [poolFile, name]];
      throw new StatusError(['Circular reference:', `  ${all[0][1]} in ${all[0][0]}`, ...all.slice(1).map(([f, s]) => `  extends ${s} in ${f}`)].join('\n'), 1);
    }
    const ext = svc.extends;
    const ref = isMap(ext) ? str(ext.service) : str(ext);
    let basePool = pool;
    let baseFile = poolFile;
    if (isMap(ext) && ext.file !== undefined) {
      baseFile = absPath(dirname(poolFile), str(ext.file));
      const other = await otherFile(baseFile);
      if (!isMap(other.services)) throw new StatusError(`cannot extend service "${name}" in ${baseFile}: no services section`, 1);
      basePool = other.services;
      if (!(ref in basePool)) throw new StatusError(`cannot extend service "${name}" in ${poolFile}: service "${ref}" not found in ${str(ext.file)}`, 1);
    } else if (!(ref in pool)) throw new StatusError(`cannot extend service "${name}" in ${poolFile}: service "${ref}" not found`, 1);
    const base = await extend(ref, basePool, baseFile, [...chain, [poolFile, name]]);
    const own = { ...svc };
    delete own.extends;
    const merged = base ? (io.merge(structuredClone(base), own) as Raw) : own;
    delete merged.extends;
    if (pool === services) done.set(key, merged);
    return merged;
  };
  for (const name of Object.keys(services)) {
    const merged = await extend(name, services, file, []);
    if (merged) services[name] = merged;
  }
}
