// registry:2 (2.8.3 on alpine 3.18.9), mongo:3.2 (3.2.21 on jessie-slim) and progrium/stress (2014, on trusty) layers.
import type { SeedLayer } from './types';
import { bin, bins, dir, dirs, exe, file, libs, link } from './fs';
import { JESSIE_GROUP, JESSIE_PASSWD } from './layers-debian';
import { ubuntuSourcesList } from './layers-ubuntu';
import { REGISTRY_BIN, REGISTRY_CA } from './run-commands';

// distribution/distribution-library-image, release/2.8 branch.
export const REGISTRY_CONFIG = `version: 0.1
log:
  fields:
    service: registry
storage:
  cache:
    blobdescriptor: inmemory
  filesystem:
    rootdirectory: /var/lib/registry
http:
  addr: :5000
  headers:
    X-Content-Type-Options: [nosniff]
health:
  storagedriver:
    enabled: true
    interval: 10s
    threshold: 3
`;

export const REGISTRY_ENTRYPOINT = `#!/bin/sh

set -e

case "$1" in
    *.yaml|*.yml) set -- registry serve "$@" ;;
    serve|garbage-collect|help|-*) set -- registry "$@" ;;
esac

exec "$@"
`;

export const REGISTRY_LAYERS: SeedLayer[] = [
  { key: 'registry-2.8.3-ca-certificates', createdBy: REGISTRY_CA, size: 693_482, compressedSize: 293_379, entries: [
    ...dirs('/usr/share/ca-certificates', '/usr/share/ca-certificates/mozilla', '/etc/ca-certificates', '/etc/ca-certificates/update.d'),
    { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', content: '-----BEGIN CERTIFICATE-----\n(stand-in bundle)\n', size: 221_470 },
    { path: '/etc/ca-certificates.conf', kind: 'file', content: '# This file lists certificates that you wish to use or to ignore to be\n# installed in /etc/ssl/certs.\n', size: 6_518 },
    bin('/usr/sbin/update-ca-certificates', 'ca-certificates', 47_344)] },
  { key: 'registry-2.8.3-binary', createdBy: REGISTRY_BIN, size: 17_361_000, compressedSize: 6_403_784, entries: [bin('/bin/registry', 'registry', 17_361_000)] },
  { key: 'registry-2.8.3-config', createdBy: 'COPY ./config-example.yml /etc/docker/registry/config.yml # buildkit', size: REGISTRY_CONFIG.length, compressedSize: 369,
    entries: [dir('/etc/docker'), dir('/etc/docker/registry'), file('/etc/docker/registry/config.yml', REGISTRY_CONFIG)] },
  { key: 'registry-2.8.3-entrypoint', createdBy: 'COPY docker-entrypoint.sh /entrypoint.sh # buildkit', size: REGISTRY_ENTRYPOINT.length, compressedSize: 214,
    entries: [exe('/entrypoint.sh', REGISTRY_ENTRYPOINT)] },
];

// Abridged: the real mongo 3.2 entrypoint (about 10 kB) goes on to run /docker-entrypoint-initdb.d scripts on first start.
const MONGO_ENTRYPOINT = `#!/bin/bash
set -Eeuo pipefail

if [ "\${1:0:1}" = '-' ]; then
\tset -- mongod "$@"
fi

originalArgOne="$1"

# allow the container to be started with \`--user\`
# all mongo* commands should be dropped to the correct user
if [[ "$originalArgOne" == mongo* ]] && [ "$(id -u)" = '0' ]; then
\tif [ "$originalArgOne" = 'mongod' ]; then
\t\tchown -R mongodb /data/configdb /data/db
\tfi

\t# make sure we can write to stdout and stderr as "mongodb"
\t# (for our "initdb" code later; see "--logpath" below)
\tchown --dereference mongodb "/proc/$$/fd/1" "/proc/$$/fd/2" || :
\t# ignore errors thanks to https://github.com/docker-library/mongo/issues/149

\texec gosu mongodb "$BASH_SOURCE" "$@"
fi

# you should use numactl to start your mongod instances, including the config servers, mongos instances, and any clients.
# https://docs.mongodb.com/manual/administration/production-notes/#configuring-numa-on-linux
if [[ "$originalArgOne" == mongo* ]]; then
\tnumactl='numactl --interleave=all'
\tif $numactl true &> /dev/null; then
\t\tset -- $numactl "$@"
\tfi
fi

exec "$@"
`;

const JS = '/bin/sh -c ';

export const MONGO_LAYERS: SeedLayer[] = [
  // useradd on jessie touches the sparse /var/log/lastlog and faillog: hence 330kB for two users' worth of lines.
  { key: 'mongo-3.2-user', createdBy: JS + 'groupadd -r mongodb && useradd -r -g mongodb mongodb', size: 330_113, compressedSize: 2_187, entries: [
    file('/etc/passwd', JESSIE_PASSWD + 'mongodb:x:999:999::/home/mongodb:\n'), file('/etc/group', JESSIE_GROUP + 'mongodb:x:999:\n'),
    { path: '/var/log/lastlog', kind: 'file', content: '', size: 291_708 }, { path: '/var/log/faillog', kind: 'file', content: '', size: 31_968 }] },
  { key: 'mongo-3.2-apt', createdBy: JS + 'apt-get update \t&& apt-get install -y --no-install-recommends \t\tca-certificates \t\tjq \t\tnumactl \t&& rm -rf /var/lib/apt/lists/*',
    size: 2_861_544, compressedSize: 1_176_315, entries: [
      ...dirs('/etc/ssl', '/etc/ssl/certs', '/etc/ssl/private', '/usr/share/ca-certificates'),
      { path: '/etc/ssl/certs/ca-certificates.crt', kind: 'file', content: '-----BEGIN CERTIFICATE-----\n(stand-in bundle)\n', size: 274_340 },
      ...bins('/usr/bin', 'jq', 'jq:31344'), ...bins('/usr/bin', 'numactl', 'numactl:47512'), ...bins('/usr/bin', 'openssl', 'openssl:512920'),
      ...libs('/usr/lib/x86_64-linux-gnu', 'libjq.so.1:293440 libonig.so.2:452728 libssl.so.1.0.0:431232 libcrypto.so.1.0.0:2065920'),
      ...libs('/usr/lib', 'libnuma.so.1:42872')] },
  { key: 'mongo-3.2-gosu', createdBy: JS + 'set -ex; \t\tapt-get update; \tapt-get install -y --no-install-recommends \t\twget \t; \trm -rf /var/lib/apt/lists/*; \t\tdpkgArch="$(dpkg --print-architecture | awk -F- \'{ print $NF }\')"; \twget -O /usr/local/bin/gosu "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch"; \twget -O /usr/local/bin/gosu.asc "https://github.com/tianon/gosu/releases/download/$GOSU_VERSION/gosu-$dpkgArch.asc"; \texport GNUPGHOME="$(mktemp -d)"; \tgpg --keyserver ha.pool.sks-keyservers.net --recv-keys B42F6819007F00F88E364FD4036A9C25BF357DD4; \tgpg --batch --verify /usr/local/bin/gosu.asc /usr/local/bin/gosu; \tcommand -v gpgconf && gpgconf --kill all || :; \trm -r "$GNUPGHOME" /usr/local/bin/gosu.asc; \tchmod +x /usr/local/bin/gosu; \tgosu nobody true; \t\twget -O /js-yaml.js "https://github.com/nodeca/js-yaml/raw/${JSYAML_VERSION}/dist/js-yaml.js"; \t\tapt-get purge -y --auto-remove wget',
    size: 1_859_791, compressedSize: 1_015_264, entries: [bin('/usr/local/bin/gosu', 'gosu', 1_753_968), { path: '/js-yaml.js', kind: 'file', content: '/* js-yaml 3.10.0 https://github.com/nodeca/js-yaml */\n', size: 103_823 }] },
  { key: 'mongo-3.2-initdb', createdBy: JS + 'mkdir /docker-entrypoint-initdb.d', size: 0, compressedSize: 118, entries: [dir('/docker-entrypoint-initdb.d')] },
  { key: 'mongo-3.2-gpg', createdBy: JS + 'set -ex; \texport GNUPGHOME="$(mktemp -d)"; \tfor key in $GPG_KEYS; do \t\tgpg --keyserver ha.pool.sks-keyservers.net --recv-keys "$key"; \tdone; \tgpg --export $GPG_KEYS > /etc/apt/trusted.gpg.d/mongodb.gpg; \tcommand -v gpgconf && gpgconf --kill all || :; \trm -r "$GNUPGHOME"; \tapt-key list',
    size: 1_160, compressedSize: 1_352, entries: [{ path: '/etc/apt/trusted.gpg.d/mongodb.gpg', kind: 'file', content: 'OpenPGP keyring (stand-in)\n', size: 1_160 }] },
  { key: 'mongo-3.2-sources', createdBy: JS + 'echo "deb http://$MONGO_REPO/apt/debian jessie/${MONGO_PACKAGE%-unstable}/$MONGO_MAJOR main" | tee "/etc/apt/sources.list.d/${MONGO_PACKAGE%-unstable}.list"',
    size: 66, compressedSize: 232, entries: [file('/etc/apt/sources.list.d/mongodb-org.list', 'deb http://repo.mongodb.org/apt/debian jessie/mongodb-org/3.2 main\n')] },
  { key: 'mongo-3.2.21-install', createdBy: JS + 'set -x \t&& apt-get update \t&& apt-get install -y \t\t${MONGO_PACKAGE}=$MONGO_VERSION \t\t${MONGO_PACKAGE}-server=$MONGO_VERSION \t\t${MONGO_PACKAGE}-shell=$MONGO_VERSION \t\t${MONGO_PACKAGE}-mongos=$MONGO_VERSION \t\t${MONGO_PACKAGE}-tools=$MONGO_VERSION \t&& rm -rf /var/lib/apt/lists/* \t&& rm -rf /var/lib/mongodb \t&& mv /etc/mongod.conf /etc/mongod.conf.orig',
    size: 215_730_128, compressedSize: 69_831_542, entries: [
      ...bins('/usr/bin', 'mongodb-org', 'mongod:67103120 mongo:33380928 mongos:30173952 bsondump:8164728 mongodump:11562608 mongoexport:10114280 mongofiles:10000848 mongoimport:10291280 mongooplog:9717384 mongorestore:12367784 mongostat:10123288 mongotop:9849496 mongoperf:16226696'),
      file('/etc/mongod.conf.orig', '# mongod.conf\n\n# for documentation of all options, see:\n#   http://docs.mongodb.org/manual/reference/configuration-options/\n\n# Where and how to store data.\nstorage:\n  dbPath: /var/lib/mongodb\n  journal:\n    enabled: true\n\n# where to write logging data.\nsystemLog:\n  destination: file\n  logAppend: true\n  path: /var/log/mongodb/mongod.log\n\n# network interfaces\nnet:\n  port: 27017\n  bindIp: 127.0.0.1\n'),
      exe('/etc/init.d/mongod', '#!/bin/sh\n\n### BEGIN INIT INFO\n# Provides:          mongod\n# Required-Start:    $network $local_fs $remote_fs\n'),
      dir('/var/log/mongodb')] },
  { key: 'mongo-3.2-data', createdBy: JS + 'mkdir -p /data/db /data/configdb \t&& chown -R mongodb:mongodb /data/db /data/configdb', size: 0, compressedSize: 140,
    entries: [dir('/data'), dir('/data/db'), dir('/data/configdb')] },
  { key: 'mongo-3.2-entrypoint', createdBy: '/bin/sh -c #(nop) COPY file:639244d83e97118d738430bf92a13a7f3774d0b1af438b22a3f664d376112fd2 in /usr/local/bin/ ',
    size: 10_442, compressedSize: 3_451, entries: [{ path: '/usr/local/bin/docker-entrypoint.sh', kind: 'file', content: MONGO_ENTRYPOINT, mode: 0o755, size: 10_442 }] },
  { key: 'mongo-3.2-compat', createdBy: JS + 'ln -s usr/local/bin/docker-entrypoint.sh /entrypoint.sh # backwards compat', size: 34, compressedSize: 130,
    entries: [link('/entrypoint.sh', 'usr/local/bin/docker-entrypoint.sh')] },
];

/** The 2014 ubuntu:14.04 image had these two RUN layers on top of its rootfs (text of that era's mkimage script; approximate). */
export const TRUSTY_2014_LAYERS: SeedLayer[] = [
  { key: 'ubuntu-trusty-20140612-policy-rc', size: 194_533, compressedSize: 10_472,
    createdBy: JS + 'echo \'#!/bin/sh\' > /usr/sbin/policy-rc.d && echo \'exit 101\' >> /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d && dpkg-divert --local --rename --add /sbin/initctl && cp -a /usr/sbin/policy-rc.d /sbin/initctl && sed -i \'s/^exit.*/exit 0/\' /sbin/initctl && echo \'force-unsafe-io\' > /etc/dpkg/dpkg.cfg.d/docker-apt-speedup',
    entries: [
      exe('/usr/sbin/policy-rc.d', '#!/bin/sh\nexit 101\n'), exe('/sbin/initctl', '#!/bin/sh\nexit 0\n'), bin('/sbin/initctl.distrib', 'upstart', 178_528),
      file('/var/lib/dpkg/diversions', '/sbin/initctl\n/sbin/initctl.distrib\n:\n'),
      file('/etc/dpkg/dpkg.cfg.d/docker-apt-speedup', 'force-unsafe-io\n')] },
  { key: 'ubuntu-trusty-20140612-universe', size: 1_895, compressedSize: 735,
    createdBy: JS + 'sed -i \'s/^#\\s*\\(deb.*universe\\)$/\\1/g\' /etc/apt/sources.list',
    entries: [file('/etc/apt/sources.list', ubuntuSourcesList('trusty', true))] },
];

/** progrium/stress: `apt-get update && apt-get install -y stress` (the package lists were never cleaned up). */
export const STRESS_APT: SeedLayer = {
  key: 'progrium-stress-apt', createdBy: JS + 'apt-get update && apt-get install -y stress', size: 89_335_031, compressedSize: 21_804_617,
  entries: [
    bin('/usr/bin/stress', 'stress', 27_592),
    ...dirs('/usr/share/doc/stress'), file('/usr/share/doc/stress/copyright', 'This package was debianized by Amos Waterland <apw@rossby.metr.ou.edu>\n'),
    // No docker-clean apt config yet in 2014 images: the lists and apt's binary caches stay in the layer.
    { path: '/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_main_binary-amd64_Packages', kind: 'file', content: 'Package: (stand-in)\n', size: 7_197_413 },
    { path: '/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_universe_binary-amd64_Packages', kind: 'file', content: 'Package: (stand-in)\n', size: 31_436_520 },
    { path: '/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_main_i18n_Translation-en', kind: 'file', content: 'Package: (stand-in)\n', size: 2_921_306 },
    { path: '/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_universe_i18n_Translation-en', kind: 'file', content: 'Package: (stand-in)\n', size: 14_204_117 },
    { path: '/var/lib/apt/lists/archive.ubuntu.com_ubuntu_dists_trusty_Release', kind: 'file', content: 'Origin: Ubuntu\nLabel: Ubuntu\nSuite: trusty\nVersion: 14.04\nCodename: trusty\n', size: 58_512 },
    { path: '/var/cache/apt/pkgcache.bin', kind: 'file', content: '(apt cache stand-in)\n', size: 16_742_286 },
    { path: '/var/cache/apt/srcpkgcache.bin', kind: 'file', content: '(apt cache stand-in)\n', size: 16_695_450 },
  ],
};
