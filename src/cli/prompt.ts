// docker/cli's command.PromptForConfirmation: ask on stdout, read one line of stdin; only "y"/"yes" go ahead.
import type { CliContext } from './command';

/** A line of input: piped stdin first (its next line), else the user at the terminal. */
export async function readLine(ctx: CliContext, prompt: string, opts: { secret?: boolean } = {}): Promise<string | null> {
  if (ctx.stdin) {
    ctx.out(prompt);
    const [first, ...rest] = ctx.stdin.split('\n');
    ctx.stdin = rest.join('\n');
    return first;
  }
  return ctx.ask(prompt, opts);
}

/** Print `prompt` (which ends in `[y/N] `) and read the answer; on anything but yes the command stops quietly. */
export async function confirmed(ctx: CliContext, prompt: string): Promise<boolean> {
  const piped = !!ctx.stdin;
  const line = await readLine(ctx, prompt);
  const answer = line?.trim().toLowerCase();
  if (answer === 'y' || answer === 'yes') return true;
  if (line === null || piped) ctx.out('\n'); // no terminal echoed an Enter here
  return false;
}

/** The prune commands: go ahead at once with -f/--force, else ask `prompt` (docker/cli checks `options.force` first). */
export async function forcedOrConfirmed(ctx: CliContext, f: { readonly force: boolean }, prompt: string): Promise<boolean> {
  return f.force || confirmed(ctx, prompt);
}
