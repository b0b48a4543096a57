// The `pip` program of the python images (pip 24.3.1): install from a seeded index (no network) into site-packages,
// with -r requirements.txt, the resolver's "Collecting" lines and the root-user warning; freeze and list.
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';
import { standInContent } from '../../engine/index';

type Dist = { name: string; version: string; deps: string[]; wheel: string; meta: string; size: string; module: string };
const d = (name: string, version: string, deps: string, wheel: string, meta: string, size: string, module = name.toLowerCase().replace(/-/g, '_')): Dist =>
  ({ name, version, deps: deps ? deps.split(' ') : [], wheel, meta, size, module });
const PURE = 'py3-none-any';
const CP = 'cp313-cp313-manylinux_2_17_x86_64.manylinux2014_x86_64';

/** Seeded PyPI: what each package needs (`Name>=spec` as the resolver prints it) and its wheel. */
const INDEX: Record<string, Dist> = Object.fromEntries([
  d('flask', '3.1.0', 'Werkzeug>=3.1 Jinja2>=3.1.2 itsdangerous>=2.2 click>=8.1.3 blinker>=1.9', PURE, '2.7 kB', '102 kB'),
  d('Werkzeug', '3.1.3', 'MarkupSafe>=2.1.1', PURE, '3.7 kB', '224 kB'),
  d('Jinja2', '3.1.4', 'MarkupSafe>=2.0', PURE, '2.6 kB', '133 kB', 'jinja2'),
  d('itsdangerous', '2.2.0', '', PURE, '1.9 kB', '16 kB'),
  d('click', '8.1.7', '', PURE, '3.0 kB', '97 kB'),
  d('blinker', '1.9.0', '', PURE, '1.6 kB', '8.5 kB'),
  d('MarkupSafe', '3.0.2', '', CP, '4.0 kB', '23 kB', 'markupsafe'),
  d('requests', '2.32.3', 'charset-normalizer<4,>=2 idna<4,>=2.5 urllib3<3,>=1.21.1 certifi>=2017.4.17', PURE, '4.6 kB', '64 kB'),
  d('charset-normalizer', '3.4.0', '', CP, '34 kB', '144 kB', 'charset_normalizer'),
  d('idna', '3.10', '', PURE, '10 kB', '70 kB'),
  d('urllib3', '2.2.3', '', PURE, '6.5 kB', '126 kB'),
  d('certifi', '2024.8.30', '', PURE, '2.2 kB', '167 kB'),
  d('redis', '5.2.1', '', PURE, '9.1 kB', '261 kB'),
  d('gunicorn', '23.0.0', 'packaging', PURE, '4.4 kB', '85 kB'),
  d('packaging', '24.2', '', PURE, '3.2 kB', '65 kB'),
  d('django', '5.1.4', 'asgiref<4,>=3.8.1 sqlparse>=0.3.1', PURE, '4.2 kB', '8.3 MB'),
  d('asgiref', '3.8.1', '', PURE, '9.3 kB', '23 kB'),
  d('sqlparse', '0.5.3', '', PURE, '3.9 kB', '44 kB'),
].map((x) => [x.name.toLowerCase(), x]));

const minor = (ctx: Ctx) => (ctx.env.get('PYTHON_VERSION') ?? '3.13.1').split('.').slice(0, 2).join('.');
const sitePackages = (ctx: Ctx) => `/usr/local/lib/python${minor(ctx)}/site-packages`;
const ROOT_WARNING = "WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager, possibly rendering your system unusable.It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv. Use the --root-user-action option if you know what you are doing and want to suppress this warning.\n";
const reqName = (spec: string) => spec.split(/[<>=!~[;\s]/)[0];

async function installed(ctx: Ctx): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const names = await ctx.fs.readdir(sitePackages(ctx)).catch(() => [] as string[]);
  for (const n of names) {
    const m = /^(.+)-([^-]+)\.dist-info$/.exec(n);
    if (m) out.set(m[1].toLowerCase().replace(/_/g, '-'), m[2]);
  }
  return out;
}

export async function pip(args: string[], ctx: Ctx, sys: Sys): Promise<ExecResult> {
  void sys;
  const [cmd = '', ...rest] = args;
  const pipVersion = `pip 24.3.1 from ${sitePackages(ctx)}/pip (python ${minor(ctx)})`;
  if (cmd === '--version' || cmd === '-V') return { stdout: pipVersion + '\n', stderr: '', exitCode: 0 };
  const have = await installed(ctx);
  if (cmd === 'freeze') return { stdout: [...have].filter(([n]) => INDEX[n]).map(([n, v]) => `${INDEX[n].name}==${v}\n`).sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())).join(''), stderr: '', exitCode: 0 };
  if (cmd === 'list') {
    const rows = [['pip', '24.3.1'], ...[...have].filter(([n]) => INDEX[n]).map(([n, v]) => [INDEX[n].name, v])].sort((a, b) => a[0].toLowerCase().localeCompare(b[0].toLowerCase()));
    const w = Math.max(7, ...rows.map((r) => r[0].length));
    return { stdout: `${'Package'.padEnd(w)} Version\n${'-'.repeat(w)} -------\n${rows.map(([n, v]) => `${n.padEnd(w)} ${v}\n`).join('')}`, stderr: '', exitCode: 0 };
  }
  if (cmd !== 'install') return { stdout: '', stderr: `ERROR: unknown command "${cmd}"\n`, exitCode: 1 };
  const wanted: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-r' || a === '--requirement') {
      const file = ctx.fs.resolvePath(ctx.cwd, rest[++i] ?? '');
      const text = await ctx.fs.readFile(file).catch(() => null);
      if (text === null) return { stdout: '', stderr: `ERROR: Could not open requirements file: [Errno 2] No such file or directory: '${rest[i]}'\n`, exitCode: 1 };
      wanted.push(...text.split('\n').map((l) => l.replace(/#.*/, '').trim()).filter(Boolean));
    } else if (a === '--upgrade' || a === '-U' || a === '--no-cache-dir' || a === '--user' || a === '-q' || a === '--quiet') continue;
    else if (!a.startsWith('-')) wanted.push(a);
  }
  if (!wanted.length) return { stdout: '', stderr: 'ERROR: You must give at least one requirement to install (see "pip help install")\n', exitCode: 1 };
  let out = '';
  const collected: Dist[] = [];
  const seen = new Set<string>();
  const queue: { spec: string; from?: string }[] = wanted.map((spec) => ({ spec }));
  while (queue.length) {
    const { spec, from } = queue.shift()!;
    const key = reqName(spec).toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const dist = INDEX[key];
    if (!dist) {
      return { stdout: out, stderr: `ERROR: Could not find a version that satisfies the requirement ${spec} (from versions: none)\nERROR: No matching distribution found for ${spec}\n`, exitCode: 1 };
    }
    if (have.has(key)) {
      out += `Requirement already satisfied: ${spec} in ${sitePackages(ctx)} (from ${from ?? ''}) (${have.get(key)})\n`.replace(' (from )', '');
      continue;
    }
    out += `Collecting ${spec}${from ? ` (from ${from})` : ''}\n  Downloading ${dist.name.replace(/-/g, '_').toLowerCase() === dist.module ? dist.module : dist.name}-${dist.version}-${dist.wheel}.whl.metadata (${dist.meta})\n`;
    collected.push(dist);
    for (const dep of dist.deps) queue.push({ spec: dep, from: from ? `${spec}->${from}` : spec });
  }
  if (!collected.length) return { stdout: out, stderr: ROOT_WARNING, exitCode: 0 };
  for (const x of collected) out += `Downloading ${x.module === x.name.toLowerCase() ? x.name.toLowerCase() : x.module}-${x.version}-${x.wheel}.whl (${x.size})\n`;
  // dependencies before the packages that need them
  const order: Dist[] = [];
  const visit = (x: Dist) => {
    if (order.includes(x)) return;
    for (const dep of x.deps) { const y = collected.find((c) => c.name.toLowerCase() === reqName(dep).toLowerCase()); if (y) visit(y); }
    order.push(x);
  };
  for (const x of [...collected].reverse()) visit(x);
  out += `Installing collected packages: ${order.map((x) => x.name).join(', ')}\n`;
  const site = sitePackages(ctx);
  for (const x of collected) {
    await ctx.fs.mkdir(`${site}/${x.module}`, { recursive: true });
    await ctx.fs.writeFile(`${site}/${x.module}/__init__.py`, `# ${x.name} ${x.version}: installed from Dockerlings' seeded index; its code is not simulated\n__version__ = "${x.version}"\n`);
    const info = `${site}/${x.name.replace(/-/g, '_')}-${x.version}.dist-info`;
    await ctx.fs.mkdir(info, { recursive: true });
    await ctx.fs.writeFile(`${info}/METADATA`, `Metadata-Version: 2.1\nName: ${x.name}\nVersion: ${x.version}\n`);
    await ctx.fs.writeFile(`${info}/INSTALLER`, 'pip\n');
    if (x.name === 'flask') {
      // the console script pip writes (a stand-in the runtime runs as flask's CLI)
      await ctx.fs.writeFile('/usr/local/bin/flask', standInContent('flask', 'flask'));
      await ctx.fs.chmod('/usr/local/bin/flask', 0o755);
    }
  }
  out += `Successfully installed ${collected.map((x) => `${x.name}-${x.version}`).sort().join(' ')}\n`;
  return { stdout: out, stderr: ROOT_WARNING, exitCode: 0 };
}
