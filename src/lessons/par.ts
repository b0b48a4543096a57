// A puzzle's score: how many docker commands the learner typed since it started. Looking is free: commands that only
// show something (ps, ls, inspect, logs, port, images, history, diff, --help …) do not count; failed ones do.

/** docker subcommands (and `<group> <sub>` pairs) that only read the state. */
const LOOKS = new Set([
  'ps', 'images', 'inspect', 'logs', 'port', 'history', 'diff', 'top', 'stats', 'version', 'info', 'search', 'events', 'help',
  'container ls', 'container ps', 'container list', 'container inspect', 'container logs', 'container port', 'container diff', 'container top', 'container stats',
  'image ls', 'image list', 'image inspect', 'image history',
  'network ls', 'network list', 'network inspect',
  'volume ls', 'volume list', 'volume inspect',
  'system df', 'system info', 'system events',
  'compose ps', 'compose ls', 'compose logs', 'compose config', 'compose images', 'compose top', 'compose port',
]);

/** The docker commands in one typed line (split at `;`, `&&`, `||`, `|`; quotes are not looked into), as word lists. */
function dockerCommands(line: string): string[][] {
  return line
    .split(/&&|\|\||[;|\n]/)
    .map((part) => part.trim().split(/\s+/).filter(Boolean))
    .map((w) => (w[0] === 'sudo' ? w.slice(1) : w))
    .filter((w) => w[0] === 'docker');
}

/** Does this docker command (words after `docker`) count towards the par? */
function counts(words: string[]): boolean {
  if (words.includes('--help') || words.includes('-h')) return false;
  const args = words.filter((w) => !w.startsWith('-'));
  if (!args.length) return false;
  return !LOOKS.has(args[0]) && !LOOKS.has(`${args[0]} ${args[1] ?? ''}`);
}

/** How many counting docker commands these typed lines hold. */
export function commandCount(lines: string[]): number {
  return lines.reduce((n, line) => n + dockerCommands(line).filter((w) => counts(w.slice(1))).length, 0);
}
