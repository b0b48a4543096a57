// Alpine minirootfs base layers (3.20.3 shared by alpine/nginx:alpine/redis:alpine; 3.18.9 under registry:2) and busybox.
import type { SeedEntry, SeedLayer } from './types';
import { bin, dirs, file, lib, link, links, rootfs } from './fs';

// busybox applets as Alpine links them (all → /bin/busybox), by directory.
const APPLETS: Record<string, string> = {
  '/bin': 'arch ash base64 bbconfig cat chattr chgrp chmod chown cp date dd df dmesg dnsdomainname dumpkmap echo egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lsattr lzop makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv setserial sh sleep stat stty su sync tar touch true umount uname usleep watch zcat',
  '/sbin': 'acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh iproute iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat mkswap modinfo modprobe nameif nologin pivot_root poweroff raidautorun reboot rmmod route setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig watchdog',
  '/usr/bin': '[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm cpio crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor fallocate find flock fold free fuser head hexdump hostid id install ipcrm ipcs killall last less logger lsof lsusb lzcat lzma lzopcat md5sum mesg microcom mkfifo mkpasswd nc nl nmeter nohup nproc nsenter nslookup od openvt paste pgrep pkill pmap printf pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test time timeout top tr traceroute traceroute6 tree truncate tty ttysize udhcpc6 unexpand uniq unix2dos unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vi vlock volname wc wget which who whoami whois xargs xxd xzcat yes',
  '/usr/sbin': 'add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client ntpd partprobe rdate rdev readahead remove-shell rfkill sendmail setfont setlogcons',
};

export const ALPINE_PASSWD = `root:x:0:0:root:/root:/bin/sh
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/mail:/sbin/nologin
news:x:9:13:news:/usr/lib/news:/sbin/nologin
uucp:x:10:14:uucp:/var/spool/uucppublic:/sbin/nologin
cron:x:16:16:cron:/var/spool/cron:/sbin/nologin
ftp:x:21:21::/var/lib/ftp:/sbin/nologin
sshd:x:22:22:sshd:/dev/null:/sbin/nologin
games:x:35:35:games:/usr/games:/sbin/nologin
ntp:x:123:123:NTP:/var/empty:/sbin/nologin
guest:x:405:100:guest:/dev/null:/sbin/nologin
nobody:x:65534:65534:nobody:/:/sbin/nologin
`;

export const ALPINE_GROUP = `root:x:0:root
bin:x:1:root,bin,daemon
daemon:x:2:root,bin,daemon
sys:x:3:root,bin
adm:x:4:root,daemon
tty:x:5:
disk:x:6:root
lp:x:7:lp
kmem:x:9:
wheel:x:10:root
floppy:x:11:root
mail:x:12:mail
news:x:13:news
uucp:x:14:uucp
cron:x:16:cron
console:x:17:
audio:x:18:
cdrom:x:19:
dialout:x:20:root
ftp:x:21:
sshd:x:22:
input:x:23:
tape:x:26:root
video:x:27:root
netdev:x:28:
kvm:x:34:kvm
games:x:35:
shadow:x:42:
www-data:x:82:
users:x:100:games
ntp:x:123:
abuild:x:300:
utmp:x:406:
ping:x:999:
nogroup:x:65533:
nobody:x:65534:
`;

const PROFILE = `# Append "$1" to $PATH when not already in.
# Copied from Arch Linux, see #12803 for details.
append_path () {
\tcase ":$PATH:" in
\t\t*:"$1":*)
\t\t\t;;
\t\t*)
\t\t\tPATH="\${PATH:+$PATH:}$1"
\t\t\t;;
\tesac
}

append_path "/usr/local/sbin"
append_path "/usr/local/bin"
append_path "/usr/sbin"
append_path "/usr/bin"
append_path "/sbin"
append_path "/bin"
unset -f append_path

export PATH
export PAGER=less
umask 022

# use nicer PS1 for bash and busybox ash
if [ -n "$BASH_VERSION" -o "$BB_ASH_VERSION" ]; then
\tPS1='\\h:\\w\\$ '
# use nicer PS1 for zsh
elif [ -n "$ZSH_VERSION" ]; then
\tPS1='%m:%~%# '
# set up fallback default PS1
else
\t: "\${HOSTNAME:=$(hostname)}"
\tPS1='\${HOSTNAME%%.*}:$PWD'
\t[ "$(id -u)" -eq 0 ] && PS1="\${PS1}# " || PS1="\${PS1}\\$ "
fi

for script in /etc/profile.d/*.sh ; do
\tif [ -r "$script" ] ; then
\t\t. "$script"
\tfi
done
unset script
`;

const MOTD = `Welcome to Alpine!

The Alpine Wiki contains a large amount of how-to guides and general
information about administrating Alpine systems.
See <https://wiki.alpinelinux.org/>.

You can setup the system with the command: setup-alpine

You may change this message by editing /etc/motd.

`;

interface AlpineVersion { version: string; busybox: number; musl: number; zlib: string }

function alpineRootfs(v: AlpineVersion): SeedEntry[] {
  const minor = v.version.replace(/\.\d+$/, '');
  return rootfs(
    bin('/bin/busybox', 'busybox', v.busybox),
    Object.entries(APPLETS).flatMap(([d, names]) => links(d, '/bin/busybox', names)),
    bin('/sbin/apk', 'apk-tools', 68_488), bin('/usr/bin/scanelf', 'pax-utils', 71_752), bin('/usr/bin/ssl_client', 'busybox', 14_232),
    bin('/usr/bin/getconf', 'musl-utils', 34_888), bin('/usr/bin/getent', 'musl-utils', 47_128), bin('/usr/bin/iconv', 'musl-utils', 22_016),
    bin('/usr/bin/ldd', 'musl-utils', 55), bin('/sbin/ldconfig', 'musl-utils', 393),
    lib('/lib/ld-musl-x86_64.so.1', v.musl), link('/lib/libc.musl-x86_64.so.1', 'ld-musl-x86_64.so.1'),
    lib(`/lib/libz.so.${v.zlib}`, 100_552), link('/lib/libz.so.1', `libz.so.${v.zlib}`),
    lib('/lib/libcrypto.so.3', 4_125_560), lib('/lib/libssl.so.3', 609_880), lib('/lib/libapk.so.2.14.0', 214_560),
    dirs('/dev', '/home', '/media/cdrom', '/media/floppy', '/media/usb', '/mnt', '/opt', '/proc', '/root', '/run', '/srv', '/sys', '/tmp',
      '/lib/apk/db', '/lib/firmware', '/lib/mdev', '/lib/modules-load.d', '/lib/sysctl.d', '/usr/lib', '/usr/local/bin', '/usr/local/lib',
      '/usr/local/share', '/usr/share/apk/keys', '/usr/share/man', '/usr/share/misc', '/usr/share/udhcpc',
      '/var/cache/apk', '/var/cache/misc', '/var/empty', '/var/lib/apk', '/var/lib/misc', '/var/lib/udhcpd', '/var/local', '/var/lock',
      '/var/log', '/var/mail', '/var/opt', '/var/spool/cron', '/var/tmp', '/etc/apk/keys', '/etc/apk/protected_paths.d', '/etc/crontabs',
      '/etc/logrotate.d', '/etc/modprobe.d', '/etc/modules-load.d', '/etc/network/if-down.d', '/etc/network/if-post-down.d',
      '/etc/network/if-pre-up.d', '/etc/network/if-up.d', '/etc/opt', '/etc/periodic/15min', '/etc/periodic/daily', '/etc/periodic/hourly',
      '/etc/periodic/monthly', '/etc/periodic/weekly', '/etc/profile.d', '/etc/ssl/certs', '/etc/ssl/private', '/etc/sysctl.d', '/etc/secfixes.d'),
    [link('/var/run', '/run'), link('/var/spool/mail', '../mail'), link('/var/spool/cron/crontabs', '/etc/crontabs'), link('/etc/mtab', '../proc/self/mounts')],
    file('/etc/alpine-release', `${v.version}\n`),
    // Real text (apk's alpine-release package); whether /etc/os-release is a file or a link to /usr/lib/os-release here is unverified.
    file('/etc/os-release', `NAME="Alpine Linux"\nID=alpine\nVERSION_ID=${v.version}\nPRETTY_NAME="Alpine Linux v${minor}"\nHOME_URL="https://alpinelinux.org/"\nBUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"\n`),
    file('/etc/issue', `Welcome to Alpine Linux ${minor}\nKernel \\r on an \\m (\\l)\n\n`),
    file('/etc/apk/repositories', `https://dl-cdn.alpinelinux.org/alpine/v${minor}/main\nhttps://dl-cdn.alpinelinux.org/alpine/v${minor}/community\n`),
    file('/etc/apk/arch', 'x86_64\n'), file('/etc/apk/world', 'alpine-baselayout\nalpine-keys\napk-tools\nbusybox\nlibc-utils\n'),
    { path: '/lib/apk/db/installed', kind: 'file', content: 'C:Q1...\nP:alpine-baselayout\nV:3.6.5-r0\n', size: 14_702 },
    file('/etc/hostname', 'localhost\n'),
    file('/etc/hosts', '127.0.0.1\tlocalhost localhost.localdomain\n::1\t\tlocalhost localhost.localdomain\n'),
    file('/etc/passwd', ALPINE_PASSWD), file('/etc/group', ALPINE_GROUP),
    { path: '/etc/shadow', kind: 'file', content: 'root:*::0:::::\n', mode: 0o640 },
    file('/etc/shells', '# valid login shells\n/bin/sh\n/bin/ash\n'),
    file('/etc/profile', PROFILE), file('/etc/motd', MOTD), file('/etc/nsswitch.conf', 'hosts: files dns\n'),
    file('/etc/fstab', '/dev/cdrom\t/media/cdrom\tiso9660\tnoauto,ro 0 0\n/dev/usbdisk\t/media/usb\tvfat\tnoauto,ro 0 0\n'),
    file('/etc/inittab', '# /etc/inittab\n\n::sysinit:/sbin/openrc sysinit\n::sysinit:/sbin/openrc boot\n::wait:/sbin/openrc default\n'),
    file('/etc/crontabs/root', '# do daily/weekly/monthly maintenance\n# min\thour\tday\tmonth\tweekday\tcommand\n*/15\t*\t*\t*\t*\trun-parts /etc/periodic/15min\n0\t*\t*\t*\t*\trun-parts /etc/periodic/hourly\n0\t2\t*\t*\t*\trun-parts /etc/periodic/daily\n0\t3\t*\t*\t6\trun-parts /etc/periodic/weekly\n0\t5\t1\t*\t*\trun-parts /etc/periodic/monthly\n'),
    file('/etc/profile.d/locale.sh', 'export CHARSET=${CHARSET:-UTF-8}\nexport LANG=${LANG:-C.UTF-8}\nexport LC_COLLATE=${LC_COLLATE:-C}\n'),
    file('/etc/profile.d/README', 'This directory should contain shell scripts configuring system-wide\nenvironment on users\' shells.\n'),
    { path: '/etc/ssl/cert.pem', kind: 'file', content: '-----BEGIN CERTIFICATE-----\n(stand-in bundle)\n', size: 221_470 },
    { path: '/etc/services', kind: 'file', content: '# Network services, Internet style\n', size: 12_813 },
    { path: '/etc/protocols', kind: 'file', content: '# Internet (IP) protocols\n', size: 3_164 },
    file('/etc/udhcpc/udhcpc.conf', '# Do not overwrite /etc/resolv.conf\n#RESOLV_CONF="no"\n'),
    file('/etc/sysctl.conf', '# content of this file will override /etc/sysctl.d/*\n'),
    file('/etc/securetty', 'console\ntty1\ntty2\n'),
  );
}

/** alpine:3.20.3 minirootfs (= alpine:latest in Nov 2024). Real compressed blob size (sha256:da9db072f522…). */
export const ALPINE_3_20: SeedLayer = {
  key: 'alpine-3.20.3',
  createdBy: 'ADD alpine-minirootfs-3.20.3-x86_64.tar.gz / # buildkit',
  size: 7_797_760,
  compressedSize: 3_623_904,
  entries: alpineRootfs({ version: '3.20.3', busybox: 808_712, musl: 661_648, zlib: '1.3.1' }),
};

/** alpine 3.18.9, the base of registry:2 (2.8.3). Real compressed blob size (sha256:dc0decf4841d…). */
export const ALPINE_3_18: SeedLayer = {
  key: 'alpine-3.18.9',
  createdBy: 'ADD alpine-minirootfs-3.18.9-x86_64.tar.gz / # buildkit',
  size: 7_360_160,
  compressedSize: 3_416_401,
  entries: alpineRootfs({ version: '3.18.9', busybox: 820_384, musl: 657_768, zlib: '1.2.13' }),
};

// The busybox image (glibc variant) hard-links ~400 applets to /bin/busybox; here they are symlinks.
const BUSYBOX_APPLETS = 'sh ash hush ls cat echo printf ps top pstree ping ping6 wget nslookup ip ifconfig route arp hostname env printenv sleep usleep mkdir rmdir rm cp mv ln touch chmod chown chgrp vi grep egrep fgrep sed awk head tail cut sort uniq wc tr tee tac rev tar gzip gunzip zcat bzip2 bunzip2 unzip find xargs which id whoami groups uname df du free kill killall pkill pgrep pidof mount umount netstat nc telnet telnetd httpd ftpget ftpput tftp traceroute date cal uptime clear reset dmesg hexdump xxd od md5sum sha1sum sha256sum sha512sum base64 basename dirname realpath readlink stat sync true false test [ [[ yes seq expr bc dc diff cmp patch less more watch time timeout nohup nice renice chroot su passwd adduser addgroup deluser delgroup login getty init halt poweroff reboot syslogd klogd logger logread crond crontab udhcpc brctl ipcalc ether-wake arping dnsdomainname hwclock sysctl mknod mktemp mkfifo fuser lsof nproc pwd comm expand unexpand fold nl paste split strings tree truncate shuf cksum install unlink dd hostid dos2unix unix2dos';

/** busybox:latest as of mid-2024 (1.36.1, glibc variant; image a416a98b71e2). Real history/ADD hash; 4.26MB. */
export const BUSYBOX_1_36: SeedLayer = {
  key: 'busybox-1.36.1-glibc',
  createdBy: '/bin/sh -c #(nop) ADD file:7e9002edaafd4e4579b65c8f0aaabde1aeb7fd3f8d95579f7fd3443cef785fd1 in / ',
  size: 4_261_550,
  compressedSize: 2_152_262,
  entries: rootfs(
    bin('/bin/busybox', 'busybox', 1_149_184),
    links('/bin', '/bin/busybox', BUSYBOX_APPLETS),
    lib('/lib/libc.so.6', 1_922_136), lib('/lib/ld-linux-x86-64.so.2', 210_968), lib('/lib/libm.so.6', 907_784),
    lib('/lib/libresolv.so.2', 68_104), lib('/lib/libnss_files.so.2', 14_480), lib('/lib/libnss_dns.so.2', 14_480), lib('/lib/libpthread.so.0', 14_480),
    link('/lib64', 'lib'),
    dirs('/dev', '/home', '/proc', '/root', '/sys', '/tmp', '/usr/sbin', '/var/spool/mail', '/var/www', '/etc/network/if-down.d',
      '/etc/network/if-post-down.d', '/etc/network/if-pre-up.d', '/etc/network/if-up.d'),
    file('/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\nsys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\nwww-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'),
    file('/etc/group', 'root:x:0:\ndaemon:x:1:\nbin:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmail:x:8:\nkmem:x:9:\nwheel:x:10:root\ncdrom:x:11:\ndialout:x:18:\nfloppy:x:19:\nvideo:x:28:\naudio:x:29:\ntape:x:32:\nwww-data:x:33:\noperator:x:37:\nutmp:x:43:\nplugdev:x:46:\nstaff:x:50:\nlock:x:54:\nnetdev:x:82:\nusers:x:100:\nnobody:x:65534:\n'),
    { path: '/etc/shadow', kind: 'file', content: 'root::10933:0:99999:7:::\ndaemon:*:10933:0:99999:7:::\n', mode: 0o600 },
    file('/etc/nsswitch.conf', 'hosts:\t\tfiles dns\nnetworks:\tfiles\n'),
    { path: '/etc/localtime', kind: 'file', content: 'TZif2\n', size: 114 },
  ),
};
