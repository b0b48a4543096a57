// What the shell knows of the language runtimes before their code loads (node.ts, python.ts, npm.ts and pip.ts are
// chunks loaded when one first runs): their prompts' banners, the environment a program sees, and how a program that
// keeps running (a server) runs on.
import type { ExecResult } from 'just-bash';
import type { Ctx, Sys } from '../userland/sys';

/** Simulated time after which a process that is still going counts as running until stopped (runtime.ts's horizon). */
export const FOREVER_MS = 15 * 60 * 1000;

export const envRecord = (ctx: Ctx): Record<string, string> => Object.fromEntries([...ctx.env.entries()].filter(([k]) => /^[A-Za-z_][\w]*$/.test(k) && !/^(PWD|OLDPWD|SHLVL|_|BASH_HISTORY|IFS|OPTIND|PPID|PS\d)$/.test(k) || k === 'PWD'));

/** What node's prompt prints when it starts. */
export const nodeBanner = (version: string) => `Welcome to Node.js v${version}.\nType ".help" for more information.\n`;

/** What the interactive prompt prints when it starts (CPython's banner). */
export const pythonBanner = (version: string) => `Python ${version} (main, Dec  4 2024, 01:16:49) [GCC 12.2.0] on linux\nType "help", "copyright", "credits" or "license" for more information.\n`;

/**
 * A program still running at the end of its run (a server, an endless loop): as a container's process it runs until
 * stopped, so its output so far goes to the process's streams now and its clock runs to the runtime's horizon. In an
 * interactive shell it is as if interrupted after printing.
 */
export async function runsOn(ctx: Ctx, sys: Sys, stdout: string, stderr: string): Promise<ExecResult> {
  if (!sys.report || !ctx.sleep) return { stdout, stderr, exitCode: 130 };
  if (stdout) await ctx.fs.appendFile('/dev/stdout', stdout);
  if (stderr) await ctx.fs.appendFile('/dev/stderr', stderr);
  await ctx.sleep(FOREVER_MS);
  return { stdout: '', stderr: '', exitCode: 0 };
}
