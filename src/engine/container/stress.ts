// progrium/stress as a simulated program: its --verbose output, CPU/memory hogs, and the OOM kill under -m limits.
import type { Program, ProgramContext } from './program';
import { stressPlan } from './stress-plan';

/** Memory + swap a container may use; null = unlimited (MemorySwap defaults to twice Memory). */
export function memoryCeiling(ctx: ProgramContext): number | null {
  if (!ctx.memory) return null;
  if (ctx.memorySwap === -1) return null;
  return ctx.memorySwap > 0 ? ctx.memorySwap : ctx.memory * 2;
}

const out = (text: string) => ({ delay: 0, stream: 'stdout' as const, text: text + '\n' });
const err = (text: string) => ({ delay: 0, stream: 'stderr' as const, text: text + '\n' });

export const STRESS: Program = {
  startLogs(args, ctx) {
    const p = stressPlan(args);
    const verbose = args.includes('--verbose') || args.includes('-v');
    const logs: { delay: number; stream: 'stdout' | 'stderr'; text: string }[] = [out(`stress: info: [1] dispatching hogs: ${p.cpu} cpu, ${p.io} io, ${p.vm} vm, ${p.hdd} hdd`)];
    if (!verbose) return logs;
    logs.push(out('stress: dbug: [1] using backoff sleep of ' + 3000 * (p.cpu + p.io + p.vm + p.hdd) + 'us'));
    let pid = 6;
    for (let i = 1; i <= p.cpu; i++) logs.push(out(`stress: dbug: [1] --> hogcpu worker ${i} [${pid++}] forked`));
    for (let i = 1; i <= p.io; i++) logs.push(out(`stress: dbug: [1] --> hogio worker ${i} [${pid++}] forked`));
    const vmFirst = pid;
    for (let i = 1; i <= p.vm; i++) logs.push(out(`stress: dbug: [1] --> hogvm worker ${i} [${pid++}] forked`));
    for (let i = 1; i <= p.hdd; i++) logs.push(out(`stress: dbug: [1] --> hoghdd worker ${i} [${pid++}] forked`));
    if (p.vm) {
      const ceiling = memoryCeiling(ctx);
      const w = vmFirst;
      logs.push(out(`stress: dbug: [${w}] allocating ${p.vmBytes} bytes ...`), out(`stress: dbug: [${w}] touching bytes in strides of 4096 bytes ...`));
      if (ceiling !== null && p.vmBytes * p.vm > ceiling) {
        // the cgroup's OOM killer takes the worker; stress reports it and gives up
        logs.push(err(`stress: FAIL: [1] (416) <-- worker ${w} got signal 9`), err('stress: WARN: [1] (418) now reaping child worker processes'), err('stress: FAIL: [1] (422) kill error: No such process'), err('stress: FAIL: [1] (452) failed run completed in 1s'));
      } else logs.push(out(`stress: dbug: [${w}] freed ${p.vmBytes} bytes`), out(`stress: dbug: [${w}] allocating ${p.vmBytes} bytes ...`), out(`stress: dbug: [${w}] touching bytes in strides of 4096 bytes ...`));
    }
    return logs;
  },
  runsFor(args, ctx) {
    const p = stressPlan(args);
    const ceiling = memoryCeiling(ctx);
    if (p.vm && ceiling !== null && p.vmBytes * p.vm > ceiling) return 1000;
    if (p.cpu + p.io + p.vm + p.hdd === 0) return 0;
    return p.timeout !== null ? p.timeout * 1000 : null;
  },
  exitCode: 0,
  exitCodeFor(args, ctx) {
    const p = stressPlan(args);
    const ceiling = memoryCeiling(ctx);
    if (p.vm && ceiling !== null && p.vmBytes * p.vm > ceiling) return { code: 1, oom: true };
    return { code: p.cpu + p.io + p.vm + p.hdd === 0 ? 1 : 0, oom: false };
  },
  onSignal: (sig) => (sig === 'SIGKILL' ? 137 : sig === 'SIGTERM' ? 143 : sig === 'SIGINT' ? 130 : 143),
};
