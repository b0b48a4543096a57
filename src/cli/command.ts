// defineCommand: a docker/cli command (use line, flags, argument rules, run) and the help and usage errors made from it.
import type { Engine, FileTable } from '../engine/index';
import { flagUsages, type Completion, type FlagDef, type FlagTrace, type Options } from './flags';

/** What the shell gives the docker client: the daemon, the runtime, streams and the host side. */
export interface CliContext {
  engine: Engine;
  runtime: Runtime;
  out(text: string): void;
  err(text: string): void;
  /** Piped standard input ('' when none), decoded as UTF-8. */
  stdin: string;
  /** The same standard input as raw bytes (tar archives for docker load/import). */
  stdinBytes: Uint8Array;
  /** Write raw bytes to stdout (docker save/export to a redirect or pipe). */
  outBytes(bytes: Uint8Array): void;
  env: Record<string, string>;
  cwd: string;
  host: HostFiles;
  /** Resolves when the user interrupts (Ctrl+C); headless sessions resolve it at once. */
  interrupted(): Promise<void>;
  /** Like interrupted(), while simulated time runs with the wall clock: `tick` is called after every second. */
  follow(tick: () => void): Promise<void>;
  /**
   * Ask the user at the terminal (after printing `prompt`) and get the line they type; null when there is no one to
   * ask (a headless session) or they press Ctrl+C. Callers read piped stdin first, as docker does.
   */
  ask(prompt: string, opts?: AskOptions): Promise<string | null>;
  /** Whether docker's stdout reaches the terminal (false when piped or redirected); unset means it does. */
  outIsTerminal?: boolean;
  /** Whether docker's stderr reaches the terminal; unset means it does. */
  errIsTerminal?: boolean;
  /** Whether stdin is a terminal; unset means it is. */
  inIsTerminal?: boolean;
  /** The terminal's width in columns, when known (docker asks the tty; progress lines fit it). */
  terminalWidth?: number;
  /** Why the client cannot reach the daemon (stopped, socket permission, another -H), as the client says it; unset: it can. */
  unreachable?: string;
}

/** Host files the client reads and writes (build contexts, --env-file, save/export). */
export interface HostFiles {
  readFile(path: string): Promise<string | null>;
  writeFile(path: string, content: string | Uint8Array): Promise<void>;
  /** Write a file that stands for `size` bytes (an archive of stand-in binaries): stat and ls -l show that size. */
  writeSized?(path: string, content: Uint8Array, size: number): Promise<void>;
  /** What this command prints to STDOUT stands for `size` bytes: a file the shell redirects it into shows that size. */
  sizedOutput?(content: Uint8Array, size: number): void;
  /** A host file's raw bytes, or null when it does not exist. */
  readBytes(path: string): Promise<Uint8Array | null>;
  /** Names in a host directory (sorted), or null when it is not a directory (build contexts). */
  readDir(path: string): Promise<string[] | null>;
  /** What a host path is (symlinks not followed), or null when it does not exist; mtime in ms. */
  stat(path: string): Promise<HostStat | null>;
  /** Create a host directory and its parents (docker cp from a container). */
  mkdir(path: string): Promise<void>;
  /** Set a host path's permission bits (docker cp keeps modes, as tar does). */
  chmod?(path: string, mode: number): Promise<void>;
  /** Make a host symlink at `path` (replacing what is there): docker cp extracts a link as a link. */
  symlink?(target: string, path: string): Promise<void>;
  /** Where a host symlink points (as written in it), or null when `path` is no symlink (docker cp keeps links as links). */
  readLink?(path: string): Promise<string | null>;
}

export interface HostStat {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  size: number;
  mtime: number;
  /** The absolute path (cwd applied). */
  path: string;
}

/** The container runtime (runc's place): runs the processes the engine cannot run by itself. */
export interface Runtime {
  /** Let simulated time run (probes included) until the container's healthcheck leaves "starting", at most `seconds`. */
  waitHealthy?(id: string, seconds: number): Promise<void>;
  /** Run a started container's main process (engine said 'runtime') and report it to the engine. */
  runMain(id: string, opts?: { attached?: boolean; stdin?: string }): Promise<void>;
  /** `docker exec`: run argv in the container; `interactive` means the terminal now talks to a shell in it. */
  exec(id: string, argv: string[], opts: ExecOptions): Promise<{ stdout: string; stderr: string; exitCode: number; interactive: boolean }>;
  /** `docker attach`: true when the main process is an interactive shell the terminal now talks to. */
  attach(id: string): boolean;
  /** A build step (RUN): run argv on the given layers; new and changed files land in `spec.upper`. */
  runBuild(spec: ProcessSpec, argv: string[]): Promise<ProcessResult>;
  /** after create, make missing `-v` bind sources on the host (the daemon's MkdirAll). */
  prepareMounts?(id: string): Promise<void>;
}

/** How `docker exec` runs its process: -i, -t, stdin, and -e / -w / -u over the container's own Env, WorkingDir, User. */
/** How a question is asked: `secret` hides what is typed; `journal` is what the session's journal keeps of the answer (a password's outcome, never the password). */
export interface AskOptions {
  secret?: boolean;
  journal?: (line: string) => string;
}

export interface ExecOptions {
  /** A program that asks on the terminal (mysql -p's Enter password:) asks through this. */
  ask?: (prompt: string, opts?: AskOptions) => Promise<string | null>;
  interactive: boolean;
  tty: boolean;
  stdin?: string;
  env?: string[];
  workdir?: string;
  user?: string;
  /** The container as the user typed it (the daemon's errors name it so). */
  ref?: string;
  /** `docker exec -d`: the client does not wait; the process runs on in the container for as long as it takes. */
  detach?: boolean;
}

/** Where a process runs: writable layer (mutated) over read-only layers (top first), env, dir, user. */
export interface ProcessSpec {
  upper: FileTable;
  lower: FileTable[];
  env: string[];
  workdir: string;
  hostname: string;
  user: string;
  readOnly?: boolean;
  startedAt: number;
  stdin?: string;
}

export interface ProcessResult {
  output: { offset: number; stream: 'stdout' | 'stderr'; text: string }[];
  exitCode: number;
  elapsed: number;
  /** The process did not end by itself (an endless loop). */
  forever: boolean;
  upper: FileTable;
}

export interface ArgRule {
  min?: number;
  max?: number;
}

export interface CommandDef<F extends readonly FlagDef[] = readonly FlagDef[]> {
  name: string;
  /** Use line without the parent path: `run [OPTIONS] IMAGE [COMMAND] [ARG...]`. */
  use: string;
  short: string;
  /** The help page's description when it differs from the one-line `short` (cobra's Long). */
  long?: string;
  /** Other names in the same group (`list`, `ps` for container ls). */
  aliases?: string[];
  /** Every spelling, shown under Aliases (`docker container ls, docker container list, docker container ps, docker ps`). */
  aliasPaths?: string[];
  args?: ArgRule;
  /** What each positional argument completes to, the last entry repeating (none declared: host paths). */
  completeArgs?: readonly Completion[];
  flags?: F;
  /** false for run/exec/create: flags after the first positional argument belong to the container command. */
  interspersed?: boolean;
  subcommands?: CommandDef[];
  /**
   * The command also has a top-level spelling (`docker ps` for `docker container ls`): its name there when it differs,
   * and its section of `docker --help`. The group's index turns these into the top-level commands (topLevelAliases).
   */
  topLevel?: { name?: string; group: 'common' | 'commands' };
  /** An inspect command's object type and its JSON for a reference (throws when none matches): what `docker inspect` tries. */
  inspectObject?: { type: string; get(ctx: CliContext, ref: string, size: boolean): unknown };
  /** Group for the top-level help ('common', 'management', 'commands'). */
  group?: 'common' | 'management' | 'swarm' | 'commands';
  /** A CLI plugin (buildx, compose): `docker --help` marks it with `*`. */
  plugin?: boolean;
  /** A plugin that dispatches its own commands (compose): they are listed in its help. */
  pluginCommands?: CommandDef[];
  hidden?: boolean;
  /**
   * The command itself; `opts` is typed from `flags` (docker/cli's options struct). `trace` records which flags were
   * read (a plugin binds its own commands' flags with it).
   */
  run?(ctx: CliContext, args: string[], opts: Options<F>, path: string, trace?: FlagTrace): Promise<number | void>;
}

/** A command definition; its flag table's names and types stay literal, so `run` gets typed options. */
/** The top-level spellings a group's subcommands declare (CommandDef.topLevel), as commands of their own. */
export function topLevelAliases(subcommands: CommandDef[]): CommandDef[] {
  return subcommands.flatMap((c) => (c.topLevel ? [{ ...c, name: c.topLevel.name ?? c.name, aliases: [], group: c.topLevel.group }] : []));
}

export function defineCommand<const F extends readonly FlagDef[] = []>(def: CommandDef<F>): CommandDef {
  return def as unknown as CommandDef;
}

/** An error that carries its own exit status (cli.StatusError). */
export class StatusError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const plural = (n: number) => `${n} argument${n === 1 ? '' : 's'}`;

/** cli/required.go (v27): the argument-count errors, with usage appended. Exit 1. */
export function checkArgs(def: CommandDef, path: string, args: string[]): string | null {
  const { min, max } = def.args ?? {};
  const n = args.length;
  let why: string | null = null;
  if (min === 0 && max === 0 && n > 0) why = `"${path}" accepts no arguments.`;
  else if (min !== undefined && max !== undefined && min === max && n !== min) why = `"${path}" requires exactly ${plural(min)}.`;
  else if (min !== undefined && max !== undefined && min !== max && (n < min || n > max)) why = `"${path}" requires at least ${min} and at most ${plural(max)}.`;
  else if (min !== undefined && max === undefined && n < min) why = `"${path}" requires at least ${plural(min)}.`;
  else if (max !== undefined && min === undefined && n > max) why = `"${path}" requires at most ${plural(max)}.`;
  if (!why) return null;
  return `${why}\nSee '${path} --help'.\n\nUsage:  ${useLine(def, path)}\n\n${def.short}\n`;
}

export function useLine(def: CommandDef, path: string): string {
  if (def.subcommands?.length) return `${path} COMMAND`;
  const rest = def.use.slice(def.use.indexOf(' ') + 1);
  return def.use.includes(' ') ? `${path} ${rest}` : path;
}

/** The `--help` page (docker/cli cli/cobra.go usage template, v27). */
export function helpText(def: CommandDef, path: string): string {
  const parts: string[] = [];
  parts.push(`\nUsage:  ${useLine(def, path)}\n\n${def.long ?? def.short}`);
  if (def.aliasPaths?.length) parts.push(`\n\nAliases:\n  ${def.aliasPaths.join(', ')}`);
  if (def.flags?.some((f) => !f.hidden)) parts.push(`\n\nOptions:\n${flagUsages(def.flags)}`);
  const subs = (def.subcommands ?? def.pluginCommands ?? []).filter((c) => !c.hidden);
  if (subs.length) {
    const w = Math.max(11, ...subs.map((c) => c.name.length)); // cobra minNamePadding
    parts.push(`\n\nCommands:\n${subs.map((c) => `  ${c.name.padEnd(w)} ${c.short}`).join('\n')}`);
    parts.push(`\n\nRun '${path} COMMAND --help' for more information on a command.`);
  }
  return parts.join('') + '\n';
}
