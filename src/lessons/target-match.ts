// Does the live engine state match a target picture? Part by part, with what differs said in English and Chinese.
// IDs and addresses are ignored unless the target pins them (a network's subnet, a container's address).
import type { Container, EngineState } from '../engine/index';
import { byName, imageId, netModeNamed } from './check-kit';
import type { Text } from './format';
import type { Target, TargetContainer, TargetPort } from './target';

/** One declared piece: `net:<name>` / `port:<spec>` / `mount:<src>:<dst>` inside a container, met or not. */
export interface SubResult {
  key: string;
  met: boolean;
}

export interface PartResult {
  kind: 'network' | 'container' | 'image' | 'volume';
  name: string;
  /** The part exists at all (a container that exists but differs is present and not met). */
  present: boolean;
  met: boolean;
  differences: Text[];
  /** A container's networks, ports and mounts, each met or not (the picture draws them). */
  sub: SubResult[];
}

export interface TargetReport {
  met: boolean;
  parts: PartResult[];
}

const say = (en: string, zh: string): Text => ({ en, zh });

const STATE_ZH: Record<string, string> = { running: '运行中', paused: '已暂停', exited: '已退出', created: '已创建', restarting: '重启中', dead: '已失效', removing: '删除中' };

/** The port mappings in effect, one per host port → container port (docker 27 binds 0.0.0.0 and :: for `-p 8080:80`). */
function livePorts(c: Container): Container['ports'] {
  const seen = new Set<string>();
  return c.ports.filter((p) => {
    const k = `${p.hostPort}:${p.containerPort}/${p.proto}`;
    return !seen.has(k) && !!seen.add(k);
  });
}

const portMatches = (t: TargetPort, p: Container['ports'][number]) => t.hostPort === p.hostPort && t.containerPort === p.containerPort && t.proto === p.proto && (!t.hostIp || t.hostIp === p.hostIp);

function containerPart(s: EngineState, t: TargetContainer): PartResult {
  const c = byName(s, t.name);
  const n = t.name;
  const sub: SubResult[] = [...(t.networks ?? []).map((a) => ({ key: `net:${a.network}`, met: false })), ...(t.ports ?? []).map((p) => ({ key: `port:${p.spec}`, met: false })), ...(t.mounts ?? []).map((m) => ({ key: `mount:${m.source}:${m.destination}`, met: false }))];
  if (!c) return { kind: 'container', name: n, present: false, met: false, differences: [say(`container ${n} is missing`, `缺少容器 ${n}`)], sub };
  const diffs: Text[] = [];
  const set = (key: string, met: boolean) => {
    const x = sub.find((y) => y.key === key);
    if (x) x.met = met;
  };
  if (t.image) {
    const want = imageId(s, t.image);
    if (!want || c.imageId !== want) diffs.push(say(`container ${n} runs ${c.config.Image ?? c.imageId.slice(7, 19)}, not ${t.image}`, `容器 ${n} 使用的镜像是 ${c.config.Image ?? c.imageId.slice(7, 19)}，而不是 ${t.image}`));
  }
  const status = c.state.status;
  if (status !== t.state) diffs.push(say(`container ${n} is ${status}, not ${t.state}`, `容器 ${n} 的状态是${STATE_ZH[status] ?? status}，而不是${STATE_ZH[t.state]}`));
  if (t.networkMode) {
    const mode = netModeNamed(s, c.hostConfig.NetworkMode) ?? '';
    if (mode !== t.networkMode) diffs.push(say(`container ${n} uses network mode ${mode}, not ${t.networkMode}`, `容器 ${n} 的网络模式是 ${mode}，而不是 ${t.networkMode}`));
  }
  if (t.networks) {
    for (const a of t.networks) {
      const ep = c.endpoints[a.network];
      if (!ep) {
        diffs.push(say(`container ${n} is not on network ${a.network}`, `容器 ${n} 没有接入网络 ${a.network}`));
        continue;
      }
      const ip = ep.ip || ep.ipamAddress;
      if (a.ip && ip !== a.ip) diffs.push(say(`container ${n} has address ${ip || 'none'} on ${a.network}, the target pins ${a.ip}`, `容器 ${n} 在 ${a.network} 上的地址是 ${ip || '（无）'}，目标固定为 ${a.ip}`));
      else set(`net:${a.network}`, true);
    }
    const wanted = new Set(t.networks.map((a) => a.network));
    for (const net of Object.keys(c.endpoints)) if (!wanted.has(net)) diffs.push(say(`container ${n} is also on network ${net}, which the target does not have`, `容器 ${n} 还接入了网络 ${net}，目标里没有这一条`));
  }
  if (t.ports) {
    const live = livePorts(c);
    for (const p of t.ports) {
      if (live.some((q) => portMatches(p, q))) set(`port:${p.spec}`, true);
      else diffs.push(say(`container ${n} does not publish ${p.spec}`, `容器 ${n} 没有发布端口 ${p.spec}`));
    }
    for (const q of live) {
      if (t.ports.some((p) => portMatches(p, q))) continue;
      const spec = `${q.hostIp === '0.0.0.0' || q.hostIp === '::' ? '' : `${q.hostIp}:`}${q.hostPort}:${q.containerPort}/${q.proto}`;
      diffs.push(say(`container ${n} also publishes ${spec}, which the target does not have`, `容器 ${n} 还发布了 ${spec}，目标里没有这一条`));
    }
  }
  for (const m of t.mounts ?? []) {
    const ok = (c.mounts ?? []).some((x) => x.destination === m.destination && (x.name === m.source || x.source === m.source));
    if (ok) set(`mount:${m.source}:${m.destination}`, true);
    else diffs.push(say(`container ${n} has no mount of ${m.source} at ${m.destination}`, `容器 ${n} 没有把 ${m.source} 挂载到 ${m.destination}`));
  }
  return { kind: 'container', name: n, present: true, met: diffs.length === 0, differences: diffs, sub };
}

/** Compare the state with the target: every declared part, met or with its differences (en + zh). */
export function matchTarget(s: EngineState, t: Target): TargetReport {
  const parts: PartResult[] = [];
  for (const tn of t.networks) {
    const net = Object.values(s.networks).find((x) => x.name === tn.name);
    const diffs: Text[] = [];
    if (!net) diffs.push(say(`network ${tn.name} is missing`, `缺少网络 ${tn.name}`));
    else {
      if (net.driver !== tn.driver) diffs.push(say(`network ${tn.name} uses driver ${net.driver}, not ${tn.driver}`, `网络 ${tn.name} 的驱动是 ${net.driver}，而不是 ${tn.driver}`));
      const subnets = net.ipam.config.map((k) => k.Subnet);
      if (tn.subnet && !subnets.includes(tn.subnet)) diffs.push(say(`network ${tn.name} has subnet ${subnets[0] ?? 'none'}, the target pins ${tn.subnet}`, `网络 ${tn.name} 的子网是 ${subnets[0] ?? '（无）'}，目标固定为 ${tn.subnet}`));
    }
    parts.push({ kind: 'network', name: tn.name, present: !!net, met: diffs.length === 0, differences: diffs, sub: [] });
  }
  for (const tc of t.containers) parts.push(containerPart(s, tc));
  for (const ti of t.images) {
    const id = imageId(s, ti.ref);
    const diffs: Text[] = [];
    if (!id) diffs.push(say(`image ${ti.ref} is missing`, `缺少镜像 ${ti.ref}`));
    else if (ti.sameAs && imageId(s, ti.sameAs) !== id) diffs.push(say(`image ${ti.ref} is not the same image as ${ti.sameAs}`, `镜像 ${ti.ref} 和 ${ti.sameAs} 不是同一个镜像`));
    parts.push({ kind: 'image', name: ti.ref, present: !!id, met: diffs.length === 0, differences: diffs, sub: [] });
  }
  for (const tv of t.volumes) {
    const ok = !!s.volumes?.[tv.name];
    parts.push({ kind: 'volume', name: tv.name, present: ok, met: ok, differences: ok ? [] : [say(`volume ${tv.name} is missing`, `缺少卷 ${tv.name}`)], sub: [] });
  }
  return { met: parts.every((p) => p.met), parts };
}

/** Every difference, in one language (a goal's explanation, the outline). */
export const differences = (r: TargetReport, lang: 'en' | 'zh'): string[] => r.parts.flatMap((p) => p.differences.map((d) => d[lang]));
