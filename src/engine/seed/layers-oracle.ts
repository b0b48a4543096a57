// Oracle Linux 9 slim base layer (oraclelinux:9-slim, the mysql image's base): merged /usr, bash, coreutils-single, microdnf, rpm; no ps or ip.
import type { SeedLayer } from './types';
import { bins, dirs, file, libs, link, rootfs } from './fs';

const OS_RELEASE = `NAME="Oracle Linux Server"
VERSION="9.5"
ID="ol"
ID_LIKE="fedora"
VARIANT="Server"
VARIANT_ID="server"
VERSION_ID="9.5"
PLATFORM_ID="platform:el9"
PRETTY_NAME="Oracle Linux Server 9.5"
ANSI_COLOR="0;31"
CPE_NAME="cpe:/o:oracle:linux:9:5:server"
HOME_URL="https://linux.oracle.com/"
BUG_REPORT_URL="https://github.com/oracle/oracle-linux"

ORACLE_BUGZILLA_PRODUCT="Oracle Linux 9"
ORACLE_BUGZILLA_PRODUCT_VERSION=9.5
ORACLE_SUPPORT_PRODUCT="Oracle Linux"
ORACLE_SUPPORT_PRODUCT_VERSION=9.5
`;

const PASSWD = 'root:x:0:0:root:/root:/bin/bash\nbin:x:1:1:bin:/bin:/sbin/nologin\ndaemon:x:2:2:daemon:/sbin:/sbin/nologin\nadm:x:3:4:adm:/var/adm:/sbin/nologin\nlp:x:4:7:lp:/var/spool/lpd:/sbin/nologin\nsync:x:5:0:sync:/sbin:/bin/sync\nshutdown:x:6:0:shutdown:/sbin:/sbin/shutdown\nhalt:x:7:0:halt:/sbin:/sbin/halt\nmail:x:8:12:mail:/var/spool/mail:/sbin/nologin\noperator:x:11:0:operator:/root:/sbin/nologin\ngames:x:12:100:games:/usr/games:/sbin/nologin\nftp:x:14:50:FTP User:/var/ftp:/sbin/nologin\nnobody:x:65534:65534:Kernel Overflow User:/:/sbin/nologin\n';
const GROUP = 'root:x:0:\nbin:x:1:\ndaemon:x:2:\nsys:x:3:\nadm:x:4:\ntty:x:5:\ndisk:x:6:\nlp:x:7:\nmem:x:8:\nkmem:x:9:\nwheel:x:10:\ncdrom:x:11:\nmail:x:12:\nman:x:15:\ndialout:x:18:\nfloppy:x:19:\ngames:x:20:\ntape:x:33:\nvideo:x:39:\nftp:x:50:\nlock:x:54:\naudio:x:63:\nusers:x:100:\nnobody:x:65534:\n';

const B = '/usr/bin';

/** oraclelinux:9-slim (9.5, 2024-11): the real layer's sizes; the content is a representative subset. */
export const ORACLELINUX_9_SLIM: SeedLayer = {
  key: 'oraclelinux-9-slim-20241119',
  createdBy: '/bin/sh -c #(nop) ADD file:4b1f9e0b0c7e8d2a6f3c5e7a9b1d3f5a7c9e1b3d5f7a9c1e3b5d7f9a1c3e5b7d in / ',
  size: 118_276_608,
  compressedSize: 47_329_810,
  entries: rootfs(
    [link('/bin', 'usr/bin'), link('/sbin', 'usr/sbin'), link('/lib', 'usr/lib'), link('/lib64', 'usr/lib64')],
    dirs('/boot', '/dev', '/home', '/media', '/mnt', '/opt', '/proc', '/run', '/srv', '/sys', '/tmp', '/usr/local/bin', '/usr/local/sbin',
      '/usr/local/share', '/usr/share/doc', '/var/cache/dnf', '/var/lib/dnf', '/var/lib/rpm', '/var/log', '/var/tmp', '/etc/yum.repos.d',
      '/etc/pki/rpm-gpg', '/etc/profile.d', '/etc/skel', '/etc/dnf'),
    { path: '/root', kind: 'dir', mode: 0o550 },
    [link('/var/run', '../run')],
    bins(B, 'bash', 'bash:1389064'), link(`${B}/sh`, 'bash'),
    bins(B, 'coreutils-single', 'coreutils:1377416'),
    ...['[', 'arch', 'base64', 'basename', 'cat', 'chgrp', 'chmod', 'chown', 'cp', 'cut', 'date', 'dd', 'df', 'dirname', 'du', 'echo', 'env', 'expr', 'false', 'head', 'id', 'install', 'ln', 'ls', 'md5sum', 'mkdir', 'mktemp', 'mv', 'nice', 'nohup', 'nproc', 'od', 'paste', 'printenv', 'printf', 'pwd', 'readlink', 'realpath', 'rm', 'rmdir', 'seq', 'sha256sum', 'sleep', 'sort', 'stat', 'tail', 'tee', 'test', 'timeout', 'touch', 'tr', 'true', 'tty', 'uname', 'uniq', 'wc', 'whoami', 'yes'].map((n) => link(`${B}/${n}`, 'coreutils')),
    bins(B, 'grep', 'grep:171240'), bins(B, 'sed', 'sed:117848'), bins(B, 'gawk', 'gawk:722408'), link(`${B}/awk`, 'gawk'),
    bins(B, 'microdnf', 'microdnf:91208'), bins(B, 'rpm', 'rpm:24184 rpmkeys:16024'), bins(B, 'curl-minimal', 'curl:239960'),
    bins(B, 'tar', 'tar:527416'), bins(B, 'gzip', 'gzip:99576'), bins(B, 'util-linux-core', 'mount:45000 umount:32000 kill:32000 su:45000 setpriv:52000'),
    bins('/usr/sbin', 'shadow-utils', 'useradd:140000 groupadd:70000 usermod:130000'), bins('/usr/sbin', 'glibc', 'ldconfig:1020000'),
    libs('/usr/lib64', 'libc.so.6:2494008 ld-linux-x86-64.so.2:873080 libm.so.6:915768 libselinux.so.1:175760 libpcre2-8.so.0:636848 libtinfo.so.6:187880 libz.so.1:99128 libcrypto.so.3:4572008 libssl.so.3:706784 librpm.so.9:464520 libdnf.so.2:2276712 libcurl.so.4:431464'),
    file('/etc/os-release', OS_RELEASE), file('/etc/oracle-release', 'Oracle Linux Server release 9.5\n'),
    link('/etc/redhat-release', 'oracle-release'), link('/etc/system-release', 'oracle-release'),
    file('/etc/hostname', ''), file('/etc/passwd', PASSWD), file('/etc/group', GROUP),
    file('/etc/shells', '/bin/sh\n/bin/bash\n/usr/bin/sh\n/usr/bin/bash\n'),
    file('/etc/dnf/dnf.conf', '[main]\ngpgcheck=1\ninstallonly_limit=3\nclean_requirements_on_remove=True\nbest=True\nskip_if_unavailable=False\n'),
    file('/etc/yum.repos.d/oracle-linux-ol9.repo', '[ol9_baseos_latest]\nname=Oracle Linux 9 BaseOS Latest ($basearch)\nbaseurl=https://yum$ociregion.$ocidomain/repo/OracleLinux/OL9/baseos/latest/$basearch/\ngpgkey=file:///etc/pki/rpm-gpg/RPM-GPG-KEY-oracle\ngpgcheck=1\nenabled=1\n'),
    file('/etc/profile', '# /etc/profile\n\n# System wide environment and startup programs, for login setup\n'),
    file('/etc/bashrc', '# /etc/bashrc\n\n# System wide functions and aliases\n'),
    file('/root/.bashrc', '# .bashrc\n\n# Source global definitions\nif [ -f /etc/bashrc ]; then\n\t. /etc/bashrc\nfi\n'),
    { path: '/var/lib/rpm/rpmdb.sqlite', kind: 'file', content: 'SQLite format 3 (stand-in)\n', size: 6_291_456 },
  ),
};
