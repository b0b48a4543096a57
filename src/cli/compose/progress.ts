// Compose's progress output (pkg/progress tty.go): the last frame of "[+] Running 3/3" with one line per resource.
import type { CliContext } from '../command';

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
    const left = `${indent} ${SPINNER[e.status]} ${txt}${' '.repeat(Math.max(0, pad - txt.length))} ${STATUS_COLOR[e.status](e.text)}`;
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

/** Write a progress block to stderr in the form the output device gets. */
export function report(ctx: CliContext, title: string, events: ProgressEvent[]): void {
  if (!events.length) return;
  ctx.err(ttyFrame(title, events, termWidth(ctx)));
}

/** A logrus warning as Compose prints it on a terminal: yellow WARN, seconds since start, the message padded to 44. */
export function warn(ctx: CliContext, msg: string): void {
  ctx.err(`${YELLOW}WARN${RESET}[0000] ${msg.padEnd(44)} \n`);
}
