// The shell's `trap` builtin: records handlers and lists them (what a handler does on a signal is the runtime's: traps.ts).
import { defineCommand, type CustomCommand } from 'just-bash';
import type { Flavor } from './sys';

const NAMES = ['EXIT', 'HUP', 'INT', 'QUIT', 'ILL', 'TRAP', 'ABRT', 'BUS', 'FPE', 'KILL', 'USR1', 'SEGV', 'USR2', 'PIPE', 'ALRM', 'TERM', 'STKFLT', 'CHLD', 'CONT', 'STOP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'XCPU', 'XFSZ', 'VTALRM', 'PROF', 'WINCH', 'IO', 'PWR', 'SYS'];

/** The signal number of a trap argument (TERM, SIGTERM, term, 15, EXIT, 0), or null. */
function signalNumber(word: string): number | null {
  if (/^\d+$/.test(word)) return parseInt(word, 10) < NAMES.length ? parseInt(word, 10) : null;
  const i = NAMES.indexOf(word.toUpperCase().replace(/^SIG/, ''));
  return i < 0 ? null : i;
}

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * One handler table per shell: `trap ACTION SIG…` sets (`-` resets), bare `trap` lists them in signal order as bash
 * (`SIGTERM`) or busybox ash (`TERM`) prints them; a bad signal is refused with the shell's wording.
 */
export function trapBuiltin(flavor: () => Flavor): CustomCommand {
  const handlers = new Map<number, string>();
  return defineCommand('trap', async (args) => {
    const words = args[0] === '--' ? args.slice(1) : args.filter((a) => a !== '-p');
    const ash = flavor() === 'busybox';
    const name = (n: number) => (n === 0 || ash ? NAMES[n] : `SIG${NAMES[n]}`);
    if (words.length === 0 || args.includes('-p')) {
      const only = words.map(signalNumber);
      const list = [...handlers.entries()].filter(([n]) => !words.length || only.includes(n)).sort((a, b) => a[0] - b[0]);
      return { stdout: list.map(([n, a]) => `trap -- ${quote(a)} ${name(n)}\n`).join(''), stderr: '', exitCode: 0 };
    }
    // `trap SIG` alone (a number or signal name first) resets it, as `trap - SIG` does
    const [action, ...sigs] = words.length === 1 || (signalNumber(words[0]) !== null && /^\d+$/.test(words[0])) ? ['-', ...words] : words;
    let stderr = '';
    for (const s of sigs) {
      const n = signalNumber(s);
      if (n === null) {
        stderr += ash ? `sh: trap: ${s}: invalid signal specification\n` : `bash: trap: ${s}: invalid signal specification\n`;
        continue;
      }
      if (action === '-') handlers.delete(n);
      else handlers.set(n, action);
    }
    return { stdout: '', stderr, exitCode: stderr ? 1 : 0 };
  });
}
