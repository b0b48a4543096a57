// stress's arguments as workers and sizes: the resource model reads them for any container, the stress program (stress.ts, a chunk loaded when it starts) to run.

/** stress's size suffixes: 280M, 1G, 512K, plain bytes (stress.c atoll_b). */
export function stressBytes(v: string | undefined): number {
  const m = /^(\d+)([bBkKmMgG]?)$/.exec(v ?? '');
  if (!m) return 256 * 1024 * 1024;
  const mult = { '': 1, b: 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[m[2].toLowerCase() as 'k'];
  return parseInt(m[1], 10) * mult;
}

/** Workers per kind from argv (`--cpu 2`, `-m 1`, `--vm-bytes 280M` …). */
export function stressPlan(args: string[]) {
  const num = (long: string, short: string) => {
    const i = args.findIndex((a) => a === long || a === short);
    return i >= 0 ? parseInt(args[i + 1] ?? '0', 10) || 0 : 0;
  };
  const vb = args.indexOf('--vm-bytes');
  const to = args.findIndex((a) => a === '--timeout' || a === '-t');
  return {
    cpu: num('--cpu', '-c'),
    io: num('--io', '-i'),
    vm: num('--vm', '-m'),
    hdd: num('--hdd', '-d'),
    vmBytes: stressBytes(vb >= 0 ? args[vb + 1] : undefined),
    timeout: to >= 0 ? parseInt(args[to + 1] ?? '0', 10) : null,
  };
}
