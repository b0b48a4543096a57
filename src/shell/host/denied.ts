// A learner's file access the host refuses, in bash's and the tools' own words (just-bash words every failure "No such file").
import { Bash, defineCommand, type CustomCommand } from 'just-bash';

/** The command a refused redirection becomes: bash's message, status 1, and the line goes on. */
const DENIED = '__dockerlings_redirect_denied';

export const deniedRedirect: CustomCommand = defineCommand(DENIED, async (args) => ({ stdout: '', stderr: `bash: ${args[0]}: Permission denied\n`, exitCode: 1 }));

interface Part {
  type: string;
  value?: string;
  user?: string | null;
  parts?: Part[];
}
interface Word {
  type: 'Word';
  parts: Part[];
}
interface Redirection {
  operator: string;
  target: Word | { type: string };
}

const resolve = (cwd: string, p: string) => {
  const parts: string[] = [];
  for (const seg of (p.startsWith('/') ? p : `${cwd}/${p}`).split('/')) {
    if (seg === '..') parts.pop();
    else if (seg && seg !== '.') parts.push(seg);
  }
  return '/' + parts.join('/');
};

/** A redirection target's text when it needs no expansion beyond a leading ~ (else null: it is left to run). */
function literal(word: Word, home: string): string | null {
  let out = '';
  for (const p of word.parts) {
    if (p.type === 'Literal' || p.type === 'SingleQuoted' || p.type === 'Escaped') out += p.value ?? '';
    else if (p.type === 'DoubleQuoted' && (p.parts ?? []).every((q) => q.type === 'Literal' || q.type === 'Escaped')) out += (p.parts ?? []).map((q) => q.value ?? '').join('');
    else if (p.type === 'TildeExpansion' && !p.user && out === '') out += home;
    else return null;
  }
  return out;
}

const WRITES = new Set(['>', '>>', '>|', '&>', '&>>']);

/**
 * Parse `line`, let `edit` change the tree, print it back (null when `edit` changed nothing or it does not parse).
 * just-bash's browser bundle exports no parse/serialize: a Bash's transform plugin is handed the tree instead.
 */
let editing: ((ast: unknown) => boolean) | null = null;
let changedTree = false;
let printer: Bash | null = null;
function rewrite(line: string, edit: (ast: unknown) => boolean): string | null {
  printer ??= (() => {
    const b = new Bash({ defenseInDepth: false });
    b.registerTransformPlugin({ name: 'dockerlings-denied-redirects', transform: (ctx) => ((changedTree = !!editing?.(ctx.ast)), { ast: ctx.ast }) });
    return b;
  })();
  editing = edit;
  changedTree = false;
  try {
    const { script } = printer.transform(line);
    return changedTree ? script : null;
  } catch {
    return null;
  } finally {
    editing = null;
  }
}

/**
 * Rewrite `line` so that a command whose redirection the user may not open runs as bash runs it: the redirections
 * before it apply, bash prints "PATH: Permission denied", the status is 1 and the rest of the line carries on.
 * just-bash would let the refused open escape and end the whole line instead. Unchanged when nothing is refused.
 */
export function denyRedirects(line: string, cwd: string, home: string, may: (path: string, write: boolean) => boolean): string {
  if (!/[<>]/.test(line)) return line;
  let changed = false;
  const visit = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(visit);
    if (!n || typeof n !== 'object') return;
    const node = n as Record<string, unknown>;
    if (node.type === 'SimpleCommand') {
      const reds = (node.redirections ?? []) as Redirection[];
      for (let i = 0; i < reds.length; i++) {
        const r = reds[i];
        const write = WRITES.has(r.operator);
        if ((!write && r.operator !== '<') || r.target.type !== 'Word') continue;
        const text = literal(r.target as Word, home);
        if (text === null || text === '' || text.startsWith('/dev/')) continue;
        if (may(resolve(cwd, text), write)) continue;
        node.name = { type: 'Word', parts: [{ type: 'Literal', value: DENIED }] };
        node.args = [{ type: 'Word', parts: [{ type: 'SingleQuoted', value: text }] }];
        node.assignments = [];
        node.redirections = reds.slice(0, i); // `2>/dev/null` before it still hides the message, as in bash
        changed = true;
        return;
      }
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') visit(v);
  };
  return rewrite(line, (ast) => (visit(ast), changed)) ?? line;
}

export interface Denial {
  path: string;
  write: boolean;
}

/** sed -i's temporary file name (mkostemp's six characters), fixed per path so replays agree. */
function sedTemp(path: string): string {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let h = 2166136261;
  let s = '';
  for (let i = 0; i < 6; i++) {
    for (const ch of path + i) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    s += abc[h % abc.length];
  }
  return `${path.replace(/\/[^/]*$/, '') || ''}/sed${s}`;
}

const SAME_WORDS = 'cat|tee|wc|grep|md5sum|sha1sum|sha256sum|nl|tac|cut|uniq|base64|od|xxd|strings|awk';

/**
 * The messages of the tools whose access the host refused (`denials`, logged by the filesystem during the line), in
 * coreutils' words instead of just-bash's "No such file or directory". Other lines stay as they are.
 */
export function deniedText(stderr: string, denials: Denial[], cwd: string, may: (path: string, write: boolean) => boolean): string {
  if (!denials.length || !stderr) return stderr;
  const hit = (typed: string, write?: boolean) => {
    const p = resolve(cwd, typed);
    return denials.find((d) => (write === undefined || d.write === write) && (p === d.path || p.startsWith(d.path + '/')));
  };
  return stderr
    .split('\n')
    .map((l) => {
      let m = new RegExp(`^(${SAME_WORDS}): (.+): No such file or directory$`).exec(l);
      if (m && hit(m[2])) return `${m[1]}: ${m[2]}: Permission denied`;
      m = /^(head|tail): (.+): No such file or directory$/.exec(l);
      if (m && hit(m[2])) return `${m[1]}: cannot open '${m[2]}' for reading: Permission denied`;
      m = /^sed: (.+): No such file or directory$/.exec(l);
      if (m) {
        const d = hit(m[1]);
        if (d?.write) return `sed: couldn't open temporary file ${sedTemp(d.path)}: Permission denied`;
        if (d) return `sed: can't read ${m[1]}: Permission denied`;
      }
      m = /^stat: cannot stat '(.+)': No such file or directory$/.exec(l);
      if (m && hit(m[1])) return `stat: cannot statx '${m[1]}': Permission denied`;
      m = /^chmod: cannot access '(.+)': No such file or directory$/.exec(l);
      if (m) {
        const p = resolve(cwd, m[1]);
        if (hit(m[1]) && !may(p.replace(/\/[^/]*$/, '') || '/', false)) return `chmod: cannot access '${m[1]}': Permission denied`;
        if (hit(m[1], true)) return `chmod: changing permissions of '${m[1]}': Operation not permitted`;
      }
      m = /^cp: cannot copy '(.+)': Permission denied$/.exec(l);
      if (m) {
        const d = denials.find((x) => x.write);
        if (d) return `cp: cannot create regular file '${d.path}': Permission denied`;
      }
      return l;
    })
    .join('\n');
}
