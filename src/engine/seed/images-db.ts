// Database images of the catalog: postgres 17/16 (bookworm, alpine), mariadb 11 and mongo 8 (Ubuntu noble).
import type { SeedHistory, SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { DEBIAN_BOOKWORM_SLIM } from './layers-debian';
import { ALPINE_3_20 } from './layers-alpine';
import { UBUNTU_NOBLE } from './layers-ubuntu';
import { MARIADB_LAYERS, MONGO_8_LAYERS, POSTGRES_16_LAYERS, POSTGRES_17_ALPINE_LAYERS, POSTGRES_17_LAYERS, POSTGRES_DEBIAN_COMMON } from './layers-db';

const PG_T = '2024-11-22T01:21:53Z';
const PGDATA = '/var/lib/postgresql/data';

/** The tail every postgres variant shares: ENV PGDATA … CMD, with the layers of its last steps. */
function pgTail(t: string, l: SeedLayer[]): SeedHistory[] {
  const [run, pgdata, entry, enforce] = l;
  return [
    bkLayer(t, run), bkMeta(t, 'ENV PGDATA=/var/lib/postgresql/data'), bkLayer(t, pgdata),
    bkMeta(t, 'VOLUME [/var/lib/postgresql/data]'), bkLayer(t, entry), bkLayer(t, enforce),
    bkMeta(t, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(t, 'STOPSIGNAL SIGINT'), bkMeta(t, 'EXPOSE map[5432/tcp:{}]'), bkMeta(t, 'CMD ["postgres"]'),
  ];
}

const pgConfig = (env: string[]): SeedImage['config'] => ({
  Env: env, Cmd: ['postgres'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '',
  ExposedPorts: { '5432/tcp': {} }, Volumes: { [PGDATA]: {} }, StopSignal: 'SIGINT',
});

function pgDebian(major: string, version: string, layers: SeedLayer[]): SeedImage['history'] {
  const [user, gosu, locales, nss, initdb, gpg] = POSTGRES_DEBIAN_COMMON;
  const [apt, sample, ...tail] = layers;
  return [
    bkLayer(PG_T, DEBIAN_BOOKWORM_SLIM), bkMeta(PG_T, 'CMD ["bash"]'),
    bkLayer(PG_T, user), bkLayer(PG_T, gosu, gosu.createdBy), bkMeta(PG_T, 'ENV GOSU_VERSION=1.17'),
    bkLayer(PG_T, locales), bkMeta(PG_T, 'ENV LANG=en_US.utf8'), bkLayer(PG_T, nss), bkLayer(PG_T, initdb), bkLayer(PG_T, gpg),
    bkMeta(PG_T, `ENV PG_MAJOR=${major}`), bkMeta(PG_T, `ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`),
    bkMeta(PG_T, `ENV PG_VERSION=${version}`), bkLayer(PG_T, apt), bkLayer(PG_T, sample), ...pgTail(PG_T, tail),
  ];
}

const pgEnv = (major: string, version: string) => [`PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin:/usr/lib/postgresql/${major}/bin`,
  'GOSU_VERSION=1.17', 'LANG=en_US.utf8', `PG_MAJOR=${major}`, `PG_VERSION=${version}`, `PGDATA=${PGDATA}`];

/** postgres:17.2 (bookworm), the default: 14 layers, about 435 MB. */
export const POSTGRES_17: SeedImage = {
  repository: 'library/postgres',
  tags: ['latest', '17', '17.2', 'bookworm', '17-bookworm', '17.2-bookworm'],
  created: PG_T,
  config: pgConfig(pgEnv('17', '17.2-1.pgdg120+1')),
  history: pgDebian('17', '17.2-1.pgdg120+1', POSTGRES_17_LAYERS),
  search: { description: 'The PostgreSQL object-relational database system provides reliability and data integrity.', stars: 13_982, official: true },
};

/** postgres:16.6 (bookworm): shares the base and the first six steps with postgres:17. */
export const POSTGRES_16: SeedImage = {
  repository: 'library/postgres',
  tags: ['16', '16.6', '16-bookworm', '16.6-bookworm'],
  created: PG_T,
  config: pgConfig(pgEnv('16', '16.6-1.pgdg120+1')),
  history: pgDebian('16', '16.6-1.pgdg120+1', POSTGRES_16_LAYERS),
};

/** postgres:17.2-alpine3.20: PostgreSQL built from source, on the same alpine base as alpine:latest. */
export const POSTGRES_17_ALPINE: SeedImage = {
  repository: 'library/postgres',
  tags: ['alpine', '17-alpine', '17.2-alpine', 'alpine3.20', '17-alpine3.20', '17.2-alpine3.20'],
  created: PG_T,
  config: pgConfig([PATH_ENV, 'GOSU_VERSION=1.17', 'LANG=en_US.utf8', 'PG_MAJOR=17', 'PG_VERSION=17.2', `PGDATA=${PGDATA}`]),
  history: (() => {
    const [user, initdb, build, sample, ...tail] = POSTGRES_17_ALPINE_LAYERS;
    return [
      bkLayer(PG_T, ALPINE_3_20), bkMeta(PG_T, 'CMD ["/bin/sh"]'), bkLayer(PG_T, user), bkMeta(PG_T, 'ENV GOSU_VERSION=1.17'),
      bkMeta(PG_T, 'ENV LANG=en_US.utf8'), bkLayer(PG_T, initdb), bkMeta(PG_T, 'ENV PG_MAJOR=17'), bkMeta(PG_T, 'ENV PG_VERSION=17.2'),
      bkLayer(PG_T, build), bkLayer(PG_T, sample), ...pgTail(PG_T, tail),
    ];
  })(),
};

const MDB_T = '2024-11-25T17:52:09Z';
const MDB_VERSION = '1:11.6.2+maria~ubu2404';

/** mariadb:11.6.2 (noble), the default. */
export const MARIADB: SeedImage = {
  repository: 'library/mariadb',
  tags: ['latest', '11', '11.6', '11.6.2', 'noble', '11-noble', '11.6.2-noble'],
  created: MDB_T,
  config: {
    Env: [PATH_ENV, 'GOSU_VERSION=1.17', 'LANG=C.UTF-8', `MARIADB_VERSION=${MDB_VERSION}`], Cmd: ['mariadbd'], Entrypoint: ['docker-entrypoint.sh'],
    WorkingDir: '', ExposedPorts: { '3306/tcp': {} }, Volumes: { '/var/lib/mysql': {} },
    Labels: { 'org.opencontainers.image.title': 'MariaDB Database', 'org.opencontainers.image.version': '11.6.2', 'org.opencontainers.image.base.name': 'docker.io/library/ubuntu:noble' },
  },
  history: (() => {
    const [user, gosu, initdb, apt, health, entry] = MARIADB_LAYERS;
    return [
      bkLayer(MDB_T, UBUNTU_NOBLE), bkMeta(MDB_T, 'CMD ["/bin/bash"]'), bkLayer(MDB_T, user), bkMeta(MDB_T, 'ENV GOSU_VERSION=1.17'),
      bkMeta(MDB_T, 'ARG GPG_KEYS=177F4010FE56CA3336300305F1656F24C74CD1D8'), bkLayer(MDB_T, gosu), bkLayer(MDB_T, initdb),
      bkMeta(MDB_T, 'ENV LANG=C.UTF-8'), bkMeta(MDB_T, `ENV MARIADB_VERSION=${MDB_VERSION}`), bkLayer(MDB_T, apt),
      bkMeta(MDB_T, 'VOLUME [/var/lib/mysql]'), bkLayer(MDB_T, health), bkLayer(MDB_T, entry),
      bkMeta(MDB_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(MDB_T, 'EXPOSE map[3306/tcp:{}]'), bkMeta(MDB_T, 'CMD ["mariadbd"]'),
    ];
  })(),
  search: { description: 'MariaDB Server is a high performing open source relational database, forked from MySQL.', stars: 5_981, official: true },
};

const MG_T = '2024-12-04T21:45:12Z';

/** mongo:8.0.4 (noble), the default since 8.0. */
export const MONGO_8: SeedImage = {
  repository: 'library/mongo',
  tags: ['latest', '8', '8.0', '8.0.4', 'noble', '8.0-noble', '8.0.4-noble'],
  created: MG_T,
  config: {
    Env: [PATH_ENV, 'GOSU_VERSION=1.17', 'JSYAML_VERSION=3.13.1', 'MONGO_PACKAGE=mongodb-org', 'MONGO_REPO=repo.mongodb.org', 'MONGO_MAJOR=8.0',
      'MONGO_VERSION=8.0.4', 'HOME=/data/db'],
    Cmd: ['mongod'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '',
    ExposedPorts: { '27017/tcp': {} }, Volumes: { '/data/configdb': {}, '/data/db': {} },
  },
  history: (() => {
    const [user, apt, gosu, initdb, gpg, sources, install, entry] = MONGO_8_LAYERS;
    return [
      bkLayer(MG_T, UBUNTU_NOBLE), bkMeta(MG_T, 'CMD ["/bin/bash"]'), bkLayer(MG_T, user), bkLayer(MG_T, apt),
      bkMeta(MG_T, 'ENV GOSU_VERSION=1.17'), bkMeta(MG_T, 'ENV JSYAML_VERSION=3.13.1'), bkLayer(MG_T, gosu), bkLayer(MG_T, initdb), bkLayer(MG_T, gpg),
      bkMeta(MG_T, 'ARG MONGO_PACKAGE=mongodb-org'), bkMeta(MG_T, 'ARG MONGO_REPO=repo.mongodb.org'),
      bkMeta(MG_T, 'ENV MONGO_PACKAGE=mongodb-org MONGO_REPO=repo.mongodb.org'), bkMeta(MG_T, 'ENV MONGO_MAJOR=8.0'), bkLayer(MG_T, sources),
      bkMeta(MG_T, 'ENV MONGO_VERSION=8.0.4'), bkLayer(MG_T, install), bkMeta(MG_T, 'VOLUME [/data/db /data/configdb]'),
      bkMeta(MG_T, 'ENV HOME=/data/db'), bkLayer(MG_T, entry),
      bkMeta(MG_T, 'ENTRYPOINT ["docker-entrypoint.sh"]'), bkMeta(MG_T, 'EXPOSE map[27017/tcp:{}]'), bkMeta(MG_T, 'CMD ["mongod"]'),
    ];
  })(),
};
