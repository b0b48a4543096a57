// Walks the docker command tree: every runnable command once under its group path, and every spelling of it.
import type { CommandDef } from './command';
import { COMMANDS } from './registry';

export interface CommandEntry {
  /** The canonical path (`docker container ls`, `docker image build`). */
  path: string;
  def: CommandDef;
}

/** Every runnable command once (top-level aliases share their group command's run), groups before top-level spellings. */
export function leafCommands(): CommandEntry[] {
  const out: CommandEntry[] = [];
  const seen = new Set<unknown>();
  const walk = (c: CommandDef, path: string) => {
    if (c.subcommands) return c.subcommands.forEach((s) => walk(s, `${path} ${s.name}`));
    if (!c.run || seen.has(c.run)) return;
    seen.add(c.run);
    out.push({ path, def: c });
  };
  // docker image build, not docker builder build / docker buildx build
  const rank = (c: CommandDef) => (!c.subcommands ? 2 : c.name.startsWith('build') ? 1 : 0);
  for (const c of [...COMMANDS].sort((a, b) => rank(a) - rank(b))) walk(c, `docker ${c.name}`);
  return out;
}
