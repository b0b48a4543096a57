// apt's package data: Ubuntu 24.04 noble and Debian 12 bookworm (versions and sizes approximate the real archives).
import { pkg, table, type PkgTable } from './pkg-data';

const U = 'noble/main';
const UU = 'noble/universe';
const UPD = 'noble-updates/main';
const ALL = { arch: 'all' };

const NGINX_DEFAULT_SITE = `server {
\tlisten 80 default_server;
\tlisten [::]:80 default_server;

\troot /var/www/html;

\t# Add index.php to the list if you are using PHP
\tindex index.html index.htm index.nginx-debian.html;

\tserver_name _;

\tlocation / {
\t\t# First attempt to serve request as file, then
\t\t# as directory, then fall back to displaying a 404.
\t\ttry_files $uri $uri/ =404;
\t}
}
`;

const nginxFiles = (ubuntu: boolean) => ({
  '/etc/nginx/nginx.conf': `user www-data;\nworker_processes auto;\npid /run/nginx.pid;\n${ubuntu ? 'error_log /var/log/nginx/error.log;\n' : ''}include /etc/nginx/modules-enabled/*.conf;\n\nevents {\n\tworker_connections 768;\n}\n\nhttp {\n\tsendfile on;\n\ttcp_nopush on;\n\ttypes_hash_max_size 2048;\n\tinclude /etc/nginx/mime.types;\n\tdefault_type application/octet-stream;\n\taccess_log /var/log/nginx/access.log;\n\tgzip on;\n\tinclude /etc/nginx/conf.d/*.conf;\n\tinclude /etc/nginx/sites-enabled/*;\n}\n`,
  '/etc/nginx/sites-available/default': NGINX_DEFAULT_SITE,
  '/var/www/html/index.nginx-debian.html': '<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n</body>\n</html>\n',
});

/** Ubuntu 24.04 (noble) archive. */
export const NOBLE: PkgTable = table(
  pkg('procps', '2:4.0.4-4ubuntu3.2', 706, 2_063, 'libproc2-0', 'psmisc', '/usr/bin ps:137752 top:133336 free:22800 pgrep:31048 pkill:31048 pidof:22800 uptime:14736 vmstat:39048 w:27016 watch:31152 pmap:35216 pwdx:14736 slabtop:22856 | /usr/sbin sysctl:30952', { repo: UPD }),
  pkg('libproc2-0', '2:4.0.4-4ubuntu3.2', 59.5, 198, '', '', '', { repo: UPD }),
  pkg('psmisc', '23.7-1build1', 179, 761, '', '', '/usr/bin killall:31072 fuser:39200 pstree:35344 peekfd:14720 prtstat:18920', { repo: U }),
  pkg('ca-certificates', '20240203', 159, 396, 'openssl', '', '/usr/sbin update-ca-certificates:8093', { ...ALL, repo: U }),
  pkg('openssl', '3.0.13-0ubuntu3.4', 1_003, 2_192, '', 'ca-certificates', '/usr/bin openssl:1010616', { repo: UPD }),
  pkg('krb5-locales', '1.20.1-6ubuntu2.2', 14.0, 100, '', '', '', { ...ALL, repo: UPD }),
  pkg('libbrotli1', '1.1.0-2build2', 339, 971, '', '', '', { repo: U }),
  pkg('libkrb5support0', '1.20.1-6ubuntu2.2', 34.1, 126, '', '', '', { repo: UPD }),
  pkg('libk5crypto3', '1.20.1-6ubuntu2.2', 81.5, 358, 'libkrb5support0', '', '', { repo: UPD }),
  pkg('libkeyutils1', '1.6.3-3build1', 9_490 / 1000, 47, '', '', '', { repo: U }),
  pkg('libkrb5-3', '1.20.1-6ubuntu2.2', 348, 1_198, 'libk5crypto3 libkeyutils1 libkrb5support0', 'krb5-locales', '', { repo: UPD }),
  pkg('libgssapi-krb5-2', '1.20.1-6ubuntu2.2', 143, 432, 'libkrb5-3', '', '', { repo: UPD }),
  pkg('libsasl2-modules-db', '2.1.28+dfsg1-5ubuntu3.1', 20.6, 86, '', '', '', { repo: UPD }),
  pkg('libsasl2-2', '2.1.28+dfsg1-5ubuntu3.1', 53.6, 166, 'libsasl2-modules-db', 'libsasl2-modules', '', { repo: UPD }),
  pkg('libsasl2-modules', '2.1.28+dfsg1-5ubuntu3.1', 69.9, 405, '', '', '', { repo: UPD }),
  pkg('libldap-common', '2.6.7+dfsg-1~exp1ubuntu8.1', 31.5, 126, '', '', '', { ...ALL, repo: UPD }),
  pkg('libldap2', '2.6.7+dfsg-1~exp1ubuntu8.1', 196, 622, 'libsasl2-2', 'libldap-common', '', { repo: UPD }),
  pkg('libnghttp2-14', '1.59.0-1ubuntu0.1', 74.3, 270, '', '', '', { repo: UPD }),
  pkg('libpsl5t64', '0.21.2-1.1build1', 57.1, 196, '', 'publicsuffix', '', { repo: U }),
  pkg('publicsuffix', '20231001.0357-0.1', 129, 327, '', '', '', { ...ALL, repo: U }),
  pkg('librtmp1', '2.4+20151223.gitfa8646d.1-2build7', 56.3, 151, '', '', '', { repo: U }),
  pkg('libssh-4', '0.10.6-2build2', 188, 581, 'libgssapi-krb5-2', '', '', { repo: U }),
  pkg('libcurl4t64', '8.5.0-2ubuntu10.6', 341, 899, 'libbrotli1 libgssapi-krb5-2 libldap2 libnghttp2-14 libpsl5t64 librtmp1 libssh-4', 'ca-certificates', '', { repo: UPD }),
  pkg('curl', '8.5.0-2ubuntu10.6', 226, 533, 'libcurl4t64', '', '/usr/bin curl:310872', { repo: UPD }),
  pkg('wget', '1.21.4-1ubuntu4.1', 334, 959, 'libpsl5t64', 'ca-certificates', '/usr/bin wget:542568', { repo: UPD, files: { '/etc/wgetrc': '###\n### Sample Wget initialization file .wgetrc\n###\n' } }),
  pkg('libgpm2', '1.20.7-11', 14.7, 51, '', '', '', { repo: U }),
  pkg('libsodium23', '1.0.18-1build3', 161, 438, '', '', '', { repo: U }),
  pkg('xxd', '2:9.1.0016-1ubuntu7.5', 63.6, 308, '', '', '/usr/bin xxd:18744', { repo: UPD }),
  pkg('vim-common', '2:9.1.0016-1ubuntu7.5', 385, 402, 'xxd', '', '', { ...ALL, repo: UPD }),
  pkg('vim-runtime', '2:9.1.0016-1ubuntu7.5', 7_281, 36_578, '', '', '', { ...ALL, repo: UPD }),
  pkg('readline-common', '8.2-4build1', 56.5, 117, '', '', '', { ...ALL, repo: U }),
  pkg('libreadline8t64', '8.2-4build1', 153, 505, 'readline-common', '', '', { repo: U }),
  pkg('media-types', '10.1.0', 27.2, 98, '', '', '', { ...ALL, repo: U }),
  pkg('netbase', '6.4', 13.1, 42, '', '', '', { ...ALL, repo: U, files: { '/etc/protocols': '# Internet (IP) protocols\n', '/etc/services': '# Network services, Internet style\n' } }),
  pkg('tzdata', '2024a-3ubuntu1.1', 273, 1_363, '', '', '', { ...ALL, repo: UPD }),
  pkg('libexpat1', '2.6.1-2ubuntu0.2', 87.8, 300, '', '', '', { repo: UPD }),
  pkg('libmpdec3', '2.5.1-2build2', 89.4, 276, '', '', '', { repo: U }),
  pkg('libsqlite3-0', '3.45.1-1ubuntu2.1', 701, 1_663, '', '', '', { repo: UPD }),
  pkg('libpython3.12-minimal', '3.12.3-1ubuntu0.3', 832, 4_994, 'libexpat1', '', '', { repo: UPD }),
  pkg('python3.12-minimal', '3.12.3-1ubuntu0.3', 2_345, 6_358, 'libpython3.12-minimal', '', '/usr/bin python3.12:8021824', { repo: UPD }),
  pkg('libpython3.12-stdlib', '3.12.3-1ubuntu0.3', 2_069, 8_161, 'libpython3.12-minimal media-types netbase tzdata libmpdec3 libreadline8t64 libsqlite3-0', '', '', { repo: UPD }),
  pkg('libpython3.12t64', '3.12.3-1ubuntu0.3', 2_340, 8_174, 'libpython3.12-stdlib', '', '', { repo: UPD }),
  pkg('python3.12', '3.12.3-1ubuntu0.3', 651, 644, 'python3.12-minimal libpython3.12-stdlib', '', '', { repo: UPD }),
  pkg('python3-minimal', '3.12.3-0ubuntu2', 27.4, 129, 'python3.12-minimal', '', '', { repo: U, links: [['/usr/bin/python3', 'python3.12']] }),
  pkg('libpython3-stdlib', '3.12.3-0ubuntu2', 10.0, 25, 'libpython3.12-stdlib', '', '', { repo: U }),
  pkg('python3', '3.12.3-0ubuntu2', 23.0, 90, 'python3-minimal python3.12 libpython3-stdlib', '', '', { repo: U }),
  pkg('vim', '2:9.1.0016-1ubuntu7.5', 1_874, 4_226, 'vim-common vim-runtime libgpm2 libpython3.12t64 libsodium23', '', '/usr/bin vim.basic:4053848', { repo: UPD, links: [['/usr/bin/vim', 'vim.basic'], ['/usr/bin/vi', 'vim.basic']] }),
  pkg('nano', '7.2-2ubuntu0.1', 280, 881, '', '', '/usr/bin nano:292736', { repo: UPD, links: [['/usr/bin/pico', 'nano']] }),
  pkg('libcap2-bin', '1:2.66-5ubuntu2.2', 34.2, 154, '', '', '/usr/sbin capsh:35224 getcap:14688 setcap:14688', { repo: UPD }),
  pkg('libpam-cap', '1:2.66-5ubuntu2.2', 12.5, 54, '', '', '', { repo: UPD }),
  pkg('iputils-ping', '3:20240117-1build1', 44.4, 124, '', 'libcap2-bin', '/usr/bin ping:89768', { repo: U, links: [['/usr/bin/ping4', 'ping'], ['/usr/bin/ping6', 'ping']] }),
  pkg('net-tools', '2.10-0.1ubuntu4', 204, 816, '', '', '/usr/bin netstat:158328 | /usr/sbin ifconfig:76568 route:67872 arp:63448 ipmaddr:18648 iptunnel:22792 mii-tool:22752 nameif:18640 plipconfig:14576 rarp:22752 slattach:35192', { repo: U }),
  pkg('libmnl0', '1.0.5-2build1', 12.3, 44, '', '', '', { repo: U }),
  pkg('libxtables12', '1.8.10-3ubuntu2', 35.7, 107, '', '', '', { repo: U }),
  pkg('libelf1t64', '0.190-1.1build4', 57.8, 1_037, '', '', '', { repo: U }),
  pkg('libbpf1', '1:1.3.0-2build2', 166, 461, 'libelf1t64', '', '', { repo: U }),
  pkg('libatm1t64', '1:2.5.1-5.1build1', 22.9, 96, '', '', '', { repo: U }),
  pkg('iproute2', '6.1.0-1ubuntu6', 1_120, 3_638, 'libbpf1 libmnl0 libxtables12 libcap2-bin', 'libatm1t64 libpam-cap', '/usr/bin ip:772816 ss:186096 bridge:137840 | /usr/sbin tc:612312 rtmon:14680', { repo: U }),
  pkg('less', '590-2ubuntu2.1', 142, 353, '', '', '/usr/bin less:188536 lessecho:14664 lesskey:22928', { repo: UPD }),
  pkg('tree', '2.1.1-2ubuntu3', 47.7, 123, '', '', '/usr/bin tree:90880', { repo: UU }),
  pkg('libnl-3-200', '3.7.0-0.3build1', 55.7, 196, '', '', '', { repo: U }),
  pkg('libnl-genl-3-200', '3.7.0-0.3build1', 12.2, 51, 'libnl-3-200', '', '', { repo: U }),
  pkg('htop', '3.3.0-4build1', 171, 434, 'libnl-genl-3-200', '', '/usr/bin htop:342800', { repo: U }),
  pkg('libjq1', '1.7.1-3build1', 141, 434, 'libonig5', '', '', { repo: U }),
  pkg('libonig5', '6.9.9-1build1', 172, 637, '', '', '', { repo: U }),
  pkg('jq', '1.7.1-3build1', 65.7, 181, 'libjq1', '', '/usr/bin jq:31360', { repo: U }),
  pkg('unzip', '6.0-28ubuntu4.1', 174, 384, '', '', '/usr/bin unzip:186664 zipinfo:186664', { repo: UPD }),
  pkg('sudo', '1.9.15p5-3ubuntu5', 947, 3_646, '', '', '/usr/bin sudo:277936 sudoedit:277936 sudoreplay:59136', { repo: U }),
  pkg('netcat-openbsd', '1.226-1ubuntu2', 44.2, 109, '', '', '/usr/bin nc.openbsd:39408', { repo: U, links: [['/usr/bin/nc', 'nc.openbsd'], ['/usr/bin/netcat', 'nc.openbsd']] }),
  pkg('bind9-libs', '1:9.18.28-0ubuntu0.24.04.1', 1_257, 3_636, '', '', '', { repo: UPD }),
  pkg('bind9-host', '1:9.18.28-0ubuntu0.24.04.1', 50.2, 145, 'bind9-libs', '', '/usr/bin host:84112', { repo: UPD }),
  pkg('bind9-dnsutils', '1:9.18.28-0ubuntu0.24.04.1', 156, 658, 'bind9-libs bind9-host', '', '/usr/bin dig:145400 nslookup:117056 nsupdate:129016 delv:98752', { repo: UPD }),
  pkg('dnsutils', '1:9.18.28-0ubuntu0.24.04.1', 3.9, 17, 'bind9-dnsutils', '', '', { ...ALL, repo: UPD }),
  pkg('git-man', '1:2.43.0-1ubuntu7.1', 1_100, 2_082, '', '', '', { ...ALL, repo: UPD }),
  pkg('liberror-perl', '0.17029-2', 25.6, 68, '', '', '', { ...ALL, repo: U }),
  pkg('libcurl3t64-gnutls', '8.5.0-2ubuntu10.6', 333, 889, 'libbrotli1 libgssapi-krb5-2 libldap2 libnghttp2-14 libpsl5t64 librtmp1 libssh-4', '', '', { repo: UPD }),
  pkg('git', '1:2.43.0-1ubuntu7.1', 3_679, 22_133, 'git-man liberror-perl libcurl3t64-gnutls libexpat1', 'less ca-certificates', '/usr/bin git:3958728', { repo: UPD }),
  pkg('nginx-common', '1.24.0-2ubuntu7.1', 31.2, 188, '', '', '', { ...ALL, repo: UPD, files: nginxFiles(true), links: [['/etc/nginx/sites-enabled/default', '/etc/nginx/sites-available/default']] }),
  pkg('nginx', '1.24.0-2ubuntu7.1', 520, 1_402, 'nginx-common iproute2', '', '/usr/sbin nginx:1336168', { repo: UPD }),
  pkg('libjemalloc2', '5.3.0-2build1', 256, 749, '', '', '', { repo: UU }),
  pkg('liblzf1', '3.6-4', 7_444 / 1000, 28, '', '', '', { repo: UU }),
  pkg('redis-tools', '5:7.0.15-1ubuntu0.24.04.1', 1_166, 6_168, 'libjemalloc2 liblzf1', '', '/usr/bin redis-cli:2044104 redis-benchmark:1999024 redis-check-aof:5012208', { repo: 'noble-updates/universe' }),
  pkg('redis-server', '5:7.0.15-1ubuntu0.24.04.1', 51.0, 200, 'redis-tools', '', '/usr/bin redis-server:5012208', { repo: 'noble-updates/universe', files: { '/etc/redis/redis.conf': '# Redis configuration file example.\nbind 127.0.0.1 -::1\nport 6379\ndaemonize yes\n' } }),
  pkg('apt-utils', '2.7.14build2', 212, 790, '', '', '/usr/bin apt-extracttemplates:31048 apt-ftparchive:301696 apt-sortpkgs:31048', { repo: U }),
);

const D = 'bookworm/main';
const DS = 'bookworm-security/main';

/** Debian 12 (bookworm) archive: the base of the nginx, redis and httpd images. */
export const BOOKWORM: PkgTable = table(
  pkg('procps', '2:4.0.2-3', 709, 2_175, 'libproc2-0', 'psmisc', '/usr/bin ps:137752 top:133336 free:22800 pgrep:31048 pkill:31048 pidof:22800 uptime:14736 vmstat:39048 w:27016 watch:31152 pmap:35216 | /usr/sbin sysctl:30952', { repo: D }),
  pkg('libproc2-0', '2:4.0.2-3', 62.8, 211, '', '', '', { repo: D }),
  pkg('psmisc', '23.6-1', 259, 879, '', '', '/usr/bin killall:31072 fuser:39200 pstree:35344', { repo: D }),
  pkg('libssl3', '3.0.15-1~deb12u1', 2_026, 6_142, '', '', '', { repo: DS }),
  pkg('openssl', '3.0.15-1~deb12u1', 1_428, 2_298, 'libssl3', '', '/usr/bin openssl:1004144', { repo: DS }),
  pkg('ca-certificates', '20230311', 153, 400, 'openssl', '', '/usr/sbin update-ca-certificates:8093', { ...ALL, repo: D }),
  pkg('libbrotli1', '1.0.9-2+b6', 269, 782, '', '', '', { repo: D }),
  pkg('libkrb5support0', '1.20.1-2+deb12u2', 32.8, 132, '', '', '', { repo: D }),
  pkg('libk5crypto3', '1.20.1-2+deb12u2', 78.9, 324, 'libkrb5support0', '', '', { repo: D }),
  pkg('libkeyutils1', '1.6.3-2', 8_808 / 1000, 40, '', '', '', { repo: D }),
  pkg('krb5-locales', '1.20.1-2+deb12u2', 63.4, 1_107, '', '', '', { ...ALL, repo: D }),
  pkg('libkrb5-3', '1.20.1-2+deb12u2', 332, 1_127, 'libk5crypto3 libkeyutils1 libkrb5support0 libssl3', 'krb5-locales', '', { repo: D }),
  pkg('libgssapi-krb5-2', '1.20.1-2+deb12u2', 135, 424, 'libkrb5-3', '', '', { repo: D }),
  pkg('libsasl2-modules-db', '2.1.28+dfsg-10', 20.3, 84, '', '', '', { repo: D }),
  pkg('libsasl2-2', '2.1.28+dfsg-10', 59.7, 167, 'libsasl2-modules-db', '', '', { repo: D }),
  pkg('libldap-2.5-0', '2.5.13+dfsg-5', 183, 571, 'libsasl2-2', '', '', { repo: D }),
  pkg('libnghttp2-14', '1.52.0-1+deb12u2', 72.3, 236, '', '', '', { repo: D }),
  pkg('libpsl5', '0.21.2-1', 58.7, 91, '', 'publicsuffix', '', { repo: D }),
  pkg('publicsuffix', '20230209.2326-1', 126, 318, '', '', '', { ...ALL, repo: D }),
  pkg('librtmp1', '2.4+20151223.gitfa8646d.1-2+b2', 60.8, 149, '', '', '', { repo: D }),
  pkg('libssh2-1', '1.10.0-3+b1', 179, 276, 'libssl3', '', '', { repo: D }),
  pkg('libcurl4', '7.88.1-10+deb12u8', 390, 909, 'libbrotli1 libgssapi-krb5-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1 libssl3', 'ca-certificates', '', { repo: D }),
  pkg('curl', '7.88.1-10+deb12u8', 315, 497, 'libcurl4', '', '/usr/bin curl:289840', { repo: D }),
  pkg('wget', '1.21.3-1+b2', 984, 3_686, 'libpsl5 libssl3', 'ca-certificates', '/usr/bin wget:542568', { repo: D }),
  pkg('libgpm2', '1.20.7-10+b1', 14.2, 48, '', '', '', { repo: D }),
  pkg('libsodium23', '1.0.18-1', 161, 385, '', '', '', { repo: D }),
  pkg('xxd', '2:9.0.1378-2', 84.1, 300, '', '', '/usr/bin xxd:18744', { repo: D }),
  pkg('vim-common', '2:9.0.1378-2', 125, 375, 'xxd', '', '', { ...ALL, repo: D }),
  pkg('vim-runtime', '2:9.0.1378-2', 7_025, 36_917, '', '', '', { ...ALL, repo: D }),
  pkg('vim', '2:9.0.1378-2', 1_567, 3_744, 'vim-common vim-runtime libgpm2 libsodium23', '', '/usr/bin vim.basic:3590904', { repo: D, links: [['/usr/bin/vim', 'vim.basic'], ['/usr/bin/vi', 'vim.basic']] }),
  pkg('nano', '7.2-1+deb12u1', 690, 2_830, '', '', '/usr/bin nano:292736', { repo: D, links: [['/usr/bin/pico', 'nano']] }),
  pkg('libcap2-bin', '1:2.66-4', 34.7, 133, '', '', '/usr/sbin capsh:35224 getcap:14688 setcap:14688', { repo: D }),
  pkg('iputils-ping', '3:20221126-1', 47.1, 116, '', 'libcap2-bin', '/usr/bin ping:89768', { repo: D, links: [['/usr/bin/ping4', 'ping'], ['/usr/bin/ping6', 'ping']] }),
  pkg('net-tools', '2.10-0.1', 243, 1_011, '', '', '/usr/bin netstat:158328 | /usr/sbin ifconfig:76568 route:67872 arp:63448', { repo: D }),
  pkg('libmnl0', '1.0.4-3', 12.9, 45, '', '', '', { repo: D }),
  pkg('libxtables12', '1.8.9-2', 30.8, 98, '', '', '', { repo: D }),
  pkg('libelf1', '0.188-2.1', 174, 1_055, '', '', '', { repo: D }),
  pkg('libbpf1', '1:1.1.0-1', 145, 402, 'libelf1', '', '', { repo: D }),
  pkg('iproute2', '6.1.0-3', 1_046, 3_339, 'libbpf1 libmnl0 libxtables12 libcap2-bin', '', '/usr/bin ip:772816 ss:186096 bridge:137840 | /usr/sbin tc:612312', { repo: D }),
  pkg('less', '590-2.1~deb12u2', 132, 327, '', '', '/usr/bin less:188536 lessecho:14664 lesskey:22928', { repo: D }),
  pkg('tree', '2.1.0-1', 51.4, 125, '', '', '/usr/bin tree:90880', { repo: D }),
  pkg('libnl-3-200', '3.7.0-0.2+b1', 63.1, 193, '', '', '', { repo: D }),
  pkg('libnl-genl-3-200', '3.7.0-0.2+b1', 20.3, 50, 'libnl-3-200', '', '', { repo: D }),
  pkg('htop', '3.2.2-2', 152, 386, 'libnl-genl-3-200', '', '/usr/bin htop:342800', { repo: D }),
  pkg('libonig5', '6.9.8-1', 188, 663, '', '', '', { repo: D }),
  pkg('libjq1', '1.6-2.1', 135, 361, 'libonig5', '', '', { repo: D }),
  pkg('jq', '1.6-2.1', 64.9, 102, 'libjq1', '', '/usr/bin jq:31360', { repo: D }),
  pkg('unzip', '6.0-28', 166, 385, '', '', '/usr/bin unzip:186664 zipinfo:186664', { repo: D }),
  pkg('sudo', '1.9.13p3-1+deb12u1', 1_889, 6_199, '', '', '/usr/bin sudo:277936 sudoedit:277936', { repo: D }),
  pkg('netcat-openbsd', '1.219-1', 41.5, 109, '', '', '/usr/bin nc.openbsd:39408', { repo: D, links: [['/usr/bin/nc', 'nc.openbsd'], ['/usr/bin/netcat', 'nc.openbsd']] }),
  pkg('bind9-libs', '1:9.18.28-1~deb12u2', 1_179, 3_569, '', '', '', { repo: DS }),
  pkg('bind9-host', '1:9.18.28-1~deb12u2', 53.8, 145, 'bind9-libs', '', '/usr/bin host:84112', { repo: DS }),
  pkg('bind9-dnsutils', '1:9.18.28-1~deb12u2', 155, 659, 'bind9-libs bind9-host', '', '/usr/bin dig:145400 nslookup:117056 nsupdate:129016', { repo: DS }),
  pkg('dnsutils', '1:9.18.28-1~deb12u2', 3.2, 17, 'bind9-dnsutils', '', '', { ...ALL, repo: DS }),
  pkg('libexpat1', '2.5.0-1+deb12u1', 99.9, 365, '', '', '', { repo: D }),
  pkg('git-man', '1:2.39.5-0+deb12u1', 2_053, 1_878, '', '', '', { ...ALL, repo: D }),
  pkg('liberror-perl', '0.17029-2', 29.0, 40, '', '', '', { ...ALL, repo: D }),
  pkg('libcurl3-gnutls', '7.88.1-10+deb12u8', 385, 899, 'libbrotli1 libgssapi-krb5-2 libldap-2.5-0 libnghttp2-14 libpsl5 librtmp1 libssh2-1', '', '', { repo: D }),
  pkg('git', '1:2.39.5-0+deb12u1', 7_264, 39_311, 'git-man liberror-perl libcurl3-gnutls libexpat1', 'less ca-certificates', '/usr/bin git:3958728', { repo: D }),
  pkg('libmpdec3', '2.5.1-2', 87.9, 246, '', '', '', { repo: D }),
  pkg('libsqlite3-0', '3.40.1-2+deb12u1', 839, 1_778, '', '', '', { repo: D }),
  pkg('media-types', '10.0.0', 26.1, 103, '', '', '', { ...ALL, repo: D }),
  pkg('libpython3.11-minimal', '3.11.2-6+deb12u4', 816, 5_110, 'libexpat1', '', '', { repo: D }),
  pkg('python3.11-minimal', '3.11.2-6+deb12u4', 2_064, 5_933, 'libpython3.11-minimal', '', '/usr/bin python3.11:6831704', { repo: D }),
  pkg('libpython3.11-stdlib', '3.11.2-6+deb12u4', 1_797, 7_909, 'libpython3.11-minimal media-types libmpdec3 libsqlite3-0', '', '', { repo: D }),
  pkg('python3.11', '3.11.2-6+deb12u4', 573, 640, 'python3.11-minimal libpython3.11-stdlib', '', '', { repo: D }),
  pkg('python3-minimal', '3.11.2-1+b1', 26.3, 136, 'python3.11-minimal', '', '', { repo: D, links: [['/usr/bin/python3', 'python3.11']] }),
  pkg('python3', '3.11.2-1+b1', 26.2, 90, 'python3-minimal python3.11', '', '', { repo: D }),
  pkg('nginx-common', '1.22.1-9+deb12u1', 112, 405, '', '', '', { ...ALL, repo: D, files: nginxFiles(false), links: [['/etc/nginx/sites-enabled/default', '/etc/nginx/sites-available/default']] }),
  pkg('nginx', '1.22.1-9+deb12u1', 527, 1_274, 'nginx-common', '', '/usr/sbin nginx:1280752', { repo: D }),
  pkg('libjemalloc2', '5.3.0-1', 275, 753, '', '', '', { repo: D }),
  pkg('liblzf1', '3.6-3', 10.2, 29, '', '', '', { repo: D }),
  pkg('redis-tools', '5:7.0.15-1~deb12u1', 989, 6_088, 'libjemalloc2 liblzf1', '', '/usr/bin redis-cli:2044104 redis-benchmark:1999024', { repo: D }),
  pkg('redis-server', '5:7.0.15-1~deb12u1', 73.2, 200, 'redis-tools', '', '/usr/bin redis-server:5012208', { repo: D }),
  pkg('apt-utils', '2.6.1', 209, 860, '', '', '/usr/bin apt-extracttemplates:31048 apt-ftparchive:301696 apt-sortpkgs:31048', { repo: D }),
);

/** Packages every Debian/Ubuntu image already has (apt says "is already the newest version"). */
export const DEB_BASE = new Set(
  'adduser apt base-files base-passwd bash bsdutils coreutils dash debconf debianutils diffutils dpkg e2fsprogs findutils gcc-12-base gpgv grep gzip hostname init-system-helpers libacl1 libapt-pkg6.0 libattr1 libaudit1 libblkid1 libbz2-1.0 libc-bin libc6 libcap2 libcrypt1 libgcrypt20 libgmp10 libgnutls30 liblz4-1 liblzma5 libmount1 libncursesw6 libpam-modules libpam0g libpcre2-8-0 libseccomp2 libselinux1 libsmartcols1 libstdc++6 libsystemd0 libtinfo6 libudev1 libuuid1 libzstd1 login mawk mount ncurses-base ncurses-bin passwd perl-base sed sensible-utils sysvinit-utils tar tzdata-legacy util-linux zlib1g'.split(' '),
);
