// lsb_release, gpg --dearmor and dpkg on the host: the small tools the Docker install steps call.
import type { ExecResult, ResolvedCommandContext } from 'just-bash';
import type { Engine } from '../../engine/index';
import { readFileOr } from '../userland/sys';
import { hostUser } from './who';

const out = (stdout = '', stderr = '', exitCode = 0): ExecResult => ({ stdout, stderr, exitCode });

export async function lsbRelease(args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const os = (await readFileOr(ctx.fs, '/etc/os-release')) ?? '';
  const get = (k: string) => new RegExp(`^${k}="?([^"\\n]*)"?$`, 'm').exec(os)?.[1] ?? '';
  const letters = new Set(args.filter((a) => /^-[a-z]+$/.test(a)).flatMap((a) => [...a.slice(1)]));
  for (const a of args.filter((x) => x.startsWith('--'))) letters.add({ '--all': 'a', '--id': 'i', '--description': 'd', '--release': 'r', '--codename': 'c', '--short': 's' }[a] ?? '?');
  if (letters.has('?')) return out('', `Usage: lsb_release [options]\n\nlsb_release: error: no such option: ${args.find((a) => a.startsWith('-'))}\n`, 2);
  const all = letters.has('a');
  const rows: [string, string, string][] = [['i', 'Distributor ID', get('NAME')], ['d', 'Description', get('PRETTY_NAME')], ['r', 'Release', get('VERSION_ID')], ['c', 'Codename', get('VERSION_CODENAME')]];
  const picked = rows.filter(([k]) => all || letters.has(k));
  const short = letters.has('s');
  const text = picked.map(([, label, v]) => (short ? v : `${label}:\t${v}`)).join(short ? ' ' : '\n');
  const lsbModules = 'No LSB modules are available.\n';
  if (!picked.length) return out('', lsbModules);
  return out(text + '\n', all ? lsbModules : '');
}

const mayWrite = (engine: Engine, path: string) => hostUser(engine) === 'root' || /^\/(tmp|home)\//.test(path);

/** gpg --dearmor [-o FILE] [FILE]: armored key text in, binary keyring out (a stand-in that keeps the fingerprint). */
export async function gpg(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  if (args.includes('--version')) return out('gpg (GnuPG) 2.4.4\nlibgcrypt 1.10.3\n');
  let output: string | undefined;
  let yes = false;
  const files: string[] = [];
  let dearmor = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--dearmor' || a === '--dearmour') dearmor = true;
    else if (a === '-o' || a === '--output') output = args[++i];
    else if (a.startsWith('--output=')) output = a.slice(9);
    else if (a === '--yes' || a === '--batch') yes ||= a === '--yes';
    else if (!a.startsWith('-')) files.push(a);
  }
  if (!dearmor) return out('', 'gpg: Go ahead and type your message ...\n', 2);
  const input = files[0] ? await readFileOr(ctx.fs, ctx.fs.resolvePath(ctx.cwd, files[0])) : String(ctx.stdin ?? '');
  if (input === null) return out('', `gpg: can't open '${files[0]}': No such file or directory\ngpg: dearmoring failed: No such file or directory\n`, 2);
  const fp = /key ([0-9A-F ]{40,})\)/.exec(input)?.[1] ?? '';
  const binary = input.includes('BEGIN PGP PUBLIC KEY BLOCK') ? `\u0099\u0002\r\u0004X\u00ad\u00da*\u0001\u0010\u0000 (keyring: ${fp})\n` : '';
  if (!output) return out(binary);
  const path = ctx.fs.resolvePath(ctx.cwd, output);
  if (!mayWrite(engine, path)) return out('', `gpg: can't create '${output}': Permission denied\ngpg: dearmoring failed: Permission denied\n`, 2);
  if ((await ctx.fs.exists(path)) && !yes) return out('', `File '${output}' exists. Overwrite? (y/N) gpg: signal Interrupt caught ... exiting\n`, 2);
  const dir = path.slice(0, path.lastIndexOf('/')) || '/';
  if (!(await ctx.fs.exists(dir))) return out('', `gpg: can't create '${output}': No such file or directory\ngpg: dearmoring failed: No such file or directory\n`, 2);
  await ctx.fs.writeFile(path, binary);
  return out();
}

export async function dpkg(args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  if (args[0] === '--print-architecture') return out('amd64\n');
  if (args[0] === '-l' || args[0] === '--list') {
    const status = (await readFileOr(ctx.fs, '/var/lib/dpkg/status')) ?? '';
    const rows = [...status.matchAll(/^Package: (\S+)\n[\s\S]*?^Architecture: (\S+)\n^Version: (\S+)$/gm)].map((m) => [m[1], m[3], m[2]]);
    const wanted = args.slice(1);
    const shown = rows.filter(([n]) => !wanted.length || wanted.some((w) => new RegExp(`^${w.replace(/\*/g, '.*')}$`).test(n)));
    if (!shown.length && wanted.length) return out('', `dpkg-query: no packages found matching ${wanted[0]}\n`, 1);
    const w = [Math.max(15, ...shown.map((r) => r[0].length)), Math.max(15, ...shown.map((r) => r[1].length)), 12];
    const head = `Desired=Unknown/Install/Remove/Purge/Hold\n| Status=Not/Inst/Conf-files/Unpacked/halF-conf/Half-inst/trig-aWait/Trig-pend\n|/ Err?=(none)/Reinst-required (Status,Err: uppercase=bad)\n||/ ${'Name'.padEnd(w[0])} ${'Version'.padEnd(w[1])} ${'Architecture'.padEnd(w[2])} Description\n+++-${'='.repeat(w[0])}-${'='.repeat(w[1])}-${'='.repeat(w[2])}-${'='.repeat(40)}\n`;
    return out(head + shown.map(([n, v, a]) => `ii  ${n.padEnd(w[0])} ${v.padEnd(w[1])} ${a.padEnd(w[2])} ${n}\n`).join(''));
  }
  return out('', "dpkg: error: need an action option\n\nType dpkg --help for help about installing and deinstalling packages [*];\nUse 'apt' or 'aptitude' for user-friendly package management;\nType dpkg -Dhelp for a list of dpkg debug flag values;\nType dpkg --force-help for a list of forcing options;\nType dpkg-deb --help for help about manipulating *.deb files;\n\nOptions marked [*] produce a lot of output - pipe it through 'less' or 'more' !\n", 2);
}

/** getent passwd|group [NAME…]: the entries of /etc/passwd or /etc/group (exit 2 when a name is missing). */
export async function getent(args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  const [db, ...keys] = args;
  if (db !== 'passwd' && db !== 'group') return out('', db ? `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n` : 'getent: wrong number of arguments\nTry `getent --help\' or `getent --usage\' for more information.\n', db ? 1 : 1);
  const rows = ((await readFileOr(ctx.fs, `/etc/${db}`)) ?? '').split('\n').filter(Boolean);
  if (!keys.length) return out(rows.map((r) => r + '\n').join(''));
  const found = keys.map((k) => rows.find((r) => r.split(':')[0] === k || r.split(':')[2] === k)).filter((r): r is string => !!r);
  return out(found.map((r) => r + '\n').join(''), '', found.length === keys.length ? 0 : 2);
}
