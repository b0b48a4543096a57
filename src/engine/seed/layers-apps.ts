// httpd 2.4.62 and redis 7.4.1 layers (Debian bookworm-slim builds, plus redis on alpine 3.20.3) and the shared empty layer.
import type { SeedEntry, SeedLayer } from './types';
import { bin, bins, dir, dirs, exe, file, libs, link } from './fs';
import { BOOKWORM_GROUP, BOOKWORM_PASSWD } from './layers-debian';
import { ALPINE_GROUP, ALPINE_PASSWD } from './layers-alpine';
import * as R from './run-commands';

/**
 * BuildKit's WORKDIR on a directory that already exists commits an empty layer (blob 4f4fb700ef54…, 32 bytes
 * compressed, "0B" in `docker history`). httpd and redis both have one, so the second pull says "Already exists".
 */
export const EMPTY_LAYER: SeedLayer = { key: 'empty-layer', createdBy: 'WORKDIR /data', size: 0, compressedSize: 32, entries: [] };

// Abridged: the real httpd.conf (about 20 kB) has long explanatory comments and many commented-out LoadModule lines.
const HTTPD_CONF = `#
# This is the main Apache HTTP server configuration file.  It contains the
# configuration directives that give the server its instructions.
# See <URL:http://httpd.apache.org/docs/2.4/> for detailed information.
# In particular, see 
# <URL:http://httpd.apache.org/docs/2.4/mod/directives.html>
# for a discussion of each configuration directive.
#
ServerRoot "/usr/local/apache2"

#Listen 12.34.56.78:80
Listen 80

LoadModule mpm_event_module modules/mod_mpm_event.so
LoadModule authn_file_module modules/mod_authn_file.so
LoadModule authn_core_module modules/mod_authn_core.so
LoadModule authz_host_module modules/mod_authz_host.so
LoadModule authz_groupfile_module modules/mod_authz_groupfile.so
LoadModule authz_user_module modules/mod_authz_user.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule access_compat_module modules/mod_access_compat.so
LoadModule auth_basic_module modules/mod_auth_basic.so
LoadModule reqtimeout_module modules/mod_reqtimeout.so
LoadModule filter_module modules/mod_filter.so
LoadModule mime_module modules/mod_mime.so
LoadModule log_config_module modules/mod_log_config.so
LoadModule env_module modules/mod_env.so
LoadModule headers_module modules/mod_headers.so
LoadModule setenvif_module modules/mod_setenvif.so
LoadModule version_module modules/mod_version.so
LoadModule unixd_module modules/mod_unixd.so
LoadModule status_module modules/mod_status.so
LoadModule autoindex_module modules/mod_autoindex.so
LoadModule dir_module modules/mod_dir.so
LoadModule alias_module modules/mod_alias.so

<IfModule unixd_module>
User www-data
Group www-data

</IfModule>

ServerAdmin you@example.com

<Directory />
    AllowOverride none
    Require all denied
</Directory>

DocumentRoot "/usr/local/apache2/htdocs"
<Directory "/usr/local/apache2/htdocs">
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>

<IfModule dir_module>
    DirectoryIndex index.html
</IfModule>

<Files ".ht*">
    Require all denied
</Files>

ErrorLog /proc/self/fd/2

LogLevel warn

<IfModule log_config_module>
    LogFormat "%h %l %u %t \\"%r\\" %>s %b \\"%{Referer}i\\" \\"%{User-Agent}i\\"" combined
    LogFormat "%h %l %u %t \\"%r\\" %>s %b" common

    CustomLog /proc/self/fd/1 common
</IfModule>

<IfModule alias_module>
    ScriptAlias /cgi-bin/ "/usr/local/apache2/cgi-bin/"
</IfModule>

<Directory "/usr/local/apache2/cgi-bin">
    AllowOverride None
    Options None
    Require all granted
</Directory>

<IfModule mime_module>
    TypesConfig conf/mime.types
    AddType application/x-compress .Z
    AddType application/x-gzip .gz .tgz
</IfModule>

<IfModule ssl_module>
SSLRandomSeed startup builtin
SSLRandomSeed connect builtin
</IfModule>
`;

export const HTTPD_FOREGROUND = `#!/bin/sh
set -e

# Apache gets grumpy about PID files pre-existing
rm -f /usr/local/apache2/logs/httpd.pid

exec httpd -DFOREGROUND "$@"
`;

const A = '/usr/local/apache2';
const MODS = 'access_compat alias auth_basic authn_core authn_file authz_core authz_groupfile authz_host authz_user autoindex cgid deflate dir env filter headers http2 log_config lua mime mpm_event mpm_prefork mpm_worker proxy proxy_fcgi proxy_http reqtimeout rewrite setenvif ssl status unixd version';

export const HTTPD_MKDIR_LAYER: SeedLayer = { key: 'httpd-2.4.62-mkdir', createdBy: R.HTTPD_MKDIR, size: 0, compressedSize: 145, entries: [dir(A)] };

export const HTTPD_APT_LAYER: SeedLayer = {
  key: 'httpd-2.4.62-apt',
  createdBy: R.HTTPD_APT,
  size: 10_402_716,
  compressedSize: 4_201_248,
  entries: [
    ...dirs('/etc/ssl', '/etc/ssl/certs', '/etc/ssl/private', '/etc/ldap', '/usr/share/ca-certificates', '/usr/lib/x86_64-linux-gnu/apr-util-1'),
    { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', content: '-----BEGIN CERTIFICATE-----\n(stand-in bundle)\n', size: 219_342 },
    file('/etc/ldap/ldap.conf', '#\n# LDAP Defaults\n#\n\n# See ldap.conf(5) for details\n# This file should be world readable but not world writable.\n\n#BASE\tdc=example,dc=com\n#URI\tldap://ldap.example.com ldap://ldap-provider.example.com:666\n\n# TLS certificates (needed for GnuTLS)\nTLS_CACERT\t/etc/ssl/certs/ca-certificates.crt\n'),
    bin('/usr/bin/openssl', 'openssl', 1_003_784),
    ...libs('/usr/lib/x86_64-linux-gnu', 'libapr-1.so.0:259408 libaprutil-1.so.0:194408 libldap-2.5.so.0:355568 liblber-2.5.so.0:63936 libsasl2.so.2:116928 libssl.so.3:692768 libcrypto.so.3:4709536 libexpat.so.1:190648'),
    ...libs('/usr/lib/x86_64-linux-gnu/apr-util-1', 'apr_ldap-1.so:22440'),
  ],
};

export const HTTPD_BUILD_LAYER: SeedLayer = {
  key: 'httpd-2.4.62-build',
  createdBy: R.HTTPD_BUILD,
  size: 62_815_231,
  compressedSize: 26_042_049,
  entries: [
    ...dirs(`${A}/bin`, `${A}/build`, `${A}/cgi-bin`, `${A}/conf`, `${A}/conf/extra`, `${A}/conf/original`, `${A}/error`, `${A}/htdocs`, `${A}/icons`, `${A}/include`, `${A}/logs`, `${A}/modules`),
    ...bins(`${A}/bin`, 'httpd', 'httpd:2710640 ab:121392 checkgid:14920 dbmmanage:9224 fcgistarter:19480 htcacheclean:59240 htdbm:31672 htdigest:19728 htpasswd:31296 httxt2dbm:14984 logresolve:15016 rotatelogs:32536'),
    exe(`${A}/bin/apachectl`, '#!/bin/sh\n#\n# Licensed to the Apache Software Foundation (ASF) under one or more\n# contributor license agreements.\n#\n# Apache control script designed to allow an easy command line interface\n# to controlling Apache.  Written by Marc Slemko, 1997/08/23\n'),
    exe(`${A}/bin/envvars`, '# envvars-std - default environment variables for apachectl\n#\n# This file is generated from envvars-std.in\n#\n'),
    exe(`${A}/bin/apxs`, '#!/usr/bin/perl -w\n#\n# apxs -- APache eXtenSion tool\n'),
    file(`${A}/conf/httpd.conf`, HTTPD_CONF),
    { path: `${A}/conf/mime.types`, kind: 'file', content: '# This file maps Internet media types to unique file extension(s).\n', size: 60_847 },
    { path: `${A}/conf/magic`, kind: 'file', content: '# Magic data for mod_mime_magic Apache module (originally for file(1) command)\n', size: 13_064 },
    ...['httpd-autoindex', 'httpd-dav', 'httpd-default', 'httpd-info', 'httpd-languages', 'httpd-manual', 'httpd-mpm', 'httpd-multilang-errordoc', 'httpd-ssl', 'httpd-userdir', 'httpd-vhosts', 'proxy-html']
      .map((n): SeedEntry => file(`${A}/conf/extra/${n}.conf`, `#\n# ${n}.conf (Apache HTTP Server 2.4.62)\n#\n`)),
    file(`${A}/htdocs/index.html`, '<html><body><h1>It works!</h1></body></html>\n'),
    exe(`${A}/cgi-bin/printenv`, '#\n\n# To permit this cgi, replace # on the first line above with the\n# appropriate #!/path/to/perl shebang, and on Unix / Linux also\n# set this script executable with chmod 755.\n'),
    exe(`${A}/cgi-bin/test-cgi`, '#!/bin/sh\n\n# disable filename globbing\nset -f\n\necho "Content-type: text/plain; charset=iso-8859-1"\necho\n'),
    ...MODS.split(' ').map((m) => ({ path: `${A}/modules/mod_${m}.so`, kind: 'file' as const, content: `\u007fELF dockerlings-stand-in: lib mod_${m}.so\n`, mode: 0o755, size: 40_000 + m.length * 1_733 })),
    ...libs('/usr/lib/x86_64-linux-gnu', 'libbrotlienc.so.1:651168 libbrotlidec.so.1:51720 libbrotlicommon.so.1:137928 libcurl.so.4:723896 libjansson.so.4:51224 liblua5.2.so.0:219104 libnghttp2.so.14:166520 libpcre.so.3:473576 libxml2.so.2:1939928 libicuuc.so.72:2120272 libicudata.so.72:31063728'),
  ],
};

export const HTTPD_FOREGROUND_LAYER: SeedLayer = {
  key: 'httpd-2.4.62-foreground',
  createdBy: 'COPY httpd-foreground /usr/local/bin/ # buildkit',
  size: HTTPD_FOREGROUND.length,
  compressedSize: 293,
  entries: [exe('/usr/local/bin/httpd-foreground', HTTPD_FOREGROUND)],
};

export const REDIS_ENTRYPOINT = `#!/bin/sh
set -e

# first arg is \`-f\` or \`--some-option\`
# or first arg is \`something.conf\`
if [ "\${1#-}" != "$1" ] || [ "\${1%.conf}" != "$1" ]; then
\tset -- redis-server "$@"
fi

# allow the container to be started with \`--user\`
if [ "$1" = 'redis-server' -a "$(id -u)" = '0' ]; then
\tfind . \\! -user redis -exec chown redis '{}' +
\texec gosu redis "$0" "$@"
fi

# set an appropriate umask (if one isn't set already)
# - https://github.com/docker-library/redis/issues/305
# - https://github.com/redis/redis/blob/bb875603fb7ff3f9d19aad906bd45d7db98d9a39/utils/systemd-redis_server.service#L37
um="$(umask)"
if [ "$um" = '0022' ]; then
\tumask 0077
fi

exec "$@"
`;

/** redis-server, -cli, -benchmark; check-aof/check-rdb/sentinel are symlinks to redis-server (as the build makes them). */
function redisBinaries(): SeedEntry[] {
  return [
    ...bins('/usr/local/bin', 'redis', 'redis-server:15248592 redis-cli:8622728 redis-benchmark:8147400'),
    link('/usr/local/bin/redis-check-aof', 'redis-server'), link('/usr/local/bin/redis-check-rdb', 'redis-server'),
    link('/usr/local/bin/redis-sentinel', 'redis-server'),
  ];
}

export const REDIS_DEBIAN_LAYERS: SeedLayer[] = [
  { key: 'redis-7.4.1-bookworm-user', createdBy: R.REDIS_USER, size: 4_185, compressedSize: 1_102, entries: [
    file('/etc/passwd', BOOKWORM_PASSWD + 'redis:x:999:999::/home/redis:/bin/sh\n'), file('/etc/group', BOOKWORM_GROUP + 'redis:x:999:\n')] },
  // tzdata is already part of bookworm's required set, so this step changes (almost) nothing.
  { key: 'redis-7.4.1-bookworm-tzdata', createdBy: R.REDIS_TZDATA, size: 0, compressedSize: 873, entries: [dir('/var/lib/apt/lists'), dir('/var/cache/debconf')] },
  { key: 'redis-7.4.1-bookworm-gosu', createdBy: R.REDIS_GOSU, size: 2_511_120, compressedSize: 1_437_811, entries: [bin('/usr/local/bin/gosu', 'gosu', 2_383_872)] },
  { key: 'redis-7.4.1-bookworm-build', createdBy: R.REDIS_BUILD, size: 39_712_356, compressedSize: 15_325_951, entries: [
    ...redisBinaries(), ...libs('/usr/lib/x86_64-linux-gnu', 'libssl.so.3:692768 libcrypto.so.3:4709536')] },
  { key: 'redis-7.4.1-bookworm-data', createdBy: R.REDIS_MKDIR, size: 0, compressedSize: 96, entries: [dir('/data')] },
  { key: 'redis-7.4.1-bookworm-entrypoint', createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', size: REDIS_ENTRYPOINT.length, compressedSize: 572,
    entries: [exe('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT)] },
];

export const REDIS_ALPINE_LAYERS: SeedLayer[] = [
  { key: 'redis-7.4.1-alpine-user', createdBy: R.REDIS_ALPINE_USER, size: 2_487, compressedSize: 966, entries: [
    file('/etc/passwd', ALPINE_PASSWD + 'redis:x:999:1000:Linux User,,,:/home/redis:/sbin/nologin\n'), file('/etc/group', ALPINE_GROUP + 'redis:x:1000:redis\n'),
    { path: '/etc/shadow', kind: 'file', content: 'root:*::0:::::\nredis:!:20000:0:99999:7:::\n', mode: 0o640 }] },
  { key: 'redis-7.4.1-alpine-tzdata', createdBy: R.REDIS_ALPINE_TZDATA, size: 452_318, compressedSize: 171_281, entries: [
    ...dirs('/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc', '/usr/share/zoneinfo/Europe', '/usr/share/zoneinfo/Asia'),
    { path: '/usr/share/zoneinfo/Etc/UTC', kind: 'file', content: 'TZif2\n', size: 114 },
    { path: '/usr/share/zoneinfo/Europe/Paris', kind: 'file', content: 'TZif2\n', size: 2_962 },
    { path: '/usr/share/zoneinfo/Asia/Shanghai', kind: 'file', content: 'TZif2\n', size: 561 }] },
  { key: 'redis-7.4.1-alpine-gosu', createdBy: R.REDIS_ALPINE_GOSU, size: 2_347_192, compressedSize: 1_002_655, entries: [bin('/usr/local/bin/gosu', 'gosu', 2_347_192)] },
  { key: 'redis-7.4.1-alpine-build', createdBy: R.REDIS_ALPINE_BUILD, size: 30_405_120, compressedSize: 14_643_140, entries: [...redisBinaries()] },
  { key: 'redis-7.4.1-alpine-data', createdBy: R.REDIS_MKDIR, size: 0, compressedSize: 100, entries: [dir('/data')] },
  { key: 'redis-7.4.1-alpine-entrypoint', createdBy: 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', size: REDIS_ENTRYPOINT.length, compressedSize: 572,
    entries: [exe('/usr/local/bin/docker-entrypoint.sh', REDIS_ENTRYPOINT)] },
];
