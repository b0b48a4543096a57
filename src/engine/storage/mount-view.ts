// A container's files with its mounts on top (volumes, tmpfs, and bind mounts as host nodes the client read): for exec lookup and docker cp.
import type { Container, EngineState, FileTable, FsNode, Mount } from '../state';
import { imageStack, lowerStack } from '../image';
import { lookup, normPath, parentOf, realPath, walk } from '../layers';

/** Host nodes at absolute host paths (the shell owns the host filesystem; the client reads what a command needs). */
export type HostNodes = Record<string, FsNode | undefined>;

/**
 * Which mounts a view shows. `exec`: what the process sees at start (tmpfs mounts fresh and empty). `cp`: docker cp's
 * private view (moby openContainerFS binds the volume and bind mounts but no tmpfs, so the rootfs shows under them).
 */
export type ViewKind = 'exec' | 'cp';

export interface Routed {
  /** The path with the image's symlinks resolved. */
  real: string;
  /** The deepest mount over it, if any. */
  mount: Mount | null;
  /** The path below the mount point ('' = the mount point itself, else '/a/b'). */
  rel: string;
}

const stackOf = (s: EngineState, c: Container): FileTable[] => [c.upper, ...lowerStack(s, c)];
const under = (p: string, dir: string) => dir === '/' || p === dir || p.startsWith(dir + '/');

/** Mount points in the view, each with its real target path, shallow ones first. */
export function viewMounts(s: EngineState, c: Container, kind: ViewKind): { mount: Mount; target: string }[] {
  const stack = stackOf(s, c);
  return (c.mounts ?? [])
    .filter((m) => kind === 'exec' || m.type !== 'tmpfs')
    .map((mount) => ({ mount, target: realPath(stack, mount.destination) }))
    .sort((a, b) => a.target.length - b.target.length);
}

/** Where a container path leads: the rootfs or a mount (the deepest one wins). */
export function route(s: EngineState, c: Container, path: string, kind: ViewKind, followLast = true): Routed {
  const real = realPath(stackOf(s, c), normPath('/' + path), followLast);
  let best: { mount: Mount; target: string } | undefined;
  for (const v of viewMounts(s, c, kind)) if (under(real, v.target)) best = v;
  return { real, mount: best?.mount ?? null, rel: best ? real.slice(best.target === '/' ? 0 : best.target.length) : '' };
}

/** The host path behind a path below a bind mount. */
export function hostPathOf(m: Mount, rel: string): string {
  return m.file || !rel ? m.source : normPath(`${m.source}/${rel}`);
}

const DIR: FsNode = { type: 'dir', mode: 0o755, mtime: 0 };

/** The node at `rel` inside a mount (its root is a directory for volumes and tmpfs). */
function mountNode(s: EngineState, m: Mount, rel: string, host: HostNodes): FsNode | undefined {
  if (m.type === 'bind') return host[hostPathOf(m, rel)];
  if (!rel) return DIR;
  return (m.type === 'volume' ? s.volumes[m.name]?.files : m.files)?.[rel];
}

/** A rootfs path; directories leading to a mount point exist (runc, or docker cp's view, makes them). */
function rootfsNode(s: EngineState, c: Container, real: string, kind: ViewKind): FsNode | undefined {
  return lookup(stackOf(s, c), real) ?? (viewMounts(s, c, kind).some((v) => v.target !== real && under(v.target, real)) ? DIR : undefined);
}

/** What is at a container path in the view (undefined when nothing is there). */
export function viewNode(s: EngineState, c: Container, path: string, host: HostNodes, kind: ViewKind): FsNode | undefined {
  const r = route(s, c, path, kind);
  return r.mount ? mountNode(s, r.mount, r.rel, host) : rootfsNode(s, c, r.real, kind);
}

/** A mount's content below `rel`, keyed relative to it ('a', 'a/b'). */
function mountTree(s: EngineState, m: Mount, rel: string, host: HostNodes): FileTable {
  const out: FileTable = {};
  const [table, base] = m.type === 'bind' ? [host, hostPathOf(m, rel)] : [(m.type === 'volume' ? s.volumes[m.name]?.files : m.files) ?? {}, rel || ''];
  const prefix = base === '/' ? '/' : base + '/';
  for (const [k, n] of Object.entries(table)) if (n && k.startsWith(prefix) && k !== base) out[k.slice(prefix.length)] = n;
  return out;
}

/** The subtree at a container path in the view, keyed relative to it ('' = the path itself); null when nothing is there. */
export function viewTree(s: EngineState, c: Container, path: string, host: HostNodes, kind: ViewKind, followLast = true): FileTable | null {
  const stack = stackOf(s, c);
  const r = route(s, c, path, kind, followLast);
  const root = r.mount ? mountNode(s, r.mount, r.rel, host) : rootfsNode(s, c, r.real, kind);
  if (!root) return null;
  const out: FileTable = { '': root };
  if (root.type !== 'dir') return out;
  if (r.mount) Object.assign(out, mountTree(s, r.mount, r.rel, host));
  else for (const p of walk(stack, r.real)) out[p.slice(r.real === '/' ? 1 : r.real.length + 1)] = lookup(stack, p)!;
  // mounts below the path hide what the rootfs (or an outer mount) has there
  for (const { mount, target } of viewMounts(s, c, kind)) {
    if (target === r.real || !under(target, r.real)) continue;
    const key = target.slice(r.real === '/' ? 1 : r.real.length + 1);
    for (const k of Object.keys(out)) if (k === key || k.startsWith(key + '/')) delete out[k];
    const top = mountNode(s, mount, '', host);
    if (!top) continue;
    for (let p = parentOf('/' + key); p !== '/'; p = parentOf(p)) out[p.slice(1)] ??= DIR;
    out[key] = top;
    if (top.type === 'dir') for (const [k, n] of Object.entries(mountTree(s, mount, '', host))) out[`${key}/${k}`] = n;
  }
  return out;
}

/** A host path the client reads for the daemon: with `tree`, everything below it too. */
export interface HostRead {
  path: string;
  tree: boolean;
}

/** The host paths docker cp needs at a container path: the bind over it (and the parent there), and every bind below it. */
export function cpHostReads(s: EngineState, c: Container, path: string): HostRead[] {
  const r = route(s, c, path, 'cp');
  const out: HostRead[] = [];
  if (r.mount?.type === 'bind') {
    out.push({ path: hostPathOf(r.mount, r.rel), tree: true });
    if (r.rel) out.push({ path: hostPathOf(r.mount, parentOf(r.rel) === '/' ? '' : parentOf(r.rel)), tree: false });
  }
  for (const { mount, target } of viewMounts(s, c, 'cp')) if (mount.type === 'bind' && target !== r.real && under(target, r.real)) out.push({ path: mount.source, tree: true });
  return out;
}
