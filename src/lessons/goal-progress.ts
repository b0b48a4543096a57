// How goals stand over a learner's steps: goals about an action (a ping got through, a connection reached a
// listener) are met by the event and stay met; goals about state follow the state, and say which command undid them.
import type { EngineState, PacketRecord } from '../engine/index';
import { netnsOf, resolveName, allContainers } from '../engine/index';
import { evaluate } from './checks';
import type { CheckContext } from './check-kit';

export interface GoalStatus {
  met: boolean;
  /** A state goal that held and then stopped: the command after which it no longer holds. */
  undoneBy?: string;
}

/** Checks whose goal is an event: the packet a command sent, not what the state would allow. */
const ACTIONS: Record<string, { proto: PacketRecord['proto']; port: boolean }> = {
  'can-ping': { proto: 'icmp', port: false },
  'can-connect': { proto: 'tcp', port: true },
};

export const isActionCheck = (check: string) => check.trim().split(/\s+/)[0] in ACTIONS;

/** The last packet a network tool had sent before the first step and after each step (the session keeps them). */
export interface StepPackets {
  start: PacketRecord | undefined;
  after: readonly (PacketRecord | undefined)[];
}

/** The packet step `i` sent, if it sent one (a step that sent none keeps the record of the step before; a packet sent
 *  again by a later step is a new record). */
function sentPacket(packets: StepPackets, i: number): PacketRecord | null {
  const p = packets.after[i];
  return p && p !== (i > 0 ? packets.after[i - 1] : packets.start) ? p : null;
}

/** Whether packet `p` is the event an action check asks for: sent by FROM, to TARGET (as FROM resolves it), delivered. */
function packetMeets(check: string, s: EngineState, p: PacketRecord): boolean {
  const [name, from, target, port] = check.trim().split(/\s+/);
  const want = ACTIONS[name];
  if (!want || p.verdict !== 'delivered' || p.proto !== want.proto) return false;
  if (want.port && p.dport !== Number(port)) return false;
  const sender = from === 'host' ? null : (allContainers(s).find((c) => c.name === from) ?? null);
  // FROM's network namespace sent it (a container joined to another's stack, or on the host network, sends from that one)
  const ns = sender ? netnsOf(s, sender) : { kind: 'host' as const };
  const fromNs = ns?.kind === 'host' ? p.sender?.kind === 'host' : p.sender?.kind === 'container' && (p.sender.id === ns?.id || p.sender.name === from);
  if (!fromNs) return false;
  if (p.to?.kind === 'container' && p.to.name === target) return true;
  return resolveName(s, sender, target).ip === p.dst;
}

/** The goals after one more step (`line` typed, the engine reaching `after`, `packet` sent); prev null: after setup. */
export function stepGoals(checks: string[], prev: GoalStatus[] | null, after: EngineState, line = '', ctx: CheckContext = {}, packet: PacketRecord | null = null): GoalStatus[] {
  return checks.map((check, i) => {
    const was = prev?.[i];
    if (isActionCheck(check)) return { met: !!was?.met || (!!packet && packetMeets(check, after, packet)) };
    const met = evaluate(after, check, ctx);
    if (met) return { met };
    return was?.met ? { met, undoneBy: line } : was?.undoneBy ? { met, undoneBy: was.undoneBy } : { met };
  });
}

/** The goals after every step of a session: `start` is the state after setup, `states[i]` after step i (labelled `lines[i]`),
 *  `packets` the last packet sent by each of those points. */
export function goalsOver(checks: string[], start: EngineState, states: EngineState[], lines: string[], packets: StepPackets, ctx: CheckContext = {}): GoalStatus[] {
  return goalsAndSolve(checks, start, states, lines, packets, ctx).status;
}

/** goalsOver, and after how many steps every goal was met and stayed met to the end (null: not all met now). */
export function goalsAndSolve(checks: string[], start: EngineState, states: EngineState[], lines: string[], packets: StepPackets, ctx: CheckContext = {}): { status: GoalStatus[]; solvedAt: number | null } {
  let status = stepGoals(checks, null, start, '', ctx);
  const all = () => status.length > 0 && status.every((g) => g.met);
  let solvedAt: number | null = all() ? 0 : null;
  states.forEach((after, i) => {
    status = stepGoals(checks, status, after, lines[i] ?? '', ctx, sentPacket(packets, i));
    if (!all()) solvedAt = null;
    else solvedAt ??= i + 1;
  });
  return { status, solvedAt };
}

/**
 * goalsAndSolve kept up to date as the session grows: asked again after new steps, it reads only those steps. Other
 * checks, another target, another start or a history that changed under it (time travel, a branch) start it over.
 */
export function goalTracker() {
  type Memo = { key: string; start: EngineState; first: EngineState | undefined; n: number; last: EngineState; status: GoalStatus[]; solvedAt: number | null };
  let memo: Memo | null = null;
  return (checks: string[], start: EngineState, states: readonly EngineState[], lines: readonly string[], packets: StepPackets, ctx: CheckContext = {}): { status: GoalStatus[]; solvedAt: number | null } => {
    const key = checks.join('\n') + '\u0000' + (ctx.target ? JSON.stringify(ctx.target) : '');
    const same = memo && memo.key === key && memo.start === start && memo.n <= states.length && (memo.n === 0 || (states[0] === memo.first && states[memo.n - 1] === memo.last));
    const all = (status: GoalStatus[]) => status.length > 0 && status.every((g) => g.met);
    if (!same) {
      const status = stepGoals(checks, null, start, '', ctx);
      memo = { key, start, first: undefined, n: 0, last: start, status, solvedAt: all(status) ? 0 : null };
    }
    const m = memo!;
    for (let i = m.n; i < states.length; i++) {
      m.status = stepGoals(checks, m.status, states[i], lines[i] ?? '', ctx, sentPacket(packets, i));
      m.last = states[i];
      if (!all(m.status)) m.solvedAt = null;
      else m.solvedAt ??= i + 1;
    }
    m.n = states.length;
    m.first = states[0];
    return { status: m.status, solvedAt: m.solvedAt };
  };
}
