// Network entities of the simulated daemon: networks with IPAM, container endpoints, published ports.

export interface IpamConfig {
  Subnet: string;
  Gateway: string;
  IPRange?: string;
}

export interface Network {
  id: string; // 64 hex
  name: string;
  driver: 'bridge' | 'host' | 'null';
  created: number;
  internal: boolean;
  attachable: boolean;
  enableIPv6: boolean;
  /** IPAM config; userConfigured = created with --subnet (needed for --ip). */
  ipam: { options: Record<string, string> | null; config: IpamConfig[]; userConfigured: boolean };
  options: Record<string, string>;
  labels: Record<string, string>;
  /** Linux bridge device: docker0, br-<12hex>; '' for host/none. */
  bridge: string;
}

/** A container's attachment to one network (exists while the container exists; addressed while running). */
export interface Endpoint {
  networkId: string;
  endpointId: string; // 64 hex, '' while the container is stopped
  /** Address while running ('' when stopped); ipamAddress is the --ip the user asked for. */
  ip: string;
  ipamAddress: string;
  mac: string;
  aliases: string[];
  /** Interface name inside the container: eth0, eth1 … in connection order. */
  iface: string;
}

/** A published port binding in effect (host side), for `docker port`, ps PORTS and DNAT rules. */
export interface PortMapping {
  containerPort: number;
  proto: 'tcp' | 'udp' | 'sctp';
  hostIp: string; // '0.0.0.0' or '::' or a given address
  hostPort: number;
}
