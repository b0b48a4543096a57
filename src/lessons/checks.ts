// The goal-check vocabulary: each check is a pure predicate over the engine state (never over what was typed).
import type { EngineState } from '../engine/index';
import { imageStack, lookup, parseRef, tagsOf, allContainers, containerIds } from '../engine/index';
import { byName, bytes, fileIn, image, netModeNamed, running, type Check, type CheckContext } from './check-kit';
import { matchTarget } from './target-match';
import { CHECKS_BASICS } from './checks-basics';
import { CHECKS_BUILD } from './checks-build';
import { CHECKS_DATA } from './checks-data';
import { CHECKS_NET } from './checks-net';
import { CHECKS_COMPOSE } from './checks-compose';
import { CHECKS_HOST } from './checks-host';

const BASE: Record<string, Check> = {
  'image-present': { args: 'REF', doc: 'the image is in the local store under this name', zh: '本地镜像库里有这个名字的镜像', fn: (s, [r]) => !!image(s, r) },
  'image-absent': { args: 'REF', doc: 'no local image has this name', zh: '本地没有叫这个名字的镜像', fn: (s, [r]) => !image(s, r) },
  'image-layers-min': { args: 'REF N', doc: 'the image has at least N layers', zh: '镜像至少有 N 层', fn: (s, [r, n]) => (image(s, r)?.diffIds.length ?? 0) >= Number(n) },
  'image-history-has': { args: 'REF TEXT', doc: 'a history step of the image mentions TEXT', zh: '镜像的某一步构建历史里包含 TEXT', fn: (s, [r, ...t]) => !!image(s, r)?.history.some((h) => h.createdBy.includes(t.join(' '))) },
  'image-cmd-has': { args: 'REF TEXT', doc: "the image's CMD/ENTRYPOINT mentions TEXT", zh: '镜像的 CMD/ENTRYPOINT 里包含 TEXT', fn: (s, [r, ...t]) => JSON.stringify([image(s, r)?.config.Entrypoint, image(s, r)?.config.Cmd]).includes(t.join(' ')) },
  'image-file': { args: 'REF PATH [TEXT]', doc: "the image's filesystem has PATH (containing TEXT)", zh: '镜像的文件系统里有 PATH（且内容包含 TEXT）', fn: (s, [r, p, ...t]) => {
    const img = image(s, r);
    const n = img ? lookup(imageStack(s, img), p) : undefined;
    return !!n && (!t.length || (n.type === 'file' && n.content.includes(t.join(' '))));
  } },
  'image-count-min': { args: 'N', doc: 'at least N images are stored', zh: '本地至少存有 N 个镜像', fn: (s, [n]) => Object.keys(s.images).length >= Number(n) },
  'dangling-none': { args: '', doc: 'no untagged (dangling) image is left', zh: '没有残留的未打标签（悬空）镜像', fn: (s) => Object.values(s.images).every((i) => tagsOf(s, i.id).length > 0) },
  'container-exists': { args: 'NAME', doc: 'a container has this name', zh: '有一个叫这个名字的容器', fn: (s, [n]) => !!byName(s, n) },
  'container-absent': { args: 'NAME', doc: 'no container has this name', zh: '没有叫这个名字的容器', fn: (s, [n]) => !byName(s, n) },
  'container-running': { args: 'NAME', doc: 'the container is running', zh: '容器正在运行', fn: (s, [n]) => running(byName(s, n)) },
  'container-paused': { args: 'NAME', doc: 'the container is paused', zh: '容器处于暂停状态', fn: (s, [n]) => byName(s, n)?.state.status === 'paused' },
  'container-exited': { args: 'NAME [CODE]', doc: 'the container has exited (with CODE)', zh: '容器已经退出（退出码为 CODE）', fn: (s, [n, code]) => {
    const c = byName(s, n);
    return c?.state.status === 'exited' && (code === undefined || c.state.exitCode === Number(code));
  } },
  'container-from': { args: 'NAME REF', doc: 'the container was created from the image', zh: '容器是用这个镜像创建的', fn: (s, [n, r]) => {
    const c = byName(s, n);
    return !!c && c.imageId === image(s, r)?.id;
  } },
  'image-ran': { args: 'REF [CODE]', doc: 'some container of the image has run (and exited with CODE)', zh: '这个镜像的某个容器运行过（并以 CODE 退出）', fn: (s, [r, code]) => {
    const id = image(s, r)?.id;
    return allContainers(s).some((c) => c.imageId === id && c.state.startedAt > 0 && (code === undefined || (c.state.status === 'exited' && c.state.exitCode === Number(code))));
  } },
  'containers-none': { args: '', doc: 'no containers at all', zh: '一个容器都没有', fn: (s) => containerIds(s).length === 0 },
  'containers-running-min': { args: 'N', doc: 'at least N containers are running', zh: '至少有 N 个容器在运行', fn: (s, [n]) => allContainers(s).filter(running).length >= Number(n) },
  'container-restarts': { args: 'NAME POLICY', doc: 'the container has this restart policy', zh: '容器使用这个重启策略', fn: (s, [n, p]) => byName(s, n)?.hostConfig.RestartPolicy.Name === p },
  'container-env': { args: 'NAME KEY=VALUE', doc: 'the container has this environment variable', zh: '容器带有这个环境变量', fn: (s, [n, kv]) => !!byName(s, n)?.config.Env.includes(kv) },
  'container-file': { args: 'NAME PATH [TEXT]', doc: "the container's filesystem has PATH (containing TEXT)", zh: '容器的文件系统里有 PATH（且内容包含 TEXT）', fn: (s, [n, p, ...t]) => fileIn(s, byName(s, n), p, t.length ? t.join(' ') : undefined) },
  'container-changed': { args: 'NAME PATH', doc: "PATH is in the container's writable layer (docker diff lists it)", zh: 'PATH 出现在容器的可写层里（docker diff 会列出它）', fn: (s, [n, p]) => !!byName(s, n)?.upper[p] },
  'container-port': { args: 'NAME HOSTPORT', doc: 'the container publishes a port on this host port', zh: '容器把端口发布到了这个主机端口上', fn: (s, [n, p]) => !!byName(s, n)?.ports.some((m) => String(m.hostPort) === p) },
  'container-memory': { args: 'NAME BYTES', doc: 'the container has this memory limit (200M, 1g …)', zh: '容器设置了这个内存上限（200M、1g …）', fn: (s, [n, b]) => byName(s, n)?.hostConfig.Memory === bytes(b) },
  'container-memory-swap': { args: 'NAME BYTES', doc: 'the container has this memory+swap limit', zh: '容器设置了这个“内存 + 交换空间”上限', fn: (s, [n, b]) => byName(s, n)?.hostConfig.MemorySwap === bytes(b) },
  'container-cpu-shares': { args: 'NAME N', doc: 'the container has this CPU weight', zh: '容器设置了这个 CPU 权重', fn: (s, [n, v]) => byName(s, n)?.hostConfig.CpuShares === Number(v) },
  'container-oom-killed': { args: 'NAME', doc: 'the kernel OOM killer stopped the container', zh: '容器被内核的 OOM killer 终止了', fn: (s, [n]) => !!byName(s, n)?.state.oomKilled },
  'container-hostname': { args: 'NAME HOST', doc: 'the container has this hostname', zh: '容器使用这个主机名', fn: (s, [n, h]) => byName(s, n)?.config.Hostname === h },
  'container-network-mode': { args: 'NAME MODE', doc: 'the container uses this network mode (bridge, host, none, container:X, a network)', zh: '容器使用这种网络模式（bridge、host、none、container:X 或某个网络）', fn: (s, [n, m]) => netModeNamed(s, byName(s, n)?.hostConfig.NetworkMode) === m },
  'container-on-network': { args: 'NAME NET', doc: 'the container is attached to the network', zh: '容器已连接到这个网络', fn: (s, [n, net]) => !!byName(s, n)?.endpoints[net] },
  'container-ip': { args: 'NAME NET IP', doc: 'the container has this address on the network', zh: '容器在这个网络上使用这个地址', fn: (s, [n, net, ip]) => byName(s, n)?.endpoints[net]?.ip === ip },
  'container-mount': { args: 'NAME DEST [SOURCE]', doc: 'the container has a volume or bind mount at DEST (from SOURCE)', zh: '容器在 DEST 处挂载了卷或绑定挂载（来源为 SOURCE）', fn: (s, [n, d, src]) => !!byName(s, n)?.mounts?.some((m) => m.destination === d && (src === undefined || m.source === src || m.name === src)) },
  'network-exists': { args: 'NAME', doc: 'a network has this name', zh: '有一个叫这个名字的网络', fn: (s, [n]) => Object.values(s.networks).some((x) => x.name === n) },
  'network-absent': { args: 'NAME', doc: 'no network has this name', zh: '没有叫这个名字的网络', fn: (s, [n]) => !Object.values(s.networks).some((x) => x.name === n) },
  'network-subnet': { args: 'NAME CIDR', doc: 'the network uses this subnet', zh: '网络使用这个子网', fn: (s, [n, c]) => Object.values(s.networks).some((x) => x.name === n && x.ipam.config.some((k) => k.Subnet === c)) },
  'volume-exists': { args: 'NAME', doc: 'a volume has this name', zh: '有一个叫这个名字的卷', fn: (s, [n]) => !!s.volumes?.[n] },
  'volume-absent': { args: 'NAME', doc: 'no volume has this name', zh: '没有叫这个名字的卷', fn: (s, [n]) => !s.volumes?.[n] },
  'volume-file': { args: 'NAME PATH [TEXT]', doc: 'the volume holds PATH (containing TEXT)', zh: '卷里有 PATH（且内容包含 TEXT）', fn: (s, [n, p, ...t]) => {
    const f = s.volumes?.[n]?.files?.[p];
    return !!f && (!t.length || (f.type === 'file' && f.content.includes(t.join(' '))));
  } },
  'registry-has': { args: 'HOST/REPO:TAG', doc: 'an image was pushed to this registry repository and tag', zh: '有镜像被推送到了这个镜像仓库的这个仓库名和标签下', fn: (s, [r]) => {
    const p = parseRef(r);
    return !!s.registries[p.domain]?.[p.path]?.[p.tag ?? 'latest'];
  } },
  'target-met': { args: '', doc: 'the live state matches the target picture (added to a lesson or exercise that declares a target)', zh: '实时状态与目标图一致（声明了目标图的课程或练习会自动加上这一条）', needsTarget: true, fn: (s, _a, ctx) => !!ctx.target && matchTarget(s, ctx.target).met },
};

/** Every check: the base vocabulary plus what each lesson chapter added. */
export const CHECKS: Record<string, Check> = { ...BASE, ...CHECKS_BASICS, ...CHECKS_BUILD, ...CHECKS_DATA, ...CHECKS_NET, ...CHECKS_COMPOSE, ...CHECKS_HOST };

/** Run one check string (`container-running web`); unknown checks throw (lessons are validated by the test). */
export function evaluate(s: EngineState, check: string, ctx: CheckContext = {}): boolean {
  const [name, ...args] = check.trim().split(/\s+/);
  const c = Object.hasOwn(CHECKS, name) ? CHECKS[name] : undefined;
  if (!c) throw new Error(`unknown check: ${name}`);
  return c.fn(s, args, ctx);
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
