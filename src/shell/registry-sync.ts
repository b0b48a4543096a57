// Puts what registry:2 containers store into their bind-mounted host directories (the host filesystem is the shell's).
import { registryBinds, type Engine } from '../engine/index';
import type { HostFs } from './host-fs';

/** What was synced last, per host filesystem: nothing is written again until registries or containers change. */
const synced = new WeakMap<HostFs, { registries: object; containers: object }>();

/** Write each running registry's storage tree under its bind source; files already right are left alone (mtimes kept). */
export async function syncRegistryBinds(engine: Engine, fs: HostFs): Promise<void> {
  const { registries, containers } = engine.state;
  const last = synced.get(fs);
  if (last?.registries === registries && last.containers === containers) return;
  synced.set(fs, { registries, containers });
  for (const { source, files } of registryBinds(engine.state)) {
    if (!(await fs.exists(source))) await fs.mkdir(source, { recursive: true });
    for (const [p, n] of Object.entries(files)) {
      const path = source + p;
      const here = (await fs.exists(path)) ? await fs.lstat(path) : null;
      if (n.type === 'dir') {
        if (!here) await fs.mkdir(path);
        continue;
      }
      if (n.type !== 'file' || here?.isDirectory) continue;
      const size = n.size ?? new TextEncoder().encode(n.content).length;
      if (here?.isFile && here.size === size && (await fs.readFile(path)) === n.content) continue;
      if (n.size === undefined) await fs.writeFile(path, n.content);
      else await fs.writeSized(path, n.content, n.size);
    }
  }
}

/** What was synced last for `fs` (a session checkpoint carries it to the restored filesystem). */
export function syncMark(fs: HostFs): { registries: object; containers: object } | undefined {
  return synced.get(fs);
}

export function setSyncMark(fs: HostFs, mark: { registries: object; containers: object } | undefined): void {
  if (mark) synced.set(fs, mark);
}
