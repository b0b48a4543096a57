// A headless terminal session: just-bash host shell + our docker client + the simulated engine (no DOM).
import { Bash, defineCommand, getCommandNames } from 'just-bash';
import { HostFs } from './host-fs';
import { syncRegistryBinds } from './registry-sync';
import { createEngine, type Engine, type EngineState } from '../engine/index';
import { runDocker, type CliContext } from '../cli/index';
import { createRuntime } from './runtime';
import { BASH_BASE } from './bash-options';
import { decodeBytesToUtf8 } from './jb-compat';
import { HOST_DIRS, HOST_ENV, HOST_FILES, HOST_NAME } from './host';
import { completeLine } from './complete';
import { dateCommand } from './date';
import { framePrompt, newFrame, runInFrame, type ShellFrame } from './container-shell';
import { hostNetCommands } from './net-commands';
import { terminalCommands, userland } from './userland/index';
import type { JournalEvent } from './journal';
import { runDueProbes } from './health';
import { CHECKPOINT_EVERY, fillHost, hostEntries, type Checkpoint, type TranscriptStep } from './checkpoint';
import { pidCounters, setPidCounters } from './userland/index';
import { setSyncMark, syncMark } from './registry-sync';
import { lastTraces } from './net-util';

export interface RunResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** stdout and stderr interleaved as a terminal shows them. */
  output: string;
}

export interface SessionOptions {
  seed?: number;
  /** Headless sessions (the runner, tests) treat a command waiting for Ctrl+C as interrupted at once. */
  headless?: boolean;
  /** Replay: answers, clock ticks and Ctrl+C of a recorded journal, consumed as commands ask for them. */
  script?: JournalEvent[];
  /** Start from a checkpoint of another session with the same seed (a branch) instead of from scratch. */
  from?: Checkpoint;
  /** Checkpoints of the history this session continues (kept, so a later branch can start from them too). */
  checkpoints?: readonly Checkpoint[];
}

type Chunk = { stream: 'stdout' | 'stderr'; text: string };

export function createSession(opts: SessionOptions = {}) {
  const engine: Engine = createEngine({ seed: opts.seed ?? 1 });
  const from = opts.from;
  const fs = new HostFs(() => engine.now());
  let env: Record<string, string> = { ...HOST_ENV, PWD: '/root' };
  let lineTty: (command: string) => boolean = () => true;
  const history: string[] = from ? [...from.history] : [];
  let chunks: Chunk[] = [];
  let onOutput: ((text: string, stream: 'stdout' | 'stderr') => void) | undefined;
  let interruptWaiters: (() => void)[] = [];
  /** Open container shells, innermost last; empty = the host prompt. */
  const frames: ShellFrame[] = from ? structuredClone(from.frames) : [];
  /** A command waiting for the user to type an answer (a [y/N] prompt, docker login's Username:/Password:). */
  let asking: { secret: boolean; resolve: (line: string | null) => void } | null = null;
  /** Everything the learner did that changed the session, in order (time travel and completion codes replay it). */
  const journal: JournalEvent[] = from ? [...from.journal] : [];
  /** Where each step starts in the journal (time travel reads steps without regrouping the whole journal). */
  const stepStarts: number[] = [];
  const noteEvent = (e: JournalEvent) => {
    if (e.k === 'line' || e.k === 'detach' || journal.length === 0) stepStarts.push(journal.length);
    journal.push(e);
  };
  if (from) {
    const all = journal.splice(0);
    for (const e of all) noteEvent(e);
  }
  /** What the terminal showed, step by step (a branch's transcript starts from a checkpoint's). */
  const transcript: TranscriptStep[] = from ? [...from.transcript] : [];
  const shown = (t: string) => {
    const cur = transcript[transcript.length - 1];
    if (cur) cur.text += t;
  };
  /** The engine state after each step (frozen immer trees sharing what did not change), and before the first. */
  const stateAfter: EngineState[] = from ? [...from.stateAfter] : [];
  const checkpoints: Checkpoint[] = [...(opts.checkpoints ?? [])].filter((c) => !from || c.steps <= from.steps);
  let script = opts.script;
  if (from) {
    engine.restore(from.state);
    env = { ...from.env };
    setPidCounters(engine, from.pids);
    if (from.traces) lastTraces.set(engine, from.traces as never);
  }
  const initial: EngineState = from ? from.initial : engine.state;
  const runtime = createRuntime(engine, fs); // bind mounts see the host's files

  const docker = defineCommand('docker', async (args, ctx) => {
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
        chunks.push({ stream: 'stdout', text: t });
      },
      err: (t) => {
        stderr += t;
        chunks.push({ stream: 'stderr', text: t });
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
      env: ctx.exportedEnv ?? (ctx.env instanceof Map ? Object.fromEntries(ctx.env) : {}),
      cwd: ctx.cwd,
      host: {
        readFile: async (p) => ((await ctx.fs.exists(abs(p))) ? ctx.fs.readFile(abs(p)) : null),
        writeFile: (p, c) => ctx.fs.writeFile(abs(p), c),
        readBytes: async (p) => ((await ctx.fs.exists(abs(p))) ? ctx.fs.readFileBuffer(abs(p)) : null),
        // build contexts (docker build): list directories and stat paths without following symlinks
        readDir: async (p) => ((await ctx.fs.exists(abs(p))) && (await ctx.fs.stat(abs(p))).isDirectory ? (await ctx.fs.readdir(abs(p))).sort() : null),
        mkdir: (p) => ctx.fs.mkdir(abs(p), { recursive: true }),
        chmod: (p, mode) => ctx.fs.chmod(abs(p), mode),
        stat: async (p) => {
          if (!(await ctx.fs.exists(abs(p)))) return null;
          const st = ctx.fs.lstat ? await ctx.fs.lstat(abs(p)) : await ctx.fs.stat(abs(p));
          return { type: st.isSymbolicLink ? 'symlink' : st.isDirectory ? 'dir' : 'file', mode: st.mode & 0o7777, size: st.size, mtime: st.mtime.getTime(), path: abs(p) };
        },
      },
      interrupted: () => cli.follow(() => {}),
      ask: (prompt, askOpts) => {
        if (script) {
          cli.out(prompt);
          const next = script[0];
          if (next?.k === 'answer') {
            script.shift();
            noteEvent(next);
            if (!askOpts?.secret) cli.out(next.line);
            cli.out('\n');
            return Promise.resolve(next.line);
          }
          if (next?.k === 'interrupt') noteEvent(script.shift()!);
          return Promise.resolve(null);
        }
        if (opts.headless) {
          cli.out(prompt);
          return Promise.resolve(null);
        }
        // show what came before and the question; the terminal sends the typed line to answer()
        cli.out(prompt);
        flushChunks();
        return new Promise<string | null>((resolve) => {
          asking = { secret: !!askOpts?.secret, resolve };
        });
      },
      follow: (tick) => {
        if (script) {
          while (script[0]?.k === 'tick') {
            noteEvent(script.shift()!);
            engine.advance(1000);
            tick();
          }
          if (script[0]?.k === 'interrupt') noteEvent(script.shift()!);
          return Promise.resolve();
        }
        if (opts.headless) return Promise.resolve();
        // show what was printed so far while the command waits (docker logs -f, an attached server) …
        flushChunks();
        // … and let simulated time run with the wall clock until Ctrl+C, showing what each second brings
        const timer = setInterval(() => {
          noteEvent({ k: 'tick' });
          engine.advance(1000);
          tick();
          flushChunks();
        }, 1000);
        return new Promise<void>((r) =>
          interruptWaiters.push(() => {
            clearInterval(timer);
            r();
          }),
        );
      },
    };
    const exitCode = await runDocker(args, cli);
    await syncRegistryBinds(engine, fs); // a registry:2 container stores pushes in its bind-mounted host directory
    return binary ? { stdout, stderr, exitCode, stdoutKind: 'bytes' as const } : { stdout, stderr, exitCode };
  });
  let streamed = 0;
  /** Send what the running docker command printed since the last flush to the terminal now. */
  const flushChunks = () => {
    for (const c of chunks.slice(streamed)) onOutput?.(c.text, c.stream);
    streamed = chunks.length;
  };

  const bash = new Bash({
    ...BASH_BASE,
    fs,
    cwd: '/root',
    env,
    customCommands: [docker, dateCommand(() => engine.now()), ...hostNetCommands(engine, fs), ...userland({ engine, containerId: null, flavor: 'gnu', tty: (name) => lineTty(name) })], // ip, iptables, ping, curl …; ls, ps, free …
    sleep: async (ms) => {
      engine.advance(ms);
      await runDueProbes(engine, fs); // health checks that fell due while sleeping
    },
  });
  const ready = (async () => {
    if (from) {
      await fillHost(fs, from.files, from.sizes);
      setSyncMark(fs, from.syncMark);
      return;
    }
    for (const d of HOST_DIRS) await fs.mkdir(d, { recursive: true });
    for (const [p, c] of Object.entries(HOST_FILES)) await fs.writeFile(p, c);
  })();

  const home = (p: string) => (p === '/root' ? '~' : p.startsWith('/root/') ? '~' + p.slice(5) : p);

  /** A line typed at a container's prompt. The terminal shows it; a tty container also logs it. */
  async function runContainerLine(f: ShellFrame, line: string): Promise<RunResult> {
    const prompt = framePrompt(engine, f);
    const r = await runInFrame(engine, f, line, fs); // + host fs for bind mounts
    const output = r.stdout + r.stderr;
    if (f.mode !== 'exec' && f.tty) engine.container.appendLog(f.id, [{ stream: 'stdout', text: `${prompt}${line}\r\n${output.replace(/\n/g, '\r\n')}` }]);
    if (r.exited !== undefined) {
      frames.pop();
      if (f.mode === 'exec' && f.execId) engine.container.execDone(f.id, f.execId);
      else engine.container.mainExited(f.id, r.exited);
      env['?'] = String(r.exited);
    }
    return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode, output };
  }

  /** One typed line: a second passes, due probes run, then the line runs at the host or in the open container shell. */
  async function runLine(line: string, out: (text: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult> {
    noteEvent({ k: 'line', line });
    if (line.trim()) history.push(line);
    engine.advance(1000); // a typed line takes a second of simulated time
    await runDueProbes(engine, fs); // health checks due by now (shell/health.ts), before the line runs
    const top = frames[frames.length - 1];
    if (top) {
      const r = await runContainerLine(top, line);
      if (r.output) out(r.output, 'stdout');
      return r;
    }
    chunks = [];
    streamed = 0;
    onOutput = out;
    // `$?` of the previous line carries over (just-bash starts every exec at 0)
    const prev = parseInt(env['?'] ?? '0', 10) || 0;
    lineTty = terminalCommands(line); // ls prints columns only when its output reaches the terminal
    const res = await bash.exec(prev ? `(exit ${prev})\n${line}` : line, { env, replaceEnv: true, cwd: env.PWD ?? '/root', rawScript: true });
    if (res.env) env = { ...res.env, '?': String(res.exitCode) };
    onOutput = undefined;
    const joined = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
    // when only our docker client printed and nothing was piped away, keep its real interleaving
    // otherwise (piped, redirected): docker's own stderr (pull progress, errors) usually came first
    const firstOut = chunks.findIndex((c) => c.stream === 'stdout');
    const errFirst = chunks.some((c) => c.stream === 'stderr') && !chunks.slice(firstOut < 0 ? chunks.length : firstOut).some((c) => c.stream === 'stderr');
    const ordered = joined('stdout') === res.stdout && joined('stderr') === res.stderr ? chunks.map((c) => c.text).join('') : errFirst ? res.stderr + res.stdout : res.stdout + res.stderr;
    const already = chunks.slice(0, streamed).map((c) => c.text).join('');
    const rest = ordered.startsWith(already) ? ordered.slice(already.length) : ordered;
    if (rest) out(rest, 'stdout');
    const pending = runtime.takePending();
    if (pending) frames.push(newFrame(engine, pending.id, pending.mode, pending.exe, pending.tty, pending.execId));
    return { stdout: res.stdout, stderr: res.stderr, exitCode: res.exitCode, output: ordered };
  }

  const promptNow = (): string => {
    const top = frames[frames.length - 1];
    if (top) return framePrompt(engine, top);
    return `root@${HOST_NAME}:${home(env.PWD ?? '/root')}# `;
  };

  /** Everything outside the journal, as it is now (between steps). */
  const snapshot = async (): Promise<Checkpoint> => ({
    steps: stepStarts.length,
    journal: journal.slice(),
    state: engine.state,
    initial,
    stateAfter: stateAfter.slice(),
    files: await hostEntries(fs),
    sizes: fs.sizeEntries(),
    syncMark: syncMark(fs),
    env: { ...env },
    history: [...history],
    frames: structuredClone(frames),
    pids: pidCounters(engine),
    traces: lastTraces.get(engine),
    transcript: transcript.map((t) => ({ ...t })),
  });

  return {
    engine,
    fs,
    /** Run one typed line (may span lines: heredocs, continuations). */
    async run(line: string, out?: (text: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult> {
      await ready;
      transcript.push({ prompt: promptNow(), text: line + '\n' });
      const r = await runLine(line, (t, stream) => {
        shown(t);
        out?.(t, stream);
      });
      stateAfter.push(engine.state);
      const last = checkpoints[checkpoints.length - 1]?.steps ?? 0;
      if (stepStarts.length - last >= CHECKPOINT_EVERY) checkpoints.push(await snapshot());
      return r;
    },
    /** The prompt shown before the next line. */
    prompt: promptNow,
    /** Steps so far (each a typed line or a detach with what followed it). */
    stepCount: () => stepStarts.length,
    /** The engine state after step `i` (-1: before the first step). */
    stateAfter: (i: number): EngineState => (i < 0 ? initial : (stateAfter[i] ?? engine.state)),
    /** The event that began step `i`. */
    stepHead: (i: number): JournalEvent | undefined => (stepStarts[i] === undefined ? undefined : { ...journal[stepStarts[i]] }),
    /** What the terminal showed for steps `from` and later. */
    transcript: (from = 0): TranscriptStep[] => transcript.slice(from).map((t) => ({ ...t })),
    /** Checkpoints of this session's history, oldest first (a branch starts from the latest that fits). */
    checkpoints: (): Checkpoint[] => checkpoints.slice(),
    /** A checkpoint of the session now. */
    checkpoint: snapshot,
    /** Is `text` an unfinished command (open quote, trailing \ or operator, heredoc without its end)? */
    needsMoreInput(text: string): boolean {
      if (/\\$/.test(text) || /(\|\||&&|\|)\s*$/.test(text)) return true;
      for (const m of text.matchAll(/<<-?\s*(['"]?)([\w.-]+)\1/g)) {
        const rest = text.slice((m.index ?? 0) + m[0].length).split('\n').slice(1);
        if (!rest.some((l) => l.replace(/^\t+/, '') === m[2])) return true;
      }
      try {
        bash.transform(text); // parses without running (the browser bundle does not export parse)
        return false;
      } catch (e) {
        return /EOF/.test((e as Error).message);
      }
    },
    /** Tab completion for the word at `cursor`. */
    complete(line: string, cursor: number) {
      return completeLine(line, cursor, { engine, fs, cwd: env.PWD ?? '/root', commands: [...getCommandNames(), 'docker'] });
    },
    /** Whether a running command waits for a typed answer (and whether to hide what is typed). */
    asking: () => (asking ? { secret: asking.secret } : null),
    /** The line typed as the answer to the pending question. */
    answer(line: string) {
      const a = asking;
      asking = null;
      if (a) {
        noteEvent({ k: 'answer', line });
        shown((a.secret ? '' : line) + '\n'); // as a replay's question echoes it
      }
      a?.resolve(line);
    },
    /** Ctrl+C: release a command that waits for it. */
    interrupt() {
      if (asking || interruptWaiters.length) noteEvent({ k: 'interrupt' });
      if (asking) {
        const a = asking;
        asking = null;
        a.resolve(null);
      }
      const w = interruptWaiters;
      interruptWaiters = [];
      for (const r of w) r();
    },
    history: () => [...history],
    /** End a replay: from now on questions and follow mode wait for the terminal again. */
    goLive() {
      script = undefined;
    },
    /** What was typed and answered so far (a copy). */
    journal: (): JournalEvent[] => journal.map((e) => ({ ...e })),
    /** Ctrl+P Ctrl+Q: leave the container's terminal without stopping it (`read escape sequence`). */
    detach(): string | null {
      const top = frames[frames.length - 1];
      if (!top || top.mode === 'exec') return null;
      frames.pop();
      noteEvent({ k: 'detach' });
      transcript.push({ prompt: null, text: '\nread escape sequence\n' });
      stateAfter.push(engine.state);
      return 'read escape sequence\n';
    },
    /** Whether the terminal is talking to a container's shell. */
    inContainer: () => frames.length > 0,
  };
}

export type Session = ReturnType<typeof createSession>;
