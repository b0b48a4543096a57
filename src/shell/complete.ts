// Tab completion for the host prompt: commands, docker subcommands and flags, and what each docker command declares
// its arguments and flag values complete to (CommandDef.completeArgs, FlagDef.complete), or host paths.
import type { IFileSystem } from 'just-bash';
import type { Engine } from '../engine/index';
import { COMMANDS } from '../cli/registry';
import type { CommandDef } from '../cli/command';
import type { Completion, FlagDef } from '../cli/flags';
import { parseRef, tagsOf, allContainers } from '../engine/index';

export interface CompleteEnv {
  engine: Engine;
  fs: IFileSystem;
  cwd: string;
  commands: string[];
}

/** The command the words name (`docker network rm` → rm), the words after it, and its subcommands when it is a group. */
function commandOf(words: string[]): { def?: CommandDef; rest: string[]; list: CommandDef[] } {
  let list = COMMANDS;
  let def: CommandDef | undefined;
  let i = 0;
  for (; i < words.length; i++) {
    const w = words[i];
    if (w.startsWith('-')) continue;
    const hit = list.find((c) => c.name === w || c.aliases?.includes(w));
    if (!hit) break;
    def = hit;
    list = hit.subcommands ?? hit.pluginCommands ?? []; // docker compose's own commands complete like a group's
    if (!list.length) {
      i++;
      break;
    }
  }
  return { def, rest: words.slice(i), list };
}

/** Where the word being typed stands: the value of a flag, or the n-th positional argument (pflag's rules). */
function slotOf(def: CommandDef, rest: string[]): { flag: FlagDef } | { arg: number } {
  const flags = def.flags ?? [];
  const takesValue = (w: string): FlagDef | undefined => {
    if (w.includes('=')) return undefined;
    const f = w.startsWith('--') ? flags.find((d) => d.name === w.slice(2)) : w.length === 2 ? flags.find((d) => d.short === w[1]) : undefined;
    return f && f.type !== 'bool' ? f : undefined;
  };
  let arg = 0;
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i];
    if (w.startsWith('-') && w.length > 1 && !(def.interspersed === false && arg > 0)) {
      const f = takesValue(w);
      if (f && i === rest.length - 1) return { flag: f };
      if (f) i++;
      continue;
    }
    arg++;
  }
  return { arg };
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

/** The names a completion stands for, from the engine's state (or the host's files). */
async function candidatesFor(c: Completion, env: CompleteEnv, word: string): Promise<string[]> {
  const s = env.engine.state;
  const images = () => Object.values(s.images).flatMap((i) => tagsOf(s, i.id).map((t) => parseRef(t).familiarString));
  const containers = () => allContainers(s).map((x) => x.name);
  const networks = () => Object.values(s.networks).map((n) => n.name);
  const volumes = () => Object.keys(s.volumes);
  if (typeof c !== 'string') return [...c];
  switch (c) {
    case 'containers':
      return containers();
    case 'images':
      return images();
    case 'networks':
      return networks();
    case 'volumes':
      return volumes();
    case 'objects':
      return [...containers(), ...images(), ...networks(), ...volumes()];
    case 'files':
      return paths(env, word);
    default:
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
  const { def, rest, list } = commandOf(words.slice(1));
  if (list.length && !rest.length) {
    if (word.startsWith('-')) return { from, candidates: pick((def?.flags ?? []).filter((f) => !f.hidden).map((f) => '--' + f.name)) };
    return { from, candidates: pick(list.filter((c) => !c.hidden).map((c) => c.name)) };
  }
  if (!def) return { from, candidates: [] };
  const slot = slotOf(def, rest);
  if ('flag' in slot) return { from, candidates: pick(await candidatesFor(slot.flag.complete ?? 'none', env, word)) };
  if (word.startsWith('-')) return { from, candidates: pick((def.flags ?? []).filter((f) => !f.hidden).map((f) => '--' + f.name)) };
  const decl = def.completeArgs;
  const kind: Completion = def.args?.max === 0 ? 'none' : decl?.length ? decl[Math.min(slot.arg, decl.length - 1)] : 'files';
  return { from, candidates: pick(await candidatesFor(kind, env, word)) };
}
