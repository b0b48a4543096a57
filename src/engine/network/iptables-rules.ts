// iptables rules as text and as a filter: iptables-save rendering, parsing of the user's rule arguments, packet matching.
import type { Rule, RuleEdit } from '../state';
import { cidrText, inCidr, parseCidr } from './ipnet';
import type { Chain, TableName, Tables } from './iptables';

const neg = (n: boolean | undefined) => (n ? '! ' : '');

/** A rule's match and target arguments in iptables-save's canonical order (`-s … -d … -i … -o … -p … -m … -j …`). */
export function ruleSpec(r: Rule): string {
  const a: string[] = [];
  if (r.src) a.push(`${neg(r.srcNeg)}-s ${r.src}`);
  if (r.dst) a.push(`${neg(r.dstNeg)}-d ${r.dst}`);
  if (r.in) a.push(`${neg(r.inNeg)}-i ${r.in}`);
  if (r.out) a.push(`${neg(r.outNeg)}-o ${r.out}`);
  if (r.proto) a.push(`${neg(r.protoNeg)}-p ${r.proto}`);
  if (r.proto && (r.sport || r.dport)) a.push(`-m ${r.proto}` + (r.sport ? ` --sport ${r.sport}` : '') + (r.dport ? ` --dport ${r.dport}` : ''));
  if (r.dstTypeLocal) a.push('-m addrtype --dst-type LOCAL');
  if (r.ctstate) a.push(`-m conntrack --ctstate ${r.ctstate}`);
  if (r.comment) a.push(`-m comment --comment ${/\s/.test(r.comment) ? `"${r.comment}"` : r.comment}`);
  if (r.target) a.push(`-j ${r.target}`);
  if (r.toDest) a.push(`--to-destination ${r.toDest}`);
  return a.join(' ');
}

/** `-A CHAIN spec`, as iptables-save and iptables -S print it. */
export const ruleLine = (chain: string, r: Rule) => `-A ${chain} ${ruleSpec(r)}`;

const TARGETS = ['ACCEPT', 'DROP', 'RETURN', 'REJECT', 'LOG', 'MASQUERADE', 'DNAT', 'SNAT'];

/** Parse `-s 1.2.3.4 -p tcp --dport 80 -j DROP` into a Rule; returns an iptables error text on bad input. */
export function parseRule(args: string[], tables: Tables, table: TableName): Rule | string {
  const r: Rule = { target: '' };
  let negate = false;
  const bad = (m: string) => `iptables v1.8.10 (nf_tables): ${m}\nTry \`iptables -h' or 'iptables --help' for more information.`;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const v = () => args[++i];
    const take = (k: 'srcNeg' | 'dstNeg' | 'inNeg' | 'outNeg' | 'protoNeg') => {
      if (negate) r[k] = true;
      negate = false;
    };
    switch (a) {
      case '!':
        negate = true;
        break;
      case '-s':
      case '--source':
      case '-d':
      case '--destination': {
        const raw = v() ?? '';
        const c = parseCidr(raw);
        if (!c) return bad(`host/network \`${raw}' not found`);
        const text = cidrText(c);
        if (a === '-s' || a === '--source') (r.src = text), take('srcNeg');
        else (r.dst = text), take('dstNeg');
        break;
      }
      case '-i':
      case '--in-interface':
        r.in = v();
        take('inNeg');
        break;
      case '-o':
      case '--out-interface':
        r.out = v();
        take('outNeg');
        break;
      case '-p':
      case '--protocol': {
        const p = (v() ?? '').toLowerCase();
        if (p === 'all') break;
        if (!['tcp', 'udp', 'icmp', 'sctp'].includes(p)) return bad(`unknown protocol "${p}" specified`);
        r.proto = p as Rule['proto'];
        take('protoNeg');
        break;
      }
      case '-m':
      case '--match':
        v();
        break;
      case '--dport':
      case '--destination-port':
      case '--sport':
      case '--source-port': {
        if (r.proto !== 'tcp' && r.proto !== 'udp' && r.proto !== 'sctp') return bad(`unknown option "${a}"`);
        const p = v() ?? '';
        if (!/^\d+(:\d+)?$/.test(p)) return bad(`invalid port/service \`${p}' specified`);
        if (a.includes('d')) r.dport = p;
        else r.sport = p;
        break;
      }
      case '--ctstate':
      case '--state':
        r.ctstate = v();
        break;
      case '--dst-type':
        v();
        r.dstTypeLocal = true;
        break;
      case '--comment':
        r.comment = v();
        break;
      case '-j':
      case '--jump':
        r.target = v() ?? '';
        break;
      case '--to-destination':
      case '--to':
        r.toDest = v();
        break;
      default:
        return bad(`unknown option "${a}"`);
    }
  }
  if (r.target && !TARGETS.includes(r.target) && !tables[table].some((c) => c.name === r.target)) return bad(`Couldn't load target \`${r.target}':No such file or directory`);
  return r;
}

export type EditParse = { edit: RuleEdit } | { error: string };

/** A packet as the filter sees it at one hook. */
export interface Packet {
  in: string; // input interface ('' for locally generated)
  out: string; // output interface ('' for local delivery)
  src: string;
  dst: string;
  proto: 'icmp' | 'tcp' | 'udp';
  dport?: number;
  ctstate: 'NEW' | 'ESTABLISHED';
  dstLocal: boolean;
}

/** One rule or policy that decided something while a packet crossed a chain. */
export interface RuleHit {
  table: TableName;
  chain: string;
  /** 1-based rule number, 0 = the chain's policy. */
  num: number;
  rule: string;
  action: string;
}

const ifMatch = (pat: string, name: string) => (pat.endsWith('+') ? name.startsWith(pat.slice(0, -1)) : pat === name);

function matches(r: Rule, p: Packet): boolean {
  const ipIn = (ip: string, cidr: string) => {
    const c = parseCidr(cidr);
    const n = parseCidr(ip);
    return !!c && !!n && inCidr(n.addr, c);
  };
  const test = (cond: boolean, negated: boolean | undefined) => (negated ? !cond : cond);
  if (r.src && !test(ipIn(p.src, r.src), r.srcNeg)) return false;
  if (r.dst && !test(ipIn(p.dst, r.dst), r.dstNeg)) return false;
  if (r.in && !test(ifMatch(r.in, p.in), r.inNeg)) return false;
  if (r.out && !test(ifMatch(r.out, p.out), r.outNeg)) return false;
  if (r.proto && !test(r.proto === p.proto, r.protoNeg)) return false;
  if (r.dport) {
    const [lo, hi] = r.dport.split(':').map(Number);
    if (p.dport === undefined || p.dport < lo || p.dport > (hi ?? lo)) return false;
  }
  if (r.sport) return false; // source ports are ephemeral: a rule on one never matches a new connection here
  if (r.dstTypeLocal && !p.dstLocal) return false;
  if (r.ctstate && !r.ctstate.split(',').includes(p.ctstate)) return false;
  return true;
}

export interface ChainResult {
  verdict: 'ACCEPT' | 'DROP' | 'REJECT';
  hits: RuleHit[];
  /** DNAT target (`ip:port`) when a DNAT rule fired. */
  dnat?: string;
  masquerade?: boolean;
}

/** Walk a built-in chain (following jumps and RETURNs) and decide the packet's fate there. */
export function runChain(tables: Tables, table: TableName, start: string, p: Packet): ChainResult {
  const hits: RuleHit[] = [];
  const t = tables[table];
  const get = (name: string): Chain | undefined => t.find((c) => c.name === name);
  const walk = (name: string, depth: number): ChainResult | 'return' => {
    const ch = get(name);
    if (!ch || depth > 16) return 'return';
    for (let i = 0; i < ch.rules.length; i++) {
      const r = ch.rules[i];
      if (!matches(r, p)) continue;
      const hit = (action: string) => hits.push({ table, chain: name, num: i + 1, rule: ruleLine(name, r), action });
      if (r.target === 'ACCEPT' || r.target === 'DROP' || r.target === 'REJECT') {
        hit(r.target);
        return { verdict: r.target, hits };
      }
      if (r.target === 'RETURN') {
        hit('RETURN');
        return 'return';
      }
      if (r.target === 'DNAT') {
        hit(`DNAT to ${r.toDest}`);
        return { verdict: 'ACCEPT', hits, dnat: r.toDest };
      }
      if (r.target === 'MASQUERADE') {
        hit('MASQUERADE');
        return { verdict: 'ACCEPT', hits, masquerade: true };
      }
      if (r.target === 'LOG' || r.target === 'SNAT') {
        hit(r.target);
        continue;
      }
      hit(`jump to ${r.target}`);
      const sub = walk(r.target, depth + 1);
      if (sub !== 'return') return sub;
    }
    return 'return';
  };
  const res = walk(start, 0);
  if (res !== 'return') return res;
  const policy = get(start)?.policy ?? 'ACCEPT';
  hits.push({ table, chain: start, num: 0, rule: `-P ${start} ${policy}`, action: `policy ${policy}` });
  return { verdict: policy, hits };
}
