// The simulated daemon's version facts, as `docker version` shows them (Engine 27).
/** Daemon version facts, as `docker version` shows them (Engine 27). */
export const VERSION = {
  version: '27.5.1',
  apiVersion: '1.47',
  minApiVersion: '1.24',
  goVersion: 'go1.22.11',
  gitCommit: '4c9b3b0',
  cliCommit: '9f9e405',
  built: 'Wed Jan 22 13:41:48 2025',
  os: 'linux',
  arch: 'amd64',
  containerd: { version: '1.7.25', commit: 'bcc810d6b9066471b0b6fa75f557a15a1cbf31bb' },
  runc: { version: '1.2.4', commit: 'v1.2.4-0-g6c52b3f' },
  init: { version: '0.19.0', commit: 'de40ad0' },
} as const;
