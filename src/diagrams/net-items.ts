// What the network view places: one item per container (with the containers sharing its namespace), per group of alike
// containers collapsed with a count, or per compose project (its services and replicas in one frame).
import type { Container, EngineState, Network } from '../engine/index';
import { allContainers, containerById } from '../engine/index';

/** A lane has room for this many containers before alike ones (same networks, state, no ports) are collapsed. */
export const LANE_MAX = 4;
/** Compose labels (docker/compose pkg/api/labels.go). */
export const PROJECT = 'com.docker.compose.project';
export const SERVICE = 'com.docker.compose.service';

export const live = (c: Container) => c.state.status === 'running' || c.state.status === 'paused' || c.state.status === 'restarting';

/** The container a `container:<ref>` network mode joins (by ID, name or ID prefix, as docker resolves it at start). */
export function joinedTarget(s: EngineState, c: Container): Container | undefined {
  const mode = c.hostConfig.NetworkMode;
  if (!mode.startsWith('container:')) return undefined;
  const ref = mode.slice('container:'.length);
  return containerById(s, ref) ?? allContainers(s).find((o) => o.name === ref || (ref.length >= 12 && o.id.startsWith(ref)));
}

/** One container (and its joiners), or several alike ones drawn as one box with a count. */
export interface Unit {
  key: string;
  members: Container[];
  joiners: Container[];
}

/** A compose service inside its project's frame: its replicas as one unit. */
export interface Service {
  name: string;
  unit: Unit;
}

export type Item =
  | { kind: 'unit'; key: string; unit: Unit; home: Container }
  | { kind: 'project'; key: string; name: string; services: Service[]; home: Container; networks: string[]; volumes: string[] };

const projectOf = (c: Container) => c.config.Labels?.[PROJECT];

/** The item's containers, joiners included. */
export function membersOf(it: Item): Container[] {
  const units = it.kind === 'unit' ? [it.unit] : it.services.map((sv) => sv.unit);
  return units.flatMap((u) => [...u.members, ...u.joiners]);
}

/** Containers attached alike: same mode, networks and liveness, no published ports (they need their own sockets). */
const signature = (c: Container) => `${c.hostConfig.NetworkMode}|${Object.values(c.endpoints).map((e) => e.networkId).sort().join(',')}|${live(c)}`;
const collapsible = (u: Unit) => !u.joiners.length && !(live(u.members[0]) && u.members[0].ports.length);

/** The first network a container is drawn on (its home lane): host, none, or its first endpoint's network. */
export function homeNet(c: Container): string {
  const mode = c.hostConfig.NetworkMode;
  if (mode === 'host' || mode === 'none') return mode;
  const eps = Object.values(c.endpoints).sort((a, b) => (a.iface < b.iface ? -1 : 1));
  return eps[0]?.networkId ?? 'host';
}

/** Items in creation order; a lane with more than LANE_MAX containers has its alike ones collapsed into one unit. */
export function itemsOf(s: EngineState): Item[] {
  const all = allContainers(s);
  const units: Unit[] = [];
  const byId = new Map<string, Unit>();
  for (const c of all) {
    const t = joinedTarget(s, c);
    if (t && t.id !== c.id && containerById(s, t.id)) continue;
    const u = { key: `c:${c.id}`, members: [c], joiners: [] };
    units.push(u);
    byId.set(c.id, u);
  }
  for (const c of all) {
    const t = joinedTarget(s, c);
    if (t && t.id !== c.id) byId.get(t.id)?.joiners.push(c);
  }
  // compose projects: one frame each, a unit per service (its replicas collapsed when there are several)
  const items: Item[] = [];
  const projects = new Map<string, Extract<Item, { kind: 'project' }>>();
  const loose: Unit[] = [];
  for (const u of units) {
    const c = u.members[0];
    const p = projectOf(c);
    if (!p) {
      loose.push(u);
      continue;
    }
    let it = projects.get(p);
    if (!it) {
      it = { kind: 'project', key: `p:${p}`, name: p, services: [], home: c, networks: [], volumes: [] };
      projects.set(p, it);
      items.push(it);
    }
    const name = c.config.Labels?.[SERVICE] ?? c.name;
    const sv = it.services.find((x) => x.name === name && collapsible(x.unit) && collapsible(u));
    if (sv) {
      sv.unit.members.push(c);
      sv.unit.key = `svc:${p}:${name}`;
    } else it.services.push({ name, unit: u });
    for (const ep of Object.values(c.endpoints)) if (!it.networks.includes(ep.networkId)) it.networks.push(ep.networkId);
    for (const m of c.mounts) if (m.type === 'volume' && m.name && !it.volumes.includes(m.name)) it.volumes.push(m.name);
  }
  // crowded lanes: alike containers become one unit with a count, at the place of the first of them
  const perLane = new Map<string, number>();
  for (const u of loose) perLane.set(homeNet(u.members[0]), (perLane.get(homeNet(u.members[0])) ?? 0) + 1);
  const groups = new Map<string, Unit>();
  const sigCount = new Map<string, number>();
  for (const u of loose) if (collapsible(u)) sigCount.set(signature(u.members[0]), (sigCount.get(signature(u.members[0])) ?? 0) + 1);
  const out: Item[] = [];
  for (const u of loose) {
    const c = u.members[0];
    const sig = signature(c);
    if ((perLane.get(homeNet(c)) ?? 0) > LANE_MAX && collapsible(u) && (sigCount.get(sig) ?? 0) > 1) {
      const g = groups.get(sig);
      if (g) {
        g.members.push(c);
        continue;
      }
      const ng: Unit = { key: `group:${sig}`, members: [c], joiners: [] };
      groups.set(sig, ng);
      out.push({ kind: 'unit', key: ng.key, unit: ng, home: c });
      continue;
    }
    out.push({ kind: 'unit', key: u.key, unit: u, home: c });
  }
  // creation order between projects and loose items: by their first container
  const order = new Map(all.map((c, i) => [c.id, i]));
  return [...items, ...out].sort((a, b) => order.get(a.home.id)! - order.get(b.home.id)!);
}

/** A project's network or volume without the `<project>_` prefix compose gives it. */
export const unprefixed = (project: string, name: string) => (name.startsWith(`${project}_`) ? name.slice(project.length + 1) : name);

export type { Network };
