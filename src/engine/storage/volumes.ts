// Local volumes (moby volume/service store + local driver): create, get, list filters, remove, prune, usage, stored writes.
import { touch } from '../indexes';
import { dict } from '../dict';
import type { EngineState, FileTable, MountWrites, Volume } from '../state';
import { conflict, invalid, invalidFilter, noSuchVolume, notFound } from '../errors';
import { randomId } from '../ids';
import { tableSize } from '../layers';
import { labelsMatch, type Filters } from '../prune-filter';
import { containerById, allContainers } from '../container-table';

/** Label moby puts on volumes created without a name (volume/service AnonymousLabel, API ≥ 1.42). */
export const ANONYMOUS_LABEL = 'com.docker.volume.anonymous';

const NAME_RE = /^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/;
const LOCAL_OPTS = ['type', 'o', 'device', 'size'];
const MANDATORY: Record<string, string[]> = { device: ['type'], type: ['device'], o: ['device', 'type'] };

/** Where the local driver keeps a volume's data. */
export const mountpointOf = (name: string) => `/var/lib/docker/volumes/${name}/_data`;

export interface VolumeCreateOptions {
  /** '' or undefined: a generated 64-hex name and the anonymous label. */
  name?: string;
  driver?: string;
  /** null: none given (a container mount); `docker volume create` sends {}. */
  labels?: Record<string, string> | null;
  options?: Record<string, string> | null;
}

/** The local driver's checks (volume/local validateName, validateOpts), wrapped like the store's OpErr. */
function validate(name: string, opts: Record<string, string> | null) {
  const op = (msg: string) => invalid(`create ${name}: ${msg}`);
  if (name.length === 1) throw op('volume name is too short, names should be at least two alphanumeric characters');
  if (!NAME_RE.test(name)) throw op(`"${name}" includes invalid characters for a local volume name, only "[a-zA-Z0-9][a-zA-Z0-9_.-]" are allowed. If you intended to pass a host directory, use absolute path`);
  const keys = Object.keys(opts ?? {});
  for (const k of keys) if (!LOCAL_OPTS.includes(k)) throw op(`invalid option: "${k}"`);
  for (const [k, req] of Object.entries(MANDATORY)) {
    if (keys.includes(k)) for (const r of req) if (!keys.includes(r)) throw op(`missing required option: "${r}"`);
  }
}

/** POST /volumes/create, and what a container mount does for a volume it names: an existing volume is returned as is. */
export function create(s: EngineState, o: VolumeCreateOptions = {}): Volume {
  const anonymous = !o.name;
  const name = o.name || randomId(s.rng);
  const driver = o.driver || 'local';
  // only the local driver is installed: any other name fails the plugin lookup, even for an existing volume
  if (driver !== 'local') throw notFound(`create ${name}: error looking up volume plugin ${driver}: plugin "${driver}" not found`);
  if (Object.hasOwn(s.volumes, name)) return s.volumes[name];
  validate(name, o.options ?? null);
  const labels = anonymous ? dict(o.labels, [[ANONYMOUS_LABEL, '']]) : (o.labels ?? null);
  s.volumes[name] = { name, driver, created: s.clock, labels: labels ? dict(labels) : null, options: o.options ? dict(o.options) : null, files: {} };
  return s.volumes[name];
}

/** IDs of the containers that reference a volume (any state), in creation order: the store's refs. */
export function volumeUsers(s: EngineState, name: string): string[] {
  return allContainers(s).filter((c) => c.mounts?.some((m) => m.type === 'volume' && m.name === name)).map((c) => c.id);
}

/** DELETE /volumes/{name}[?force]: in use → `remove NAME: volume is in use - [IDs]`; force forgives a missing volume. */
export function remove(s: EngineState, name: string, force = false) {
  if (!Object.hasOwn(s.volumes, name)) {
    if (force) return;
    throw noSuchVolume(name);
  }
  const users = volumeUsers(s, name);
  if (users.length) throw conflict(`remove ${name}: volume is in use - [${users.join(', ')}]`);
  delete s.volumes[name];
}

/** `key=value` filter arguments grouped by key (the API's filters.Args). */

export function parseFilters(list: string[]): Filters {
  const out: Filters = dict();
  for (const f of list) {
    const i = f.indexOf('=');
    (out[f.slice(0, i)] ??= []).push(f.slice(i + 1));
  }
  return out;
}

function validateFilters(f: Filters, accepted: string[]) {
  for (const k of Object.keys(f)) if (!accepted.includes(k)) throw invalidFilter(k);
}

/** GET /volumes?filters: dangling=true|false, name= (substring/regexp), driver=, label=. */
export function list(s: EngineState, filters: Filters = dict()): Volume[] {
  validateFilters(filters, ['dangling', 'name', 'driver', 'label']);
  let out = Object.values(s.volumes);
  const dangling = filters.dangling;
  if (dangling) {
    // filters.Args.GetBoolOrDefault: exactly one of true/1 or false/0, else the values in Go's []string form
    const isTrue = dangling.includes('true') || dangling.includes('1');
    const isFalse = dangling.includes('false') || dangling.includes('0');
    if (isTrue === isFalse) throw invalidFilter(`dangling=[${dangling.join(' ')}]`);
    const want = isTrue;
    out = out.filter((vol) => (volumeUsers(s, vol.name).length === 0) === want);
  }
  if (filters.name) out = out.filter((vol) => filters.name.some((n) => vol.name.includes(n) || safeMatch(n, vol.name)));
  if (filters.driver) out = out.filter((vol) => filters.driver.includes(vol.driver));
  if (filters.label) out = out.filter((vol) => labelsMatch(filters.label, vol.labels));
  return out;
}

function safeMatch(re: string, text: string): boolean {
  try {
    return new RegExp(re).test(text);
  } catch {
    return false;
  }
}

/** POST /volumes/prune: unused volumes (anonymous ones unless `all=true`), filtered by label / label!. */
export function prune(s: EngineState, filters: Filters = dict()): { deleted: string[]; reclaimed: number } {
  validateFilters(filters, ['label', 'label!', 'all']);
  const all = (filters.all ?? []).some((v) => v === 'true' || v === '1');
  const deleted: string[] = [];
  let reclaimed = 0;
  for (const v of Object.values(s.volumes).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (v.driver !== 'local' || volumeUsers(s, v.name).length) continue;
    if (!all && !(v.labels && Object.hasOwn(v.labels, ANONYMOUS_LABEL))) continue;
    if (filters.label && !labelsMatch(filters.label, v.labels)) continue;
    if (filters['label!'] && filters['label!'].some((w) => labelsMatch([w], v.labels))) continue;
    reclaimed += tableSize(v.files);
    deleted.push(v.name);
    delete s.volumes[v.name];
  }
  return { deleted, reclaimed };
}

/** What `docker system df` needs per volume: bytes in _data and how many containers use it. */
export function volumeUsage(s: EngineState): { name: string; size: number; refCount: number }[] {
  return Object.values(s.volumes).map((v) => ({ name: v.name, size: tableSize(v.files), refCount: volumeUsers(s, v.name).length }));
}

/** The runtime reports what a container's processes wrote into its volumes and tmpfs mounts. */
export function storeWrites(s: EngineState, id: string, w: MountWrites) {
  for (const [name, files] of Object.entries(w.volumes ?? {})) if (Object.hasOwn(s.volumes, name)) s.volumes[name].files = files as FileTable;
  const c = containerById(s, id);
  touch(id);
  if (!c) return;
  for (const [dest, files] of Object.entries(w.tmpfs ?? {})) {
    const m = c.mounts.find((x) => x.type === 'tmpfs' && x.destination === dest);
    if (m) m.files = files;
  }
}
