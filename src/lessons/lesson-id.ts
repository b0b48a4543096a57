// Lesson ids as a page may write them: `04-networking/03-isolation-and-connect` or the short `networking/isolation`.

const strip = (s: string) => s.replace(/^\d+-/, '');
/** `isolation` names `isolation-and-connect`: the whole part, or its start up to a dash. */
const names = (full: string, short: string) => full === short || full.startsWith(short + '-');

/** The id among `ids` that `wanted` names, or null when none or several do (an exact short name wins over a prefix). */
export function resolveLessonId(ids: string[], wanted: string): string | null {
  const w = wanted.trim().replace(/^\/+|\/+$/g, '').replace(/^lessons\//, '');
  if (ids.includes(w)) return w;
  const parts = w.split('/');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  const [wc, ws] = parts.map(strip);
  const hits = ids.filter((id) => {
    const [c, s] = id.split('/').map(strip);
    return names(c, wc) && names(s ?? '', ws);
  });
  const exact = hits.filter((id) => id.split('/').map(strip)[1] === ws);
  if (exact.length === 1) return exact[0];
  return hits.length === 1 ? hits[0] : null;
}
