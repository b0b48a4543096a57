// Application images of the catalog: nginx (Debian and Alpine), httpd, redis (Debian and Alpine).
import type { SeedHistory, SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { ALPINE_3_20 } from './layers-alpine';
import { NGINX_ALPINE_COPIES, NGINX_ALPINE_NJS_RUN, NGINX_ALPINE_SLIM_RUN, NGINX_DEBIAN_COPIES, NGINX_DEBIAN_RUN } from './layers-nginx';
import {
  EMPTY_LAYER, HTTPD_APT_LAYER, HTTPD_BUILD_LAYER, HTTPD_FOREGROUND_LAYER, HTTPD_MKDIR_LAYER, REDIS_ALPINE_LAYERS, REDIS_DEBIAN_LAYERS,
} from './layers-apps';

// docker-library rebuilds stamp every history row of an image with the Dockerfile's commit time
// (SOURCE_DATE_EPOCH), base rows included for Debian-based images (repo-info, Nov 2024).
const debianBase = (t: string): SeedHistory[] => [bkLayer(t, DEBIAN_BOOKWORM_SLIM), bkMeta(t, 'CMD ["bash"]')];
const ALPINE_T = '2024-09-06T12:05:36Z';
const alpineBase: SeedHistory[] = [bkLayer(ALPINE_T, ALPINE_3_20), bkMeta(ALPINE_T, 'CMD ["/bin/sh"]')];

const NGINX_T = '2024-11-26T18:42:08Z';
const NGINX_LABELS = { maintainer: 'NGINX Docker Maintainers <docker-maint@nginx.com>' };
const nginxTail = (copies: SeedLayer[]): SeedHistory[] => [
  ...copies.map((l) => bkLayer(NGINX_T, l)),
  bkMeta(NGINX_T, 'ENTRYPOINT ["/docker-entrypoint.sh"]'),
  bkMeta(NGINX_T, 'EXPOSE map[80/tcp:{}]'),
  bkMeta(NGINX_T, 'STOPSIGNAL SIGQUIT'),
  bkMeta(NGINX_T, 'CMD ["nginx" "-g" "daemon off;"]'),
];
const nginxConfig = (env: string[]): SeedImage['config'] => ({
  Env: [PATH_ENV, ...env], Cmd: ['nginx', '-g', 'daemon off;'], Entrypoint: ['/docker-entrypoint.sh'], WorkingDir: '',
  ExposedPorts: { '80/tcp': {} }, StopSignal: 'SIGQUIT', Labels: NGINX_LABELS,
});

/** nginx:1.27.3 (mainline, bookworm), image 9bea9f2796e2: 7 layers, 191717838 bytes. */
export const NGINX: SeedImage = {
  repository: 'library/nginx',
  tags: ['latest', '1', '1.27', '1.27.3', 'mainline', 'bookworm', 'mainline-bookworm', '1.27.3-bookworm'],
  created: NGINX_T,
  config: nginxConfig(['NGINX_VERSION=1.27.3', 'NJS_VERSION=0.8.7', 'NJS_RELEASE=1~bookworm', 'PKG_RELEASE=1~bookworm', 'DYNPKG_RELEASE=1~bookworm']),
  history: [
    ...debianBase(NGINX_T),
    bkMeta(NGINX_T, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    bkMeta(NGINX_T, 'ENV NGINX_VERSION=1.27.3'),
    bkMeta(NGINX_T, 'ENV NJS_VERSION=0.8.7'),
    bkMeta(NGINX_T, 'ENV NJS_RELEASE=1~bookworm'),
    bkMeta(NGINX_T, 'ENV PKG_RELEASE=1~bookworm'),
    bkMeta(NGINX_T, 'ENV DYNPKG_RELEASE=1~bookworm'),
    bkLayer(NGINX_T, NGINX_DEBIAN_RUN),
    ...nginxTail(NGINX_DEBIAN_COPIES),
  ],
  search: { description: 'Official build of Nginx.', stars: 20_386, official: true },
};

/** nginx:1.27.3-alpine (alpine 3.20): the alpine-slim steps, then the njs/xslt/geoip modules on top. */
export const NGINX_ALPINE: SeedImage = {
  repository: 'library/nginx',
  tags: ['alpine', '1-alpine', '1.27-alpine', '1.27.3-alpine', 'mainline-alpine', 'alpine3.20', '1.27.3-alpine3.20'],
  created: NGINX_T,
  config: nginxConfig(['NGINX_VERSION=1.27.3', 'PKG_RELEASE=1', 'DYNPKG_RELEASE=1', 'NJS_VERSION=0.8.7', 'NJS_RELEASE=1']),
  history: [
    ...alpineBase,
    bkMeta(NGINX_T, 'LABEL maintainer=NGINX Docker Maintainers <docker-maint@nginx.com>'),
    bkMeta(NGINX_T, 'ENV NGINX_VERSION=1.27.3'),
    bkMeta(NGINX_T, 'ENV PKG_RELEASE=1'),
    bkMeta(NGINX_T, 'ENV DYNPKG_RELEASE=1'),
    bkLayer(NGINX_T, NGINX_ALPINE_SLIM_RUN),
    ...nginxTail(NGINX_ALPINE_COPIES),
    bkMeta(NGINX_T, 'ENV NJS_VERSION=0.8.7'),
    bkMeta(NGINX_T, 'ENV NJS_RELEASE=1'),
    bkLayer(NGINX_T, NGINX_ALPINE_NJS_RUN),
  ],
};

const HTTPD_T = '2024-07-17T23:31:14Z';
const HTTPD_SHA256 = '674188e7bf44ced82da8db522da946849e22080d73d16c93f7f4df89e25729ec';

/** httpd:2.4.62 (bookworm), shares the bookworm-slim base layer with nginx and redis. */
export const HTTPD: SeedImage = {
  repository: 'library/httpd',
  tags: ['latest', '2', '2.4', '2.4.62', 'bookworm', '2.4.62-bookworm'],
  created: HTTPD_T,
  config: {
    Env: ['PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'HTTPD_PREFIX=/usr/local/apache2',
      'HTTPD_VERSION=2.4.62', `HTTPD_SHA256=${HTTPD_SHA256}`, 'HTTPD_PATCHES='],
    Cmd: ['httpd-foreground'], Entrypoint: null, WorkingDir: '/usr/local/apache2', ExposedPorts: { '80/tcp': {} }, StopSignal: 'SIGWINCH',
  },
  history: [
    ...debianBase(HTTPD_T),
    bkMeta(HTTPD_T, 'ENV HTTPD_PREFIX=/usr/local/apache2'),
    bkMeta(HTTPD_T, 'ENV PATH=/usr/local/apache2/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'),
    bkLayer(HTTPD_T, HTTPD_MKDIR_LAYER),
    bkLayer(HTTPD_T, EMPTY_LAYER, 'WORKDIR /usr/local/apache2'),
    bkLayer(HTTPD_T, HTTPD_APT_LAYER),
    bkMeta(HTTPD_T, 'ENV HTTPD_VERSION=2.4.62'),
    bkMeta(HTTPD_T, `ENV HTTPD_SHA256=${HTTPD_SHA256}`),
    bkMeta(HTTPD_T, 'ENV HTTPD_PATCHES='),
    bkLayer(HTTPD_T, HTTPD_BUILD_LAYER),
    bkMeta(HTTPD_T, 'STOPSIGNAL SIGWINCH'),
    bkLayer(HTTPD_T, HTTPD_FOREGROUND_LAYER),
    bkMeta(HTTPD_T, 'EXPOSE map[80/tcp:{}]'),
    bkMeta(HTTPD_T, 'CMD ["httpd-foreground"]'),
  ],
  search: { description: 'The Apache HTTP Server Project', stars: 4_821, official: true },
};

const REDIS_T = '2024-10-04T09:56:40Z';
const REDIS_ENV = ['GOSU_VERSION=1.17', 'REDIS_VERSION=7.4.1', 'REDIS_DOWNLOAD_URL=http://download.redis.io/releases/redis-7.4.1.tar.gz',
  'REDIS_DOWNLOAD_SHA=bc34b878eb89421bbfca6fa78752343bf37af312a09eb0fae47c9575977dfaa2'];
const REDIS_CONFIG: SeedImage['config'] = {
  Env: [PATH_ENV, ...REDIS_ENV], Cmd: ['redis-server'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '/data',
  ExposedPorts: { '6379/tcp': {} }, Volumes: { '/data': {} },
};

/** user, tzdata, gosu, build, mkdir /data, WORKDIR, COPY entrypoint: the same steps for both variants. */
function redisSteps(l: SeedLayer[]): SeedHistory[] {
  const [user, tzdata, gosu, build, data, entrypoint] = l;
  return [
    bkLayer(REDIS_T, user), bkLayer(REDIS_T, tzdata),
    bkMeta(REDIS_T, 'ENV GOSU_VERSION=1.17'), bkLayer(REDIS_T, gosu),
    ...REDIS_ENV.slice(1).map((e) => bkMeta(REDIS_T, `ENV ${e}`)),
    bkLayer(REDIS_T, build), bkLayer(REDIS_T, data),
    bkMeta(REDIS_T, 'VOLUME [/data]'),
    bkLayer(REDIS_T, EMPTY_LAYER, 'WORKDIR /data'),
    bkLayer(REDIS_T, entrypoint),
    bkMeta(REDIS_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
    bkMeta(REDIS_T, 'EXPOSE map[6379/tcp:{}]'),
    bkMeta(REDIS_T, 'CMD ["redis-server"]'),
  ];
}

/** redis:7.4.1 (bookworm). */
export const REDIS: SeedImage = {
  repository: 'library/redis',
  tags: ['latest', '7', '7.4', '7.4.1', 'bookworm', '7.4.1-bookworm'],
  created: REDIS_T,
  config: REDIS_CONFIG,
  history: [...debianBase(REDIS_T), ...redisSteps(REDIS_DEBIAN_LAYERS)],
  search: { description: 'Redis is an open source key-value store that functions as a data structure server.', stars: 12_986, official: true },
};

/** redis:7.4.1-alpine (alpine 3.20.3, same base layer as alpine:latest and nginx:alpine). */
export const REDIS_ALPINE: SeedImage = {
  repository: 'library/redis',
  tags: ['alpine', '7-alpine', '7.4-alpine', '7.4.1-alpine', 'alpine3.20', '7.4.1-alpine3.20'],
  created: REDIS_T,
  config: REDIS_CONFIG,
  history: [...alpineBase, ...redisSteps(REDIS_ALPINE_LAYERS)],
};
