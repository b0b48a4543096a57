// The `docker` command inside the host shell: just-bash's command context → our docker client (cli) over the engine.
import { catalogHint } from '../cli/catalog-hint';
import { defineCommand } from 'just-bash';
import type { Engine } from '../engine/index';
import { dict } from '../engine/index';
import { runDocker, type CliContext } from '../cli/index';
import type { ShellRuntime } from './runtime';
import type { HostFs } from './host-fs';
import { decodeBytesToUtf8 } from './jb-compat';
import { syncRegistryBinds } from './registry-sync';
import { gateDocker } from './host/index';
import type { JournalEvent } from './journal';

export type Chunk = { stream: 'stdout' | 'stderr'; text: string };

/** What the docker command needs from the session around it: where output goes, and how it waits for the learner. */
export interface BridgeIo {
  /** Everything printed by docker commands of the current line, in order (the session flushes it to the terminal). */
  chunks(): Chunk[];
  /** Send what was printed so far to the terminal now. */
  flush(): void;
  /** Replay: the recorded answers, ticks and Ctrl+C still to be consumed (undefined when live). */
  script(): JournalEvent[] | undefined;
  headless: boolean;
  /** Append to the session journal. */
  record(e: JournalEvent): void;
  /** Wait for the learner's typed answer (null on Ctrl+C). */
  ask(secret: boolean, journal?: (line: string) => string): Promise<string | null>;
  /** Call `tick` once per second of wall time until Ctrl+C. */
  followUntilInterrupt(tick: () => void): Promise<void>;
  /** Whether this docker invocation's stdout reaches the terminal (not piped or redirected). */
  outIsTerminal(): boolean;
  /** Whether its stderr reaches the terminal (compose's progress frames need one). */
  errIsTerminal(): boolean;
  /** Whether stdin is a terminal (false in a session run without one). */
  inIsTerminal: boolean;
  /** The terminal's width in columns, when the terminal has said (the client's ioctl TIOCGWINSZ). */
  columns(): number | undefined;
}

/**
 * Ask the learner a question: `emit` shows the prompt; a replay takes its recorded answer (echoed, as the terminal showed
 * it), a headless run has no one to ask (null), a live one waits for the line typed at the terminal (null on Ctrl+C).
 */
export function askLearner(io: BridgeIo, emit: (text: string) => void, prompt: string, secret = false, journal?: (line: string) => string): Promise<string | null> {
  const script = io.script();
  emit(prompt);
  if (script) {
    const next = script[0];
    if (next?.k === 'answer') {
      script.shift();
      io.record(next);
      emit(`${secret ? '' : next.line}\n`);
      return Promise.resolve(next.line);
    }
    if (next?.k === 'interrupt') io.record(script.shift()!);
    return Promise.resolve(null);
  }
  if (io.headless) return Promise.resolve(null);
  // show what came before and the question; the terminal sends the typed line to answer()
  io.flush();
  return io.ask(secret, journal);
}

/** Output at least this long that is all ASCII is handed to just-bash as bytes (see dockerCommand). */
const ASCII_AS_BYTES = 4096;
const ASCII = /^[\x00-\x7f]*$/;

export function dockerCommand(engine: Engine, runtime: ShellRuntime, fs: HostFs, io: BridgeIo) {
  return defineCommand('docker', async (args, ctx) => {
    let stdout = '';
    let stderr = '';
    let binary = false;
    const rawStdin = typeof ctx.stdin === 'string' ? ctx.stdin : '';
    const abs = (p: string) => ctx.fs.resolvePath(ctx.cwd, p);
    const cli: CliContext = {
      engine,
      runtime,
      out: (t) => {
        stdout += t;
        io.chunks().push({ stream: 'stdout', text: t });
      },
      err: (t) => {
        stderr += t;
        io.chunks().push({ stream: 'stderr', text: t });
      },
      stdin: ctx.stdin ? decodeBytesToUtf8(ctx.stdin) : '',
      stdinBytes: Uint8Array.from(rawStdin, (c) => c.charCodeAt(0) & 0xff),
      outBytes: (b) => {
        // bytes travel through just-bash as a latin1 string marked stdoutKind 'bytes'
        binary = true;
        let t = '';
        for (let i = 0; i < b.length; i += 8192) t += String.fromCharCode(...b.subarray(i, i + 8192));
        stdout += t;
      },
      // the exported environment (ctx.env is a Map of all shell variables; Object.entries of a Map is empty)
      env: dict(ctx.exportedEnv ?? (ctx.env instanceof Map ? ctx.env : null)),
      cwd: ctx.cwd,
      host: {
        readFile: async (p) => ((await ctx.fs.exists(abs(p))) ? ctx.fs.readFile(abs(p)) : null),
        writeFile: (p, c) => ctx.fs.writeFile(abs(p), c),
        writeSized: async (p, c, size) => {
          await ctx.fs.writeFile(abs(p), c);
          fs.setApparentSize(abs(p), size);
        },
        sizedOutput: (c, size) => fs.expectSized(c.length, size),
        readBytes: async (p) => ((await ctx.fs.exists(abs(p))) ? ctx.fs.readFileBuffer(abs(p)) : null),
        // build contexts (docker build): list directories and stat paths without following symlinks
        readDir: async (p) => ((await ctx.fs.exists(abs(p))) && (await ctx.fs.stat(abs(p))).isDirectory ? (await ctx.fs.readdir(abs(p))).sort() : null),
        mkdir: (p) => ctx.fs.mkdir(abs(p), { recursive: true }),
        chmod: (p, mode) => ctx.fs.chmod(abs(p), mode),
        symlink: async (target, p) => {
          const at = abs(p);
          if ((await ctx.fs.exists(at)) || (ctx.fs.lstat && (await ctx.fs.lstat(at).catch(() => null)))) await ctx.fs.rm(at, { recursive: true, force: true });
          await ctx.fs.symlink(target, at);
        },
        readLink: (p) => ctx.fs.readlink(abs(p)).catch(() => null),
        stat: async (p) => {
          if (!(await ctx.fs.exists(abs(p)))) return null;
          const st = ctx.fs.lstat ? await ctx.fs.lstat(abs(p)) : await ctx.fs.stat(abs(p));
          return { type: st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'dir' : 'file', mode: st.mode & 0o7777, size: st.size, mtime: st.mtime.getTime(), path: abs(p) };
        },
      },
      interrupted: () => cli.follow(() => {}),
      outIsTerminal: io.outIsTerminal(),
      errIsTerminal: io.errIsTerminal(),
      inIsTerminal: io.inIsTerminal,
      terminalWidth: io.columns(),
      ask: (prompt, askOpts) => askLearner(io, cli.out, prompt, !!askOpts?.secret, askOpts?.journal),
      follow: (tick) => {
        const script = io.script();
        if (script) {
          while (script[0]?.k === 'tick') {
            io.record(script.shift()!);
            engine.advance(1000);
            tick();
          }
          if (script[0]?.k === 'interrupt') io.record(script.shift()!);
          return Promise.resolve();
        }
        if (io.headless) return Promise.resolve();
        // show what was printed so far while the command waits (docker logs -f, an attached server) …
        io.flush();
        // … and let simulated time run with the wall clock until Ctrl+C, showing what each second brings
        return io.followUntilInterrupt(() => {
          io.record({ k: 'tick' });
          engine.advance(1000);
          tick();
          io.flush();
        });
      },
    };
    // a bare host: the CLI may not be installed yet, and the daemon's socket may be closed or not ours to open
    const gate = await gateDocker(engine, args, cli.env, async () => ((await ctx.fs.exists('/etc/docker/daemon.json')) ? ctx.fs.readFile('/etc/docker/daemon.json') : null));
    if (gate.kind === 'missing') return { stdout: '', stderr: 'bash: docker: command not found\n', exitCode: 127 };
    cli.unreachable = gate.unreachable;
    const exitCode = await runDocker(gate.argv, cli);
    const hint = exitCode !== 0 ? catalogHint(stderr) : ''; // Docker Hub's error, then what this simulator can pull
    if (hint) cli.err(hint);
    await syncRegistryBinds(engine, fs); // a registry:2 container stores pushes in its bind-mounted host directory
    // long ASCII output (listings, inspect JSON) goes as bytes too: the same string either way, but just-bash then
    // measures it by its length instead of counting UTF-8 bytes in each of its output passes (looked at only when
    // just-bash asks: a plain docker line run without it, fast-docker.ts, never does)
    if (binary) return { stdout, stderr, exitCode, stdoutKind: 'bytes' as const };
    if (stdout.length <= ASCII_AS_BYTES) return { stdout, stderr, exitCode };
    let ascii: boolean | undefined;
    return {
      stdout,
      stderr,
      exitCode,
      get stdoutKind() {
        return (ascii ??= ASCII.test(stdout)) ? ('bytes' as const) : undefined;
      },
    };
  });
}
