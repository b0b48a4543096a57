// The prune endpoints' filters (moby daemon/prune.go): until=<timestamp>, label=k[=v], label!=k[=v] as one predicate.
import { invalid } from './errors';
import { labelsMatch, type Filters } from './storage';

/**
 * Whether an object created at `created` (ms) with `labels` may be pruned. `until` is a Unix timestamp in seconds or
 * an RFC 3339 time (the client turns a relative duration like `1h` into a timestamp first); unknown keys are refused.
 */
export function pruneMatcher(filters: Filters, accepted: string[]): (created: number, labels: Record<string, string> | null | undefined) => boolean {
  for (const k of Object.keys(filters)) if (!accepted.includes(k)) throw invalid(`invalid filter '${k}'`);
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
