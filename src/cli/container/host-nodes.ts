// The host side of bind mounts for the daemon: read the host files it needs (docker cp, start) and apply docker cp's host writes.
import type { CliContext } from '../command';
import type { FsNode, HostNodes, HostRead, HostWrite } from '../../engine/index';

/** One host path as a node (symlinks are not followed; their targets are unknown to the client here). */
async function nodeAt(ctx: CliContext, path: string): Promise<FsNode | undefined> {
  const st = await ctx.host.stat(path);
  if (!st || st.type === 'symlink') return undefined;
  if (st.type === 'dir') return { type: 'dir', mode: st.mode, mtime: st.mtime };
  return { type: 'file', mode: st.mode, mtime: st.mtime, content: (await ctx.host.readFile(path)) ?? '' };
}

/** Read host paths (and, for `tree` reads, everything below them) into a table keyed by host path. */
export async function readHostNodes(ctx: CliContext, reads: HostRead[]): Promise<HostNodes> {
  const out: HostNodes = {};
  const walked = new Set<string>();
  const visit = async (path: string, tree: boolean) => {
    if (walked.has(path) || (!tree && path in out)) return;
    if (tree) walked.add(path);
    const n = path in out ? out[path] : await nodeAt(ctx, path);
    out[path] = n;
    if (!n || n.type !== 'dir' || !tree) return;
    for (const name of (await ctx.host.readDir(path)) ?? []) await visit(path === '/' ? `/${name}` : `${path}/${name}`, true);
  };
  for (const r of reads) await visit(r.path, r.tree);
  return out;
}

/** The host nodes where a container's executable may be on a bind mount (what runc would stat at start). */
export async function execHostNodes(ctx: CliContext, ref: string): Promise<HostNodes> {
  return readHostNodes(
    ctx,
    ctx.engine.container.execHostPaths(ref).map((path) => ({ path, tree: false })),
  );
}

/** Apply what docker cp wrote through bind mounts: directories, then files with their modes (tar keeps them). */
export async function applyHostWrites(ctx: CliContext, writes: HostWrite[]) {
  for (const w of writes) {
    if (w.node.type === 'dir') {
      if ((await ctx.host.stat(w.path))?.type !== 'dir') await ctx.host.mkdir(w.path);
    } else if (w.node.type === 'file') await ctx.host.writeFile(w.path, w.node.content);
    else if (w.node.type === 'symlink' && ctx.host.symlink) {
      await ctx.host.symlink(w.node.target, w.path);
      continue; // a link has no mode of its own
    } else continue;
    await ctx.host.chmod?.(w.path, w.node.mode);
  }
}
