// Builds a believable Debian/Ubuntu root filesystem (merged-/usr or classic) from per-release facts.
import type { SeedEntry } from './types';
import { bins, dirs, file, libs, link, links, rootfs } from './fs';

/** /etc/passwd's system users root … list (base-passwd), the same in every Debian and Ubuntu release here. */
export const DEBIAN_PASSWD_HEAD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
`;

export interface DebianRelease {
  /** Debian ≥ 12 and Ubuntu ≥ 22.04 images are merged-/usr: /bin → usr/bin, /sbin → usr/sbin, /lib → usr/lib. */
  mergedUsr: boolean;
  osRelease: string;
  /** Since Debian 9 / Ubuntu 16.04 the real file is /usr/lib/os-release and /etc/os-release links to it. */
  osReleaseInUsrLib: boolean;
  debianVersion: string;
  issue: string;
  passwd: string;
  group: string;
  /** Executables by classic location; merged-/usr releases put 'bin' into /usr/bin and 'sbin' into /usr/sbin. */
  extra?: { bin?: string; sbin?: string; usrBin?: string; usrSbin?: string };
  /** Packages only present in some releases, as [location, package, spec] triples. */
  packages?: [('bin' | 'sbin' | 'usr/bin' | 'usr/sbin'), string, string][];
  /** Docker's apt tweaks (docker-clean …) are in the rootfs; false for 2014-era images, whose Dockerfile added them. */
  dockerAptConf?: boolean;
  files: SeedEntry[];
}

// Essential executables that live in /bin and /sbin on classic (non-merged) systems. Sizes: Debian 12 amd64.
const ROOT_BIN: [string, string][] = [
  ['bash', 'bash:1265648'],
  ['dash', 'dash:125560'],
  ['coreutils', 'cat:44016 chgrp:72752 chmod:64432 chown:72752 cp:151152 date:130224 dd:89552 df:93456 dir:151344 echo:39248 false:35152 ln:68976 ls:151344 mkdir:97584 mknod:64920 mktemp:43312 mv:147088 pwd:39280 readlink:47504 rm:72752 rmdir:51376 sleep:39280 stty:80464 sync:39280 touch:97584 true:35152 uname:39248 vdir:151344'],
  ['grep', 'grep:203152 egrep:41 fgrep:41'],
  ['sed', 'sed:113232'],
  ['gzip', 'gzip:98136 gunzip:2346 zcat:1984 gzexe:6447'],
  ['tar', 'tar:531984'],
  ['hostname', 'hostname:22760'],
  ['mount', 'mount:59704 umount:38968 mountpoint:14488'],
  ['login', 'su:72000 login:71624'],
  ['util-linux', 'more:55480 findmnt:68496 lsblk:133736 dmesg:76648 wdctl:35328'],
  ['debianutils', 'run-parts:22880'],
];
const ROOT_SBIN: [string, string][] = [
  ['util-linux', 'agetty:68712 blkid:30936 blockdev:85528 fsck:51448 losetup:105432 mkfs:14632 mkswap:109336 pivot_root:14632 runuser:63240 sulogin:51464 swapoff:22824 swapon:39208 switch_root:22824 wipefs:38936'],
  ['libc-bin', 'ldconfig:989288'],
  ['dpkg', 'start-stop-daemon:47808'],
  ['sysvinit-utils', 'killall5:22920'],
];
const USR_BIN: [string, string][] = [
  ['coreutils', '[:51472 arch:39248 b2sum:64624 base32:43312 base64:43312 basename:39280 basenc:55664 chcon:72784 cksum:117040 comm:43376 csplit:105952 cut:47440 dircolors:47472 dirname:39248 du:105968 env:47472 expand:43344 expr:109456 factor:76368 fmt:43344 fold:43344 groups:39248 head:47440 hostid:39248 id:47472 install:155344 join:51504 link:39248 logname:39248 md5sum:47408 mkfifo:43344 nice:39248 nl:43344 nohup:39248 nproc:39248 numfmt:68688 od:68848 paste:39280 pathchk:39248 pinky:43376 pr:72784 printenv:39248 printf:55600 ptx:72816 realpath:47504 runcon:39248 seq:51472 sha1sum:47440 sha224sum:47440 sha256sum:47440 sha384sum:51504 sha512sum:51504 shred:60112 shuf:52048 sort:121264 split:56016 stat:80816 stdbuf:51536 sum:43344 tac:43344 tail:68784 tee:43344 test:47472 timeout:43376 tr:51472 truncate:43344 tsort:47504 tty:39248 unexpand:43344 uniq:43344 unlink:39248 users:39248 wc:47472 who:51536 whoami:39248 yes:39248'],
  ['findutils', 'find:224848 xargs:68128'],
  ['diffutils', 'cmp:35024 diff:219992 diff3:56152 sdiff:55704'],
  ['mawk', 'mawk:158776'],
  ['perl-base', 'perl:3951016'],
  ['apt', 'apt:18744 apt-cache:80272 apt-cdrom:22992 apt-config:27024 apt-get:47384 apt-mark:51352'],
  ['gpgv', 'gpgv:326016'],
  ['dpkg', 'dpkg:309720 dpkg-deb:133944 dpkg-divert:121688 dpkg-maintscript-helper:21300 dpkg-query:150160 dpkg-realpath:4960 dpkg-split:113528 dpkg-statoverride:72968 dpkg-trigger:72960 update-alternatives:55400'],
  ['libc-bin', 'getconf:35208 getent:35112 iconv:63912 ldd:5405 locale:59752 localedef:307960 tzselect:15458'],
  ['ncurses-bin', 'clear:14568 infocmp:63240 tic:84024 toe:18760 tput:27192 tset:27232'],
  ['bsdutils', 'logger:39544 renice:14616 script:55488 scriptreplay:35136 wall:31072'],
  ['util-linux', 'chrt:27096 flock:23128 getopt:22744 ionice:14616 ipcs:35344 lscpu:100920 mesg:14616 namei:27040 nsenter:31352 rev:14488 setsid:14680 taskset:27096 unshare:35184 whereis:31112'],
  ['login', 'chage:80416 chfn:70448 chsh:56504 expiry:31048 gpasswd:84120 newgrp:44784 passwd:67984 faillog:22800 lastlog:22824'],
  ['debianutils', 'ischroot:14488 savelog:10518 which.debianutils:1069'],
  ['sensible-utils', 'sensible-browser:1188 sensible-editor:1364 sensible-pager:1133'],
];
const USR_SBIN: [string, string][] = [
  ['coreutils', 'chroot:39248'],
  ['passwd', 'chpasswd:64680 groupadd:85032 groupdel:80944 groupmod:80944 grpck:60632 pwck:56544 useradd:154248 userdel:101376 usermod:142056 vipw:64712 nologin:14656'],
  ['debianutils', 'add-shell:1226 remove-shell:1161'],
  ['init-system-helpers', 'invoke-rc.d:16498 service:10396 update-rc.d:17514'],
  ['base-passwd', 'update-passwd:35608'],
  ['libc-bin', 'iconvconfig:31136 zic:63824'],
  ['tar', 'rmt:60112'],
  ['debconf', 'dpkg-preconfigure:4977 dpkg-reconfigure:4487'],
];

// Library sonames and sizes follow Debian 12; older releases carry older sonames (stand-ins only).
const CORE_LIBS = 'libc.so.6:1922136 ld-linux-x86-64.so.2:210968 libm.so.6:907784 libdl.so.2:14480 libpthread.so.0:14480 libresolv.so.2:68104 libnss_files.so.2:14480 libnss_dns.so.2:14480 libselinux.so.1:166280 libpcre2-8.so.0:629984 libtinfo.so.6:200136 libacl.so.1:35320 libattr.so.1:22768 libz.so.1:121280 liblzma.so.5:166552 libbz2.so.1.0:71896 libgcrypt.so.20:1312400 libgpg-error.so.0:153144 libsystemd.so.0:878752 libcrypt.so.1:202904 libpam.so.0:67800 libcap.so.2:43736 libaudit.so.1:131432 libgcc_s.so.1:125312 libblkid.so.1:219472 libmount.so.1:309880 libuuid.so.1:34872 libsmartcols.so.1:244088 libzstd.so.1:800488 liblz4.so.1:126792';
const USR_LIBS = 'libapt-pkg.so.6.0:2076960 libstdc++.so.6:2190440 libxxhash.so.0:55536 libudev.so.1:227032 libdb-5.3.so:1753768 libgmp.so.10:662752 libnettle.so.8:317144 libhogweed.so.6:309104 libgnutls.so.30:2218936 libseccomp.so.2:141256';

export const DEBIAN_PROFILE = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "$(id -u)" -eq 0 ]; then
  PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
else
  PATH="/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games"
fi
export PATH

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # The file bash.bashrc already sets the default PS1.
    # PS1='\\h:\\w\\$ '
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  else
    if [ "$(id -u)" -eq 0 ]; then
      PS1='# '
    else
      PS1='$ '
    fi
  fi
fi

if [ -d /etc/profile.d ]; then
  for i in /etc/profile.d/*.sh; do
    if [ -r $i ]; then
      . $i
    fi
  done
  unset i
fi
`;

// Abridged: the first part of Debian's /etc/bash.bashrc (the real file goes on with sudo hints and command-not-found).
const BASH_BASHRC = `# System-wide .bashrc file for interactive bash(1) shells.

# To enable the settings / commands in this file for login shells as well,
# this file has to be sourced in /etc/profile.

# If not running interactively, don't do anything
[ -z "$PS1" ] && return

# check the window size after each command and, if necessary,
# update the values of LINES and COLUMNS.
shopt -s checkwinsize

# set variable identifying the chroot you work in (used in the prompt below)
if [ -z "\${debian_chroot:-}" ] && [ -r /etc/debian_chroot ]; then
    debian_chroot=$(cat /etc/debian_chroot)
fi

# set a fancy prompt (non-color, overwrite the one in /etc/profile)
# but only if not SUDOing and have SUDO_PS1 set; then assume smart user.
if ! [ -n "\${SUDO_USER}" -a -n "\${SUDO_PS1}" ]; then
  PS1='\${debian_chroot:+($debian_chroot)}\\u@\\h:\\w\\$ '
fi
`;

const ROOT_BASHRC = `# ~/.bashrc: executed by bash(1) for non-login shells.

# Note: PS1 and umask are already set in /etc/profile. You should not
# need this unless you want different defaults for root.
# PS1='\${debian_chroot:+($debian_chroot)}\\h:\\w\\$ '
# umask 022

# You may uncomment the following lines if you want \`ls' to be colorized:
# export LS_OPTIONS='--color=auto'
# eval "$(dircolors)"
# alias ls='ls $LS_OPTIONS'
# alias ll='ls $LS_OPTIONS -l'
# alias l='ls $LS_OPTIONS -lA'
#
# Some more alias to avoid making mistakes:
# alias rm='rm -i'
# alias cp='cp -i'
# alias mv='mv -i'
`;

const ROOT_PROFILE = `# ~/.profile: executed by Bourne-compatible login shells.

if [ "$BASH" ]; then
  if [ -f ~/.bashrc ]; then
    . ~/.bashrc
  fi
fi

mesg n 2> /dev/null || true
`;

const NSSWITCH = `# /etc/nsswitch.conf
#
# Example configuration of GNU Name Service Switch functionality.
# If you have the \`glibc-doc-reference' and \`info' packages installed, try:
# \`info libc "Name Service Switch"' for information about this file.

passwd:         files
group:          files
shadow:         files
gshadow:        files

hosts:          files dns
networks:       files

protocols:      db files
services:       db files
ethers:         db files
rpc:            db files

netgroup:       nis
`;

// Added to every Debian/Ubuntu image by the image build (debuerreotype / Docker's old mkimage scripts).
const DOCKER_CLEAN = `# Since for most Docker users, package installs happen in "docker build" steps,
# they essentially become individual layers due to the way Docker handles
# layering, especially using CoW filesystems.  What this means for us is that
# the caches that APT keeps end up just wasting space in those layers, making
# our layers unnecessarily large (especially since we'll normally never use
# these caches again and will instead just "docker build" again and make a brand
# new image).

# Ideally, these would just be invoking "apt-get clean", but in our testing,
# that ended up being cyclic and we got stuck on APT's lock, so we get this fun
# creation that's essentially just "apt-get clean".
DPkg::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };
APT::Update::Post-Invoke { "rm -f /var/cache/apt/archives/*.deb /var/cache/apt/archives/partial/*.deb /var/cache/apt/*.bin || true"; };

Dir::Cache::pkgcache "";
Dir::Cache::srcpkgcache "";

# Note that we do realize this isn't the ideal way to do this, and are always
# open to better suggestions (https://github.com/docker/docker/issues).
`;

export const DEBIAN_SHELLS = `# /etc/shells: valid login shells
/bin/sh
/usr/bin/sh
/bin/bash
/usr/bin/bash
/bin/rbash
/usr/bin/rbash
/bin/dash
/usr/bin/dash
`;

/** The whole tree of one Debian-family base layer. */
export function debianRootfs(r: DebianRelease): SeedEntry[] {
  const at = (where: 'bin' | 'sbin' | 'usr/bin' | 'usr/sbin') => (r.mergedUsr && !where.startsWith('usr/') ? `/usr/${where}` : `/${where}`);
  const group = (where: 'bin' | 'sbin' | 'usr/bin' | 'usr/sbin', list: [string, string][]) => list.flatMap(([pkg, spec]) => bins(at(where), pkg, spec));
  const libRoot = r.mergedUsr ? '/usr/lib/x86_64-linux-gnu' : '/lib/x86_64-linux-gnu';
  const osRelease = r.osReleaseInUsrLib
    ? [file('/usr/lib/os-release', r.osRelease), link('/etc/os-release', '../usr/lib/os-release')]
    : [file('/etc/os-release', r.osRelease)];
  const x = r.extra ?? {};
  return rootfs(
    r.mergedUsr
      ? [link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64'),
         link('/usr/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2')]
      : [link('/lib64/ld-linux-x86-64.so.2', '/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2')],
    dirs('/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/root', '/run', '/run/lock', '/srv', '/sys', '/tmp',
      '/usr/games', '/usr/include', '/usr/libexec', '/usr/src', '/usr/local/bin', '/usr/local/etc', '/usr/local/games',
      '/usr/local/include', '/usr/local/lib', '/usr/local/sbin', '/usr/local/share', '/usr/local/src', '/usr/share/doc',
      '/usr/share/keyrings', '/usr/share/man', '/var/backups', '/var/cache/apt/archives/partial', '/var/cache/debconf',
      '/var/cache/ldconfig', '/var/lib/apt/lists/partial', '/var/lib/dpkg/info', '/var/lib/misc', '/var/local', '/var/log/apt',
      '/var/mail', '/var/opt', '/var/spool', '/var/tmp', '/etc/apt/apt.conf.d', '/etc/apt/preferences.d', '/etc/apt/trusted.gpg.d',
      '/etc/apt/sources.list.d', '/etc/dpkg/dpkg.cfg.d', '/etc/default', '/etc/init.d', '/etc/profile.d', '/etc/skel',
      '/etc/security', '/etc/pam.d', '/etc/cron.daily', '/etc/ld.so.conf.d', '/etc/systemd/system'),
    [link('/usr/local/man', 'share/man'), link('/var/run', '/run'), link('/var/lock', '/run/lock'), link('/var/spool/mail', '../mail')],
    group('bin', ROOT_BIN), group('sbin', ROOT_SBIN), group('usr/bin', USR_BIN), group('usr/sbin', USR_SBIN),
    x.bin ? bins(at('bin'), 'extra', x.bin) : [], x.sbin ? bins(at('sbin'), 'extra', x.sbin) : [],
    x.usrBin ? bins('/usr/bin', 'extra', x.usrBin) : [], x.usrSbin ? bins('/usr/sbin', 'extra', x.usrSbin) : [],
    (r.packages ?? []).flatMap(([where, pkg, spec]) => bins(at(where), pkg, spec)),
    [link(`${at('bin')}/sh`, 'dash'), link(`${at('bin')}/rbash`, 'bash'),
     link('/usr/bin/awk', '/etc/alternatives/awk'), link('/usr/bin/nawk', '/etc/alternatives/nawk'),
     link('/usr/bin/which', '/etc/alternatives/which'), link('/usr/bin/pager', '/etc/alternatives/pager'),
     link('/usr/bin/reset', 'tset'), link(`${at('sbin')}/getty`, 'agetty'), link(`${at('sbin')}/pidof`, 'killall5')],
    links('/etc/alternatives', '/usr/bin/mawk', 'awk nawk'),
    [link('/etc/alternatives/which', '/usr/bin/which.debianutils'), link('/etc/alternatives/pager', `${at('bin')}/more`)],
    libs(libRoot, CORE_LIBS), libs('/usr/lib/x86_64-linux-gnu', USR_LIBS),
    osRelease,
    file('/etc/debian_version', r.debianVersion),
    // Docker bind-mounts its own /etc/hostname, /etc/hosts and /etc/resolv.conf at run time; the image's copies are never seen.
    file('/etc/hostname', ''),
    file('/etc/issue', r.issue), file('/etc/issue.net', r.issue.replace(/ \\n \\l\n\n$/, '\n')),
    file('/etc/passwd', r.passwd), file('/etc/group', r.group), file('/etc/shells', DEBIAN_SHELLS),
    file('/etc/profile', DEBIAN_PROFILE), file('/etc/bash.bashrc', BASH_BASHRC), file('/etc/nsswitch.conf', NSSWITCH),
    file('/etc/host.conf', 'multi on\n'), file('/etc/ld.so.conf', 'include /etc/ld.so.conf.d/*.conf\n\n'),
    file('/etc/ld.so.conf.d/x86_64-linux-gnu.conf', '# Multiarch support\n/usr/local/lib/x86_64-linux-gnu\n/lib/x86_64-linux-gnu\n/usr/lib/x86_64-linux-gnu\n'),
    link('/etc/localtime', '/usr/share/zoneinfo/Etc/UTC'), link('/etc/mtab', '../proc/self/mounts'),
    { path: '/usr/share/zoneinfo/Etc/UTC', kind: 'file', content: 'TZif2\n', size: 114 },
    r.dockerAptConf === false ? [] : [file('/etc/apt/apt.conf.d/docker-clean', DOCKER_CLEAN),
      file('/etc/apt/apt.conf.d/docker-autoremove-suggests', '# Since Docker users are looking for the smallest possible final images, the\n# following emerges as a very common pattern:\n\nApt::AutoRemove::SuggestsImportant "false";\n')],
    file('/root/.bashrc', ROOT_BASHRC), file('/root/.profile', ROOT_PROFILE),
    file('/etc/skel/.bashrc', '# ~/.bashrc: executed by bash(1) for non-login shells.\n'), file('/etc/skel/.profile', '# ~/.profile: executed by the command interpreter for login shells.\n'),
    file('/etc/skel/.bash_logout', '# ~/.bash_logout: executed by bash(1) when login shell exits.\n'),
    { path: '/var/lib/dpkg/status', kind: 'file', content: 'Package: base-files\nStatus: install ok installed\nPriority: required\nSection: admin\n', size: 250_000 },
    r.files,
  );
}
