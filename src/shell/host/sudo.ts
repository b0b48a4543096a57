// sudo on the host: the login user is in the sudo group with NOPASSWD (as on a cloud image), so a command just runs as root.
import type { ExecResult, ResolvedCommandContext } from 'just-bash';
import type { Engine } from '../../engine/index';
import { shellQuote } from '../runtime';
import { asRoot } from './who';

const USAGE = 'usage: sudo -h | -K | -k | -V\nusage: sudo -v [-ABkNnS] [-g group] [-h host] [-p prompt] [-u user]\nusage: sudo -l [-ABkNnS] [-g group] [-h host] [-p prompt] [-U user] [-u user] [command [arg ...]]\nusage: sudo [-ABbEHnPS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] [VAR=value] [-i | -s] [command [arg ...]]\nusage: sudo -e [-ABkNnS] [-C num] [-D directory] [-g group] [-h host] [-p prompt] [-R directory] [-T timeout] [-u user] file ...\n';

export async function sudo(engine: Engine, args: string[], ctx: ResolvedCommandContext): Promise<ExecResult> {
  let i = 0;
  let keepEnv = false;
  while (args[i]?.startsWith('-') && args[i] !== '--') {
    if (args[i].includes('E')) keepEnv = true;
    if (args[i] === '-V') return { stdout: 'Sudo version 1.9.15p5\n', stderr: '', exitCode: 0 };
    if (!/^-[EHnSkb]+$/.test(args[i])) return { stdout: '', stderr: `sudo: ${args[i] === '-i' || args[i] === '-s' ? 'a root shell is not simulated here; put the command after sudo' : `invalid option -- '${args[i].replace(/^-+/, '')}'`}\n${USAGE}`, exitCode: 1 };
    i++;
  }
  if (args[i] === '--') i++;
  const argv = args.slice(i);
  if (!argv.length) return { stdout: '', stderr: USAGE, exitCode: 1 };
  if (argv[0] === 'su' || argv[0] === 'bash' || argv[0] === 'sh') {
    if (argv.length === 1 || argv[1] === '-') return { stdout: '', stderr: 'sudo: a root shell is not simulated here; put the command after sudo\n', exitCode: 1 };
  }
  const stdin = ctx.stdin ? String(ctx.stdin) : undefined; // a latin1 byte string, passed on as bytes
  const r = await asRoot(engine, () => ctx.exec!(argv.map(shellQuote).join(' '), { cwd: ctx.cwd, ...(keepEnv && ctx.exportedEnv ? { env: ctx.exportedEnv } : {}), ...(stdin ? { stdin, stdinKind: 'bytes' as const } : {}) }));
  // sudo execs the program itself: a missing one is sudo's complaint, not bash's
  const missing = new RegExp(`^bash: ${argv[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: command not found\n$`);
  if (r.exitCode === 127 && missing.test(r.stderr)) return { stdout: '', stderr: `sudo: ${argv[0]}: command not found\n`, exitCode: 1 };
  return r;
}
