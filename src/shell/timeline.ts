// Time travel over a session: the learner's steps and the engine state after each (immer snapshots); rebuild.ts branches.
import type { EngineState } from '../engine/index';
import type { Session } from './session';
import { steps, type JournalEvent } from './journal';

export interface Timeline {
  /** Journal steps that belong to the lesson's setup (not the learner's). */
  base: number;
  /** The engine state before the learner's first step. */
  start: EngineState;
  /** The engine state after each of the learner's steps (frozen immer trees: they share what did not change). */
  states: EngineState[];
}

/** A fresh timeline for a session whose setup has just run. */
export function timelineOf(session: Session): Timeline {
  return { base: steps(session.journal()).length, start: session.engine.state, states: [] };
}

/** The learner's steps (after setup), each a typed line or a detach with what followed it. */
export function learnerSteps(session: Session, t: Timeline): JournalEvent[][] {
  return steps(session.journal()).slice(t.base);
}

/** After a command: the state of every step so far (a detach did not call back: it keeps the state before it). */
export function record(session: Session, t: Timeline): Timeline {
  const n = learnerSteps(session, t).length;
  const states = t.states.slice(0, n);
  while (states.length < n) states.push(states.length === n - 1 ? session.engine.state : (states[states.length - 1] ?? t.start));
  states[n - 1] = session.engine.state;
  return { ...t, states };
}

/** The state at a point in time: 0 = before the learner's first step, i = after step i. */
export function stateAt(t: Timeline, i: number): EngineState {
  return i <= 0 ? t.start : (t.states[Math.min(i, t.states.length) - 1] ?? t.start);
}

/** How a step reads in the timeline. */
export function stepLabel(step: JournalEvent[]): string {
  const head = step[0];
  if (!head) return '';
  if (head.k === 'detach') return 'Ctrl+P Ctrl+Q';
  if (head.k === 'line') return head.line.split('\n')[0] + (head.line.includes('\n') ? ' …' : '');
  return head.k;
}

/** The journal up to the end of the learner's step `i` (0 = setup only). */
export function eventsUntil(session: Session, t: Timeline, i: number): JournalEvent[] {
  return steps(session.journal()).slice(0, t.base + Math.max(0, i)).flat();
}
