// ps: procps-ng formats (default, -f, -e, aux, -o) and busybox's single format, over the simulated process table.
import { fail, hhmm, MACHINE, monthName, ok, pad2, readFileOr, type Impl, type Sys } from './sys';
import { processTable, type Proc } from './procs';

const USAGE = `
Usage:
 ps [options]

 Try 'ps --help <simple|list|output|threads|misc|all>'
  or 'ps --help <s|l|o|t|m|a>'
 for additional help text.

For more details see ps(1).
`;

interface Col {
  key: string;
  head: string;
  width: number;
  left?: boolean;
  /** Last column: printed in full (or cut at the terminal width). */
  rest?: boolean;
  get: (p: Proc, now: number) => string;
}

const dur = (s: number) => `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
const bsdTime = (s: number) => `${Math.floor(s / 60)}:${pad2(s % 60)}`;
/** START/STIME: HH:MM today, MmmDD within a year, else the year. */
const startOf = (p: Proc, now: number) => {
  const d = new Date(p.start);
  if (now - p.start < 24 * 3600_000) return hhmm(p.start);
  if (now - p.start < 365 * 24 * 3600_000) return `${monthName(d)}${pad2(d.getUTCDate())}`;
  return String(d.getUTCFullYear());
};
const userName = (u: string) => (u.length > 8 ? u.slice(0, 7) + '+' : u);

function columns(pidW: number): Record<string, Col> {
  const num = (key: string, head: string, width: number, get: Col['get']): Col => ({ key, head, width, get });
  return {
    pid: num('pid', 'PID', pidW, (p) => String(p.pid)),
    ppid: num('ppid', 'PPID', pidW, (p) => String(p.ppid)),
    user: { key: 'user', head: 'USER', width: 8, left: true, get: (p) => userName(p.user) },
    uid: { key: 'uid', head: 'UID', width: 8, left: true, get: (p) => userName(p.user) },
    uidn: num('uidn', 'UID', 5, (p) => String(p.uid)),
    c: num('c', 'C', 2, () => '0'),
    pcpu: num('pcpu', '%CPU', 4, () => '0.0'),
    pmem: num('pmem', '%MEM', 4, (p) => (Math.floor((p.rss * 1000) / MACHINE.memTotalKb) / 10).toFixed(1)), // procps truncates
    vsz: num('vsz', 'VSZ', 6, (p) => String(p.vsz)),
    rss: num('rss', 'RSS', 5, (p) => String(p.rss)),
    tty: { key: 'tty', head: 'TTY', width: 8, left: true, get: (p) => p.tty },
    tt: { key: 'tt', head: 'TT', width: 8, left: true, get: (p) => p.tty },
    stat: { key: 'stat', head: 'STAT', width: 4, left: true, get: (p) => p.stat },
    s: { key: 's', head: 'S', width: 1, left: true, get: (p) => p.stat[0] },
    start: num('start', 'START', 5, startOf),
    stime: num('stime', 'STIME', 5, startOf),
    time: num('time', 'TIME', 8, (p) => dur(p.cpuSeconds)),
    bsdtime: num('bsdtime', 'TIME', 6, (p) => bsdTime(p.cpuSeconds)),
    etime: num('etime', 'ELAPSED', 11, (p, now) => {
      const s = Math.max(0, Math.floor((now - p.start) / 1000));
      return s >= 3600 ? dur(s) : `${pad2(Math.floor(s / 60))}:${pad2(s % 60)}`;
    }),
    ni: num('ni', 'NI', 3, () => '0'),
    comm: { key: 'comm', head: 'COMMAND', width: 15, left: true, rest: true, get: (p) => (p.kernel ? p.comm : p.comm.slice(0, 15)) },
    cmd: { key: 'cmd', head: 'CMD', width: 27, left: true, rest: true, get: (p) => p.args },
    args: { key: 'args', head: 'COMMAND', width: 27, left: true, rest: true, get: (p) => p.args },
  };
}

const ALIASES: Record<string, string> = { command: 'args', cmd: 'cmd', ucmd: 'comm', ucomm: 'comm', euser: 'user', '%cpu': 'pcpu', '%mem': 'pmem', cputime: 'time', state: 's', tname: 'tty', lstart: 'start', rsz: 'rss', vsize: 'vsz', nice: 'ni' };

/** procps lays columns out with one space between them; a value wider than its column pushes the rest and is caught up later. */
function render(cols: Col[], rows: Proc[], now: number, headers: boolean, cut: number | null): string {
  const line = (cells: string[]) => {
    let out = '';
    let debt = 0;
    cells.forEach((v, i) => {
      const c = cols[i];
      if (i) out += ' ';
      if (c.rest && i === cols.length - 1) {
        out += v;
        return;
      }
      const room = c.width - v.length;
      const pad = ' '.repeat(Math.max(0, room - debt));
      debt = Math.max(0, debt - Math.max(0, room)) + Math.max(0, -room);
      out += c.left ? v + pad : pad + v;
    });
    out = out.replace(/\s+$/, '');
    return (cut !== null ? out.slice(0, cut) : out) + '\n';
  };
  return (headers ? line(cols.map((c) => (c.left ? c.head : c.head))) : '') + rows.map((p) => line(cols.map((c) => c.get(p, now)))).join('');
}

async function procpsPidWidth(sys: Sys, fs: Parameters<Impl>[1]['fs']): Promise<number> {
  // procps-ng sizes PID columns from pid_max (4194304 on the host); CentOS 7's procps-ng 3.3.10 always uses 5
  return /^ID="?centos"?$/m.test((await readFileOr(fs, '/etc/os-release')) ?? '') && sys.containerId ? 5 : 7;
}

export const ps: Impl = async (args, ctx, sys) => {
  const all = processTable(sys, args);
  const now = sys.now();
  const cut = sys.tty() ? 80 : null;
  if (sys.flavor === 'busybox') {
    const oi = args.indexOf('-o');
    if (oi >= 0 && args[oi + 1]) {
      const bbCols: Record<string, [string, (p: Proc) => string, number]> = {
        pid: ['PID', (p) => String(p.pid), 5], ppid: ['PPID', (p) => String(p.ppid), 5], user: ['USER', (p) => p.user, -8],
        comm: ['COMMAND', (p) => p.comm, -16], args: ['COMMAND', (p) => p.args, 0], time: ['TIME', (p) => bsdTime(p.cpuSeconds), 6],
        vsz: ['VSZ', (p) => String(p.vsz), 4], rss: ['RSS', (p) => String(p.rss), 4], tty: ['TT', (p) => p.tty, -6], stat: ['STAT', (p) => p.stat, -4],
      };
      const keys = args[oi + 1].split(',').map((k) => k.split('=')[0]);
      const bad = keys.find((k) => !bbCols[k]);
      if (bad) return fail(`ps: bad -o argument '${bad}', supported arguments: user,group,comm,args,pid,ppid,pgid,tty,vsz,sid,stat,rss\n`);
      // busybox left-aligns every title (`PID   COMMAND`) and right-aligns numeric values under it
      const fmt = (vals: string[], title = false) => vals.map((v, i) => { const w = bbCols[keys[i]][2]; return i === vals.length - 1 ? v : w < 0 || title ? v.padEnd(Math.abs(w)) : v.padStart(w); }).join(' ').replace(/\s+$/, '') + '\n';
      return ok(fmt(keys.map((k) => bbCols[k][0]), true) + all.map((p) => fmt(keys.map((k) => bbCols[k][1](p)))).join(''));
    }
    const rows = all.map((p) => `${String(p.pid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${bsdTime(p.cpuSeconds).padStart(5)} ${p.args}`);
    return ok(['PID   USER     TIME  COMMAND', ...rows].map((l) => (cut !== null ? l.slice(0, cut) : l) + '\n').join(''));
  }
  const cols = columns(await procpsPidWidth(sys, ctx.fs));
  let every = false;
  let full = false;
  let bsdU = false;
  let bsdX = false;
  let bsdA = false;
  let wide = false;
  let custom: Col[] | null = null;
  let noHeaders = false;
  const pids: number[] = [];
  const setFormat = (spec: string | undefined): string | null => {
    if (!spec) return `error: improper list\n${USAGE}`;
    custom = [];
    for (const item of spec.split(/[,\s]+/).filter(Boolean)) {
      const [k, head] = item.split(/=(.*)/s, 2);
      const col = cols[ALIASES[k.toLowerCase()] ?? k.toLowerCase()];
      if (!col) return `error: unknown user-defined format specifier "${k}"\n${USAGE}`;
      custom.push(head !== undefined ? { ...col, head } : col);
    }
    return null;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--no-headers' || a === '--no-heading') noHeaders = true;
    else if (a === '--format' || a.startsWith('--format=')) {
      const err = setFormat(a === '--format' ? args[++i] : a.slice(9));
      if (err) return fail(err);
    } else if (a === '--pid') pids.push(...(args[++i] ?? '').split(',').map(Number));
    else if (/^\d+$/.test(a)) pids.push(parseInt(a, 10));
    else if (/^-[a-zA-Z]/.test(a) && !/^-[aux]+$/.test(a)) {
      // SysV options; -o and -p take the rest of the word or the next argument
      for (let j = 1; j < a.length; j++) {
        const ch = a[j];
        if (ch === 'o' || ch === 'O') {
          const err = setFormat(a.slice(j + 1) || args[++i]);
          if (err) return fail(err);
          break;
        }
        if (ch === 'p') {
          pids.push(...(a.slice(j + 1) || args[++i] || '').split(',').map(Number));
          break;
        }
        if (ch === 'e' || ch === 'A') every = true;
        else if (ch === 'f' || ch === 'F') full = true;
        else if (ch === 'w') wide = true;
        else if (!'lHjc'.includes(ch)) return fail(`error: unsupported SysV option\n${USAGE}`);
      }
    } else if (/^-?[auxwo]+$/.test(a)) {
      // BSD options (procps accepts the bogus `ps -aux` too); `o` takes a format like -o
      for (const ch of a.replace(/^-/, '')) {
        if (ch === 'a') bsdA = true;
        if (ch === 'u') bsdU = true;
        if (ch === 'x') bsdX = true;
        if (ch === 'w') wide = true;
        if (ch === 'o') {
          const err = setFormat(args[++i]);
          if (err) return fail(err);
        }
      }
    } else return fail(a.startsWith('-') ? `error: unsupported SysV option\n${USAGE}` : `error: unsupported option (BSD syntax)\n${USAGE}`);
  }
  const self = all[all.length - 1];
  let rows: Proc[];
  if (pids.length) rows = all.filter((p) => pids.includes(p.pid));
  else if (every || (bsdA && bsdX)) rows = all;
  else if (bsdA) rows = all.filter((p) => p.tty !== '?');
  else if (bsdX) rows = all.filter((p) => p.uid === self.uid);
  else if (bsdU) rows = all.filter((p) => p.uid === self.uid && p.tty !== '?');
  else rows = all.filter((p) => p.tty === self.tty && p.uid === self.uid);
  const bsd = bsdU || bsdX || bsdA;
  const layout: Col[] =
    custom ??
    (bsdU
      ? [cols.user, cols.pid, cols.pcpu, cols.pmem, cols.vsz, cols.rss, { ...cols.tty, head: 'TTY' }, cols.stat, cols.start, cols.bsdtime, cols.args]
      : bsd
        ? [cols.pid, cols.tty, cols.stat, cols.bsdtime, cols.args]
        : full
          ? [cols.uid, cols.pid, cols.ppid, cols.c, cols.stime, cols.tty, cols.time, cols.cmd]
          : [cols.pid, cols.tty, cols.time, { ...cols.comm, head: 'CMD' }]);
  const last = layout[layout.length - 1];
  const widthCut = wide || !last.rest ? null : cut;
  const out = render(layout, rows, now, !noHeaders, widthCut);
  return { stdout: out, stderr: '', exitCode: rows.length ? 0 : 1 };
};
