// CentOS 7.9.2009 base layer (centos:7 = centos:latest here): merged /usr, bash, yum, rpm, procps; no which, ip or ping.
import type { SeedLayer } from './types';
import { bins, dirs, file, libs, link, links, rootfs } from './fs';

const OS_RELEASE = `NAME="CentOS Linux"
VERSION="7 (Core)"
ID="centos"
ID_LIKE="rhel fedora"
VERSION_ID="7"
PRETTY_NAME="CentOS Linux 7 (Core)"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:centos:centos:7"
HOME_URL="https://www.centos.org/"
BUG_REPORT_URL="https://bugs.centos.org/"

CENTOS_MANTISBT_PROJECT="CentOS-7"
CENTOS_MANTISBT_PROJECT_VERSION="7"
REDHAT_SUPPORT_PRODUCT="centos"
REDHAT_SUPPORT_PRODUCT_VERSION="7"

`;

const PASSWD = `root:x:0:0:root:/root:/bin/bash
bin:x:1:1:bin:/bin:/sbin/nologin
daemon:x:2:2:daemon:/sbin:/sbin/nologin
adm:x:3:4:adm:/var/adm:/sbin/nologin
lp:x:4:7:lp:/var/spool/lpd:/sbin/nologin
sync:x:5:0:sync:/sbin:/bin/sync
shutdown:x:6:0:shutdown:/sbin:/sbin/shutdown
halt:x:7:0:halt:/sbin:/sbin/halt
mail:x:8:12:mail:/var/spool/mail:/sbin/nologin
operator:x:11:0:operator:/root:/sbin/nologin
games:x:12:100:games:/usr/games:/sbin/nologin
ftp:x:14:50:FTP User:/var/ftp:/sbin/nologin
nobody:x:99:99:Nobody:/:/sbin/nologin
systemd-network:x:192:192:systemd Network Management:/:/sbin/nologin
dbus:x:81:81:System message bus:/:/sbin/nologin
`;

const GROUP = `root:x:0:
bin:x:1:
daemon:x:2:
sys:x:3:
adm:x:4:
tty:x:5:
disk:x:6:
lp:x:7:
mem:x:8:
kmem:x:9:
wheel:x:10:
cdrom:x:11:
mail:x:12:
man:x:15:
dialout:x:18:
floppy:x:19:
games:x:20:
tape:x:33:
video:x:39:
ftp:x:50:
lock:x:54:
audio:x:63:
nobody:x:99:
users:x:100:
utmp:x:22:
utempter:x:35:
input:x:999:
systemd-journal:x:190:
systemd-network:x:192:
dbus:x:81:
ssh_keys:x:998:
`;

// The docker image's kickstart adds tsflags=nodocs and override_install_langs to [main].
const YUM_CONF = `[main]
cachedir=/var/cache/yum/$basearch/$releasever
keepcache=0
debuglevel=2
logfile=/var/log/yum.log
exactarch=1
obsoletes=1
gpgcheck=1
plugins=1
installonly_limit=5
bugtracker_url=http://bugs.centos.org/set_project.php?project_id=23&ref=http://bugs.centos.org/bug_report_page.php?category=yum
distroverpkg=centos-release
override_install_langs=en_US.utf8
tsflags=nodocs


#  This is the default, if you make this bigger yum won't see if the metadata
# is newer on the remote and so you'll "gain" the bandwidth of not having to
# download the new metadata and "pay" for it by yum not having correct
# information.
#  It is esp. important, to have correct metadata, for distributions like
# Fedora which don't keep old packages around. If you don't like this checking
# interupting your command line usage, it's much better to have something
# manually check the metadata once an hour (yum-updatesd will do this).
# metadata_expire=90m

# PUT YOUR REPOS HERE OR IN separate files named file.repo
# in /etc/yum.repos.d
`;

const repo = (id: string, name: string, path: string, extra = '') => `[${id}]
name=CentOS-$releasever - ${name}
mirrorlist=http://mirrorlist.centos.org/?release=$releasever&arch=$basearch&repo=${path}&infra=$infra
#baseurl=http://mirror.centos.org/centos/$releasever/${path === 'os' ? 'os' : path}/$basearch/
gpgcheck=1
${extra}gpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7
`;

const BASE_REPO = `# CentOS-Base.repo
#
# The mirror system uses the connecting IP address of the client and the
# update status of each mirror to pick mirrors that are updated to and
# geographically close to the client.  You should use this for CentOS updates
# unless you are manually picking other mirrors.
#
# If the mirrorlist= does not work for you, as a fall back you can try the 
# remarked out baseurl= line instead.
#
#

${repo('base', 'Base', 'os')}
#released updates 
${repo('updates', 'Updates', 'updates')}
#additional packages that may be useful
${repo('extras', 'Extras', 'extras')}
#additional packages that extend functionality of existing packages
${repo('centosplus', 'Plus', 'centosplus', 'enabled=0\n')}`;

const YUM_SCRIPT = `#!/usr/bin/python
import sys
try:
    import yum
except ImportError:
    print >> sys.stderr, """\\
There was a problem importing one of the Python modules
required to run yum. The error leading to this problem was:

   %s

Please install a package which provides this module, or
verify that the module is installed correctly.

It's possible that the above module doesn't match the
current version of Python, which is:
%s

If you cannot solve this problem yourself, please go to 
the yum faq at:
  http://yum.baseurl.org/wiki/Faq
  
""" % (sys.exc_value, sys.version)
    sys.exit(1)

sys.path.insert(0, '/usr/share/yum-cli')
try:
    import yummain
    yummain.user_main(sys.argv[1:], exit_code=True)
except KeyboardInterrupt, e:
    print >> sys.stderr, "\\n\\nExiting on user cancel."
    sys.exit(1)
`;

const ROOT_BASHRC = `# .bashrc

# User specific aliases and functions

alias rm='rm -i'
alias cp='cp -i'
alias mv='mv -i'

# Source global definitions
if [ -f /etc/bashrc ]; then
\t. /etc/bashrc
fi
`;

const ROOT_BASH_PROFILE = `# .bash_profile

# Get the aliases and functions
if [ -f ~/.bashrc ]; then
\t. ~/.bashrc
fi

# User specific environment and startup programs

PATH=$PATH:$HOME/bin

export PATH
`;

const B = '/usr/bin';
const S = '/usr/sbin';

/** centos:7 (image eeb6ee3f44bd, 2021-09-15; rootfs build 20201113). Real blob size; 204MB on disk. */
export const CENTOS_7: SeedLayer = {
  key: 'centos-7.9.2009',
  createdBy: '/bin/sh -c #(nop) ADD file:b3ebbe8bd304723d43b7b44a6d990cd657b63d93d6a2a9293983a30bfc1dfa53 in / ',
  size: 203_944_560,
  compressedSize: 76_097_157,
  entries: rootfs(
    [link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64')],
    dirs('/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/run/lock', '/srv', '/sys', '/tmp', '/usr/etc',
      '/usr/games', '/usr/include', '/usr/libexec', '/usr/src', '/usr/local/bin', '/usr/local/etc', '/usr/local/games',
      '/usr/local/include', '/usr/local/lib', '/usr/local/lib64', '/usr/local/libexec', '/usr/local/sbin', '/usr/local/share',
      '/usr/local/src', '/usr/share/doc', '/usr/share/man', '/var/adm', '/var/cache/yum', '/var/db', '/var/empty', '/var/games',
      '/var/lib/yum', '/var/local', '/var/log', '/var/nis', '/var/opt', '/var/preserve', '/var/spool/mail', '/var/tmp', '/var/yp',
      '/etc/yum.repos.d', '/etc/pki/rpm-gpg', '/etc/profile.d', '/etc/skel', '/etc/sysconfig', '/etc/security', '/etc/pam.d'),
    { path: '/root', kind: 'dir', mode: 0o550 },
    [link('/var/run', '../run'), link('/var/lock', '../run/lock'), link('/var/mail', 'spool/mail'), link('/usr/tmp', '../var/tmp')],
    bins(B, 'bash', 'bash:964536'),
    bins(B, 'coreutils', '[:41488 arch:33080 base64:37360 basename:33136 cat:54080 chgrp:62248 chmod:58592 chown:62288 cp:155176 cut:47480 date:62200 dd:74928 df:100936 dirname:29088 du:116160 echo:33128 env:29032 expr:45504 false:28920 head:41600 id:37400 install:150208 ln:58696 ls:117608 md5sum:41568 mkdir:79768 mknod:66240 mktemp:41504 mv:130360 nice:33192 nohup:33200 nproc:33200 od:74888 paste:33288 printenv:29056 printf:49704 pwd:33232 readlink:45528 realpath:45512 rm:62784 rmdir:45616 seq:50008 sha256sum:41656 sleep:33136 sort:112704 split:49864 stat:74872 stty:70464 sync:29040 tac:37456 tail:66824 tee:33272 test:37368 timeout:45664 touch:62392 tr:49808 true:28920 tty:29040 uname:33160 uniq:41608 wc:41568 whoami:29064 yes:29064'),
    bins(B, 'grep', 'grep:159024 egrep:29 fgrep:29'), bins(B, 'sed', 'sed:76016'), bins(B, 'gawk', 'gawk:428576'),
    bins(B, 'findutils', 'find:199304 xargs:62808'), bins(B, 'tar', 'tar:346136'), bins(B, 'gzip', 'gzip:100800 gunzip:2253 zcat:1941'),
    bins(B, 'util-linux', 'mount:44096 umount:31968 su:32128 login:40560 more:41096 dmesg:58032 flock:28960 getopt:20312 kill:28944 logger:36576 setsid:11480 taskset:36624'),
    bins(B, 'procps-ng', 'ps:100112 top:107904 free:20152 pgrep:28984 pkill:28984 uptime:11744 vmstat:32184 w:20208 watch:25232 pmap:29112'),
    bins(B, 'rpm', 'rpm:12688 rpm2cpio:12696 rpmdb:12720 rpmkeys:12720'), links(B, 'rpm', 'rpmquery rpmverify'),
    bins(B, 'yum-utils', 'yum-config-manager:9887'),
    [{ path: `${B}/yum`, kind: 'file', content: YUM_SCRIPT, mode: 0o755 }],
    bins(B, 'python', 'python2.7:7144'), link(`${B}/python2`, 'python2.7'), link(`${B}/python`, 'python2'),
    bins(B, 'curl', 'curl:156320'), bins(B, 'vim-minimal', 'vi:926528'), bins(B, 'hostname', 'hostname:15768'),
    bins(B, 'diffutils', 'cmp:33256 diff:162320'), bins(B, 'glibc-common', 'getent:28072 iconv:62120 ldd:5302 locale:44448'),
    bins(B, 'gnupg2', 'gpg2:749928 gpgv2:333720'), link(`${B}/gpg`, 'gpg2'), link(`${B}/gpgv`, 'gpgv2'),
    [link(`${B}/sh`, 'bash'), link(`${B}/awk`, 'gawk')],
    bins(S, 'shadow-utils', 'useradd:137776 userdel:89160 usermod:133000 groupadd:65472 groupdel:57416 groupmod:61592 chpasswd:57576'),
    bins(S, 'util-linux', 'nologin:7792 agetty:45096 blkid:79424 fsck:32840 mkswap:71544 swapon:48520 swapoff:24120 pivot_root:11200 switch_root:15344 losetup:74552 sulogin:36640 runuser:36592 wipefs:36352'),
    bins(S, 'coreutils', 'chroot:33208'), bins(S, 'glibc', 'ldconfig:988152 sln:685488'), bins(S, 'chkconfig', 'alternatives:28040'),
    link(`${S}/update-alternatives`, 'alternatives'),
    libs('/usr/lib64', 'libc.so.6:2156592 ld-linux-x86-64.so.2:163312 libm.so.6:1137024 libdl.so.2:19248 libpthread.so.0:142144 libselinux.so.1:155744 libpcre.so.1:402384 libtinfo.so.5:174576 libacl.so.1:37056 libattr.so.1:19896 libz.so.1:90248 liblzma.so.5:157424 libbz2.so.1:68192 libgcrypt.so.11:597792 libgpg-error.so.0:19384 libcurl.so.4:435192 libssl.so.10:470360 libcrypto.so.10:2520768 libpython2.7.so.1.0:1847496 librpm.so.3:352072 libsystemd.so.0:203736 libcap.so.2:20048 libcrypt.so.1:41080 libcom_err.so.2:15920'),
    file('/usr/lib/os-release', OS_RELEASE), link('/etc/os-release', '../usr/lib/os-release'),
    file('/etc/centos-release', 'CentOS Linux release 7.9.2009 (Core)\n'),
    link('/etc/redhat-release', 'centos-release'), link('/etc/system-release', 'centos-release'),
    file('/etc/system-release-cpe', 'cpe:/o:centos:centos:7\n'),
    // Docker bind-mounts /etc/hostname, /etc/hosts and /etc/resolv.conf at run time.
    file('/etc/hostname', ''),
    file('/etc/passwd', PASSWD), file('/etc/group', GROUP),
    file('/etc/shells', '/bin/sh\n/bin/bash\n/sbin/nologin\n/usr/bin/sh\n/usr/bin/bash\n/usr/sbin/nologin\n'),
    file('/etc/yum.conf', YUM_CONF), file('/etc/yum.repos.d/CentOS-Base.repo', BASE_REPO),
    { path: '/etc/pki/rpm-gpg/RPM-GPG-KEY-CentOS-7', kind: 'file', content: '-----BEGIN PGP PUBLIC KEY BLOCK-----\nVersion: GnuPG v1.4.5 (GNU/Linux)\n', size: 1690 },
    link('/etc/localtime', '../usr/share/zoneinfo/UTC'), { path: '/usr/share/zoneinfo/UTC', kind: 'file', content: 'TZif2\n', size: 118 },
    file('/etc/profile', '# /etc/profile\n\n# System wide environment and startup programs, for login setup\n# Functions and aliases go in /etc/bashrc\n'),
    file('/etc/bashrc', '# /etc/bashrc\n\n# System wide functions and aliases\n# Environment stuff goes in /etc/profile\n'),
    file('/root/.bashrc', ROOT_BASHRC), file('/root/.bash_profile', ROOT_BASH_PROFILE),
    file('/root/.bash_logout', '# ~/.bash_logout\n'),
    { path: '/var/lib/rpm/Packages', kind: 'file', content: 'Berkeley DB (stand-in)\n', size: 18_223_104 },
    // The kickstart's %post removes iproute, which, … — hence no `ip`/`which` in centos:7 (log text abridged, from memory).
    { path: '/anaconda-post.log', kind: 'file', content: '+ PATH=/bin:/sbin:/usr/bin:/usr/sbin\n+ export PATH\n+ rm -f /var/lib/rpm/__db*\n+ yum -y remove bind-libs bind-libs-lite dhclient dhcp-common dhcp-libs dracut-network e2fsprogs e2fsprogs-libs ebtables ethtool file firewalld freetype gettext gettext-libs groff-base grub2 grub2-tools grub2-tools-extra grub2-tools-minimal grubby initscripts iproute iptables kexec-tools libcroco libgomp libmnl libnetfilter_conntrack libnfnetlink libselinux-python lzo libunistring os-prober python-decorator python-slip python-slip-dbus snappy sysvinit-tools which linux-firmware GeoIP firewalld-filesystem qemu-guest-agent\n', size: 12076 },
  ),
};
