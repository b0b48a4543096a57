// A just-bash transform: each command's output goes to the process's stdout/stderr as it finishes (timed logs),
// while pipes, command substitutions and the script's own redirections keep working.
import type { TransformPlugin } from 'just-bash';

/** The device paths the runtime's filesystem turns into the process's output streams. */
export const STDOUT_DEV = '/proc/1/fd/1';
export const STDERR_DEV = '/proc/1/fd/2';

type Node = { type: string; [k: string]: unknown };
type Redir = { type: 'Redirection'; fd: number | null; operator: string; target: unknown };

const redirect = (fd: 1 | 2): Redir => ({ type: 'Redirection', fd, operator: '>>', target: { type: 'Word', parts: [{ type: 'Literal', value: fd === 1 ? STDOUT_DEV : STDERR_DEV }] } });

/** Does the command send its stdout somewhere itself (`> f`, `&> f`, `>&2`)? */
function redirectsStdout(rs: Redir[]): boolean {
  return rs.some((r) => ((r.fd === null || r.fd === 1) && ['>', '>>', '>|', '>&', '&>', '&>>', '<>'].includes(r.operator)) || r.operator === '&>' || r.operator === '&>>');
}

const BODIES = ['body', 'elseBody', 'condition'];

function statements(list: unknown): void {
  if (!Array.isArray(list)) return;
  for (const st of list as Node[]) {
    for (const p of (st.pipelines as Node[]) ?? []) pipeline(p);
  }
}

function pipeline(p: Node): void {
  const cmds = p.commands as Node[];
  const pipeErr = (p.pipeStderr as boolean[] | undefined) ?? [];
  cmds.forEach((c, i) => {
    const last = i === cmds.length - 1;
    const rs = (c.redirections as Redir[] | undefined) ?? [];
    if (c.type === 'FunctionDef') return; // its body runs where it is called; the call site is redirected
    if (c.type === 'SimpleCommand') {
      // prepended, so the command's own redirections (2>&1, > file) still take effect after ours
      const add: Redir[] = [];
      if (last) add.push(redirect(1));
      if (!pipeErr[i]) add.push(redirect(2));
      c.redirections = [...add, ...rs];
      return;
    }
    if (cmds.length === 1 && !redirectsStdout(rs)) {
      // a lone compound command: its inner commands write as they run (a loop's lines keep their times)
      for (const k of BODIES) statements(c[k]);
      for (const cl of (c.clauses as Node[] | undefined) ?? []) {
        statements(cl.condition);
        statements(cl.body);
      }
      for (const it of (c.items as Node[] | undefined) ?? []) statements(it.body);
      return;
    }
    const add: Redir[] = [];
    if (last && !redirectsStdout(rs)) add.push(redirect(1));
    if (!pipeErr[i]) add.push(redirect(2));
    c.redirections = [...add, ...rs];
  });
}

/** Registered on the runtime's Bash: rewrites the script before it runs. */
export const streamPlugin: TransformPlugin = {
  name: 'dockerlings-streams',
  transform(ctx) {
    statements(ctx.ast.statements);
    return { ast: ctx.ast };
  },
};
