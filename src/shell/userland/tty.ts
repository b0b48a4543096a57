// Which commands of a typed line write straight to the terminal (not into a pipe, a redirect or a $(…)).
import { parseScript } from '../jb-compat';

const REDIRECTS_STDOUT = new Set(['>', '>>', '>|', '&>', '&>>', '>&']);

type Node = { type?: string; commands?: Node[]; redirections?: Node[]; operator?: string; fd?: number | null; name?: { parts?: { type: string; value?: string }[] } | null };

const redirectsStdout = (n: Node) => (n.redirections ?? []).some((r) => REDIRECTS_STDOUT.has(r.operator ?? '') && (r.fd === null || r.fd === undefined || r.fd === 1));

/**
 * just-bash cannot tell a command whether its stdout is a tty, so the line is read instead: a command is on the
 * terminal unless it is piped onward, redirected (itself or an enclosing compound) or inside a substitution.
 * Returns a function to call once per invocation: the n-th call for a name answers for its n-th occurrence in
 * the text (`ls; ls | wc -l`), and calls beyond the last occurrence (loops) repeat its answer.
 */
export function terminalCommands(line: string): (name: string) => boolean {
  let seen = lineAnswers.get(line);
  if (!seen) {
    seen = occurrences(line);
    if (lineAnswers.size > 200) lineAnswers.clear();
    lineAnswers.set(line, seen);
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

/** Per typed line (lines are often typed again), each command name's occurrences; null: the line does not parse. */
const lineAnswers = new Map<string, Map<string, boolean[]> | null>();

function occurrences(line: string): Map<string, boolean[]> | null {
  let ast: unknown;
  try {
    ast = parseScript(line);
  } catch {
    return null;
  }
  const seen = new Map<string, boolean[]>();
  const walk = (n: unknown, away: boolean) => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x, away);
      return;
    }
    const node = n as Node;
    if (node.type === 'CommandSubstitution' || node.type === 'ProcessSubstitution') away = true;
    if (node.type === 'Pipeline' && node.commands) {
      node.commands.forEach((c, i) => walk(c, away || i < node.commands!.length - 1));
      return;
    }
    if (redirectsStdout(node)) away = true;
    if (node.type === 'SimpleCommand') {
      const parts = node.name?.parts ?? [];
      const name = parts.every((p) => p.type === 'Literal') ? parts.map((p) => p.value).join('') : '';
      const base = name.slice(name.lastIndexOf('/') + 1);
      if (base) seen.set(base, [...(seen.get(base) ?? []), !away]);
    }
    for (const [k, v] of Object.entries(node)) if (k !== 'type') walk(v, away);
  };
  walk(ast, false);
  return seen;
}
