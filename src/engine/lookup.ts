// Finding daemon objects by what the user typed (moby's container view, FindNetwork, GetImage, volume Get): name, ID or ID prefix.
import { nameHolder, touch } from './indexes';
import { own } from './dict';
import { containerById, hasContainer, idsWithPrefix } from './container-table';
import type { Container, EngineState, Image, Network, Volume } from './state';
import { invalid, noSuchContainer, noSuchImage, noSuchNetwork, noSuchVolume } from './errors';
import { parseRef, type ParsedRef } from './refs';

/** The ID a reference names (daemon GetContainer: full ID, exact name with or without the leading '/', then a unique
 *  ID prefix), or undefined. */
function containerId(s: EngineState, ref: string): string | undefined {
  if (ref.length === 64 && hasContainer(s, ref)) return ref;
  const byName = nameHolder(s, ref.startsWith('/') ? ref.slice(1) : ref);
  if (byName) return byName;
  if (ref && /^[0-9a-f]+$/.test(ref)) {
    const hits = idsWithPrefix(s, ref);
    if (hits.length > 1) throw invalid(`multiple IDs found with provided prefix: ${ref}`);
    if (hits.length === 1) return hits[0];
  }
  return undefined;
}

export function findContainer(s: EngineState, ref: string): Container {
  const id = containerId(s, ref);
  if (id) {
    touch(id); // a command that looks a container up may change it: its due times are read again after the command
    return containerById(s, id)!;
  }
  throw noSuchContainer(ref);
}

/** daemon FindNetwork: full ID, exact name, then unique ID prefix. */
export function findNetwork(s: EngineState, ref: string): Network | undefined {
  const exact = own(s.networks, ref);
  if (exact) return exact;
  const all = Object.values(s.networks);
  const byName = all.filter((n) => n.name === ref);
  if (byName.length > 1) throw invalid(`network ${ref} is ambiguous (${byName.length} matches found on name)`);
  if (byName.length === 1) return byName[0];
  const byId = ref ? all.filter((n) => n.id.startsWith(ref)) : [];
  if (byId.length > 1) throw invalid(`network ${ref} is ambiguous (${byId.length} matches found based on ID prefix)`);
  return byId[0];
}

export function getNetwork(s: EngineState, ref: string): Network {
  const n = findNetwork(s, ref);
  if (!n) throw noSuchNetwork(ref);
  return n;
}

/** A full image ID, with or without `sha256:`, and an image ID prefix (as image delete tells IDs from names). */
export const FULL_ID = /^(sha256:)?[0-9a-f]{64}$/;
export const ID_PREFIX = /^(sha256:)?[0-9a-f]{1,63}$/;

/** Find a local image by ID, ID prefix or reference (moby daemon/images GetImage order). */
export function findImage(s: EngineState, ref: string): Image | undefined {
  if (FULL_ID.test(ref)) return s.images[ref.startsWith('sha256:') ? ref : 'sha256:' + ref];
  let parsed: ParsedRef | undefined;
  try {
    parsed = parseRef(ref);
  } catch {
    parsed = undefined;
  }
  if (parsed) {
    const id = parsed.digest ? findByDigest(s, parsed) : s.tags[parsed.fullTagged];
    if (id) return s.images[id];
  }
  if (ID_PREFIX.test(ref)) {
    const p = ref.replace(/^sha256:/, '');
    const hits = Object.keys(s.images).filter((id) => id.slice(7).startsWith(p));
    if (hits.length === 1) return s.images[hits[0]];
  }
  return undefined;
}

function findByDigest(s: EngineState, r: ParsedRef): string | undefined {
  const want = `${r.fullName}@${r.digest}`;
  return Object.values(s.images).find((i) => i.repoDigests.includes(want))?.id;
}

/** Like findImage, but throws the daemon's `No such image: <familiar ref>` error. */
export function getImage(s: EngineState, ref: string): Image {
  const img = findImage(s, ref);
  if (img) return img;
  let shown = ref;
  try {
    shown = parseRef(ref).familiarTagged;
  } catch {
    /* keep as typed */
  }
  throw noSuchImage(shown);
}

/** A volume by exact name (volumes have no IDs or prefixes), or undefined. */
export function findVolume(s: EngineState, name: string): Volume | undefined {
  return Object.hasOwn(s.volumes, name) ? s.volumes[name] : undefined;
}

/** GET /volumes/{name}: exact names only; throws `get NAME: no such volume`. */
export function getVolume(s: EngineState, name: string): Volume {
  const v = findVolume(s, name);
  if (!v) throw noSuchVolume(name);
  return v;
}
