// Load a Compose project: find the files, read .env, parse YAML, interpolate, validate, merge overrides, normalise.
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { StatusError, type CliContext } from '../command';
import { parseDotenv } from './dotenv';
import { interpolateTree } from './interpolate';
import { validateCompose } from './schema';
import { normalizeProjectName, VALID_PROJECT_NAME, type Project, type Service } from './model';
import { selectServices } from './containers';
import { toNetworks, toService, toVolumes } from './normalize';
import { checkFileRefs, toFileObjects } from './files';
import { applyExtends, applyInclude, type ReadDoc } from './refs';
import { absPath, dirname } from './paths';
import { warn, type ProgressContext } from './progress';

export interface ProjectFlags {
  file: string[];
  projectName: string;
  projectDirectory: string;
  envFile: string[];
  profile: string[];
}

/** What every compose command gets besides the client context: the project-selecting global flags. */
export interface ComposeContext extends ProgressContext {
  compose: ProjectFlags;
}

const DEFAULT_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_FILES = ['compose.override.yml', 'compose.override.yaml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

async function isFile(ctx: CliContext, p: string): Promise<boolean> {
  return (await ctx.host.stat(p))?.type === 'file';
}

/** The compose files: -f as given, else the first default name in the working directory or a parent of it. */
async function findFiles(ctx: CliContext, f: ProjectFlags): Promise<string[]> {
  if (f.file.length) return f.file.map((p) => absPath(ctx.cwd, p));
  for (let dir = ctx.cwd; ; dir = dirname(dir)) {
    const found: string[] = [];
    for (const n of DEFAULT_FILES) if (await isFile(ctx, absPath(dir, n))) found.push(absPath(dir, n));
    if (found.length) {
      if (found.length > 1) {
        warn(ctx, `Found multiple config files with supported names: ${found.join(', ')}`);
        warn(ctx, `Using ${found[0]}`);
      }
      for (const n of OVERRIDE_FILES) {
        if (await isFile(ctx, absPath(dir, n))) return [found[0], absPath(dir, n)];
      }
      return [found[0]];
    }
    if (dir === '/') break;
  }
  throw new StatusError('no configuration file provided: not found', 1);
}

/** Parse one compose file's YAML into a mapping (compose-go's wording for what is not one). */
function parseFile(path: string, text: string): Record<string, unknown> {
  let doc: unknown;
  try {
    doc = parseYaml(text, { uniqueKeys: true, merge: true });
  } catch (e) {
    if (e instanceof YAMLParseError) {
      const line = e.linePos?.[0]?.line ?? 1;
      const first = e.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      throw new StatusError(`yaml: line ${line}: ${first.charAt(0).toLowerCase()}${first.slice(1)}`, 1);
    }
    throw e;
  }
  if (doc === null || doc === undefined) throw new StatusError('empty compose file', 1);
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new StatusError(`Top-level object must be a mapping`, 1);
  return doc as Record<string, unknown>;
}

/** Override files merge into the base: mappings key by key, lists appended (command/entrypoint replaced). */
function merge(base: unknown, over: unknown, key = ''): unknown {
  if (Array.isArray(base) && Array.isArray(over)) return key === 'command' || key === 'entrypoint' ? over : [...base, ...over];
  if (base && over && typeof base === 'object' && typeof over === 'object' && !Array.isArray(base) && !Array.isArray(over)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const [k, v] of Object.entries(base)) out[k] = v;
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? merge(out[k], v, k) : v;
    return out;
  }
  return over;
}

/** Load the project the flags name, as compose-go's ProjectFromOptions does. */
export async function loadProject(ctx: CliContext, f: ProjectFlags): Promise<Project> {
  if (f.projectName && !VALID_PROJECT_NAME.test(f.projectName)) {
    throw new StatusError(`invalid project name "${f.projectName}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`, 1);
  }
  const files = await findFiles(ctx, f);
  const workingDir = f.projectDirectory ? absPath(ctx.cwd, f.projectDirectory) : dirname(files[0]);
  // the shell's environment wins over .env
  const envFiles = f.envFile.length ? f.envFile.map((p) => absPath(ctx.cwd, p)) : [absPath(workingDir, '.env')];
  const fromFiles = new Map<string, string>();
  for (const p of envFiles) {
    const text = await ctx.host.readFile(p);
    if (text === null) {
      if (f.envFile.length) throw new StatusError(`couldn't find env file: ${p}`, 1);
      continue;
    }
    try {
      for (const [k, v] of parseDotenv(text, (n) => ctx.env[n])) fromFiles.set(k, v);
    } catch (e) {
      throw new StatusError(`failed to read ${p}: ${(e as Error).message}`, 1);
    }
  }
  const lookup = (n: string) => (Object.prototype.hasOwnProperty.call(ctx.env, n) ? ctx.env[n] : fromFiles.get(n));
  const warned = new Set<string>();
  const warnUnset = (n: string) => {
    if (!warned.has(n)) warn(ctx, `The "${n}" variable is not set. Defaulting to a blank string.`);
    warned.add(n);
  };
  /** One file: parsed, interpolated, validated (files reached by `extends` are validated once merged). */
  const read: ReadDoc = async (path, env, validate) => {
    const text = await ctx.host.readFile(path);
    if (text === null) throw new StatusError(`open ${path}: no such file or directory`, 1);
    let one: Record<string, unknown>;
    try {
      one = interpolateTree(parseFile(path, text), env, warnUnset) as Record<string, unknown>;
    } catch (e) {
      if (e instanceof StatusError) throw e;
      throw new StatusError((e as Error).message, 1);
    }
    const bad = validate ? validateCompose(one) : null;
    if (bad) throw new StatusError(`validating ${path}: ${bad}`, 1);
    if (validate && 'version' in one) warn(ctx, `${path}: the attribute \`version\` is obsolete, it will be ignored, please remove it to avoid potential confusion`);
    return one;
  };
  const io = { read, merge, readText: (p: string) => ctx.host.readFile(p), dotenv: parseDotenv };
  let doc: Record<string, unknown> = Object.create(null);
  for (const path of files) {
    const one = await read(path, lookup, true);
    await applyInclude(one, workingDir, lookup, [path], io);
    doc = merge(doc, one) as Record<string, unknown>;
  }
  await applyExtends(doc, files[0], lookup, io);
  delete doc.version;
  const fromEnv = lookup('COMPOSE_PROJECT_NAME');
  const named = f.projectName || fromEnv || (typeof doc.name === 'string' ? doc.name : '') || normalizeProjectName(workingDir === '/' ? '' : workingDir.replace(/^.*\//, ''));
  if (!named) throw new StatusError('project name must not be empty', 1);
  if (!VALID_PROJECT_NAME.test(named)) {
    throw new StatusError(`invalid project name "${named}": must consist only of lowercase alphanumeric characters, hyphens, and underscores as well as start with a letter or number`, 1);
  }
  const services = Object.entries((doc.services ?? {}) as Record<string, Record<string, unknown>>).map(([name, raw]) => toService(name, raw ?? {}, workingDir, lookup));
  for (const s of services) {
    // env_file values come first; `environment` overrides them
    const fromEnvFiles: [string, string | undefined][] = [];
    for (const ef of s.envFiles) {
      const text = await ctx.host.readFile(ef.path);
      if (text === null) {
        if (ef.required) throw new StatusError(`env file ${ef.path} not found: stat ${ef.path}: no such file or directory`, 1);
        continue;
      }
      fromEnvFiles.push(...parseDotenv(text, lookup));
    }
    if (fromEnvFiles.length) s.environment = [...fromEnvFiles.filter(([k]) => !s.environment.some(([e]) => e === k)), ...s.environment];
    if (!s.image && !s.build) throw new StatusError(`service "${s.name}" has neither an image nor a build context specified: invalid compose project`, 1);
  }
  const active = services.filter((s) => !s.profiles.length || s.profiles.some((p) => f.profile.includes(p)));
  // compose-go checkConsistency, after profiles: an optional dependency may be a disabled service
  for (const s of active) {
    for (const [dep, , required] of s.dependsOn) {
      if (active.some((o) => o.name === dep)) continue;
      if (!required && services.some((o) => o.name === dep)) continue;
      throw new StatusError(`service "${s.name}" depends on undefined service "${dep}": invalid compose project`, 1);
    }
  }
  const secrets = toFileObjects(named, doc.secrets, workingDir);
  const configs = toFileObjects(named, doc.configs, workingDir);
  for (const s of active) checkFileRefs(s, secrets, configs);
  const volumeKeys = new Set(Object.keys((doc.volumes ?? {}) as object));
  for (const s of services) {
    for (const v of s.volumes) {
      if (v.type === 'volume' && v.source && !volumeKeys.has(v.source)) throw new StatusError(`service "${s.name}" refers to undefined volume ${v.source}: invalid compose project`, 1);
    }
  }
  return {
    name: named,
    workingDir,
    configFiles: files,
    services: active,
    networks: toNetworks(named, doc.networks, active),
    volumes: toVolumes(named, doc.volumes),
    secrets,
    configs,
    lookup,
    doc: { ...doc, name: named },
  };
}

/** The project the compose flags select, every named service checked against it (compose's "no such service"). */
export async function namedProject(ctx: CliContext, args: string[]): Promise<{ c: ComposeContext; project: Project; named: Service[] }> {
  const c = ctx as ComposeContext;
  const project = await loadProject(c, c.compose);
  if (args.length) selectServices(project, args);
  return { c, project, named: args.length ? project.services.filter((s) => args.includes(s.name)) : project.services };
}
