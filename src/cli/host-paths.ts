// What the docker client does with host paths it reads from or writes to, when a path is a directory: the errors of
// Go's os and net/http as docker/cli v27 passes them on (cli/command/utils.go CopyToFile, ValidateOutputPath,
// vendor/github.com/docker/docker/client/request.go doRequest).
import type { CliContext } from './command';
import { apparentTarSize, VERSION } from '../engine/index';

/** url.QueryEscape: everything but [A-Za-z0-9-_.~] percent-encoded, spaces as '+'. */
function queryEscape(s: string): string {
  return Array.from(new TextEncoder().encode(s), (b) => {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) return c;
    return b === 0x20 ? '+' : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }).join('');
}

/** A request whose body is a file the client could not read: the http client's error, "error during connect: …". */
export function bodyReadError(endpoint: string, query: Record<string, string>, path: string): string {
  const q = Object.keys(query).sort().map((k) => `${k}=${queryEscape(query[k])}`).join('&');
  return `error during connect: Post "http://%2Fvar%2Frun%2Fdocker.sock/v${VERSION.apiVersion}${endpoint}${q ? '?' + q : ''}": read ${path}: is a directory`;
}

/** Whether a host path is a directory. */
export async function isDir(ctx: CliContext, path: string): Promise<boolean> {
  return (await ctx.host.stat(path))?.type === 'dir';
}

/** filepath.Dir of a cleaned path. */
function dirOf(path: string): string {
  const p = path.replace(/\/+$/, '') || '/';
  const i = p.lastIndexOf('/');
  return i < 0 ? '.' : i === 0 ? '/' : p.slice(0, i);
}

/** The archive holds stand-in binaries: on disk it is as big as the real one would be, at least the content it
 *  archives (`floor`: the images' and the container's sizes, which count files the stand-ins leave out). */
export const archiveSize = (bytes: Uint8Array, floor = 0): number => Math.max(apparentTarSize(bytes), floor ? Math.ceil(floor / 512) * 512 + 1024 : 0);

/** An archive to STDOUT: its bytes, and (when the shell redirects them into a file) the size that file stands for. */
export function outArchive(ctx: CliContext, bytes: Uint8Array, floor = 0): void {
  ctx.outBytes(bytes);
  const size = archiveSize(bytes, floor);
  if (size !== bytes.length) ctx.host.sizedOutput?.(bytes, size);
}

/** os.CreateTemp's random decimal suffix, drawn from the path and the simulated clock so every replay names it alike. */
function tempSuffix(out: string, now: number): number {
  let h = 2166136261;
  for (const ch of `${out}\0${now}`) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  return h;
}

/**
 * ValidateOutputPath then CopyToFile: a missing parent directory is refused up front; an existing directory passes
 * the check, and the final rename of the temporary file onto it fails (os.Rename: "file exists"), leaving it as it was.
 * Returns the error text, or null once the file is written.
 */
export async function copyToFile(ctx: CliContext, out: string, bytes: Uint8Array, what: 'save image' | 'export container', floor = 0): Promise<string | null> {
  const dir = dirOf(out);
  if (dir !== '.' && !(await ctx.host.stat(dir))) return `failed to ${what}: invalid output path: directory "${dir}" does not exist`;
  if (await isDir(ctx, out)) {
    const tmp = `${dir === '/' ? '' : dir}/.docker_temp_${tempSuffix(out, ctx.engine.now())}`;
    return `rename ${tmp} ${out}: file exists`;
  }
  const size = archiveSize(bytes, floor);
  if (ctx.host.writeSized && size !== bytes.length) await ctx.host.writeSized(out, bytes, size);
  else await ctx.host.writeFile(out, bytes);
  return null;
}
