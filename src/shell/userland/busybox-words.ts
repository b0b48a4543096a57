// Busybox applets' own error wording over just-bash's GNU-worded built-ins (cat, tail, rm, mkdir, rmdir).
import type { ExecResult } from 'just-bash';
import { ok, type Ctx, type Impl } from './sys';

type Reword = (stderr: string, args: string[], ctx: Ctx) => Promise<string>;

const isDir = async (ctx: Ctx, path: string) => {
  try {
    return (await ctx.fs.stat(ctx.fs.resolvePath(ctx.cwd, path))).isDirectory;
  } catch {
    return false;
  }
};

/** busybox's bb_perror_msg forms, from GNU's "prog: FILE: reason" and "cannot …" lines. */
const REWORD: Record<string, Reword> = {
  // cat.c: "can't open 'FILE'" (bb_perror_msg of open_or_warn); reading a directory fails with "read error"
  cat: async (stderr, _args, ctx) => {
    const lines = await Promise.all(
      stderr.split('\n').map(async (l) => {
        const m = /^cat: (.+): (No such file or directory|Permission denied|Is a directory)$/.exec(l);
        if (!m) return l;
        if (m[2] === 'Is a directory' || (await isDir(ctx, m[1]))) return 'cat: read error: Is a directory';
        return `cat: can't open '${m[1]}': ${m[2]}`;
      }),
    );
    return lines.join('\n');
  },
  // tail.c: each missing file is "can't open", and with none opened "no files"
  tail: async (stderr, args) => {
    const out = stderr.replace(/^tail: (?:cannot open '(.+)' for reading|(.+)): (No such file or directory|Permission denied)$/gm, (_m, a: string | undefined, b: string | undefined, why: string) => `tail: can't open '${a ?? b}': ${why}`);
    const files = args.filter((a, i) => (!a.startsWith('-') || a === '-') && !/^-[nc]$/.test(args[i - 1] ?? ''));
    const failed = (out.match(/^tail: can't open /gm) ?? []).length;
    return files.length && failed === files.length ? `${out}tail: no files\n` : out;
  },
  rm: async (stderr) => stderr.replace(/^rm: cannot remove /gm, "rm: can't remove "),
  mkdir: async (stderr) => stderr.replace(/^mkdir: cannot create directory /gm, "mkdir: can't create directory "),
  rmdir: async (stderr) => stderr.replace(/^rmdir: failed to remove ('.*'): /gm, 'rmdir: $1: '),
};

/** The applets whose wording differs; each runs just-bash's own command and rewords its errors as busybox prints them. */
export const BUSYBOX_WORDED: Record<string, Impl> = Object.fromEntries(
  Object.entries(REWORD).map(([name, reword]): [string, Impl] => [
    name,
    async (args, ctx, sys) => {
      if (!ctx.origCommand) return ok();
      const r: ExecResult = await ctx.origCommand(args);
      if (sys.flavor !== 'busybox' || !r.stderr) return r;
      return { ...r, stderr: await reword(r.stderr, args, ctx) };
    },
  ]),
);
