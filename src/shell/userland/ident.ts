// Who and where am I: whoami, id, groups, uname, nproc (coreutils wording, busybox wording). hostname is net-dns.ts's.
import { accountOf, containerOf, fail, gnuBadOption, MACHINE, ok, parseFlags, readFileOr, userOf, type Impl, type Sys } from './sys';
import { HOST_NAME } from '../host';
import { processGroups } from '../host/who';
import type { Account } from './sys';

export function hostnameOf(sys: Sys): string {
  const c = containerOf(sys);
  return c ? c.config.Hostname : HOST_NAME;
}

/** The process's own groups on a bare host are the login shell's (a group joined later needs a new login or newgrp). */
async function withLoginGroups(ctx: Parameters<Impl>[1], sys: Sys, target: string | undefined, a: Account): Promise<Account> {
  const own = sys.containerId === null && !target ? processGroups(sys.engine) : null;
  if (!own) return a;
  const rows = ((await readFileOr(ctx.fs, '/etc/group')) ?? '').split('\n').map((l) => l.split(':'));
  const gid = (name: string) => parseInt(rows.find((r) => r[0] === name)?.[2] ?? 'NaN', 10);
  return { ...a, gid: gid(own[0]), group: own[0], groups: own.filter((g) => !Number.isNaN(gid(g))).map((g) => ({ gid: gid(g), name: g })) };
}

export const whoami: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  if (args.length) return bb ? fail(`whoami: unrecognized option: ${args[0].replace(/^-+/, '')}\nBusyBox v1.36.1 multi-call binary.\n\nUsage: whoami\n\nPrint the user name associated with the current effective user id\n`) : fail(args[0].startsWith('-') ? gnuBadOption('whoami', { option: args[0].replace(/^-+/, ''), long: args[0].startsWith('--') }) : `whoami: extra operand '${args[0]}'\nTry 'whoami --help' for more information.\n`);
  const a = await accountOf(ctx.fs, userOf(sys));
  if (a.name) return ok(a.name + '\n');
  return fail(bb ? `whoami: unknown uid ${a.uid}\n` : `whoami: cannot find name for user ID ${a.uid}\n`);
};

export const id: Impl = async (args, ctx, sys) => {
  const f = parseFlags(args, 'ugGnr');
  if (f.bad) return fail(sys.flavor === 'busybox' ? `id: unrecognized option: ${f.bad.option}\n` : gnuBadOption('id', f.bad));
  const target = f.operands[0];
  if (target && target !== userOf(sys)) {
    const passwd = (await readFileOr(ctx.fs, '/etc/passwd')) ?? '';
    if (!passwd.split('\n').some((l) => l.split(':')[0] === target)) return fail(sys.flavor === 'busybox' ? `id: unknown user ${target}\n` : `id: '${target}': no such user\n`);
  }
  const a = await withLoginGroups(ctx, sys, target, await accountOf(ctx.fs, target ?? userOf(sys)));
  const n = f.set.has('n');
  if (f.set.has('u')) return ok(`${n ? (a.name ?? a.uid) : a.uid}\n`);
  if (f.set.has('g')) return ok(`${n ? (a.group ?? a.gid) : a.gid}\n`);
  if (f.set.has('G')) return ok(a.groups.map((g) => (n ? g.name : g.gid)).join(' ') + '\n');
  const named = (num: number, name: string | null) => (name ? `${num}(${name})` : `${num}`);
  const groups = a.groups.map((g) => named(g.gid, g.name === String(g.gid) ? null : g.name)).join(',');
  return ok(`uid=${named(a.uid, a.name)} gid=${named(a.gid, a.group)} groups=${groups}\n`);
};

export const groups: Impl = async (args, ctx, sys) => {
  const a = await withLoginGroups(ctx, sys, args[0], await accountOf(ctx.fs, args[0] ?? userOf(sys)));
  const names = a.groups.map((g) => g.name).join(' ');
  return ok(args[0] ? `${args[0]} : ${names}\n` : `${names}\n`);
};

/** uname: Ubuntu and CentOS coreutils fill -p/-i with the machine; Debian's and busybox's leave them out of -a; Alpine's busybox says "Linux" for -o. */
export const uname: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const f = parseFlags(args, 'asnrvmpio', { all: 'a', 'kernel-name': 's', nodename: 'n', 'kernel-release': 'r', 'kernel-version': 'v', machine: 'm', processor: 'p', 'hardware-platform': 'i', 'operating-system': 'o' });
  if (f.bad) return fail(bb ? `uname: unrecognized option: ${f.bad.option}\n` : gnuBadOption('uname', f.bad));
  if (f.operands.length) return fail(bb ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: uname [-amnrspvio]\n' : `uname: extra operand '${f.operands[0]}'\nTry 'uname --help' for more information.\n`);
  const osRelease = (await readFileOr(ctx.fs, '/etc/os-release')) ?? '';
  const platform = !bb && /^ID="?(ubuntu|centos|rhel|fedora)"?$/m.test(osRelease) ? MACHINE.arch : 'unknown';
  const fields: [string, string][] = [
    ['s', 'Linux'], ['n', hostnameOf(sys)], ['r', MACHINE.kernel], ['v', MACHINE.kernelVersion], ['m', MACHINE.arch],
    ['p', platform], ['i', platform], ['o', 'GNU/Linux'],
  ];
  const want = f.set.size ? f.set : new Set(['s']);
  const out = fields.filter(([k, v]) => (want.has('a') ? !((k === 'p' || k === 'i') && v === 'unknown') : want.has(k))).map(([k, v]) => (k === 'o' && /^ID="?alpine"?$/m.test(osRelease) ? 'Linux' : v));
  return ok(out.join(' ') + '\n');
};

/** Containers see every host CPU unless --cpuset-cpus is used (--cpus is a quota, not a CPU count). */
export const nproc: Impl = async (args, _ctx, sys) => {
  const f = parseFlags(args, '', { all: 'a', ignore: 'i' }, ['i']);
  if (f.bad) return fail(sys.flavor === 'busybox' ? `nproc: unrecognized option: ${f.bad.option}\n` : gnuBadOption('nproc', f.bad));
  const n = Math.max(1, MACHINE.cpus - (f.values.has('i') ? parseInt(f.values.get('i') ?? '0', 10) || 0 : 0));
  return ok(`${n}\n`);
};
