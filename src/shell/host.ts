// The simulated Docker host's own files and environment (an Ubuntu machine with Docker Engine installed).
export const HOST_NAME = 'dockerlings';

export const HOST_ENV: Record<string, string> = {
  HOME: '/root',
  USER: 'root',
  LOGNAME: 'root',
  SHELL: '/bin/bash',
  HOSTNAME: HOST_NAME,
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  LANG: 'C.UTF-8',
  TERM: 'xterm-256color',
};

export const HOST_FILES: Record<string, string> = {
  '/etc/hostname': `${HOST_NAME}\n`,
  '/etc/hosts': `127.0.0.1 localhost\n127.0.1.1 ${HOST_NAME}\n\n# The following lines are desirable for IPv6 capable hosts\n::1     ip6-localhost ip6-loopback\nfe00::0 ip6-localnet\nff00::0 ip6-mcastprefix\nff02::1 ip6-allnodes\nff02::2 ip6-allrouters\n`,
  '/etc/os-release':
    'PRETTY_NAME="Ubuntu 24.04.1 LTS"\nNAME="Ubuntu"\nVERSION_ID="24.04"\nVERSION="24.04.1 LTS (Noble Numbat)"\nVERSION_CODENAME=noble\nID=ubuntu\nID_LIKE=debian\nHOME_URL="https://www.ubuntu.com/"\nSUPPORT_URL="https://help.ubuntu.com/"\nBUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"\nPRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"\nUBUNTU_CODENAME=noble\nLOGO=ubuntu-logo\n',
  '/etc/docker/daemon.json': '{}\n',
  '/root/.bashrc': '# ~/.bashrc: executed by bash(1) for non-login shells.\n',
};

export const HOST_DIRS = ['/root', '/tmp', '/home', '/var/lib/docker', '/etc/docker'];
