// Service images of the catalog: memcached, rabbitmq (and :management), traefik, haproxy and docker:dind, on catalog base layers.
// Versions, Env, ports, volumes and entrypoints follow the official images of late 2024; checksums in Env and sizes are seeded stand-ins.
import type { SeedEntry, SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { BOOKWORM_GROUP, BOOKWORM_PASSWD, DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { ALPINE_3_20 } from './layers-alpine';
import { UBUNTU_NOBLE } from './layers-ubuntu';
import { bin, bins, dir, exe, file, withParents } from './fs';


const layer = (key: string, createdBy: string, size: number, compressedSize: number, entries: SeedEntry[]): SeedLayer => ({ key, createdBy, size, compressedSize, entries: withParents(entries) });
const run = (cmd: string) => `RUN /bin/sh -c ${cmd} # buildkit`;
const entrypoint = (tail: string) => `#!/bin/sh\nset -e\n\n# (abridged entrypoint of the official image)\n${tail}\nexec "$@"\n`;

// memcached:1.6.33 (bookworm)
const MC_T = '2024-11-12T02:04:12Z';
const MC = [
  layer('memcached-user', run('set -eux; groupadd --system --gid 11211 memcache; useradd --system --gid memcache --uid 11211 memcache'), 4_326, 1_103, [file('/etc/passwd', BOOKWORM_PASSWD + 'memcache:x:11211:11211::/home/memcache:/bin/sh\n'), file('/etc/group', BOOKWORM_GROUP + 'memcache:x:11211:\n')]),
  layer('memcached-libevent', run('set -eux; apt-get update; apt-get install -y --no-install-recommends libevent-2.1-7 libsasl2-2 libssl3; rm -rf /var/lib/apt/lists/*'), 4_915_200, 1_690_884, [file('/usr/lib/x86_64-linux-gnu/libevent-2.1.so.7', '\u007fELF dockerlings-stand-in: lib libevent-2.1.so.7\n')]),
  layer('memcached-1.6.33-build', run('set -eux; (download memcached-$MEMCACHED_VERSION, verify $MEMCACHED_SHA1, build with --enable-extstore --enable-sasl --enable-tls); memcached -V'), 3_510_272, 1_295_008, [bin('/usr/local/bin/memcached', 'memcached', 1_152_912)]),
  layer('memcached-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 195, 305, [exe('/usr/local/bin/docker-entrypoint.sh', entrypoint('# first arg is `-f` or `--some-option`\nif [ "${1#-}" != "$1" ]; then\n\tset -- memcached "$@"\nfi'))]),
];
export const MEMCACHED: SeedImage = {
  repository: 'library/memcached', tags: ['latest', '1', '1.6', '1.6.33', 'bookworm', '1-bookworm', '1.6-bookworm', '1.6.33-bookworm'], created: MC_T,
  config: { Env: [PATH_ENV, 'MEMCACHED_VERSION=1.6.33', 'MEMCACHED_URL=https://memcached.org/files/memcached-1.6.33.tar.gz', 'MEMCACHED_SHA1=f6b2c01be8a6d2c4a1d3b8e9f0a7c5d6e4b3a2f1'], Cmd: ['memcached'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '', User: 'memcache', ExposedPorts: { '11211/tcp': {} } },
  history: [bkLayer(MC_T, DEBIAN_BOOKWORM_SLIM), bkMeta(MC_T, 'CMD ["bash"]'), bkLayer(MC_T, MC[0]), bkLayer(MC_T, MC[1]), bkMeta(MC_T, 'ENV MEMCACHED_VERSION=1.6.33'), bkMeta(MC_T, 'ENV MEMCACHED_URL=https://memcached.org/files/memcached-1.6.33.tar.gz'), bkMeta(MC_T, 'ENV MEMCACHED_SHA1=f6b2c01be8a6d2c4a1d3b8e9f0a7c5d6e4b3a2f1'), bkLayer(MC_T, MC[2]), bkLayer(MC_T, MC[3]), bkMeta(MC_T, 'RUN /bin/sh -c ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat # buildkit'), bkMeta(MC_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(MC_T, 'USER memcache'), bkMeta(MC_T, 'EXPOSE map[11211/tcp:{}]'), bkMeta(MC_T, 'CMD ["memcached"]')],
  search: { description: 'Free & open source, high-performance, distributed memory object caching system.', stars: 2_358, official: true },
};

// rabbitmq:4.0.4 (ubuntu noble) and 4.0.4-management
const RMQ_T = '2024-11-26T01:12:40Z';
const RMQ_ENV = ['PATH=/opt/rabbitmq/sbin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', 'OPENSSL_VERSION=3.3.2', 'OTP_VERSION=27.1.2', 'ERLANG_INSTALL_PATH_PREFIX=/opt/erlang', 'OPENSSL_INSTALL_PATH_PREFIX=/opt/openssl', 'RABBITMQ_DATA_DIR=/var/lib/rabbitmq', 'RABBITMQ_VERSION=4.0.4', 'RABBITMQ_PGP_KEY_ID=0x0A9AF2115F4687BD29803A206B73A36E6026DFCA', 'RABBITMQ_HOME=/opt/rabbitmq', 'HOME=/var/lib/rabbitmq', 'LANG=C.UTF-8', 'LANGUAGE=C.UTF-8', 'LC_ALL=C.UTF-8'];
const RMQ = [
  layer('rabbitmq-otp-27.1.2', run('set -eux; (build OpenSSL $OPENSSL_VERSION and Erlang/OTP $OTP_VERSION into /opt); erl -noshell -eval \'ok = crypto:start(), ok = io:format("~p~n~n~p~n~n", [crypto:supports(), ssl:versions()]), init:stop().\''), 116_158_464, 42_901_777, [dir('/opt/erlang'), dir('/opt/erlang/bin'), bin('/opt/erlang/bin/erl', 'erlang', 3_152), dir('/opt/openssl')]),
  layer('rabbitmq-user', run('set -eux; groupadd --gid 999 --system rabbitmq; useradd --uid 999 --system --home-dir "$RABBITMQ_DATA_DIR" --gid rabbitmq rabbitmq; mkdir -p "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; chown -fR rabbitmq:rabbitmq "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; chmod 1777 "$RABBITMQ_DATA_DIR" /etc/rabbitmq /etc/rabbitmq/conf.d /tmp/rabbitmq-ssl /var/log/rabbitmq; ln -sf "$RABBITMQ_DATA_DIR/.erlang.cookie" /root/.erlang.cookie'), 4_812, 1_345, [dir('/var/lib/rabbitmq', 0o1777), dir('/etc/rabbitmq/conf.d', 0o1777), dir('/var/log/rabbitmq', 0o1777)]),
  layer('rabbitmq-4.0.4-server', run('set -eux; (download rabbitmq-server-generic-unix-$RABBITMQ_VERSION.tar.xz, verify it with $RABBITMQ_PGP_KEY_ID, unpack into $RABBITMQ_HOME); rabbitmq-plugins enable --offline rabbitmq_prometheus'), 30_773_248, 18_211_804,
    [dir('/opt/rabbitmq'), dir('/opt/rabbitmq/sbin'), ...bins('/opt/rabbitmq/sbin', 'rabbitmq-server', 'rabbitmq-server:5412 rabbitmqctl:1093 rabbitmq-plugins:1093 rabbitmq-diagnostics:1093'), file('/etc/rabbitmq/enabled_plugins', '[rabbitmq_prometheus].\n')]),
  layer('rabbitmq-defaults', run("set eux; echo 'loopback_users.guest = false' > /etc/rabbitmq/conf.d/10-defaults.conf; echo 'listeners.tcp.default = 5672' >> /etc/rabbitmq/conf.d/10-defaults.conf; echo 'management.tcp.port = 15672' >> /etc/rabbitmq/conf.d/10-defaults.conf"), 88, 214, [file('/etc/rabbitmq/conf.d/10-defaults.conf', '## DEFAULT SETTINGS ARE NOT MEANT TO BE TAKEN STRAIGHT INTO PRODUCTION\nloopback_users.guest = false\nlisteners.tcp.default = 5672\nmanagement_agent.disable_metrics_collector = true\n')]),
  layer('rabbitmq-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 1_186, 657, [exe('/usr/local/bin/docker-entrypoint.sh', entrypoint("# allow the container to be started with `--user`\nif [ \"$1\" = 'rabbitmq-server' ] && [ \"$(id -u)\" = '0' ]; then\n\t: # (abridged) chown and step down with gosu\nfi"))]),
];
const RMQ_MGMT = layer('rabbitmq-4.0.4-management', run('set eux; rabbitmq-plugins enable --offline rabbitmq_management; rm -f /etc/rabbitmq/conf.d/20-management_agent.disable_metrics_collector.conf; cp /plugins/rabbitmq_management-*/priv/www/cli/rabbitmqadmin /usr/local/bin/rabbitmqadmin; [ -s /usr/local/bin/rabbitmqadmin ]; chmod +x /usr/local/bin/rabbitmqadmin; apt-get update; apt-get install -y --no-install-recommends python3; rm -rf /var/lib/apt/lists/*; rabbitmqadmin --version'), 29_913_088, 13_078_226,
  [file('/etc/rabbitmq/enabled_plugins', '[rabbitmq_prometheus,rabbitmq_management].\n'), bin('/usr/local/bin/rabbitmqadmin', 'rabbitmq-management', 47_108)]);
const RMQ_PORTS = { '4369/tcp': {}, '5671/tcp': {}, '5672/tcp': {}, '15691/tcp': {}, '15692/tcp': {}, '25672/tcp': {} };
const rmqHistory = [bkLayer(RMQ_T, UBUNTU_NOBLE), bkMeta(RMQ_T, 'CMD ["/bin/bash"]'), ...RMQ_ENV.slice(1, 5).map((e) => bkMeta(RMQ_T, `ENV ${e}`)), bkLayer(RMQ_T, RMQ[0]), bkMeta(RMQ_T, 'ENV RABBITMQ_DATA_DIR=/var/lib/rabbitmq'), bkLayer(RMQ_T, RMQ[1]), bkMeta(RMQ_T, 'ENV RABBITMQ_VERSION=4.0.4'), bkMeta(RMQ_T, 'ENV RABBITMQ_HOME=/opt/rabbitmq'), bkLayer(RMQ_T, RMQ[2]), bkMeta(RMQ_T, 'ENV LANG=C.UTF-8 LANGUAGE=C.UTF-8 LC_ALL=C.UTF-8'), bkLayer(RMQ_T, RMQ[3]), bkMeta(RMQ_T, 'VOLUME [/var/lib/rabbitmq]'), bkLayer(RMQ_T, RMQ[4]), bkMeta(RMQ_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(RMQ_T, 'EXPOSE map[15691/tcp:{} 15692/tcp:{} 25672/tcp:{} 4369/tcp:{} 5671/tcp:{} 5672/tcp:{}]'), bkMeta(RMQ_T, 'CMD ["rabbitmq-server"]')];
export const RABBITMQ: SeedImage = {
  repository: 'library/rabbitmq', tags: ['latest', '4', '4.0', '4.0.4', 'noble'], created: RMQ_T,
  config: { Env: RMQ_ENV, Cmd: ['rabbitmq-server'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '', ExposedPorts: RMQ_PORTS, Volumes: { '/var/lib/rabbitmq': {} } },
  history: rmqHistory,
  search: { description: 'RabbitMQ is an open source multi-protocol messaging broker.', stars: 5_192, official: true },
};
export const RABBITMQ_MANAGEMENT: SeedImage = {
  repository: 'library/rabbitmq', tags: ['management', '4-management', '4.0-management', '4.0.4-management'], created: RMQ_T,
  config: { Env: RMQ_ENV, Cmd: ['rabbitmq-server'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '', ExposedPorts: { ...RMQ_PORTS, '15671/tcp': {}, '15672/tcp': {} }, Volumes: { '/var/lib/rabbitmq': {} } },
  history: [...rmqHistory, bkLayer(RMQ_T, RMQ_MGMT), bkMeta(RMQ_T, 'EXPOSE map[15671/tcp:{} 15672/tcp:{}]')],
};

// traefik:v3.2.1 (alpine)
const TR_T = '2024-11-20T17:42:51Z';
const TR = [
  layer('traefik-alpine-deps', run('apk --no-cache add ca-certificates tzdata'), 1_482_752, 646_127, [dir('/usr/share/zoneinfo'), file('/etc/ssl/certs/ca-certificates.crt', '# (stand-in CA bundle)\n')]),
  layer('traefik-3.2.1-bin', run('set -ex; apkArch="$(apk --print-arch)"; case "$apkArch" in armhf) arch=\'armv6\' ;; aarch64) arch=\'arm64\' ;; x86_64) arch=\'amd64\' ;; *) echo >&2 "error: unsupported architecture: $apkArch"; exit 1 ;; esac; wget --quiet -O /tmp/traefik.tar.gz "https://github.com/traefik/traefik/releases/download/v3.2.1/traefik_v3.2.1_linux_$arch.tar.gz"; tar xzvf /tmp/traefik.tar.gz -C /usr/local/bin traefik; rm -f /tmp/traefik.tar.gz; chmod +x /usr/local/bin/traefik'), 178_483_200, 44_721_097, [bin('/usr/local/bin/traefik', 'traefik', 178_483_200)]),
  layer('traefik-entrypoint', 'COPY entrypoint.sh / # buildkit', 436, 428, [exe('/entrypoint.sh', entrypoint("# first arg is `-f` or `--some-option`\nif [ \"${1#-}\" != \"$1\" ]; then\n    set -- traefik \"$@\"\nfi"))]),
];
export const TRAEFIK: SeedImage = {
  repository: 'library/traefik', tags: ['latest', 'v3', 'v3.2', 'v3.2.1', '3', '3.2', '3.2.1', 'comte'], created: TR_T,
  config: { Env: [PATH_ENV], Cmd: ['traefik'], Entrypoint: ['/entrypoint.sh'], WorkingDir: '', ExposedPorts: { '80/tcp': {} },
    Labels: { 'org.opencontainers.image.description': 'A modern reverse-proxy', 'org.opencontainers.image.documentation': 'https://docs.traefik.io', 'org.opencontainers.image.source': 'https://github.com/traefik/traefik', 'org.opencontainers.image.title': 'Traefik', 'org.opencontainers.image.url': 'https://traefik.io', 'org.opencontainers.image.vendor': 'Traefik Labs', 'org.opencontainers.image.version': 'v3.2.1' } },
  history: [bkLayer(TR_T, ALPINE_3_20), bkMeta(TR_T, 'CMD ["/bin/sh"]'), bkLayer(TR_T, TR[0]), bkLayer(TR_T, TR[1]), bkLayer(TR_T, TR[2]), bkMeta(TR_T, 'EXPOSE map[80/tcp:{}]'), bkMeta(TR_T, 'ENTRYPOINT ["/entrypoint.sh"]'), bkMeta(TR_T, 'CMD ["traefik"]'), bkMeta(TR_T, 'LABEL org.opencontainers.image.vendor=Traefik Labs org.opencontainers.image.url=https://traefik.io org.opencontainers.image.source=https://github.com/traefik/traefik org.opencontainers.image.title=Traefik org.opencontainers.image.description=A modern reverse-proxy org.opencontainers.image.version=v3.2.1 org.opencontainers.image.documentation=https://docs.traefik.io')],
  search: { description: 'Traefik, The Cloud Native Edge Router', stars: 3_331, official: true },
};

// haproxy:3.1.0 (bookworm)
const HA_T = '2024-11-27T00:56:29Z';
const HA = [
  layer('haproxy-user', run('set -eux; groupadd --gid 99 --system haproxy; useradd --gid haproxy --home-dir /var/lib/haproxy --no-create-home --system --uid 99 haproxy; mkdir /var/lib/haproxy; chown haproxy:haproxy /var/lib/haproxy'), 2_150, 1_189, [dir('/var/lib/haproxy'), file('/etc/passwd', BOOKWORM_PASSWD + 'haproxy:x:99:99::/var/lib/haproxy:/usr/sbin/nologin\n'), file('/etc/group', BOOKWORM_GROUP + 'haproxy:x:99:\n')]),
  layer('haproxy-3.1.0-build', run('set -eux; savedAptMark="$(apt-mark showmanual)"; (build haproxy $HAPROXY_VERSION with USE_OPENSSL=1 USE_LUA=1 USE_PCRE2=1 USE_PROMEX=1); mkdir -p /usr/local/etc/haproxy; cp -R /usr/src/haproxy/examples/errorfiles /usr/local/etc/haproxy/errors; haproxy -v'), 10_809_344, 4_173_233,
    [bin('/usr/local/sbin/haproxy', 'haproxy', 10_580_960), dir('/usr/local/etc/haproxy'), file('/usr/local/etc/haproxy/errors/503.http', 'HTTP/1.1 503 Service Unavailable\r\nContent-length: 107\r\nCache-Control: no-cache\r\nConnection: close\r\nContent-Type: text/html\r\n\r\n<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>\n')]),
  layer('haproxy-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 388, 377, [exe('/usr/local/bin/docker-entrypoint.sh', entrypoint("# first arg is `-f` or `--some-option`\nif [ \"${1#-}\" != \"$1\" ]; then\n\tset -- haproxy \"$@\"\nfi\n\nif [ \"$1\" = 'haproxy' ]; then\n\tshift # \"haproxy\"\n\t# if the user wants \"haproxy\", let's add a couple useful flags\n\tset -- haproxy -W -db \"$@\"\nfi"))]),
];
export const HAPROXY: SeedImage = {
  repository: 'library/haproxy', tags: ['latest', '3', '3.1', '3.1.0', 'bookworm', '3.1-bookworm', '3.1.0-bookworm'], created: HA_T,
  config: { Env: [PATH_ENV, 'HAPROXY_VERSION=3.1.0', 'HAPROXY_URL=https://www.haproxy.org/download/3.1/src/haproxy-3.1.0.tar.gz', 'HAPROXY_SHA256=9e9b1b0d5e1a7c3f8b2d4a6c8e0f2b4d6a8c0e2f4b6d8a0c2e4f6b8d0a2c4e6f'],
    Cmd: ['haproxy', '-f', '/usr/local/etc/haproxy/haproxy.cfg'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '/var/lib/haproxy', User: 'haproxy', StopSignal: 'SIGUSR1' },
  history: [bkLayer(HA_T, DEBIAN_BOOKWORM_SLIM), bkMeta(HA_T, 'CMD ["bash"]'), bkLayer(HA_T, HA[0]), bkMeta(HA_T, 'ENV HAPROXY_VERSION=3.1.0'), bkMeta(HA_T, 'ENV HAPROXY_URL=https://www.haproxy.org/download/3.1/src/haproxy-3.1.0.tar.gz'), bkMeta(HA_T, 'ENV HAPROXY_SHA256=9e9b1b0d5e1a7c3f8b2d4a6c8e0f2b4d6a8c0e2f4b6d8a0c2e4f6b8d0a2c4e6f'), bkLayer(HA_T, HA[1]), bkMeta(HA_T, 'STOPSIGNAL SIGUSR1'), bkLayer(HA_T, HA[2]), bkMeta(HA_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(HA_T, 'USER haproxy'), bkMeta(HA_T, 'WORKDIR /var/lib/haproxy'), bkMeta(HA_T, 'CMD ["haproxy" "-f" "/usr/local/etc/haproxy/haproxy.cfg"]')],
  search: { description: 'HAProxy - The Reliable, High Performance TCP/HTTP Load Balancer', stars: 1_924, official: true },
};

// docker:27.4.0-dind (alpine)
const DK_T = '2024-12-09T18:33:20Z';
const DK = [
  layer('docker-27.4.0-cli-deps', run('apk add --no-cache ca-certificates openssh-client git'), 17_113_088, 7_203_117, [bin('/usr/bin/git', 'git', 2_899_464), bin('/usr/bin/ssh', 'openssh-client-default', 871_960)]),
  layer('docker-27.4.0-cli', run('set -eux; (download docker-$DOCKER_VERSION.tgz, install docker into /usr/local/bin); docker --version'), 39_612_416, 17_712_002, [bin('/usr/local/bin/docker', 'docker-cli', 39_612_416)]),
  layer('docker-27.4.0-plugins', run('set -eux; (install docker-buildx $DOCKER_BUILDX_VERSION and docker-compose $DOCKER_COMPOSE_VERSION as CLI plugins); docker buildx version; docker compose version'), 129_323_008, 39_840_110, [bin('/usr/local/libexec/docker/cli-plugins/docker-buildx', 'docker-buildx', 62_717_952), bin('/usr/local/libexec/docker/cli-plugins/docker-compose', 'docker-compose', 66_605_056)]),
  layer('docker-27.4.0-entrypoint', 'COPY docker-entrypoint.sh /usr/local/bin/ # buildkit', 2_052, 1_005, [exe('/usr/local/bin/docker-entrypoint.sh', entrypoint(': # (abridged) DOCKER_HOST / DOCKER_TLS_VERIFY from $DOCKER_TLS_CERTDIR'))]),
  layer('docker-27.4.0-dind-deps', run('set -eux; apk add --no-cache btrfs-progs e2fsprogs e2fsprogs-extra git ip6tables iptables openssl pigz shadow-uidmap xfsprogs xz zfs'), 22_970_368, 9_103_551, [bin('/sbin/iptables', 'iptables', 229_080)]),
  layer('docker-27.4.0-dind-engine', run('set -eux; (download docker-$DOCKER_VERSION.tgz, install dockerd containerd runc into /usr/local/bin); dockerd --version; containerd --version; ctr --version; runc --version'), 162_791_424, 61_288_920,
    [bin('/usr/local/bin/dockerd', 'docker-engine', 76_759_040), bin('/usr/local/bin/containerd', 'containerd', 38_703_104), bin('/usr/local/bin/runc', 'runc', 14_209_736)]),
  layer('docker-27.4.0-dind-entrypoint', 'COPY dockerd-entrypoint.sh /usr/local/bin/ # buildkit', 6_549, 2_523, [exe('/usr/local/bin/dockerd-entrypoint.sh', '#!/bin/sh\nset -eu\n\n# (abridged) generate TLS certificates under $DOCKER_TLS_CERTDIR, then run dockerd through dind\nif [ "$#" -eq 0 ] || [ "${1#-}" != "$1" ]; then\n\tset -- dockerd "$@"\nfi\n\nexec "$@"\n'), dir('/certs'), dir('/var/lib/docker')]),
];
const DK_ENV = [PATH_ENV, 'DOCKER_VERSION=27.4.0', 'DOCKER_BUILDX_VERSION=0.19.2', 'DOCKER_COMPOSE_VERSION=2.31.0', 'DOCKER_TLS_CERTDIR=/certs', 'DIND_COMMIT=c43aa0b6aa7c88343f0951ba9a39c69aa51c54ef'];
export const DOCKER_DIND: SeedImage = {
  repository: 'library/docker', tags: ['dind', '27-dind', '27.4-dind', '27.4.0-dind', 'dind-alpine3.21', 'latest', '27', '27.4', '27.4.0'], created: DK_T,
  config: { Env: DK_ENV, Cmd: [], Entrypoint: ['dockerd-entrypoint.sh'], WorkingDir: '', ExposedPorts: { '2375/tcp': {}, '2376/tcp': {} }, Volumes: { '/certs': {}, '/certs/client': {}, '/var/lib/docker': {} } },
  history: [bkLayer(DK_T, ALPINE_3_20), bkMeta(DK_T, 'CMD ["/bin/sh"]'), bkLayer(DK_T, DK[0]), bkMeta(DK_T, 'ENV DOCKER_VERSION=27.4.0'), bkLayer(DK_T, DK[1]), bkMeta(DK_T, 'ENV DOCKER_BUILDX_VERSION=0.19.2'), bkMeta(DK_T, 'ENV DOCKER_COMPOSE_VERSION=2.31.0'), bkLayer(DK_T, DK[2]), bkLayer(DK_T, DK[3]), bkMeta(DK_T, 'ENV DOCKER_TLS_CERTDIR=/certs'), bkMeta(DK_T, 'VOLUME [/certs /certs/client]'), bkLayer(DK_T, DK[4]), bkLayer(DK_T, DK[5]), bkMeta(DK_T, 'ENV DIND_COMMIT=c43aa0b6aa7c88343f0951ba9a39c69aa51c54ef'), bkLayer(DK_T, DK[6]), bkMeta(DK_T, 'VOLUME [/var/lib/docker]'), bkMeta(DK_T, 'EXPOSE map[2375/tcp:{} 2376/tcp:{}]'), bkMeta(DK_T, 'ENTRYPOINT ["dockerd-entrypoint.sh"]'), bkMeta(DK_T, 'CMD []')],
  search: { description: 'Docker in Docker!', stars: 5_063, official: true },
};

export const SERVICE_IMAGES: SeedImage[] = [MEMCACHED, RABBITMQ, RABBITMQ_MANAGEMENT, TRAEFIK, HAPROXY, DOCKER_DIND];
export const SERVICE_LAYERS: SeedLayer[] = [...MC, ...RMQ, RMQ_MGMT, ...TR, ...HA, ...DK];
