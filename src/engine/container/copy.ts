// docker cp inside the daemon: read a subtree through the container's volume and bind mounts, or write one (rootfs, volume, or host writes for binds).
import type { EngineState, FileTable, FsNode } from '../state';
import { DockerError, invalid } from '../errors';
import { lowerStack } from '../image';
import { findContainer } from '../lookup';
import { normPath, parentOf, writeNode } from '../layers';
import { clone } from '../clone';
import { hostPathOf, route, viewNode, viewTree, type HostNodes } from '../storage';

/** A write docker cp makes on the host, through a bind mount (the client applies it). */
export interface HostWrite {
  path: string;
  node: FsNode;
}

/** The path and everything below it, keyed relative to the path ('' = the path itself). `host`: the bind trees the client read. */
export function readPath(s: EngineState, ref: string, path: string, host: HostNodes = {}): FileTable {
  const c = findContainer(s, ref);
  const tree = viewTree(s, c, path, host, 'cp', !path.endsWith('/.'));
  if (!tree) throw new DockerError('NotFound', `Could not find the file ${path} in container ${ref}`);
  return clone(tree);
}

/** What is at a path in the container ('dir', 'file', or null when nothing is there). */
export function pathKind(s: EngineState, ref: string, path: string, host: HostNodes = {}): 'dir' | 'file' | null {
  const n = viewNode(s, findContainer(s, ref), path, host, 'cp');
  return !n ? null : n.type === 'dir' ? 'dir' : 'file';
}

/**
 * Write a subtree (relative keys, '' = the destination itself) at `dest`: into the writable layer, a volume, or
 * (returned for the client to apply) the host behind a bind mount. moby containerExtractToDir refuses a read-only
 * mount or, outside any mount, a --read-only rootfs.
 */
export function writePath(s: EngineState, ref: string, dest: string, files: FileTable, host: HostNodes = {}): HostWrite[] {
  const c = findContainer(s, ref);
  const lower = lowerStack(s, c);
  const target = route(s, c, dest, 'cp').real;
  const parent = parentOf(target);
  if (viewNode(s, c, parent, host, 'cp')?.type !== 'dir') throw new DockerError('NotFound', `Could not find the file ${parent} in container ${ref}`);
  // checkIfPathIsInAVolume: the extraction directory against the MountPoints (--tmpfs is not one)
  const at = route(s, c, parent, 'exec');
  const point = at.mount && !at.mount.tmpfsFlag ? at.mount : null;
  if (point && !point.rw) throw invalid('mounted volume is marked read-only');
  if (!point && c.hostConfig.ReadonlyRootfs) throw invalid('container rootfs is marked read-only');
  const out: HostWrite[] = [];
  for (const rel of Object.keys(files).sort()) {
    const node = clone(files[rel]);
    const r = route(s, c, rel ? `${target}/${rel}` : target, 'cp');
    if (r.mount && !r.mount.rw) throw invalid('mounted volume is marked read-only');
    if (r.mount?.type === 'bind') out.push({ path: hostPathOf(r.mount, r.rel), node });
    else if (r.mount?.type === 'volume' && r.rel && s.volumes[r.mount.name]) s.volumes[r.mount.name].files[r.rel] = node;
    else if (!r.mount) writeNode(c.upper, lower, normPath(r.real), node);
  }
  return out;
}
