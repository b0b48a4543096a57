// top: one frame of procps-ng's or busybox's display (a terminal session cannot refresh, so it prints and exits).
import { bootTime, hhmm, MACHINE, ok, pad2, type Impl, type Sys } from './sys';
import { processTable, type Proc } from './procs';
import { meminfo } from './sysinfo';

function upText(sys: Sys): string {
  const up = Math.floor((sys.now() - bootTime(sys.engine)) / 60_000);
  const days = Math.floor(up / 1440);
  const hm = up % 1440;
  return (days ? `${days} day${days > 1 ? 's' : ''}, ` : '') + (hm < 60 ? `${String(hm).padStart(2)} min` : `${Math.floor(hm / 60)}:${pad2(hm % 60)}`);
}

const clock = (t: number) => `${hhmm(t)}:${pad2(new Date(t).getUTCSeconds())}`;
const mib = (kb: number) => (kb / 1024).toFixed(1);

export const top: Impl = async (args, _ctx, sys) => {
  const procs = processTable(sys, args, 'top');
  const self = procs[procs.length - 1];
  if (sys.flavor === 'busybox') Object.assign(self, { vsz: 1612, rss: 1024 });
  const m = meminfo(sys);
  const running = procs.filter((p) => p.stat.startsWith('R')).length;
  const now = sys.now();
  if (sys.flavor === 'busybox') {
    const rows = procs.map((p: Proc) => `${String(p.pid).padStart(5)} ${String(p.ppid).padStart(5)} ${p.user.slice(0, 8).padEnd(8)} ${p.stat[0].padEnd(4)} ${String(p.vsz).padStart(5)}   0%   ${p === self ? 1 : 0}   0% ${p.args}\n`);
    return ok(
      `Mem: ${m.used}K used, ${m.total - m.used}K free, ${m.shared}K shrd, 0K buff, ${m.buffCache}K cached\n` +
        'CPU:   0% usr   0% sys   0% nic 100% idle   0% io   0% irq   0% sirq\n' +
        `Load average: 0.00 0.00 0.00 ${running}/${120 + procs.length} ${self.pid}\n` +
        '  PID  PPID USER     STAT   VSZ %VSZ CPU %CPU COMMAND\n' +
        rows.join(''),
    );
  }
  const n = (v: string | number, w: number) => String(v).padStart(w);
  const rows = procs.map((p) => `${n(p.pid, 7)} ${p.user.slice(0, 8).padEnd(8)}  20   0 ${n(p.vsz, 7)} ${n(p.rss, 6)} ${n(Math.round(p.rss * 0.8), 6)} ${p === self ? 'R' : 'S'}   0.0 ${n(((p.rss / MACHINE.memTotalKb) * 100).toFixed(1), 5)}   0:00.00 ${p.comm}\n`);
  const users = sys.containerId ? 0 : 1;
  return ok(
    `top - ${clock(now)} up ${upText(sys)},  ${users} user${users === 1 ? '' : 's'},  load average: 0.00, 0.00, 0.00\n` +
      `Tasks: ${n(procs.length, 3)} total, ${n(running, 3)} running, ${n(procs.length - running, 3)} sleeping,   0 stopped,   0 zombie\n` +
      '%Cpu(s):  0.0 us,  0.0 sy,  0.0 ni,100.0 id,  0.0 wa,  0.0 hi,  0.0 si,  0.0 st \n' +
      `MiB Mem : ${n(mib(m.total), 8)} total, ${n(mib(m.free), 8)} free, ${n(mib(m.used), 8)} used, ${n(mib(m.buffCache), 8)} buff/cache     \n` +
      `MiB Swap: ${n(mib(MACHINE.swapTotalKb), 8)} total, ${n(mib(MACHINE.swapTotalKb), 8)} free, ${n('0.0', 8)} used. ${n(mib(m.available), 8)} avail Mem \n\n` +
      '    PID USER      PR  NI    VIRT    RES    SHR S  %CPU  %MEM     TIME+ COMMAND\n' +
      rows.join(''),
  );
};
