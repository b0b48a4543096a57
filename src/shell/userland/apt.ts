// apt-get / apt (Debian, Ubuntu): update writes the package lists, install/remove change files and the dpkg database.
import { decodeBytesToUtf8 } from '../jb-compat';
import { accountOf, distroOf, fail, readFileOr, userOf, type Ctx, type Distro, type Impl, type Sys } from './sys';
import { closure, type Pkg, type PkgTable } from './pkg-data';
import { BOOKWORM, DEB_BASE, NOBLE } from './pkg-deb';
import { DOCKER_REPO, isDockerRepo, NOBLE_EXTRA, SERVER_PACKAGES } from './pkg-docker';
import { dockerSetUp, repoKeyProblem } from '../host/apt-docker';
import { appendSized, aptSize, isoSeconds, pathsOf, removeFiles, spend, unpack, wrapList, writeFileSized, readOnly } from './pkg-files';

interface Source {
  uri: string;
  suite: string;
  components: string[];
  /** `[signed-by=…]` of a one-line entry (Signed-By: of a .sources stanza). */
  signedBy?: string;
}

/** One-line `deb [options] uri suite components` entries (sources.list and sources.list.d/*.list). */
function oneLine(text: string): Source[] {
  const out: Source[] = [];
  for (const line of text.split('\n')) {
    const m = /^deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s+(.*)$/.exec(line.trim());
    if (m) out.push({ uri: m[2].replace(/\/$/, ''), suite: m[3], components: m[4].split(/\s+/).filter(Boolean), signedBy: /signed-by=(\S+)/.exec(m[1] ?? '')?.[1] });
  }
  return out;
}

/** deb822 .sources files and one-line sources.list entries. */
async function sources(ctx: Ctx): Promise<Source[]> {
  const out: Source[] = [];
  out.push(...oneLine((await readFileOr(ctx.fs, '/etc/apt/sources.list')) ?? ''));
  const dir = '/etc/apt/sources.list.d';
  const names = await ctx.fs.readdir(dir).catch(() => [] as string[]);
  for (const n of names.filter((x) => x.endsWith('.list')).sort()) out.push(...oneLine((await readFileOr(ctx.fs, `${dir}/${n}`)) ?? ''));
  for (const n of names.filter((x) => x.endsWith('.sources')).sort()) {
    const text = (await readFileOr(ctx.fs, `${dir}/${n}`)) ?? '';
    for (const stanza of text.split(/\n\s*\n/)) {
      const get = (k: string) => new RegExp(`^${k}:\\s*(.*)$`, 'm').exec(stanza)?.[1].trim().split(/\s+/) ?? [];
      if (!get('Types').includes('deb')) continue;
      for (const uri of get('URIs')) for (const suite of get('Suites')) out.push({ uri: uri.replace(/\/$/, ''), suite, components: get('Components') });
    }
  }
  return out;
}

const listName = (uri: string, rest: string) => `/var/lib/apt/lists/${uri.replace(/^\w+:\/\//, '').replace(/\//g, '_')}_dists_${rest.replace(/\//g, '_')}`;

/** Sizes of the index files (bytes), by suite and component, roughly as the archives serve them. */
function indexSize(d: Distro, suite: string, comp: string, uri = ''): [number, number] {
  if (isDockerRepo(uri)) return comp === '' ? [48_800, 0] : [15_300, 70_400];
  const base = !suite.includes('-');
  const ubuntu = d.id === 'ubuntu';
  if (comp === '') return [ubuntu ? (base ? 256_000 : 126_000) : base ? 151_000 : suite.endsWith('security') ? 48_000 : 55_400, 0];
  const table: Record<string, number> = ubuntu
    ? { main: base ? 1_808_000 : 902_000, universe: base ? 19_300_000 : 1_263_000, restricted: base ? 117_000 : 604_000, multiverse: base ? 331_000 : 21_900 }
    : { main: base ? 8_792_000 : suite.endsWith('security') ? 241_000 : 13_500 };
  const bytes = suite.endsWith('backports') ? Math.min(table[comp] ?? 10_000, 15_300) : (table[comp] ?? 10_000);
  return [bytes, Math.round(bytes * 4.3)];
}

function tableFor(d: Distro, docker = false): PkgTable {
  return d.id === 'debian' ? BOOKWORM : { ...NOBLE, ...NOBLE_EXTRA, ...(docker ? DOCKER_REPO : {}) };
}

/** Whether the package lists include a Docker repository's (apt-get update fetched it). */
async function hasDockerLists(ctx: Ctx): Promise<boolean> {
  const names = await ctx.fs.readdir('/var/lib/apt/lists').catch(() => [] as string[]);
  return names.some((n) => /_Packages$/.test(n) && isDockerRepo(n.replace(/_/g, '/')));
}

const LIBC_BIN: Record<string, string> = { ubuntu: '2.39-0ubuntu8.3', debian: '2.36-9+deb12u9' };
const DB_FILES: Record<string, number> = { noble: 4381, bookworm: 6089, bionic: 4039, trusty: 11523, jessie: 7019 };

interface Opts {
  yes: boolean;
  /** -q levels: 2 (-qq) prints nothing but errors. */
  quiet: number;
  recommends: boolean;
  tty: boolean;
  cmd: 'apt' | 'apt-get';
}

const line = (s: string, done: boolean) => `${s}${done ? ' Done' : ''}\n`;

async function hasLists(ctx: Ctx): Promise<boolean> {
  const names = await ctx.fs.readdir('/var/lib/apt/lists').catch(() => [] as string[]);
  return names.some((n) => /_Packages/.test(n));
}

async function statusText(ctx: Ctx): Promise<string> {
  return (await readFileOr(ctx.fs, '/var/lib/dpkg/status')) ?? '';
}

async function installedSet(ctx: Ctx, sys: Sys, t: PkgTable): Promise<(n: string) => boolean> {
  const status = await statusText(ctx);
  const listed = new Set([...status.matchAll(/^Package: (\S+)$/gm)].map((m) => m[1]));
  const present = new Set<string>();
  // packages the image shipped with: their main program is already on disk
  // (not on the host: its shell answers every command name, so a program's file says nothing there)
  if (sys.containerId !== null) for (const p of Object.values(t)) if (p.bins.length && (await ctx.fs.exists(p.bins[0][0]))) present.add(p.name);
  const server = sys.containerId === null && !!sys.engine.state.host; // the Ubuntu server a bare host lesson starts on
  return (n) => listed.has(n) || DEB_BASE.has(n) || present.has(n) || (server && SERVER_PACKAGES.includes(n));
}

async function update(ctx: Ctx, sys: Sys, d: Distro, o: Opts): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  const srcs = await sources(ctx);
  if (d.codename === 'jessie') {
    // Debian 8 left deb.debian.org for archive.debian.org: every index is gone
    let out = '';
    let n = 0;
    for (const s of srcs) out += `Ign:${++n} ${s.uri} ${s.suite} InRelease\n`;
    const errs = srcs.map((s) => `W: Failed to fetch ${s.uri}/dists/${s.suite}/${s.components[0] ?? 'main'}/binary-amd64/Packages  404  Not Found\n`).join('');
    return { stdout: out + line('Reading package lists...', o.tty), stderr: `${errs}\nE: Some index files failed to download. They have been ignored, or old ones used instead.\n`, exitCode: 100 };
  }
  // an index fetched before and unchanged is a Hit (no download); a repository whose key is missing fails
  const gets: [string, number][] = [];
  const files: [string, number][] = [];
  const errs: string[] = [];
  const unsigned: Source[] = [];
  for (const s of srcs) {
    const [inRelease] = indexSize(d, s.suite, '', s.uri);
    const name = listName(s.uri, `${s.suite}/InRelease`);
    const keyProblem = isDockerRepo(s.uri) ? await repoKeyProblem(ctx, s.signedBy) : null;
    if (keyProblem) {
      gets.push([`Get:# ${s.uri} ${s.suite} InRelease [${aptSize(inRelease)}]`, inRelease]);
      gets.push([`Err:= ${s.uri} ${s.suite} InRelease\n  ${keyProblem}`, 0]);
      errs.push(`W: GPG error: ${s.uri} ${s.suite} InRelease: ${keyProblem}\nE: The repository '${s.uri} ${s.suite} InRelease' is not signed.\n`);
      unsigned.push(s);
      continue;
    }
    const seen = await ctx.fs.exists(name);
    gets.push(seen ? [`Hit:# ${s.uri} ${s.suite} InRelease`, 0] : [`Get:# ${s.uri} ${s.suite} InRelease [${aptSize(inRelease)}]`, inRelease]);
    files.push([name, inRelease]);
  }
  for (const s of srcs) {
    if (unsigned.includes(s)) continue;
    for (const c of s.components) {
      const [dl, size] = indexSize(d, s.suite, c, s.uri);
      const name = listName(s.uri, `${s.suite}/${c}/binary-amd64/Packages`);
      if (await ctx.fs.exists(name)) continue;
      gets.push([`Get:# ${s.uri} ${s.suite}/${c} amd64 Packages [${aptSize(dl)}]`, dl]);
      files.push([name, size]);
    }
  }
  const total = gets.reduce((a, [, b]) => a + b, 0);
  const secs = Math.max(1, Math.round(total / 9_000_000));
  await spend(ctx, secs * 1000);
  for (const [path, size] of files) await writeFileSized(ctx, sys, path, 'Package: (stand-in index)\n', 0o644, size);
  let n = 0;
  const numbered = gets.map(([g]) => (g.startsWith('Err:=') ? `Err:${n} ${g.slice(6)}` : `${g.slice(0, 4)}${++n} ${g.slice(6)}`) + '\n').join('');
  const fetched = total ? `Fetched ${aptSize(total)} in ${secs}s (${aptSize(total / secs)}/s)\n` : '';
  const out = numbered + fetched + line('Reading package lists...', o.tty);
  if (errs.length) return { stdout: out, stderr: errs.join('') + "N: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n", exitCode: 100 };
  return { stdout: out, stderr: '', exitCode: 0 };
}

function aptHeader(o: Opts): string {
  return line('Reading package lists...', o.tty) + line('Building dependency tree...', o.tty) + line('Reading state information...', o.tty);
}

const isLib = (p: Pkg) => p.name.startsWith('lib') && p.arch !== 'all';
const qualified = (p: Pkg) => (isLib(p) ? `${p.name}:amd64` : p.name);

async function install(ctx: Ctx, sys: Sys, d: Distro, o: Opts, names: string[], cmdline: string) {
  const t = tableFor(d, await hasDockerLists(ctx));
  let out = aptHeader(o);
  if (!names.length) return { stdout: out + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
  const lists = await hasLists(ctx);
  const missing = names.filter((n) => !lists || !t[n]);
  if (missing.length) {
    if (lists && missing.includes('python') && d.id !== 'other') {
      out += 'Package python is not available, but is referred to by another package.\nThis may mean that the package is missing, has been obsoleted, or\nis only available from another source\nHowever the following packages replace it:\n  python-is-python3 2to3\n\n';
      return { stdout: out, stderr: "E: Package 'python' has no installation candidate\n", exitCode: 100 };
    }
    return { stdout: out, stderr: missing.map((n) => `E: Unable to locate package ${n}\n`).join(''), exitCode: 100 };
  }
  const installed = await installedSet(ctx, sys, t);
  for (const n of names.filter(installed)) out += `${n} is already the newest version (${t[n].version}).\n`;
  const todo = closure(t, names, installed, o.recommends);
  if (!todo.length) return { stdout: out + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
  const extra = todo.filter((p) => !names.includes(p.name));
  if (extra.length) out += 'The following additional packages will be installed:\n' + wrapList(extra.map((p) => p.name).sort());
  out += 'The following NEW packages will be installed:\n' + wrapList(todo.map((p) => p.name).sort());
  const dl = todo.reduce((s, p) => s + p.size, 0);
  const inst = todo.reduce((s, p) => s + p.installed, 0);
  out += `0 upgraded, ${todo.length} newly installed, 0 to remove and 0 not upgraded.\nNeed to get ${aptSize(dl)} of archives.\nAfter this operation, ${aptSize(inst)} of additional disk space will be used.\n`;
  if (extra.length && !o.yes) {
    const asked = await carryOn(ctx, sys, out);
    out = asked.out;
    if (!asked.go) return { stdout: out, stderr: '', exitCode: 1 };
  }
  const srcs = await sources(ctx);
  const uriOf = (repo: string) => {
    const [suite, comp] = repo.split('/');
    return srcs.find((s) => s.suite === suite && s.components.includes(comp))?.uri ?? srcs.find((s) => s.suite === suite)?.uri ?? srcs[0]?.uri ?? 'http://archive.ubuntu.com/ubuntu';
  };
  todo.forEach((p, i) => (out += `Get:${i + 1} ${uriOf(p.repo)} ${p.repo} amd64 ${p.name} ${p.arch} ${p.version} [${aptSize(p.size)}]\n`));
  const secs = Math.max(1, Math.round(dl / 4_000_000));
  await spend(ctx, secs * 1000 + todo.length * 200);
  // debconf writes this to stderr; kept in place on stdout (a container terminal shows stdout before stderr)
  if (todo.some((p) => p.name === 'ca-certificates' || p.name === 'tzdata')) out += 'debconf: delaying package configuration, since apt-utils is not installed\n';
  out += `Fetched ${aptSize(dl)} in ${secs}s (${aptSize(dl / secs)}/s)\n`;
  let dbFiles = DB_FILES[d.codename] ?? 4381;
  const info = await ctx.fs.readdir('/var/lib/dpkg/info').catch(() => [] as string[]);
  for (const n of info.filter((x) => x.endsWith('.list'))) dbFiles += ((await readFileOr(ctx.fs, `/var/lib/dpkg/info/${n}`)) ?? '').split('\n').filter(Boolean).length;
  const digits = String(todo.length - 1).length;
  const now = sys.now();
  let dpkgLog = '';
  for (const [i, p] of todo.entries()) {
    const file = `${todo.length > 1 ? `${String(i).padStart(digits, '0')}-` : ''}${p.name}_${p.version.replace(':', '%3a')}_${p.arch}.deb`;
    out += `Selecting previously unselected package ${qualified(p)}.\n`;
    if (i === 0) out += `(Reading database ... ${dbFiles} files and directories currently installed.)\n`;
    out += `Preparing to unpack .../${file} ...\nUnpacking ${qualified(p)} (${p.version}) ...\n`;
    await unpack(ctx, sys, p);
    await writeFileSized(ctx, sys, `/var/lib/dpkg/info/${qualified(p)}.list`, pathsOf(p).join('\n') + '\n', 0o644);
    dpkgLog += `${isoSeconds(now)} install ${p.name}:${p.arch} <none> ${p.version}\n`;
  }
  for (const p of todo) {
    out += `Setting up ${qualified(p)} (${p.version}) ...\n`;
    if (p.name === 'ca-certificates') out += 'Updating certificates in /etc/ssl/certs...\n146 added, 0 removed; done.\n';
    out += await dockerSetUp(ctx, sys, p.name);
    if (p.name === 'tzdata') out += `\nCurrent default time zone: 'Etc/UTC'\nLocal time is now:      ${new Date(now).toUTCString().replace(/GMT$/, 'UTC')}.\nUniversal Time is now:  ${new Date(now).toUTCString().replace(/GMT$/, 'UTC')}.\nRun 'dpkg-reconfigure tzdata' if you wish to change it.\n\n`;
    const stanza = `Package: ${p.name}\nStatus: install ok installed\nPriority: optional\nInstalled-Size: ${Math.round(p.installed / 1024)}\nArchitecture: ${p.arch}\nVersion: ${p.version}\n${p.deps.length ? `Depends: ${p.deps.join(', ')}\n` : ''}${p.recommends.length ? `Recommends: ${p.recommends.join(', ')}\n` : ''}Description: ${p.name}\n\n`;
    await appendSized(ctx, sys, '/var/lib/dpkg/status', stanza);
  }
  if (todo.some(isLib)) {
    out += `Processing triggers for libc-bin (${LIBC_BIN[d.id] ?? LIBC_BIN.ubuntu}) ...\n`;
    await writeFileSized(ctx, sys, '/etc/ld.so.cache', 'ld.so-1.7.0 (stand-in)\n', 0o644, 18_742);
  }
  const ca = todo.find((p) => p.name === 'ca-certificates');
  if (ca) out += `Processing triggers for ca-certificates (${ca.version}) ...\nUpdating certificates in /etc/ssl/certs...\n0 added, 0 removed; done.\nRunning hooks in /etc/ssl/certs...\ndone.\n`;
  await appendSized(ctx, sys, '/var/log/dpkg.log', dpkgLog);
  if (sys.containerId === null && sys.engine.state.host) {
    // docker-ce's and containerd.io's maintainer scripts: the docker group, the units enabled and started
    const daemonJson = await readFileOr(ctx.fs, '/etc/docker/daemon.json');
    sys.engine.host.install(todo.map((p) => p.name), daemonJson);
  }
  await appendSized(ctx, sys, '/var/log/apt/history.log', `\nStart-Date: ${isoSeconds(now).replace(' ', '  ')}\nCommandline: ${cmdline}\nInstall: ${todo.map((p) => `${qualified(p)} (${p.version}${names.includes(p.name) ? '' : ', automatic'})`).join(', ')}\nEnd-Date: ${isoSeconds(sys.now()).replace(' ', '  ')}\n`);
  return { stdout: out, stderr: '', exitCode: 0 };
}

/**
 * apt's "Do you want to continue? [Y/n] ": the first line of piped stdin, else the learner at the terminal (what is
 * printed so far shows first); Enter or y goes on, anything else or end of input is "Abort." (apt exits 1).
 */
async function carryOn(ctx: Ctx, sys: Sys, out: string): Promise<{ out: string; go: boolean }> {
  let shown = out + 'Do you want to continue? [Y/n] ';
  const piped = decodeBytesToUtf8(ctx.stdin);
  let line: string | null = null;
  if (piped) line = piped.split('\n')[0];
  else if (sys.ask && sys.tty()) {
    const a = await sys.ask(shown);
    line = a.line;
    shown += a.echo;
  }
  if (line === null || !/^(y|yes|)$/i.test(line.trim())) return { out: shown + 'Abort.\n', go: false };
  return { out: shown, go: true };
}

async function remove(ctx: Ctx, sys: Sys, d: Distro, o: Opts, names: string[], purge: boolean) {
  const t = tableFor(d, true);
  let out = aptHeader(o);
  const status = await statusText(ctx);
  const isInstalled = (n: string) => new RegExp(`^Package: ${n.replace(/[.+]/g, '\\$&')}$`, 'm').test(status);
  const unknown = names.filter((n) => !t[n] && !isInstalled(n) && !DEB_BASE.has(n));
  if (unknown.length) return { stdout: out, stderr: unknown.map((n) => `E: Unable to locate package ${n}\n`).join(''), exitCode: 100 };
  const todo = names.filter((n) => t[n] && isInstalled(n)).map((n) => t[n]);
  for (const n of names.filter((x) => !isInstalled(x) && !DEB_BASE.has(x))) out += `Package '${n}' is not installed, so not removed\n`;
  if (!todo.length) return { stdout: out + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
  const freed = todo.reduce((s, p) => s + p.installed, 0);
  out += `The following packages will be REMOVED:\n${wrapList(todo.map((p) => (purge ? `${p.name}*` : p.name)))}0 upgraded, 0 newly installed, ${todo.length} to remove and 0 not upgraded.\nAfter this operation, ${aptSize(freed)} disk space will be freed.\n`;
  if (!o.yes) {
    const asked = await carryOn(ctx, sys, out);
    out = asked.out;
    if (!asked.go) return { stdout: out, stderr: '', exitCode: 1 };
  }
  out += `(Reading database ... ${DB_FILES[d.codename] ?? 4381} files and directories currently installed.)\n`;
  let newStatus = status;
  for (const p of todo) {
    out += `Removing ${qualified(p)} (${p.version}) ...\n`;
    await removeFiles(ctx, p);
    await ctx.fs.rm(`/var/lib/dpkg/info/${qualified(p)}.list`, { force: true });
    newStatus = newStatus.replace(new RegExp(`Package: ${p.name.replace(/[.+]/g, '\\$&')}\\n[\\s\\S]*?\\n\\n`), '');
  }
  await writeFileSized(ctx, sys, '/var/lib/dpkg/status', newStatus, 0o644, Math.max(0, (await ctx.fs.stat('/var/lib/dpkg/status')).size - (status.length - newStatus.length)));
  if (sys.containerId === null && sys.engine.state.host) sys.engine.host.remove(todo.map((p) => p.name));
  return { stdout: out, stderr: '', exitCode: 0 };
}

const USAGE = (cmd: string) => `apt 2.7.14 (amd64)\nUsage: ${cmd} [options] command\n\n${cmd} is a command line interface for retrieval of packages\nand information about them from authenticated sources and\nfor installation, upgrade and removal of packages together\nwith their dependencies.\n`;

async function apt(cmd: 'apt' | 'apt-get', args: string[], ctx: Ctx, sys: Sys) {
  const flags = args.filter((a) => a.startsWith('-'));
  const words = args.filter((a) => !a.startsWith('-'));
  const o: Opts = {
    cmd,
    yes: flags.some((f) => /^-[a-zA-Z]*y/.test(f) || f === '--yes' || f === '--assume-yes'),
    recommends: !flags.includes('--no-install-recommends'),
    quiet: flags.reduce((n, f) => n + (f === '--quiet' ? 1 : /^-[a-zA-Z]+$/.test(f) ? (f.match(/q/g) ?? []).length : 0), 0),
    tty: sys.tty(),
  };
  const [op, ...names] = words;
  if (!op) return fail(USAGE(cmd), 1);
  // `apt` warns scripts (anything not a terminal) that its output may change
  const warn = cmd === 'apt' && !o.tty ? '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n' : '';
  const d = await distroOf(ctx.fs);
  const me = await accountOf(ctx.fs, userOf(sys));
  const needsRoot = ['update', 'install', 'remove', 'purge', 'upgrade', 'dist-upgrade', 'full-upgrade', 'autoremove', 'clean'];
  if (me.uid !== 0 && needsRoot.includes(op)) {
    const e = op === 'update' ? 'E: Could not open lock file /var/lib/apt/lists/lock - open (13: Permission denied)\nE: Unable to lock directory /var/lib/apt/lists/\n' : 'E: Could not open lock file /var/lib/dpkg/lock-frontend - open (13: Permission denied)\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n';
    return { stdout: '', stderr: warn + e, exitCode: 100 };
  }
  try {
    // apt takes its locks first (a read-only root filesystem fails right here)
    if (op === 'update') await writeFileSized(ctx, sys, '/var/lib/apt/lists/lock', '', 0o640, 0);
    else if (needsRoot.includes(op) && op !== 'clean') {
      await writeFileSized(ctx, sys, '/var/lib/dpkg/lock-frontend', '', 0o640, 0);
      await writeFileSized(ctx, sys, '/var/lib/dpkg/lock', '', 0o640, 0);
    }
    let r: { stdout: string; stderr: string; exitCode: number };
    switch (op) {
      case 'update':
        r = await update(ctx, sys, d, o);
        break;
      case 'install':
        r = await install(ctx, sys, d, o, names, [cmd, ...args].join(' '));
        break;
      case 'remove':
      case 'purge':
        r = await remove(ctx, sys, d, o, names, op === 'purge');
        break;
      case 'upgrade':
      case 'dist-upgrade':
      case 'full-upgrade':
      case 'autoremove':
        r = { stdout: aptHeader(o) + (op === 'autoremove' ? '' : line('Calculating upgrade...', o.tty)) + '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n', stderr: '', exitCode: 0 };
        break;
      case 'clean':
      case 'autoclean':
        r = { stdout: '', stderr: '', exitCode: 0 };
        break;
      default:
        r = { stdout: '', stderr: `E: Invalid operation ${op}\n`, exitCode: 100 };
    }
    // -qq: only errors
    return { ...r, stdout: o.quiet >= 2 ? '' : r.stdout, stderr: warn + r.stderr };
  } catch (e) {
    const why = readOnly(e) ? '30: Read-only file system' : '13: Permission denied';
    const e2 = op === 'update' ? `E: Could not open lock file /var/lib/apt/lists/lock - open (${why})\nE: Unable to lock directory /var/lib/apt/lists/\n` : `E: Could not open lock file /var/lib/dpkg/lock-frontend - open (${why})\nE: Unable to acquire the dpkg frontend lock (/var/lib/dpkg/lock-frontend), are you root?\n`;
    return { stdout: '', stderr: warn + e2, exitCode: 100 };
  }
}

export const aptGet: Impl = (args, ctx, sys) => apt('apt-get', args, ctx, sys);
export const aptCli: Impl = (args, ctx, sys) => apt('apt', args, ctx, sys);
