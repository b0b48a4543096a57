// docker container cp / docker cp: copy files between a container and the host (either direction).
// docker/cli: cli/command/container/cp.go ("Successfully copied 2.048kB to …" on a terminal, HumanSize)
import { defineCommand, StatusError, type CliContext } from '../command';
import { cpArchive, decodeTar, normPath, tarSize, tarToTable, type FileTable } from '../../engine/index';
import { humanSize } from '../format';
import { applyHostWrites, readHostNodes } from './host-nodes';

/** `name:path` is a container path unless it looks like a local path (docker cp's splitCpArg). */
function split(arg: string): { container?: string; path: string } {
  if (arg.startsWith('/') || arg.startsWith('.') || !arg.includes(':')) return { path: arg };
  const i = arg.indexOf(':');
  return { container: arg.slice(0, i), path: arg.slice(i + 1) };
}

/**
 * The host files docker cp sends (archive.TarResource): symlinks inside travel as symlinks. With -L only the source
 * itself is followed when it is a link (CopyInfoSourcePath: filepath.EvalSymlinks), to a file or a whole folder.
 */
async function readHost(ctx: CliContext, path: string, follow = false): Promise<FileTable> {
  let st = await ctx.host.stat(path);
  if (!st) throw new StatusError(`lstat ${normPath(ctx.cwd + '/' + path).replace(/^\/\//, '/')}: no such file or directory`, 1);
  const out: FileTable = {};
  let root = path;
  for (let hops = 0; follow && st?.type === 'symlink' && hops < 40; hops++) {
    const target = await ctx.host.readLink?.(root);
    if (target == null) break;
    root = target.startsWith('/') ? target : `${st.path.replace(/\/[^/]*$/, '') || '/'}/${target}`;
    st = await ctx.host.stat(root);
  }
  if (!st) throw new StatusError(`lstat ${normPath(root)}: no such file or directory`, 1);
  const walk = async (rel: string) => {
    const abs = rel ? `${root}/${rel}` : root;
    const s = await ctx.host.stat(abs);
    const target = !s || s.type === 'symlink' ? await ctx.host.readLink?.(abs) : null; // a dangling link too
    // (the host's links carry no simulated time of their own: they take the copy's)
    if (target != null) out[rel] = { type: 'symlink', target, mtime: ctx.engine.now() };
    else if (!s) return;
    else if (s.type === 'dir') {
      out[rel] = { type: 'dir', mode: s.mode, mtime: s.mtime };
      for (const n of (await ctx.host.readDir(abs)) ?? []) await walk(rel ? `${rel}/${n}` : n);
    } else if (s.type === 'file') out[rel] = { type: 'file', mode: s.mode, mtime: s.mtime, content: (await ctx.host.readFile(abs)) ?? '' };
  };
  await walk('');
  return out;
}

async function writeHost(ctx: CliContext, dest: string, files: FileTable) {
  await applyHostWrites(ctx, Object.keys(files).sort().map((rel) => ({ path: rel ? `${dest}/${rel}` : dest, node: files[rel] })));
}

/** docker cp's rules: into an existing directory under the source's name; `src/.` copies the contents only. */
function destination(srcPath: string, dest: string, destIsDir: boolean): string {
  if (!destIsDir || srcPath.endsWith('/.')) return dest;
  const base = normPath('/' + srcPath).split('/').pop() || '';
  return `${dest.replace(/\/$/, '')}/${base}`;
}

export default defineCommand({
  name: 'cp',
  use: 'cp [OPTIONS] CONTAINER:SRC_PATH DEST_PATH|-\n\tdocker cp [OPTIONS] SRC_PATH|- CONTAINER:DEST_PATH', // cp.go:129-130 (v27.5.1): two usage lines
  aliasPaths: ['docker container cp', 'docker cp'],
  short: 'Copy files/folders between a container and the local filesystem',
  completeArgs: ['containers', 'files'],
  topLevel: { group: 'commands' },
  args: { min: 2, max: 2 },
  flags: [
    { name: 'archive', unsupported: true, short: 'a', type: 'bool', usage: 'Archive mode (copy all uid/gid information)' },
    { name: 'follow-link', short: 'L', type: 'bool', usage: 'Always follow symbol link in SRC_PATH' },
    { name: 'quiet', short: 'q', type: 'bool', usage: 'Suppress progress output during copy. Progress output is automatically suppressed if no terminal is attached' },
  ],
  async run(ctx, [a, b], f) {
    const src = split(a);
    const dst = split(b);
    const quiet = f.quiet; // read first: the "-" streams print no progress either way
    if (src.container && dst.container) throw new StatusError('copying between containers is not supported', 1);
    if (!src.container && !dst.container) throw new StatusError('must specify at least one container source', 1);
    let size: number;
    let shown: string;
    // -L: a symlink source is read at its target, and lands under the link's own name (cp.go:231-245, GetRebaseName)
    let from = src.path;
    const follow = f.followLink;
    if (follow && src.container) {
      const link = ctx.engine.container.readPath(src.container, src.path, await readHostNodes(ctx, ctx.engine.container.cpHostReads(src.container, src.path)))[''];
      if (link?.type === 'symlink') from = link.target.startsWith('/') ? link.target : `${normPath('/' + src.path).replace(/\/[^/]*$/, '') || '/'}/${link.target}`;
    }
    if (src.container && dst.path === '-') {
      // cp.go copyFromContainer: "-" writes the daemon's tar stream to stdout as it is (no progress line)
      const host = await readHostNodes(ctx, ctx.engine.container.cpHostReads(src.container, from));
      const files = ctx.engine.container.readPath(src.container, from, host);
      const base = normPath('/' + src.path).split('/').pop() || '/';
      ctx.outBytes(cpArchive(files, base === '.' ? '.' : base));
      return;
    }
    if (src.path === '-' && dst.container) {
      // cp.go copyToContainer: "-" reads a tar stream from stdin and extracts it into the destination directory
      const kind = ctx.engine.container.pathKind(dst.container, dst.path, await readHostNodes(ctx, ctx.engine.container.cpHostReads(dst.container, dst.path)));
      if (kind !== 'dir') throw new StatusError(kind ? `destination "${dst.container}:${dst.path}" must be a directory` : `Error response from daemon: Could not find the file ${dst.path} in container ${dst.container}`, 1);
      // Go's archive/tar errors, through the daemon: a partial block, or a block that is no tar header
      const bytes = ctx.stdinBytes;
      if (bytes.length % 512) throw new StatusError('Error response from daemon: unexpected EOF', 1);
      const entries = decodeTar(bytes);
      if (!entries) throw new StatusError('Error response from daemon: archive/tar: invalid tar header', 1);
      const table = tarToTable(entries, '/');
      const files: FileTable = {};
      for (const [p, n] of Object.entries(table)) files[p.slice(1)] = n;
      const host = await readHostNodes(ctx, ctx.engine.container.cpHostReads(dst.container, dst.path));
      await applyHostWrites(ctx, ctx.engine.container.writePath(dst.container, dst.path, files, host));
      return;
    }
    if (src.container) {
      // cp.go copyFromContainer: ValidateOutputPath on the absolute destination (its directory must exist)
      const absDst = normPath(dst.path.startsWith('/') ? dst.path : `${ctx.cwd}/${dst.path}`);
      const parent = absDst.slice(0, absDst.lastIndexOf('/')) || '/';
      if (!(await ctx.host.stat(parent))) throw new StatusError(`invalid output path: directory "${parent}" does not exist`, 1);
      // the daemon reads through the container's volume and bind mounts (the client reads the bind sources for it)
      const host = await readHostNodes(ctx, ctx.engine.container.cpHostReads(src.container, from));
      const files = ctx.engine.container.readPath(src.container, from, host);
      const st = await ctx.host.stat(dst.path);
      const to = destination(src.path, dst.path, st?.type === 'dir');
      // archive.CopyTo: a file cannot land in a directory that does not exist (ErrDirNotExists)
      if (files['']?.type !== 'dir' && dst.path.endsWith('/') && !st) throw new StatusError('no such directory', 1);
      await writeHost(ctx, to, files);
      size = tarSize(files);
      shown = dst.path;
    } else {
      const files = await readHost(ctx, src.path, follow);
      const host = await readHostNodes(ctx, ctx.engine.container.cpHostReads(dst.container!, dst.path));
      const kind = ctx.engine.container.pathKind(dst.container!, dst.path, host);
      // archive.PrepareArchiveCopy: a directory cannot replace a file (ErrCannotCopyDir)
      if (kind === 'file' && files['']?.type === 'dir' && !dst.path.endsWith('/')) throw new StatusError('cannot copy directory', 1);
      if (kind !== 'dir' && dst.path.endsWith('/') && files['']?.type !== 'dir') {
        // archive.PrepareArchiveCopy: a file cannot become a directory that does not exist (ErrDirNotExists); the
        // client's tar goroutine then logs its writes to the closed pipe (moby pkg/archive TarWithOptions)
        const time = new Date(ctx.engine.now()).toISOString().replace(/\.\d+Z$/, 'Z');
        const abs = normPath(src.path.startsWith('/') ? src.path : `${ctx.cwd}/${src.path}`);
        ctx.err(`time="${time}" level=error msg="Can't add file ${abs} to tar: io: read/write on closed pipe"\ntime="${time}" level=error msg="Can't close tar writer: io: read/write on closed pipe"\n`);
        throw new StatusError('no such directory', 1);
      }
      const writes = ctx.engine.container.writePath(dst.container!, destination(src.path, dst.path, kind === 'dir'), files, host);
      await applyHostWrites(ctx, writes); // what landed under bind mounts goes to the host
      size = tarSize(files);
      shown = `${dst.container}:${dst.path}`;
    }
    // cp.go:149-151: progress only when stdout is a terminal (unless -q says otherwise)
    if (!quiet && ctx.outIsTerminal !== false) ctx.err(`Successfully copied ${humanSize(size)} to ${shown}
`);
  },
});
