// The last packet a command sent, in words: its title, its verdict, and its rule hits grouped into chain walks.
import type { EngineState, PacketRecord, RuleHit, TraceStep } from '../engine/index';

const TERMINAL = /^(ACCEPT|DROP|REJECT|MASQUERADE|DNAT|policy )/;

/** What the packet was, in one line (`icmp echo 172.18.0.2 → 172.18.0.3`, `tcp 10.0.2.15 → 10.0.2.15:8080`). */
export function packetTitle(p: PacketRecord): string {
  const from = p.from || '?';
  return p.proto === 'icmp' ? `icmp echo ${from} → ${p.dst}` : `${p.proto} ${from} → ${p.dst}:${p.dport}`;
}

/** The verdict in words: delivered, refused, dropped by which rule (the sender times out), unreachable, no route. */
export function verdictText(p: PacketRecord): string {
  const by = (h: RuleHit) => `${h.table} ${h.chain} ${h.num ? `rule ${h.num}` : 'policy'}`;
  switch (p.verdict) {
    case 'delivered':
      return 'DELIVERED';
    case 'refused':
      return p.decidedBy ? `REFUSED by ${by(p.decidedBy)} (connection refused)` : 'REFUSED (connection refused)';
    case 'dropped':
      return `DROPPED${p.decidedBy ? ` by ${by(p.decidedBy)}` : ''}: no answer, the sender times out`;
    case 'unreachable':
      return 'UNREACHABLE: nobody answers, the sender gives up';
    case 'no-route':
      return 'NO ROUTE: network unreachable';
  }
}

/** One walk of a built-in chain: the rule hits from its start to the hit that decided it (jumps and RETURNs between). */
export interface Walk {
  table: string;
  steps: TraceStep[];
  reply: boolean;
}

export type Item = { kind: 'step'; step: TraceStep } | { kind: 'walk'; walk: Walk };

/** Rule steps grouped into chain walks; each walk ends with its terminal hit (ACCEPT, DROP, DNAT, a policy …). */
export function items(steps: TraceStep[]): Item[] {
  const out: Item[] = [];
  let open: Walk | null = null;
  for (const st of steps) {
    if (st.kind !== 'rule' || !st.hit) {
      open = null;
      out.push({ kind: 'step', step: st });
      continue;
    }
    if (!open) {
      open = { table: st.hit.table, steps: [], reply: !!st.reply };
      out.push({ kind: 'walk', walk: open });
    }
    open.steps.push(st);
    if (TERMINAL.test(st.hit.action)) open = null;
  }
  return out;
}

export const sameHit = (a: RuleHit | undefined, b: RuleHit | undefined) => !!a && !!b && a.table === b.table && a.chain === b.chain && a.num === b.num;

/** A hit as one line of its chain's node: `2: -i docker0 -o docker0 -j ACCEPT`, `policy ACCEPT`. */
function hitLine(h: RuleHit, decisive: boolean): string {
  const text = h.num ? `${h.num}: ${h.rule.replace(/^-A \S+ /, '')}` : h.action;
  return decisive ? `${/DROP|REJECT/.test(h.action) ? '✖' : '✔'} ${text}` : text;
}

/** The chains a walk traversed, one node per visit in order: FORWARD → DOCKER-USER → FORWARD → … (a jump into a chain
 *  none of whose rules matched is a visit too). */
export function visitsOf(w: Walk): { chain: string; lines: string[]; hits: RuleHit[] }[] {
  const visits: { chain: string; lines: string[]; hits: RuleHit[] }[] = [];
  const enter = (chain: string) => visits.push({ chain, lines: [], hits: [] });
  w.steps.forEach((st, i) => {
    const h = st.hit!;
    if (visits[visits.length - 1]?.chain !== h.chain) enter(h.chain);
    const v = visits[visits.length - 1];
    v.lines.push(hitLine(h, i === w.steps.length - 1));
    v.hits.push(h);
    const jump = /^jump to (\S+)$/.exec(h.action);
    if (jump) enter(jump[1]);
  });
  visits.forEach((v, i) => {
    if (!v.lines.length) v.lines.push(`no rule matched: back to ${visits[i + 1]?.chain ?? visits[i - 1]?.chain ?? 'the caller'}`);
  });
  return visits;
}
