// More base layers learners type: ubuntu 20.04 focal and 22.04 jammy, debian 12 bookworm (full) and 11 bullseye (full, slim), rockylinux 9.
import type { SeedLayer } from './types';
import { bins, dir, dirs, file, libs, link, rootfs } from './fs';
import { DEBIAN_PASSWD_HEAD, debianRootfs } from './debian-family';
import { BOOKWORM_GROUP, BOOKWORM_PASSWD } from './layers-debian';

const ubuntuOs = (version: string, full: string, name: string, codename: string) => `NAME="Ubuntu"
VERSION="${full} (${name})"
ID=ubuntu
ID_LIKE=debian
PRETTY_NAME="Ubuntu ${full}"
VERSION_ID="${version}"
HOME_URL="https://www.ubuntu.com/"
SUPPORT_URL="https://help.ubuntu.com/"
BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"
PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"
VERSION_CODENAME=${codename}
UBUNTU_CODENAME=${codename}
`;
const lsb = (release: string, codename: string, description: string) => `DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=${release}\nDISTRIB_CODENAME=${codename}\nDISTRIB_DESCRIPTION="${description}"\n`;
const UBUNTU_PASSWD = DEBIAN_PASSWD_HEAD + 'irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin\ngnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n_apt:x:100:65534::/nonexistent:/usr/sbin/nologin\n';
const OLD_GROUP = BOOKWORM_GROUP.replace('src:x:40:\n', 'src:x:40:\ngnats:x:41:\n');
const ubuntuSources = (c: string) => `deb http://archive.ubuntu.com/ubuntu/ ${c} main restricted\ndeb http://archive.ubuntu.com/ubuntu/ ${c}-updates main restricted\ndeb http://archive.ubuntu.com/ubuntu/ ${c} universe\ndeb http://archive.ubuntu.com/ubuntu/ ${c}-updates universe\ndeb http://archive.ubuntu.com/ubuntu/ ${c} multiverse\ndeb http://archive.ubuntu.com/ubuntu/ ${c}-backports main restricted universe multiverse\ndeb http://security.ubuntu.com/ubuntu/ ${c}-security main restricted\ndeb http://security.ubuntu.com/ubuntu/ ${c}-security universe\n`;

/** ubuntu:22.04 / jammy (jammy-20241017, 22.04.5 LTS). */
export const UBUNTU_JAMMY: SeedLayer = {
  key: 'ubuntu-jammy-20241017',
  createdBy: '/bin/sh -c #(nop) ADD file:a5d32dc2ab15ff0d7fd1b6a43d8b9e1ab6a5c1b3f5d0a2d6c35d4e7b0c2e9f51 in / ',
  size: 77_863_446,
  compressedSize: 29_536_856,
  entries: debianRootfs({
    mergedUsr: true, osRelease: ubuntuOs('22.04', '22.04.5 LTS', 'Jammy Jellyfish', 'jammy'), osReleaseInUsrLib: true, debianVersion: 'bookworm/sid\n',
    issue: 'Ubuntu 22.04.5 LTS \\n \\l\n\n', passwd: UBUNTU_PASSWD, group: OLD_GROUP,
    files: [file('/etc/lsb-release', lsb('22.04', 'jammy', 'Ubuntu 22.04.5 LTS')), file('/etc/apt/sources.list', ubuntuSources('jammy'))],
  }),
};

/** ubuntu:20.04 / focal (focal-20241011, 20.04.6 LTS). */
export const UBUNTU_FOCAL: SeedLayer = {
  key: 'ubuntu-focal-20241011',
  createdBy: '/bin/sh -c #(nop) ADD file:7486147a645d8835a5181c79f00a3606c6b714c83bcbfcd8862221eb14690f9e in / ',
  size: 72_811_904,
  compressedSize: 27_510_582,
  entries: debianRootfs({
    mergedUsr: true, osRelease: ubuntuOs('20.04', '20.04.6 LTS', 'Focal Fossa', 'focal'), osReleaseInUsrLib: true, debianVersion: 'bullseye/sid\n',
    issue: 'Ubuntu 20.04.6 LTS \\n \\l\n\n', passwd: UBUNTU_PASSWD, group: OLD_GROUP,
    files: [file('/etc/lsb-release', lsb('20.04', 'focal', 'Ubuntu 20.04.6 LTS')), file('/etc/apt/sources.list', ubuntuSources('focal'))],
  }),
};

const debianOs = (v: string, codename: string) => `PRETTY_NAME="Debian GNU/Linux ${v} (${codename})"\nNAME="Debian GNU/Linux"\nVERSION_ID="${v}"\nVERSION="${v} (${codename})"\nVERSION_CODENAME=${codename}\nID=debian\nHOME_URL="https://www.debian.org/"\nSUPPORT_URL="https://www.debian.org/support"\nBUG_REPORT_URL="https://bugs.debian.org/"\n`;
const BOOKWORM_SOURCES = 'Types: deb\n# http://snapshot.debian.org/archive/debian/20241111T000000Z\nURIs: http://deb.debian.org/debian\nSuites: bookworm bookworm-updates\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\nTypes: deb\n# http://snapshot.debian.org/archive/debian-security/20241111T000000Z\nURIs: http://deb.debian.org/debian-security\nSuites: bookworm-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n';
const BULLSEYE_SOURCES = '# deb http://snapshot.debian.org/archive/debian/20241111T000000Z bullseye main\ndeb http://deb.debian.org/debian bullseye main\n# deb http://snapshot.debian.org/archive/debian-security/20241111T000000Z bullseye-security main\ndeb http://deb.debian.org/debian-security bullseye-security main\n# deb http://snapshot.debian.org/archive/debian/20241111T000000Z bullseye-updates main\ndeb http://deb.debian.org/debian bullseye-updates main\n';
const BULLSEYE_PASSWD = DEBIAN_PASSWD_HEAD + 'irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin\ngnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n_apt:x:100:65534::/nonexistent:/usr/sbin/nologin\n';

/** debian:bookworm (12.8, full): the slim variant plus man pages, docs and locales. */
export const DEBIAN_BOOKWORM_FULL: SeedLayer = {
  key: 'debian-bookworm-20241111',
  createdBy: 'ADD rootfs.tar.xz / # buildkit',
  size: 116_509_032,
  compressedSize: 48_494_272,
  entries: debianRootfs({
    mergedUsr: true, osRelease: debianOs('12', 'bookworm'), osReleaseInUsrLib: true, debianVersion: '12.8\n', issue: 'Debian GNU/Linux 12 \\n \\l\n\n',
    passwd: BOOKWORM_PASSWD, group: BOOKWORM_GROUP,
    files: [dir('/etc/apt/keyrings'), file('/etc/apt/sources.list.d/debian.sources', BOOKWORM_SOURCES), dirs('/usr/share/man/man1', '/usr/share/doc/bash', '/usr/share/locale/de'),
      { path: '/usr/share/keyrings/debian-archive-keyring.gpg', kind: 'file' as const, content: 'OpenPGP keyring (stand-in)\n', size: 8700 }].flat(),
  }),
};

const bullseye = (slim: boolean): SeedLayer => ({
  key: slim ? 'debian-bullseye-slim-20241111' : 'debian-bullseye-20241111',
  createdBy: 'ADD rootfs.tar.xz / # buildkit',
  size: slim ? 80_582_904 : 124_061_932,
  compressedSize: slim ? 31_428_470 : 53_739_017,
  entries: debianRootfs({
    mergedUsr: false, osRelease: debianOs('11', 'bullseye'), osReleaseInUsrLib: true, debianVersion: '11.11\n', issue: 'Debian GNU/Linux 11 \\n \\l\n\n',
    passwd: BULLSEYE_PASSWD, group: OLD_GROUP,
    files: [file('/etc/apt/sources.list', BULLSEYE_SOURCES), ...(slim ? [file('/etc/dpkg/dpkg.cfg.d/docker', '# This is the "slim" variant of the Debian base image.\npath-exclude /usr/share/doc/*\npath-exclude /usr/share/man/*\n')] : dirs('/usr/share/man/man1', '/usr/share/doc/bash')),
      { path: '/usr/share/keyrings/debian-archive-keyring.gpg', kind: 'file', content: 'OpenPGP keyring (stand-in)\n', size: 8700 }],
  }),
});
export const DEBIAN_BULLSEYE = bullseye(false);
export const DEBIAN_BULLSEYE_SLIM = bullseye(true);

const ROCKY_OS = 'NAME="Rocky Linux"\nVERSION="9.3 (Blue Onyx)"\nID="rocky"\nID_LIKE="rhel centos fedora"\nVERSION_ID="9.3"\nPLATFORM_ID="platform:el9"\nPRETTY_NAME="Rocky Linux 9.3 (Blue Onyx)"\nANSI_COLOR="0;32"\nLOGO="fedora-logo-icon"\nCPE_NAME="cpe:/o:rocky:rocky:9::baseos"\nHOME_URL="https://rockylinux.org/"\nBUG_REPORT_URL="https://bugs.rockylinux.org/"\nSUPPORT_END="2032-05-31"\nROCKY_SUPPORT_PRODUCT="Rocky-Linux-9"\nROCKY_SUPPORT_PRODUCT_VERSION="9.3"\nREDHAT_SUPPORT_PRODUCT="Rocky Linux"\nREDHAT_SUPPORT_PRODUCT_VERSION="9.3"\n';
const B = '/usr/bin';

/** rockylinux:9 (9.3.20231119, the last build of the Docker Hub official image): dnf, bash, coreutils, procps-ng. */
export const ROCKYLINUX_9: SeedLayer = {
  key: 'rockylinux-9.3.20231119',
  createdBy: '/bin/sh -c #(nop) ADD file:2e5c1e2a85f5f3c8d0e0b5f3b1d7a8c6e4f2a0b8d6c4e2f0a8b6d4c2e0f8a6b4 in / ',
  size: 176_155_648,
  compressedSize: 68_849_526,
  entries: rootfs(
    [link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64')],
    dirs('/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/tmp', '/usr/local/bin', '/usr/local/sbin', '/var/cache/dnf', '/var/lib/dnf', '/var/log', '/var/tmp', '/etc/yum.repos.d', '/etc/dnf'),
    { path: '/root', kind: 'dir', mode: 0o550 }, [link('/var/run', '../run')],
    bins(B, 'bash', 'bash:1389064'), link(`${B}/sh`, 'bash'),
    bins(B, 'coreutils', 'cat:41048 chmod:65616 chown:69808 cp:157808 cut:49712 date:110800 df:94928 echo:37456 env:45752 false:33232 head:45744 id:41624 ln:66544 ls:145416 mkdir:78536 mv:149432 pwd:37528 rm:74720 rmdir:49592 sleep:37488 sort:120616 tail:74728 touch:103568 true:33232 uname:37488 wc:45808 whoami:37472'),
    bins(B, 'grep', 'grep:171240'), bins(B, 'sed', 'sed:117848'), bins(B, 'gawk', 'gawk:722408'), link(`${B}/awk`, 'gawk'),
    bins(B, 'dnf', 'dnf-3:2040'), link(`${B}/dnf`, 'dnf-3'), link(`${B}/yum`, 'dnf-3'), bins(B, 'rpm', 'rpm:24184'),
    bins(B, 'procps-ng', 'ps:137688 top:133728 free:28640'), bins(B, 'findutils', 'find:282456 xargs:66848'), bins(B, 'curl', 'curl:239960'),
    bins(B, 'tar', 'tar:527416'), bins(B, 'gzip', 'gzip:99576'), bins(B, 'hostname', 'hostname:24896'),
    bins('/usr/sbin', 'shadow-utils', 'useradd:140000 groupadd:70000'),
    libs('/usr/lib64', 'libc.so.6:2494008 ld-linux-x86-64.so.2:873080 libm.so.6:915768 libselinux.so.1:175760 libz.so.1:99128 libcrypto.so.3:4572008'),
    file('/etc/os-release', ROCKY_OS), file('/etc/rocky-release', 'Rocky Linux release 9.3 (Blue Onyx)\n'),
    link('/etc/redhat-release', 'rocky-release'), link('/etc/system-release', 'rocky-release'),
    file('/etc/hostname', ''), file('/etc/passwd', 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n'),
    file('/etc/group', 'root:x:0:\nbin:x:1:\ndaemon:x:2:\nwheel:x:10:\nusers:x:100:\nnobody:x:65534:\n'),
    file('/etc/yum.repos.d/rocky.repo', '[baseos]\nname=Rocky Linux $releasever - BaseOS\nmirrorlist=https://mirrors.rockylinux.org/mirrorlist?arch=$basearch&repo=BaseOS-$releasever$rltype\ngpgcheck=1\nenabled=1\n'),
    file('/etc/dnf/dnf.conf', '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\ntsflags=nodocs\n'),
  ),
};
