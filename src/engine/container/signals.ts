// Signal names as the daemon accepts them (moby/sys/signal ParseSignal on Linux).

/** moby/sys/signal's Linux SignalMap names (without SIG). */
const LINUX_SIGNALS = new Set('ABRT ALRM BUS CHLD CLD CONT FPE HUP ILL INT IO IOT KILL PIPE POLL PROF PWR QUIT SEGV STKFLT STOP SYS TERM TRAP TSTP TTIN TTOU URG USR1 USR2 VTALRM WINCH XCPU XFSZ RTMIN RTMAX'.split(' '));

/** signal.ParseSignal: a number above 0, or a known name with or without SIG (any case). */
export function validSignal(raw: string): boolean {
  if (/^\d+$/.test(raw)) return parseInt(raw, 10) > 0;
  const name = raw.toUpperCase().replace(/^SIG/, '');
  return LINUX_SIGNALS.has(name) || /^RTMIN\+([1-9]|1[0-5])$|^RTMAX-([1-9]|1[0-4])$/.test(name);
}
