// The `npm` program of the node images (npm 10): init, install from the seeded registry (npm-seed.ts) into
// node_modules with package.json and package-lock.json, and run/start/test of package.json scripts.
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import type { NpmPkg } from './npm-seed';

const npmVersion = (ctx: Ctx) => ((ctx.env.get('NODE_VERSION') ?? '22').startsWith('20') ? '10.8.2' : '10.9.0');
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';
const logStamp = (sys: Sys) => new Date(sys.now()).toISOString().replace(/:/g, '_').replace('.', '_').replace(/_(\d{3})Z$/, '_$1Z');
const errLog = (sys: Sys) => `npm error A complete log of this run can be found in: /root/.npm/_logs/${logStamp(sys)}-debug-0.log\n`;
const took = (n: number) => (n >= 20 ? `${Math.round(n / 25) + 1}s` : `${280 + n * 37}ms`);
const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;

type Pkg = { name?: string; version?: string; scripts?: Record<string, string>; dependencies?: Record<string, string>; devDependencies?: Record<string, string>; [k: string]: unknown };

async function readPkg(ctx: Ctx, dir: string): Promise<Pkg | null> {
  const text = await ctx.fs.readFile(`${dir}/package.json`).catch(() => null);
  if (text === null) return null;
  try {
    return JSON.parse(text) as Pkg;
  } catch {
    return {};
  }
}

export async function npm(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  const [cmd = '', ...rest] = args;
  const dir = ctx.cwd === '/' ? '' : ctx.cwd;
  if (cmd === '-v' || cmd === '--version') return { stdout: npmVersion(ctx) + '\n', stderr: '', exitCode: 0 };
  if (cmd === 'init') {
    const name = (ctx.cwd.split('/').filter(Boolean).pop() ?? '').toLowerCase().replace(/[^a-z0-9._-]/g, '-');
    if (!rest.some((a) => a === '-y' || a === '--yes')) return { stdout: '', stderr: 'npm init without -y asks questions on a terminal; use: npm init -y\n', exitCode: 1 };
    const pkg = { name, version: '1.0.0', main: 'index.js', scripts: { test: 'echo "Error: no test specified" && exit 1' }, keywords: [], author: '', license: 'ISC', description: '' };
    const path = `${dir}/package.json`;
    await ctx.fs.writeFile(path, json(pkg));
    return { stdout: `Wrote to ${path}:\n\n${json(pkg)}\n\n`, stderr: '', exitCode: 0 };
  }
  if (cmd === 'install' || cmd === 'i' || cmd === 'add' || cmd === 'ci') return install(rest, ctx, sys, dir);
  if (cmd === 'start' || cmd === 'test' || cmd === 't' || cmd === 'run' || cmd === 'run-script') {
    const script = cmd === 'run' || cmd === 'run-script' ? rest[0] : cmd === 't' ? 'test' : cmd;
    const pkg = await readPkg(ctx, dir);
    if (!pkg) return { stdout: '', stderr: `npm error code ENOENT\nnpm error syscall open\nnpm error path ${dir}/package.json\nnpm error errno -2\nnpm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '${dir}/package.json'\nnpm error enoent This is related to npm not being able to find a file.\nnpm error enoent\n${errLog(sys)}`, exitCode: 254 };
    if (!script) return { stdout: Object.entries(pkg.scripts ?? {}).length ? `Scripts available in ${pkg.name}@${pkg.version} via \`npm run-script\`:\n${Object.entries(pkg.scripts ?? {}).map(([k, v]) => `  ${k}\n    ${v}\n`).join('')}` : '', stderr: '', exitCode: 0 };
    let line = pkg.scripts?.[script];
    // npm start without a start script runs `node server.js` when there is one
    if (!line && script === 'start' && (await ctx.fs.exists(`${dir}/server.js`))) line = 'node server.js';
    if (!line) return { stdout: '', stderr: `npm error Missing script: "${script}"\nnpm error\nnpm error To see a list of scripts, run:\nnpm error   npm run\n${errLog(sys)}`, exitCode: 1 };
    const head = `\n> ${pkg.name ?? ''}@${pkg.version ?? ''} ${script}\n> ${line}\n\n`;
    if (!ctx.exec) return { stdout: head, stderr: '', exitCode: 0 };
    await ctx.fs.appendFile('/dev/stdout', head).catch(() => undefined); // before the script's own output
    const r = await ctx.exec(line, { cwd: ctx.cwd, env: Object.fromEntries([...ctx.env.entries(), ['PATH', `${dir}/node_modules/.bin:${ctx.env.get('PATH') ?? ''}`]]) });
    return r.exitCode === 0 ? r : { ...r, stderr: r.stderr + `npm error Lifecycle script \`${script}\` failed with error:\nnpm error code ${r.exitCode}\nnpm error path ${ctx.cwd}\nnpm error command failed\nnpm error command sh -c ${line}\n` };
  }
  return { stdout: '', stderr: `Unknown command: "${cmd}"\n\nTo see a list of supported npm commands, run:\n  npm help\n`, exitCode: 1 };
}

async function install(rest: string[], ctx: Ctx, sys: Sys, dir: string): Promise<ExecResult> {
  // the seeded registry (with the express stand-in's code) loads only when something is installed
  const { NPM, VERSIONS }: { NPM: Record<string, NpmPkg>; VERSIONS: Record<string, string> } = await import('./npm-seed');
  const dev = rest.some((a) => a === '-D' || a === '--save-dev');
  const names = rest.filter((a) => !a.startsWith('-')).map((a) => a.replace(/@[^@/]*$/, (v) => (a.startsWith('@') && a.indexOf('@', 1) < 0 ? v : '')));
  for (const n of names) {
    if (!NPM[n]) return { stdout: '', stderr: `npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/${n} - Not found\nnpm error 404\nnpm error 404  '${n}@*' is not in this registry.\nnpm error 404\nnpm error 404 Note that you can also install from a\nnpm error 404 tarball, folder, http url, or git url.\n${errLog(sys)}`, exitCode: 1 };
  }
  const pkg: Pkg = (await readPkg(ctx, dir)) ?? {};
  const wanted = new Set([...names, ...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.devDependencies ?? {})].filter((n) => NPM[n]));
  const all = new Set<string>();
  for (const n of wanted) for (const d of NPM[n].deps) all.add(d);
  let added = 0;
  for (const p of [...all].sort()) {
    const base = `${dir}/node_modules/${p}`;
    if (await ctx.fs.exists(`${base}/package.json`)) continue;
    added++;
    const name = p.slice(p.lastIndexOf('node_modules/') >= 0 ? p.lastIndexOf('node_modules/') + 13 : 0);
    const top = NPM[name] && !p.includes('/node_modules/') ? NPM[name] : undefined;
    const main = top?.main ?? 'index.js';
    await ctx.fs.mkdir(`${base}/${main.includes('/') ? main.slice(0, main.lastIndexOf('/')) : ''}`.replace(/\/$/, ''), { recursive: true });
    await ctx.fs.writeFile(`${base}/package.json`, json({ name, version: VERSIONS[p], description: top?.description ?? '', main, license: 'MIT' }));
    await ctx.fs.writeFile(`${base}/${main}`, top?.code ?? `// ${name}@${VERSIONS[p]}: installed from Dockerlings' seeded registry; its code is not simulated\nmodule.exports = {};\n`);
  }
  if (names.length) {
    const key = dev ? 'devDependencies' : 'dependencies';
    const deps = { ...(pkg[key] as Record<string, string> | undefined) };
    for (const n of names) deps[n] = `^${NPM[n].version}`;
    pkg[key] = Object.fromEntries(Object.entries(deps).sort(([a], [b]) => a.localeCompare(b)));
    await ctx.fs.writeFile(`${dir}/package.json`, json(pkg));
  }
  const lockPkgs = Object.fromEntries([...all].sort().map((p) => [`node_modules/${p}`, { version: VERSIONS[p], resolved: `https://registry.npmjs.org/${p.split('/node_modules/').pop()}/-/${p.split('/').pop()}-${VERSIONS[p]}.tgz`, license: 'MIT' }]));
  const root = { ...(pkg.name ? { name: pkg.name, version: pkg.version } : {}), ...(pkg.dependencies ? { dependencies: pkg.dependencies } : {}), ...(pkg.devDependencies ? { devDependencies: pkg.devDependencies } : {}) };
  await ctx.fs.writeFile(`${dir}/package-lock.json`, json({ ...(pkg.name ? { name: pkg.name, version: pkg.version } : {}), lockfileVersion: 3, requires: true, packages: { '': root, ...lockPkgs } }));
  if (all.size) await ctx.fs.writeFile(`${dir}/node_modules/.package-lock.json`, json({ ...(pkg.name ? { name: pkg.name, version: pkg.version } : {}), lockfileVersion: 3, requires: true, packages: lockPkgs }));
  const funding = [...wanted].reduce((n, w) => n + NPM[w].funding, 0);
  const audited = all.size + 1;
  const head = added ? `\nadded ${plural(added, 'package')}, and audited ${plural(audited, 'package')} in ${took(added)}\n` : `\nup to date, audited ${plural(audited, 'package')} in ${took(1)}\n`;
  const fund = funding ? `\n${funding === 1 ? '1 package is' : `${funding} packages are`} looking for funding\n  run \`npm fund\` for details\n` : '';
  return { stdout: `${head}${fund}\nfound 0 vulnerabilities\n`, stderr: '', exitCode: 0 };
}

/**
 * npx (npm exec, libnpmexec) from the seeded registry: a command in node_modules/.bin runs. A package not installed is
 * installed into the npx cache (~/.npm/_npx/<hash>) first: at a terminal after "Need to install the following packages:
 * … Ok to proceed? (y)", without one after a warning, at once with -y/--yes, never with -n/--no. None of the seeded
 * packages has a command (their package.json has no "bin"), so the run then ends in npm's error; unknown packages get E404.
 */
export async function npx(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  const opts = args.filter((a, i) => a.startsWith('-') && !args.slice(0, i).some((x) => !x.startsWith('-')));
  if (opts.includes('-v') || opts.includes('--version')) return { stdout: npmVersion(ctx) + '\n', stderr: '', exitCode: 0 };
  const at = args.findIndex((a) => !a.startsWith('-'));
  if (at < 0) return { stdout: '', stderr: 'npm error npx needs a command or package to run (npx <pkg>[@<version>] [args...])\n', exitCode: 1 };
  const spec = args[at];
  const name = spec.replace(/(.)@[^@/]*$/, '$1');
  const dir = ctx.cwd === '/' ? '' : ctx.cwd;
  // the nearest node_modules up from here, as npm exec looks for a local bin first
  for (let d = dir; ; d = d.slice(0, d.lastIndexOf('/'))) {
    const bin = `${d}/node_modules/.bin/${name}`;
    if ((await ctx.fs.exists(bin)) && ctx.exec) return ctx.exec([bin, ...args.slice(at + 1)].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' '), { cwd: ctx.cwd, env: Object.fromEntries([...ctx.env.entries(), ['PATH', `${d}/node_modules/.bin:${ctx.env.get('PATH') ?? ''}`]]) });
    if (await ctx.fs.exists(`${d}/node_modules/${name}/package.json`)) return { stdout: '', stderr: `npm error could not determine executable to run\n${errLog(sys)}`, exitCode: 1 };
    if (!d) break;
  }
  const { NPM }: { NPM: Record<string, NpmPkg> } = await import('./npm-seed');
  if (!NPM[name]) return { stdout: '', stderr: `npm error code E404\nnpm error 404 Not Found - GET https://registry.npmjs.org/${name} - Not found\nnpm error 404\nnpm error 404  '${name}@*' is not in this registry.\nnpm error 404\nnpm error 404 Note that you can also install from a\nnpm error 404 tarball, folder, http url, or git url.\n${errLog(sys)}`, exitCode: 1 };
  const id = `${name}@${NPM[name].version}`;
  // the cache folder is named by the packages asked for (sha512 of the specs, its first 16 hex digits)
  const { sha512 } = await import('@noble/hashes/sha2.js');
  const { bytesToHex, utf8ToBytes } = await import('@noble/hashes/utils.js');
  const cache = `${ctx.env.get('HOME') || '/root'}/.npm/_npx/${bytesToHex(sha512(utf8ToBytes(spec))).slice(0, 16)}`;
  let stdout = '';
  let stderr = '';
  if (!(await ctx.fs.exists(`${cache}/node_modules/${name}/package.json`))) {
    const yes = opts.some((o) => o === '-y' || o === '--yes');
    if (opts.some((o) => o === '-n' || o === '--no' || o === '--yes=false')) return { stdout, stderr: `npm error npx canceled due to missing packages and no YES option: ${JSON.stringify([id])}\n${errLog(sys)}`, exitCode: 1 };
    if (!yes && sys.ask && sys.tty()) {
      // read's prompt shows its default in parentheses; Enter takes it, anything not starting with y cancels
      stdout = `Need to install the following packages:\n${id}\nOk to proceed? (y) `;
      const a = await sys.ask(stdout);
      stdout += a.echo;
      const answer = a.line === null ? null : a.line.trim() || 'y';
      if (answer === null || answer.toLowerCase()[0] !== 'y') return { stdout, stderr: `npm error canceled\n${errLog(sys)}`, exitCode: 1 };
    } else if (!yes) stderr += `npm warn exec The following package was not found and will be installed: ${id}\n`;
    await ctx.fs.mkdir(cache, { recursive: true });
    await install([spec], ctx, sys, cache);
    const pkg = JSON.parse(await ctx.fs.readFile(`${cache}/package.json`)) as Pkg;
    await ctx.fs.writeFile(`${cache}/package.json`, json({ ...pkg, _npx: { packages: [spec] } }));
  }
  return { stdout, stderr: `${stderr}npm error could not determine executable to run\n${errLog(sys)}`, exitCode: 1 };
}
