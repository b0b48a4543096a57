// The files a registry:2 container keeps under /var/lib/registry (distribution registry/storage/paths.go layout).
import { dict } from '../dict';
import type { Container, EngineState, FileTable, FsNode, Mount, PushedImage } from '../state';
import { imageManifest } from './manifest';
import { containerView } from '../container-table';

/** The registry's storage root in its container (config.yml `rootdirectory`, the image's VOLUME). */
export const REGISTRY_ROOT = '/var/lib/registry';
const V2 = '/docker/registry/v2';

/** Repositories a registry container serves: what was pushed to localhost:P or 127.0.0.1:P for its published ports. */
export function servedRepos(s: EngineState, c: Container): Record<string, Record<string, PushedImage>> {
  const repos: Record<string, Record<string, PushedImage>> = dict();
  for (const p of c.ports) {
    for (const host of [`localhost:${p.hostPort}`, `127.0.0.1:${p.hostPort}`]) {
      for (const [path, tags] of Object.entries(s.registries?.[host] ?? {})) repos[path] = { ...(repos[path] ?? {}), ...tags };
    }
  }
  return repos;
}

const hexOf = (digest: string) => digest.slice(7);

/**
 * The storage tree for what a registry container holds, paths relative to its root ('/docker/registry/v2/…'), parent
 * directories first. Blobs are content-addressed under blobs/; repositories only hold `link` files naming them.
 */
export function registryTree(s: EngineState, c: Container, mtime: number): FileTable {
  const t: FileTable = {};
  const dir = (p: string) => {
    const parts = p.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) t['/' + parts.slice(0, i).join('/')] ??= { type: 'dir', mode: 0o755, mtime };
  };
  const file = (p: string, content: string, size?: number) => {
    dir(p.slice(0, p.lastIndexOf('/')));
    t[p] = { type: 'file', mode: 0o644, mtime, content, ...(size === undefined ? {} : { size }) };
  };
  const blob = (digest: string, content: string, size?: number) => file(`${V2}/blobs/sha256/${hexOf(digest).slice(0, 2)}/${hexOf(digest)}/data`, content, size);
  const link = (p: string, digest: string) => file(`${p}/sha256/${hexOf(digest)}/link`, digest);
  const repos = servedRepos(s, c);
  for (const path of Object.keys(repos).sort()) {
    const base = `${V2}/repositories/${path}`;
    dir(`${base}/_uploads`); // a finished upload leaves its directory empty
    for (const tag of Object.keys(repos[path]).sort()) {
      const p = repos[path][tag];
      const m = imageManifest(p.image, p.layers);
      for (const l of m.layers) {
        blob(l.digest, '', l.size); // gzip bytes we do not hold: only the size is real
        link(`${base}/_layers`, l.digest);
      }
      blob(m.config.digest, m.config.text);
      link(`${base}/_layers`, m.config.digest); // the config is uploaded as a blob too
      blob(m.digest, m.text);
      link(`${base}/_manifests/revisions`, m.digest);
      file(`${base}/_manifests/tags/${tag}/current/link`, m.digest);
      link(`${base}/_manifests/tags/${tag}/index`, m.digest);
    }
  }
  return Object.fromEntries(Object.entries(t).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The deepest mount covering the registry's root, and the root's path inside it. */
function storageMount(c: Container): { mount: Mount; sub: string } | null {
  const over = (c.mounts ?? []).filter((m) => m.type !== 'tmpfs' && !m.file && (REGISTRY_ROOT === m.destination || REGISTRY_ROOT.startsWith(m.destination + '/')));
  const mount = over.sort((a, b) => b.destination.length - a.destination.length)[0];
  return mount ? { mount, sub: REGISTRY_ROOT.slice(mount.destination.length) } : null;
}

const isRegistry = (c: Container) => c.state.status === 'running' && c.process?.program === 'registry';
/** Running registry:2 containers (asked after every docker command: kept up to date instead of scanning). */
const registries = containerView(isRegistry);

const same = (a: FsNode | undefined, b: FsNode) =>
  !!a && a.type === b.type && (a.type !== 'file' || (b.type === 'file' && a.content === b.content && a.size === b.size && a.mode === b.mode));

/** Write the registries' trees into the volumes mounted at their storage root; unchanged files keep their mtimes. */
export function writeRegistryVolumes(s: EngineState) {
  for (const c of registries(s)) {
    const at = storageMount(c);
    if (!at || at.mount.type !== 'volume' || !s.volumes[at.mount.name]) continue;
    const files = s.volumes[at.mount.name].files;
    for (const [p, n] of Object.entries(registryTree(s, c, s.clock))) {
      const path = at.sub + p;
      if (same(files[path], n)) continue;
      if (!files[path]) {
        const parent = files[path.slice(0, path.lastIndexOf('/'))];
        if (parent?.type === 'dir') parent.mtime = s.clock; // a new entry changes its directory
      }
      files[path] = n;
    }
  }
}

/** Host directories that running registries store into through bind mounts, with the tree each should hold there. */
export function registryBinds(s: EngineState): { source: string; files: FileTable }[] {
  const out: { source: string; files: FileTable }[] = [];
  for (const c of registries(s)) {
    const at = storageMount(c);
    if (!at || at.mount.type !== 'bind') continue;
    const files = registryTree(s, c, s.clock);
    if (Object.keys(files).length) out.push({ source: (at.mount.source === '/' ? '' : at.mount.source) + at.sub, files });
  }
  return out;
}
