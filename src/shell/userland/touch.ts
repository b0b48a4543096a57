// touch (coreutils, busybox): create files and set times from the simulated clock, not the browser's.
import { fail, gnuBadOption, ok, parseFlags, type Impl } from './sys';

/** `-t [[CC]YY]MMDDhhmm[.ss]` in UTC. */
function stamp(t: string, now: number): number | null {
  const m = /^(\d{2}(?:\d{2})?)?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(t);
  if (!m) return null;
  const year = m[1] === undefined ? new Date(now).getUTCFullYear() : m[1].length === 2 ? 2000 + parseInt(m[1], 10) - (parseInt(m[1], 10) >= 69 ? 100 : 0) : parseInt(m[1], 10);
  return Date.UTC(year, parseInt(m[2], 10) - 1, parseInt(m[3], 10), parseInt(m[4], 10), parseInt(m[5], 10), parseInt(m[6] ?? '0', 10));
}

export const touch: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const f = parseFlags(args, 'acmd:t:r:h', { 'no-create': 'c', date: 'd', reference: 'r', 'no-dereference': 'h' });
  if (f.bad) return fail(bb ? `touch: unrecognized option: ${f.bad.option}\n` : gnuBadOption('touch', f.bad));
  if (!f.operands.length) return fail(bb ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: touch [-c] [-d DATE] [-t DATE] [-r FILE] FILE...\n' : "touch: missing file operand\nTry 'touch --help' for more information.\n");
  let when = sys.now();
  if (f.values.has('d')) {
    const d = Date.parse(f.values.get('d')!);
    if (Number.isNaN(d)) return fail(bb ? `touch: invalid date '${f.values.get('d')}'\n` : `touch: invalid date format '${f.values.get('d')}'\n`);
    when = d;
  }
  if (f.values.has('t')) {
    const t = stamp(f.values.get('t')!, when);
    if (t === null) return fail(`touch: invalid date format '${f.values.get('t')}'\n`);
    when = t;
  }
  if (f.values.has('r')) {
    const ref = f.values.get('r')!;
    try {
      when = (await ctx.fs.stat(ctx.fs.resolvePath(ctx.cwd, ref))).mtime.getTime();
    } catch {
      return fail(bb ? `touch: ${ref}: No such file or directory\n` : `touch: failed to get attributes of '${ref}': No such file or directory\n`);
    }
  }
  let stderr = '';
  for (const op of f.operands) {
    const path = ctx.fs.resolvePath(ctx.cwd, op);
    try {
      if (!(await ctx.fs.exists(path))) {
        if (f.set.has('c')) continue;
        const dir = path.slice(0, path.lastIndexOf('/')) || '/';
        if (!(await ctx.fs.exists(dir))) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        await ctx.fs.writeFile(path, '');
      }
      const d = new Date(when);
      await ctx.fs.utimes(path, d, d);
    } catch (e) {
      const why = /EROFS|Read-only/.test(String(e)) ? 'Read-only file system' : (e as { code?: string }).code === 'EACCES' ? 'Permission denied' : /EISDIR/.test(String(e)) ? 'Is a directory' : 'No such file or directory';
      stderr += bb ? `touch: ${op}: ${why}\n` : `touch: cannot touch '${op}': ${why}\n`;
    }
  }
  return stderr ? fail(stderr) : ok();
};
