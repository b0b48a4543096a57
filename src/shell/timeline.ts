// Time travel over a session: the learner's steps and the engine state after each (immer snapshots); rebuild.ts branches.
import type { EngineState, PacketRecord } from '../engine/index';
import type { Session } from './session';
import { EOF_LINE, steps, type JournalEvent } from './journal';

export interface Timeline {
  /** Journal steps that belong to the lesson's setup (not the learner's). */
  base: number;
  /** The engine state before the learner's first step. */
  start: EngineState;
  /** The engine state after each of the learner's steps (frozen immer trees: they share what did not change). */
  states: EngineState[];
  /** The last packet a network tool had sent before the first step, and after each step (the packet diagram's). */
  startPacket: PacketRecord | undefined;
  packets: (PacketRecord | undefined)[];
  /** How each of the learner's steps reads (stepLabel). */
  labels: string[];
}

/** A fresh timeline for a session whose setup has just run. */
export function timelineOf(session: Session): Timeline {
  return timelineAt(session, session.stepCount());
}

/** The timeline of a session whose first `base` steps were setup, with every step it has taken so far. */
export function timelineAt(session: Session, base: number): Timeline {
  return record(session, { base, start: session.stateAfter(base - 1), states: [], startPacket: session.packetAfter(base - 1), packets: [], labels: [] });
}

/** The learner's steps (after setup), each a typed line or a detach with what followed it. */
export function learnerSteps(session: Session, t: Timeline): JournalEvent[][] {
  return steps(session.journal()).slice(t.base);
}

/**
 * After a command: the state and label of every step so far. Only the steps taken since the last call are read;
 * the arrays grow in place (earlier entries never change) and the returned object is new, for the UI's reactivity.
 */
export function record(session: Session, t: Timeline): Timeline {
  const n = session.stepCount() - t.base;
  for (let i = t.states.length; i < n; i++) t.states.push(session.stateAfter(t.base + i));
  for (let i = t.packets.length; i < n; i++) t.packets.push(session.packetAfter(t.base + i));
  for (let i = t.labels.length; i < n; i++) t.labels.push(stepLabel([session.stepHead(t.base + i)!]));
  return { ...t };
}

/** The state at a point in time: 0 = before the learner's first step, i = after step i. */
export function stateAt(t: Timeline, i: number): EngineState {
  return i <= 0 ? t.start : (t.states[Math.min(i, t.states.length) - 1] ?? t.start);
}

/** The last packet sent by a point in time (as stateAt counts). */
export function packetAt(t: Timeline, i: number): PacketRecord | undefined {
  return i <= 0 || !t.packets.length ? t.startPacket : t.packets[Math.min(i, t.packets.length) - 1];
}

/** How a step reads in the timeline. */
export function stepLabel(step: JournalEvent[]): string {
  const head = step[0];
  if (!head) return '';
  if (head.k === 'detach') return 'Ctrl+P Ctrl+Q';
  if (head.k === 'line' && head.line === EOF_LINE) return 'Ctrl+D';
  if (head.k === 'line') return head.line.split('\n')[0] + (head.line.includes('\n') ? ' …' : '');
  return head.k;
}

/** The journal up to the end of the learner's step `i` (0 = setup only). */
export function eventsUntil(session: Session, t: Timeline, i: number): JournalEvent[] {
  return steps(session.journal()).slice(0, t.base + Math.max(0, i)).flat();
}
