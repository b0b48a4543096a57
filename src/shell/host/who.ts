// Who the host shell's commands run as: the login user of a host that began without Docker, or root under sudo.
import type { Engine } from '../../engine/index';

/** sudo nesting per session engine: commands run while it is above 0 run as root. */
const sudoDepth = new WeakMap<Engine, number>();

/** The user a host command runs as now. */
export function hostUser(engine: Engine): string {
  return (sudoDepth.get(engine) ?? 0) > 0 ? 'root' : (engine.state.host?.user ?? 'root');
}

/** Run `fn` as root (sudo). */
export async function asRoot<T>(engine: Engine, fn: () => Promise<T>): Promise<T> {
  sudoDepth.set(engine, (sudoDepth.get(engine) ?? 0) + 1);
  try {
    return await fn();
  } finally {
    sudoDepth.set(engine, (sudoDepth.get(engine) ?? 1) - 1);
  }
}

/** The groups the current host process carries: root's, or the login shell's (fixed at login, see newgrp). */
export function processGroups(engine: Engine): string[] | null {
  const h = engine.state.host;
  if (!h || hostUser(engine) === 'root') return null; // read /etc/group as it is
  return h.shellGroups;
}

const under = (p: string, d: string) => p === d || p.startsWith(d + '/');

/**
 * May the current host process read or write `path`? Root may do anything; the bare host's login user may read all
 * but /var/lib/docker (0710 root) and /root (0700), and write only in its home, /tmp, /var/tmp and devices.
 */
export function hostMay(engine: Engine, path: string, write: boolean): boolean {
  const user = hostUser(engine);
  if (!engine.state.host || user === 'root') return true;
  if (under(path, '/var/lib/docker') || under(path, '/root')) return false;
  return !write || [`/home/${user}`, '/tmp', '/var/tmp', '/dev', '/proc', '/sys'].some((d) => under(path, d));
}
