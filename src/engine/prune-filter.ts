// API filters (moby api/types/filters) as the endpoints read them: label matching, and the prune endpoints' until/label/label! predicate (daemon/prune.go).
import { invalid, invalidFilter } from './errors';

/** Filter values by key, as the client sends them (`label=a` twice → `{ label: ['a', …] }`). */
export type Filters = Record<string, string[]>;

/** filters.MatchKVList: every `label=k` / `label=k=v` must match. */
export function labelsMatch(wants: string[], labels: Record<string, string> | null): boolean {
  return wants.every((w) => {
    const i = w.indexOf('=');
    const k = i < 0 ? w : w.slice(0, i);
    if (!labels || !Object.hasOwn(labels, k)) return false;
    return i < 0 || labels[k] === w.slice(i + 1);
  });
}


/**
 * Whether an object created at `created` (ms) with `labels` may be pruned. `until` is a Unix timestamp in seconds or
 * an RFC 3339 time (the client turns a relative duration like `1h` into a timestamp first); unknown keys are refused.
 */
export function pruneMatcher(filters: Filters, accepted: string[]): (created: number, labels: Record<string, string> | null | undefined) => boolean {
  for (const k of Object.keys(filters)) if (!accepted.includes(k)) throw invalidFilter(k);
  const untils = (filters.until ?? []).map((v) => {
    const t = /^\d+(\.\d+)?$/.test(v) ? parseFloat(v) * 1000 : Date.parse(v);
    if (Number.isNaN(t)) throw invalid(`failed to parse value as time or duration: ${JSON.stringify(v)}`);
    return t;
  });
  if (untils.length > 1) throw invalid('more than one until filter specified');
  return (created, labels) =>
    (!untils.length || created < untils[0]) &&
    (!filters.label || labelsMatch(filters.label, labels ?? null)) &&
    !(filters['label!'] ?? []).some((w) => labelsMatch([w], labels ?? null));
}
