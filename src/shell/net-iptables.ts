// `iptables` (-L/-S/-I/-A/-D/-C/-N/-X/-F/-P) and `iptables-save` on the host, as iptables 1.8.10 (nf_tables) prints them.
import { iptablesRules, parseRule, ruleLine, type Chain, type Engine, type Rule, type RuleEdit, type TableName, type Tables } from '../engine/index';
import type { ExecResult } from './net-util';

const SERVICES: Record<string, string> = { '22': 'ssh', '53': 'domain', '80': 'http', '443': 'https', '3306': 'mysql', '5000': 'commplex-main', '5432': 'postgresql', '6379': 'redis', '8080': 'http-alt', '27017': 'mongodb' };
const EMPTY: Record<string, string[]> = { mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'], raw: ['PREROUTING', 'OUTPUT'] };
const VERSION = 'iptables v1.8.10 (nf_tables)';

function tablesOf(engine: Engine, table: string): Chain[] | null {
  if (table === 'filter' || table === 'nat') return iptablesRules(engine.state)[table];
  if (EMPTY[table]) return EMPTY[table].map((name) => ({ name, policy: 'ACCEPT', rules: [] }));
  return null;
}

const refs = (t: Chain[], name: string) => t.reduce((n, c) => n + c.rules.filter((r) => r.target === name).length, 0);

/** One rule as `iptables -L` lays it out (print_firewall): target, prot, opt, source, destination, then matches. */
/** iptables' counter column: 5 wide, and past 99999 in K, M, G steps (exact and 8 wide with -x). */
function num5(n: number, exact?: boolean): string {
  if (exact) return String(n).padStart(8);
  let v = n;
  let unit = '';
  for (const u of ['K', 'M', 'G', 'T']) {
    if (v <= 99999) break;
    v = Math.floor(v / 1000);
    unit = u;
  }
  return `${v}${unit}`.padStart(5);
}

interface ListOpts { numeric: boolean; verbose: boolean; lines: boolean; exact?: boolean; count?: [number, number] }

function listLine(r: Rule, num: number, o: ListOpts): string {
  const addr = (a: string | undefined, neg: boolean | undefined) => {
    let t = !a || a === '0.0.0.0/0' ? (o.numeric ? '0.0.0.0/0' : 'anywhere') : a.endsWith('/32') ? a.slice(0, -3) : a;
    t = (neg ? '!' : ' ') + t.padEnd(19) + ' ';
    return t;
  };
  const iface = (x: string | undefined, neg: boolean | undefined) => (neg ? '!' : '') + (x ?? (o.numeric ? '*' : 'any'));
  let l = o.lines ? `${String(num).padEnd(4)} ` : '';
  if (o.verbose) l += `${num5(o.count?.[0] ?? 0, o.exact)} ${num5(o.count?.[1] ?? 0, o.exact)} `;
  l += `${r.target.padEnd(9)} `;
  l += (r.protoNeg ? '!' : ' ') + (r.proto ?? (o.numeric ? '0' : 'all')).padEnd(5);
  l += '-- ';
  if (o.verbose) l += ` ${iface(r.in, r.inNeg).padEnd(6)} ${iface(r.out, r.outNeg).padEnd(6)} `;
  l += addr(r.src, r.srcNeg) + addr(r.dst, r.dstNeg);
  const port = (p: string) => (o.numeric ? p : SERVICES[p] ?? p);
  if (r.proto && (r.dport || r.sport)) {
    l += ` ${r.proto}`;
    if (r.sport) l += r.sport.includes(':') ? ` spts:${r.sport}` : ` spt:${port(r.sport)}`;
    if (r.dport) l += r.dport.includes(':') ? ` dpts:${r.dport}` : ` dpt:${port(r.dport)}`;
  }
  if (r.dstTypeLocal) l += ' ADDRTYPE match dst-type LOCAL';
  if (r.ctstate) l += ` ctstate ${r.ctstate}`;
  if (r.comment) l += ` /* ${r.comment} */`;
  if (r.toDest) l += ` to:${r.toDest}`;
  return l + '\n';
}

/** A chain header's policy counters (print_header): the numbers unpadded, in K, M, G steps unless -x. */
function policyCounts(count: [number, number] | undefined, exact?: boolean): string {
  const [p, b] = count ?? [0, 0];
  const n = (v: number) => (exact ? String(v) : num5(v).trim());
  return ` ${n(p)} packets, ${n(b)} bytes`;
}

function list(t: Chain[], only: string | undefined, o: ListOpts, counters: Record<string, [number, number]>, table: string): string {
  const chains = only ? t.filter((c) => c.name === only) : t;
  const head = `${o.lines ? 'num  ' : ''}${o.verbose ? (o.exact ? '    pkts      bytes ' : ' pkts bytes ') : ''}target     prot opt ${o.verbose ? 'in     out     ' : ''}source               destination         \n`;
  return chains
    .map((c) => `Chain ${c.name} (${c.policy ? `policy ${c.policy}${o.verbose ? policyCounts(counters[`${table} -P ${c.name}`], o.exact) : ''}` : `${refs(t, c.name)} references`})\n${head}${c.rules.map((r, i) => listLine(r, i + 1, { ...o, count: counters[`${table} ${ruleLine(c.name, r)}`] })).join('')}`)
    .join('\n');
}

function specLines(t: Chain[], only?: string): string {
  const chains = only ? t.filter((c) => c.name === only) : t;
  const decl = chains.map((c) => (c.policy ? `-P ${c.name} ${c.policy}\n` : `-N ${c.name}\n`)).join('');
  return decl + chains.flatMap((c) => c.rules.map((r) => ruleLine(c.name, r) + '\n')).join('');
}

/** iptables-save: every table with its chain declarations and rules (filter, then nat). */
export function iptablesSave(engine: Engine, args: string[]): ExecResult {
  const t: Tables = iptablesRules(engine.state);
  const ti = args.indexOf('-t');
  const names: TableName[] = ti >= 0 ? [args[ti + 1] as TableName] : ['filter', 'nat'];
  const withCounts = args.includes('-c') || args.includes('--counters');
  const counters = engine.state.hostNet.counters ?? {};
  const when = new Date(engine.now()).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_m, d: string, day: string, mon: string, y: string, hms: string) => `${d} ${mon} ${day.padStart(2, ' ')} ${hms} ${y}`);
  let out = '';
  for (const name of names) {
    const table = t[name];
    if (!table) return { stdout: '', stderr: `iptables-save: Table '${name}' does not exist\n`, exitCode: 1 };
    out += `# Generated by iptables-save v1.8.10 (nf_tables) on ${when}\n*${name}\n`;
    // a built-in chain's policy counters always show; -c puts each rule's counters before it
    const count = (k: string) => (counters[k] ?? [0, 0]).join(':');
    out += table.map((c) => `:${c.name} ${c.policy ?? '-'} [${c.policy ? count(`${name} -P ${c.name}`) : '0:0'}]\n`).join('');
    out += table.flatMap((c) => c.rules.map((r) => (withCounts ? `[${count(`${name} ${ruleLine(c.name, r)}`)}] ` : '') + ruleLine(c.name, r) + '\n')).join('');
    out += `COMMIT\n# Completed on ${when}\n`;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
}

const usageErr = (m: string): ExecResult => ({ stdout: '', stderr: `${VERSION}: ${m}\nTry \`iptables -h' or 'iptables --help' for more information.\n`, exitCode: 2 });

/** `iptables [-t table] COMMAND ...`. */
export function iptables(engine: Engine, args: string[]): ExecResult {
  let table = 'filter';
  const a = [...args];
  const ti = a.findIndex((x) => x === '-t' || x === '--table');
  if (ti >= 0) {
    table = a[ti + 1] ?? '';
    a.splice(ti, 2);
  }
  const t = tablesOf(engine, table);
  if (!t) return { stdout: '', stderr: `${VERSION}: can't initialize iptables table \`${table}': Table does not exist (do you need to insmod?)\nPerhaps iptables or your kernel needs to be upgraded.\n`, exitCode: 3 };
  const flags = new Set(a.filter((x) => /^-[nvx]+$/.test(x)).flatMap((x) => [...x.slice(1)]));
  const cmdIdx = a.findIndex((x) => /^(-[LSIADCNXFPZ]|--(list|list-rules|insert|append|delete|check|new-chain|delete-chain|flush|policy|zero))$/.test(x) || /^-[nvx]*L[nvx]*$/.test(x));
  if (cmdIdx < 0) return usageErr('no command specified');
  let cmd = a[cmdIdx];
  if (/^-[nvx]*L[nvx]*$/.test(cmd)) {
    for (const ch of cmd.slice(1)) if (ch !== 'L') flags.add(ch);
    cmd = '-L';
  }
  const long: Record<string, string> = { '--list': '-L', '--list-rules': '-S', '--insert': '-I', '--append': '-A', '--delete': '-D', '--check': '-C', '--new-chain': '-N', '--delete-chain': '-X', '--flush': '-F', '--policy': '-P', '--zero': '-Z' };
  cmd = long[cmd] ?? cmd;
  const rest = a.slice(cmdIdx + 1).filter((x) => !/^-[nvx]+$/.test(x) && x !== '--line-numbers');
  const chain = rest[0] && !rest[0].startsWith('-') ? rest[0] : undefined;
  const exists = (name: string) => t.some((c) => c.name === name);
  if (cmd === '-L' || cmd === '-S') {
    if (chain && !exists(chain)) return { stdout: '', stderr: 'iptables: No chain/target/match by that name.\n', exitCode: 1 };
    const counters = engine.state.hostNet.counters ?? {};
    return { stdout: cmd === '-L' ? list(t, chain, { numeric: flags.has('n'), verbose: flags.has('v'), lines: a.includes('--line-numbers'), exact: flags.has('x') }, counters, table) : specLines(t, chain), stderr: '', exitCode: 0 };
  }
  if (cmd === '-Z') {
    if (chain && !exists(chain)) return { stdout: '', stderr: 'iptables: No chain/target/match by that name.\n', exitCode: 1 };
    engine.network.zeroCounters(table, chain);
    return { stdout: '', stderr: '', exitCode: 0 };
  }
  if (table !== 'filter' && table !== 'nat') return usageErr(`editing the ${table} table is not simulated`);
  if (!chain && cmd !== '-F') return usageErr(`option "${cmd}" requires an argument`);
  const tb = table as 'filter' | 'nat';
  let edit: RuleEdit | null = null;
  if (cmd === '-N' || cmd === '-X' || (cmd === '-F' && chain)) edit = { table: tb, op: cmd.slice(1) as 'N' | 'X' | 'F', chain: chain! };
  else if (cmd === '-F') {
    for (const c of t) engine.network.iptablesEdit({ table: tb, op: 'F', chain: c.name });
    return { stdout: '', stderr: '', exitCode: 0 };
  } else if (cmd === '-P') {
    const pol = rest[1];
    if (pol !== 'ACCEPT' && pol !== 'DROP') return usageErr(`Bad policy name. Run \`dmesg' for more information.`);
    edit = { table: tb, op: 'P', chain: chain!, policy: pol };
  } else {
    let spec = rest.slice(1);
    let pos = 1;
    if ((cmd === '-I' || cmd === '-D') && /^\d+$/.test(spec[0] ?? '')) {
      pos = parseInt(spec[0], 10);
      spec = spec.slice(1);
      if (cmd === '-D') edit = { table: tb, op: 'Dn', chain: chain!, pos };
    }
    if (!edit) {
      const rule = parseRule(spec, iptablesRules(engine.state), tb);
      if (typeof rule === 'string') return { stdout: '', stderr: rule + '\n', exitCode: 2 };
      if (!rule.target && cmd !== '-D' && cmd !== '-C') rule.target = '';
      if (cmd === '-C') {
        const ch = t.find((c) => c.name === chain);
        const same = ch?.rules.some((r) => ruleLine(chain!, r) === ruleLine(chain!, rule));
        return same ? { stdout: '', stderr: '', exitCode: 0 } : { stdout: '', stderr: 'iptables: Bad rule (does a matching rule exist in that chain?).\n', exitCode: 1 };
      }
      edit = cmd === '-I' ? { table: tb, op: 'I', chain: chain!, pos, rule } : cmd === '-A' ? { table: tb, op: 'A', chain: chain!, rule } : { table: tb, op: 'D', chain: chain!, rule };
    }
  }
  const err = engine.network.iptablesEdit(edit);
  return err ? { stdout: '', stderr: err + '\n', exitCode: 1 } : { stdout: '', stderr: '', exitCode: 0 };
}
