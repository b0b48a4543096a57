// yum's package data: CentOS 7.9.2009 base/updates/extras (nginx and htop live in EPEL, which the image lacks).
import { pkg, table } from './pkg-data';

const X = (repo: string) => ({ arch: 'x86_64', repo });
const N = (repo: string) => ({ arch: 'noarch', repo });

export const CENTOS7_PKGS = table(
  pkg('wget', '1.14-18.el7_6.1', 547, 2_055, '', '', '/usr/bin wget:424304', X('base')),
  pkg('net-tools', '2.0-0.25.20131004git.el7', 306, 918, '', '', '/usr/bin netstat:155008 | /usr/sbin ifconfig:80496 route:69040 arp:61008', X('base')),
  pkg('libmnl', '1.0.3-7.el7', 23, 51, '', '', '', X('base')),
  pkg('libnetfilter_conntrack', '1.0.6-1.el7_3', 55, 146, 'libmnl libnfnetlink', '', '', X('base')),
  pkg('libnfnetlink', '1.0.1-4.el7', 26, 51, '', '', '', X('base')),
  pkg('iptables', '1.4.21-35.el7', 432, 1_556, 'libnetfilter_conntrack libnfnetlink', '', '/usr/sbin iptables:86504', X('base')),
  pkg('iproute', '4.11.0-30.el7', 803, 2_243, 'libmnl iptables', '', '/usr/sbin ip:506928 ss:131400 tc:474064', X('base')),
  pkg('iputils', '20160308-10.el7', 148, 343, '', '', '/usr/bin ping:66176 tracepath:15632', X('base')),
  pkg('which', '2.20-7.el7', 41, 75, '', '', '/usr/bin which:20008', X('base')),
  pkg('tree', '1.6.0-10.el7', 46, 87, '', '', '/usr/bin tree:62744', X('base')),
  pkg('nano', '2.3.1-10.el7', 440, 1_607, '', '', '/usr/bin nano:206904', X('base')),
  pkg('gpm-libs', '1.20.7-6.el7', 32, 65, '', '', '', X('base')),
  pkg('perl', '4:5.16.3-299.el7_9', 8_050, 23_544, 'perl-libs', '', '/usr/bin perl:11520', X('updates')),
  pkg('perl-libs', '4:5.16.3-299.el7_9', 690, 1_648, '', '', '', X('updates')),
  pkg('vim-filesystem', '2:7.4.629-8.el7_9', 11, 0, '', '', '', X('updates')),
  pkg('vim-common', '2:7.4.629-8.el7_9', 5_977, 21_848, 'vim-filesystem', '', '', X('updates')),
  pkg('vim-enhanced', '2:7.4.629-8.el7_9', 1_102, 2_278, 'vim-common gpm-libs perl which', '', '/usr/bin vim:2289640', X('updates')),
  pkg('less', '458-10.el7_9', 120, 212, '', '', '/usr/bin less:158240', X('updates')),
  pkg('rsync', '3.1.2-12.el7_9', 408, 815, '', '', '/usr/bin rsync:432136', X('updates')),
  pkg('perl-Error', '1:0.17020-2.el7', 32, 50, 'perl', '', '', N('base')),
  pkg('perl-Git', '1.8.3.1-25.el7_9', 56, 59, 'perl perl-Error', '', '', N('updates')),
  pkg('git', '1.8.3.1-25.el7_9', 4_402, 22_302, 'perl-Git rsync less', '', '/usr/bin git:1462312', X('updates')),
  pkg('libtirpc', '0.2.4-0.16.el7', 89, 195, '', '', '', X('base')),
  pkg('python3-setuptools', '39.2.0-10.el7', 629, 3_000, '', '', '', N('base')),
  pkg('python3-pip', '9.0.3-8.el7', 1_600, 8_000, 'python3-setuptools', '', '/usr/bin pip3:407', N('base')),
  pkg('python3-libs', '3.6.8-21.el7_9', 7_000, 32_000, 'libtirpc', '', '', X('updates')),
  pkg('python3', '3.6.8-21.el7_9', 71, 39, 'python3-libs python3-pip python3-setuptools', '', '/usr/bin python3.6:11408', { ...X('updates'), links: [['/usr/bin/python3', 'python3.6']] }),
  pkg('telnet', '1:0.17-66.el7', 64, 113, '', '', '/usr/bin telnet:124600', X('updates')),
  pkg('unzip', '6.0-24.el7_9', 172, 369, '', '', '/usr/bin unzip:186784', X('updates')),
  pkg('bind-libs-lite', '32:9.11.4-26.P2.el7_9.16', 1_200, 3_100, '', '', '', X('updates')),
  pkg('bind-libs', '32:9.11.4-26.P2.el7_9.16', 158, 565, 'bind-libs-lite', '', '', X('updates')),
  pkg('bind-utils', '32:9.11.4-26.P2.el7_9.16', 262, 583, 'bind-libs', '', '/usr/bin dig:231824 host:113968 nslookup:115416', X('updates')),
  pkg('epel-release', '7-11', 15, 24, '', '', '', N('extras')),
  pkg('sudo', '1.8.23-10.el7_9.3', 843, 3_100, '', '', '/usr/bin sudo:147320', X('updates')),
);

/** Already in the centos:7 image ("already installed and latest version"). */
export const CENTOS7_BASE: Record<string, string> = {
  bash: '4.2.46-34.el7', coreutils: '8.22-24.el7_9.2', curl: '7.29.0-59.el7_9.1', 'procps-ng': '3.3.10-28.el7', yum: '3.4.3-168.el7.centos',
  rpm: '4.11.3-45.el7', 'vim-minimal': '2:7.4.629-8.el7_9', hostname: '3.13-3.el7_7.1', findutils: '1:4.5.11-6.el7', grep: '2.20-3.el7',
  sed: '4.2.2-7.el7', tar: '2:1.26-35.el7', gzip: '1.5-11.el7_9', 'util-linux': '2.23.2-65.el7_9.1', 'centos-release': '7-9.2009.0.el7.centos',
  python: '2.7.5-90.el7', systemd: '219-78.el7_9.9', openssl: '1:1.0.2k-26.el7_9',
};
