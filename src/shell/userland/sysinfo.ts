// The machine as programs see it: free, df, mount, uptime (a container sees the host's memory, CPUs and disk).
import { allContainers, chainIds, containerImage, sha256Hex, tableSize } from '../../engine/index';
import { cacheId } from '../../cli/container/inspect-json';
import { bootTime, containerOf, fail, gnuBadOption, hhmm, MACHINE, ok, pad2, parseFlags, readFileOr, type Impl, type Sys } from './sys';
import { gnuHuman } from './ls-format';
import { containerProcs } from './procs';

/** Memory in KiB: what the host's processes and the running containers use. */
export function meminfo(sys: Sys) {
  let containers = 0;
  for (const c of allContainers(sys.engine.state)) {
    if (c.state.status !== 'running' && c.state.status !== 'paused') continue;
    containers += containerProcs({ ...sys, containerId: c.id }, c, { isPs: false }, null).reduce((s, p) => s + p.rss, 0);
  }
  const total = MACHINE.memTotalKb;
  const used = 598_264 + containers;
  const buffCache = 1_143_508;
  return { total, used, free: total - used - buffCache, shared: 1_212, buffCache, available: total - used - 171_340 };
}

/** procps-ng human sizes: Ki/Mi/Gi with one decimal when it fits in 5 characters. */
function procpsHuman(kb: number): string {
  const bytes = kb * 1024;
  if (String(bytes).length + 1 <= 4) return `${bytes}B`;
  const units = 'KMGTP';
  for (let i = 0; i < units.length; i++) {
    const v = bytes / 1024 ** (i + 1);
    const a = `${v.toFixed(1)}${units[i]}i`;
    if (a.length <= 5) return a;
    const b = `${Math.floor(v)}${units[i]}i`;
    if (b.length <= 5) return b;
  }
  return `${bytes}B`;
}

export const free: Impl = async (args, ctx, sys) => {
  const m = meminfo(sys);
  if (sys.flavor === 'busybox') {
    const shift = args[0] === '-b' ? -10 : args[0] === '-m' ? 10 : args[0] === '-g' ? 20 : 0;
    if (args[0] && !['-b', '-k', '-m', '-g'].includes(args[0])) return fail(`free: unrecognized option: ${args[0].replace(/^-+/, '')}\nBusyBox v1.36.1 multi-call binary.\n\nUsage: free [-bkmgh]\n`);
    const s = (kb: number) => String(shift < 0 ? kb * 1024 : Math.floor(kb / 2 ** shift));
    const head = `       ${['total', 'used', 'free', 'shared', 'buff/cache', 'available'].map((h) => h.padStart(12)).join('')}\n`;
    const mem = `Mem:   ${s(m.total).padStart(12)} ${[m.used, m.free, m.shared, m.buffCache, m.available].map((v) => s(v).padStart(11)).join(' ')}\n`;
    const swap = `Swap:  ${s(0).padStart(12)} ${s(0).padStart(11)} ${s(0).padStart(11)}\n`;
    return ok(head + mem + swap);
  }
  const f = parseFlags(args, 'bkmghltwv', { bytes: 'b', kibi: 'k', mebi: 'm', gibi: 'g', human: 'h', total: 't', wide: 'w', help: 'help' });
  if (f.bad) return fail(`free: ${f.bad.long ? `unrecognized option '--${f.bad.option}'` : `invalid option -- '${f.bad.option}'`}\n\nUsage:\n free [options]\n`);
  const val = (kb: number) =>
    f.set.has('h') ? procpsHuman(kb) : f.set.has('b') ? String(kb * 1024) : f.set.has('m') ? String(Math.floor(kb / 1024)) : f.set.has('g') ? String(Math.floor(kb / 1024 / 1024)) : String(kb);
  const centos = /^ID="?centos"?$/m.test((await readFileOr(ctx.fs, '/etc/os-release')) ?? '') && sys.containerId !== null;
  // procps-ng 4 pads the row label to 9 columns; CentOS 7's 3.3.10 printed "%-7s" and a header one column shorter
  const label = (l: string, first: string) => (centos ? `${l.padEnd(7)} ${first.padStart(11)}` : `${l.padEnd(9)}${first.padStart(11)}`);
  const row = (l: string, vals: number[]) => label(l, val(vals[0])) + vals.slice(1).map((v) => ` ${val(v).padStart(11)}`).join('') + '\n';
  const head = `${centos ? '              total' : '               total'}        used        free      shared  buff/cache   available\n`;
  let out = head + row('Mem:', [m.total, m.used, m.free, m.shared, m.buffCache, m.available]) + row('Swap:', [MACHINE.swapTotalKb, 0, MACHINE.swapTotalKb]);
  if (f.set.has('t')) out += row('Total:', [m.total + MACHINE.swapTotalKb, m.used, m.free + MACHINE.swapTotalKb]);
  return ok(out);
};

/** Bytes the host disk holds: Ubuntu itself plus Docker's images and containers. */
function diskUsedKb(sys: Sys): number {
  const s = sys.engine.state;
  let bytes = 9_812_000_000;
  for (const l of Object.values(s.layers)) bytes += l.size;
  for (const c of allContainers(s)) bytes += tableSize(c.upper);
  return Math.round(bytes / 1024);
}

interface Fs {
  source: string;
  sizeKb: number;
  usedKb: number;
  target: string;
  type: string;
}

function filesystems(sys: Sys, memKb: number): Fs[] {
  const total = MACHINE.diskKb;
  const used = diskUsedKb(sys);
  if (!sys.containerId) {
    return [
      { source: 'tmpfs', sizeKb: Math.round(memKb / 10), usedKb: 1_212, target: '/run', type: 'tmpfs' },
      { source: '/dev/sda1', sizeKb: total, usedKb: used, target: '/', type: 'ext4' },
      { source: 'tmpfs', sizeKb: Math.round(memKb / 2), usedKb: 0, target: '/dev/shm', type: 'tmpfs' },
      { source: 'tmpfs', sizeKb: 5120, usedKb: 0, target: '/run/lock', type: 'tmpfs' },
      { source: '/dev/sda15', sizeKb: 106_858, usedKb: 6_186, target: '/boot/efi', type: 'vfat' },
      { source: 'tmpfs', sizeKb: Math.round(memKb / 10), usedKb: 12, target: '/run/user/0', type: 'tmpfs' },
    ];
  }
  return [
    { source: 'overlay', sizeKb: total, usedKb: used, target: '/', type: 'overlay' },
    { source: 'tmpfs', sizeKb: 65_536, usedKb: 0, target: '/dev', type: 'tmpfs' },
    { source: 'shm', sizeKb: 65_536, usedKb: 0, target: '/dev/shm', type: 'tmpfs' },
    { source: '/dev/sda1', sizeKb: total, usedKb: used, target: '/etc/hosts', type: 'ext4' },
    { source: 'tmpfs', sizeKb: Math.round(memKb / 2), usedKb: 0, target: '/proc/acpi', type: 'tmpfs' },
    { source: 'tmpfs', sizeKb: Math.round(memKb / 2), usedKb: 0, target: '/proc/scsi', type: 'tmpfs' },
    { source: 'tmpfs', sizeKb: Math.round(memKb / 2), usedKb: 0, target: '/sys/firmware', type: 'tmpfs' },
  ];
}

export const df: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const f = parseFlags(args, 'hkmPTaiB:', { 'human-readable': 'h', portability: 'P', 'print-type': 'T', all: 'a', inodes: 'i', help: 'help' });
  if (f.bad) return fail(bb ? `df: unrecognized option: ${f.bad.option}\n` : gnuBadOption('df', f.bad));
  let rows = filesystems(sys, MACHINE.memTotalKb);
  if (f.operands.length) {
    // the filesystem a path lives on: the longest mount target that is a prefix of it
    const pick = (p: string) => {
      const abs = ctx.fs.resolvePath(ctx.cwd, p);
      return [...rows].filter((r) => abs === r.target || abs.startsWith(r.target === '/' ? '/' : r.target + '/')).sort((a, b) => b.target.length - a.target.length)[0];
    };
    rows = f.operands.map(pick).filter((r): r is Fs => !!r);
  }
  const h = f.set.has('h');
  const pctNum = (r: Fs) => (r.sizeKb ? Math.ceil((r.usedKb * 100) / r.sizeKb) : 0);
  const pct = (r: Fs) => (r.sizeKb ? `${pctNum(r)}%` : '-');
  const num = (kb: number) => (h ? (bb ? busyboxSize(kb) : gnuHuman(kb * 1024).replace(/^0$/, '0')) : String(kb));
  if (bb) {
    const head = `Filesystem           ${h ? '     Size' : '1K-blocks'}      Used Available Use% Mounted on\n`;
    return ok(head + rows.map((r) => `${r.source.padEnd(20)} ${num(r.sizeKb).padStart(9)} ${num(r.usedKb).padStart(9)} ${num(r.sizeKb - r.usedKb).padStart(9)} ${String(pctNum(r)).padStart(3)}% ${r.target}\n`).join(''));
  }
  const cells = [['Filesystem', ...(f.set.has('T') ? ['Type'] : []), h ? 'Size' : '1K-blocks', 'Used', h ? 'Avail' : 'Available', 'Use%', 'Mounted on']];
  for (const r of rows) cells.push([r.source, ...(f.set.has('T') ? [r.type] : []), num(r.sizeKb), num(r.usedKb), num(r.sizeKb - r.usedKb), pct(r), r.target]);
  const t = f.set.has('T') ? 1 : 0;
  const mins = [14, ...(t ? [4] : []), 5, 5, 5, 4, 0];
  const widths = mins.map((m, i) => Math.max(m, ...cells.map((c) => c[i].length)));
  const left = (i: number) => i === 0 || (t && i === 1) || i === cells[0].length - 1;
  const out = cells.map((c) => c.map((v, i) => (i === c.length - 1 ? v : left(i) ? v.padEnd(widths[i]) : v.padStart(widths[i]))).join(' ') + '\n').join('');
  return ok(out);
};

function busyboxSize(kb: number): string {
  if (kb < 1024) return `${kb}.0K`.replace(/^0\.0K$/, '0');
  const units = 'MGT';
  let v = kb / 1024;
  for (let i = 0; i < units.length; i++, v /= 1024) if (v < 1024 || i === units.length - 1) return `${v.toFixed(1)}${units[i]}`;
  return `${kb}K`;
}

/** The 26-character short names overlay2 keeps under l/ for each layer directory. */
const shortLink = (id: string) => BigInt('0x' + sha256Hex('link ' + id)).toString(36).toUpperCase().slice(0, 26).padStart(26, '0');

export const mount: Impl = async (args, _ctx, sys) => {
  if (args.length) return fail(sys.flavor === 'busybox' ? 'mount: permission denied (are you root?)\n' : 'mount: /: permission denied.\n', sys.flavor === 'busybox' ? 1 : 32);
  const c = containerOf(sys);
  if (!c) {
    return ok(
      'sysfs on /sys type sysfs (rw,nosuid,nodev,noexec,relatime)\nproc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\nudev on /dev type devtmpfs (rw,nosuid,relatime,size=1985780k,nr_inodes=496445,mode=755,inode64)\n' +
        'tmpfs on /run type tmpfs (rw,nosuid,nodev,noexec,relatime,size=401344k,mode=755,inode64)\n/dev/sda1 on / type ext4 (rw,relatime,discard,errors=remount-ro,commit=30)\n' +
        'cgroup2 on /sys/fs/cgroup type cgroup2 (rw,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)\n/dev/sda15 on /boot/efi type vfat (rw,relatime,fmask=0077,dmask=0077,codepage=437,iocharset=iso8859-1,shortname=mixed,errors=remount-ro)\n',
    );
  }
  const img = containerImage(sys.engine.state, c);
  const top = cacheId(c.id);
  const lower = [`${top}-init`, ...(img ? chainIds(img.diffIds).reverse().map(cacheId) : [])];
  const d = '/var/lib/docker/overlay2';
  const ro = c.hostConfig.ReadonlyRootfs ? 'ro' : 'rw';
  const bind = (t: string) => `/dev/sda1 on ${t} type ext4 (rw,relatime,discard,errors=remount-ro,commit=30)\n`;
  return ok(
    `overlay on / type overlay (${ro},relatime,lowerdir=${lower.map((l) => `${d}/l/${shortLink(l)}`).join(':')},upperdir=${d}/${top}/diff,workdir=${d}/${top}/work,nouserxattr)\n` +
      'proc on /proc type proc (rw,nosuid,nodev,noexec,relatime)\ntmpfs on /dev type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)\n' +
      'devpts on /dev/pts type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)\nsysfs on /sys type sysfs (ro,nosuid,nodev,noexec,relatime)\n' +
      'cgroup on /sys/fs/cgroup type cgroup2 (ro,nosuid,nodev,noexec,relatime,nsdelegate,memory_recursiveprot)\nmqueue on /dev/mqueue type mqueue (rw,nosuid,nodev,noexec,relatime)\n' +
      'shm on /dev/shm type tmpfs (rw,nosuid,nodev,noexec,relatime,size=65536k,inode64)\n' +
      bind('/etc/resolv.conf') + bind('/etc/hostname') + bind('/etc/hosts') +
      (c.config.Tty ? 'devpts on /dev/console type devpts (rw,nosuid,noexec,relatime,gid=5,mode=620,ptmxmode=666)\n' : '') +
      'proc on /proc/bus type proc (ro,nosuid,nodev,noexec,relatime)\n' +
      'proc on /proc/fs type proc (ro,nosuid,nodev,noexec,relatime)\nproc on /proc/irq type proc (ro,nosuid,nodev,noexec,relatime)\nproc on /proc/sys type proc (ro,nosuid,nodev,noexec,relatime)\n' +
      'proc on /proc/sysrq-trigger type proc (ro,nosuid,nodev,noexec,relatime)\ntmpfs on /proc/acpi type tmpfs (ro,relatime,inode64)\ntmpfs on /proc/kcore type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)\n' +
      'tmpfs on /proc/keys type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)\ntmpfs on /proc/timer_list type tmpfs (rw,nosuid,size=65536k,mode=755,inode64)\n' +
      'tmpfs on /proc/scsi type tmpfs (ro,relatime,inode64)\ntmpfs on /sys/firmware type tmpfs (ro,relatime,inode64)\n',
  );
};

/** " 09:47:12 up 52 min,  0 users,  load average: 0.00, 0.00, 0.00" (a container has no logged-in users). */
export const uptime: Impl = async (args, _ctx, sys) => {
  const now = sys.now();
  const up = Math.floor((now - bootTime(sys.engine)) / 60_000);
  const days = Math.floor(up / 1440);
  const hm = up % 1440;
  const upText = (days ? `${days} day${days > 1 ? 's' : ''}, ` : '') + (hm < 60 ? `${hm} min` : `${Math.floor(hm / 60)}:${pad2(hm % 60)}`);
  if (args[0] === '-p' || args[0] === '--pretty') {
    const parts = [days && `${days} day${days > 1 ? 's' : ''}`, Math.floor(hm / 60) && `${Math.floor(hm / 60)} hour${Math.floor(hm / 60) > 1 ? 's' : ''}`, hm % 60 && `${hm % 60} minute${hm % 60 > 1 ? 's' : ''}`].filter(Boolean);
    return ok(`up ${parts.join(', ')}\n`);
  }
  const users = sys.containerId ? 0 : 1;
  const time = `${hhmm(now)}:${pad2(new Date(now).getUTCSeconds())}`;
  return ok(` ${time} up ${upText},  ${users} user${users === 1 ? '' : 's'},  load average: 0.00, 0.00, 0.00\n`);
};
