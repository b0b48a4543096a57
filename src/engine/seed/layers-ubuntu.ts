// Ubuntu base layers: 24.04 noble (ubuntu:latest), 18.04 bionic, and the 2014 trusty rootfs under progrium/stress.
import type { SeedLayer } from './types';
import { dir, dirs, exe, file, link } from './fs';
import { DEBIAN_PASSWD_HEAD, debianRootfs } from './debian-family';
import { BOOKWORM_GROUP } from './layers-debian';

// 24.04 images ship a regular user "ubuntu" (uid 1000), new in noble.
export const NOBLE_PASSWD = DEBIAN_PASSWD_HEAD + `irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
ubuntu:x:1000:1000:Ubuntu:/home/ubuntu:/bin/bash
`;

const BIONIC_PASSWD = DEBIAN_PASSWD_HEAD + `irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/usr/sbin/nologin
`;

const TRUSTY_PASSWD = DEBIAN_PASSWD_HEAD + `irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
libuuid:x:100:101::/var/lib/libuuid:
syslog:x:101:104::/home/syslog:/bin/false
`;

const OLD_UBUNTU_GROUP = BOOKWORM_GROUP.replace('src:x:40:\n', 'src:x:40:\ngnats:x:41:\n');

const NOBLE_OS_RELEASE = `PRETTY_NAME="Ubuntu 24.04.1 LTS"
NAME="Ubuntu"
VERSION_ID="24.04"
VERSION="24.04.1 LTS (Noble Numbat)"
VERSION_CODENAME=noble
ID=ubuntu
ID_LIKE=debian
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
UBUNTU_CODENAME=noble
LOGO=ubuntu-logo
`;

const BIONIC_OS_RELEASE = `NAME="Ubuntu"
VERSION="18.04.6 LTS (Bionic Beaver)"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 18.04.6 LTS"
VERSION_ID="18.04"
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
VERSION_CODENAME=bionic
UBUNTU_CODENAME=bionic
`;

const TRUSTY_OS_RELEASE = `NAME="Ubuntu"
VERSION="14.04, Trusty Tahr"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu 14.04 LTS"
VERSION_ID="14.04"
HOME_URL="http://www.ubuntu.com/"
SUPPORT_URL="http://help.ubuntu.com/"
BUG_REPORT_URL="http://bugs.launchpad.net/ubuntu/"
`;

const lsbRelease = (release: string, codename: string, description: string) =>
  `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="${description}"\n`;

const NOBLE_SOURCES = `## See the sources.list(5) manual page for further settings.
Types: deb
URIs: http://archive.ubuntu.com/ubuntu/
Suites: noble noble-updates noble-backports
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg

## Ubuntu security updates. Aside from URIs and Suites,
## this should mirror your choices in the previous section.
Types: deb
URIs: http://security.ubuntu.com/ubuntu/
Suites: noble-security
Components: main universe restricted multiverse
Signed-By: /usr/share/keyrings/ubuntu-archive-keyring.gpg
`;

const NOBLE_SOURCES_LIST = `# Ubuntu sources have moved to the /etc/apt/sources.list.d/ubuntu.sources
# file, which uses the deb822 format. Use deb822-formatted .sources files
# to manage package sources in the /etc/apt/sources.list.d/ directory.
# See the sources.list(5) manual page for details.
`;

/** The classic one-line sources.list of Ubuntu images (18.04 text; `universe` is commented out on 14.04). */
export function ubuntuSourcesList(codename: string, universe: boolean): string {
  const u = universe ? '' : '# ';
  return `# See http://help.ubuntu.com/community/UpgradeNotes for how to upgrade to
# newer versions of the distribution.
deb http://archive.ubuntu.com/ubuntu/ ${codename} main restricted
# deb-src http://archive.ubuntu.com/ubuntu/ ${codename} main restricted

## Major bug fix updates produced after the final release of the
## distribution.
deb http://archive.ubuntu.com/ubuntu/ ${codename}-updates main restricted
# deb-src http://archive.ubuntu.com/ubuntu/ ${codename}-updates main restricted

## N.B. software from this repository is ENTIRELY UNSUPPORTED by the Ubuntu
## team. Also, please note that software in universe WILL NOT receive any
## review or updates from the Ubuntu security team.
${u}deb http://archive.ubuntu.com/ubuntu/ ${codename} universe
# deb-src http://archive.ubuntu.com/ubuntu/ ${codename} universe
${u}deb http://archive.ubuntu.com/ubuntu/ ${codename}-updates universe
# deb-src http://archive.ubuntu.com/ubuntu/ ${codename}-updates universe

## N.B. software from this repository is ENTIRELY UNSUPPORTED by the Ubuntu
## team, and may not be under a free licence. Please satisfy yourself as to
## your rights to use the software. Also, please note that software in
## multiverse WILL NOT receive any review or updates from the Ubuntu
## security team.
deb http://archive.ubuntu.com/ubuntu/ ${codename} multiverse
# deb-src http://archive.ubuntu.com/ubuntu/ ${codename} multiverse
deb http://archive.ubuntu.com/ubuntu/ ${codename}-updates multiverse
# deb-src http://archive.ubuntu.com/ubuntu/ ${codename}-updates multiverse

deb http://security.ubuntu.com/ubuntu/ ${codename}-security main restricted
# deb-src http://security.ubuntu.com/ubuntu/ ${codename}-security main restricted
${u}deb http://security.ubuntu.com/ubuntu/ ${codename}-security universe
# deb-src http://security.ubuntu.com/ubuntu/ ${codename}-security universe
deb http://security.ubuntu.com/ubuntu/ ${codename}-security multiverse
# deb-src http://security.ubuntu.com/ubuntu/ ${codename}-security multiverse
`;
}

const UNMINIMIZE = `#!/bin/sh

set -e

echo "This system has been minimized by removing packages and content that are"
echo "not required on a system that users do not log into."
echo ""
echo "This script restores content and packages that are found on a default"
echo "Ubuntu server system in order to make this system more suitable for"
echo "interactive use."
echo ""
echo "Reinstallation of packages may fail due to changes to the system"
echo "configuration, the presence of third-party packages, or for other"
echo "reasons."
echo ""
echo "This operation may take some time."
echo ""
read -p "Would you like to continue? [y/N]: " REPLY
`; // (abridged: the real script goes on to re-enable docs and reinstall packages)

/**
 * ubuntu:24.04 / noble / latest (noble-2024101x, 24.04.1). Like every Ubuntu image it has no ps (procps),
 * ping (iputils-ping), ip (iproute2), vi, less, curl or wget: learners install them with apt-get.
 */
export const UBUNTU_NOBLE: SeedLayer = {
  key: 'ubuntu-noble-20241011',
  createdBy: '/bin/sh -c #(nop) ADD file:2cd14d5a3a833a145da83ab5c19b1cfee48967282c9bd320c5df88a6a36e1948 in / ',
  size: 78_118_390,
  compressedSize: 29_754_290,
  entries: debianRootfs({
    mergedUsr: true,
    osRelease: NOBLE_OS_RELEASE,
    osReleaseInUsrLib: true,
    debianVersion: 'trixie/sid\n',
    issue: 'Ubuntu 24.04.1 LTS \\n \\l\n\n',
    passwd: NOBLE_PASSWD,
    group: BOOKWORM_GROUP.replace('nogroup:x:65534:\n', 'nogroup:x:65534:\nubuntu:x:1000:\n'),
    files: [
      dir('/etc/apt/keyrings'),
      file('/etc/lsb-release', lsbRelease('24.04', 'noble', 'Ubuntu 24.04.1 LTS')),
      file('/etc/apt/sources.list', NOBLE_SOURCES_LIST),
      file('/etc/apt/sources.list.d/ubuntu.sources', NOBLE_SOURCES),
      { path: '/usr/share/keyrings/ubuntu-archive-keyring.gpg', kind: 'file', content: 'OpenPGP keyring (stand-in)\n', size: 3023 },
      dir('/home/ubuntu', 0o750),
      file('/home/ubuntu/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n'),
      file('/home/ubuntu/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n'),
      file('/home/ubuntu/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\n'),
    ],
  }),
};

/** ubuntu:18.04 / bionic (bionic-20230102, 18.04.6; real blob sizes). Classic /bin layout, no procps. */
export const UBUNTU_BIONIC: SeedLayer = {
  key: 'ubuntu-bionic-20230102',
  createdBy: '/bin/sh -c #(nop) ADD file:132da97f77ddc534ddb931a461d83ac2aa601dd4481360c874eac33b6c3470d9 in / ',
  size: 63_146_040,
  compressedSize: 26_711_442,
  entries: debianRootfs({
    mergedUsr: false,
    osRelease: BIONIC_OS_RELEASE,
    osReleaseInUsrLib: true,
    debianVersion: 'buster/sid\n',
    issue: 'Ubuntu 18.04.6 LTS \\n \\l\n\n',
    passwd: BIONIC_PASSWD,
    group: OLD_UBUNTU_GROUP,
    extra: { bin: 'which:946 tempfile:10376', sbin: 'e2fsck:314264 mke2fs:133720 fdisk:104936 hwclock:56880' },
    files: [
      file('/etc/lsb-release', lsbRelease('18.04', 'bionic', 'Ubuntu 18.04.6 LTS')),
      file('/etc/apt/sources.list', ubuntuSourcesList('bionic', true)),
      exe('/usr/local/sbin/unminimize', UNMINIMIZE),
      file('/etc/dpkg/dpkg.cfg.d/excludes', '# Drop all man pages\npath-exclude=/usr/share/man/*\n\n# Drop all translations\npath-exclude=/usr/share/locale/*/LC_MESSAGES/*.mo\n\n# Drop all documentation ...\npath-exclude=/usr/share/doc/*\n'),
    ],
  }),
};

/**
 * The ubuntu:14.04 rootfs of mid-2014 that progrium/stress was built on. Those images were cut from
 * ubuntu-core + ubuntu-minimal, so (unlike today's) they did have ps, ping, ip, ifconfig, vi and less;
 * package set and sizes are from memory of that era, not verified.
 */
export const UBUNTU_TRUSTY_2014: SeedLayer = {
  key: 'ubuntu-trusty-20140612',
  createdBy: '/bin/sh -c #(nop) ADD file:c18ab1041ae9575febbb891b905e12f9b1063a4e8a5bea66fe0ea2803c04e923 in /',
  size: 192_470_541,
  compressedSize: 65_767_427,
  entries: debianRootfs({
    mergedUsr: false,
    osRelease: TRUSTY_OS_RELEASE,
    osReleaseInUsrLib: false,
    debianVersion: 'jessie/sid\n',
    issue: 'Ubuntu 14.04 LTS \\n \\l\n\n',
    passwd: TRUSTY_PASSWD,
    group: OLD_UBUNTU_GROUP,
    dockerAptConf: false,
    extra: { bin: 'which:946 tempfile:10376', sbin: 'e2fsck:256288 mke2fs:97072 fdisk:267688 hwclock:47072' },
    packages: [
      ['bin', 'procps', 'ps:93232 kill:18856'],
      ['usr/bin', 'procps', 'top:97320 free:14840 pgrep:23016 pkill:23016 uptime:10352 vmstat:31488 w:18920 watch:23192 pmap:19080'],
      ['bin', 'iputils-ping', 'ping:44168 ping6:44168'],
      ['bin', 'net-tools', 'netstat:119624'],
      ['sbin', 'net-tools', 'ifconfig:68040 route:56624'],
      ['sbin', 'iproute2', 'ip:306432'],
      ['sbin', 'upstart', 'initctl:178528 init:265848'],
      ['usr/bin', 'vim-tiny', 'vim.tiny:884360'],
      ['usr/bin', 'less', 'less:154056'],
      ['usr/bin', 'sudo', 'sudo:155008'],
    ],
    files: [
      link('/usr/bin/vi', '/etc/alternatives/vi'), link('/etc/alternatives/vi', '/usr/bin/vim.tiny'),
      file('/etc/lsb-release', lsbRelease('14.04', 'trusty', 'Ubuntu 14.04 LTS')),
      file('/etc/apt/sources.list', ubuntuSourcesList('trusty', false)),
      ...dirs('/etc/init', '/var/lib/sudo'),
    ],
  }),
};
