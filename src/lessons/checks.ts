// The goal-check vocabulary: each check is a pure predicate over the engine state (never over what was typed).
import type { Container, EngineState, Image } from '../engine/index';
import { imageStack, lookup, lowerStack, parseRef, tagsOf } from '../engine/index';
import { CHECKS_BASICS } from './checks-basics';
import { CHECKS_BUILD } from './checks-build';
import { CHECKS_DATA } from './checks-data';
import { CHECKS_NET } from './checks-net';
import { CHECKS_COMPOSE } from './checks-compose';

type Check = (s: EngineState, args: string[]) => boolean;

const byName = (s: EngineState, name: string): Container | undefined => Object.values(s.containers).find((c) => c.name === name);
const running = (c: Container | undefined) => c?.state.status === 'running';

function image(s: EngineState, ref: string): Image | undefined {
  try {
    const id = s.tags[parseRef(ref).fullTagged];
    return id ? s.images[id] : undefined;
  } catch {
    return undefined;
  }
}

/** A file in a container's filesystem (upper over image layers), optionally containing some text. */
function fileIn(s: EngineState, c: Container | undefined, path: string, needle?: string): boolean {
  if (!c) return false;
  const n = lookup([c.upper, ...lowerStack(s, c)], path);
  return !!n && (needle === undefined || (n.type === 'file' && n.content.includes(needle)));
}

const bytes = (v: string) => {
  const m = /^(\d+)([kmg]?)$/i.exec(v);
  return m ? parseInt(m[1], 10) * ({ '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as 'k'] ?? 1) : NaN;
};

const BASE: Record<string, { args: string; doc: string; fn: Check }> = {
  'image-present': { args: 'REF', doc: 'the image is in the local store under this name', fn: (s, [r]) => !!image(s, r) },
  'image-absent': { args: 'REF', doc: 'no local image has this name', fn: (s, [r]) => !image(s, r) },
  'image-layers-min': { args: 'REF N', doc: 'the image has at least N layers', fn: (s, [r, n]) => (image(s, r)?.diffIds.length ?? 0) >= Number(n) },
  'image-history-has': { args: 'REF TEXT', doc: 'a history step of the image mentions TEXT', fn: (s, [r, ...t]) => !!image(s, r)?.history.some((h) => h.createdBy.includes(t.join(' '))) },
  'image-cmd-has': { args: 'REF TEXT', doc: "the image's CMD/ENTRYPOINT mentions TEXT", fn: (s, [r, ...t]) => JSON.stringify([image(s, r)?.config.Entrypoint, image(s, r)?.config.Cmd]).includes(t.join(' ')) },
  'image-file': { args: 'REF PATH [TEXT]', doc: "the image's filesystem has PATH (containing TEXT)", fn: (s, [r, p, ...t]) => {
    const img = image(s, r);
    const n = img ? lookup(imageStack(s, img), p) : undefined;
    return !!n && (!t.length || (n.type === 'file' && n.content.includes(t.join(' '))));
  } },
  'image-count-min': { args: 'N', doc: 'at least N images are stored', fn: (s, [n]) => Object.keys(s.images).length >= Number(n) },
  'dangling-none': { args: '', doc: 'no untagged (dangling) image is left', fn: (s) => Object.values(s.images).every((i) => tagsOf(s, i.id).length > 0) },
  'container-exists': { args: 'NAME', doc: 'a container has this name', fn: (s, [n]) => !!byName(s, n) },
  'container-absent': { args: 'NAME', doc: 'no container has this name', fn: (s, [n]) => !byName(s, n) },
  'container-running': { args: 'NAME', doc: 'the container is running', fn: (s, [n]) => running(byName(s, n)) },
  'container-paused': { args: 'NAME', doc: 'the container is paused', fn: (s, [n]) => byName(s, n)?.state.status === 'paused' },
  'container-exited': { args: 'NAME [CODE]', doc: 'the container has exited (with CODE)', fn: (s, [n, code]) => {
    const c = byName(s, n);
    return c?.state.status === 'exited' && (code === undefined || c.state.exitCode === Number(code));
  } },
  'container-from': { args: 'NAME REF', doc: 'the container was created from the image', fn: (s, [n, r]) => {
    const c = byName(s, n);
    return !!c && c.imageId === image(s, r)?.id;
  } },
  'image-ran': { args: 'REF [CODE]', doc: 'some container of the image has run (and exited with CODE)', fn: (s, [r, code]) => {
    const id = image(s, r)?.id;
    return Object.values(s.containers).some((c) => c.imageId === id && c.state.startedAt > 0 && (code === undefined || (c.state.status === 'exited' && c.state.exitCode === Number(code))));
  } },
  'containers-none': { args: '', doc: 'no containers at all', fn: (s) => Object.keys(s.containers).length === 0 },
  'containers-running-min': { args: 'N', doc: 'at least N containers are running', fn: (s, [n]) => Object.values(s.containers).filter(running).length >= Number(n) },
  'container-restarts': { args: 'NAME POLICY', doc: 'the container has this restart policy', fn: (s, [n, p]) => byName(s, n)?.hostConfig.RestartPolicy.Name === p },
  'container-env': { args: 'NAME KEY=VALUE', doc: 'the container has this environment variable', fn: (s, [n, kv]) => !!byName(s, n)?.config.Env.includes(kv) },
  'container-file': { args: 'NAME PATH [TEXT]', doc: "the container's filesystem has PATH (containing TEXT)", fn: (s, [n, p, ...t]) => fileIn(s, byName(s, n), p, t.length ? t.join(' ') : undefined) },
  'container-changed': { args: 'NAME PATH', doc: "PATH is in the container's writable layer (docker diff lists it)", fn: (s, [n, p]) => !!byName(s, n)?.upper[p] },
  'container-port': { args: 'NAME HOSTPORT', doc: 'the container publishes a port on this host port', fn: (s, [n, p]) => !!byName(s, n)?.ports.some((m) => String(m.hostPort) === p) },
  'container-memory': { args: 'NAME BYTES', doc: 'the container has this memory limit (200M, 1g …)', fn: (s, [n, b]) => byName(s, n)?.hostConfig.Memory === bytes(b) },
  'container-memory-swap': { args: 'NAME BYTES', doc: 'the container has this memory+swap limit', fn: (s, [n, b]) => byName(s, n)?.hostConfig.MemorySwap === bytes(b) },
  'container-cpu-shares': { args: 'NAME N', doc: 'the container has this CPU weight', fn: (s, [n, v]) => byName(s, n)?.hostConfig.CpuShares === Number(v) },
  'container-oom-killed': { args: 'NAME', doc: 'the kernel OOM killer stopped the container', fn: (s, [n]) => !!byName(s, n)?.state.oomKilled },
  'container-hostname': { args: 'NAME HOST', doc: 'the container has this hostname', fn: (s, [n, h]) => byName(s, n)?.config.Hostname === h },
  'container-network-mode': { args: 'NAME MODE', doc: 'the container uses this network mode (bridge, host, none, container:X, a network)', fn: (s, [n, m]) => byName(s, n)?.hostConfig.NetworkMode === m },
  'container-on-network': { args: 'NAME NET', doc: 'the container is attached to the network', fn: (s, [n, net]) => !!byName(s, n)?.endpoints[net] },
  'container-ip': { args: 'NAME NET IP', doc: 'the container has this address on the network', fn: (s, [n, net, ip]) => byName(s, n)?.endpoints[net]?.ip === ip },
  'container-mount': { args: 'NAME DEST [SOURCE]', doc: 'the container has a volume or bind mount at DEST (from SOURCE)', fn: (s, [n, d, src]) => !!byName(s, n)?.mounts?.some((m) => m.destination === d && (src === undefined || m.source === src || m.name === src)) },
  'network-exists': { args: 'NAME', doc: 'a network has this name', fn: (s, [n]) => Object.values(s.networks).some((x) => x.name === n) },
  'network-absent': { args: 'NAME', doc: 'no network has this name', fn: (s, [n]) => !Object.values(s.networks).some((x) => x.name === n) },
  'network-subnet': { args: 'NAME CIDR', doc: 'the network uses this subnet', fn: (s, [n, c]) => Object.values(s.networks).some((x) => x.name === n && x.ipam.config.some((k) => k.Subnet === c)) },
  'volume-exists': { args: 'NAME', doc: 'a volume has this name', fn: (s, [n]) => !!s.volumes?.[n] },
  'volume-absent': { args: 'NAME', doc: 'no volume has this name', fn: (s, [n]) => !s.volumes?.[n] },
  'volume-file': { args: 'NAME PATH [TEXT]', doc: 'the volume holds PATH (containing TEXT)', fn: (s, [n, p, ...t]) => {
    const f = s.volumes?.[n]?.files?.[p];
    return !!f && (!t.length || (f.type === 'file' && f.content.includes(t.join(' '))));
  } },
  'registry-has': { args: 'HOST/REPO:TAG', doc: 'an image was pushed to this registry repository and tag', fn: (s, [r]) => {
    const p = parseRef(r);
    return !!s.registries[p.domain]?.[p.path]?.[p.tag ?? 'latest'];
  } },
};

/** Every check: the base vocabulary plus what each lesson chapter added. */
export const CHECKS: Record<string, { args: string; doc: string; fn: Check }> = { ...BASE, ...CHECKS_BASICS, ...CHECKS_BUILD, ...CHECKS_DATA, ...CHECKS_NET, ...CHECKS_COMPOSE };

/** Run one check string (`container-running web`); unknown checks throw (lessons are validated by the test). */
export function evaluate(s: EngineState, check: string): boolean {
  const [name, ...args] = check.trim().split(/\s+/);
  const c = Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined;
  if (!c) throw new Error(`unknown check: ${name}`);
  return c.fn(s, args);
}

/** Why `check` is not a use of the vocabulary (unknown name, wrong number of arguments), or null when it is.
 *  Arguments are words; a last `TEXT` takes the rest of the words (`[TEXT]`: zero or more). */
export function checkError(check: string): string | null {
  const [name, ...args] = check.trim().split(/\s+/);
  if (!name) return 'the check is empty';
  const c = Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined;
  if (!c) return `unknown check "${name}"`;
  const spec = c.args.split(/\s+/).filter(Boolean);
  const required = spec.filter((a) => !a.startsWith('[')).length;
  const max = /^\[?TEXT\]?$/.test(spec[spec.length - 1] ?? '') ? Infinity : spec.length;
  if (args.length >= required && args.length <= max) return null;
  const want = spec.length ? `${spec.length === 1 && required === 1 ? 'an argument' : 'arguments'}: ${c.args}` : 'no arguments';
  return `"${name}" takes ${want} (got ${args.length})`;
}
