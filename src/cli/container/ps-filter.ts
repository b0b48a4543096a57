// docker ps --filter: the daemon's container list filters (moby daemon/list.go), applied to our list.
import { fromDaemon } from '../daemon-error';
import { StatusError } from '../command';
import { FlagError } from '../flags';
import { hasOwn, healthStatus, own, type Container, type EngineState, type Image } from '../../engine/index';

const STATUSES = ['created', 'restarting', 'running', 'removing', 'paused', 'exited', 'dead'];
/** container.IsValidHealthString. */
const HEALTH = ['starting', 'healthy', 'unhealthy', 'none'];

/** filters.Args.Match: the value is a regular expression (an invalid one matches nothing). */
function matches(pattern: string, text: string): boolean {
  try {
    return new RegExp(pattern).test(text);
  } catch {
    return false;
  }
}

/** Parse `key=value` filters; several values of one key are ORed, different keys ANDed. */
export function parseFilters(list: string[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const f of list) {
    const i = f.indexOf('=');
    // opts.FilterOpt.Set rejects it while flags are parsed: a flag error (exit 125)
    if (i < 0) throw new FlagError(`invalid argument "${f}" for "-f, --filter" flag: bad format of filter (expected name=value)`);
    const k = f.slice(0, i).trim().toLowerCase();
    m.set(k, [...(m.get(k) ?? []), f.slice(i + 1)]);
  }
  return m;
}

const KNOWN = ['ancestor', 'before', 'expose', 'exited', 'health', 'id', 'is-task', 'label', 'name', 'network', 'publish', 'since', 'status', 'volume'];

/** Whether a status filter makes stopped containers count without -a (as the daemon does). */
export function impliesAll(filters: Map<string, string[]>): boolean {
  return filters.has('status') || filters.has('exited');
}

/** moby daemon/list.go: a mount point matches `volume=` by its destination, or by its volume name (a bind's source). */
function mountedAs(c: Container, v: string): boolean {
  return (c.mounts ?? []).some((m) => !m.tmpfsFlag && (m.destination === v || (m.name || m.source) === v));
}

export function applyPsFilters(s: EngineState, list: Container[], filters: Map<string, string[]>, find: (ref: string) => Container, findImage: (ref: string) => Image | undefined): Container[] {
  for (const k of filters.keys()) if (!KNOWN.includes(k)) throw new StatusError(fromDaemon(`invalid filter '${k}'`), 1);
  for (const v of filters.get('status') ?? []) if (!STATUSES.includes(v)) throw new StatusError(fromDaemon(`invalid filter 'status=${v}'`), 1);
  for (const v of filters.get('health') ?? []) if (!HEALTH.includes(v)) throw new StatusError(fromDaemon(`Unrecognised filter value for health: ${v}`), 1);
  if (filters.size === 0) return list;
  const any = (k: string, test: (v: string) => boolean) => !filters.has(k) || filters.get(k)!.some(test);
  return list.filter((c) => {
    const labels = c.config.Labels ?? {};
    return (
      any('status', (v) => c.state.status === v) &&
      any('exited', (v) => c.state.status === 'exited' && String(c.state.exitCode) === v) &&
      // daemon/list.go (v27.5.1): the name with and without its leading slash
      any('name', (v) => matches(v, `/${c.name}`) || matches(v, c.name)) &&
      any('id', (v) => c.id.startsWith(v)) &&
      any('label', (v) => {
        const [k, val] = v.split('=');
        return hasOwn(labels, k) && (val === undefined || own(labels, k) === val);
      }) &&
      any('ancestor', (v) => {
        // the image or any image it was built from (moby: the image and its parents)
        const want = findImage(v)?.id;
        for (let id: string | undefined = c.imageId; want && id; id = s.images[id]?.parent) if (id === want) return true;
        return false;
      }) &&
      any('before', (v) => c.seq < find(v).seq) &&
      any('since', (v) => c.seq > find(v).seq) &&
      any('network', (v) => Object.entries(c.endpoints).some(([name, ep]) => name === v || ep.networkId.startsWith(v))) &&
      any('expose', (v) => Object.keys(c.config.ExposedPorts ?? {}).includes(v.includes('/') ? v : v + '/tcp')) &&
      any('publish', (v) => c.ports.some((p) => String(p.hostPort) === v.split('/')[0])) &&
      any('is-task', (v) => v === 'false') &&
      any('health', (v) => healthStatus(c) === v) &&
      any('volume', (v) => mountedAs(c, v))
    );
  });
}
