// bash and sh on the host (sh is dash on Ubuntu): a script run by a child shell (`bash -c …`, `bash script.sh`, `sh -e
// x.sh`), with its errors worded as that shell words a script's (`bash: line 1: x: command not found`, `sh: 1: x: not found`),
// and known to be a child shell while it runs (functions it defines end with it).
import { defineCommand, type CommandContext, type CustomCommand, type ExecResult } from 'just-bash';
import { JUST_BASH } from '../not-found';


/** The line of `script` where `cmd` is first called (a typo'd command is usually written once); 1 when not seen. */
export function lineOf(script: string, cmd: string): number {
  const esc = cmd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const at = new RegExp(`(^|[;&|({]\\s*|\\b(?:then|do|else|elif|if|while|until|time|!)\\s+)${esc}(?=\\s|;|&|\\||\\)|$)`);
  const lines = script.split('\n');
  const i = lines.findIndex((l) => at.test(l.trim()));
  return i < 0 ? 1 : i + 1;
}

/** A child shell's errors: bash names the script (or `bash` for -c) with the line; dash says `sh: N: x: not found`. */
function childWords(stderr: string, name: string, dash: boolean, script: string): string {
  return stderr.replace(JUST_BASH, (_m, cmd: string) => (dash ? `${name}: ${lineOf(script, cmd)}: ${cmd}: not found` : `${name}: line ${lineOf(script, cmd)}: ${cmd}: command not found`));
}

/** `bash --version` on Ubuntu 24.04 (bash 5.2.21-2ubuntu4). */
const BASH_VERSION = `GNU bash, version 5.2.21(1)-release (x86_64-pc-linux-gnu)
Copyright (C) 2022 Free Software Foundation, Inc.
License GPLv3+: GNU GPL version 3 or later <http://gnu.org/licenses/gpl.html>

This is free software; you are free to change and redistribute it.
There is NO WARRANTY, to the extent permitted by law.
`;

const SHELL_OPTS = /^[-+][euxvnafC]+$|^-o$|^\+o$/;

export interface HostShells {
  commands: CustomCommand[];
  /** Whether a child shell is running a script now. */
  nested(): boolean;
}

export function hostShells(): HostShells {
  let depth = 0;

  const run = async (shell: 'bash' | 'sh', args: string[], ctx: CommandContext): Promise<ExecResult> => {
    const dash = shell === 'sh';
    if (args[0] === '--version') return dash ? { stdout: '', stderr: 'sh: 0: Illegal option --\n', exitCode: 2 } : { stdout: BASH_VERSION, stderr: '', exitCode: 0 };
    const opts: string[] = [];
    let i = 0;
    // leading options (`sh -e script`, `bash -x -c …`, `bash -o pipefail …`) become a `set` before the script
    while (i < args.length && SHELL_OPTS.test(args[i]) && args[i] !== '-c') {
      if (args[i] === '-o' || args[i] === '+o') opts.push(`${args[i]} ${args[++i] ?? ''}`);
      else opts.push(args[i]);
      i++;
    }
    const rest = args.slice(i);
    let script: string;
    let name: string;
    let params: string[];
    if (rest[0] === '-c') {
      if (rest.length < 2) return { stdout: '', stderr: dash ? 'sh: 0: -c requires an argument\n' : 'bash: -c: option requires an argument\n', exitCode: 2 };
      script = rest[1];
      name = rest[2] ?? shell;
      params = rest.slice(3);
    } else if (rest.length) {
      name = rest[0];
      params = rest.slice(1);
      try {
        script = await ctx.fs.readFile(ctx.fs.resolvePath(ctx.cwd, name));
      } catch {
        return { stdout: '', stderr: dash ? `sh: 0: cannot open ${name}: No such file\n` : `bash: ${name}: No such file or directory\n`, exitCode: dash ? 2 : 127 };
      }
    } else {
      script = typeof ctx.stdin === 'string' ? ctx.stdin : new TextDecoder().decode(ctx.stdin as unknown as Uint8Array);
      if (!script.trim()) return { stdout: '', stderr: '', exitCode: 0 }; // no terminal: it reads end-of-file and exits
      name = shell;
      params = [];
    }
    if (script.startsWith('#!')) script = script.slice(script.indexOf('\n') + 1 || script.length);
    const env: Record<string, string> = { ...(ctx.exportedEnv ?? {}), 0: name, '#': String(params.length), '@': params.join(' '), '*': params.join(' ') };
    params.forEach((p, k) => (env[String(k + 1)] = p));
    const body = opts.length ? `set ${opts.join(' ')}\n${script}` : script;
    depth++;
    try {
      const exec = ctx.execWithInheritedStdin ?? ctx.exec;
      if (!exec) return { stdout: '', stderr: `${shell}: internal error: exec function not available\n`, exitCode: 1 };
      const r = await exec(body, { env, cwd: ctx.cwd } as never);
      // the output is rewritten here, so just-bash's byte accounting of the child's streams no longer applies
      return { stdout: r.stdout, stderr: childWords(r.stderr, name, dash, script), exitCode: r.exitCode };
    } finally {
      depth--;
    }
  };

  return {
    commands: [defineCommand('bash', (a, ctx) => run('bash', a, ctx)), defineCommand('sh', (a, ctx) => run('sh', a, ctx))],
    nested: () => depth > 0,
  };
}
