// What a start checks before runc runs: the executable (runc's PATH search, through the mounts), the program an
// entrypoint script execs, the user and group the container's /etc/passwd and /etc/group must know; and what a
// failed start leaves in the container's state.
import type { Container, EngineState } from '../state';
import { findContainer } from '../lookup';
import { touch } from '../indexes';
import { isProgram } from './programs';
import { viewNode, type HostNodes } from '../storage';
import { lookPath, programOf } from './lookpath';

/**
 * Resolve the executable the way runc does (a path with '/' as is, else search $PATH), through the container's
 * mounts; returns the real path. `host`: the bind-mounted nodes the client read (without it, binds are trusted).
 */
export function resolveExecutable(s: EngineState, c: Container, exe: string, host?: HostNodes): string | null {
  const r = lookPath(s, c, exe, host);
  return 'path' in r ? r.path : null;
}


/**
 * Entrypoint scripts (docker-entrypoint.sh, httpd-foreground …) end in `exec`: the main process becomes the
 * program they exec. Returns that known program, or null when the script must really run in the runtime.
 */
export function execTarget(s: EngineState, c: Container, path: string, host?: HostNodes): string | null {
  const node = viewNode(s, c, path, host ?? {}, 'exec');
  if (node?.type !== 'file' || !node.content.startsWith('#!')) return null;
  const execs = [...node.content.matchAll(/^\s*exec\s+("\$@"|[\w./-]+)/gm)].map((x) => x[1]);
  const last = execs[execs.length - 1];
  if (!last) return null;
  // `exec "$@"` runs the first argument when it is a command (`docker run node bash`), else what the script prepends
  const first = c.args[0];
  const isCommand = !!first && !first.startsWith('-') && resolveExecutable(s, c, first, host) !== null;
  const word = last === '"$@"' ? (isCommand ? first : (/\bset -- ([\w.-]+)/.exec(node.content)?.[1] ?? first)) : last;
  if (!word) return null;
  const exe = resolveExecutable(s, c, word, host);
  const prog = exe ? programOf(s, c, exe, word, host) : null;
  return prog && isProgram(prog) ? prog : null;
}

/** A user or group name the container's /etc/passwd or /etc/group lacks (numeric IDs need no entry), as moby's
 *  getUser reports it (vendor/github.com/moby/sys/user/user.go:341-357 and the group lookup after it, v27.5.1). */
export function unknownUser(s: EngineState, c: Container, user: string, host?: HostNodes): string | null {
  if (!user) return null;
  const [u, g] = user.split(':');
  const rows = (path: string) => {
    const n = viewNode(s, c, path, host ?? {}, 'exec');
    return (n?.type === 'file' ? n.content : '').split('\n').map((l) => l.split(':')[0]);
  };
  if (u && !/^\d+$/.test(u) && !rows('/etc/passwd').includes(u)) return `unable to find user ${u}: no matching entries in passwd file`;
  if (g && !/^\d+$/.test(g) && !rows('/etc/group').includes(g)) return `unable to find group ${g}: no matching entries in group file`;
  return null;
}

/** A start that failed: the daemon keeps the error and an exit status from its text (moby v27.5.1 daemon/start.go:98-106,
 *  daemon/errors.go:131-174 setExitCodeFromError): 126 permission denied, 127 command not found, else 128. */
export function recordStartError(s: EngineState, ref: string, message: string) {
  const c = findContainer(s, ref);
  if (c.state.status !== 'created' && c.state.status !== 'exited') return;
  const m = message.toLowerCase();
  const code = m.includes('permission denied') || m.includes('is a directory') ? 126 : m.includes('not a directory') || m.includes('executable file not found') || m.includes('no such file or directory') ? 127 : 128;
  c.state = { ...c.state, exitCode: code, error: message };
  touch(c.id);
}
