// /var/lib/docker and /sys/fs/cgroup on the host, written from the engine: the overlay2 folders, volumes' _data and
// containers' files that `docker inspect` names, and each running container's cgroup (v2, as docker info says).
import { allContainers, cgroupFiles, chainIds, mountpointOf, sha256Hex, type Engine, type FileTable } from '../../engine/index';
import { cacheId } from '../../cli/container/inspect-json';
import type { HostFs } from '../host-fs';

const ROOT = '/var/lib/docker';
const CG = '/sys/fs/cgroup';
/** The modes dockerd gives its folders (moby v27.5.0: daemon/daemon_unix.go setupDaemonRoot 0o710, daemon/daemon.go
 *  containers 0o710 and tmp 0o700, volume/local 0o701, overlay2 0o710, image/fs.go 0o700, libnetwork's boltdb 0o750,
 *  builder-next 0o711, cluster and plugins 0o700). */
const MODES: Record<string, number> = { '': 0o710, buildkit: 0o711, containers: 0o710, image: 0o700, network: 0o750, overlay2: 0o710, plugins: 0o700, runtimes: 0o700, swarm: 0o700, tmp: 0o700, volumes: 0o701 };

const TOP = ['buildkit', 'containers', 'image', 'network', 'overlay2', 'plugins', 'runtimes', 'swarm', 'tmp', 'volumes'];
/** A layer's files are copied into its diff folder up to this many entries (a base image's thousands would slow every pull). */
const DIFF_LIMIT = 400;

interface Written {
  containers: object | null;
  volumes: object | null;
  images: object | null;
  /** The host's Docker packages when written (a host that became bare, then installed Docker, starts over). */
  packages: object | null;
  /** What each written thing was, by path (a record's reference: unchanged records are not rewritten). */
  seen: Map<string, object>;
}
const written = new WeakMap<HostFs, Written>();

/** Write a file unless it already holds this text (a branch re-syncing a restored filesystem changes no mtime). */
async function put(fs: HostFs, path: string, content: string): Promise<void> {
  const dir = path.slice(0, path.lastIndexOf('/'));
  if (!(await fs.exists(dir))) await fs.mkdir(dir, { recursive: true });
  if ((await fs.exists(path)) && (await fs.lstat(path)).isFile && (await fs.readFile(path)) === content) return;
  await fs.writeFile(path, content);
}

async function dir(fs: HostFs, path: string): Promise<void> {
  if (!(await fs.exists(path))) await fs.mkdir(path, { recursive: true });
}

/** Every path under a host folder, relative ('/etc', '/etc/hosts'). */
async function walk(fs: HostFs, base: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const n of await fs.readdir(base + rel).catch(() => [] as string[])) {
    const p = `${rel}/${n}`;
    out.push(p);
    const st = await fs.lstat(base + p);
    if (st.isDirectory) out.push(...(await walk(fs, base, p)));
  }
  return out;
}

/** Make a host folder hold a FileTable's files, and only those (whiteouts are character devices on a real overlay: left out). */
async function table(fs: HostFs, base: string, files: FileTable, limit = Infinity): Promise<void> {
  await dir(fs, base);
  const entries = Object.entries(files).filter(([, n]) => n.type !== 'whiteout').sort(([a], [b]) => (a < b ? -1 : 1));
  const shown = entries.length > limit ? entries.filter(([p]) => p.split('/').length === 2) : entries;
  const want = new Set<string>();
  for (const [p] of shown) for (let q = p; q; q = q.slice(0, q.lastIndexOf('/'))) want.add(q);
  for (const p of (await walk(fs, base)).reverse()) if (!want.has(p)) await fs.rm(base + p, { recursive: true, force: true });
  for (const [p, n] of shown) {
    if (n.type === 'dir') await dir(fs, base + p);
    else if (n.type === 'file') await put(fs, base + p, n.content);
    else if (n.type === 'symlink' && !(await fs.lstat(base + p).then(() => true, () => false))) {
      await dir(fs, (base + p).slice(0, (base + p).lastIndexOf('/')));
      await fs.symlink(n.target, base + p).catch(() => undefined);
    }
  }
}

/** Is there a Docker installation whose root should exist (always, on a host that had Docker from the start)? */
const installed = (engine: Engine) => !engine.state.host || engine.state.host.packages.includes('docker-ce');

export async function syncDockerRoot(engine: Engine, fs: HostFs): Promise<void> {
  if (!installed(engine)) return;
  const s = engine.state;
  const packages = s.host?.packages ?? null;
  let w = written.get(fs);
  if (w && w.packages !== packages) w = undefined;
  if (w && w.containers === s.containers && w.volumes === s.volumes && w.images === s.images) return;
  if (!w) {
    w = { containers: null, volumes: null, images: null, packages, seen: new Map() };
    written.set(fs, w);
    for (const d of TOP) await dir(fs, `${ROOT}/${d}`);
    for (const [p, mode] of Object.entries(MODES)) await fs.chmod(p ? `${ROOT}/${p}` : ROOT, mode);
    await put(fs, `${ROOT}/engine-id`, `${sha256Hex('engine-id').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12}).*$/, '$1-$2-$3-$4-$5')}\n`);
    for (const d of ['overlay2/l', 'image/overlay2/imagedb/content/sha256', 'image/overlay2/imagedb/metadata/sha256', 'image/overlay2/layerdb/sha256', 'image/overlay2/distribution', 'network/files', 'buildkit/content', 'runtimes', 'swarm', 'tmp', 'plugins/storage']) await dir(fs, `${ROOT}/${d}`);
    await fs.chmod(`${ROOT}/engine-id`, 0o600);
    await put(fs, `${CG}/cgroup.controllers`, 'cpuset cpu io memory hugetlb pids rdma misc\n');
    await put(fs, `${CG}/cgroup.subtree_control`, 'cpuset cpu io memory pids\n');
    await put(fs, `${CG}/cgroup.max.depth`, 'max\n');
    for (const u of ['docker.service', 'containerd.service', 'docker.socket']) await dir(fs, `${CG}/system.slice/${u}`);
  }
  const seen = w.seen;
  const live = new Set<string>();
  const fresh = (key: string, ref: object) => {
    live.add(key);
    if (seen.get(key) === ref) return false;
    seen.set(key, ref);
    return true;
  };

  // images and their layers: imagedb, layerdb (cache-id names the overlay2 folder) and each layer's diff
  for (const img of Object.values(s.images)) {
    const hex = img.id.replace('sha256:', '');
    if (fresh(`image:${hex}`, img)) await put(fs, `${ROOT}/image/overlay2/imagedb/content/sha256/${hex}`, JSON.stringify({ architecture: 'amd64', config: img.config, created: new Date(img.created).toISOString(), os: 'linux', rootfs: { type: 'layers', diff_ids: img.diffIds } }));
    const chains = chainIds(img.diffIds);
    for (const [i, chain] of chains.entries()) {
      const layer = s.layers[chain];
      if (!layer || !fresh(`layer:${chain}`, layer)) continue;
      const db = `${ROOT}/image/overlay2/layerdb/sha256/${chain.replace('sha256:', '')}`;
      await put(fs, `${db}/cache-id`, cacheId(chain));
      await put(fs, `${db}/diff`, layer.diffId);
      await put(fs, `${db}/size`, String(layer.size));
      if (i > 0) await put(fs, `${db}/parent`, chains[i - 1]);
      const o = `${ROOT}/overlay2/${cacheId(chain)}`;
      await table(fs, `${o}/diff`, layer.files, DIFF_LIMIT);
      await put(fs, `${o}/link`, cacheId(chain).slice(0, 26).toUpperCase());
      if (i > 0) {
        await put(fs, `${o}/lower`, chains.slice(0, i).reverse().map((c) => `l/${cacheId(c).slice(0, 26).toUpperCase()}`).join(':'));
        await dir(fs, `${o}/work`);
      }
    }
  }

  // containers: their folder, the -init layer, the writable layer (diff), merged while running, the cgroup scope
  for (const c of allContainers(s)) {
    const key = `container:${c.id}`;
    if (!fresh(key, c)) continue;
    const cdir = `${ROOT}/containers/${c.id}`;
    const top = cacheId(c.id);
    for (const d of ['checkpoints', 'mounts']) await dir(fs, `${cdir}/${d}`);
    await put(fs, `${cdir}/hostname`, c.config.Hostname + '\n');
    await put(fs, `${cdir}/config.v2.json`, JSON.stringify({ ID: c.id, Name: `/${c.name}`, Path: c.path, Args: c.args, Image: c.imageId, Config: c.config, State: { Status: c.state.status, Running: c.state.status === 'running', Pid: c.state.pid, ExitCode: c.state.exitCode } }));
    await put(fs, `${cdir}/hostconfig.json`, JSON.stringify(c.hostConfig));
    await put(fs, `${cdir}/${c.id}-json.log`, c.logs.map((l) => JSON.stringify({ log: l.text, stream: l.stream, time: new Date(l.time).toISOString() }) + '\n').join(''));
    const img = s.images[c.imageId];
    const lower = [`l/${top.slice(0, 26).toUpperCase()}INIT`, ...(img ? chainIds(img.diffIds).reverse().map((ch) => `l/${cacheId(ch).slice(0, 26).toUpperCase()}`) : [])].join(':');
    await table(fs, `${ROOT}/overlay2/${top}-init/diff`, { '/.dockerenv': { type: 'file', mode: 0o755, mtime: c.created, content: '' }, '/etc': { type: 'dir', mode: 0o755, mtime: c.created }, '/etc/hostname': { type: 'file', mode: 0o755, mtime: c.created, content: '' }, '/etc/hosts': { type: 'file', mode: 0o755, mtime: c.created, content: '' }, '/etc/resolv.conf': { type: 'file', mode: 0o755, mtime: c.created, content: '' } });
    await dir(fs, `${ROOT}/overlay2/${top}-init/work`);
    const o = `${ROOT}/overlay2/${top}`;
    await table(fs, `${o}/diff`, c.upper);
    await dir(fs, `${o}/work`);
    await put(fs, `${o}/lower`, lower);
    await put(fs, `${o}/link`, top.slice(0, 26).toUpperCase());
    const running = c.state.status === 'running' || c.state.status === 'paused';
    if (running) await dir(fs, `${o}/merged`);
    else await fs.rm(`${o}/merged`, { recursive: true, force: true });
    const scope = `${CG}/system.slice/docker-${c.id}.scope`;
    if (!running) await fs.rm(scope, { recursive: true, force: true });
    else {
      for (const [p, text] of Object.entries(cgroupFiles(s, c.id))) if (p.startsWith(`${CG}/`)) await put(fs, scope + p.slice(CG.length), p.endsWith('cgroup.procs') ? `${c.state.pid}\n` : text);
    }
  }

  // volumes: _data holds what containers wrote there
  for (const [name, v] of Object.entries(s.volumes ?? {})) {
    if (!fresh(`volume:${name}`, v)) continue;
    await table(fs, mountpointOf(name), v.files ?? {});
  }
  if (Object.keys(s.volumes ?? {}).length) await put(fs, `${ROOT}/volumes/metadata.db`, '(bolt database of volume metadata)\n');
  if (!(await fs.exists(`${ROOT}/volumes/backingFsBlockDev`))) await put(fs, `${ROOT}/volumes/backingFsBlockDev`, '');

  // what is gone: removed containers' folders and scopes, removed volumes
  for (const key of [...seen.keys()]) {
    if (live.has(key)) continue;
    seen.delete(key);
    const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    if (kind === 'container') {
      const top = cacheId(id);
      for (const p of [`${ROOT}/containers/${id}`, `${ROOT}/overlay2/${top}`, `${ROOT}/overlay2/${top}-init`, `${CG}/system.slice/docker-${id}.scope`]) await fs.rm(p, { recursive: true, force: true });
    } else if (kind === 'volume') await fs.rm(`${ROOT}/volumes/${id}`, { recursive: true, force: true });
    else if (kind === 'layer') {
      await fs.rm(`${ROOT}/overlay2/${cacheId(id)}`, { recursive: true, force: true });
      await fs.rm(`${ROOT}/image/overlay2/layerdb/sha256/${id.replace('sha256:', '')}`, { recursive: true, force: true });
    }
    else if (kind === 'image') await fs.rm(`${ROOT}/image/overlay2/imagedb/content/sha256/${id}`, { force: true });
  }
  w.containers = s.containers;
  w.volumes = s.volumes;
  w.images = s.images;
}
