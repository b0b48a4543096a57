// Files a server program reads and writes in its container (data directories), through its volumes and tmpfs mounts.
import type { Container, EngineState, FsNode } from './state';
import { lowerStack } from './image';
import { normPath, parentOf, removeNode, writeNode } from './layers';
import { route, viewNode, viewTree } from './storage';
import { touch } from './indexes';

/** The content of a file as the server process sees it (null when absent or not a file). */
export function readServerFile(s: EngineState, c: Container, path: string): string | null {
  const n = viewNode(s, c, path, {}, 'exec');
  return n?.type === 'file' ? n.content : null;
}

/** Names directly inside a directory as the server sees it (sorted), or [] when it is not there. */
export function listServerDir(s: EngineState, c: Container, path: string): string[] {
  const t = viewTree(s, c, path, {}, 'exec');
  if (!t) return [];
  return Object.keys(t).filter((k) => k && !k.includes('/')).sort();
}

/** Write (or with content null, remove) a file where the server's path leads: a volume, tmpfs, or the writable layer. */
export function writeServerFile(s: EngineState, c: Container, path: string, content: string | null, mode = 0o644) {
  touch(c.id);
  const r = route(s, c, path, 'exec');
  const node: FsNode = { type: 'file', mode, mtime: s.clock, content: content ?? '' };
  if (r.mount?.type === 'bind') return; // the host's files are the client's to write; the daemon cannot
  if (r.mount) {
    const table = r.mount.type === 'volume' ? s.volumes[r.mount.name]?.files : (r.mount.files ??= {});
    if (!table || !r.rel) return;
    if (content === null) {
      delete table[r.rel];
      return;
    }
    for (let p = parentOf(r.rel); p !== '/' && p !== ''; p = parentOf(p)) table[p] ??= { type: 'dir', mode: 0o700, mtime: s.clock };
    table[r.rel] = node;
    return;
  }
  if (content === null) return;
  writeNode(c.upper, lowerStack(s, c), normPath(r.real), node);
}

/** A directory the server creates (mkdir -p), through its mounts. */
export function makeServerDir(s: EngineState, c: Container, path: string) {
  const r = route(s, c, path, 'exec');
  const node: FsNode = { type: 'dir', mode: 0o700, mtime: s.clock };
  if (r.mount?.type === 'bind') return;
  if (r.mount) {
    const table = r.mount.type === 'volume' ? s.volumes[r.mount.name]?.files : (r.mount.files ??= {});
    if (!table || !r.rel) return;
    for (let p = r.rel; p !== '/' && p !== ''; p = parentOf(p)) table[p] ??= node;
    return;
  }
  if (!viewNode(s, c, path, {}, 'exec')) writeNode(c.upper, lowerStack(s, c), normPath(r.real), node);
}

/** Remove a file or a directory with everything below it (DROP DATABASE removes its directory). */
export function removeServerPath(s: EngineState, c: Container, path: string) {
  touch(c.id);
  const r = route(s, c, path, 'exec');
  if (r.mount?.type === 'bind') return;
  if (r.mount) {
    const table = r.mount.type === 'volume' ? s.volumes[r.mount.name]?.files : r.mount.files;
    if (!table || !r.rel) return;
    for (const k of Object.keys(table)) if (k === r.rel || k.startsWith(r.rel + '/')) delete table[k];
    return;
  }
  removeNode(c.upper, lowerStack(s, c), normPath(r.real), s.clock);
}
