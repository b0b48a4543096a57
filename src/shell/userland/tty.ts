// Whether a typed line's output goes straight to the terminal (no pipe, redirect or command substitution).
import { parse } from 'just-bash';

const REDIRECTS_STDOUT = new Set(['>', '>>', '>|', '&>', '&>>', '>&']);

/**
 * just-bash cannot tell a command whether its stdout is a tty, so the line is judged as a whole: programs that
 * format for terminals (ls columns, apt's "... Done") do so only when nothing in the line captures output.
 */
export function stdoutIsTerminal(line: string): boolean {
  let ast: unknown;
  try {
    ast = parse(line);
  } catch {
    return true;
  }
  let terminal = true;
  const walk = (n: unknown) => {
    if (!terminal || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      for (const x of n) walk(x);
      return;
    }
    const node = n as { type?: string; commands?: unknown[]; operator?: string; fd?: number | null };
    if (node.type === 'Pipeline' && (node.commands?.length ?? 0) > 1) terminal = false;
    else if (node.type === 'CommandSubstitution' || node.type === 'ProcessSubstitution') terminal = false;
    else if (node.type === 'Redirection' && REDIRECTS_STDOUT.has(node.operator ?? '') && (node.fd === null || node.fd === undefined || node.fd === 1)) terminal = false;
    for (const v of Object.values(node)) walk(v);
  };
  walk(ast);
  return terminal;
}
