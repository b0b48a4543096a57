// Docker's per-container init layer: /.dockerenv and the /etc/hostname it bind-mounts, seen below the writable layer.
import type { Container, FileTable } from '../../engine/index';

/**
 * moby creates `<id>-init` between the image and the container layer: an empty, executable /.dockerenv and
 * mount points for /etc/hostname, /etc/hosts and /etc/resolv.conf. They are not part of the container's
 * changes (`docker diff` never lists them). The bind-mounted /etc files' contents come from the networking
 * code (UnionFs.binds); this layer only makes /.dockerenv exist and /etc a merged directory, as on a real host.
 */
export function initLayer(c: Container): FileTable {
  const t = c.created;
  return {
    '/.dockerenv': { type: 'file', mode: 0o755, mtime: t, content: '' },
    '/etc': { type: 'dir', mode: 0o755, mtime: t },
  };
}
