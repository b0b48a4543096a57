// Completion codes: the student's journal after setup, packed with the exercise hash; the teacher replays and checks it.
import { failure } from './problems';
import { goalsOver } from '../lessons/goal-progress';
import type { EngineState, PacketRecord } from '../engine/index';
import { isJournal, steps, type JournalEvent } from '../shell/journal';
import type { Session } from '../shell/session';
import { pack, unpack } from './codec';
import { exerciseChecks, exerciseHash, exerciseTarget, type Exercise } from './exercise';
import { allContainers } from '../engine/index';

export const CODE_PREFIX = 'DL1-';
export const CODE_LIMITS = { chars: 200_000, json: 4 * 1024 * 1024, events: 2000, name: 100 } as const;

export interface CompletionPayload {
  v: 1;
  /** sha256 of the exercise's canonical JSON. */
  ex: string;
  name: string;
  /** What the student did after the setup (lines typed, answers, clock ticks, Ctrl+C, detach). */
  events: JournalEvent[];
}

/** The journal without the setup's steps (each setup line is one step, with whatever followed it). */
export function afterSetup(ex: Exercise, journal: JournalEvent[]): JournalEvent[] {
  return steps(journal).slice(ex.setup.length).flat();
}

/** The code a student hands in: `DL1-` + base64url(deflate(JSON payload)) (deflate's checksum catches a damaged copy). */
export async function completionCode(ex: Exercise, name: string, journal: JournalEvent[]): Promise<string> {
  const payload: CompletionPayload = { v: 1, ex: exerciseHash(ex), name: name.trim().slice(0, CODE_LIMITS.name), events: afterSetup(ex, journal) };
  return CODE_PREFIX + (await pack(payload, 'deflate'));
}

/** An exercise's version as people read it: the start of its hash (any edit makes a new one), shown on the link's page and in codes. */
export const exerciseVersion = (hash: string) => hash.slice(0, 8);

export type Read = { ok: true; payload: CompletionPayload } | ReturnType<typeof failure>;

/** Decode and check a pasted code (blanks and line breaks inside it are ignored). */
export async function readCompletionCode(code: string): Promise<Read> {
  const c = code.replace(/\s+/g, '');
  if (!c) return failure('code-empty');
  if (!c.startsWith(CODE_PREFIX)) return failure('code-foreign', CODE_PREFIX);
  if (c.length > CODE_LIMITS.chars) return failure('code-too-long', c.length, CODE_LIMITS.chars);
  const u = await unpack(c.slice(CODE_PREFIX.length), 'deflate', CODE_LIMITS.json);
  if (!u.ok) return failure('code-unreadable', u.error);
  const p = u.value as Record<string, unknown>;
  const problem = !p || typeof p !== 'object' || Array.isArray(p)
    ? 'it is not an object'
    : Object.keys(p).sort().join(',') !== 'events,ex,name,v'
      ? 'it has missing or unknown fields'
      : p.v !== 1
        ? 'its version is not 1'
        : typeof p.ex !== 'string' || !/^[0-9a-f]{64}$/.test(p.ex)
          ? 'its exercise hash is malformed'
          : typeof p.name !== 'string' || p.name.length > CODE_LIMITS.name
            ? 'its name is not a short text'
            : !Array.isArray(p.events) || p.events.length > CODE_LIMITS.events
              ? `it does not hold a list of at most ${CODE_LIMITS.events} events`
              : !isJournal(p.events)
                ? 'its events are malformed'
                : null;
  if (problem) return failure('code-invalid', problem);
  return { ok: true, payload: p as unknown as CompletionPayload };
}

export interface Summary {
  containers: number;
  running: number;
  images: number;
  networks: number;
  volumes: number;
}

export type Verification =
  | { ok: true; name: string; goalsMet: boolean[]; allMet: boolean; commands: string[]; summary: Summary; seconds: number }
  | ReturnType<typeof failure>;

/** What the engine holds (counts) — the "final state" line of a verification. */
export function summarize(s: Session): Summary {
  const st = s.engine.state;
  const cs = allContainers(st);
  return { containers: cs.length, running: cs.filter((c) => c.state.status === 'running').length, images: Object.keys(st.images).length, networks: Object.keys(st.networks).length, volumes: Object.keys(st.volumes ?? {}).length };
}

/**
 * The teacher's check, without a server: the code must name this exercise; its events are replayed after the setup in a
 * fresh simulator with the exercise's seed, and every goal is evaluated on the state that replay produces.
 */
export async function verifyCompletion(ex: Exercise, code: string): Promise<Verification> {
  const r = await readCompletionCode(code);
  if (!r.ok) return r;
  if (r.payload.ex !== exerciseHash(ex)) return failure('code-other-exercise', exerciseVersion(r.payload.ex), exerciseVersion(exerciseHash(ex)));
  const events: JournalEvent[] = [...ex.setup.map((line) => ({ k: 'line' as const, line })), ...r.payload.events];
  let session: Session;
  // the state after the setup and after each of the student's steps: goals are judged over them as the lab does
  // (a ping that got through counts even if the network was changed afterwards)
  const states: EngineState[] = [];
  const packets: (PacketRecord | undefined)[] = [];
  try {
    const { replay } = await import('../shell/replay'); // the simulator loads only when a code is checked
    session = await replay(events, {
      seed: ex.seed ?? 1,
      onStep: (i, s) => {
        states.push(s.engine.state);
        packets.push(s.packetAfter(i));
      },
    });
  } catch (e) {
    return failure('code-replay-failed', (e as Error).message);
  }
  const base = steps(events).length - steps(r.payload.events).length;
  const learner = states.slice(base + 1);
  const lines = steps(r.payload.events).map((st) => (st[0]?.k === 'line' ? st[0].line : ''));
  const sent = { start: packets[base], after: packets.slice(base + 1) };
  const goalsMet = goalsOver(exerciseChecks(ex), states[base] ?? session.engine.state, learner, lines, sent, { target: exerciseTarget(ex) }).map((g) => g.met);
  const commands = r.payload.events.flatMap((e) => (e.k === 'line' ? [e.line] : []));
  // simulated time the student's commands took (one second per line, plus sleeps and waits)
  const seconds = Math.round((session.engine.state.clock - (states[base] ?? session.engine.state).clock) / 1000);
  return { ok: true, name: r.payload.name, goalsMet, allMet: goalsMet.every(Boolean), commands, summary: summarize(session), seconds };
}
