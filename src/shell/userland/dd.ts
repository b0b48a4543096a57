// dd (coreutils, busybox): copies count×bs bytes from /dev/zero, /dev/urandom or a file to a file or /dev/null, takes
// simulated time (a --device-write-bps/--device-read-bps throttle slows direct I/O, as the cgroup's io.max does) and
// reports its records and rate in each tool's own words.
import { containerOf, fail, type Impl } from './sys';
import { runsOn } from '../lang/common';

/** Bytes a second into the page cache, and from a file (no throttle: buffered I/O). */
const CACHE_RATE = 1.45e9;
/** Fixed cost of a run, so that times read like measured ones. */
const OVERHEAD_S = 0.000_231;
/** Past this size a written file is a stand-in: its apparent size is the bytes dd wrote, its content a marker. */
const REAL_BYTES = 1 << 20;

const MULT: Record<string, number> = { c: 1, w: 2, b: 512, kB: 1e3, K: 1024, k: 1024, MB: 1e6, M: 1 << 20, GB: 1e9, G: 1 << 30, KiB: 1024, MiB: 1 << 20, GiB: 1 << 30 };

/** `1M`, `4k`, `512`, `1MB` → bytes (null when it is not a size). */
function size(v: string): number | null {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(v);
  if (!m) return null;
  const mult = m[2] ? MULT[m[2]] : 1;
  return mult === undefined ? null : parseInt(m[1], 10) * mult;
}

/** coreutils' human_readable with autoscale, rounding to nearest: one decimal under 10 units (`1.4 GB`, `10 MiB`). */
function human(n: number, base: 1000 | 1024): string {
  const units = base === 1000 ? ['B', 'kB', 'MB', 'GB', 'TB'] : ['B', 'KiB', 'MiB', 'GiB', 'TiB'];
  let i = 0;
  let v = n;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  if (i === 0) return `${Math.round(v)} ${units[0]}`;
  const shown = v < 10 ? v.toFixed(1) : String(Math.round(v));
  return shown === '10.0' ? `10 ${units[i]}` : `${shown} ${units[i]}`;
}

/** busybox's make_human_readable_str(n, 1, 0): 1024-based, one decimal (`10.0M`, `879.8M`). */
function bbHuman(n: number): string {
  const units = ['', 'K', 'M', 'G', 'T'];
  let i = 0;
  let v = n;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? String(Math.round(v)) : `${v.toFixed(1)}${units[i]}`;
}

/** printf's %g: six significant digits, no trailing zeros. */
const g = (x: number) => String(Number(x.toPrecision(6)));

/** The rate a cgroup throttle allows for `dir` on the container's devices (the smallest, as io.max applies per device). */
function throttle(sys: Parameters<Impl>[2], dir: 'read' | 'write'): number | null {
  const hc = containerOf(sys)?.hostConfig;
  const list = (dir === 'write' ? hc?.BlkioDeviceWriteBps : hc?.BlkioDeviceReadBps) ?? [];
  return list.length ? Math.min(...list.map((d) => d.Rate)) : null;
}

export const dd: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const op: Record<string, string> = {};
  for (const a of args) {
    const i = a.indexOf('=');
    if (i < 0) return fail(bb ? `dd: invalid argument '${a}'\n` : `dd: unrecognized operand '${a}'\nTry 'dd --help' for more information.\n`);
    op[a.slice(0, i)] = a.slice(i + 1);
  }
  const bs = size(op.bs ?? op.obs ?? op.ibs ?? '512');
  if (bs === null || bs === 0) return fail(bb ? `dd: invalid number '${op.bs}'\n` : `dd: invalid number: '${op.bs}'\n`);
  const count = op.count === undefined ? null : size(op.count);
  if (op.count !== undefined && count === null) return fail(bb ? `dd: invalid number '${op.count}'\n` : `dd: invalid number: '${op.count}'\n`);
  const flags = (k: string) => (op[k] ?? '').split(',');
  const direct = flags('oflag').includes('direct') || flags('oflag').includes('dsync') || flags('conv').includes('fsync');
  // the input: an endless device, or a file read whole
  const input = op.if ?? '/dev/stdin';
  let available: number;
  let data: string | null = null;
  if (input === '/dev/zero' || input === '/dev/urandom' || input === '/dev/random') available = Infinity;
  else if (input === '/dev/stdin') {
    data = String(ctx.stdin ?? '');
    available = data.length;
  } else {
    const path = ctx.fs.resolvePath(ctx.cwd, input);
    try {
      data = await ctx.fs.readFile(path);
    } catch {
      return fail(bb ? `dd: can't open '${input}': No such file or directory\n` : `dd: failed to open '${input}': No such file or directory\n`);
    }
    available = (await ctx.fs.stat(path)).size;
  }
  if (available === Infinity && count === null) return runsOn(ctx, sys, '', ''); // an endless copy: it runs until stopped
  const wanted = count === null ? available : Math.min(available, count * bs);
  const full = Math.floor(wanted / bs);
  const partial = wanted % bs ? 1 : 0;
  // the output
  const output = op.of;
  if (output && output !== '/dev/null') {
    const path = ctx.fs.resolvePath(ctx.cwd, output);
    const content = data !== null ? data.slice(0, wanted) : input === '/dev/zero' ? '\0'.repeat(Math.min(wanted, REAL_BYTES)) : Array.from({ length: Math.min(wanted, REAL_BYTES) }, (_, i) => String.fromCharCode((i * 2654435761) >>> 24)).join('');
    try {
      const fs = ctx.fs as typeof ctx.fs & { writeSized?: (p: string, c: string, mode: number, size: number) => Promise<void>; setApparentSize?: (p: string, size: number) => void };
      if (wanted > REAL_BYTES && fs.writeSized) await fs.writeSized(path, content, 0o644, wanted);
      else {
        await fs.writeFile(path, content);
        if (wanted > REAL_BYTES) fs.setApparentSize?.(path, wanted);
      }
    } catch (e) {
      const why = /EROFS|Read-only/.test(String(e)) ? 'Read-only file system' : /EACCES/.test(String(e)) ? 'Permission denied' : /EISDIR/.test(String(e)) ? 'Is a directory' : 'No such file or directory';
      return fail(bb ? `dd: can't open '${output}': ${why}\n` : `dd: failed to open '${output}': ${why}\n`);
    }
  }
  const out = output === undefined ? (data ?? '\0'.repeat(Math.min(wanted, REAL_BYTES))).slice(0, wanted) : '';
  // the time it takes: a throttle limits direct writes (and direct reads of a file); the rest goes through the cache
  const wRate = direct ? throttle(sys, 'write') : null;
  const rRate = flags('iflag').includes('direct') && data !== null ? throttle(sys, 'read') : null;
  const seconds = OVERHEAD_S + wanted / Math.min(wRate ?? CACHE_RATE, rRate ?? CACHE_RATE, CACHE_RATE);
  if (ctx.sleep && seconds >= 0.001) await ctx.sleep(Math.round(seconds * 1000));
  if (op.status === 'none') return { stdout: out, stderr: '', exitCode: 0 };
  const records = `${full}+${partial} records in\n${full}+${partial} records out\n`;
  if (bb) return { stdout: out, stderr: `${records}${wanted} bytes (${bbHuman(wanted)}B) copied, ${seconds.toFixed(6)} seconds, ${bbHuman(wanted / seconds)}B/s\n`, exitCode: 0 };
  const si = human(wanted, 1000);
  const iec = human(wanted, 1024);
  const sizes = wanted < 1000 ? '' : wanted < 1024 ? ` (${si})` : ` (${si}, ${iec})`;
  return { stdout: out, stderr: `${records}${wanted} bytes${sizes} copied, ${g(seconds)} s, ${human(wanted / seconds, 1000)}/s\n`, exitCode: 0 };
};
