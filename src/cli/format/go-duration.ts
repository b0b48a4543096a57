// Go's time.ParseDuration (pflag Duration flags): `30s`, `1m30s`, `-1.5h`, `0` → nanoseconds, with Go's error texts.

const UNITS: Record<string, number> = { ns: 1, us: 1e3, 'µs': 1e3, 'μs': 1e3, ms: 1e6, s: 1e9, m: 60e9, h: 3600e9 };

/** Nanoseconds, or throws `time: invalid duration "x"` (`missing unit`, `unknown unit "u"`) like Go. */
export function parseGoDuration(orig: string): number {
  const q = JSON.stringify(orig);
  let s = orig;
  let neg = false;
  if (s[0] === '-' || s[0] === '+') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new Error(`time: invalid duration ${q}`);
  let total = 0;
  while (s) {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (!num[1] && !num[2]) throw new Error(`time: invalid duration ${q}`);
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (!unit) throw new Error(`time: missing unit in duration ${q}`);
    if (!(unit in UNITS)) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${q}`);
    s = s.slice(unit.length);
    total += parseFloat(`${num[1] || '0'}.${num[2] || '0'}`) * UNITS[unit];
  }
  return Math.round(neg ? -total : total);
}
