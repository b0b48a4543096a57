// Network entities of the simulated daemon: networks with IPAM, container endpoints, published ports, host netfilter state.

export interface IpamConfig {
  Subnet: string;
  IPRange?: string;
  Gateway: string;
  /** --subnet without --gateway: the bridge still takes the first address, but the user's IPAM config has no Gateway. */
  gatewayImplicit?: true;
}

export interface Network {
  id: string; // 64 hex
  name: string;
  driver: 'bridge' | 'host' | 'null';
  created: number;
  /** Sub-second nanoseconds of the creation time (Created is shown with nanoseconds; created itself is whole seconds). */
  createdNanos: number;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  /** IPAM config; userConfigured = created with --subnet (needed for --ip). */
  ipam: { driver: string; options: Record<string, string> | null; config: IpamConfig[]; userConfigured: boolean };
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Linux bridge device: docker0, br-<12hex>; '' for host/none. */
  bridge: string;
  /** The bridge device's own (random) MAC and interface index on the host. */
  bridgeMac: string;
  ifindex: number;
  /** Inter-container communication on this bridge (com.docker.network.bridge.enable_icc). */
  icc: boolean;
  /** A port was ever up on the bridge (it then has an IPv6 link-local address). */
  hadCarrier: boolean;
}

/** A container's attachment to one network (exists while the container exists; addressed while running). */
export interface Endpoint {
  networkId: string;
  endpointId: string; // 64 hex, '' while the container is stopped
  /** Address while running ('' when stopped); ipamAddress is the --ip the user asked for. */
  ip: string;
  ipamAddress: string;
  mac: string;
  /** --mac-address given by the user ('' = generated from the IP). */
  macConfig?: string;
  aliases: string[];
  /** Interface name inside the container: eth0, eth1 … in connection order. */
  iface: string;
  /** Interface indexes: the container side (ethN) and its host-side veth peer; the veth's name. */
  ifindex?: number;
  peerIfindex?: number;
  veth?: string;
}

/** A published port binding in effect (host side), for `docker port`, ps PORTS and DNAT rules. */
export interface PortMapping {
  containerPort: number;
  proto: 'tcp' | 'udp' | 'sctp';
  hostIp: string; // '0.0.0.0' or '::' or a given address
  hostPort: number;
}

/** A rule in an iptables chain, as structured data (iptables-save canonical order when printed). */
export interface Rule {
  src?: string; // CIDR text
  srcNeg?: boolean;
  dst?: string;
  dstNeg?: boolean;
  in?: string;
  inNeg?: boolean;
  out?: string;
  outNeg?: boolean;
  proto?: 'tcp' | 'udp' | 'icmp' | 'sctp';
  protoNeg?: boolean;
  dport?: string; // `80` or `8000:8010`
  sport?: string;
  ctstate?: string; // RELATED,ESTABLISHED
  dstTypeLocal?: boolean; // -m addrtype --dst-type LOCAL
  comment?: string;
  target: string; // ACCEPT, DROP, RETURN, MASQUERADE, DNAT, REJECT, LOG or a chain
  toDest?: string; // DNAT --to-destination
}

/** One edit the user made with iptables on the host; replayed over the rules docker derives. */
export type RuleEdit =
  | { table: 'filter' | 'nat'; op: 'I'; chain: string; pos: number; rule: Rule }
  | { table: 'filter' | 'nat'; op: 'A'; chain: string; rule: Rule }
  | { table: 'filter' | 'nat'; op: 'D'; chain: string; rule: Rule }
  | { table: 'filter' | 'nat'; op: 'Dn'; chain: string; pos: number }
  | { table: 'filter' | 'nat'; op: 'N' | 'X' | 'F'; chain: string }
  | { table: 'filter' | 'nat'; op: 'P'; chain: string; policy: 'ACCEPT' | 'DROP' };

/** Host networking state that is not a docker object: counters, the port allocator, sysctls, iptables edits. */
export interface HostNet {
  /** PRNG for network-side randomness (endpoint IDs, veth names, bridge MACs), apart from the container rng. */
  rng: { s: [number, number, number, number] };
  /** Next interface index on the host (lo=1, eth0=2, docker0=3). */
  nextIfindex: number;
  /** Last ephemeral port handed out (portallocator continues after it). */
  lastEphemeral: number;
  sysctl: Record<string, string>;
  iptables: RuleEdit[];
  /** Packet and byte counters of iptables rules that packets hit, by `table` + the rule's `-A CHAIN …` line. */
  counters?: Record<string, [number, number]>;
}

/** The HostConfig fields networking adds (moby container.HostConfig), all optional so older states stay valid. */
export interface NetHostConfig {
  Dns?: string[];
  DnsOptions?: string[];
  DnsSearch?: string[];
  ExtraHosts?: string[];
  Links?: string[];
}

/** Networking options of `docker create` beyond HostConfig: --expose, --mac-address. */
export interface NetCreateOptions {
  expose?: string[];
  macAddress?: string;
}

/** iptables tables the engine models. */
export type TableName = 'filter' | 'nat';

/** One rule or policy that decided something while a packet crossed a chain. */
export interface RuleHit {
  table: TableName;
  chain: string;
  /** 1-based rule number, 0 = the chain's policy. */
  num: number;
  rule: string;
  action: string;
}

/** The protocols packets are traced for. */
export type Proto = 'icmp' | 'tcp' | 'udp';

/** delivered: reached the destination (and, for tcp, something listens); refused: RST/REJECT; dropped: a rule dropped it
 *  (no answer, timeouts); unreachable: nobody has that address; no-route: the sender has no route (no interface). */
export type Verdict = 'delivered' | 'refused' | 'dropped' | 'unreachable' | 'no-route';

/** One step of a packet's path: a hop, a rule that matched, NAT, delivery or a drop. */
export interface TraceStep {
  kind: 'hop' | 'rule' | 'nat' | 'deliver' | 'drop' | 'proxy';
  text: string;
  hit?: RuleHit;
  /** A rule hit of the reply's check (conntrack ESTABLISHED), not of the packet itself. */
  reply?: boolean;
}

/** A packet's path and fate: what a trace computes and what the last packet keeps of it. */
export interface PacketPath {
  /** Source address the sender used. */
  from: string;
  dst: string;
  proto: Proto;
  dport?: number;
  steps: TraceStep[];
  verdict: Verdict;
  /** Which rule decided a drop, for the explanation. */
  decidedBy?: RuleHit;
}

/** A packet a network tool sent, as plain data: what the packet diagram draws (the session keeps the last one per step). */
export interface PacketRecord extends PacketPath {
  /** Who sent it: the host, or a container's namespace (named as it was then); absent when it had no namespace. */
  sender?: { kind: 'host' } | { kind: 'container'; id: string; name: string };
  to?: { kind: 'container'; id: string; name: string } | { kind: 'host' } | { kind: 'internet' };
}
