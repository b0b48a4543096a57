// Container status and command strings as the daemon renders them (moby container/state.go, container/view.go).
import { healthString, type Container, type EngineState } from '../../engine/index';
import { humanDuration } from '../format';

/** `Up 5 seconds`, `Exited (0) 2 minutes ago`, `Up 3 minutes (Paused)`, `Created` … */
const sinceThen = (s: EngineState, t: number) => humanDuration(Math.max(0, (s.clock - t) / 1000));

/** `Up ` and a duration text, made once per duration text (a listing's rows share a few). */
function upText(d: string): string {
  let v = upTexts.get(d);
  if (v === undefined) {
    if (upTexts.size > 4096) upTexts.clear();
    upTexts.set(d, (v = 'Up ' + d));
  }
  return v;
}
const upTexts = new Map<string, string>();

export function statusString(s: EngineState, c: Container): string {
  switch (c.state.status) {
    case 'running': {
      const h = healthString(c); // `Up 2 minutes (healthy)`, `(unhealthy)`, `(health: starting)`
      return h ? `Up ${sinceThen(s, c.state.startedAt)} (${h})` : upText(sinceThen(s, c.state.startedAt));
    }
    case 'paused':
      return `Up ${sinceThen(s, c.state.startedAt)} (Paused)`;
    case 'restarting':
      return `Restarting (${c.state.exitCode}) ${sinceThen(s, c.state.finishedAt)} ago`;
    case 'removing':
      return 'Removal In Progress';
    case 'dead':
      return 'Dead';
    case 'created':
      return 'Created';
    case 'exited':
      return c.state.finishedAt ? `Exited (${c.state.exitCode}) ${sinceThen(s, c.state.finishedAt)} ago` : 'Created';
  }
}

/** Path + args, args with spaces single-quoted (the daemon's Command column before the CLI truncates it). */
export function commandString(c: Container): string {
  return [c.path, ...c.args.map((a) => (a.includes(' ') ? `'${a}'` : a))].join(' ');
}
