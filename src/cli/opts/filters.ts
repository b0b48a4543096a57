// --filter values for the prune commands: `key=value` pairs, with `until=<duration>` made an absolute timestamp.
import { parseFilters, type VolumeFilters as Filters } from '../../engine/index';
import { goDuration } from '../container/logs';
import { checkFilters } from '../volume/ls';

/**
 * The filters a prune sends: `until=1h` means "created more than an hour ago", so a relative duration is turned into
 * a Unix timestamp against the simulated clock (timetypes.GetTimestamp); timestamps and dates pass as typed.
 */
export function pruneFilters(values: string[], now: number): Filters {
  const filters = parseFilters(checkFilters(values, '--filter'));
  if (filters.until) filters.until = filters.until.map((v) => (goDuration(v) === null ? v : ((now - goDuration(v)!) / 1000).toFixed(3)));
  return filters;
}
