// The signals a shell script handles by exiting (`trap "exit 0" TERM`): as PID 1 it then ends with 0 on `docker stop`.

const NUMBERED: Record<string, string> = { '1': 'SIGHUP', '2': 'SIGINT', '3': 'SIGQUIT', '10': 'SIGUSR1', '12': 'SIGUSR2', '15': 'SIGTERM' };

/** A signal as `trap` names it (TERM, SIGTERM, term, 15) → SIGTERM; EXIT/0 and unknown names → null. */
function signalName(word: string): string | null {
  if (NUMBERED[word]) return NUMBERED[word];
  const up = word.toUpperCase().replace(/^SIG/, '');
  return /^(HUP|INT|QUIT|TERM|USR1|USR2|WINCH|ALRM|CHLD|CONT|PIPE)$/.test(up) ? `SIG${up}` : null;
}

/** Whether running `action` ends the shell with status 0: `exit`, `exit 0`, or a function of the script that does. */
function exitsCleanly(action: string, script: string): boolean {
  const ends = (body: string) => /(^|[;&|{}\s])exit(\s+0)?\s*($|[;&|}\n])/.test(body);
  if (ends(action)) return true;
  const fn = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(action)?.[1];
  if (!fn) return false;
  const def = new RegExp(`(?:^|[;\\n\\s])(?:function\\s+)?${fn}\\s*\\(\\)\\s*\\{([^}]*)\\}`).exec(script);
  return !!def && ends(def[1]);
}

/**
 * The signals `script` sets an exiting handler for. A read of the script's text, not of its run: a trap set in a
 * branch that never runs still counts. A handler that does not exit (`trap 'echo bye' TERM`) leaves the loop running.
 */
export function exitTraps(script: string): string[] {
  const out = new Set<string>();
  const trap = /(?:^|[;&|\n(]|\bthen|\bdo|\belse)\s*trap\s+(?:--\s+)?(?:'([^']*)'|"([^"]*)"|([^\s;&|'"]+))((?:[ \t]+[A-Za-z0-9]+)+)/g;
  for (const m of script.matchAll(trap)) {
    const action = m[1] ?? m[2] ?? m[3] ?? '';
    if (!exitsCleanly(action, script)) continue;
    for (const w of m[4].trim().split(/\s+/)) {
      const sig = signalName(w);
      if (sig) out.add(sig);
    }
  }
  return [...out];
}
