// `date` on the simulated clock (GNU coreutils / busybox output, UTC), since just-bash's date reads the real time.
import { defineCommand, type CustomCommand } from 'just-bash';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const FULL_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const p2 = (n: number) => String(n).padStart(2, '0');

/** strftime for the specifiers people use with `date +…`. */
export function strftime(fmt: string, ms: number): string {
  const d = new Date(ms);
  const Y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  const day = d.getUTCDate();
  const H = d.getUTCHours();
  const M = d.getUTCMinutes();
  const S = d.getUTCSeconds();
  const w = d.getUTCDay();
  const jan1 = Date.UTC(Y, 0, 1);
  const map: Record<string, () => string> = {
    Y: () => String(Y),
    y: () => p2(Y % 100),
    C: () => p2(Math.floor(Y / 100)),
    m: () => p2(m + 1),
    d: () => p2(day),
    e: () => String(day).padStart(2, ' '),
    H: () => p2(H),
    I: () => p2(H % 12 || 12),
    M: () => p2(M),
    S: () => p2(S),
    N: () => String((ms % 1000) * 1_000_000).padStart(9, '0'),
    p: () => (H < 12 ? 'AM' : 'PM'),
    a: () => DAYS[w],
    A: () => FULL_DAYS[w],
    b: () => MONTHS[m],
    h: () => MONTHS[m],
    B: () => FULL_MONTHS[m],
    j: () => String(Math.floor((ms - jan1) / 86_400_000) + 1).padStart(3, '0'),
    u: () => String(w || 7),
    w: () => String(w),
    s: () => String(Math.floor(ms / 1000)),
    Z: () => 'UTC',
    z: () => '+0000',
    F: () => `${Y}-${p2(m + 1)}-${p2(day)}`,
    T: () => `${p2(H)}:${p2(M)}:${p2(S)}`,
    R: () => `${p2(H)}:${p2(M)}`,
    D: () => `${p2(m + 1)}/${p2(day)}/${p2(Y % 100)}`,
    c: () => `${DAYS[w]} ${MONTHS[m]} ${String(day).padStart(2, ' ')} ${p2(H)}:${p2(M)}:${p2(S)} ${Y}`,
    n: () => '\n',
    t: () => '\t',
    '%': () => '%',
  };
  return fmt.replace(/%([a-zA-Z%])/g, (all, c: string) => (map[c] ? map[c]() : all));
}

/** `date [-u] [+FORMAT] [-R] [-I]` reading `now()`. GNU prints `Mon Nov 23 09:00:08 UTC 2026`. */
export function dateCommand(now: () => number): CustomCommand {
  return defineCommand('date', async (args) => {
    let fmt = '%a %b %e %H:%M:%S %Z %Y';
    for (const a of args) {
      if (a.startsWith('+')) fmt = a.slice(1);
      else if (a === '-R' || a === '--rfc-email') fmt = '%a, %d %b %Y %H:%M:%S %z';
      else if (a === '-I' || a === '--iso-8601') fmt = '%F';
      else if (a === '-u' || a === '--utc' || a === '-Iseconds') fmt = a === '-Iseconds' ? '%FT%T+00:00' : fmt;
      else return { stdout: '', stderr: `date: invalid date '${a}'\n`, exitCode: 1 };
    }
    return { stdout: strftime(fmt, now()) + '\n', stderr: '', exitCode: 0 };
  });
}
