// readlink and realpath (GNU coreutils 9.4, busybox 1.36): a link's target, or a name made canonical by following every
// symbolic link in it, one component at a time as the kernel does (/bin/sh → /usr/bin/dash on a merged-/usr system).
import { fail, gnuBadOption, ok, parseFlags, type Ctx, type Impl } from './sys';

/** How much of the name must exist: all of it (-e), all but its last component (-f, realpath's default), none (-m). */
type Need = 'e' | 'f' | 'm';

/** `path` made absolute with every symbolic link in it followed, or the error that stops it. */
export async function canonical(ctx: Ctx, path: string, need: Need): Promise<{ path: string } | { error: string }> {
  let rest = ctx.fs.resolvePath(ctx.cwd, path).split('/');
  let out = '';
  let hops = 0;
  while (rest.length) {
    const name = rest.shift()!;
    if (name === '' || name === '.') continue;
    if (name === '..') {
      out = out.slice(0, out.lastIndexOf('/'));
      continue;
    }
    const cur = `${out}/${name}`;
    const more = rest.some((x) => x !== '' && x !== '.');
    let st: Awaited<ReturnType<Ctx['fs']['lstat']>>;
    try {
      st = await ctx.fs.lstat(cur);
    } catch {
      if (need === 'm' || (need === 'f' && !more)) {
        out = cur;
        continue;
      }
      return { error: 'No such file or directory' };
    }
    if (st.isSymbolicLink) {
      if (++hops > 40) return { error: 'Too many levels of symbolic links' };
      const target = await ctx.fs.readlink(cur);
      if (target.startsWith('/')) out = '';
      rest = [...target.split('/'), ...rest];
      continue;
    }
    if (!st.isDirectory && more && need !== 'm') return { error: 'Not a directory' };
    out = cur;
  }
  return { path: out || '/' };
}

const end = (z: boolean, n: boolean) => (z ? '\0' : n ? '' : '\n');

export const readlink: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const f = bb ? parseFlags(args, 'fnvsq') : parseFlags(args, 'femnqsvz', { canonicalize: 'f', 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', 'no-newline': 'n', quiet: 'q', silent: 's', verbose: 'v', zero: 'z' });
  if (f.bad) return fail(bb ? `readlink: unrecognized option: ${f.bad.option}\nBusyBox v1.36.1 multi-call binary.\n\nUsage: readlink [-fnv] FILE\n` : gnuBadOption('readlink', f.bad));
  if (!f.operands.length) return fail(bb ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: readlink [-fnv] FILE\n' : "readlink: missing operand\nTry 'readlink --help' for more information.\n");
  const need: Need | null = f.set.has('e') ? 'e' : f.set.has('m') ? 'm' : f.set.has('f') ? 'f' : null;
  // -n is ignored (with a warning) when there are several names: their ends would run together
  const several = f.operands.length > 1;
  let stderr = several && f.set.has('n') && !bb ? 'readlink: ignoring --no-newline with multiple arguments\n' : '';
  const sep = end(f.set.has('z'), f.set.has('n') && !several);
  let stdout = '';
  let code = 0;
  for (const op of f.operands) {
    if (need) {
      const r = await canonical(ctx, op, need);
      if ('path' in r) stdout += r.path + sep;
      else {
        code = 1;
        if (f.set.has('v')) stderr += `readlink: ${op}: ${r.error}\n`;
      }
      continue;
    }
    try {
      stdout += (await ctx.fs.readlink(ctx.fs.resolvePath(ctx.cwd, op))) + sep;
    } catch (e) {
      code = 1;
      if (f.set.has('v')) stderr += `readlink: ${op}: ${/ENOENT/.test(String(e)) ? 'No such file or directory' : 'Invalid argument'}\n`;
    }
  }
  return { stdout, stderr, exitCode: code };
};

export const realpath: Impl = async (args, ctx, sys) => {
  const bb = sys.flavor === 'busybox';
  const f = bb ? parseFlags(args, '') : parseFlags(args, 'emqsz', { 'canonicalize-existing': 'e', 'canonicalize-missing': 'm', quiet: 'q', zero: 'z' });
  if (f.bad) return fail(bb ? `realpath: unrecognized option: ${f.bad.option}\nBusyBox v1.36.1 multi-call binary.\n\nUsage: realpath FILE...\n` : gnuBadOption('realpath', f.bad));
  if (!f.operands.length) return fail(bb ? 'BusyBox v1.36.1 multi-call binary.\n\nUsage: realpath FILE...\n' : "realpath: missing operand\nTry 'realpath --help' for more information.\n");
  const need: Need = f.set.has('e') ? 'e' : f.set.has('m') ? 'm' : 'f';
  let stdout = '';
  let stderr = '';
  let code = 0;
  for (const op of f.operands) {
    const r = await canonical(ctx, op, bb ? 'e' : need);
    if ('path' in r) stdout += r.path + end(f.set.has('z'), false);
    else {
      code = 1;
      if (!f.set.has('q')) stderr += `realpath: ${op}: ${r.error}\n`;
    }
  }
  return code ? { stdout, stderr, exitCode: code } : ok(stdout);
};
