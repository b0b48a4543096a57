// The host's iptables rules as data: what Engine 27 installs for bridges and published ports, plus the user's edits.
import type { Container, EngineState, Network, Rule, RuleEdit, TableName } from '../state';
import { isRunning } from './endpoints';
import { containerView } from '../container-table';

export type { TableName };

export interface Chain {
  name: string;
  /** Built-in chains have a policy; user chains show `-` (iptables-save) and a reference count (-L). */
  policy: 'ACCEPT' | 'DROP' | null;
  rules: Rule[];
}

export type Table = Chain[];
export type Tables = Record<TableName, Table>;

const BUILTIN: Record<TableName, string[]> = { filter: ['INPUT', 'FORWARD', 'OUTPUT'], nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'] };

/** Bridge networks newest first: docker inserts each new bridge's rules above the older ones. */
function bridges(s: EngineState): Network[] {
  return Object.values(s.networks)
    .filter((n) => n.driver === 'bridge')
    .sort((a, b) => b.ifindex - a.ifindex);
}

/** Running containers that publish ports (kept up to date from what each command changed, not scanned). */
const publishing = containerView((c) => isRunning(c) && c.ports.length > 0);

/** Running containers with published IPv4 ports, in the order their rules were added (start order). */
function publishers(s: EngineState): Container[] {
  return [...publishing(s)].sort((a, b) => a.state.startedAt - b.state.startedAt || a.seq - b.seq);
}

/** The bridge endpoint that carries a container's published ports (its first non-internal bridge network). */
export function publishingEndpoint(s: EngineState, c: Container) {
  const ep = Object.values(c.endpoints).find((e) => s.networks[e.networkId]?.driver === 'bridge' && !s.networks[e.networkId].internal && e.ip);
  return ep ? { ep, net: s.networks[ep.networkId] } : undefined;
}

/** The rules Engine 27 (libnetwork bridge driver, iptables mode) keeps on this host, before any user edit. */
export function dockerRules(s: EngineState): Tables {
  const nets = bridges(s);
  const chain = (name: string, policy: Chain['policy'], rules: Rule[] = []): Chain => ({ name, policy, rules });
  const fwd: Rule[] = [{ target: 'DOCKER-USER' }, { target: 'DOCKER-ISOLATION-STAGE-1' }];
  const iso1: Rule[] = [];
  const iso2: Rule[] = [];
  const fwdTail: Rule[] = [];
  const post: Rule[] = [];
  const natDocker: Rule[] = [];
  for (const n of nets) {
    const B = n.bridge;
    const S = n.ipam.config[0]?.Subnet ?? '';
    if (n.internal) {
      if (n.icc) fwd.push({ in: B, out: B, target: 'ACCEPT' });
      iso1.push({ src: S, srcNeg: true, out: B, target: 'DROP' }, { dst: S, dstNeg: true, in: B, target: 'DROP' });
      continue;
    }
    fwd.push({ out: B, ctstate: 'RELATED,ESTABLISHED', target: 'ACCEPT' }, { out: B, target: 'DOCKER' }, { in: B, out: B, outNeg: true, target: 'ACCEPT' });
    if (n.icc) fwd.push({ in: B, out: B, target: 'ACCEPT' });
    else fwdTail.push({ in: B, out: B, target: 'DROP' });
    iso1.push({ in: B, out: B, outNeg: true, target: 'DOCKER-ISOLATION-STAGE-2' });
    iso2.push({ out: B, target: 'DROP' });
    if (n.options['com.docker.network.bridge.enable_ip_masquerade'] !== 'false') post.push({ src: S, out: B, outNeg: true, target: 'MASQUERADE' });
    natDocker.push({ in: B, target: 'RETURN' });
  }
  const filterDocker: Rule[] = [];
  const seen = new Set<string>();
  for (const c of publishers(s)) {
    const pe = publishingEndpoint(s, c);
    if (!pe) continue;
    const B = pe.net.bridge;
    const ip = `${pe.ep.ip}/32`;
    for (const m of c.ports) {
      if (m.hostIp.includes(':') || m.proto === 'sctp') continue;
      const proto = m.proto;
      const once = (list: Rule[], r: Rule) => {
        const k = JSON.stringify(r);
        if (!seen.has(k)) (seen.add(k), list.push(r));
      };
      once(filterDocker, { dst: ip, in: B, inNeg: true, out: B, proto, dport: String(m.containerPort), target: 'ACCEPT' });
      once(post, { src: ip, dst: ip, proto, dport: String(m.containerPort), target: 'MASQUERADE' });
      once(natDocker, { ...(m.hostIp !== '0.0.0.0' ? { dst: `${m.hostIp}/32` } : {}), in: B, inNeg: true, proto, dport: String(m.hostPort), target: 'DNAT', toDest: `${pe.ep.ip}:${m.containerPort}` });
    }
  }
  return {
    filter: [
      chain('INPUT', 'ACCEPT'),
      chain('FORWARD', 'DROP', [...fwd, ...fwdTail]),
      chain('OUTPUT', 'ACCEPT'),
      chain('DOCKER', null, filterDocker),
      chain('DOCKER-ISOLATION-STAGE-1', null, [...iso1, { target: 'RETURN' }]),
      chain('DOCKER-ISOLATION-STAGE-2', null, [...iso2, { target: 'RETURN' }]),
      chain('DOCKER-USER', null, [{ target: 'RETURN' }]),
    ],
    nat: [
      chain('PREROUTING', 'ACCEPT', [{ dstTypeLocal: true, target: 'DOCKER' }]),
      chain('INPUT', 'ACCEPT'),
      chain('OUTPUT', 'ACCEPT', [{ dst: '127.0.0.0/8', dstNeg: true, dstTypeLocal: true, target: 'DOCKER' }]),
      chain('POSTROUTING', 'ACCEPT', post),
      chain('DOCKER', null, natDocker),
    ],
  };
}

const sameRule = (a: Rule, b: Rule) => JSON.stringify(normRule(a)) === JSON.stringify(normRule(b));

/** Key-sorted copy without empty fields, for comparing rules (iptables -D matches on the full spec). */
export function normRule(r: Rule): Rule {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(r).sort()) {
    const v = (r as unknown as Record<string, unknown>)[k];
    if (v !== undefined && v !== false && v !== '') out[k] = v;
  }
  return out as unknown as Rule;
}

/** Apply one edit to tables in place; returns an iptables error text when it cannot apply. */
export function applyEdit(t: Tables, e: RuleEdit): string | null {
  const table = t[e.table];
  const find = (name: string) => table.find((c) => c.name === name);
  const ch = find(e.chain);
  if (e.op === 'N') {
    if (ch) return 'iptables: Chain already exists.';
    const builtins = table.filter((c) => c.policy !== null);
    const users = [...table.filter((c) => c.policy === null), { name: e.chain, policy: null, rules: [] }].sort((a, b) => (a.name < b.name ? -1 : 1));
    table.splice(0, table.length, ...builtins, ...users);
    return null;
  }
  if (!ch) return e.op === 'X' || e.op === 'F' || e.op === 'P' ? 'iptables: No chain/target/match by that name.' : `iptables: No chain/target/match by that name.`;
  switch (e.op) {
    case 'X':
      if (ch.policy !== null) return "iptables v1.8.10 (nf_tables): Can't delete built-in chain";
      if (table.some((c) => c.rules.some((r) => r.target === e.chain))) return 'iptables v1.8.10 (nf_tables):  CHAIN_USER_DEL failed (Device or resource busy): chain ' + e.chain;
      table.splice(table.indexOf(ch), 1);
      return null;
    case 'F':
      ch.rules = [];
      return null;
    case 'P':
      if (ch.policy === null) return 'iptables: Bad built-in chain name.';
      ch.policy = e.policy;
      return null;
    case 'I':
      if (e.pos < 1 || e.pos > ch.rules.length + 1) return 'iptables: Index of insertion too big.';
      ch.rules.splice(e.pos - 1, 0, e.rule);
      return null;
    case 'A':
      ch.rules.push(e.rule);
      return null;
    case 'D': {
      const i = ch.rules.findIndex((r) => sameRule(r, e.rule));
      if (i < 0) return 'iptables: Bad rule (does a matching rule exist in that chain?).';
      ch.rules.splice(i, 1);
      return null;
    }
    case 'Dn':
      if (e.pos < 1 || e.pos > ch.rules.length) return 'iptables: Index of deletion too big.';
      ch.rules.splice(e.pos - 1, 1);
      return null;
  }
}

/** The host's rules now: docker's, with every user edit replayed in order (edits that no longer apply are skipped). */
export function iptablesRules(s: EngineState): Tables {
  const t = dockerRules(s);
  for (const e of s.hostNet.iptables) applyEdit(t, e);
  return t;
}

/** Chain names of a table in iptables-save order (built-ins in hook order, then user chains by name). */
export function chainOrder(table: Table): string[] {
  return table.map((c) => c.name);
}

export const builtinChains = BUILTIN;
