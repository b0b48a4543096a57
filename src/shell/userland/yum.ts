// yum (CentOS 7): metadata cache, dependency resolution table, transaction output; files land in the writable layer.
import { decodeBytesToUtf8 } from '../jb-compat';
import { sha256Hex } from '../../engine/index';
import { accountOf, fail, monthName, pad2, userOf, type Ctx, type Impl, type Sys } from './sys';
import { closure, type Pkg } from './pkg-data';
import { CENTOS7_BASE, CENTOS7_PKGS } from './pkg-rpm';
import { appendSized, removeFiles, spend, unpack, writeFileSized, readOnly } from './pkg-files';

const HR = '='.repeat(80) + '\n';
const PLUGINS = 'Loaded plugins: fastestmirror, ovl\n';
const CACHE = '/var/cache/yum/x86_64/7';

/** yum's human sizes: 547 k, 2.0 M, 27 M. */
function yumSize(bytes: number): string {
  const units = [' ', 'k', 'M', 'G'];
  let v = bytes;
  let i = 0;
  while (v >= 999 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const num = v < 10 && i > 0 ? v.toFixed(1) : String(Math.round(v));
  return `${num} ${units[i]}`.trimEnd();
}

const evr = (p: Pkg) => (p.version.includes(':') ? p.version : `0:${p.version}`);
const nevra = (p: Pkg) => `${p.name}-${p.version.replace(/^\d+:/, '')}.${p.arch}`;
const syslogTime = (t: number) => {
  const d = new Date(t);
  return `${monthName(d)} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}`;
};

async function metadata(ctx: Ctx, sys: Sys): Promise<string> {
  if (await ctx.fs.exists(`${CACHE}/base/repomd.xml`)) return '';
  await spend(ctx, 4000);
  const files: [string, number][] = [
    [`${CACHE}/base/repomd.xml`, 3_622], [`${CACHE}/base/gen/primary_db.sqlite`, 32_473_088], [`${CACHE}/base/gen/comps.xml`, 754_843],
    [`${CACHE}/extras/repomd.xml`, 2_971], [`${CACHE}/extras/gen/primary_db.sqlite`, 1_307_648],
    [`${CACHE}/updates/repomd.xml`, 2_971], [`${CACHE}/updates/gen/primary_db.sqlite`, 148_062_208], [`${CACHE}/timedhosts.txt`, 120],
  ];
  for (const [p, size] of files) await writeFileSized(ctx, sys, p, 'yum metadata (stand-in)\n', 0o644, size);
  const repo = (name: string, size: string) => `${name.padEnd(57)}| ${size.padStart(6)}  00:00:00     \n`;
  return (
    'Determining fastest mirrors\n * base: mirrors.edge.kernel.org\n * extras: mirrors.edge.kernel.org\n * updates: mirrors.edge.kernel.org\n' +
    repo('base', '3.6 kB') + repo('extras', '2.9 kB') + repo('updates', '2.9 kB') +
    '(1/4): base/7/x86_64/group_gz                              | 153 kB  00:00:00     \n' +
    '(2/4): extras/7/x86_64/primary_db                          | 253 kB  00:00:00     \n' +
    '(3/4): base/7/x86_64/primary_db                            | 6.1 MB  00:00:01     \n' +
    '(4/4): updates/7/x86_64/primary_db                         |  27 MB  00:00:03     \n'
  );
}

const installedRpms = async (ctx: Ctx) => new Set([...((await ctx.fs.readFile('/var/log/yum.log').catch(() => '')).matchAll(/Installed: (\S+)$/gm))].map((m) => m[1]));

function row(p: Pkg): string {
  const cols = [` ${p.name}`.padEnd(16), p.arch.padEnd(17), p.version.padEnd(26), p.repo.padEnd(15)];
  return cols.join('') + yumSize(p.size).padStart(5) + '\n';
}

async function install(ctx: Ctx, sys: Sys, names: string[], yes: boolean): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  let out = PLUGINS + (await metadata(ctx, sys));
  const have = await installedRpms(ctx);
  const isInstalled = (n: string) => CENTOS7_BASE[n] !== undefined || [...have].some((x) => CENTOS7_PKGS[n] && x === nevra(CENTOS7_PKGS[n]));
  const unknown = names.filter((n) => !CENTOS7_PKGS[n] && CENTOS7_BASE[n] === undefined);
  for (const n of unknown) out += `No package ${n} available.\n`;
  for (const n of names.filter(isInstalled)) {
    const v = CENTOS7_PKGS[n]?.version ?? CENTOS7_BASE[n];
    out += `Package ${n}-${v.replace(/^\d+:/, '')}.x86_64 already installed and latest version\n`;
  }
  const todo = closure(CENTOS7_PKGS, names.filter((n) => CENTOS7_PKGS[n]), isInstalled, false);
  if (!todo.length) return unknown.length ? { stdout: out, stderr: 'Error: Nothing to do\n', exitCode: 1 } : { stdout: out + 'Nothing to do\n', stderr: '', exitCode: 0 };
  // yum lists packages by name in its tables
  const byName = (a: Pkg, b: Pkg) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const main = todo.filter((p) => names.includes(p.name)).sort(byName);
  const deps = todo.filter((p) => !names.includes(p.name)).sort(byName);
  out += 'Resolving Dependencies\n--> Running transaction check\n';
  for (const p of main) {
    out += `---> Package ${p.name}.${p.arch} ${evr(p)} will be installed\n`;
    for (const d of p.deps.filter((x) => deps.some((q) => q.name === x))) out += `--> Processing Dependency: ${d} for package: ${evr(p).startsWith('0:') ? '' : evr(p).split(':')[0] + ':'}${nevra(p)}\n`;
  }
  if (deps.length) {
    out += '--> Running transaction check\n';
    for (const p of deps) out += `---> Package ${p.name}.${p.arch} ${evr(p)} will be installed\n`;
  }
  out += '--> Finished Dependency Resolution\n\nDependencies Resolved\n\n' + HR;
  out += ' Package        Arch             Version                   Repository      Size\n' + HR;
  out += 'Installing:\n' + main.map(row).join('');
  if (deps.length) out += 'Installing for dependencies:\n' + deps.map(row).join('');
  const dl = todo.reduce((s, p) => s + p.size, 0);
  const inst = todo.reduce((s, p) => s + p.installed, 0);
  out += `\nTransaction Summary\n${HR}Install  ${main.length} Package${deps.length ? ` (+${deps.length} Dependent package${deps.length > 1 ? 's' : ''})` : todo.length > 1 ? 's' : ''}\n\n`;
  out += `Total download size: ${yumSize(dl)}\nInstalled size: ${yumSize(inst)}\n`;
  if (!yes) {
    const answer = decodeBytesToUtf8(ctx.stdin).split('\n')[0].trim();
    out += 'Is this ok [y/d/N]: ';
    if (!/^y(es)?$/i.test(answer)) return { stdout: out + 'Exiting on user command\nYour transaction was saved, rerun it with:\n yum load-transaction /tmp/yum_save_tx.2026-11-23.09-00.stand-in.yumtx\n', stderr: '', exitCode: 1 };
  }
  await spend(ctx, 1000 + Math.round(dl / 5000));
  out += 'Downloading packages:\n';
  // rpm's signature warning and the key import go to stderr on a real system; here they stay in place on stdout
  // because a container terminal shows a command's stdout before its stderr
  const gpg = !(await ctx.fs.exists('/var/lib/rpm/.gpg-imported'));
  if (gpg) {
    out += `warning: ${CACHE}/${todo[0].repo}/packages/${nevra(todo[0])}.rpm: Header V3 RSA/SHA256 Signature, key ID f4a80eb5: NOKEY\n`;
    out += `Public key for ${nevra(todo[0])}.rpm is not installed\n`;
  }
  if (todo.length > 1) {
    todo.forEach((p, i) => (out += `(${i + 1}/${todo.length}): ${nevra(p)}.rpm`.padEnd(59) + `| ${yumSize(p.size).padStart(6)}  00:00:00     \n`));
    out += '-'.repeat(80) + `\nTotal${' '.repeat(40)}${aptRate(dl)} | ${yumSize(dl).padStart(6)}  00:00:01     \n`;
  }
  if (gpg) {
    out += 'Retrieving key from file:///etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7\n';
    out += 'Importing GPG key 0xF4A80EB5:\n Userid     : "CentOS-7 Key (CentOS 7 Official Signing Key) <security@centos.org>"\n Fingerprint: 6341 ab27 53d7 8a78 a7c2 7bb1 4b0b 2d1e f4a8 0eb5\n Package    : centos-release-7-9.2009.0.el7.centos.x86_64 (@CentOS)\n From       : /etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7\n';
    await writeFileSized(ctx, sys, '/var/lib/rpm/.gpg-imported', '', 0o644, 0);
  }
  out += 'Running transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n';
  const counted = (verb: string, p: Pkg, i: number) => `  ${verb} : ${p.version.includes(':') ? p.version.split(':')[0] + ':' : ''}${nevra(p)}`.padEnd(80 - `${i + 1}/${todo.length} `.length) + `${i + 1}/${todo.length} \n`;
  const now = sys.now();
  let log = '';
  for (const [i, p] of todo.entries()) {
    out += counted('Installing', p, i);
    await unpack(ctx, sys, p);
    log += `${syslogTime(now)} Installed: ${nevra(p)}\n`;
    const dir = `/var/lib/yum/yumdb/${p.name[0]}/${sha256Hex(p.name).slice(0, 40)}-${p.name}-${p.version.replace(/^\d+:/, '')}-${p.arch}`;
    await writeFileSized(ctx, sys, `${dir}/from_repo`, p.repo, 0o644);
    await writeFileSized(ctx, sys, `${dir}/reason`, names.includes(p.name) ? 'user' : 'dep', 0o644);
  }
  if (todo.some((p) => p.name === 'wget')) out += 'install-info: No such file or directory for /usr/share/info/wget.info.gz\n';
  todo.forEach((p, i) => (out += counted('Verifying ', p, i)));
  await appendSized(ctx, sys, '/var/log/yum.log', log);
  await appendSized(ctx, sys, '/var/lib/rpm/Packages', 'rpmdb (stand-in)\n'.repeat(todo.length));
  const list = (ps: Pkg[]) => ps.map((p) => `  ${p.name}.${p.arch} ${evr(p)}`.padEnd(80)).join('\n') + '\n';
  out += `\nInstalled:\n${list(main)}\n`;
  if (deps.length) out += `Dependency Installed:\n${list(deps)}\n`;
  return { stdout: out + 'Complete!\n', stderr: '', exitCode: 0 };
}

const aptRate = (bytes: number) => `${yumSize(bytes)}/s`.padStart(10);

async function remove(ctx: Ctx, sys: Sys, names: string[], yes: boolean) {
  const have = await installedRpms(ctx);
  const todo = names.map((n) => CENTOS7_PKGS[n]).filter((p): p is Pkg => !!p && have.has(nevra(p)));
  let out = PLUGINS;
  for (const n of names.filter((x) => !todo.some((p) => p.name === x))) out += `No Match for argument: ${n}\n`;
  if (!todo.length) return { stdout: out + 'No Packages marked for removal\n', stderr: '', exitCode: 0 };
  out += 'Resolving Dependencies\n--> Running transaction check\n' + todo.map((p) => `---> Package ${p.name}.${p.arch} ${evr(p)} will be erased\n`).join('');
  out += `--> Finished Dependency Resolution\n\nDependencies Resolved\n\n${HR} Package        Arch             Version                   Repository      Size\n${HR}Removing:\n`;
  out += todo.map((p) => row({ ...p, repo: '@' + p.repo, size: p.installed })).join('') + `\nTransaction Summary\n${HR}Remove  ${todo.length} Package${todo.length > 1 ? 's' : ''}\n\nInstalled size: ${yumSize(todo.reduce((s, p) => s + p.installed, 0))}\n`;
  if (!yes) {
    out += 'Is this ok [y/N]: ';
    if (!/^y(es)?$/i.test(decodeBytesToUtf8(ctx.stdin).trim())) return { stdout: out + 'Exiting on user command\n', stderr: '', exitCode: 1 };
  }
  out += 'Downloading packages:\nRunning transaction check\nRunning transaction test\nTransaction test succeeded\nRunning transaction\n';
  let log = '';
  for (const [i, p] of todo.entries()) {
    out += `  Erasing    : ${nevra(p)}`.padEnd(80 - `${i + 1}/${todo.length} `.length) + `${i + 1}/${todo.length} \n`;
    await removeFiles(ctx, p);
    log += `${syslogTime(sys.now())} Erased: ${p.name}\n`;
  }
  await appendSized(ctx, sys, '/var/log/yum.log', log);
  return { stdout: out + `\nRemoved:\n${todo.map((p) => `  ${p.name}.${p.arch} ${evr(p)}`.padEnd(80)).join('\n')}\n\nComplete!\n`, stderr: '', exitCode: 0 };
}

export const yum: Impl = async (args, ctx, sys) => {
  const yes = args.some((a) => a === '-y' || a === '--assumeyes');
  const words = args.filter((a) => !a.startsWith('-'));
  const [op, ...names] = words;
  if (!op) return fail(`${PLUGINS}You need to give some command\n`, 1);
  if ((await accountOf(ctx.fs, userOf(sys))).uid !== 0 && op !== 'list' && op !== 'info') return fail(`${PLUGINS}You need to be root to perform this command.\n`, 1);
  try {
    switch (op) {
      case 'install':
        return await install(ctx, sys, names, yes);
      case 'remove':
      case 'erase':
        return await remove(ctx, sys, names, yes);
      case 'update':
      case 'upgrade':
        return { stdout: PLUGINS + (await metadata(ctx, sys)) + 'No packages marked for update\n', stderr: '', exitCode: 0 };
      case 'makecache':
        return { stdout: PLUGINS + (await metadata(ctx, sys)) + 'Metadata Cache Created\n', stderr: '', exitCode: 0 };
      case 'clean': {
        for (const r of ['base', 'extras', 'updates']) await ctx.fs.rm(`${CACHE}/${r}`, { recursive: true, force: true });
        await ctx.fs.rm(`${CACHE}/timedhosts.txt`, { force: true });
        return { stdout: `${PLUGINS}Cleaning repos: base extras updates\nCleaning up list of fastest mirrors\n`, stderr: '', exitCode: 0 };
      }
      default:
        return { stdout: PLUGINS, stderr: `No such command: ${op}. Please use /usr/bin/yum --help\n`, exitCode: 1 };
    }
  } catch (e) {
    return fail(`${PLUGINS}[Errno ${readOnly(e) ? '30] Read-only file system' : '13] Permission denied'}: '/var/lib/rpm/.rpm.lock'\n`, 1);
  }
};
