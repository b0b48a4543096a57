// The stack of open container shells above the host prompt (`docker run -it`, `docker exec -it`, `docker attach`).
import { containerById, type Engine } from '../engine/index';
import type { HostFs } from './host-fs';
import { framePrompt, newFrame, runInFrame, type ShellFrame } from './container-shell';
import type { PendingShell } from './runtime';
import { newRepl, replCommand } from './repl';
import type { Sys } from './userland/sys';

export interface FrameLineResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  output: string;
}

export function createFrames(engine: Engine, fs: HostFs, onExit: (code: number) => void, initial: ShellFrame[] = []) {
  /** Open container shells, innermost last; empty = the host prompt (a branch starts with its checkpoint's). */
  const frames: ShellFrame[] = structuredClone(initial);
  const top = (): ShellFrame | undefined => frames[frames.length - 1];
  return {
    top,
    /** A container prompt, or null at the host prompt. */
    prompt: (): string | null => {
      const f = top();
      return f ? framePrompt(engine, f) : null;
    },
    /** A shell the last host line opened (docker run -it …) becomes the innermost frame. */
    open(pending: PendingShell | null | undefined): void {
      if (pending) frames.push(newFrame(engine, pending.id, pending.mode, pending.exe, pending.tty, pending.execId, pending));
    },
    /** A line typed at a container's prompt. The terminal shows it; a tty container also logs it. */
    async run(f: ShellFrame, line: string, ask?: Sys['ask']): Promise<FrameLineResult> {
      const prompt = framePrompt(engine, f);
      const r = await runInFrame(engine, f, line, fs, undefined, ask); // + host fs for bind mounts
      const output = r.stdout + r.stderr;
      if (f.mode !== 'exec' && f.tty) engine.container.appendLog(f.id, [{ stream: 'stdout', text: `${prompt}${line}\r\n${output.replace(/\n/g, '\r\n')}` }]);
      // an interpreter typed alone at a terminal's shell takes the terminal: its prompt is a frame above the shell's
      const opens = !f.repl && !f.client && f.tty && r.exited === undefined && r.exitCode === 0 ? replCommand(line) : null;
      if (opens) frames.push({ ...structuredClone(f), functions: undefined, repl: newRepl(opens), child: true });
      if (r.exited !== undefined) {
        frames.pop();
        const below = top();
        const running = ['running', 'paused'].includes(containerById(engine.state, f.id)?.state.status ?? '');
        if (f.child && below && running) below.env = { ...below.env, '?': String(r.exited) }; // the shell goes on, $? = the program's status
        else {
          // the frame's process ended (with the shells whose foreground program it was, if the container stopped)
          while (f.child && top()?.child) frames.pop();
          const owner = f.child ? (frames.pop() ?? f) : f;
          if (owner.mode === 'exec' && owner.execId) engine.container.execDone(owner.id, owner.execId);
          else engine.container.mainExited(owner.id, r.exited);
          onExit(r.exited);
        }
      }
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output };
    },
    /** Ctrl+P Ctrl+Q: leave the innermost attached terminal without stopping it; false when there is none (or an exec). */
    detach(): boolean {
      let i = frames.length - 1;
      while (i > 0 && frames[i].child) i--; // a prompt the shell runs goes with the shell's terminal
      const f = frames[i];
      if (!f || f.mode === 'exec') return false;
      frames.length = i;
      return true;
    },
    depth: () => frames.length,
    /**
     * Ctrl+D at the prompt on top: the line its program takes as the end of input (a shell's and most prompts' `exit`,
     * node's `.exit`, psql's `\q`), and what the program writes first: the newline readline or linenoise ends the line
     * with (then bash's `exit` prints "exit"), psql's `\q` on the prompt's line, mysql's nothing (its "Bye" follows).
     */
    eof(): { line: string; before: string } {
      const f = top();
      if (f?.client) return f.client.kind === 'psql' ? { line: '\\q', before: '\\q\n' } : { line: 'exit', before: f.client.kind === 'mysql' ? '' : '\n' };
      return { line: f?.repl?.kind === 'node' ? '.exit' : 'exit', before: '\n' };
    },
    /** A copy of the open shells (a session checkpoint). */
    snapshot: (): ShellFrame[] => structuredClone(frames),
  };
}
