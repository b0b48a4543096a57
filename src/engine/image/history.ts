// GET /images/{name}/history: image history rows, newest first, with the local images that own them.
import type { EngineState, HistoryEntry } from '../state';
import { chainIds, tagsOf } from './images';
import { getImage } from '../lookup';
import { parseRef } from '../refs';

export interface HistoryRow {
  /** `sha256:<hex>` for rows that are local images, `<missing>` otherwise. */
  id: string;
  /** ms since epoch (0: unknown). */
  created: number;
  createdBy: string;
  size: number;
  comment: string;
  tags: string[];
}

/**
 * moby daemon/images/image_history.go: newest first; the top row is the image itself, each next row
 * its parent image (classic builds and commits have parents), the rest `<missing>`.
 */
export function imageHistory(s: EngineState, ref: string): HistoryRow[] {
  const img = getImage(s, ref);
  const chains = chainIds(img.diffIds);
  let layer = 0;
  const rows: HistoryRow[] = img.history.map((h: HistoryEntry) => {
    const size = h.emptyLayer ? 0 : (s.layers[chains[layer++]]?.size ?? 0);
    return { id: '<missing>', created: h.created, createdBy: h.createdBy, size, comment: h.comment, tags: [] };
  });
  rows.reverse();
  let cur: typeof img | undefined = img;
  for (const row of rows) {
    if (!cur) break;
    row.id = cur.id;
    row.tags = tagsOf(s, cur.id).map((t) => parseRef(t).familiarTagged);
    cur = cur.parent ? s.images[cur.parent] : undefined;
  }
  return rows;
}
