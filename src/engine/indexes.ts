// Indexes over the engine state (container names, addresses in use per network, published host ports, when a process
// or a health probe falls due), so a command looks up what it needs instead of visiting every container.
//
// They live beside the immer tree, not in it: each engine keeps a *base* index of its committed state, and a command
// records what it changes in a *transaction* (the few places that name a container, give or take an address, publish
// ports or change a process call the note* functions below). Lookups during the command read the transaction first,
// then the base; when the command commits, the transaction is applied to the base; when it throws, it is dropped with
// the draft. Outside a command (diagrams, tests on a frozen state) the lookups scan the state, as before.
import type { Container, EngineState, PortMapping } from './state';
import { allContainers, containerById, containerNamed, hasContainer } from './container-table';

interface Base {
  names: Map<string, string>;
  addrs: Map<string, Map<string, string>>;
  ports: Map<string, PortMapping[]>;
  /** When reconcile has work for a container (a running process's exit, a restart), and when its next probe is due. */
  due: DueQueue;
  probes: DueQueue;
  /** Per network, an address (as a number) below which every address of its pool is in use: the lowest-free search
   *  starts there instead of at the pool's start. Only a lower bound: releasing an address lowers it. */
  low: Map<string, number>;
}

/** Due times by container ID, with a min-heap beside them (entries made stale by a later set are skipped when
 *  read), so "what is due by now" visits only what is due, not every container with a time. */
class DueQueue {
  private at = new Map<string, number>();
  private heap: { t: number; id: string }[] = [];
  set(id: string, t: number) {
    if (this.at.get(id) === t) return;
    this.at.set(id, t);
    this.push({ t, id });
    if (this.heap.length > 2 * this.at.size + 64) this.rebuild();
  }
  delete(id: string) {
    this.at.delete(id);
  }
  [Symbol.iterator]() {
    return this.at[Symbol.iterator]();
  }
  /** IDs whose time is at or before `now`, in no particular order. */
  dueBy(now: number): string[] {
    const out = new Set<string>();
    while (this.heap.length && this.at.get(this.heap[0].id) !== this.heap[0].t) this.popRoot(); // stale: skip for good
    const h = this.heap;
    const stack = h.length && h[0].t <= now ? [0] : [];
    while (stack.length) {
      const i = stack.pop()!;
      const e = h[i];
      if (this.at.get(e.id) === e.t) out.add(e.id);
      for (const k of [2 * i + 1, 2 * i + 2]) if (k < h.length && h[k].t <= now) stack.push(k);
    }
    return [...out];
  }
  private push(e: { t: number; id: string }) {
    const h = this.heap;
    h.push(e);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p].t <= h[i].t) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }
  private popRoot() {
    const h = this.heap;
    const last = h.pop()!;
    if (!h.length) return;
    h[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && h[l].t < h[m].t) m = l;
      if (r < h.length && h[r].t < h[m].t) m = r;
      if (m === i) break;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
  private rebuild() {
    this.heap = [];
    for (const [id, t] of this.at) this.push({ t, id });
  }
}

interface Txn {
  base: Base;
  names: Map<string, string | null>;
  addrs: Map<string, Map<string, string | null>>;
  ports: Map<string, PortMapping[]>;
  touched: Set<string>;
  /** Per network: the lowest address searched up to by an allocation in this command, and the lowest released. */
  low: Map<string, number>;
}

let txn: Txn | null = null;

/** Tests switch this on: every command then compares the indexes with a fresh scan and throws on a difference. */
let checking = false;
export function checkIndexes(on: boolean) {
  checking = on;
}

/** When reconcile has something to do for `c` (Infinity: nothing until something else changes it). */
export function dueOf(c: Container | undefined): number {
  const p = c?.process;
  if (!c || !p) return Infinity;
  if (c.state.status === 'running' && p.exitAt !== null) return p.exitAt;
  if (c.state.status === 'restarting') return c.restartAt;
  return Infinity;
}

/** When the next health probe of `c` is due (Infinity: none while it is not running). */
export function probeOf(c: Container | undefined): number {
  const at = c?.health?.nextAt;
  return c && c.state.status === 'running' && at != null ? at : Infinity;
}

function scan(s: EngineState): Base {
  const b: Base = { names: new Map(), addrs: new Map(), ports: new Map(), due: new DueQueue(), probes: new DueQueue(), low: new Map() };
  for (const c of allContainers(s)) {
    b.names.set(c.name, c.id);
    for (const ep of Object.values(c.endpoints)) if (ep.ip) setIn(b.addrs, ep.networkId, ep.ip, c.id);
    if (c.ports.length) b.ports.set(c.id, c.ports);
    setDue(b, c.id, c);
  }
  return b;
}

function setIn<V>(m: Map<string, Map<string, V>>, k: string, k2: string, v: V) {
  let inner = m.get(k);
  if (!inner) m.set(k, (inner = new Map()));
  inner.set(k2, v);
}

function setDue(b: Base, id: string, c: Container | undefined) {
  const due = dueOf(c);
  if (due === Infinity) b.due.delete(id);
  else b.due.set(id, due);
  const probe = probeOf(c);
  if (probe === Infinity) b.probes.delete(id);
  else b.probes.set(id, probe);
}

/** One engine's indexes: built from a state, moved forward by each command's transaction. */
export function createIndexes(initial: EngineState) {
  let base = scan(initial);
  return {
    /** Run `fn` (one engine command, inside its immer produce) with a transaction; `commit` gets the new state. */
    run<R>(fn: () => R): { result: R; apply: (next: EngineState) => void } {
      const outer = txn;
      const mine: Txn = { base, names: new Map(), addrs: new Map(), ports: new Map(), touched: new Set(), low: new Map() };
      txn = mine;
      try {
        const result = fn();
        return {
          result,
          apply: (next) => {
            applyTxn(base, mine, next);
            const diff = checking ? (indexDifference(base, scan(next)) ?? freeBelowSearch(base, next)) : null;
            if (diff) throw new Error(`engine indexes out of step with the state: ${diff}`);
          },
        };
      } finally {
        txn = outer;
      }
    },
    /** Run a read-only lookup on the committed state with its indexes (nothing it notes is kept). */
    read<R>(fn: () => R): R {
      const outer = txn;
      txn = { base, names: new Map(), addrs: new Map(), ports: new Map(), touched: new Set(), low: new Map() };
      try {
        return fn();
      } finally {
        txn = outer;
      }
    },
    /** Start over from a whole new state (time travel, a checkpoint). */
    reset(s: EngineState) {
      base = scan(s);
    },
    /** Ids of containers with a health probe due at or before `now`, in no particular order. */
    probesDue(now: number): string[] {
      return base.probes.dueBy(now);
    },
    /** The base index as it is (tests compare it with a fresh scan). */
    snapshot: () => base,
    /** A fresh scan of a state, for comparison. */
    scan,
  };
}

export type Indexes = ReturnType<typeof createIndexes>;

function applyTxn(base: Base, t: Txn, next: EngineState) {
  for (const [name, id] of t.names) {
    if (id === null) base.names.delete(name);
    else base.names.set(name, id);
  }
  for (const [net, m] of t.addrs) {
    for (const [ip, id] of m) {
      if (id !== null) setIn(base.addrs, net, ip, id);
      else base.addrs.get(net)?.delete(ip);
    }
  }
  for (const [id, ports] of t.ports) {
    if (ports.length && hasContainer(next, id)) base.ports.set(id, ports);
    else base.ports.delete(id);
  }
  for (const id of t.touched) setDue(base, id, containerById(next, id));
  for (const [net, n] of t.low) base.low.set(net, n);
}

// ---- what commands record (no-ops outside a command) ----

/** A container now holds `name` (id), or nobody does (null). */
export function noteName(name: string, id: string | null) {
  txn?.names.set(name, id);
}

/** An address on a network is now held by a container (id), or free (null). */
export function noteAddress(networkId: string, ip: string, id: string | null) {
  if (txn && ip) setIn(txn.addrs, networkId, ip, id);
  if (txn && ip && id === null) txn.low.set(networkId, Math.min(lowestFree(networkId), ipNumber(ip)));
}

/** The lowest-free search on a network found `n` free and took it: every pool address up to it is in use. */
export function noteSearched(networkId: string, n: number) {
  if (txn) txn.low.set(networkId, n + 1);
}

/** Where the lowest-free search on a network may start (0: at the pool's start). */
export function lowestFree(networkId: string): number {
  if (!txn) return 0;
  return txn.low.get(networkId) ?? txn.base.low.get(networkId) ?? 0;
}

/** An address below a network's lowest-free search start that nobody holds (null: none; tests check this). */
function freeBelowSearch(base: Base, s: EngineState): string | null {
  for (const [id, low] of base.low) {
    const net = s.networks[id];
    const subnet = net?.ipam.config[0]?.Subnet;
    if (!subnet) continue;
    const [addr, bits] = subnet.split('/');
    const range = net.ipam.config[0].IPRange?.split('/')[0];
    const start = Math.max(Number(bits) >= 31 ? ipNumber(addr) : ipNumber(addr) + 1, range ? ipNumber(range) : 0);
    const gateways = new Set(net.ipam.config.map((c) => c.Gateway));
    const held = base.addrs.get(id);
    for (let n = start; n < low; n++) {
      const ip = [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
      if (!held?.has(ip) && !gateways.has(ip)) return `network ${net.name}: ${ip} is free below where the address search starts (${low})`;
    }
  }
  return null;
}

function ipNumber(ip: string): number {
  const [a, b, c, d] = ip.split('.').map(Number);
  return ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
}

/** A container's published ports are now `ports` (copied: the draft's array is finalized later). */
export function notePorts(id: string, ports: PortMapping[]) {
  txn?.ports.set(id, ports.map((p) => ({ ...p })));
}

/** A container's process, state or health changed (its due times are read again). */
export function touch(id: string) {
  txn?.touched.add(id);
}

// ---- lookups (a scan of `s` outside a command) ----

/** The id of the container named `name`, if any. */
export function nameHolder(s: EngineState, name: string): string | undefined {
  if (!txn) return containerNamed(s, name)?.id;
  if (txn.names.has(name)) return txn.names.get(name) ?? undefined;
  return txn.base.names.get(name);
}

/** Addresses held by containers on a network (gateway not included): only asked whether it holds one. */
export function heldAddresses(s: EngineState, networkId: string): { has(ip: string): boolean } {
  if (!txn) {
    const used = new Set<string>();
    for (const c of allContainers(s)) for (const ep of Object.values(c.endpoints)) if (ep.networkId === networkId && ep.ip) used.add(ep.ip);
    return used;
  }
  const base = txn.base.addrs.get(networkId);
  const mine = txn.addrs.get(networkId);
  return { has: (ip) => (mine?.has(ip) ? mine.get(ip) !== null : !!base?.has(ip)) };
}

/** Published ports of every container but `except`, in creation order. */
export function publishedPorts(s: EngineState, except?: string): PortMapping[] {
  const out: PortMapping[] = [];
  if (!txn) {
    for (const c of allContainers(s)) if (c.id !== except) out.push(...c.ports);
    return out;
  }
  const ids = new Set([...txn.base.ports.keys(), ...txn.ports.keys()]);
  ids.delete(except ?? '');
  const holders: Container[] = [];
  for (const id of ids) {
    const c = containerById(s, id);
    if (c) holders.push(c);
  }
  holders.sort((a, b) => a.seq - b.seq);
  for (const c of holders) out.push(...(txn.ports.get(c.id) ?? txn.base.ports.get(c.id) ?? []));
  return out;
}

/** Containers whose process has something due at or before `now`, in creation order. */
export function dueContainers(s: EngineState, now: number): string[] {
  if (!txn) return allContainers(s).filter((c) => dueOf(c) <= now).map((c) => c.id);
  const due: Container[] = [];
  for (const id of txn.base.due.dueBy(now)) if (!txn.touched.has(id)) due.push(containerById(s, id)!);
  for (const id of txn.touched) {
    const c = containerById(s, id);
    if (c && dueOf(c) <= now) due.push(c);
  }
  return due
    .filter((c) => c)
    .sort((a, b) => a.seq - b.seq)
    .map((c) => c.id);
}

/** Where two indexes differ (null: they agree). */
export function indexDifference(a: Base, b: Base): string | null {
  const flat = (x: Base) => ({
    names: [...x.names].sort(),
    addrs: [...x.addrs].flatMap(([n, m]) => [...m].map(([ip, id]) => `${n} ${ip} ${id}`)).sort(),
    ports: [...x.ports].map(([id, p]) => `${id} ${JSON.stringify(p)}`).sort(),
    due: [...x.due].sort(),
    probes: [...x.probes].sort(),
  });
  const fa = flat(a);
  const fb = flat(b);
  for (const k of Object.keys(fa) as (keyof typeof fa)[]) if (JSON.stringify(fa[k]) !== JSON.stringify(fb[k])) return `${k}: ${JSON.stringify(fa[k]).slice(0, 300)} ≠ ${JSON.stringify(fb[k]).slice(0, 300)}`;
  return null;
}
