// Older or special-purpose images of the catalog: mongo:3.2, registry:2, progrium/stress.
import type { SeedImage } from './types';
import { PATH_ENV, bkLayer, bkMeta, classicLayer, classicMeta } from './history';
import { DEBIAN_JESSIE_SLIM } from './layers-debian';
import { ALPINE_3_18 } from './layers-alpine';
import { UBUNTU_TRUSTY_2014 } from './layers-ubuntu';
import { MONGO_LAYERS, REGISTRY_LAYERS, STRESS_APT, TRUSTY_2014_LAYERS } from './layers-misc';

const [M_USER, M_APT, M_GOSU, M_INITDB, M_GPG, M_SOURCES, M_INSTALL, M_DATA, M_ENTRY, M_COMPAT] = MONGO_LAYERS;
const GPG_KEYS = 'DFFA3DCF326E302C4787673A01C4E7FAAAB2461C 42F3E95A2C4F08279C4960ADD68FA50FEA312927';
const M_T = '2018-11-16T06:11:52Z';
const nop = (s: string) => classicMeta(M_T, `/bin/sh -c #(nop)  ${s}`);

/**
 * mongo:3.2 — the last 3.2 build (3.2.21, classic builder, late 2018). docker-library built 3.2 on
 * debian:jessie-slim (wheezy before that), never on Ubuntu; dates approximate.
 */
export const MONGO_3_2: SeedImage = {
  repository: 'library/mongo',
  tags: ['3.2', '3.2.21', '3.2-jessie', '3.2.21-jessie'],
  created: M_T,
  config: {
    Env: [PATH_ENV, 'GOSU_VERSION=1.10', 'JSYAML_VERSION=3.10.0', `GPG_KEYS=${GPG_KEYS}`, 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org',
      'MONGO_MAJOR=3.2', 'MONGO_VERSION=3.2.21'],
    Cmd: ['mongod'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '',
    ExposedPorts: { '27017/tcp': {} }, Volumes: { '/data/configdb': {}, '/data/db': {} },
  },
  history: [
    classicLayer('2018-11-15T12:21:31Z', DEBIAN_JESSIE_SLIM),
    classicMeta('2018-11-15T12:21:31Z', '/bin/sh -c #(nop)  CMD ["bash"]'),
    classicLayer(M_T, M_USER), classicLayer(M_T, M_APT),
    nop('ENV GOSU_VERSION=1.10'), nop('ENV JSYAML_VERSION=3.10.0'),
    classicLayer(M_T, M_GOSU), classicLayer(M_T, M_INITDB),
    nop(`ENV GPG_KEYS=${GPG_KEYS}`), classicLayer(M_T, M_GPG),
    nop('ARG MONGO_PACKAGE=mongodb-org'), nop('ARG MONGO_REPO=repo.mongodb.org'),
    nop('ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org'), nop('ENV MONGO_MAJOR=3.2'), nop('ENV MONGO_VERSION=3.2.21'),
    classicLayer(M_T, M_SOURCES), classicLayer(M_T, M_INSTALL), classicLayer(M_T, M_DATA),
    nop('VOLUME [/data/db /data/configdb]'),
    classicLayer(M_T, M_ENTRY), classicLayer(M_T, M_COMPAT),
    nop('ENTRYPOINT ["docker-entrypoint.sh"]'), nop('EXPOSE 27017'), nop('CMD ["mongod"]'),
  ],
  search: { description: 'MongoDB document databases provide high availability and easy scalability.', stars: 10_312, official: true },
};

const [R_CA, R_BIN, R_CONFIG, R_ENTRY] = REGISTRY_LAYERS;
const R_T = '2023-10-02T18:42:41Z';

/** registry:2 = 2.8.3 (rebuilt Nov 2024 on alpine 3.18.9; BuildKit history stamped with the 2023 commit time). */
export const REGISTRY: SeedImage = {
  repository: 'library/registry',
  tags: ['2', '2.8', '2.8.3', 'latest'],
  created: R_T,
  config: {
    Env: [PATH_ENV], Cmd: ['/etc/docker/registry/config.yml'], Entrypoint: ['/entrypoint.sh'], WorkingDir: '',
    ExposedPorts: { '5000/tcp': {} }, Volumes: { '/var/lib/registry': {} },
  },
  history: [
    bkLayer(R_T, ALPINE_3_18), bkMeta(R_T, 'CMD ["/bin/sh"]'),
    bkLayer(R_T, R_CA), bkLayer(R_T, R_BIN), bkLayer(R_T, R_CONFIG),
    bkMeta(R_T, 'VOLUME [/var/lib/registry]'), bkMeta(R_T, 'EXPOSE map[5000/tcp:{}]'),
    bkLayer(R_T, R_ENTRY),
    bkMeta(R_T, 'ENTRYPOINT ["/entrypoint.sh"]'), bkMeta(R_T, 'CMD ["/etc/docker/registry/config.yml"]'),
  ],
  search: { description: 'The Docker Registry 2.0 implementation for storing and distributing Docker images', stars: 4_068, official: true },
};

const [T_POLICY, T_UNIVERSE] = TRUSTY_2014_LAYERS;

/**
 * progrium/stress (Jeff Lindsay, 2014): `FROM ubuntu:trusty`, `RUN apt-get update && apt-get install -y stress`,
 * `ENTRYPOINT ["/usr/bin/stress", "--verbose"]`, `CMD []`. Docker 1.0-era history (`#(nop) CMD [/bin/bash]`
 * printed with Go's %v); dates and the trusty base steps approximate.
 */
export const STRESS: SeedImage = {
  repository: 'progrium/stress',
  tags: ['latest'],
  created: '2014-06-17T21:53:35Z',
  config: { Env: [PATH_ENV], Cmd: [], Entrypoint: ['/usr/bin/stress', '--verbose'], WorkingDir: '' },
  history: [
    classicLayer('2014-06-06T21:41:43Z', UBUNTU_TRUSTY_2014),
    classicLayer('2014-06-06T21:41:47Z', T_POLICY),
    classicLayer('2014-06-06T21:41:50Z', T_UNIVERSE),
    classicMeta('2014-06-06T21:41:51Z', '/bin/sh -c #(nop) CMD [/bin/bash]'),
    classicMeta('2014-06-17T21:52:03Z', '/bin/sh -c #(nop) MAINTAINER Jeff Lindsay <progrium@gmail.com>'),
    classicLayer('2014-06-17T21:53:31Z', STRESS_APT),
    classicMeta('2014-06-17T21:53:34Z', '/bin/sh -c #(nop) ENTRYPOINT [/usr/bin/stress --verbose]'),
    classicMeta('2014-06-17T21:53:35Z', '/bin/sh -c #(nop) CMD []'),
  ],
  search: { description: '', stars: 52, official: false },
};
