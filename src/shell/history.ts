// bash's `history` builtin over a list the shell keeps itself (the session's, or a container shell's), not in a variable:
// `set`, `compgen -v` and `$BASH_HISTORY` show nothing of it, as in bash.
import { defineCommand, type CustomCommand } from 'just-bash';

/** Where the list is kept. `-c` and `-d` put a new list in its place (a checkpoint may hold a prefix of the old one). */
export interface HistoryStore {
  lines(): readonly string[];
  set(lines: string[]): void;
}

const USAGE = 'history: usage: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]\n';
const HELP = `history: history [-c] [-d offset] [n] or history -anrw [filename] or history -ps arg [arg...]
    Display or manipulate the history list.
    
    Display the history list with line numbers, prefixing each modified
    entry with a \`*'.  An argument of N lists only the last N entries.
    
    Options:
      -c\tclear the history list by deleting all of the entries
      -d offset\tdelete the history entry at position OFFSET. Negative
    \t\toffsets count back from the end of the history list
    
      -a\tappend history lines from this session to the history file
      -n\tread all history lines not already read from the history file
    \t\tand append them to the history list
      -r\tread the history file and append the contents to the history
    \t\tlist
      -w\twrite the current history to the history file
    
      -p\tperform history expansion on each ARG and display the result
    \t\twithout storing it in the history list
      -s\tappend the ARGs to the history list as a single entry
    
    If FILENAME is given, it is used as the history file.  Otherwise,
    if HISTFILE has a value, that is used, else ~/.bash_history.
    
    If the HISTTIMEFORMAT variable is set and not null, its value is used
    as a format string for strftime(3) to print the time stamp associated
    with each displayed history entry.  No time stamps are printed otherwise.
    
    Exit Status:
    Returns success unless an invalid option is given or an error occurs.
`;

const res = (stdout: string, stderr = '', exitCode = 0) => ({ stdout, stderr, exitCode });

/** `history` over `store`: bash's, or busybox ash's (which takes no options and numbers the lines from 0, as busybox's
 *  show_history does). */
export function historyCommand(store: HistoryStore, style: 'bash' | 'busybox' = 'bash'): CustomCommand {
  const shell = 'bash';
  return defineCommand('history', async (args) => {
    if (style === 'busybox') return res(store.lines().map((l, i) => `${String(i).padStart(4, ' ')} ${l}\n`).join(''));
    const err = (text: string, code = 1) => res('', `${shell}: history: ${text}\n`, code);
    const a = args[0] === '--' ? args.slice(1) : args;
    if (a[0] === '--help') return res(HELP);
    if (a[0] === '-c') {
      store.set([]);
      return res('');
    }
    if (a[0] === '-d') {
      const n = store.lines().length;
      if (a[1] === undefined) return res('', `${shell}: history: -d: option requires an argument\n${USAGE}`, 2);
      const off = /^-?\d+$/.test(a[1]) ? parseInt(a[1], 10) : NaN;
      const i = off < 0 ? n + off : off - 1;
      if (Number.isNaN(off) || i < 0 || i >= n) return err(`${a[1]}: history position out of range`);
      store.set(store.lines().filter((_, j) => j !== i));
      return res('');
    }
    if (a[0]?.startsWith('-') && a[0] !== '-') return res('', `${shell}: history: ${a[0].slice(0, 2)}: invalid option\n${USAGE}`, 2);
    if (a.length > 1) return err('too many arguments');
    if (a[0] !== undefined && !/^\d+$/.test(a[0])) return err(`${a[0]}: numeric argument required`);
    const lines = store.lines();
    const from = a[0] === undefined ? 0 : Math.max(0, lines.length - parseInt(a[0], 10));
    let out = '';
    for (let i = from; i < lines.length; i++) out += `${String(i + 1).padStart(5, ' ')}  ${lines[i]}\n`;
    return res(out);
  });
}
