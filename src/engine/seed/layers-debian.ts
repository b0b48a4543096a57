// Debian base layers: bookworm-slim (under nginx, httpd and redis) and jessie-slim (under mongo:3.2).
import type { SeedLayer } from './types';
import { dir, file } from './fs';
import { DEBIAN_PASSWD_HEAD, debianRootfs } from './debian-family';

export const BOOKWORM_PASSWD = DEBIAN_PASSWD_HEAD + `irc:x:39:39:ircd:/run/ircd:/usr/sbin/nologin
_apt:x:42:65534::/nonexistent:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
`;

export const BOOKWORM_GROUP = `root:x:0:
daemon:x:1:
bin:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mail:x:8:
news:x:9:
uucp:x:10:
man:x:12:
proxy:x:13:
kmem:x:15:
dialout:x:20:
fax:x:21:
voice:x:22:
cdrom:x:24:
floppy:x:25:
tape:x:26:
sudo:x:27:
audio:x:29:
dip:x:30:
www-data:x:33:
backup:x:34:
operator:x:37:
list:x:38:
irc:x:39:
src:x:40:
shadow:x:42:
utmp:x:43:
video:x:44:
sasl:x:45:
plugdev:x:46:
staff:x:50:
games:x:60:
users:x:100:
nogroup:x:65534:
`;

const BOOKWORM_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
VERSION="12 (bookworm)"
VERSION_CODENAME=bookworm
ID=debian
HOME_URL="https://www.debian.org/"
SUPPORT_URL="https://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

// debuerreotype writes deb822 sources pinned (in a comment) to the snapshot the image was built from.
const BOOKWORM_SOURCES = `Types: deb
# http://snapshot.debian.org/archive/debian/20241111T000000Z
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
# http://snapshot.debian.org/archive/debian-security/20241111T000000Z
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
`;

// Slim variant: dpkg keeps docs, man pages and locales out (abridged from debuerreotype's slimify list).
const SLIM_DPKG_CFG = `# This is the "slim" variant of the Debian base image.
# Many files which are normally unnecessary in containers are excluded,
# and this configuration file keeps them that way.

path-exclude /usr/share/doc/*
# we need to keep copyright files for legal reasons
path-include /usr/share/doc/*/copyright

path-exclude /usr/share/groff/*
path-exclude /usr/share/info/*
path-exclude /usr/share/linda/*
path-exclude /usr/share/lintian/overrides/*
path-exclude /usr/share/locale/*
path-exclude /usr/share/man/*
`;

/**
 * debian:bookworm-slim as of bookworm-20241111 (Debian 12.8). In Nov 2024 the docker-library images
 * recorded this step as a BuildKit `ADD rootfs.tar.xz /` followed by `CMD ["bash"]` (repo-info, redis:7-bookworm);
 * from 2025 the history shows `# debian.sh --arch 'amd64' out/ 'bookworm' '@…'` (debuerreotype 0.15) instead.
 * Compressed size is the real blob (sha256:2d429b9e73a6…); uncompressed is `docker history`'s 74.8MB.
 */
export const DEBIAN_BOOKWORM_SLIM: SeedLayer = {
  key: 'debian-bookworm-slim-20241111',
  createdBy: 'ADD rootfs.tar.xz / # buildkit',
  size: 74_781_493,
  compressedSize: 29_127_995,
  entries: debianRootfs({
    mergedUsr: true,
    osRelease: BOOKWORM_OS_RELEASE,
    osReleaseInUsrLib: true,
    debianVersion: '12.8\n',
    issue: 'Debian GNU/Linux 12 \\n \\l\n\n',
    passwd: BOOKWORM_PASSWD,
    group: BOOKWORM_GROUP,
    files: [
      dir('/etc/apt/keyrings'),
      file('/etc/apt/sources.list.d/debian.sources', BOOKWORM_SOURCES),
      file('/etc/dpkg/dpkg.cfg.d/docker', SLIM_DPKG_CFG),
      { path: '/usr/share/keyrings/debian-archive-keyring.gpg', kind: 'file', content: 'OpenPGP keyring (stand-in)\n', size: 8700 },
    ],
  }),
};

export const JESSIE_PASSWD = DEBIAN_PASSWD_HEAD + `irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/bin/false
`;

export const JESSIE_GROUP = BOOKWORM_GROUP.replace('src:x:40:\n', 'src:x:40:\ngnats:x:41:\n');

const JESSIE_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 8 (jessie)"
NAME="Debian GNU/Linux"
VERSION_ID="8"
VERSION="8 (jessie)"
ID=debian
HOME_URL="http://www.debian.org/"
SUPPORT_URL="http://www.debian.org/support"
BUG_REPORT_URL="https://bugs.debian.org/"
`;

/** debian:jessie-slim (Debian 8.11, late 2018), the base of the last mongo:3.2 images. Sizes approximate. */
export const DEBIAN_JESSIE_SLIM: SeedLayer = {
  key: 'debian-jessie-slim-20181112',
  createdBy: '/bin/sh -c #(nop) ADD file:09e7025990be7a1f2625d0adb3ab8d2d2dfacad444dc7ae511bd002a63354805 in / ',
  size: 79_208_460,
  compressedSize: 30_110_382,
  entries: debianRootfs({
    mergedUsr: false,
    osRelease: JESSIE_OS_RELEASE,
    osReleaseInUsrLib: false,
    debianVersion: '8.11\n',
    issue: 'Debian GNU/Linux 8 \\n \\l\n\n',
    passwd: JESSIE_PASSWD,
    group: JESSIE_GROUP,
    // jessie still shipped e2fsprogs, fdisk and debianutils' /bin/which and /bin/tempfile in the base system
    extra: { bin: 'which:946 tempfile:10376', sbin: 'e2fsck:288040 mke2fs:129008 fdisk:275768 hwclock:60232' },
    files: [
      file('/etc/apt/sources.list', 'deb http://deb.debian.org/debian jessie main\ndeb http://security.debian.org/debian-security jessie/updates main\ndeb http://deb.debian.org/debian jessie-updates main\n'),
    ],
  }),
};
