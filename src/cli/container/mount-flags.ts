// The storage flags of `docker run` / `docker create` (-v, --mount, --tmpfs, --volumes-from) and their translation to create options.
// docker/cli: cli/command/container/opts.go (volumes → Binds / Config.Volumes; value parsers in ../opts/mounts.ts)
import type { CliContext } from '../command';
import { defineFlags, type Options } from '../flags';
import type { CreateOptions } from '../../engine/index';
import { parseMountFlag, volumeSource } from '../opts/mounts';

export const MOUNT_FLAGS = defineFlags([
  { name: 'mount', type: 'list', valueName: 'mount', usage: 'Attach a filesystem mount to the container' },
  { name: 'tmpfs', type: 'list', usage: 'Mount a tmpfs directory' },
  { name: 'volume', complete: 'volumes', short: 'v', type: 'list', usage: 'Bind mount a volume' },
  { name: 'volume-driver', unsupported: true, type: 'string', usage: 'Optional volume driver for the container' },
  { name: 'volumes-from', complete: 'containers', type: 'list', usage: 'Mount volumes from the specified container(s)' },
]);

/** The storage part of the create request: -v with a source → Binds, without → Config.Volumes; --mount, --tmpfs, --volumes-from as given. */
export function mountOptions(f: Options<typeof MOUNT_FLAGS>): Pick<CreateOptions, 'mounts'> & { hostConfig: NonNullable<CreateOptions['hostConfig']> } {
  const binds: string[] = [];
  const anonymous: string[] = [];
  for (const spec of f.volume) (volumeSource(spec) ? binds : anonymous).push(spec);
  const tmpfs: Record<string, string> = {};
  for (const t of f.tmpfs) {
    const i = t.indexOf(':');
    tmpfs[i < 0 ? t : t.slice(0, i)] = i < 0 ? '' : t.slice(i + 1);
  }
  const mounts = f.mount.map(parseMountFlag);
  return {
    hostConfig: { Binds: binds.length ? binds : null, ...(mounts.length ? { Mounts: mounts } : {}), ...(Object.keys(tmpfs).length ? { Tmpfs: tmpfs } : {}), VolumesFrom: f.volumesFrom.length ? f.volumesFrom : null },
    mounts: anonymous.length ? { anonymous } : {},
  };
}

const isDotted = (p: string) => p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../');
const absolute = (cwd: string, p: string) => {
  const out: string[] = [];
  for (const part of `${cwd}/${p}`.split('/')) {
    if (part === '..') out.pop();
    else if (part && part !== '.') out.push(part);
  }
  return '/' + out.join('/');
};

/** Client side, before the create call: `./dir` sources become absolute; the daemon is told what each bind source is on the host. */
export async function resolveBindSources(ctx: CliContext, opts: CreateOptions) {
  const h = opts.hostConfig ?? {};
  h.Binds = h.Binds?.map((b) => {
    const i = b.indexOf(':');
    return i > 0 && isDotted(b.slice(0, i)) ? absolute(ctx.cwd, b.slice(0, i)) + b.slice(i) : b;
  }) ?? null;
  for (const m of h.Mounts ?? []) if (m.Source && (m.Source === '.' || m.Source.startsWith('./'))) m.Source = absolute(ctx.cwd, m.Source);
  const sources = [...(h.Binds ?? []).map((b) => b.slice(0, b.indexOf(':'))).filter((s) => s.startsWith('/')), ...(h.Mounts ?? []).filter((m) => m.Type === 'bind' && m.Source?.startsWith('/')).map((m) => m.Source!)];
  const hostPaths: Record<string, 'dir' | 'file' | null> = {};
  for (const src of sources) {
    const key = absolute('/', src);
    const st = await ctx.host.stat(key);
    hostPaths[key] = st ? (st.type === 'file' ? 'file' : 'dir') : null;
  }
  opts.mounts = { ...opts.mounts, hostPaths };
}

/** After the create call: the runtime makes missing `-v` bind sources on the host, then the ID goes on. */
export async function prepared(ctx: CliContext, id: string): Promise<string> {
  await ctx.runtime.prepareMounts?.(id);
  return id;
}
