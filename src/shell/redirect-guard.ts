// A redirection into a folder that does not exist (`echo x > /nope/f`, `cat < /nope`) fails as each shell fails it:
// its message, status 2 in dash and 1 in bash and busybox ash, the command not run and the rest of the line going on.
import { defineCommand, type CustomCommand, type IFileSystem, type TransformPlugin } from 'just-bash';

/** How the shell running the script words its errors. `bash-c` is bash running a script (`bash: line 1: …`). */
export type GuardFlavor = 'bash' | 'bash-c' | 'ash' | 'dash';

/** The command each checked redirection becomes a guard for: `NAME FLAVOR SHELL LINE OP TARGET`. Called by its path, which
 *  a container's filesystem shows as an executable (UnionFs.shimmed), as containers have no just-bash command stubs. */
export const CHECK = '__dockerlings_open';
export const CHECK_PATH = `/usr/bin/${CHECK}`;

type Node = { type: string; [k: string]: unknown };
type Redir = { type: 'Redirection'; fd: number | null; operator: string; target: Node; fdVariable?: string };

const WRITES = new Set(['>', '>>', '>|', '&>', '&>>']);
/** Parts a target word may have for the guard to expand it exactly as the redirection will: one word, no side effects. */
const SAFE_PARTS = new Set(['Literal', 'SingleQuoted', 'Escaped', 'TildeExpansion', 'DoubleQuoted']);

const lit = (value: string): Node => ({ type: 'Word', parts: [{ type: 'Literal', value }] });
const single = (value: string): Node => ({ type: 'Word', parts: [{ type: 'SingleQuoted', value }] });

/** A target the guard can check: a write or read of a file named by a word that expands to one path without running anything. */
function checkable(r: Redir): boolean {
  if (!(WRITES.has(r.operator) || r.operator === '<') || r.fdVariable || (r.fd !== null && r.fd > 9)) return false;
  if (r.target.type !== 'Word') return false;
  const parts = (r.target.parts as Node[]) ?? [];
  // `$f` too: a plain expansion assigns nothing (`${f:=x}` would, twice)
  if (!parts.length || !parts.every((p) => SAFE_PARTS.has(p.type) || (p.type === 'ParameterExpansion' && p.operation === null))) return false;
  if (parts.some((p) => p.type === 'Literal' && /[*?[]/.test(String(p.value)))) return false; // a glob
  const json = JSON.stringify(r.target);
  if (/"(CommandSubstitution|ProcessSubstitution|ArithmeticExpansion)"/.test(json)) return false;
  const first = parts[0];
  return !(first.type === 'Literal' && /^\/(dev|proc)\//.test(String(first.value)));
}

/** Wrap every command with a checkable redirection in `{ CHECK … && CHECK … && command; }`. */
function guardPipeline(p: Node, flavor: GuardFlavor, shell: string): void {
  const cmds = p.commands as Node[];
  cmds.forEach((c, i) => {
    walk(c, flavor, shell);
    if (c.type === 'FunctionDef') return;
    const rs = (c.redirections as Redir[] | undefined) ?? [];
    if (!rs.some(checkable)) return;
    if (/"(CommandSubstitution|ProcessSubstitution)"/.test(JSON.stringify(rs))) return; // a target that runs something would run twice
    // `$?` in the command's words would read the guard's status: they read the one from before, kept in a variable
    // (a compound command's body runs its own commands: only its redirections' words are its own)
    const own = c.type === 'SimpleCommand' ? c : rs;
    const keep = /"parameter":"\?"/.test(JSON.stringify(own));
    if (keep) renameStatus(own);
    const line = String(c.line ?? 1);
    const checks: Node[] = [];
    rs.forEach((r, k) => {
      if (!checkable(r)) return;
      const before = rs.slice(0, k).filter((x) => x.operator !== '<<' && x.operator !== '<<-'); // its message goes where the earlier redirections send stderr
      const check = { type: 'SimpleCommand', assignments: [], name: lit(CHECK_PATH), args: [single(flavor), single(shell), lit(line), single(r.operator), single(sourceText(r.target)), structuredClone(r.target)], redirections: structuredClone(before) };
      checks.push({ type: 'Pipeline', commands: [check], negated: false });
    });
    const body = { type: 'Statement', pipelines: [...checks, { type: 'Pipeline', commands: [c], negated: false }], operators: checks.map(() => '&&'), background: false };
    const save = { type: 'Statement', pipelines: [{ type: 'Pipeline', commands: [{ type: 'SimpleCommand', assignments: [{ type: 'Assignment', name: STATUS, value: { type: 'Word', parts: [{ type: 'ParameterExpansion', parameter: '?', operation: null }] }, append: false, array: null }], name: null, args: [], redirections: [] }], negated: false }], operators: [], background: false };
    cmds[i] = { type: 'Group', body: keep ? [save, body] : [body], redirections: [] };
  });
}

/** Where a guarded command that reads `$?` finds the status from before its guard. */
const STATUS = '__dockerlings_status';

function renameStatus(n: unknown): void {
  if (Array.isArray(n)) return n.forEach(renameStatus);
  if (!n || typeof n !== 'object') return;
  const o = n as Node;
  if (o.type === 'CommandSubstitution' || o.type === 'ProcessSubstitution') return; // their commands set `$?` themselves
  if (o.type === 'ParameterExpansion' && o.parameter === '?') o.parameter = STATUS;
  for (const v of Object.values(o)) if (v && typeof v === 'object') renameStatus(v);
}

function statements(list: unknown, flavor: GuardFlavor, shell: string): void {
  if (!Array.isArray(list)) return;
  for (const st of list as Node[]) for (const p of (st.pipelines as Node[]) ?? []) guardPipeline(p, flavor, shell);
}

/** Into the bodies of compound commands (if, loops, case, groups, subshells, function bodies). */
function walk(c: Node, flavor: GuardFlavor, shell: string): void {
  for (const k of ['body', 'elseBody', 'condition']) statements(c[k], flavor, shell);
  for (const cl of (c.clauses as Node[] | undefined) ?? []) {
    statements(cl.condition, flavor, shell);
    statements(cl.body, flavor, shell);
  }
  for (const it of (c.items as Node[] | undefined) ?? []) statements(it.body, flavor, shell);
  if (c.type === 'FunctionDef' && c.body && typeof c.body === 'object' && !Array.isArray(c.body)) walk(c.body as Node, flavor, shell);
}

/** The transform that guards a script's redirections, for a shell of `flavor` called `shell` (`sh`, `/bin/sh`, `bash`). */
export function redirectGuard(flavor: GuardFlavor, shell = flavor === 'ash' || flavor === 'dash' ? 'sh' : 'bash'): TransformPlugin {
  return {
    name: 'dockerlings-redirect-guard',
    transform(ctx) {
      statements(ctx.ast.statements, flavor, shell);
      return { ast: ctx.ast };
    },
  };
}

const dirOf = (p: string) => p.slice(0, p.lastIndexOf('/')) || '/';

/** Why opening `path` fails (a missing folder on the way, or a file where a folder should be), or null when it can be opened. */
async function openFailure(fs: IFileSystem, path: string, write: boolean): Promise<'ENOENT' | 'ENOTDIR' | 'EACCES' | null> {
  let refused = false;
  const st = await fs.stat(write ? dirOf(path) : path).catch((e: { code?: string }) => ((refused = e?.code === 'EACCES'), null));
  if (refused) return 'EACCES'; // a folder on the way the user may not search
  if (st) return !write || st.isDirectory ? null : 'ENOTDIR';
  // the first component on the way that is missing, or is not a folder
  const parts = path.split('/').filter(Boolean);
  let at = '';
  for (let i = 0; i < parts.length - 1; i++) {
    at += '/' + parts[i];
    const s = await fs.stat(at).catch(() => null);
    if (!s) return 'ENOENT';
    if (!s.isDirectory) return 'ENOTDIR';
  }
  return 'ENOENT';
}

export type OpenFailure = 'ENOENT' | 'ENOTDIR' | 'EROFS' | 'EACCES';

/** The shell's message and status for a redirection it could not open (ash and dash word a missing folder their way). */
export function openMessage(flavor: GuardFlavor, shell: string, line: string, typed: string, write: boolean, why: OpenFailure): { text: string; status: number } {
  const kernel = why === 'EROFS' ? 'Read-only file system' : why === 'EACCES' ? 'Permission denied' : null;
  // busybox's redirectsafe returns 1 ("echo >&9; echo result: $?" - result should be 1, not 2), dash's 2
  if (flavor === 'ash') return { text: `${shell}: ${write ? `can't create ${typed}: ${kernel ?? 'nonexistent directory'}` : `can't open ${typed}: ${kernel ?? 'no such file'}`}\n`, status: 1 };
  if (flavor === 'dash') return { text: `${shell}: ${line}: ${write ? `cannot create ${typed}: ${kernel ?? 'Directory nonexistent'}` : `cannot open ${typed}: ${kernel ?? 'No such file'}`}\n`, status: 2 };
  const reason = kernel ?? (why === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory');
  return { text: `${shell}: ${flavor === 'bash-c' ? `line ${line}: ` : ''}${typed}: ${reason}\n`, status: 1 };
}

/** A redirection target as it was typed, for bash's "ambiguous redirect" (`$f`, `/tmp/$name.log`). */
function sourceText(target: Node): string {
  const parts = (target.parts as Node[] | undefined) ?? [];
  return parts.map((p) => (p.type === 'ParameterExpansion' ? `$${String(p.parameter)}` : p.type === 'DoubleQuoted' ? `"${((p.parts as Node[] | undefined) ?? []).map((q) => (q.type === 'ParameterExpansion' ? `$${String(q.parameter)}` : String(q.value ?? ''))).join('')}"` : p.type === 'SingleQuoted' ? `'${String(p.value ?? '')}'` : String(p.value ?? ''))).join('');
}

/** The guard itself: silent with status 0 when the redirection can be opened, else the shell's message and status. */
export const openCheck: CustomCommand = defineCommand(CHECK, async (args, ctx) => {
  const [flavor, shell, line, op, source, typed] = args as [GuardFlavor, string, string, string, string, string];
  if (args.length !== 6) {
    // an unquoted expansion that gives no word, or several: bash refuses it ("ambiguous redirect", status 1)
    if (flavor === 'ash' || flavor === 'dash') return { stdout: '', stderr: '', exitCode: 0 };
    return { stdout: '', stderr: `${shell}: ${flavor === 'bash-c' ? `line ${line}: ` : ''}${source}: ambiguous redirect\n`, exitCode: 1 };
  }
  // an empty file name (`> "$e"`): open("") fails with ENOENT
  if (typed === '') return flavor === 'ash' || flavor === 'dash' ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: openMessage(flavor, shell, line, typed, op !== '<', 'ENOENT').text, exitCode: 1 };
  const path = ctx.fs.resolvePath(ctx.cwd, typed);
  if (/^\/(dev|proc)\//.test(path)) return { stdout: '', stderr: '', exitCode: 0 };
  const write = op !== '<';
  let why: OpenFailure | null = await openFailure(ctx.fs, path, write);
  if (!why && !write) {
    // open it for reading as the redirection will: a file the user may not read refuses
    why = await ctx.fs.readFile(path).then(
      () => null,
      (e: { code?: string }) => (e?.code === 'EACCES' ? 'EACCES' : null),
    );
  }
  if (!why && write && !(await ctx.fs.stat(path).then((st) => st.isDirectory, () => false))) {
    // open it as the redirection will (creating it if new): a read-only mount or a file the user may not write refuses
    why = await ctx.fs.appendFile(path, '').then(
      () => null,
      (e: { code?: string }) => (e?.code === 'EROFS' || e?.code === 'EACCES' || e?.code === 'ENOENT' || e?.code === 'ENOTDIR' ? e.code : null),
    );
  }
  if (!why) return { stdout: '', stderr: '', exitCode: 0 };
  const m = openMessage(flavor, shell, line, typed, write, why);
  return { stdout: '', stderr: m.text, exitCode: m.status };
});
