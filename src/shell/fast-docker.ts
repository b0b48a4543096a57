// A typed line that is only `docker` and plain words, run by the docker client without just-bash parsing and interpreting it.
import type { Bash, Command, CommandContext, ExecResult } from 'just-bash';
import type { HostFs } from './host-fs';
import { OUTPUT_LIMIT } from './bash-options';

/**
 * `docker` and words that bash takes as they are written, on one line: each word made of plain characters and quoted
 * parts, '…' (no `!`) and "…" (no `$`, backquote or `!`, and a backslash only before a character it does not quote:
 * `"{{.Names}}\t{{.Status}}"` keeps its `\t`), whose quotes bash removes and nothing else; no
 * globs, braces, `~`, redirections, operators, comments, backslashes or history marks outside quotes. bash would split
 * such a line at its blanks and run docker with the words.
 */
const BLANKS = /[ \t]*/y;
// in "…" a backslash before any other character than $ ` " \ or a newline stays, with that character (bash keeps it)
const WORD = /(?:[A-Za-z0-9_./:=,+@%-]+|'[^'!\n\r\0]*'|"(?:[^"$`\\!\n\r\0]|\\[^"$`\\!\n\r\0])*")+/y;
const QUOTED = /'([^']*)'|"([^"]*)"/g;

/** The words after `docker` when `line` is a plain docker command (null: just-bash must read it). */
export function plainDockerArgs(line: string): string[] | null {
  if (line.length > 4096) return null;
  BLANKS.lastIndex = 0;
  BLANKS.test(line);
  let at = BLANKS.lastIndex;
  if (!line.startsWith('docker', at)) return null;
  at += 'docker'.length;
  const words: string[] = [];
  for (;;) {
    BLANKS.lastIndex = at;
    BLANKS.test(line);
    const blank = BLANKS.lastIndex > at;
    at = BLANKS.lastIndex;
    if (at === line.length) return words;
    if (!blank) return null; // a word must follow a blank (`dockerd`, `docker ps|wc`)
    WORD.lastIndex = at;
    const m = WORD.exec(line);
    if (!m) return null;
    at = WORD.lastIndex;
    const w = m[0];
    words.push(w.includes("'") || w.includes('"') ? w.replace(QUOTED, (_q, a: string | undefined, b: string | undefined) => a ?? b ?? '') : w);
  }
}

/** What the docker command did: a result, or the error it threw. */
type Held = { result: ExecResult } | { error: unknown };

/**
 * The docker command as just-bash sees it, able to hand just-bash a result it already made instead of running again
 * (a fast-run line whose outcome just-bash must shape itself: huge output, a thrown error).
 */
export function replayableDocker(docker: Command) {
  let held: Held | null = null;
  const command: Command = {
    name: docker.name,
    trusted: docker.trusted,
    execute: async (args, ctx) => {
      const h = held;
      held = null;
      if (!h) return docker.execute(args, ctx);
      if ('error' in h) throw h.error;
      return h.result;
    },
  };
  return { command, hold: (h: Held) => (held = h) };
}

/**
 * Whether `docker` on this PATH is the docker command, as just-bash's lookup decides it: the first `docker` on PATH that
 * is not a folder, if it is /usr/bin/docker or /bin/docker (the files just-bash writes for its commands); a learner's
 * script earlier on PATH, a relative PATH entry or no docker at all leave the line to just-bash.
 */
async function dockerOnPath(fs: HostFs, env: Record<string, string>): Promise<boolean> {
  for (const dir of (env.PATH ?? '/usr/bin:/bin').split(':')) {
    if (!dir) continue;
    if (!dir.startsWith('/')) return false;
    const path = `${dir}/docker`;
    if (!(await fs.exists(path))) continue;
    const st = await fs.stat(path).catch(() => null);
    if (!st || st.isDirectory) continue;
    if (path === '/usr/bin/docker' || path === '/bin/docker') return true;
    if ((st.mode & 0o111) !== 0) return false;
  }
  return false;
}

/** The variables just-bash passes to a command as its environment: the exported ones (kept in its state across lines). */
function exportedEnv(bash: Bash, env: Record<string, string>): Record<string, string> | null {
  const names = (bash as unknown as { state?: { exportedVars?: Set<string> } }).state?.exportedVars;
  if (!(names instanceof Set)) return null;
  const out: Record<string, string> = Object.create(null);
  for (const n of names) if (env[n] !== undefined) out[n] = env[n];
  return out;
}

/**
 * The filesystem as a command sees it through just-bash, which hands out copies of what it returns (the docker client
 * sorts a directory listing in place; a file's bytes may end up in a container).
 */
function commandFs(fs: HostFs): CommandContext['fs'] {
  const copies: Record<string, unknown> = {
    readdir: async (p: string) => [...(await fs.readdir(p))],
    readFileBuffer: async (p: string) => new Uint8Array(await fs.readFileBuffer(p)),
  };
  // every other method runs on the file system itself (its own fields, such as what the next write stands for)
  return new Proxy(fs, {
    get: (target, key) => {
      if (typeof key === 'string' && key in copies) return copies[key];
      const v = Reflect.get(target, key, target);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
}

/**
 * Run a plain docker line straight through the docker command, as just-bash would run it: same context (cwd, exported
 * environment, empty stdin), same result and variables ($? is set by the session). Returns null when the line is not
 * one (just-bash runs it); `replay` when the command ran but just-bash must shape its outcome (the held result is then
 * returned by the docker command when just-bash runs the line).
 */
export async function runPlainDocker(
  line: string,
  o: { bash: Bash; fs: HostFs; env: Record<string, string>; prev: number; docker: ReturnType<typeof replayableDocker>; inner: Command },
): Promise<{ stdout: string; stderr: string; exitCode: number; env: Record<string, string> } | 'replay' | null> {
  const args = plainDockerArgs(line);
  const { env } = o;
  if (!args || env.PWD === undefined || env.BASH_ALIAS_docker !== undefined) return null;
  const exported = exportedEnv(o.bash, env);
  if (!exported || !(await dockerOnPath(o.fs, env))) return null;
  const ctx = {
    fs: commandFs(o.fs),
    cwd: env.PWD,
    // all shell variables ($? is the previous line's), made only if the command asks
    get env() {
      return new Map([...Object.entries(env), ['?', String(o.prev)]]);
    },
    exportedEnv: exported,
    stdin: '',
  } as unknown as Parameters<Command['execute']>[1];
  let held: Held;
  try {
    held = { result: await o.inner.execute(args, ctx) };
  } catch (error) {
    held = { error };
  }
  // just-bash counts output against its limit (UTF-8 bytes: at most 3 per UTF-16 unit) and words thrown errors itself
  if ('error' in held || (held.result.stdout.length + held.result.stderr.length) * 3 > OUTPUT_LIMIT) {
    o.docker.hold(held);
    return 'replay';
  }
  const r = held.result;
  // the variables are as they were (the session sets $? from the exit code)
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, env };
}
