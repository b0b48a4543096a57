// Shared plumbing of the simulated network tools: where a tool runs (host or container), which build it is, time, traces.
import type { CommandContext, IFileSystem } from 'just-bash';
import { lookup, lowerStack, netnsOf, resolveExecutable, resolveName, standInOf, traceText, samePacket, type Container, type Engine, type Netns, type PacketRecord, type Resolution, type Trace, containerById } from '../engine/index';

export type ExecResult = { stdout: string; stderr: string; exitCode: number };

/** Where a network tool runs: the host, or a container (whose namespace may be its own, a joined one, or the host's). */
export interface NetPlace {
  engine: Engine;
  /** undefined = the host shell. */
  containerId?: string;
  /** The host's filesystem (web servers serve bind-mounted host folders). */
  host?: IFileSystem;
}

export function containerOf(p: NetPlace): Container | null {
  return p.containerId ? (containerById(p.engine.state, p.containerId) ?? null) : null;
}

/** The namespace packets leave from; null when the container has none (it stopped, or its target did). */
export function netnsHere(p: NetPlace): Netns | null {
  const c = containerOf(p);
  if (!p.containerId) return { kind: 'host' };
  return c ? netnsOf(p.engine.state, c) : null;
}

/** Which implementation of a tool a container has: 'busybox', or the package of a real binary (iputils-ping, curl …). */
export function toolFlavor(engine: Engine, id: string, name: string): string | null {
  const s = engine.state;
  const c = containerById(s, id);
  if (!c) return null;
  const path = resolveExecutable(s, c, name);
  if (!path) return null;
  const node = lookup([c.upper, ...lowerStack(s, c)], path);
  return (node?.type === 'file' ? standInOf(node.content)?.pkg : undefined) ?? 'busybox';
}

/** Let simulated time pass inside the tool (the shell's sleep hook advances the engine clock or the process clock). */
export async function wait(ctx: CommandContext, engine: Engine, ms: number) {
  if (ms <= 0) return;
  if (ctx.sleep) await ctx.sleep(ms);
  else engine.advance(ms);
}

export function resolveHere(p: NetPlace, name: string): Resolution {
  return resolveName(p.engine.state, containerOf(p), name);
}

/** Deterministic jitter in [0,1) from a few numbers (no state changes: replies vary but replay identically). */
export function jitter(...xs: (number | string)[]): number {
  let h = 2166136261;
  for (const x of xs.join('|')) h = Math.imul(h ^ x.charCodeAt(0), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}

/** Round-trip time in microseconds for a delivered packet. */
export function rttMicros(t: Trace, seq: number, clock: number): number {
  const j = jitter(t.dst, seq, clock);
  if (t.to?.kind === 'internet') return 11000 + Math.floor(j * 4000);
  if (t.dst.startsWith('127.') || t.from === t.dst) return 30 + Math.floor(j * 40);
  return 55 + Math.floor(j * 90);
}

/** The packets the last network tool sent, per engine (what a bare `trace` prints). */
export const lastTraces = new WeakMap<object, Trace[]>();

/** The last packet a network tool sent, per engine, as the packet diagram draws it (the session keeps it per step). */
export const lastPackets = new WeakMap<object, PacketRecord>();

/** Records that an earlier step sent (the session seals each step's last packet when the step ends). */
const sealed = new WeakSet<PacketRecord>();

/** Remember the packet a tool sent. The same packet sent again within one step (a tool in a loop) keeps the record it
 *  had, so it is not news; sent again by a later command, it is a new record: the picture plays it again. */
export function notePacket(engine: Engine, t: Trace): void {
  const r = engine.network.packetRecord(t);
  const last = lastPackets.get(engine);
  if (!last || sealed.has(last) || !samePacket(last, r)) lastPackets.set(engine, r);
}

/** A step ended: the packet it (or an earlier one) sent is no longer the one a tool in that step repeats. */
export function sealPacket(engine: Engine): void {
  const last = lastPackets.get(engine);
  if (last) sealed.add(last);
}

/** Record the tool's packets for `trace` and the engine (its last one: the packet diagram); with DOCKERLINGS_TRACE=1 in
 *  the environment also append their path to stderr. */
export function withTrace(ctx: CommandContext, r: ExecResult, traces: Trace[], engine?: Engine, packets = 1, bytes?: number): ExecResult {
  if (engine && traces.length) {
    lastTraces.set(engine, traces);
    notePacket(engine, traces[traces.length - 1]);
    // the iptables rules on each path count the packets (an echo request is 84 bytes with ping's 56 of data, a SYN 60)
    for (const t of traces) engine.network.countPackets(t, packets, bytes ?? (t.proto === 'icmp' ? 84 : 60));
  }
  const on = ctx.env.get('DOCKERLINGS_TRACE');
  if (!on || on === '0' || !traces.length) return r;
  return { ...r, stderr: r.stderr + traces.map(traceText).join('') };
}

/** Split `-abc`-style flags the way small tools parse them; returns [flags with values, positional args]. */
export function parseArgs(args: string[], withValue: string): { opts: Record<string, string | true>; rest: string[] } {
  const opts: Record<string, string | true> = {};
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('--') && a.length > 2) {
      const eq = a.indexOf('=');
      if (eq > 0) opts[a.slice(0, eq)] = a.slice(eq + 1);
      else if (withValue.split(' ').includes(a)) opts[a] = args[++i] ?? '';
      else opts[a] = true;
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const f = '-' + a[j];
        if (withValue.split(' ').includes(f)) {
          opts[f] = a.slice(j + 1) || (args[++i] ?? '');
          break;
        }
        opts[f] = true;
      }
    } else rest.push(a);
  }
  return { opts, rest };
}
