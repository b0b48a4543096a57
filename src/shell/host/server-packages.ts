// The packages an Ubuntu 24.04 server in the lessons has installed, Docker Engine's included (host/rootfs.ts lays them
// out); loaded with the package tables when the host is laid out, not with the first page.
import { pkg, table, type Pkg } from '../userland/pkg-data';
import { NOBLE } from '../userland/pkg-deb';
import { DOCKER_REPO, NOBLE_EXTRA } from '../userland/pkg-docker';

/** Tools of an Ubuntu server that the package tables do not list (sizes close to noble's packages). */
const SERVER_EXTRA = table(
  pkg('systemd', '255.4-1ubuntu8.4', 3_475, 9_937, '', '', '/usr/bin systemctl:1388024 journalctl:84816 hostnamectl:35240 timedatectl:47528 loginctl:64024'),
  pkg('iptables', '1.8.10-3ubuntu2', 381, 2_691, '', '', '/usr/sbin xtables-nft-multi:232248 xtables-legacy-multi:98824', {
    links: [['/usr/sbin/iptables', 'xtables-nft-multi'], ['/usr/sbin/iptables-save', 'xtables-nft-multi'], ['/usr/sbin/iptables-restore', 'xtables-nft-multi'], ['/usr/sbin/ip6tables', 'xtables-nft-multi']],
  }),
  pkg('bridge-utils', '1.7.1-1ubuntu2', 33.6, 100, '', '', '/usr/sbin brctl:39264'),
  pkg('file', '1:5.45-3build1', 22.4, 84, '', '', '/usr/bin file:27144'),
  pkg('bsdextrautils', '2.39.3-9ubuntu6.1', 72.6, 343, '', '', '/usr/bin column:43536 hexdump:51464 look:14656 ul:18736 write:19048'),
  pkg('binutils', '2.42-4ubuntu2.3', 18.2, 125, '', '', '/usr/bin strings:35344 objdump:408200 readelf:750112 size:35232'),
);

/** What the server has installed besides the base layer (Docker Engine included: the lessons start with it installed). */
export const INSTALLED = [
  ...['procps', 'psmisc', 'ca-certificates', 'openssl', 'curl', 'wget', 'xxd', 'vim-common', 'vim', 'nano', 'less', 'iputils-ping', 'net-tools', 'iproute2', 'jq', 'sudo', 'netcat-openbsd', 'bind9-host', 'bind9-dnsutils', 'python3.12-minimal', 'python3-minimal', 'python3', 'unzip', 'git'].map((n) => NOBLE[n]),
  ...['gnupg', 'lsb-release'].map((n) => NOBLE_EXTRA[n]),
  ...Object.values(SERVER_EXTRA),
].filter((p): p is Pkg => !!p);

/** Docker Engine's packages, as `apt-get install docker-ce docker-ce-cli containerd.io …` puts them on disk. */
export const DOCKER_PACKAGES: Pkg[] = ['containerd.io', 'docker-ce-cli', 'docker-ce', 'docker-buildx-plugin', 'docker-compose-plugin'].map((n) => DOCKER_REPO[n]);

