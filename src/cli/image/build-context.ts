// The build context the client sends: files under the context dir minus .dockerignore, the Dockerfile, tar archives for ADD.
// docker/cli: cli/command/image/build/context.go, moby/patternmatcher (the .dockerignore rules)
import type { CliContext } from '../command';
import { decodeTar, tarToTable, type FileTable } from '../../engine/index';

interface Pattern {
  re: RegExp;
  exclusion: boolean;
}

/** .dockerignore lines → patterns (comments and blanks skipped, leading `/` and `./` removed, `!` exceptions). */
export function parseIgnore(text: string): Pattern[] {
  const out: Pattern[] = [];
  for (let line of text.split('\n')) {
    line = line.trim();
    if (!line || line.startsWith('#')) continue;
    const exclusion = line.startsWith('!');
    if (exclusion) line = line.slice(1).trim();
    line = line.replace(/^(\.?\/)+/, '').replace(/\/+$/, '');
    if (!line) continue;
    let re = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '*' && line[i + 1] === '*') {
        re += '.*';
        i++;
        if (line[i + 1] === '/') i++;
      } else if (c === '*') re += '[^/]*';
      else if (c === '?') re += '[^/]';
      else re += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }
    out.push({ re: new RegExp(`^${re}$`), exclusion });
  }
  return out;
}

/** patternmatcher: the last matching pattern wins; a pattern also matches everything under a matched dir. */
export function ignored(patterns: Pattern[], rel: string): boolean {
  let matched = false;
  const parents: string[] = [];
  for (let p = rel; p.includes('/'); ) parents.push((p = p.slice(0, p.lastIndexOf('/'))));
  for (const pat of patterns) {
    if (pat.re.test(rel) || parents.some((p) => pat.re.test(p))) matched = !pat.exclusion;
  }
  return matched;
}

export interface BuildContextData {
  files: FileTable;
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

/** A tar archive (plain or gzip-compressed) as files, or null when the bytes are not one. */
async function archiveOf(bytes: Uint8Array): Promise<FileTable | null> {
  let raw: Uint8Array | null = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) raw = await gunzip(bytes);
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
