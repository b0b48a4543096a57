// "command not found" as each shell of a container says it for `sh -c …` (just-bash always says `bash: x: command not found`).

export type ShellFlavor = 'bash' | 'ash' | 'dash';

/** just-bash's "command not found", whatever shell it stands for. */
export const JUST_BASH = /^bash: (.+?): command not (?:found|available in browser environments\..*)$/gm;

/**
 * The wording of a non-interactive shell started as `sh` (argv[0] as typed: `/bin/sh: x: not found` in busybox,
 * `sh: 1: x: not found` in dash, `bash: line 1: x: command not found` in bash); other programs' text is left alone.
 */
export function notFoundAs(sh: string, flavor: ShellFlavor): (text: string) => string {
  const isShell = /(^|\/)(sh|ash|dash|bash)$/.test(sh);
  return (text) =>
    isShell
      ? text.replace(JUST_BASH, (_m, cmd: string) =>
          flavor === 'ash' ? `${sh}: ${cmd}: not found` : flavor === 'dash' ? `${sh}: 1: ${cmd}: not found` : `${sh}: line 1: ${cmd}: command not found`,
        )
      : text;
}

/** The wording of an interactive shell at its prompt (bash leaves out the line number there). */
export function notFoundInteractive(stderr: string, flavor: ShellFlavor | 'bash-rh'): string {
  return stderr.replace(JUST_BASH, (_m, cmd: string) => (flavor === 'ash' ? `sh: ${cmd}: not found` : flavor === 'dash' ? `sh: 1: ${cmd}: not found` : `bash: ${cmd}: command not found`));
}
