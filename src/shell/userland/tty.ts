// Which commands of a typed line write straight to the terminal (not into a pipe, a redirect or a $(…)).
import { parseScript } from '../jb-compat';

const REDIRECTS = new Set(['>', '>>', '>|', '&>', '&>>', '>&']);

type Word = { parts?: { type: string; value?: string }[] } | null;
type Node = { type?: string; commands?: Node[]; redirections?: Node[]; operator?: string; fd?: number | null; target?: Word; pipeStderr?: boolean[]; name?: Word };

/** Where a command's stdout and stderr go: true when away from the terminal. */
type Away = { out: boolean; err: boolean };

const literal = (w: Word | undefined) => {
  const parts = w?.parts ?? [];
  return parts.every((p) => p.type === 'Literal') ? parts.map((p) => p.value).join('') : '';
};

/** Apply a node's redirections in order (`2>&1` sends stderr where stdout goes at that point, as bash does). */
function redirect(n: Node, away: Away): Away {
  let { out, err } = away;
  for (const r of n.redirections ?? []) {
    const op = r.operator ?? '';
    if (!REDIRECTS.has(op)) continue;
    if (op === '&>' || op === '&>>') {
      out = err = true;
      continue;
    }
    const fd = r.fd ?? 1;
    const to = op === '>&' ? literal(r.target) : '';
    if (fd === 1) out = to === '2' ? err : true;
    else if (fd === 2) err = to === '1' ? out : true;
  }
  return { out, err };
}

/**
 * just-bash cannot tell a command whether its stdout (or stderr, fd 2) is a tty, so the line is read instead: a
 * command is on the terminal unless it is piped onward, redirected (itself or an enclosing compound) or inside a
 * substitution. Returns a function to call once per invocation: the n-th call for a name answers for its n-th
 * occurrence in the text (`ls; ls | wc -l`), and calls beyond the last occurrence (loops) repeat its answer.
 */
export function terminalCommands(line: string, fd: 1 | 2 = 1): (name: string) => boolean {
  const key = `${fd}\u0000${line}`;
  let seen = lineAnswers.get(key);
  if (seen === undefined) {
    seen = occurrences(line, fd);
    if (lineAnswers.size > 200) lineAnswers.clear();
    lineAnswers.set(key, seen);
  }
  if (!seen) return () => true;
  const answers = seen;
  const calls = new Map<string, number>();
  return (name) => {
    const list = answers.get(name);
    if (!list) return true; // run by a script or alias: assume the terminal
    const n = calls.get(name) ?? 0;
    calls.set(name, n + 1);
    return list[Math.min(n, list.length - 1)];
  };
}

/** Per typed line and stream (lines are often typed again), each command name's occurrences; null: the line does not parse. */
const lineAnswers = new Map<string, Map<string, boolean[]> | null>();

function occurrences(line: string, fd: 1 | 2): Map<string, boolean[]> | null {
  let ast: unknown;
  try {
    ast = parseScript(line);
  } catch {
    return null;
  }
  const seen = new Map<string, boolean[]>();
  const walk = (n: unknown, away: Away) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x, away);
      return;
    }
    const node = n as Node;
    if (node.type === 'CommandSubstitution' || node.type === 'ProcessSubstitution') away = { ...away, out: true };
    if (node.type === 'Pipeline' && node.commands) {
      const last = node.commands.length - 1;
      node.commands.forEach((c, i) => walk(c, { out: away.out || i < last, err: away.err || (i < last && !!node.pipeStderr?.[i]) }));
      return;
    }
    away = redirect(node, away);
    if (node.type === 'SimpleCommand') {
      const name = literal(node.name);
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (base) seen.set(base, [...(seen.get(base) ?? []), !(fd === 2 ? away.err : away.out)]);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'type') walk(v, away);
  };
  walk(ast, { out: false, err: false });
  return seen;
}
