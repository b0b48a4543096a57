// nginx 1.27.3 layers: the Debian build (on bookworm-slim), the Alpine slim + njs builds (on alpine 3.20.3), entrypoint COPYs.
import type { SeedEntry, SeedLayer } from './types';
import { bin, bins, dir, dirs, exe, file, lib, libs, link } from './fs';
import { BOOKWORM_GROUP, BOOKWORM_PASSWD } from './layers-debian';
import { ALPINE_GROUP, ALPINE_PASSWD } from './layers-alpine';
import {
  NGINX_10_LISTEN_IPV6, NGINX_15_LOCAL_RESOLVERS, NGINX_20_ENVSUBST, NGINX_30_TUNE_WORKERS, NGINX_50X_HTML,
  NGINX_CONF, NGINX_DEFAULT_CONF, NGINX_ENTRYPOINT, NGINX_FASTCGI_PARAMS, NGINX_INDEX_HTML, NGINX_MIME_TYPES,
} from './nginx-files';
import { NGINX_ALPINE_NJS, NGINX_ALPINE_SLIM, NGINX_DEBIAN } from './run-commands';

/** What both variants install under /etc/nginx, /usr/share/nginx and /var/{cache,log}/nginx. */
function nginxTree(nginxSize: number): SeedEntry[] {
  return [
    ...dirs('/etc/nginx', '/etc/nginx/conf.d', '/usr/lib/nginx', '/usr/lib/nginx/modules', '/usr/share/nginx', '/usr/share/nginx/html', '/var/log/nginx', '/docker-entrypoint.d'),
    dir('/var/cache/nginx', 0o700),
    file('/etc/nginx/nginx.conf', NGINX_CONF), file('/etc/nginx/conf.d/default.conf', NGINX_DEFAULT_CONF),
    file('/etc/nginx/mime.types', NGINX_MIME_TYPES), file('/etc/nginx/fastcgi_params', NGINX_FASTCGI_PARAMS),
    { path: '/etc/nginx/scgi_params', kind: 'file', content: '\nscgi_param  REQUEST_METHOD     $request_method;\n', size: 636 },
    { path: '/etc/nginx/uwsgi_params', kind: 'file', content: '\nuwsgi_param  QUERY_STRING       $query_string;\n', size: 664 },
    link('/etc/nginx/modules', '/usr/lib/nginx/modules'),
    bin('/usr/sbin/nginx', 'nginx', nginxSize), bin('/usr/sbin/nginx-debug', 'nginx', Math.round(nginxSize * 1.06)),
    file('/usr/share/nginx/html/index.html', NGINX_INDEX_HTML), file('/usr/share/nginx/html/50x.html', NGINX_50X_HTML),
    // forward request and error logs to docker log collector
    link('/var/log/nginx/access.log', '/dev/stdout'), link('/var/log/nginx/error.log', '/dev/stderr'),
  ];
}

const MODULES = 'ngx_http_geoip_module.so:22680 ngx_http_image_filter_module.so:27040 ngx_http_js_module.so:1398280 ngx_http_xslt_filter_module.so:26920 ngx_stream_geoip_module.so:18560 ngx_stream_js_module.so:1389960';

/** nginx 1.27.3-1~bookworm with its dynamic modules, gettext-base and curl (libxml2 pulls in the 31MB libicudata). */
export const NGINX_DEBIAN_RUN: SeedLayer = {
  key: 'nginx-1.27.3-bookworm-run',
  createdBy: NGINX_DEBIAN,
  size: 116_924_573,
  compressedSize: 43_964_520,
  entries: [
    file('/etc/passwd', BOOKWORM_PASSWD + 'nginx:x:101:101:nginx user:/nonexistent:/bin/false\n'),
    file('/etc/group', BOOKWORM_GROUP + 'nginx:x:101:\n'),
    ...nginxTree(1_407_064),
    ...libs('/usr/lib/nginx/modules', MODULES),
    { path: '/etc/apt/keyrings/nginx-archive-keyring.gpg', kind: 'file', content: 'OpenPGP keyring (stand-in)\n', size: 4_896 },
    ...bins('/usr/bin', 'gettext-base', 'envsubst:35344'), ...bins('/usr/bin', 'curl', 'curl:272872'),
    ...libs('/usr/lib/x86_64-linux-gnu', 'libcurl.so.4:723896 libnghttp2.so.14:166520 libssh2.so.1:276624 libpsl.so.5:71944 librtmp.so.1:104984 libldap-2.5.so.0:355568 libssl.so.3:692768 libcrypto.so.3:4709536 libxml2.so.2:1939928 libxslt.so.1:247784 libexslt.so.0:84224 libicuuc.so.72:2120272 libicudata.so.72:31063728 libgd.so.3:423472 libpng16.so.16:219456 libjpeg.so.62:419664 libtiff.so.6:559120 libwebp.so.7:440344 libfreetype.so.6:857336 libfontconfig.so.1:305264 libX11.so.6:1345376 libGeoIP.so.1:96480'),
    ...dirs('/etc/ssl', '/etc/ssl/certs', '/etc/ssl/private', '/usr/share/ca-certificates', '/usr/share/GeoIP', '/etc/fonts'),
    { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', content: '-----BEGIN CERTIFICATE-----\n(stand-in bundle)\n', size: 219_342 },
    { path: '/usr/share/GeoIP/GeoIP.dat', kind: 'file', content: 'GeoIP (stand-in)\n', size: 1_473_476 },
    file('/etc/fonts/fonts.conf', '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n<fontconfig>\n</fontconfig>\n'),
  ],
};

/** The five `COPY … /docker-entrypoint.d` layers, identical scripts in both variants (different blobs, as in reality). */
function entrypointLayers(variant: string, compressed: number[]): SeedLayer[] {
  const d = dir('/docker-entrypoint.d');
  const mk = (suffix: string, createdBy: string, size: number, i: number, entries: SeedEntry[]): SeedLayer =>
    ({ key: `nginx-1.27.3-${variant}-${suffix}`, createdBy, size, compressedSize: compressed[i], entries });
  return [
    mk('entrypoint', 'COPY docker-entrypoint.sh / # buildkit', 1_620, 0, [exe('/docker-entrypoint.sh', NGINX_ENTRYPOINT)]),
    mk('10-listen', 'COPY 10-listen-on-ipv6-by-default.sh /docker-entrypoint.d # buildkit', 2_125, 1,
      [d, exe('/docker-entrypoint.d/10-listen-on-ipv6-by-default.sh', NGINX_10_LISTEN_IPV6)]),
    mk('15-resolvers', 'COPY 15-local-resolvers.envsh /docker-entrypoint.d # buildkit', 389, 2,
      [d, exe('/docker-entrypoint.d/15-local-resolvers.envsh', NGINX_15_LOCAL_RESOLVERS)]),
    mk('20-envsubst', 'COPY 20-envsubst-on-templates.sh /docker-entrypoint.d # buildkit', 3_018, 3,
      [d, exe('/docker-entrypoint.d/20-envsubst-on-templates.sh', NGINX_20_ENVSUBST)]),
    mk('30-tune', 'COPY 30-tune-worker-processes.sh /docker-entrypoint.d # buildkit', 4_620, 4,
      [d, exe('/docker-entrypoint.d/30-tune-worker-processes.sh', NGINX_30_TUNE_WORKERS)]),
  ];
}

export const NGINX_DEBIAN_COPIES = entrypointLayers('bookworm', [626, 955, 403, 1_210, 1_397]);
export const NGINX_ALPINE_COPIES = entrypointLayers('alpine', [628, 956, 405, 1_211, 1_399]);

/** nginx:1.27.3-alpine-slim's RUN: nginx from nginx.org's apk repo, envsubst, tzdata. Real compressed size. */
export const NGINX_ALPINE_SLIM_RUN: SeedLayer = {
  key: 'nginx-1.27.3-alpine-slim-run',
  createdBy: NGINX_ALPINE_SLIM,
  size: 4_967_412,
  compressedSize: 1_778_487,
  entries: [
    file('/etc/passwd', ALPINE_PASSWD + 'nginx:x:101:101:nginx:/var/cache/nginx:/sbin/nologin\n'),
    file('/etc/group', ALPINE_GROUP + 'nginx:x:101:nginx\n'),
    ...nginxTree(1_263_992),
    { path: '/etc/apk/keys/nginx_signing.rsa.pub', kind: 'file', content: '-----BEGIN PUBLIC KEY-----\n(stand-in)\n', size: 800 },
    bin('/usr/local/bin/envsubst', 'gettext-envsubst', 47_392),
    lib('/usr/lib/libintl.so.8', 52_072), lib('/usr/lib/libpcre2-8.so.0', 551_952),
    ...dirs('/usr/share/zoneinfo', '/usr/share/zoneinfo/Etc', '/usr/share/zoneinfo/Europe', '/usr/share/zoneinfo/America', '/usr/share/zoneinfo/Asia'),
    { path: '/usr/share/zoneinfo/Etc/UTC', kind: 'file', content: 'TZif2\n', size: 114 },
    { path: '/usr/share/zoneinfo/Europe/Paris', kind: 'file', content: 'TZif2\n', size: 2_962 },
    { path: '/usr/share/zoneinfo/America/New_York', kind: 'file', content: 'TZif2\n', size: 3_552 },
    { path: '/usr/share/zoneinfo/Asia/Shanghai', kind: 'file', content: 'TZif2\n', size: 561 },
  ],
};

/** nginx:1.27.3-alpine's last RUN: the njs/xslt/geoip/image-filter modules plus curl. Real compressed size. */
export const NGINX_ALPINE_NJS_RUN: SeedLayer = {
  key: 'nginx-1.27.3-alpine-njs-run',
  createdBy: NGINX_ALPINE_NJS,
  size: 35_227_290,
  compressedSize: 15_100_684,
  entries: [
    ...libs('/usr/lib/nginx/modules', MODULES),
    bin('/usr/bin/curl', 'curl', 251_312),
    ...libs('/usr/lib', 'libcurl.so.4:678976 libnghttp2.so.14:170280 libbrotlidec.so.1:51720 libidn2.so.0:199600 libpsl.so.5:67936 libxml2.so.2:1411640 libxslt.so.1:227080 libexslt.so.0:79568 libgd.so.3:398720 libpng16.so.16:210592 libjpeg.so.8:505440 libwebp.so.7:432104 libavif.so.16:194320 libheif.so.1:1071080 libfreetype.so.6:804840 libfontconfig.so.1:282816 libGeoIP.so.1:100544 libedit.so.0.0.72:186184 libstdc++.so.6:2677024'),
    dir('/usr/share/GeoIP'),
    { path: '/usr/share/GeoIP/GeoIP.dat', kind: 'file', content: 'GeoIP (stand-in)\n', size: 1_473_476 },
    { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', content: '-----BEGIN CERTIFICATE-----\n(stand-in bundle)\n', size: 221_470 },
  ],
};
