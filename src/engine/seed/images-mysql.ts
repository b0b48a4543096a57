// mysql images of the catalog: 9.1.0 (latest, innovation), 8.4.3 (lts) and 8.0.40, all on oraclelinux:9-slim.
import type { SeedImage, SeedLayer } from './types';
import { PATH_ENV, bkLayer, bkMeta } from './history';
import { ORACLELINUX_9_SLIM } from './layers-oracle';
import { MYSQL_80_LAYERS, MYSQL_84_LAYERS, MYSQL_9_LAYERS, MYSQL_COMMON } from './layers-mysql';

function mysqlImage(tags: string[], created: string, major: string, version: string, layers: SeedLayer[], search?: SeedImage['search']): SeedImage {
  const [user, gosu, tools] = MYSQL_COMMON;
  const [repo, server, shellRepo, shell, entry] = layers;
  const full = `${version}-1.el9`;
  return {
    repository: 'library/mysql',
    tags,
    created,
    config: {
      Env: [PATH_ENV, 'GOSU_VERSION=1.17', `MYSQL_MAJOR=${major}`, `MYSQL_VERSION=${full}`, `MYSQL_SHELL_VERSION=${full}`],
      Cmd: ['mysqld'], Entrypoint: ['docker-entrypoint.sh'], WorkingDir: '',
      ExposedPorts: { '3306/tcp': {}, '33060/tcp': {} }, Volumes: { '/var/lib/mysql': {} },
    },
    history: [
      bkLayer(created, ORACLELINUX_9_SLIM), bkMeta(created, 'CMD ["/bin/bash"]'),
      bkLayer(created, user), bkMeta(created, 'ENV GOSU_VERSION=1.17'), bkLayer(created, gosu), bkLayer(created, tools),
      bkMeta(created, 'RUN /bin/sh -c set -eux; key=\'BCA4 3417 C3B4 85DD 128E C6D4 B7B3 B788 A8D3 785C\'; export GNUPGHOME="$(mktemp -d)"; gpg --batch --keyserver keyserver.ubuntu.com --recv-keys "$key"; mkdir -p /etc/pki/rpm-gpg; gpg --batch --export --armor "$key" > /etc/pki/rpm-gpg/RPM-GPG-KEY-mysql; rm -rf "$GNUPGHOME" # buildkit'),
      bkMeta(created, `ENV MYSQL_MAJOR=${major}`), bkMeta(created, `ENV MYSQL_VERSION=${full}`), bkLayer(created, repo), bkLayer(created, server),
      bkLayer(created, shellRepo), bkMeta(created, `ENV MYSQL_SHELL_VERSION=${full}`), bkLayer(created, shell),
      bkMeta(created, 'VOLUME [/var/lib/mysql]'), bkLayer(created, entry), bkMeta(created, 'ENTRYPOINT ["docker-entrypoint.sh"]'),
      bkMeta(created, 'EXPOSE map[3306/tcp:{} 33060/tcp:{}]'), bkMeta(created, 'CMD ["mysqld"]'),
    ],
    ...(search ? { search } : {}),
  };
}

/** mysql:9.1.0, the default (an innovation release). */
export const MYSQL_9 = mysqlImage(['latest', '9', '9.1', '9.1.0', 'innovation', 'oraclelinux9', '9-oraclelinux9', '9.1-oraclelinux9', '9.1.0-oraclelinux9', 'innovation-oraclelinux9'],
  '2024-10-15T22:27:14Z', 'innovation', '9.1.0', MYSQL_9_LAYERS,
  { description: 'MySQL is a widely used, open-source relational database management system (RDBMS).', stars: 15_871, official: true });
/** mysql:8.4.3, the long-term-support line. */
export const MYSQL_84 = mysqlImage(['8', '8.4', '8.4.3', 'lts', '8-oraclelinux9', '8.4-oraclelinux9', '8.4.3-oraclelinux9', 'lts-oraclelinux9'], '2024-10-15T22:27:05Z', '8.4', '8.4.3', MYSQL_84_LAYERS);
/** mysql:8.0.40, still the most typed tag in tutorials. */
export const MYSQL_80 = mysqlImage(['8.0', '8.0.40', '8.0-oraclelinux9', '8.0.40-oraclelinux9'], '2024-10-15T22:26:54Z', '8.0', '8.0.40', MYSQL_80_LAYERS);

export const MYSQL_LAYERS: SeedLayer[] = [ORACLELINUX_9_SLIM, ...MYSQL_COMMON, ...MYSQL_9_LAYERS, ...MYSQL_84_LAYERS, ...MYSQL_80_LAYERS];
