// Goals written by a page (`<p data-goal="container-running web">`) are checked against the vocabulary before use.
import { CHECKS } from './checks';

/** Why a check string cannot be evaluated (unknown name, too few arguments), or null when it can. */
export function checkProblem(check: string): string | null {
  const [name, ...args] = check.trim().split(/\s+/).filter(Boolean);
  const c = name ? CHECKS[name] : undefined;
  if (!c) return `unknown check "${name ?? ''}"`;
  const need = c.args.split(/\s+/).filter((a) => a && !a.startsWith('[')).length;
  return args.length < need ? `"${name}" needs ${c.args}` : null;
}
