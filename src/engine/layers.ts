// The union filesystem: read top-down through layers, copy-up on write, whiteouts and opaque dirs, `docker diff`.
import type { FileTable, FsNode } from './state';

/** Normalise an absolute path: collapse '//', '.', '..'; no trailing slash (except '/'). */
export function normPath(p: string): string {
  const out: string[] = [];
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

export function parentOf(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

export function baseName(p: string): string {
  return p.slice(p.lastIndexOf('/') + 1);
}

/** Ancestors of a path, nearest first, excluding '/' itself. */
function ancestors(p: string): string[] {
  const out: string[] = [];
  for (let q = parentOf(p); q !== '/'; q = parentOf(q)) out.push(q);
  return out;
}

/**
 * Look a path up in a layer stack given top layer first (overlay2 read rule). A whiteout on the
 * path or on any ancestor hides it below; an opaque dir hides lower content beneath it.
 */
export function lookup(stack: FileTable[], path: string): FsNode | undefined {
  const p = normPath(path);
  if (p === '/') return { type: 'dir', mode: 0o755, mtime: 0 };
  const anc = ancestors(p);
  for (const layer of stack) {
    const node = layer[p];
    if (node) return node.type === 'whiteout' ? undefined : node;
    for (const a of anc) {
      const an = layer[a];
      if (!an) continue;
      if (an.type === 'whiteout' || an.type === 'file' || an.type === 'symlink') return undefined;
      if (an.type === 'dir' && an.opaque) return undefined;
    }
  }
  return undefined;
}

/** Resolve symlinks in every component of a path (merged-/usr images have /bin -> usr/bin). */
export function realPath(stack: FileTable[], path: string, followLast = true, depth = 0): string {
  const parts = normPath(path).split('/').filter(Boolean);
  if (depth > 16) return normPath(path);
  let cur = '';
  for (let i = 0; i < parts.length; i++) {
    const next = cur + '/' + parts[i];
    const node = lookup(stack, next);
    if (node?.type === 'symlink' && (followLast || i < parts.length - 1)) {
      cur = realPath(stack, node.target.startsWith('/') ? node.target : (cur || '') + '/' + node.target, true, depth + 1);
    } else cur = next;
  }
  return cur || '/';
}

/** Names in a directory of the union view, sorted. */
export function listDir(stack: FileTable[], dir: string): string[] {
  const d = normPath(dir);
  const prefix = d === '/' ? '/' : d + '/';
  const names = new Set<string>();
  for (const layer of stack) {
    for (const path of Object.keys(layer)) {
      if (!path.startsWith(prefix) || path === d) continue;
      const rest = path.slice(prefix.length);
      const name = rest.split('/')[0];
      if (name && !names.has(name) && lookup(stack, prefix + name)) names.add(name);
    }
  }
  return [...names].sort();
}

/** Every visible path under a directory (recursive), sorted. */
export function walk(stack: FileTable[], dir = '/'): string[] {
  const out: string[] = [];
  const rec = (d: string) => {
    for (const name of listDir(stack, d)) {
      const p = d === '/' ? '/' + name : d + '/' + name;
      out.push(p);
      if (lookup(stack, p)?.type === 'dir') rec(p);
    }
  };
  rec(normPath(dir));
  return out;
}

/** Flatten a stack into one table (what `docker export` tars), whiteouts resolved. */
export function flatten(stack: FileTable[]): FileTable {
  const out: FileTable = {};
  for (const p of walk(stack)) {
    const n = lookup(stack, p)!;
    out[p] = n.type === 'dir' && n.opaque ? { type: 'dir', mode: n.mode, mtime: n.mtime } : n;
  }
  return out;
}

/** Bytes a node takes (files: apparent size; others: 0), as overlay2 size accounting sees it. */
export function nodeSize(n: FsNode): number {
  return n.type === 'file' ? (n.size ?? utf8Length(n.content)) : 0;
}

export function tableSize(t: FileTable): number {
  let s = 0;
  for (const n of Object.values(t)) s += nodeSize(n);
  return s;
}

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** Make sure every ancestor of `path` exists in the upper layer as a dir (copy-up of parent dirs). */
function copyUpParents(upper: FileTable, lower: FileTable[], path: string, mtime: number) {
  for (const a of ancestors(path).reverse()) {
    if (upper[a]?.type === 'dir') continue;
    const below = lookup(lower, a);
    upper[a] = below?.type === 'dir' ? { type: 'dir', mode: below.mode, mtime } : { type: 'dir', mode: 0o755, mtime };
  }
}

/** Write a node into the upper layer (copy-up semantics: the whole file lands in upper). */
export function writeNode(upper: FileTable, lower: FileTable[], path: string, node: FsNode) {
  const p = normPath(path);
  copyUpParents(upper, lower, p, node.mtime);
  if (node.type === 'dir' && upper[p]?.type === 'whiteout') {
    // re-creating a deleted lower directory: it must hide the old content (opaque dir)
    upper[p] = { ...node, opaque: true };
    return;
  }
  upper[p] = node;
}

/** Delete a path in the union view: remove it from upper and whiteout lower copies (recursively for dirs). */
export function removeNode(upper: FileTable, lower: FileTable[], path: string, mtime: number) {
  const p = normPath(path);
  for (const k of Object.keys(upper)) if (k === p || k.startsWith(p + '/')) delete upper[k];
  if (lookup(lower, p)) {
    copyUpParents(upper, lower, p, mtime);
    upper[p] = { type: 'whiteout', mtime };
  }
}

export type ChangeKind = 'A' | 'C' | 'D';

/** `docker diff`: walk the upper layer in lexical order (pkg/archive/changes.go rules). */
export function diffUpper(upper: FileTable, lower: FileTable[]): { kind: ChangeKind; path: string }[] {
  const out: { kind: ChangeKind; path: string }[] = [];
  const emitted = new Set<string>();
  const emit = (kind: ChangeKind, path: string) => {
    if (emitted.has(path)) return;
    emitted.add(path);
    out.push({ kind, path });
  };
  for (const path of Object.keys(upper).sort()) {
    const node = upper[path];
    const below = lookup(lower, path);
    let kind: ChangeKind;
    if (node.type === 'whiteout') kind = 'D';
    else if (below) {
      if (node.type === 'dir' && below.type === 'dir' && node.mode === below.mode && node.mtime === below.mtime && !node.opaque) continue;
      kind = 'C';
    } else kind = 'A';
    if (kind !== 'C') {
      const parent = parentOf(path);
      if (parent !== '/' && !emitted.has(parent)) emit('C', parent);
    }
    emit(kind, path);
  }
  return out;
}
