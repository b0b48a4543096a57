// Compose's progress output (pkg/progress): the tty writer's last frame ("[+] Running 3/3", one line per resource),
// or the plain, json and quiet writers, chosen as compose's NewWriter chooses (--progress, --ansi, stderr a terminal).
import type { CliContext } from '../command';

/** The --progress values compose accepts (cmd/compose/compose.go printerModes; "none" means quiet). */
export const PROGRESS_MODES = ['auto', 'tty', 'plain', 'json', 'quiet'] as const;
export type ProgressMode = (typeof PROGRESS_MODES)[number];

/** A client context that knows the progress mode the compose global flags chose. */
export interface ProgressContext extends CliContext {
  progress?: ProgressMode;
}

/** The writer compose picks: auto means tty when stderr is a terminal, plain otherwise. */
export function writerOf(ctx: CliContext): Exclude<ProgressMode, 'auto'> {
  const mode = (ctx as ProgressContext).progress ?? 'auto';
  if (mode !== 'auto') return mode;
  return ctx.errIsTerminal === false ? 'plain' : 'tty';
}

export type Status = 'working' | 'done' | 'warning' | 'error';

export interface ProgressEvent {
  /** "Network app_default", "Container app-web-1", `Volume "app_data"`, or a service name for pulls. */
  id: string;
  status: Status;
  /** StatusText: the word after the padding ("Created", "Started"). */
  text: string;
  /** Text: words right after the id, before the padding (pulls say "redis Pulled" with an empty status text). */
  label?: string;
  /** Pull layers are children drawn indented under their service. */
  parent?: string;
  seconds?: number;
  /** Sent without an in-progress event before it (an exited container compose reports as "Created"). */
  alone?: boolean;
}

const GREEN = '\x1b[32m';
const BLUE = '\x1b[34m';
const YELLOW = '\x1b[33m';
const RESET = '\x1b[0m';
const color = (c: string, s: string) => `${c}${s}${RESET}`;

const BOLD_YELLOW = '\x1b[33;1m';
const BOLD_RED = '\x1b[31;1m';
const SPINNER: Record<Status, string> = { working: color(YELLOW, '⠿'), done: color(GREEN, '✔'), warning: color(BOLD_YELLOW, '!'), error: color(BOLD_RED, '✘') };
const STATUS_COLOR: Record<Status, (s: string) => string> = {
  working: (s) => s,
  done: (s) => color(GREEN, s),
  warning: (s) => color(BOLD_YELLOW, s),
  error: (s) => color(BOLD_RED, s),
};

/** The terminal's width (as the terminal reports it, else an exported COLUMNS), 80 when unknown. */
export function termWidth(ctx: CliContext): number {
  if (ctx.terminalWidth) return ctx.terminalWidth;
  const n = Number(ctx.env.COLUMNS);
  return Number.isFinite(n) && n > 0 ? n : 80;
}

const visible = (s: string) => [...s.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '')].length;

/**
 * One progress block, as a terminal shows it once everything is done: the title with the count of finished events,
 * then each event (the latest status of each id, in the order ids first appeared), the timer aligned to the right.
 */
export function ttyFrame(title: string, events: ProgressEvent[], width: number): string {
  const latest = new Map<string, ProgressEvent>();
  for (const e of events) latest.set(e.id, e);
  const list = [...latest.values()];
  const done = list.filter((e) => e.status !== 'working').length;
  let first = `[+] ${title} ${done}/${list.length}`;
  if (done === list.length) first = color(BLUE, first);
  let pad = 0;
  const txtOf = (e: ProgressEvent) => `${e.id} ${e.label ?? ''}`;
  for (const e of list) {
    pad = Math.max(pad, txtOf(e).length);
    if (e.parent) pad -= 2;
  }
  const lines = [first];
  const line = (e: ProgressEvent, indent: string) => {
    const txt = txtOf(e);
    // a status longer than the room left is cut (errors can be several lines long)
    const room = width - txt.length - pad - 15;
    const status = room > 0 && e.text.length > room ? `${e.text.slice(0, room)}...` : e.text;
    const left = `${indent} ${SPINNER[e.status]} ${txt}${' '.repeat(Math.max(0, pad - txt.length))} ${STATUS_COLOR[e.status](status)}`;
    const timer = color(BLUE, `${(e.seconds ?? 0).toFixed(1)}s `);
    const gap = width - visible(left) - visible(timer);
    lines.push(`${left}${' '.repeat(Math.max(0, gap))}${timer}`);
  };
  for (const e of list) {
    if (e.parent) continue;
    line(e, '');
    for (const c of list) if (c.parent === e.id) line(c, '  ');
  }
  return lines.join('\n') + '\n';
}

/** plainWriter.Event: fmt.Fprintln(out, prefix, ID, Text, StatusText), each operand separated by one space. */
export const plainLine = (e: ProgressEvent) => ` ${e.id} ${e.label ?? ''} ${e.text}\n`;

/** jsonWriter.Event: one JSON object a line, empty fields left out. */
export const jsonLine = (e: ProgressEvent) => JSON.stringify({ id: e.id, parent_id: e.parent, text: e.label || undefined, status: e.text || undefined }) + '\n';

/** The in-progress word compose sends before each outcome (pkg/progress/event.go: CreatingEvent before CreatedEvent …). */
const WORKING: Record<string, string> = { Created: 'Creating', Started: 'Starting', Stopped: 'Stopping', Removed: 'Removing', Killed: 'Killing', Recreated: 'Recreate', Restarted: 'Restarting' };

/** Every event as the writers receive them: an outcome reported alone gets its in-progress event first. */
export function withWorking(events: ProgressEvent[]): ProgressEvent[] {
  const out: ProgressEvent[] = [];
  const last = new Map<string, ProgressEvent>();
  for (const e of events) {
    const before = WORKING[e.text];
    if (before && !e.alone && e.status === 'done' && last.get(e.id)?.status !== 'working') out.push({ ...e, status: 'working', text: before, seconds: 0 });
    out.push(e);
    last.set(e.id, e);
  }
  return out;
}

/** A service's pull: "Pulling", each layer's last status, then "Pulled" (the layers are its children in the frame). */
export function pullEvents(service: string, layers: { id: string; status: string }[], seconds: number): ProgressEvent[] {
  return [
    { id: service, status: 'working', label: 'Pulling', text: '', seconds: 0 },
    ...layers.map((l): ProgressEvent => ({ id: l.id, parent: service, status: 'done', label: l.status, text: '', seconds: 1.0 })),
    { id: service, status: 'done', label: 'Pulled', text: '', seconds },
  ];
}

/** Write a progress block to stderr in the form the writer gives: every event (plain, json), the last frame (tty). */
export function report(ctx: CliContext, title: string, events: ProgressEvent[]): void {
  if (!events.length) return;
  const w = writerOf(ctx);
  if (w === 'tty') ctx.err(ttyFrame(title, events, termWidth(ctx)));
  else if (w === 'plain') ctx.err(withWorking(events).map(plainLine).join(''));
  else if (w === 'json') ctx.err(withWorking(events).map(jsonLine).join(''));
}

/** Go's %q for the message of a logrus text line (ASCII: what JSON.stringify gives). */
const quoted = (s: string) => (/^[A-Za-z0-9\-._\/@^+]+$/.test(s) ? s : JSON.stringify(s));

/**
 * A logrus warning as Compose prints it: on a terminal yellow WARN, seconds since start, the message padded to 44;
 * otherwise logrus's text form `time="…" level=warning msg="…"`.
 */
export function warn(ctx: CliContext, msg: string): void {
  if (ctx.errIsTerminal === false) {
    const time = new Date(ctx.engine.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    ctx.err(`time="${time}" level=warning msg=${quoted(msg)}\n`);
    return;
  }
  ctx.err(`${YELLOW}WARN${RESET}[0000] ${msg.padEnd(44)} \n`);
}
