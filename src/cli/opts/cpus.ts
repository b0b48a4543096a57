// opts.NanoCPUs (docker/cli opts/opts.go): --cpus as a rational number of CPUs, stored as nano CPUs.
import { FlagError } from '../flags';

/** `1.5` → 1500000000; the flag errors pflag prints (`invalid argument "abc" for "--cpus" flag: …`). */
export function nanoCpus(raw: string): number {
  const bad = (why: string) => new FlagError(`invalid argument ${JSON.stringify(raw)} for "--cpus" flag: ${why}`);
  let value: number;
  const frac = /^([+-]?\d+)\/(\d+)$/.exec(raw);
  if (frac) value = parseInt(frac[1], 10) / parseInt(frac[2], 10);
  else if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(raw)) value = Number(raw);
  else throw bad(`failed to parse ${raw} as a rational number`); // big.Rat SetString failed
  if (frac && parseInt(frac[2], 10) === 0) throw bad(`failed to parse ${raw} as a rational number`);
  const nano = value * 1e9;
  if (Math.abs(nano - Math.round(nano)) > 1e-6) throw bad('value is too precise');
  return Math.round(nano);
}
