// Files as the engine keeps them: a node (dir, file, symlink, whiteout) and a path → node table, for layers, volumes and archives.

/** One entry of a layer's file table. A whiteout hides the same path in lower layers (overlay2 char 0/0 device). */
export type FsNode =
  | { type: 'dir'; mode: number; mtime: number; opaque?: boolean }
  | { type: 'file'; mode: number; mtime: number; content: string; size?: number }
  | { type: 'symlink'; target: string; mtime: number }
  | { type: 'whiteout'; mtime: number };

/** A path → node table; paths are absolute and normalised ('/etc/hosts'). */
export type FileTable = Record<string, FsNode>;
