// Session checkpoints: everything a session holds outside the journal at one step, so a branch replays only what follows.
import { InMemoryFs } from 'just-bash';
import type { EngineState, PacketRecord } from '../engine/index';
import { HostFs } from './host-fs';
import type { JournalEvent } from './journal';
import type { ShellFrame } from './container-shell';

/** A checkpoint is taken after every CHECKPOINT_EVERY-th step, so branching replays fewer steps than that. */
export const CHECKPOINT_EVERY = 20;

/** One host file, directory or symlink as it was. */
export interface HostEntry {
  path: string;
  type: 'dir' | 'file' | 'symlink';
  mode: number;
  mtime: number;
  content?: Uint8Array;
  target?: string;
}

/** What the terminal showed for one step: the prompt (null for a detach) and everything after it. */
export interface TranscriptStep {
  prompt: string | null;
  text: string;
}

/**
 * An append-only array of the session as it was: its first `length` items. Sessions only ever push onto their journal,
 * history, transcript and per-step states, so a checkpoint shares them instead of copying (the items do not change
 * either: a transcript step is complete once its line has run).
 */
export interface Prefix<T> {
  items: readonly T[];
  length: number;
}

export const prefixOf = <T>(items: readonly T[]): Prefix<T> => ({ items, length: items.length });
export const itemsOf = <T>(p: Prefix<T> | undefined): T[] => (p ? p.items.slice(0, p.length) : []);

/** The whole session after `steps` steps of `journal`. Nothing in it is mutated after it is taken. */
export interface Checkpoint {
  steps: number;
  journal: Prefix<JournalEvent>;
  state: EngineState;
  /** The engine state before the first step, and after each step so far. */
  initial: EngineState;
  stateAfter: Prefix<EngineState>;
  /** The last packet a tool had sent before the first step, after each step so far, and now (the packet diagram's). */
  initialPacket: PacketRecord | undefined;
  packetAfter: Prefix<PacketRecord | undefined>;
  packet: PacketRecord | undefined;
  files: HostEntry[];
  sizes: [string, number][];
  syncMark: { registries: object; containers: object } | undefined;
  env: Record<string, string>;
  history: Prefix<string>;
  frames: ShellFrame[];
  /** The host shell's functions (functions.ts), by name. */
  functions?: [string, unknown][];
  pids: unknown;
  traces: unknown;
  /** Where the session's seeded Math.random stands (chance.ts). */
  chance: number;
  transcript: Prefix<TranscriptStep>;
}

// the base class's methods: no clock stamping and no apparent sizes while copying
const base = InMemoryFs.prototype;

/** The entries a filesystem's last checkpoint took, by path: an unchanged entry is shared, not copied again. */
const lastTaken = new WeakMap<HostFs, Map<string, HostEntry>>();

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) => a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]));

/** Every entry of a host filesystem, parents before children (entries unchanged since the last call are the same objects). */
export async function hostEntries(fs: HostFs): Promise<HostEntry[]> {
  const out: HostEntry[] = [];
  const before = lastTaken.get(fs);
  const now = new Map<string, HostEntry>();
  for (const path of fs.getAllPaths().sort()) {
    const st = await base.lstat.call(fs, path);
    let e: HostEntry = { path, type: st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'dir' : 'file', mode: st.mode, mtime: st.mtime.getTime() };
    if (e.type === 'file') e.content = await base.readFileBuffer.call(fs, path);
    if (e.type === 'symlink') e.target = await base.readlink.call(fs, path);
    const old = before?.get(path);
    if (old && old.type === e.type && old.mode === e.mode && old.mtime === e.mtime && old.target === e.target && sameBytes(old.content, e.content)) e = old;
    now.set(path, e);
    out.push(e);
  }
  lastTaken.set(fs, now);
  return out;
}

/** Fill a new, empty host filesystem with `entries` (modes and times as they were). */
export async function fillHost(fs: HostFs, entries: HostEntry[], sizes: [string, number][]): Promise<void> {
  for (const e of entries) {
    if (e.path === '/') continue;
    if (e.type === 'dir') await base.mkdir.call(fs, e.path, { recursive: true });
    else if (e.type === 'file') await base.writeFile.call(fs, e.path, e.content ?? new Uint8Array());
    else {
      await base.symlink.call(fs, e.target ?? '', e.path);
      fs.setLinkTime(e.path, e.mtime);
    }
  }
  // modes and times last: creating a child must not touch what its parent had
  for (const e of entries) {
    if (e.type === 'symlink') continue;
    await base.chmod.call(fs, e.path, e.mode & 0o7777);
    await base.utimes.call(fs, e.path, new Date(e.mtime), new Date(e.mtime));
  }
  fs.setSizeEntries(sizes);
}

/** Whether `events` begins with the checkpoint's journal (a branch of the same history). */
function startsWith(events: JournalEvent[], prefix: Prefix<JournalEvent>): boolean {
  if (prefix.length > events.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const a = events[i] as { k: string; line?: string };
    const b = prefix.items[i] as { k: string; line?: string };
    if (a.k !== b.k || a.line !== b.line) return false;
  }
  return true;
}

/** The latest checkpoint from which `events` can be reached by replaying what follows it. */
export function bestCheckpoint(checkpoints: readonly Checkpoint[], events: JournalEvent[]): Checkpoint | undefined {
  for (let i = checkpoints.length - 1; i >= 0; i--) if (startsWith(events, checkpoints[i].journal)) return checkpoints[i];
  return undefined;
}
