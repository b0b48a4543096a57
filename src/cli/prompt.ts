// docker/cli's command.PromptForConfirmation: ask on stdout, read one line of stdin; only "y"/"yes" go ahead.
import type { CliContext } from './command';

/** Print `prompt` (which ends in `[y/N] `) and read the answer; on anything but yes the command stops quietly. */
export function confirmed(ctx: CliContext, prompt: string): boolean {
  ctx.out(prompt);
  const answer = ctx.stdin.split('\n')[0]?.trim().toLowerCase();
  if (answer === 'y' || answer === 'yes') return true;
  ctx.out('\n'); // the Enter that ended the answer
  return false;
}
