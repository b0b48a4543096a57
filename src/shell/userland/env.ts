// env / printenv: the process environment in the order the process has it (no shell-internal variables).
import { lookup, realPath, type FileTable } from '../../engine/index';
import { containerOf, fail, ok, type Ctx, type Impl, type Sys } from './sys';

/** Variables a shell keeps for itself; they are not in a child's environment. */
const INTERNAL = /^(\?|#|@|\*|\$|!|-|_|\d+|IFS|OSTYPE|MACHTYPE|HOSTTYPE|OPTIND|OPTERR|SHELLOPTS|BASHOPTS|BASH.*|PPID|UID|EUID|GROUPS|PS[1-4]|HISTFILE|HISTSIZE|HISTFILESIZE|COLUMNS|LINES|RANDOM|SECONDS|LINENO|PIPESTATUS|FUNCNAME|DIRSTACK|SHLVL)$/;

/**
 * The environment as `env` prints it. An interactive bash lists its variables in its hash order
 * (HOSTNAME, PWD, HOME, TERM, SHLVL, PATH, then `_`); busybox ash in its own; a process started by
 * docker has moby's order: PATH, HOSTNAME, TERM, the image's and -e variables, HOME last.
 */
/** The process environment as docker hands it over: PATH, HOSTNAME, TERM, the image's and -e variables, HOME last. */
const MOBY = ['PATH', 'HOSTNAME', 'TERM', '*', 'HOME'];

/**
 * ash's (and dash's) variable table: 39 buckets by a hash of the name, listed bucket by bucket. Within a bucket the
 * built-in PATH comes first, then the variables in the order the shell set them: the environment it was given
 * (moby's order), then SHLVL (busybox only), PWD, and what the script exported.
 */
function ashOrder(vars: [string, string][], busybox: boolean): [string, string][] {
  const hash = (k: string) => [...k].reduce((h, ch) => h + ch.charCodeAt(0), k.charCodeAt(0) << 4) % 39;
  // the process's environment ends with HOME (runc adds it last); what follows it the shell or the script set
  const given = vars.findIndex(([k]) => k === 'HOME');
  const all: [string, string][] = busybox && !vars.some(([k]) => k === 'SHLVL') ? [...vars, ['SHLVL', '1']] : vars;
  const set = (k: string, i: number) =>
    k === 'PATH' ? -1 : k === 'SHLVL' ? 1e6 : k === 'PWD' ? 1e6 + 1 : i <= given ? MOBY.indexOf(MOBY.includes(k) ? k : '*') : 1e6 + 2 + i;
  const indexed = all.map((v, i) => ({ v, i, at: set(v[0], i) }));
  return indexed.sort((a, b) => hash(a.v[0]) - hash(b.v[0]) || a.at - b.at || a.i - b.i).map((x) => x.v);
}

/** Debian's and Ubuntu's sh is dash (CentOS's is bash). */
const hasDash = (stack: FileTable[]) => lookup(stack, realPath(stack, '/bin/dash')) !== undefined;

function environment(ctx: Ctx, sys: Sys, self: string): [string, string][] {
  const vars = [...ctx.env.entries()].filter(([k]) => !INTERNAL.test(k) && !(k === 'OLDPWD' && ctx.env.get('OLDPWD') === ctx.env.get('PWD')));
  const c = containerOf(sys);
  const shell = sys.containerId !== null && !sys.process?.argv;
  const rank = (order: string[]) => (k: string) => (order.includes(k) ? order.indexOf(k) : order.indexOf('*'));
  const sortBy = (order: string[]) => vars.map((v, i) => ({ v, i })).sort((a, b) => rank(order)(a.v[0]) - rank(order)(b.v[0]) || a.i - b.i).map((x) => x.v);
  if (!c) return [...vars, ['SHLVL', '1'], ['_', self]];
  const argv0 = sys.process?.argv?.[0] ?? '';
  const sh = argv0.slice(argv0.lastIndexOf('/') + 1);
  // busybox ash (interactive, or `sh -c` as the process) and dash (Debian's sh) list their variable table
  if (sys.flavor === 'busybox' && (shell || /^(sh|ash)$/.test(sh))) return ashOrder(vars, true);
  if (sys.flavor === 'gnu' && (sh === 'dash' || (sh === 'sh' && sys.fs && hasDash([sys.fs.upper, ...sys.fs.lower])))) return ashOrder(vars, false);
  if (!shell) return sortBy(MOBY).filter(([k]) => k !== 'PWD' || ctx.env.get('PWD') !== (c.config.WorkingDir || '/'));
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
