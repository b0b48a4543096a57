// Shell functions outlive the line that defined them, as in an interactive bash: a definition the line runs (not one in
// a subshell, a pipeline or a child shell such as `bash -c`) is kept in the shell, and `unset -f` forgets it again.
import { defineCommand, type Bash, type CustomCommand, type TransformPlugin } from 'just-bash';

/** The command a kept definition is followed by (hidden from /usr/bin listings like just-bash's other stubs). */
export const KEEP = '__dockerlings_fn';

type Node = { type: string; [k: string]: unknown };
type FnTable = Map<string, unknown>;

/** The functions a Bash instance hands to every line it runs (just-bash copies this map for each exec). */
export function functionTable(bash: Bash): FnTable {
  return (bash as unknown as { state: { functions: FnTable } }).state.functions;
}

const word = (value: string): Node => ({ type: 'Word', parts: [{ type: 'SingleQuoted', value }] });
const call = (args: Node[]): Node => ({ type: 'SimpleCommand', assignments: [], name: { type: 'Word', parts: [{ type: 'Literal', value: KEEP }] }, args, redirections: [] });
const stmt = (c: Node): Node => ({ type: 'Statement', pipelines: [{ type: 'Pipeline', commands: [c], negated: false }], operators: [], background: false });
const group = (body: Node[]): Node => ({ type: 'Group', body, redirections: [] });

export interface FunctionKeeper {
  plugin: TransformPlugin;
  command: CustomCommand;
  /** The kept functions, for a checkpoint. */
  entries(): [string, unknown][];
  /** Put kept functions back (a session rebuilt from a checkpoint). */
  load(entries: [string, unknown][]): void;
  /** A new line: definitions the last one did not run are dropped. */
  reset(): void;
}

/**
 * Keep the functions `bash` defines; `nested()` says a child shell is running (its definitions end with it). Where child
 * shells cannot be told apart (a container's), `topOnly` follows only the line's own script, not what it evaluates.
 */
export function functionKeeper(shell: () => Bash, nested: () => boolean, topOnly = false): FunctionKeeper {
  const pending = new Map<number, Node>();
  let next = 0;
  let transformed = false;

  const visit = (list: unknown): void => {
    if (!Array.isArray(list)) return;
    for (const st of list as Node[]) {
      for (const p of (st.pipelines as Node[]) ?? []) {
        const cmds = p.commands as Node[];
        if (cmds.length !== 1) continue; // each part of a pipeline runs in a subshell
        const c = cmds[0];
        if (c.type === 'FunctionDef') {
          // a definition inside a function body runs when the function is called: it is not followed here
          const id = next++;
          pending.set(id, c);
          cmds[0] = group([stmt(c), stmt(call([word('def'), word(String(id))]))]);
        } else if (c.type === 'SimpleCommand' && JSON.stringify(c.name) === JSON.stringify({ type: 'Word', parts: [{ type: 'Literal', value: 'unset' }] })) {
          cmds[0] = group([stmt(call([word('unset'), ...structuredClone((c.args as Node[]) ?? [])])), stmt(c)]);
        } else if (c.type !== 'Subshell') {
          for (const k of ['body', 'elseBody', 'condition']) visit(c[k]);
          for (const cl of (c.clauses as Node[] | undefined) ?? []) {
            visit(cl.condition);
            visit(cl.body);
          }
          for (const it of (c.items as Node[] | undefined) ?? []) visit(it.body);
        }
      }
    }
  };

  const plugin: TransformPlugin = {
    name: 'dockerlings-keep-functions',
    transform(ctx) {
      if (!topOnly || !transformed) visit(ctx.ast.statements);
      transformed = true;
      return { ast: ctx.ast };
    },
  };

  const command = defineCommand(KEEP, async (args) => {
    const done = { stdout: '', stderr: '', exitCode: 0 };
    if (nested()) return done;
    const table = functionTable(shell());
    if (args[0] === 'def') {
      const node = pending.get(Number(args[1]));
      pending.delete(Number(args[1]));
      if (node) table.set(String(node.name), { ...node, sourceFile: 'main' });
      return done;
    }
    // before `unset`: -f names are functions; a bare name goes as a variable and as a function (just-bash's unset
    // removes both in the line itself, so the next lines agree with it; bash would spare the function of a set variable)
    let mode: 'f' | 'v' | '' = '';
    for (const a of args.slice(1)) {
      if (a === '-f' || a === '-v') mode = a === '-f' ? 'f' : 'v';
      else if (mode !== 'v') table.delete(a);
    }
    return done;
  });

  return {
    plugin,
    command,
    entries: () => structuredClone([...functionTable(shell())]),
    reset: () => {
      pending.clear();
      transformed = false;
    },
    load(entries) {
      const table = functionTable(shell());
      table.clear();
      for (const [k, v] of entries) table.set(k, structuredClone(v));
    },
  };
}
