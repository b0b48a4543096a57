// A container's mounts (moby daemon/volumes.go registerMountPoints + volume/mounts linux parser): binds, --mount, --tmpfs, --volumes-from, VOLUMEs.
import type { Container, EngineState, FileTable, Mount, MountCreateOptions, MountSpec, Volume } from '../state';
import { DockerError, duplicateMountPoint, invalid, invalidMountMode, invalidVolumeSpec } from '../errors';
import { findContainer } from '../lookup';
import { imageStack, lowerStack } from '../image';
import { lookup, normPath, realPath, walk, writeNode } from '../layers';
import { create as createVolume, mountpointOf, volumeUsers } from './volumes';

const RW_MODES = ['rw', 'ro', 'ro-non-recursive', 'ro-force-recursive', 'rro'];
const LABEL_MODES = ['z', 'Z'];
const PROPAGATIONS = ['private', 'rprivate', 'slave', 'rslave', 'shared', 'rshared'];
const CONSISTENCIES = ['consistent', 'cached', 'delegated'];

/** linuxValidMountMode: comma-separated options, at most one of each kind. */
export function validMountMode(mode: string): boolean {
  if (mode === '') return true;
  const counts = [0, 0, 0, 0, 0];
  for (const o of mode.split(',')) {
    const kind = RW_MODES.includes(o) ? 0 : LABEL_MODES.includes(o) ? 1 : PROPAGATIONS.includes(o) ? 2 : o === 'nocopy' ? 3 : CONSISTENCIES.includes(o) ? 4 : -1;
    if (kind < 0) return false;
    counts[kind]++;
  }
  return counts.every((n) => n <= 1);
}

const readWrite = (mode: string) => validMountMode(mode) && !mode.split(',').includes('ro');
const propagationOf = (mode: string) => mode.split(',').find((o) => PROPAGATIONS.includes(o));

/** Go strings.SplitN. */
function splitN(s: string, sep: string, n: number): string[] {
  const parts = s.split(sep);
  return parts.length <= n ? parts : [...parts.slice(0, n - 1), parts.slice(n - 1).join(sep)];
}

/** validateMountConfigImpl: the text after `invalid mount config for type "T": `, or null when valid. */
function checkSpec(m: MountSpec, hostPaths: MountCreateOptions['hostPaths'] | null): string | null {
  const err = (msg: string) => `invalid mount config for type "${m.Type}": ${msg}`;
  const absolute = (p: string) => (p.startsWith('/') ? null : err(`invalid mount path: '${p}' mount path must be absolute`));
  if (!m.Target) return err('field Target must not be empty');
  if (m.Target.startsWith('/') && normPath(m.Target) === '/') return err("invalid specification: destination can't be '/'");
  const t = absolute(m.Target);
  if (t) return t;
  switch (m.Type) {
    case 'bind': {
      if (!m.Source) return err('field Source must not be empty');
      const prop = m.BindOptions?.Propagation;
      if (prop && !PROPAGATIONS.includes(prop)) return err(`invalid propagation mode: ${prop}`);
      if (m.VolumeOptions) return err('field VolumeOptions must not be specified');
      const s = absolute(m.Source);
      if (s) return s;
      if (hostPaths && hostPaths[normPath(m.Source)] === null && !m.BindOptions?.CreateMountpoint) return err(`bind source path does not exist: ${m.Source}`); // volume/mounts/validate.go:20 (v27.5.1)
      return null;
    }
    case 'volume':
      if (m.BindOptions) return err('field BindOptions must not be specified');
      if (m.ReadOnly && !m.Source) return err('must not set ReadOnly mode when using anonymous volumes');
      return null;
    case 'tmpfs':
      if (m.BindOptions) return err('field BindOptions must not be specified');
      if (m.Source) return err('field Source must not be specified');
      return null;
    default:
      return err('mount type unknown');
  }
}

/** ParseMountRaw: one HostConfig.Binds entry (`SRC:DST[:MODE]`) as a mount spec and its mode text. */
export function parseBind(raw: string): { spec: MountSpec; mode: string } {
  const bad = () => invalidVolumeSpec(raw);
  const arr = splitN(raw, ':', 4);
  if (arr[0] === '') throw bad();
  let [source, target, mode] = ['', '', ''];
  if (arr.length === 1) target = arr[0];
  else if (arr.length === 2) {
    if (validMountMode(arr[1])) throw bad(); // `/foo:rw`: a destination with a mode is not a volume
    [source, target] = arr;
  } else if (arr.length === 3) [source, target, mode] = arr;
  else throw bad();
  if (!validMountMode(mode)) throw invalidMountMode(mode);
  const spec: MountSpec = { Type: source.startsWith('/') ? 'bind' : 'volume', ...(source ? { Source: source } : {}), Target: target, ...(readWrite(mode) ? {} : { ReadOnly: true }) };
  if (mode.split(',').includes('nocopy')) spec.VolumeOptions = { NoCopy: true };
  const prop = propagationOf(mode);
  if (prop) spec.BindOptions = { Propagation: prop };
  const e = checkSpec(spec, null);
  if (e) throw invalidVolumeSpec(raw, e);
  return { spec, mode };
}

/** daemon validateHostConfig: --mount specs are checked before the image is even looked up (so nothing is pulled). */
export function validateMountSpecs(h: Partial<Container['hostConfig']> | undefined, o: MountCreateOptions = {}) {
  for (const spec of h?.Mounts ?? []) {
    const e = checkSpec(spec, o.hostPaths ?? {});
    if (e) throw invalid(e);
  }
}

interface Planned {
  mount: Mount;
  /** Copy the image's files into an empty volume (CopyData). */
  copy: boolean;
}

/** A mount point for a parsed spec; volume specs create (or reuse) their volume. `viaMountFlag`: from HostConfig.Mounts. */
function plan(s: EngineState, spec: MountSpec, mode: string, viaMountFlag: boolean, hostPaths: MountCreateOptions['hostPaths']): Planned {
  const destination = normPath(spec.Target!);
  const base = { name: '', source: '', destination, driver: '', mode, rw: !spec.ReadOnly, propagation: '', named: true };
  if (spec.Type === 'volume') {
    const vo = viaMountFlag ? spec.VolumeOptions : undefined;
    const v: Volume = createVolume(s, { name: spec.Source ?? '', driver: vo?.DriverConfig?.Name, labels: vo ? { ...(vo.Labels ?? {}) } : null, options: vo?.DriverConfig?.Options ?? null });
    const mount: Mount = { ...base, type: 'volume', name: v.name, source: mountpointOf(v.name), driver: v.driver, mode: mode || 'z', named: !!spec.Source };
    return { mount, copy: !spec.VolumeOptions?.NoCopy };
  }
  if (spec.Type === 'bind') {
    const source = normPath(spec.Source!);
    return { mount: { ...base, type: 'bind', source, propagation: spec.BindOptions?.Propagation || 'rprivate', ...(hostPaths?.[source] === 'file' ? { file: true } : {}) }, copy: false };
  }
  return { mount: { ...base, type: 'tmpfs', files: {} }, copy: false };
}

/** ParseVolumesFrom + the copy of each mount point of the other container. */
function volumesFrom(s: EngineState, spec: string): Mount[] {
  if (!spec) throw invalid('volumes-from specification cannot be an empty string');
  const i = spec.indexOf(':');
  const [ref, given] = i < 0 ? [spec, ''] : [spec.slice(0, i), spec.slice(i + 1)];
  const mode = given || 'rw';
  if (!validMountMode(mode) || propagationOf(mode) || mode.split(',').includes('nocopy')) throw invalidMountMode(mode);
  let src: Container;
  try {
    src = findContainer(s, ref);
  } catch (e) {
    throw e instanceof DockerError ? invalid(e.message) : e;
  }
  return src.mounts.filter((m) => !m.tmpfsFlag).map((m) => ({ ...m, mode: '', rw: m.rw && readWrite(mode), ...(m.type === 'tmpfs' ? { files: {} } : {}) }));
}

/** Copy what the image has at the mount point into a volume that is still empty (daemon populateVolumes). */
function populate(vol: Volume, stack: FileTable[], destination: string) {
  if (Object.keys(vol.files).length) return;
  const root = realPath(stack, destination);
  if (lookup(stack, root)?.type !== 'dir') return;
  for (const p of walk(stack, root)) {
    const n = lookup(stack, p)!;
    vol.files[p.slice(root.length)] = n.type === 'dir' ? { type: 'dir', mode: n.mode, mtime: n.mtime } : { ...n };
  }
}

/**
 * Container create: mount points from --volumes-from, then -v binds, then --mount (later ones replace earlier
 * ones at the same destination; binds and mounts must not repeat one), then the image's and `-v /path` anonymous
 * volumes where nothing is mounted yet. Empty volumes get the image's files. Throws the daemon's texts.
 */
export function registerMounts(s: EngineState, c: Container, o: MountCreateOptions = {}) {
  const h = c.hostConfig;
  const planned: Planned[] = [];
  const put = (p: Planned) => {
    const i = planned.findIndex((x) => x.mount.destination === p.mount.destination);
    if (i >= 0) planned[i] = p;
    else planned.push(p);
  };
  for (const spec of h.VolumesFrom ?? []) for (const m of volumesFrom(s, spec)) put({ mount: m, copy: false });
  const tmpfs = Object.keys(h.Tmpfs ?? {});
  for (const dest of tmpfs) {
    const e = checkSpec({ Type: 'tmpfs', Target: dest }, null);
    if (e) throw invalid(e.slice(e.indexOf(': ') + 2));
  }
  const taken = new Set<string>();
  for (const raw of h.Binds ?? []) {
    const { spec, mode } = parseBind(raw);
    const dest = normPath(spec.Target!);
    if (taken.has(dest) || tmpfs.some((t) => normPath(t) === dest)) throw duplicateMountPoint(dest);
    taken.add(dest);
    put(plan(s, spec, mode, false, o.hostPaths));
  }
  for (const spec of h.Mounts ?? []) {
    const e = checkSpec(spec, o.hostPaths ?? {});
    if (e) throw invalid(e);
    if (taken.has(normPath(spec.Target!))) throw duplicateMountPoint(spec.Target!);
    taken.add(normPath(spec.Target!));
    put(plan(s, spec, '', true, o.hostPaths));
  }
  for (const [dest, opts] of Object.entries(h.Tmpfs ?? {})) {
    const mount: Mount = { type: 'tmpfs', name: '', source: '', destination: normPath(dest), driver: '', mode: '', rw: !opts.split(',').includes('ro'), propagation: '', named: true, tmpfsFlag: true, files: {} };
    put({ mount, copy: false });
  }
  if (o.anonymous?.length) c.config.Volumes = { ...(c.config.Volumes ?? {}), ...Object.fromEntries(o.anonymous.map((p) => [p, {}])) };
  for (const spec of Object.keys(c.config.Volumes ?? {})) {
    const destination = normPath(spec);
    if (planned.some((p) => p.mount.destination === destination)) continue;
    const v = createVolume(s, {});
    planned.push({ mount: { type: 'volume', name: v.name, source: mountpointOf(v.name), destination, driver: v.driver, mode: '', rw: true, propagation: '', named: false }, copy: true });
  }
  const stack = [c.upper, ...lowerStack(s, c)];
  for (const p of planned) if (p.copy && p.mount.type === 'volume' && s.volumes[p.mount.name]) populate(s.volumes[p.mount.name], stack, p.mount.destination);
  c.mounts = planned.map((p) => p.mount);
}

/** Container start: runc creates missing mount points in the container's root filesystem (they land in the upper layer). */
export function createMountpoints(s: EngineState, c: Container) {
  if (!c.mounts?.length) return;
  const lower = lowerStack(s, c);
  for (const m of c.mounts) {
    const stack = [c.upper, ...lower];
    const real = realPath(stack, m.destination);
    if (lookup(stack, real)) continue;
    writeNode(c.upper, lower, real, m.file ? { type: 'file', mode: 0o755, mtime: s.clock, content: '' } : { type: 'dir', mode: 0o755, mtime: s.clock });
  }
}

/** The container stopped: its tmpfs mounts lose their content. */
export function clearTmpfs(c: Container) {
  for (const m of c.mounts ?? []) if (m.type === 'tmpfs') m.files = {};
}

/** After a container is deleted: with `removeAnonymous` (rm -v, --rm) its unnamed volumes go too, unless another container uses them. */
export function releaseMounts(s: EngineState, c: Container, removeAnonymous: boolean) {
  if (!removeAnonymous) return;
  for (const m of c.mounts ?? []) {
    if (m.type !== 'volume' || m.named || !Object.hasOwn(s.volumes, m.name)) continue;
    if (volumeUsers(s, m.name).length === 0) delete s.volumes[m.name];
  }
}
