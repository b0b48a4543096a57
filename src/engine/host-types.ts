// The Docker host's own state when a lesson starts before Docker is installed: packages, systemd units, the docker group, the daemon's config.

/** One systemd unit as `systemctl` reports it. */
export interface HostUnit {
  /** `systemctl enable`d (starts at boot). */
  enabled: boolean;
  active: 'active' | 'inactive' | 'failed';
  /** When it entered its current state (simulated ms). */
  since: number;
  /** Main PID while active (0 otherwise). */
  pid: number;
}

/** What dockerd read from /etc/docker/daemon.json when it last started. */
export interface DaemonConfig {
  registryMirrors: string[];
  insecureRegistries: string[];
  /** `bip`: docker0's address and prefix (`192.168.200.1/24`). */
  bip?: string;
  /** `default-address-pools`: where new networks' subnets come from. */
  pools?: { base: string; size: number }[];
  /** Sockets the daemon listens on besides the systemd one (`hosts`). */
  hosts: string[];
}

/** One line of the systemd journal (journalctl -u UNIT). */
export interface JournalLine {
  time: number;
  unit: string;
  /** The process that logged it (`systemd[1]`, `dockerd[2345]`). */
  ident: string;
  text: string;
}

/**
 * A host that starts without Docker (a lesson's `host: bare`). Absent: Docker is installed, running and used as root,
 * as every other lesson assumes.
 */
export interface HostState {
  /** The terminal's login user. */
  user: string;
  /** Docker's packages installed so far (docker-ce, docker-ce-cli, containerd.io …). */
  packages: string[];
  /** docker.service, docker.socket, containerd.service once installed. */
  units: Record<string, HostUnit>;
  /** The docker group in /etc/group (null until created): its gid and members. */
  dockerGroup: { gid: number; members: string[] } | null;
  /** The groups the login shell's processes carry: fixed at login, `newgrp` starts a shell with the current ones. */
  shellGroups: string[];
  /** The groups of the shells `newgrp` left waiting under the current one (innermost last): `exit` returns to them. */
  outerShells?: string[][];
  /** The configuration the running (or last started) daemon loaded. */
  config: DaemonConfig;
  journal: JournalLine[];
}
