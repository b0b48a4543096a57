// The build context the client sends: files under the context dir minus .dockerignore, the Dockerfile, tar archives for ADD
// (plain, gzip or xz).
// docker/cli: cli/command/image/build/context.go, moby/patternmatcher (the .dockerignore rules)
import type { CliContext } from '../command';
import { decodeTar, tarToTable, type FileTable } from '../../engine/index';
import { ignored, parseIgnore } from './build-ignore';

export interface BuildContextData {
  /** null: no context (`docker build - < Dockerfile`). */
  files: FileTable | null;
  /** Bytes of the tar the classic client sends (`Sending build context to Docker daemon`). */
  tarSize: number;
  /** Size of .dockerignore, null when absent. */
  ignoreSize: number | null;
  archives: Record<string, FileTable>;
}

const dec = new TextDecoder();
const tarBlocks = (n: number) => 512 + Math.ceil(n / 512) * 512;

async function gunzip(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

const XZ_MAGIC = [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00];

/** xz-compressed bytes decoded by xz-embedded (wasm), loaded only when an xz file is met; null when they are not xz. */
async function unxz(bytes: Uint8Array): Promise<Uint8Array | null> {
  try {
    const { XzReadableStream } = await import('xz-decompress');
    const stream = new XzReadableStream(new Blob([bytes as BlobPart]).stream());
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch {
    return null;
  }
}

/** A tar archive (plain, gzip- or xz-compressed: moby's DecompressStream detects them by magic) as files, or null when the bytes are not one. */
export async function archiveOf(bytes: Uint8Array): Promise<FileTable | null> {
  let raw: Uint8Array | null = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) raw = await gunzip(bytes);
  else if (XZ_MAGIC.every((b, i) => bytes[i] === b)) raw = await unxz(bytes);
  if (!raw || raw.length < 512 || dec.decode(raw.slice(257, 262)) !== 'ustar') return null;
  const entries = decodeTar(raw);
  return entries ? tarToTable(entries) : null;
}

/**
 * Read the context directory `dir` (absolute). `keep` are context paths always sent (the Dockerfile and
 * .dockerignore, as TrimBuildFilesFromExcludes does). `wantArchives`: decode tar files (the Dockerfile has ADD).
 */
export async function readContext(ctx: CliContext, dir: string, keep: string[], wantArchives: boolean): Promise<BuildContextData> {
  const files: FileTable = {};
  const archives: Record<string, FileTable> = {};
  const ignoreText = await ctx.host.readFile(`${dir}/.dockerignore`);
  const patterns = ignoreText === null ? [] : parseIgnore(ignoreText);
  let tarSize = 1024;
  const walk = async (rel: string) => {
    const names = (await ctx.host.readDir(rel ? `${dir}/${rel}` : dir)) ?? [];
    for (const name of names) {
      const r = rel ? `${rel}/${name}` : name;
      const st = await ctx.host.stat(`${dir}/${r}`);
      if (!st) continue;
      const skip = ignored(patterns, r) && !keep.includes(r);
      if (st.type === 'dir') {
        if (!skip) {
          files['/' + r] = { type: 'dir', mode: st.mode || 0o755, mtime: st.mtime };
          tarSize += 512;
        }
        if (!skip || patterns.some((p) => p.exclusion)) await walk(r);
        continue;
      }
      if (skip) continue;
      if (st.type === 'symlink') {
        tarSize += 512;
        continue;
      }
      const bytes = (await ctx.host.readBytes(`${dir}/${r}`)) ?? new Uint8Array();
      files['/' + r] = { type: 'file', mode: st.mode || 0o644, mtime: st.mtime, content: dec.decode(bytes), ...(bytes.length !== new TextEncoder().encode(dec.decode(bytes)).length ? { size: bytes.length } : {}) };
      tarSize += tarBlocks(bytes.length);
      if (wantArchives && bytes.length > 20) {
        const a = await archiveOf(bytes);
        if (a) archives['/' + r] = a;
      }
    }
  };
  await walk('');
  return { files, tarSize, ignoreSize: ignoreText === null ? null : new TextEncoder().encode(ignoreText).length, archives };
}

const abs = (cwd: string, p: string) => (p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`).replace(/\/+$/, '') || '/';

export interface BuildInput {
  /** null when the Dockerfile does not exist. */
  dockerfile: string | null;
  dfName: string;
  data: BuildContextData;
  dir: string;
}

/**
 * The context and Dockerfile of `docker build PATH|-`: a directory, a Dockerfile on stdin (no context), or a tar
 * archive on stdin (the context, Dockerfile inside). Returns the error text when the context cannot be prepared.
 */
export async function prepareInput(ctx: CliContext, arg: string, file: string, classic: boolean): Promise<BuildInput | string> {
  if (arg === '-') {
    const tar = ctx.stdinBytes?.length ? await archiveOf(ctx.stdinBytes) : null;
    if (tar) {
      const name = file || 'Dockerfile';
      const df = tar['/' + name.replace(/^\.?\//, '')];
      const size = Object.values(tar).reduce((n, x) => n + (x.type === 'file' ? tarBlocks(x.size ?? new TextEncoder().encode(x.content).length) : 512), 1024);
      return { dockerfile: df?.type === 'file' ? df.content : null, dfName: name.slice(name.lastIndexOf('/') + 1), data: { files: tar, tarSize: size, ignoreSize: null, archives: {} }, dir: '-' };
    }
    const n = new TextEncoder().encode(ctx.stdin).length;
    return { dockerfile: ctx.stdin, dfName: 'Dockerfile', data: { files: null, tarSize: 1024 + tarBlocks(n), ignoreSize: null, archives: {} }, dir: '' };
  }
  const dir = abs(ctx.cwd, arg);
  if (!(await ctx.host.stat(dir))) return `unable to prepare context: path ${JSON.stringify(arg)} not found`;
  const dfPath = file === '-' ? '-' : file ? abs(ctx.cwd, file) : `${dir}/Dockerfile`;
  const dockerfile = dfPath === '-' ? ctx.stdin : await ctx.host.readFile(dfPath);
  const dfName = dfPath === '-' ? 'Dockerfile' : dfPath.slice(dfPath.lastIndexOf('/') + 1);
  if (dockerfile === null && classic) return `unable to prepare context: unable to evaluate symlinks in Dockerfile path: lstat ${dfPath}: no such file or directory`;
  const rel = dfPath.startsWith(dir + '/') ? dfPath.slice(dir.length + 1) : dfName;
  return { dockerfile, dfName, data: await readContext(ctx, dir, [rel, '.dockerignore'], /^\s*add\s/im.test(dockerfile ?? '')), dir };
}
