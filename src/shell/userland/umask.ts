// The shell's `umask` builtin (bash, dash and busybox ash all have one): prints or sets the file-creation mask.
import { defineCommand, type CustomCommand } from 'just-bash';

/** Where the mask lives: the host's filesystem applies it to new files and folders; a container shell keeps its own. */
export interface UmaskStore {
  umask: number;
}

/** `umask 0077` then `umask` prints 0077, and (on the host) new files are created without those bits. */
export function umaskBuiltin(store: UmaskStore = { umask: 0o022 }): CustomCommand {
  return defineCommand('umask', async (args) => {
    const mask = store.umask;
    const words = args.filter((a) => a !== '-p' && a !== '-S');
    const symbolic = args.includes('-S');
    if (words.length === 0) {
      if (symbolic) {
        const part = (shift: number) => 'rwx'.split('').filter((_, i) => !((mask >> shift) & (4 >> i))).join('');
        return { stdout: `u=${part(6)},g=${part(3)},o=${part(0)}\n`, stderr: '', exitCode: 0 };
      }
      const text = mask.toString(8).padStart(4, '0');
      return { stdout: args.includes('-p') ? `umask ${text}\n` : `${text}\n`, stderr: '', exitCode: 0 };
    }
    if (!/^[0-7]{1,4}$/.test(words[0])) return { stdout: '', stderr: `bash: umask: ${words[0]}: octal number out of range\n`, exitCode: 1 };
    store.umask = parseInt(words[0], 8) & 0o777;
    return { stdout: '', stderr: '', exitCode: 0 };
  });
}
