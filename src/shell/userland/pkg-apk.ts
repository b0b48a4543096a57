// apk's package data: Alpine 3.20 main/community (versions and sizes approximate the real index).
import { pkg, table } from './pkg-data';

/** Alpine v3.20 x86_64. Installed sizes in KiB; apk's "OK: N MiB" sums them. */
export const ALPINE_PKGS = table(
  pkg('ca-certificates', '20240705-r0', 161, 680, '', '', '/usr/sbin update-ca-certificates:10600'),
  pkg('brotli-libs', '1.1.0-r2', 331, 920),
  pkg('c-ares', '1.33.1-r0', 80, 212),
  pkg('libunistring', '1.2-r0', 549, 1_710),
  pkg('libidn2', '2.3.7-r0', 144, 348, 'libunistring'),
  pkg('nghttp2-libs', '1.62.1-r0', 73, 168),
  pkg('libpsl', '0.21.5-r1', 65, 164, 'libidn2 libunistring'),
  pkg('zstd-libs', '1.5.6-r0', 263, 804),
  pkg('libcurl', '8.11.0-r2', 379, 880, 'brotli-libs c-ares libidn2 libpsl nghttp2-libs zstd-libs'),
  pkg('curl', '8.11.0-r2', 262, 596, 'ca-certificates libcurl', '', '/usr/bin curl:259344'),
  pkg('wget', '1.24.5-r0', 480, 1_076, 'libidn2 libpsl libunistring', '', '/usr/bin wget:522336'),
  pkg('ncurses-terminfo-base', '6.4_p20240420-r2', 21, 56),
  pkg('libncursesw', '6.4_p20240420-r2', 149, 380, 'ncurses-terminfo-base'),
  pkg('readline', '8.2.10-r0', 113, 296, 'libncursesw'),
  pkg('bash', '5.2.26-r0', 455, 1_420, 'readline', '', '/bin bash:1012480'),
  pkg('xxd', '9.1.0707-r0', 19, 32, '', '', '/usr/bin xxd:18744'),
  pkg('vim-common', '9.1.0707-r0', 8_612, 34_760),
  pkg('vim', '9.1.0707-r0', 1_562, 3_332, 'libncursesw vim-common xxd', '', '/usr/bin vim:3207456', { links: [['/usr/bin/vimdiff', 'vim']] }),
  pkg('libmagic', '5.45-r1', 7_652, 7_640),
  pkg('nano', '8.0-r0', 594, 2_220, 'libmagic libncursesw', '', '/usr/bin nano:289360', { links: [['/usr/bin/rnano', 'nano']] }),
  pkg('pcre2', '10.43-r0', 347, 888),
  pkg('libexpat', '2.6.4-r0', 78, 196),
  pkg('git', '2.45.2-r0', 6_412, 13_104, 'ca-certificates libcurl libexpat pcre2', '', '/usr/bin git:3411720'),
  pkg('libbz2', '1.0.8-r6', 34, 80),
  pkg('libffi', '3.4.6-r0', 14, 44),
  pkg('gdbm', '1.23-r1', 77, 232),
  pkg('xz-libs', '5.6.2-r0', 169, 368),
  pkg('mpdecimal', '4.0.0-r0', 114, 300),
  pkg('sqlite-libs', '3.45.3-r1', 781, 1_676),
  pkg('python3', '3.12.7-r0', 12_644, 44_544, 'libbz2 libexpat libffi gdbm mpdecimal libncursesw readline sqlite-libs xz-libs', '', '/usr/bin python3.12:14760', { links: [['/usr/bin/python3', 'python3.12']] }),
  pkg('nginx', '1.26.2-r0', 478, 1_228, 'pcre2', '', '/usr/sbin nginx:1243464', {
    files: { '/etc/nginx/nginx.conf': '# /etc/nginx/nginx.conf\n\nuser nginx;\nworker_processes auto;\n\nevents {\n\tworker_connections 1024;\n}\n\nhttp {\n\tinclude /etc/nginx/mime.types;\n\tdefault_type application/octet-stream;\n\tinclude /etc/nginx/http.d/*.conf;\n}\n', '/etc/nginx/http.d/default.conf': '# This is a default site configuration which will simply return 404, preventing\n# chance access to any other virtualhost.\n\nserver {\n\tlisten 80 default_server;\n\tlisten [::]:80 default_server;\n\n\tlocation / {\n\t\treturn 404;\n\t}\n}\n' },
  }),
  pkg('redis', '7.2.5-r0', 1_441, 3_860, '', '', '/usr/bin redis-server:2455576 redis-cli:420088 redis-benchmark:407312'),
  pkg('libproc2', '4.0.4-r0', 56, 164),
  pkg('procps-ng', '4.0.4-r0', 199, 832, 'libproc2 libncursesw', '', '/bin ps:91744 | /usr/bin top:112760 free:18928 pgrep:27120 pkill:27120 pidof:18928 uptime:14832 vmstat:31224 w:22928 watch:27072 pmap:27120 | /sbin sysctl:26968'),
  pkg('libnl3', '3.9.0-r1', 293, 712),
  pkg('htop', '3.3.0-r0', 150, 404, 'libncursesw libnl3', '', '/usr/bin htop:284320'),
  pkg('tree', '2.1.1-r0', 26, 68, '', '', '/usr/bin tree:64832'),
  pkg('oniguruma', '6.9.9-r0', 185, 544),
  pkg('jq', '1.7.1-r0', 276, 600, 'oniguruma', '', '/usr/bin jq:306640'),
  pkg('libcap2', '2.70-r0', 17, 56),
  pkg('iputils-ping', '20240117-r0', 39, 96, 'libcap2', '', '/bin ping:59840'),
  pkg('iputils', '20240117-r0', 1, 4, 'iputils-ping'),
  pkg('libmnl', '1.0.5-r2', 11, 28),
  pkg('libelf', '0.191-r0', 170, 552),
  pkg('libbpf', '1.3.0-r0', 138, 324, 'libelf'),
  pkg('iproute2-minimal', '6.9.0-r0', 432, 1_112, 'libmnl', '', '/sbin ip:671776'),
  pkg('iproute2-ss', '6.9.0-r0', 99, 256, 'libmnl', '', '/sbin ss:158296'),
  pkg('iproute2-tc', '6.9.0-r0', 344, 908, 'libbpf libmnl', '', '/sbin tc:556832'),
  pkg('iproute2', '6.9.0-r0', 1, 4, 'iproute2-minimal iproute2-ss iproute2-tc'),
  pkg('libuv', '1.48.0-r0', 86, 220),
  pkg('json-c', '0.17-r0', 35, 92),
  pkg('bind-libs', '9.18.31-r0', 1_388, 3_868, 'json-c libuv libxml2'),
  pkg('libxml2', '2.12.7-r0', 697, 1_612, 'xz-libs'),
  pkg('bind-tools', '9.18.31-r0', 468, 1_380, 'bind-libs', '', '/usr/bin dig:116848 host:59608 nslookup:93848 nsupdate:96432'),
  pkg('less', '643-r2', 142, 336, 'libncursesw', '', '/usr/bin less:186048'),
  pkg('sudo', '1.9.15_p5-r0', 676, 2_532, '', '', '/usr/bin sudo:247032'),
  pkg('openssl', '3.3.2-r1', 354, 872, '', '', '/usr/bin openssl:674808'),
  pkg('tzdata', '2024b-r0', 444, 1_436),
  pkg('libedit', '20240517.3.1-r0', 76, 216, 'libncursesw'),
  pkg('openssh-client-common', '9.7_p1-r4', 340, 824),
  pkg('openssh-keygen', '9.7_p1-r4', 351, 628, 'libedit'),
  pkg('openssh-client-default', '9.7_p1-r4', 692, 1_620, 'openssh-client-common openssh-keygen', '', '/usr/bin ssh:862912 scp:130000 sftp:171000'),
);

/** Virtual names apk resolves to a provider (`apk add procps` installs procps-ng). */
export const APK_PROVIDES: Record<string, string> = { procps: 'procps-ng', 'openssh-client': 'openssh-client-default', dig: 'bind-tools', nslookup: 'bind-tools', ping: 'iputils-ping' };

/** The packages of the alpine:3.20 minirootfs (apk info). */
export const ALPINE_BASE = [
  'alpine-baselayout', 'alpine-baselayout-data', 'alpine-keys', 'apk-tools', 'busybox', 'busybox-binsh', 'ca-certificates-bundle',
  'libcrypto3', 'libssl3', 'musl', 'musl-utils', 'scanelf', 'ssl_client', 'zlib',
];

/** Installed size of the minirootfs in KiB (apk's "OK: 7 MiB in 14 packages"). */
export const ALPINE_BASE_KB = 7_612;
