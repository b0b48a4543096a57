// Tab completion for the host prompt: commands, docker subcommands and flags, container/image names, paths.
import type { IFileSystem } from 'just-bash';
import type { Engine } from '../engine/index';
import { COMMANDS } from '../cli/registry';
import type { CommandDef } from '../cli/command';
import { parseRef, tagsOf } from '../engine/index';

export interface CompleteEnv {
  engine: Engine;
  fs: IFileSystem;
  cwd: string;
  commands: string[];
}

const CONTAINER_ARGS = new Set(['rm', 'stop', 'start', 'logs', 'kill', 'restart', 'inspect', 'exec', 'attach', 'pause', 'unpause', 'top', 'port', 'diff', 'commit', 'rename', 'wait', 'stats', 'cp', 'export', 'update']);
const IMAGE_ARGS = new Set(['run', 'create', 'rmi', 'tag', 'history', 'push', 'save', 'pull']);

function subcommandsOf(words: string[]): { def?: CommandDef; list: CommandDef[] } {
  let list = COMMANDS;
  let def: CommandDef | undefined;
  for (const w of words) {
    if (w.startsWith('-')) continue;
    const hit = list.find((c) => c.name === w || c.aliases?.includes(w));
    if (!hit) break;
    def = hit;
    list = hit.subcommands ?? [];
  }
  return { def, list };
}

async function paths(env: CompleteEnv, word: string): Promise<string[]> {
  const slash = word.lastIndexOf('/');
  const dir = slash >= 0 ? word.slice(0, slash + 1) : '';
  const base = env.fs.resolvePath(env.cwd, dir || '.');
  try {
    const names = await env.fs.readdir(base);
    const out: string[] = [];
    for (const n of names) {
      if (!n.startsWith(word.slice(slash + 1))) continue;
      const st = await env.fs.stat(env.fs.resolvePath(base, n));
      out.push(dir + n + (st.isDirectory ? '/' : ''));
    }
    return out;
  } catch {
    return [];
  }
}

/** Candidates for the word ending at `cursor`, and where that word starts. */
export async function completeLine(line: string, cursor: number, env: CompleteEnv): Promise<{ from: number; candidates: string[] }> {
  const head = line.slice(0, cursor);
  const from = Math.max(head.lastIndexOf(' '), head.lastIndexOf('|'), head.lastIndexOf(';')) + 1;
  const word = head.slice(from);
  const before = head.slice(0, from).split(/\s+/).filter(Boolean);
  const segStart = Math.max(before.lastIndexOf('|'), before.lastIndexOf(';'), before.lastIndexOf('&&')) + 1;
  const words = before.slice(segStart);
  const pick = (xs: Iterable<string>) => [...new Set(xs)].filter((x) => x.startsWith(word)).sort();
  if (words.length === 0) return { from, candidates: pick(env.commands) };
  if (words[0] !== 'docker') return { from, candidates: await paths(env, word) };
  const { def, list } = subcommandsOf(words.slice(1));
  if (word.startsWith('-')) {
    const flags = (def?.flags ?? []).filter((f) => !f.hidden).flatMap((f) => ['--' + f.name]);
    return { from, candidates: pick(flags) };
  }
  if (list.length) return { from, candidates: pick(list.filter((c) => !c.hidden).flatMap((c) => [c.name])) };
  const s = env.engine.state;
  const name = def?.name ?? '';
  const imageGroup = words[1] === 'image';
  if (CONTAINER_ARGS.has(name) && !imageGroup) return { from, candidates: pick(Object.values(s.containers).map((c) => c.name)) };
  if (IMAGE_ARGS.has(name) || imageGroup) {
    const refs = Object.values(s.images).flatMap((i) => tagsOf(s, i.id).map((t) => parseRef(t).familiarString));
    return { from, candidates: pick(refs) };
  }
  return { from, candidates: await paths(env, word) };
}
