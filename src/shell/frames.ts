// The stack of open container shells above the host prompt (`docker run -it`, `docker exec -it`, `docker attach`).
import type { Engine } from '../engine/index';
import type { HostFs } from './host-fs';
import { framePrompt, newFrame, runInFrame, type ShellFrame } from './container-shell';
import type { PendingShell } from './runtime';
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
      if (r.exited !== undefined) {
        frames.pop();
        if (f.mode === 'exec' && f.execId) engine.container.execDone(f.id, f.execId);
        else engine.container.mainExited(f.id, r.exited);
        onExit(r.exited);
      }
      return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output };
    },
    /** Ctrl+P Ctrl+Q: leave the innermost attached terminal without stopping it; false when there is none (or an exec). */
    detach(): boolean {
      const f = top();
      if (!f || f.mode === 'exec') return false;
      frames.pop();
      return true;
    },
    depth: () => frames.length,
    /** A copy of the open shells (a session checkpoint). */
    snapshot: (): ShellFrame[] => structuredClone(frames),
  };
}
