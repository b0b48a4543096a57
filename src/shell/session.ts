// A headless terminal session: just-bash host shell + our docker client + the simulated engine (no DOM).
import { withSimTime } from './sim-time'; // first: it must patch performance.now before just-bash loads
import { seededRandom, syncSeconds, withChance } from './chance';
import { Bash, getCommandNames } from 'just-bash';
import { HostFs } from './host-fs';
import { createEngine, dict, loadImageData, programChunks, type Engine, type EngineState, type PacketRecord } from '../engine/index';
import { createRuntime } from './runtime';
import { BASH_BASE, liveLimits, learnerText } from './bash-options';
import { HOST_ENV, HOST_NAME } from './host';
import { completeLine } from './complete';
import { dateCommand } from './date';
import { hostNetCommands } from './net-commands';
import { terminalCommands, userland } from './userland/index';
import { EOF_LINE, type JournalEvent } from './journal';
import { runDueProbes, waitHealthy } from './health';
import { failedRedirect } from './mount-fs';
import { askLearner, dockerCommand, type BridgeIo, type Chunk } from './docker-bridge';
import { createFrames } from './frames';
import { replayableDocker, runPlainDocker } from './fast-docker';
import { historyCommand } from './history';
import { CHECKPOINT_EVERY, hostEntries, itemsOf, prefixOf, type Checkpoint, type TranscriptStep } from './checkpoint';
import { pidCounters, setPidCounters } from './userland/index';
import { syncMark } from './registry-sync';
import { lastPackets, lastTraces, sealPacket } from './net-util';
import { hostCommands, hostMay, syncDockerRoot, takeLogin } from './host/index';
import { deniedText } from './host/denied';
import { openCheck, redirectGuard } from './redirect-guard';
import { hostLoader, layOutHost } from './host/rootfs';
import { hostShells } from './host/shells';
import { functionKeeper, functionTable } from './functions';

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
  /** false: output goes to a pipe, not a terminal (the conformance replay, like the real daemon's recording). */
  terminal?: boolean;
  /** Replay: answers, clock ticks and Ctrl+C of a recorded journal, consumed as commands ask for them. */
  script?: JournalEvent[];
  /** Keep the engine state of every step and a checkpoint every CHECKPOINT_EVERY steps (time travel, branching).
   *  On by default; a long scripted run turns it off (it would hold every state it went through). */
  timeline?: boolean;
  /** Start from a checkpoint of another session with the same seed (a branch) instead of from scratch. */
  from?: Checkpoint;
  /** Checkpoints of the history this session continues (kept, so a later branch can start from them too). */
  checkpoints?: readonly Checkpoint[];
  /** Run plain `docker …` lines without just-bash (the same outcome, cheaper); off only to test that equivalence. */
  fastDocker?: boolean;
}

export function createSession(opts: SessionOptions = {}) {
  const engine: Engine = createEngine({ seed: opts.seed ?? 1 });
  const startClock = engine.now();
  const from = opts.from;
  const chance = seededRandom(opts.seed ?? 1, from?.chance); // $RANDOM, awk rand() … (chance.ts)
  const fs = new HostFs(() => engine.now());
  let env: Record<string, string> = { ...HOST_ENV, PWD: '/root' };
  if (from) {
    engine.restore(from.state);
    env = { ...from.env };
    setPidCounters(engine, from.pids);
    if (from.traces) lastTraces.set(engine, from.traces as never);
    if (from.packet) lastPackets.set(engine, from.packet);
    // sent by a step before the branch: the same packet sent again after it is news
    sealPacket(engine);
  }
  /** The engine state before the first step. */
  const initial: EngineState = from ? from.initial : engine.state;
  const runtime = { ...createRuntime(engine, fs), waitHealthy: (id: string, seconds: number) => waitHealthy(engine, id, seconds, fs) }; // bind mounts see the host's files
  /** The terminal's width once it has told us (resize), for the docker client's progress output. */
  let termCols: number | undefined;
  let lineTty: (command: string) => boolean = () => true;
  let lineErrTty: (command: string) => boolean = () => true;
  /** The typed lines, as `history` lists them (this line included, as bash does); `history -c` and `-d` put a new list in
   *  its place, since checkpoints hold prefixes of the old one. */
  let history: string[] = itemsOf(from?.history);
  const remember = (line: string) => history.push(line);
  const historyStore = { lines: () => history, set: (lines: string[]) => void (history = lines) };
  let chunks: Chunk[] = [];
  let onOutput: ((text: string, stream: 'stdout' | 'stderr') => void) | undefined;
  let interruptWaiters: (() => void)[] = [];
  const frames = createFrames(engine, fs, (code) => (env['?'] = String(code)), from?.frames);
  /** A command waiting for the user to type an answer (a [y/N] prompt, docker login's Username:/Password:). */
  let asking: { secret: boolean; resolve: (line: string | null) => void; journal?: (line: string) => string } | null = null;
  /** Everything the learner did that changed the session, in order (time travel and completion codes replay it). */
  const journal: JournalEvent[] = itemsOf(from?.journal);
  /** Where each step starts in the journal (time travel reads steps without regrouping the whole journal). */
  const stepStarts: number[] = [];
  const startsStep = (e: JournalEvent) => e.k === 'line' || e.k === 'detach' || journal.length === 0;
  journal.forEach((e, i) => (e.k === 'line' || e.k === 'detach' || i === 0) && stepStarts.push(i));
  const record = (e: JournalEvent) => {
    if (startsStep(e)) stepStarts.push(journal.length);
    journal.push(e);
  };
  /** What the terminal showed, step by step (a branch's transcript starts from its checkpoint's). */
  const transcript: TranscriptStep[] = itemsOf(from?.transcript);
  const shown = (t: string) => {
    const cur = transcript[transcript.length - 1];
    if (cur) cur.text += t;
  };
  /** The engine state after each step (frozen immer trees sharing what did not change), kept for time travel. */
  const keepStates = opts.timeline ?? true;
  const stateAfter: EngineState[] = itemsOf(from?.stateAfter);
  /** The last packet a network tool had sent after each step (the packet diagram's; not engine state). */
  const initialPacket: PacketRecord | undefined = from ? from.initialPacket : undefined;
  const packetAfter: (PacketRecord | undefined)[] = itemsOf(from?.packetAfter);
  const keepStep = () => {
    stateAfter.push(engine.state);
    packetAfter.push(lastPackets.get(engine));
    sealPacket(engine);
  };
  const checkpoints: Checkpoint[] = (opts.checkpoints ?? []).filter((c) => !from || c.steps <= from.steps);
  let script = opts.script;
  const fastDocker = opts.fastDocker ?? true;

  let streamed = 0;
  /** Send what the running docker command printed since the last flush to the terminal now. */
  const flushChunks = () => {
    for (const c of chunks.slice(streamed)) onOutput?.(c.text, c.stream);
    streamed = chunks.length;
  };
  const io: BridgeIo = {
    chunks: () => chunks,
    flush: flushChunks,
    script: () => script,
    headless: !!opts.headless,
    record,
    outIsTerminal: () => lineTty('docker'),
    errIsTerminal: () => lineErrTty('docker'),
    inIsTerminal: opts.terminal !== false,
    columns: () => termCols,
    ask: (secret, journal) => new Promise<string | null>((resolve) => (asking = { secret, resolve, journal })),
    followUntilInterrupt: (tick) => {
      const timer = setInterval(tick, 1000);
      return new Promise<void>((r) =>
        interruptWaiters.push(() => {
          clearInterval(timer);
          r();
        }),
      );
    },
  };
  const docker = dockerCommand(engine, runtime, fs, io);
  const shellDocker = replayableDocker(docker); // what just-bash runs (fast-docker.ts runs plain lines itself)
  /** A host command's question (apt's [Y/n]): shown on the terminal as docker's prompts are, answered the same way. */
  const hostAsk = async (shown: string) => {
    let echo = '';
    let asked = false; // the first text shown is the question, then what the answer echoed
    const line = await askLearner(io, (t) => {
      chunks.push({ stream: 'stdout', text: t });
      if (asked) echo += t;
      asked = true;
    }, shown);
    return { line, echo };
  };

  const hostList = [shellDocker.command, historyCommand(historyStore), dateCommand(() => engine.now()), ...hostNetCommands(engine, fs), ...hostCommands(engine), ...userland({ engine, containerId: null, flavor: 'gnu', tty: (name) => lineTty(name), ask: hostAsk, umask: fs }), openCheck];
  const shells = hostShells(); // bash -c, sh -c: child shells worded as bash and dash word a script's errors
  const keeper = functionKeeper(() => bash, shells.nested); // functions outlive the line that defined them
  hostList.push(...shells.commands, keeper.command, hostLoader(() => hostList));
  const bash: Bash = new Bash({
    ...BASH_BASE,
    // loops run until Ctrl+C, as in bash; headless runs (tests, the runner) stop a runaway after a while instead
    executionLimits: liveLimits(!!opts.headless),
    fs,
    cwd: '/root',
    env,
    customCommands: hostList, // ip, iptables, ping, curl …; ls, ps, free …; the loader runs stand-ins outside /usr/bin (/usr/sbin/usermod)
    sleep: async (ms) => {
      engine.advance(ms);
      await runDueProbes(engine, fs); // health checks that fell due while sleeping
    },
  });
  bash.registerTransformPlugin(redirectGuard('bash')); // `> /nope/f`: bash's error, and the line goes on
  bash.registerTransformPlugin(keeper.plugin);
  if (from?.functions) keeper.load(from.functions);
  fs.onDaemonPaths(() => syncDockerRoot(engine, fs)); // /var/lib/docker and /sys/fs/cgroup follow the engine when looked at
  // a checkpoint's running programs have their code loaded first (restarts and signals read it)
  const ready = (from ? loadImageData(programChunks(from.state)) : Promise.resolve())
    .then(() => layOutHost(engine, fs, from))
    .then(() => fs.onPermission((p, write) => hostMay(engine, p, write))); // once the host is laid out, a bare host's learner meets root's folders

  const home = (p: string) => {
    const h = env.HOME ?? '/root';
    return p === h ? '~' : p.startsWith(h + '/') ? '~' + p.slice(h.length) : p;
  };

  /** One typed line (may span lines: heredocs, continuations); chance and $SECONDS follow the session's seed and clock. */
  async function runLine(line: string, out?: (text: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult> {
    record({ k: 'line', line });
    if (line === EOF_LINE) line = frames.eof().line; // Ctrl+D: not a line of the shell's history
    else if (line.trim()) remember(line);
    engine.advance(1000); // a typed line takes a second of simulated time
    await runDueProbes(engine, fs); // health checks due by now (shell/health.ts), before the line runs
    const top = frames.top();
    if (top) {
      const r = await frames.run(top, line, hostAsk);
      if (r.output) out?.(r.output, 'stdout');
      return r;
    }
    // `exit` in a shell newgrp started ends it: the shell that waited carries on with its own groups (bash says "exit")
    const leave = /^\s*(?:exit|logout)(?:\s+(\d+))?\s*$/.exec(line);
    if (leave && engine.state.host?.outerShells?.length) {
      engine.host.leaveShell();
      const code = parseInt(leave[1] ?? env['?'] ?? '0', 10) & 255;
      env = dict(env, [['?', String(code)]]);
      out?.('exit\n', 'stderr');
      return { stdout: '', stderr: 'exit\n', exitCode: code, output: 'exit\n' };
    }
    chunks = [];
    streamed = 0;
    onOutput = out;
    keeper.reset();
    // `$?` of the previous line carries over (just-bash starts every exec at 0)
    const prev = parseInt(env['?'] ?? '0', 10) || 0;
    lineTty = opts.terminal === false ? () => false : terminalCommands(line); // ls prints columns only when its output reaches the terminal
    lineErrTty = opts.terminal === false ? () => false : terminalCommands(line, 2); // compose draws progress frames only on a terminal
    syncSeconds(bash, engine.now() - startClock); // $SECONDS: simulated seconds since the session began
    if ('BASH_HISTORY' in env) delete env.BASH_HISTORY; // where just-bash's own `history` kept the list (sessions saved before): `set` would show it
    // refusals in the tools' words (deniedText); a redirection the learner may not open is refused by the redirect guard
    const cwd = env.PWD ?? '/root';
    const may = (p: string, write: boolean) => hostMay(engine, p, write);
    fs.takeDenials();
    fs.forgetSized();
    // a plain `docker …` line goes straight to the docker client, with just-bash's result (fast-docker.ts)
    const fast = fastDocker && !functionTable(bash).has('docker') ? await runPlainDocker(line, { bash, fs, env, prev, docker: shellDocker, inner: docker }) : null;
    const res: { stdout: string; stderr: string; exitCode: number; env?: Record<string, string> } = fast && fast !== 'replay' ? fast : await bash.exec(prev ? `(exit ${prev})\n${line}` : line, { env, replaceEnv: true, cwd, rawScript: true }).catch((e: unknown) => failedRedirect(e, 'bash'));
    res.stderr = deniedText(learnerText(res.stderr), fs.takeDenials(), cwd, may); // just-bash's limit messages name settings the learner cannot see; refused files in coreutils' words
    env = dict(res.env ?? env, [['?', String(res.exitCode)]]);
    const login = takeLogin(engine); // the host became a bare one: a new login as its user
    if (login) env = dict({ ...env, HOME: `/home/${login}`, USER: login, LOGNAME: login, PWD: `/home/${login}` });
    onOutput = undefined;
    const joined = (s: 'stdout' | 'stderr') => chunks.filter((c) => c.stream === s).map((c) => c.text).join('');
    // when only our docker client printed and nothing was piped away, keep its real interleaving
    // otherwise (piped, redirected): docker's own stderr (pull progress, errors) usually came first
    const firstOut = chunks.findIndex((c) => c.stream === 'stdout');
    const errFirst = chunks.some((c) => c.stream === 'stderr') && !chunks.slice(firstOut < 0 ? chunks.length : firstOut).some((c) => c.stream === 'stderr');
    const ordered = joined('stdout') === res.stdout && joined('stderr') === res.stderr ? chunks.map((c) => c.text).join('') : errFirst ? res.stderr + res.stdout : res.stdout + res.stderr;
    const already = chunks.slice(0, streamed).map((c) => c.text).join('');
    const rest = ordered.startsWith(already) ? ordered.slice(already.length) : ordered;
    if (rest) out?.(rest, 'stdout');
    frames.open(runtime.takePending());
    return { stdout: res.stdout, stderr: res.stderr, exitCode: res.exitCode, output: ordered };
  }

  const promptNow = (): string => {
    const user = engine.state.host?.user ?? 'root';
    return frames.prompt() ?? `${user}@${HOST_NAME}:${home(env.PWD ?? '/root')}${user === 'root' ? '#' : '$'} `;
  };

  /** Everything outside the journal as it is now, between steps (see checkpoint.ts). */
  const snapshot = async (): Promise<Checkpoint> => ({
    steps: stepStarts.length,
    journal: prefixOf(journal),
    state: engine.state,
    initial,
    stateAfter: prefixOf(stateAfter),
    initialPacket,
    packetAfter: prefixOf(packetAfter),
    packet: lastPackets.get(engine),
    files: await hostEntries(fs),
    sizes: fs.sizeEntries(),
    syncMark: syncMark(fs),
    env: { ...env },
    history: prefixOf(history),
    frames: frames.snapshot(),
    functions: keeper.entries(),
    pids: pidCounters(engine),
    traces: lastTraces.get(engine),
    chance: chance.state,
    transcript: prefixOf(transcript),
  });

  return {
    engine,
    fs,
    /** Run one typed line (may span lines: heredocs, continuations). */
    async run(line: string, out?: (text: string, stream: 'stdout' | 'stderr') => void): Promise<RunResult> {
      await ready;
      const eof = line === EOF_LINE ? frames.eof() : null;
      transcript.push({ prompt: promptNow(), text: eof ? '' : line + '\n' });
      const emit = (t: string, stream: 'stdout' | 'stderr') => {
        shown(t);
        out?.(t, stream);
      };
      if (eof?.before) emit(eof.before, 'stdout');
      const ran = await withChance(chance, () => withSimTime(() => engine.now(), () => runLine(line, emit)));
      const r = eof?.before ? { ...ran, stdout: eof.before + ran.stdout, output: eof.before + (ran.output ?? ran.stdout + ran.stderr) } : ran;
      if (keepStates) {
        keepStep();
        const last = checkpoints[checkpoints.length - 1]?.steps ?? 0;
        if (stepStarts.length - last >= CHECKPOINT_EVERY) checkpoints.push(await snapshot());
      }
      return r;
    },
    /** The terminal's size: $COLUMNS and $LINES, which docker's progress output and compose's frames fit. */
    resize(cols: number, rows: number): void {
      termCols = cols;
      env.COLUMNS = String(cols);
      env.LINES = String(rows);
    },
    /** The prompt shown before the next line. */
    prompt: promptNow,
    /** Steps so far (each a typed line or a detach with what followed it). */
    stepCount: () => stepStarts.length,
    /** The engine state after step `i` (-1: before the first step). */
    stateAfter: (i: number): EngineState => (i < 0 ? initial : (stateAfter[i] ?? engine.state)),
    /** The last packet a network tool had sent after step `i` (-1: before the first step). */
    packetAfter: (i: number): PacketRecord | undefined => (i < 0 ? initialPacket : i < packetAfter.length ? packetAfter[i] : lastPackets.get(engine)),
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
      // a database client or Python's prompt takes each line as it is typed and says itself when an input goes on
      const top = frames.top();
      if (top?.client || top?.repl) return false;
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
        record({ k: 'answer', line: a.journal ? a.journal(line) : line }); // a password: only what it did
        shown((a.secret ? '' : line) + '\n'); // as a replayed question echoes it
      }
      a?.resolve(line);
    },
    /** Ctrl+C: release a command that waits for it. */
    interrupt() {
      if (asking || interruptWaiters.length) record({ k: 'interrupt' });
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
      if (!frames.detach()) return null;
      record({ k: 'detach' });
      transcript.push({ prompt: null, text: '\nread escape sequence\n' });
      if (keepStates) keepStep();
      return 'read escape sequence\n';
    },
    /** Whether the terminal is talking to a container's shell. */
    inContainer: () => frames.depth() > 0,
    /** Whether an empty line means something to what reads the terminal now (it ends a block at Python's prompt). */
    takesBlankLines: () => !!frames.top()?.repl,
  };
}

export type Session = ReturnType<typeof createSession>;
