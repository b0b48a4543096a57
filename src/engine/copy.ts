// docker cp inside the daemon: read a subtree of a container's filesystem, or write one into its writable layer.
import type { EngineState, FileTable } from './state';
import { DockerError } from './errors';
import { findContainer, lowerStack } from './containers';
import { lookup, normPath, realPath, walk, writeNode } from './layers';
import { clone } from './clone';

/** The path and everything below it, keyed relative to the path ('' = the path itself). */
export function readPath(s: EngineState, ref: string, path: string): FileTable {
  const c = findContainer(s, ref);
  const stack = [c.upper, ...lowerStack(s, c)];
  const real = realPath(stack, normPath('/' + path), !path.endsWith('/.'));
  const node = lookup(stack, real);
  if (!node) throw new DockerError('NotFound', `Could not find the file ${path} in container ${ref}`);
  const out: FileTable = { '': clone(node) };
  if (node.type === 'dir') for (const p of walk(stack, real)) out[p.slice(real === '/' ? 1 : real.length + 1)] = clone(lookup(stack, p)!);
  return out;
}

/** What is at a path in the container ('dir', 'file', or null when nothing is there). */
export function pathKind(s: EngineState, ref: string, path: string): 'dir' | 'file' | null {
  const c = findContainer(s, ref);
  const stack = [c.upper, ...lowerStack(s, c)];
  const n = lookup(stack, realPath(stack, normPath('/' + path)));
  return !n ? null : n.type === 'dir' ? 'dir' : 'file';
}

/** Write a subtree (relative keys, '' = the destination itself) at `dest` in the container's upper layer. */
export function writePath(s: EngineState, ref: string, dest: string, files: FileTable) {
  const c = findContainer(s, ref);
  const lower = lowerStack(s, c);
  const stack = () => [c.upper, ...lower];
  const target = realPath(stack(), normPath('/' + dest));
  const parent = target.slice(0, target.lastIndexOf('/')) || '/';
  if (lookup(stack(), parent)?.type !== 'dir') throw new DockerError('NotFound', `Could not find the file ${parent} in container ${ref}`);
  for (const rel of Object.keys(files).sort()) {
    const node = { ...files[rel], mtime: files[rel].mtime } as FileTable[string];
    writeNode(c.upper, lower, rel ? `${target}/${rel}` : target, node);
  }
}
