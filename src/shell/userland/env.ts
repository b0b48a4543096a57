// env / printenv: the process environment in the order the process has it (no shell-internal variables).
import { containerOf, fail, ok, type Ctx, type Impl, type Sys } from './sys';

/** Variables a shell keeps for itself; they are not in a child's environment. */
const INTERNAL = /^(\?|#|@|\*|\$|!|-|_|\d+|IFS|OSTYPE|MACHTYPE|HOSTTYPE|OPTIND|OPTERR|SHELLOPTS|BASHOPTS|BASH.*|PPID|UID|EUID|GROUPS|PS[1-4]|HISTFILE|HISTSIZE|HISTFILESIZE|COLUMNS|LINES|RANDOM|SECONDS|LINENO|PIPESTATUS|FUNCNAME|DIRSTACK|SHLVL)$/;

/**
 * The environment as `env` prints it. An interactive bash lists its variables in its hash order
 * (HOSTNAME, PWD, HOME, TERM, SHLVL, PATH, then `_`); busybox ash in its own; a process started by
 * docker has moby's order: PATH, HOSTNAME, TERM, the image's and -e variables, HOME last.
 */
function environment(ctx: Ctx, sys: Sys, self: string): [string, string][] {
  const vars = [...ctx.env.entries()].filter(([k]) => !INTERNAL.test(k) && !(k === 'OLDPWD' && ctx.env.get('OLDPWD') === ctx.env.get('PWD')));
  const c = containerOf(sys);
  const shell = sys.containerId !== null && !sys.process?.argv;
  const rank = (order: string[]) => (k: string) => (order.includes(k) ? order.indexOf(k) : order.indexOf('*'));
  const sortBy = (order: string[]) => vars.map((v, i) => ({ v, i })).sort((a, b) => rank(order)(a.v[0]) - rank(order)(b.v[0]) || a.i - b.i).map((x) => x.v);
  if (!c) return [...vars, ['SHLVL', '1'], ['_', self]];
  if (!shell) return sortBy(['PATH', 'HOSTNAME', 'TERM', '*', 'HOME']).filter(([k]) => k !== 'PWD' || ctx.env.get('PWD') !== (c.config.WorkingDir || '/'));
  if (sys.flavor === 'busybox') {
    const bb = sortBy(['HOSTNAME', 'HOME', 'TERM', 'PATH', 'PWD', '*']);
    bb.splice(bb.findIndex(([k]) => k === 'HOSTNAME') + 1, 0, ['SHLVL', '1']);
    return bb;
  }
  const ordered = sortBy(['HOSTNAME', 'PWD', 'HOME', 'TERM', 'SHLVL', 'PATH', '*']);
  const i = ordered.findIndex(([k]) => k === 'PATH');
  ordered.splice(i < 0 ? ordered.length : i, 0, ['SHLVL', '1']);
  return [...ordered, ['_', self]];
}

export const env: Impl = async (args, ctx, sys) => {
  const assignments = args.filter((a) => /^[A-Za-z_][A-Za-z0-9_]*=/.test(a));
  // running a program (`env FOO=1 cmd`, `env -i …`) is the built-in's job
  if (assignments.length !== args.length) {
    if (ctx.origCommand) return ctx.origCommand(args);
    return fail(`env: '${args.find((a) => !assignments.includes(a))}': No such file or directory\n`, 127);
  }
  const list = environment(ctx, sys, '/usr/bin/env');
  for (const a of assignments) {
    const k = a.slice(0, a.indexOf('='));
    const i = list.findIndex(([x]) => x === k);
    if (i >= 0) list[i] = [k, a.slice(k.length + 1)];
    else list.push([k, a.slice(k.length + 1)]);
  }
  return ok(list.filter(([k]) => sys.flavor !== 'busybox' || k !== '_').map(([k, v]) => `${k}=${v}\n`).join(''));
};

export const printenv: Impl = async (args, ctx, sys) => {
  const list = environment(ctx, sys, '/usr/bin/printenv').filter(([k]) => sys.flavor !== 'busybox' || k !== '_');
  if (!args.length) return ok(list.map(([k, v]) => `${k}=${v}\n`).join(''));
  const found = args.map((a) => list.find(([k]) => k === a));
  return { stdout: found.filter(Boolean).map((f) => `${f![1]}\n`).join(''), stderr: '', exitCode: found.every(Boolean) ? 0 : 1 };
};
