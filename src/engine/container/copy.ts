// docker cp inside the daemon: read a subtree through the container's volume and bind mounts, or write one (rootfs, volume, or host writes for binds).
import type { Container, EngineState, FileTable, FsNode } from '../state';
import { containerEtcFiles } from '../network';
import { invalid, noSuchFileInContainer, readOnlyMount } from '../errors';
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
  // container.ResolvePath: the directory part is resolved in the container, the last element is not followed (a
  // symlink is copied as a link) unless the path ends in / or /.
  const tree = viewTree(s, c, path, host, 'cp', path.endsWith('/') || path.endsWith('/.'));
  const out = tree ? clone(tree) : {};
  // the daemon's own bind mounts (/etc/hostname, /etc/hosts, /etc/resolv.conf, made at the first start) are part of the
  // archive view (daemon/containerfs_linux.go openContainerFS mounts them with the container's mounts)
  const target = normPath(route(s, c, path, 'cp').real);
  let added = false;
  for (const [p, node] of Object.entries(etcNodes(s, c))) {
    if (p === target) out[''] = node;
    else if (target === '/' || p.startsWith(target + '/')) {
      if (!tree || tree['']?.type !== 'dir') continue;
      out[p.slice(target === '/' ? 1 : target.length + 1)] = node;
    } else continue;
    added = true;
  }
  if (!tree && !added) throw noSuchFileInContainer(path, ref);
  return out;
}

/** The generated /etc files of a container that has started, unless the user mounted something there. */
function etcNodes(s: EngineState, c: Container): Record<string, FsNode> {
  if (!c.state.startedAt) return {};
  const out: Record<string, FsNode> = {};
  for (const [p, content] of Object.entries(containerEtcFiles(s, c.id))) {
    if ((c.mounts ?? []).some((m) => m.destination === p)) continue;
    out[p] = { type: 'file', mode: 0o644, mtime: c.state.startedAt, content };
  }
  return out;
}

/** What is at a path in the container ('dir', 'file', or null when nothing is there). */
export function pathKind(s: EngineState, ref: string, path: string, host: HostNodes = {}): 'dir' | 'file' | null {
  const c = findContainer(s, ref);
  if (etcNodes(s, c)[normPath(route(s, c, path, 'cp').real)]) return 'file';
  const n = viewNode(s, c, path, host, 'cp');
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
  if (viewNode(s, c, parent, host, 'cp')?.type !== 'dir') throw noSuchFileInContainer(parent, ref);
  // checkIfPathIsInAVolume: the extraction directory against the MountPoints (--tmpfs is not one)
  const at = route(s, c, parent, 'exec');
  const point = at.mount && !at.mount.tmpfsFlag ? at.mount : null;
  if (point && !point.rw) throw readOnlyMount();
  if (!point && c.hostConfig.ReadonlyRootfs) throw invalid('container rootfs is marked read-only');
  const out: HostWrite[] = [];
  for (const rel of Object.keys(files).sort()) {
    const node = clone(files[rel]);
    const r = route(s, c, rel ? `${target}/${rel}` : target, 'cp');
    if (r.mount && !r.mount.rw) throw readOnlyMount();
    if (r.mount?.type === 'bind') out.push({ path: hostPathOf(r.mount, r.rel), node });
    else if (r.mount?.type === 'volume' && r.rel && s.volumes[r.mount.name]) s.volumes[r.mount.name].files[r.rel] = node;
    else if (!r.mount) writeNode(c.upper, lower, normPath(r.real), node);
  }
  return out;
}
